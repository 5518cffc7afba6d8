"""Non-political news codes no event; idioms code one only as a political act; the sentence classifier ships,
loads offline and drops the events of sentences it calls NONE. Sentences written for these tests."""

from pathlib import Path

import pytest

from eventwire.events import classifier

ONLY_EVENTS = ["actors.rules.v1", "quotes.rules.v1", "events.rules.v1"]
NONPOLITICAL = Path(__file__).parent / "data" / "nonpolitical.txt"


def nonpolitical() -> list[tuple[str, str]]:
    rows = []
    for line in NONPOLITICAL.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            domain, text = line.split("|", 1)
            rows.append((domain, text.strip()))
    return rows


@pytest.fixture(scope="module")
def events_only():
    from eventwire import Pipeline

    return Pipeline(stages=ONLY_EVENTS)


@pytest.fixture(scope="module")
def events_no_classifier():
    from eventwire import Pipeline

    return Pipeline(stages=ONLY_EVENTS, event_classifier=False)


def test_events_nonpolitical_sentences_cover_eight_domains():
    rows = nonpolitical()
    assert len(rows) >= 440
    assert {d for d, _ in rows} == {"sport", "weather", "business", "science", "culture", "local", "health",
                                    "entertainment"}


def test_events_nonpolitical_news_codes_at_most_five_percent(events_only):
    coded = [text for _, text in nonpolitical() if events_only.code(text).events]
    assert len(coded) <= 0.05 * len(nonpolitical()), coded


@pytest.mark.parametrize("text", [
    "The finance minister made it clear that the economy grew faster than expected.",
    "Officials in Manila downplayed the damage from the typhoon.",
    "France has no need for foreign loans, the budget office said.",
    "A team of engineers attacked the problem of storing solar power with a new battery design.",
    "Manchester City beat Arsenal 3-1 on Saturday to go top of the table.",
    "Sri Lanka thrashed Zimbabwe by nine wickets in the second test.",
    "The Norwegian shipping group seized the opportunity to buy cheap tankers.",
    "Copper prices rose on strong demand from Chinese factories.",
])
def test_events_idioms_code_nothing_without_a_political_act(events_no_classifier, text):
    assert events_no_classifier.code(text).events == []


@pytest.mark.parametrize("text, etype", [
    ("President Karzai made it clear that the Taliban would have to lay down their arms.", "REQUEST"),
    ("The Taliban said they have no need for the Afghan government's offer of talks.", "REJECT"),
    ("Police officers beat a journalist outside the parliament in Dhaka.", "ASSAULT"),
])
def test_events_idioms_code_a_political_act(events_no_classifier, text, etype):
    assert etype in {e.type for e in events_no_classifier.code(text).events}


def test_events_classifier_ships_small_and_loads_offline():
    assert classifier.available()
    size = sum(p.stat().st_size for p in classifier.MODEL_DIR.rglob("*") if p.is_file())
    assert size < 5_000_000
    scores = classifier.type_scores("Rebels attacked an army post near the border.")
    assert set(scores) >= {"ASSAULT", "NONE"} and abs(sum(scores.values()) - 1) < 1e-3


def test_events_classifier_drops_only_what_it_calls_none(events_only, events_no_classifier):
    sport = "The Celtics agreed to terms with the forward on Tuesday."
    assert events_no_classifier.code(sport).events and not events_only.code(sport).events
    news = "Iraqi troops attacked rebel positions near Mosul on Monday."
    kept = events_only.code(news).events
    assert [e.type for e in kept] == [e.type for e in events_no_classifier.code(news).events]
    assert all(e.attrs["classifier_none"] < classifier.NONE_THRESHOLD for e in kept)


@pytest.mark.parametrize("text", [
    "Hailstones killed two shepherds grazing their flock on the hillside.",
    "Eleven people were killed in a mudslide after days of rain in Kerala.",
    "A truck driver died and his helper was injured when the vehicle overturned on the bridge.",
    "A tanker exploded at the depot, and the blaze killed four firemen.",
    "Cholera has killed 50 people in the camps since March.",
])
def test_events_deaths_from_weather_disasters_and_accidents_code_nothing(events_no_classifier, text):
    assert [e.type for e in events_no_classifier.code(text).events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize("text", [
    "Two soldiers were killed in an ambush by rebels near the border.",
    "A policeman was killed when militants opened fire on a checkpoint.",
    "Gunmen killed five villagers in a night raid.",
])
def test_events_killings_by_someone_stay_assaults(events_no_classifier, text):
    assert "ASSAULT" in {e.type for e in events_no_classifier.code(text).events}


def test_events_strike_with_an_object_is_an_attack_not_a_labour_strike(events_no_classifier):
    types = {e.type for e in events_no_classifier.code("Rebels struck an army convoy near the border.").events}
    assert "PROTEST" not in types and "ASSAULT" in types
    types = {e.type for e in events_no_classifier.code("Dock workers in Chittagong struck for higher pay.").events}
    assert "PROTEST" in types


@pytest.mark.parametrize("text, target", [
    ("Senator Maria Lopez attacked Governor Tom Reed in a radio interview on Monday.", "Tom Reed"),
    ("Congressman Dale Hunt hit Mayor Rosa Diaz hard on crime at Tuesday's debate.", "Rosa Diaz"),
])
def test_events_attacks_by_politicians_on_people_are_criticism(events_no_classifier, text, target):
    story = events_no_classifier.code(text)
    assert "ASSAULT" not in {e.type for e in story.events}
    accuse = [e for e in story.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].mode == "disapprove" and accuse[0].attrs["figurative_of"] == "ASSAULT"
    assert target in [story.actor(i).name for i in accuse[0].target]


@pytest.mark.parametrize("text", [
    "Governor Anne Blake launched a war on potholes last spring.",
    "Senator Jim Kerr has vowed to fight poverty in the rural counties.",
    "The senator left it to his niece to engage the crowd.",
    "The governor unveiled new tools to fight terrorism.",
])
def test_events_a_politicians_war_on_a_problem_is_no_assault(events_no_classifier, text):
    assert "ASSAULT" not in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text", [
    "Syrian troops attacked rebel positions near Aleppo.",
    "Senator Lopez's bodyguards attacked two protesters outside the hotel.",
    "Gunmen shot dead a journalist in Peshawar.",
])
def test_events_force_stays_assault(events_no_classifier, text):
    assert "ASSAULT" in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text", [
    "The coalition was set up in 1991.",
    "The new trade council was established last year.",
    "The senator said he was prepared to face any questions.",
    "The governor vowed not to repeat that mistake.",
])
def test_events_no_agreement_or_cooperation_without_a_doer_or_another_side(events_no_classifier, text):
    assert events_no_classifier.code(text).events == []


@pytest.mark.parametrize("text", [
    "Mexico's president said he plans to visit Guatemala next month.",
    "Indian and Pakistani officials agreed to reduce their stockpiles of weapons.",
    "President Karzai offered to provide security to Mullah Omar.",
])
def test_events_intentions_towards_others_stay_agreements(events_no_classifier, text):
    assert "AGREE" in {e.type for e in events_no_classifier.code(text).events}


def test_events_an_ad_or_a_party_hitting_a_politician_is_criticism(events_no_classifier):
    story = events_no_classifier.code("Senator Jim Kerr has a new campaign ad hitting Governor Anne Blake on taxes.")
    assert [e.type for e in story.events if e.type in ("ASSAULT", "ACCUSE")] == ["ACCUSE"]


@pytest.mark.parametrize("text, etype", [
    ("Italy announced the transfer of humanitarian aid to Kyrgyzstan.", "AID"),
    ("Ruritania agreed to all demands of the protesters.", "CONCEDE"),
])
def test_events_carriers_of_events_and_yielding_to_demands(events_no_classifier, text, etype):
    assert etype in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text", [
    "Senator Kerr asked why the governor had not acted.",
    "The moderator asked, \"Will you accept the result?\"",
    "Governor Anne Blake asked.",
])
def test_events_asking_a_question_is_no_request(events_no_classifier, text):
    assert "REQUEST" not in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text", [
    "Iran asked the United Nations for help.",
    "Egypt asked Israel to halt the raids.",
    "Chile has asked other countries for tents and medicine.",  # the parse hangs "for" on the object
])
def test_events_asking_for_something_is_a_request(events_no_classifier, text):
    assert "REQUEST" in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text, absent", [
    ("The bank fired 300 employees last year.", "ASSAULT"),
    ("Senator Kerr is holding himself up as a champion of workers.", "COERCE"),
    ("The opposition seized on the minister's remarks.", "COERCE"),
])
def test_events_word_senses_from_the_object(events_no_classifier, text, absent):
    assert absent not in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text, etype", [
    ("Rebels fired rockets at the army base.", "ASSAULT"),
    ("The militia seized control of the territory on June 30.", "COERCE"),
    ("Police held three men for questioning.", "COERCE"),
])
def test_events_word_senses_of_force_stay(events_no_classifier, text, etype):
    assert etype in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text, etype, mode", [
    ("Italian Prime Minister Matteo Renzi ordered troops to stand guard at the Colosseum.", "MOBILIZE", "troops"),
    ("The governor ordered additional police into the capital on Tuesday.", "MOBILIZE", "police"),
    ("The president ordered the army to withdraw from the border.", "REQUEST", "yield"),
])
def test_events_orders_to_forces_raise_force(events_no_classifier, text, etype, mode):
    assert (etype, mode) in {(e.type, e.mode) for e in events_no_classifier.code(text).events}


def test_events_transferring_aid_is_aid(events_no_classifier):
    story = events_no_classifier.code("Bahrain transferred 10 tons of humanitarian aid to Chad.")
    assert [e.type for e in story.events] == ["AID"]


@pytest.mark.parametrize("text, etype", [
    ("The opposition suspended its protests on Monday.", "CONCEDE"),
    ("Rebels halted their offensive near the capital.", "RETREAT"),
    ("The army lifted the siege of the city.", "CONCEDE"),
    # revoking, repealing, rescinding or abolishing a sanction eases it (CAMEO 085), it imposes none
    ("Germany revoked its sanctions against Ruritania.", "RETREAT"),
    ("France rescinded the sanctions on Venezuela.", "RETREAT"),
    ("Canada repealed the embargo on Cuba.", "RETREAT"),
    ("Brazil removed the sanctions on Paraguay.", "RETREAT"),
])
def test_events_stopping_a_conflict_is_a_step_back(events_no_classifier, text, etype):
    types = [e.type for e in events_no_classifier.code(text).events]
    assert types == [etype]


def test_events_suspending_aid_stays_a_sanction(events_no_classifier):
    assert "SANCTION" in {e.type for e in events_no_classifier.code("Egypt suspended aid to Ruritania.").events}


@pytest.mark.parametrize("text", ["Celtic thrashed their old rivals 6-1 at Parkhead.",
                                  "The visitors crushed the home side 38–10 in the league decider."])
def test_events_a_beating_with_a_score_is_a_match_result(events_no_classifier, text):
    # with the classifier off: the score alone tells the parse-based rules it is sport
    assert [e.type for e in events_no_classifier.code(text).events if e.type == "ASSAULT"] == []


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Unemployment hit its highest level in a decade in March.", []),
    ("The exchange was hit by the largest theft in its history.", []),
    ("Army jets hit rebel positions near the border.", ["ASSAULT"]),
    ("Ethiopia hit rebel positions near the border.", ["ASSAULT"]),  # a country commands force
    ("The inflation rate in Kenya hit a record in May.", []),  # the country is not what hits
    ("The shopping centre offers a supermarket and two cinemas.", []),
    ("Kenya offered talks to the rebels.", ["AGREE"]),
    ("She plans to travel to England next month.", []),
    ("The driver tried to protect the child.", []),
])
def test_everyday_uses_of_event_words_need_political_actors(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
def test_hit_said_against_someone_is_still_criticism(pipeline):
    events = pipeline.code("The senator hit the governor over the budget cuts.").events
    assert [(e.type, e.mode) for e in events] == [("ACCUSE", "disapprove")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Donald Trump held a rally in San Jose on Thursday.", []),  # a campaign event of one person
    ("Teachers rallied for higher pay in Oklahoma.", ["PROTEST"]),
])
def test_a_rally_is_a_protest_only_when_a_group_holds_it(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Senator Ortiz captured Nevada and Utah in Tuesday's primaries.", []),  # votes won, no territory taken
    ("The retailer took over a rival chain of bakeries last year.", []),  # a purchase
    ("Rebels captured Kidal after two days of fighting.", [("COERCE", "seize")]),
    ("The army took over the state broadcaster's building.", [("COERCE", "seize")]),
    ("Police captured the suspect after a car chase.", [("COERCE", "arrest")]),
])
def test_capture_and_take_over_are_seizures_only_by_armed_or_state_actors(pipeline, text, expected):
    assert [(e.type, e.mode) for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Marta Delgado, a Chilean engineer visiting Lisbon with her family, said the fire spread fast.", []),
    ("A reporter visiting Athens on holiday described the flooding.", []),
    ("The Chilean foreign minister is visiting Lisbon this week.", ["CONSULT"]),
])
def test_a_visit_is_an_event_only_when_someone_public_makes_it(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The governor accepted $50,000 from two oil companies.", []),  # money taken
    ("The rebels accepted the government's offer of a truce.", ["AGREE"]),
    ("Her attacks on his voting record have not worked.", []),  # words aimed at a record
    ("The central bank ended its two-day policy meeting on Thursday.", []),  # the meeting was over
    ("The truck slammed into a bus near the bridge.", []),
    ("Poll shows Ortiz would beat Lang in a hypothetical match-up.", []),  # "up" of "match-up" is no particle
])
def test_everyday_uses_of_accept_attack_end_slam_and_beat(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("noun", ["guards", "tourists", "shoppers", "bystanders"])
def test_people_an_attack_kills_are_its_target_whatever_the_noun(pipeline, noun):
    story = pipeline.code(f"A bomb attack on the market killed eleven {noun} on Sunday.")
    [event] = story.events
    assert event.type == "ASSAULT"
    assert [story.actor(t).name for t in event.target] == [noun]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The Bled Strategic Forum is being held in Slovenia this week.", []),  # a gathering held
    ("Hamas held the soldier for five years.", ["COERCE"]),
    ("The mayor accepted a gift from the developer.", []),
    ("Ms. Ortiz recognized early that the race would be close.", []),  # knowing, not recognising anyone
    ("Vietnam is the war that shaped his generation.", []),
    ("The minister froze in place when the question came.", []),
    ("The European Union froze the assets of ten officials.", ["SANCTION"]),
    ("It should never be used as an excuse or a shield.", []),
    ("The militants used villagers as human shields.", ["ASSAULT"]),
    ("His campaign has booked two comedians as speakers.", []),
])
def test_everyday_uses_of_hold_accept_recognize_freeze_and_book(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
def test_a_city_named_before_an_attack_is_where_not_who(pipeline):
    story = pipeline.code("The Karachi bombing killed 20 people on Friday.")
    [event] = story.events
    assert story.actor(event.source[0]).name == "unidentified attackers"
    assert story.actor(event.source[0]).country == "PAK"


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("\u201cIt had fallen off the radar,\u201d recalled former reporter Ann Ruiz.", []),  # who speaks
    ("Ruiz, 20, was caught in a hail of gunfire outside the club.", []),  # trapped, not arrested
    ("For their first episode they settled on chef Ruiz.", []),
    ("The party could not hold a meeting because of the crisis.", []),  # unable, not refusing
    ("They will end up fighting over the budget.", []),  # nothing stops
])
def test_everyday_uses_of_recall_catch_settle_and_end(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Kenya did not condemn the coup, nor did Uganda support the junta.",
    "The government neither condemned nor supported the coup.",
])
def test_a_conjunct_after_nor_is_denied(pipeline, text):
    events = pipeline.code(text).events
    assert [e.type for e in events] == ["ACCUSE", "SUPPORT"] and all(e.negated for e in events)


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Lina said she was picked up by the school driver at home.", []),  # a ride, not an arrest
    ("The judge said the president abused the power given to her by the citizens.", []),  # no body harmed
    ("Soldiers tortured the detainees in the camp.", ["ASSAULT"]),
])
def test_everyday_uses_of_pick_up_and_abuse(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
def test_an_arrest_with_a_place_parsed_as_its_object_stays_an_arrest(pipeline):
    events = pipeline.code("MADISON, Wis. (AP) - A Dane County man is arrested after a shooting.").events
    assert [(e.type, e.mode) for e in events] == [("COERCE", "arrest")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The union called off the strike after talks with the ministry.", [("CONCEDE", "")]),
    ("The government called off the peace talks with the rebels.", [("SANCTION", "withdraw")]),
    ("Several firms have called off projects with the developer.", []),  # no conflict to step back from
])
def test_calling_off_is_a_step_back_only_from_a_conflict(pipeline, text, expected):
    assert [(e.type, e.mode or "") for e in pipeline.code(text).events] == expected


@pytest.mark.model
def test_calling_someone_a_quoted_name_is_no_phone_call(pipeline):
    story = pipeline.code("The senator called the bankers \u201cfree riders\u201d on Tuesday.")
    assert [e.type for e in story.events] == []


@pytest.mark.model
def test_calling_someone_a_name_is_no_phone_call(pipeline):
    # a name given: in quotes inside or after the object, set on it with no comma, or a second object
    for text in ("Governor Brandt called Senator Hale 'Little Marco' at the rally.",
                 "The senator called her late husband her hero.",
                 "Mayor Olsen called Governor Brandt an \u201cignorant clown\u201d and left the stage.",
                 "The professor calls the new border town \"a costly mistake\" in his book."):
        assert [e.type for e in pipeline.code(text).events if e.type == "CONSULT"] == [], text
    # a call to someone, a title set off by commas
    for text in ("Chancellor Scholz called President Macron on Tuesday to discuss the budget.",
                 "Obama called Governor Brandt, his old rival, after the vote."):
        assert "CONSULT" in {e.type for e in pipeline.code(text).events}, text


@pytest.mark.model
def test_in_a_place_is_no_particle_of_a_pattern(pipeline):
    assert pipeline.code("The general gave a long speech in Washington on Friday.").events == []
    assert [e.type for e in pipeline.code("The government gave in to the strikers.").events] == ["CONCEDE"]


@pytest.mark.model
def test_a_quake_that_strikes_is_no_labour_strike(pipeline):
    assert pipeline.code("An earthquake of magnitude 6.1 struck off the coast of Chile.").events == []


@pytest.mark.model
@pytest.mark.parametrize("text", ["His brother attacked the policeman at the checkpoint.",
                                  "A mob attacked two constables in the village."])
def test_force_against_police_stands_whoever_does_it(pipeline, text):
    assert [e.type for e in pipeline.code(text).events] == ["ASSAULT"]


@pytest.mark.model
def test_a_sanction_on_an_official_told_without_its_doer_stands(pipeline):
    events = pipeline.code("The Dutch ambassador was recalled from Ankara on Monday.").events
    assert [(e.type, e.mode) for e in events] == [("SANCTION", "withdraw")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Congressman Ortiz offered remarks at the ribbon cutting.", []),
    ("The minister offered no details on the budget.", []),
    ("The US offered security guarantees to Ukraine.", ["AGREE"]),
    # words of feeling sent to someone: a comment PLOVER has no type for (CAMEO 018), no offer
    ("Canada offered its condolences to Peru after the floods.", []),
    ("The minister offered her sympathy to the families in Peru.", []),
])
def test_offering_words_is_speaking_not_an_offer(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Ethiopia's Lucia Rautio struck out on her own at the bell and won by three seconds.", []),
    ("Chile's Amara Oduya struck out alone after the second bend and won the race.", []),
    ("Dock workers in Chile struck on Monday over pay.", ["PROTEST"]),
])
def test_striking_out_alone_is_no_labour_strike(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("47 percent of Cuban Americans say they will support Ortiz in November.", []),  # a poll's finding
    ("A majority of lawmakers rejected the bill on Tuesday.", ["REJECT"]),  # a vote
])
def test_support_told_of_a_percentage_of_people_is_a_poll(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("An average of 76 percent of Republicans approve of the governor, the survey found.", []),
    ("Older voters backed the senator, 61 percent to 30 percent.", []),  # a poll's margin
    ("Parliament approved a 5 percent tax rise on Monday.", ["AGREE"]),  # a percentage in what is approved
])
def test_percentages_of_people_and_poll_margins_are_no_act(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The senator reinforced all the negative qualities voters see in her rival.", []),
    ("The army reinforced its positions near the border.", ["MOBILIZE"]),
    ("NATO strengthened its forces in the Baltic states.", ["MOBILIZE"]),
    ("The mayor defended himself against the claims on Sunday.", []),
    ("Many voters did not recognize themselves in the candidate's description.", []),
    ("China committed itself to the peace process.", ["AGREE"]),
    ("Markets fell when panic struck Frankfurt.", []),
    ("Police shut down the newspaper.", ["COERCE"]),
    ("The council said her judgement was shot after the affair.", []),  # told in the passive
    ("Two charities and a news agency were banned by the ministry.", ["COERCE"]),  # not all of them ideas
    ("Moscow attacked the proposal at the summit.", []),  # words of force said of words
    ("The rebels hit targets across the province.", ["ASSAULT"]),  # a target is also who is aimed at
    ("Riot police attacked the protest with batons.", ["ASSAULT"]),  # a protest is also people acting
])
def test_material_deeds_done_to_ideas_or_to_oneself_are_figures(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The driver of the first vehicle, occupied by two children, was unhurt.", []),
    ("Rebels occupied the town on Monday.", ["COERCE"]),
    ("Officers caught the suspect near the border.", ["COERCE"]),
    ("The reporters catch her randomly after events, and she just answers.", []),
    ("The club set up an exhibit in the old warehouse.", []),
])
def test_seizing_catching_and_setting_up_need_a_doer_that_does_them(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The trouble began when a police patrol received reports of a fire in the town.", []),
    ("Gunmen fired on a security patrol near the castle.", ["ASSAULT"]),
    ("The army stepped up patrols along the border.", ["MOBILIZE"]),
])
def test_a_patrol_may_be_the_unit_not_its_patrolling(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The senator closed out his campaign tour in Manchester.", []),  # finished, closed nothing
    ("The ministry handed over the documents to the committee.", []),  # filing, not aid
    ("The rebels handed over 20 prisoners to the Red Cross.", ["AID"]),
])
def test_finishing_and_filing_are_no_events(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("I have always said that I expect to be vetted, he said on \"Meet the Press.\"", []),  # a show's name
    ("He said on \"Meet the Press\" that Russia had attacked Ukraine.", ["ASSAULT"]),
    ("The family settled in Queens in 1950.", []),  # made a home, agreed nothing
    ("Israel and the PLO settled their differences.", ["AGREE"]),
    ("He recalled the candidate storming off after the dinner.", []),
    ("The pundits are saving face and settling scores with old rivals.", []),  # revenge, no settlement
])
def test_titles_homes_and_tempers_are_no_events(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The party and its partners rule 21 out of 29 states.", []),  # a share, no ruling out
    ("The government ruled out talks with the rebels.", ["REJECT"]),
    ("Despite the need for the island to defend itself, he said retreat was sometimes the best defence.", []),
    ("He continued withdrawing her monthly retirement pension.", []),  # money, no retreat
    ("The army withdrew its troops from the town.", ["RETREAT"]),
])
def test_shares_self_defence_and_withdrawn_money_are_no_events(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Germany stood by Ukraine throughout the war.", ["SUPPORT"]),
    ("The minister stood by his remarks on Tuesday.", []),  # keeping to one's words supports no one
])
def test_a_preposition_ending_a_pattern_gives_the_object_its_frame_needs(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Comedian Ray Dorsey recently hit another milestone with the 100th episode of his ABC series, Dark Harbor.", []),
    ("The senator attacked Governor Ruiz over his record on taxes.", ["ACCUSE"]),
    ("A man attacked the woman with a knife.", ["ASSAULT"]),  # an unnamed man speaks no attack
    ("The suspect threw a bottle at her, striking her arm.", ["ASSAULT"]),
])
def test_a_word_of_force_said_by_someone_unarmed_criticises_only_whom_its_object_names(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("The grainy video, shot by a worker on the factory floor, spread online.", []),
    ("The campaign shot a new television ad in Ohio.", []),
    ("Police shot a protester in the leg.", ["ASSAULT"]),
])
def test_shooting_a_film_is_filming(pipeline, text, expected):
    assert [e.type for e in pipeline.code(text).events] == expected
@pytest.mark.parametrize("text", [
    "Glencore struck a deal to supply copper to a Korean smelter for five years.",
    "Juventus rejected a 60 million euro offer for their captain.",
    "Lufthansa threatened to cancel an order for 20 Airbus jets over delays.",
    "Heineken signed an agreement to buy a brewery in Vietnam.",
    "Renault and Fiat broke off merger talks on Wednesday.",  # a halt to talks (SANCTION), of trade
])
def test_events_trade_of_companies_codes_nothing(events_no_classifier, text):
    assert events_no_classifier.code(text).events == []


@pytest.mark.parametrize("text, etype", [
    ("Russia agreed to supply gas to Serbia for another three years.", "AGREE"),
    ("The European Union suspended trade talks with Thailand.", "SANCTION"),
    ("The Tokyo Stock Exchange and the Korea Exchange have agreed to share information on listings.", "AGREE"),
])
def test_events_trade_deals_of_states_and_sharing_stay(events_no_classifier, text, etype):
    assert etype in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text", [
    "Health regulators in Canada approved the new malaria vaccine for children.",
    "The agency rejected a request to approve the obesity drug.",
])
def test_events_licensing_a_medicine_codes_nothing(events_no_classifier, text):
    assert events_no_classifier.code(text).events == []


def test_events_meeting_market_demand_is_no_concession(events_no_classifier):
    story = events_no_classifier.code("Bakeries in Lyon worked through the night to meet growing demand.")
    assert "CONCEDE" not in {e.type for e in story.events}
    story = events_no_classifier.code("The government met the striking miners' demands on Friday.")
    assert "CONCEDE" in {e.type for e in story.events}


@pytest.mark.parametrize("text", [
    "A superbug killed 12 patients in a Romanian hospital.",
    "Landslides blocked the main road between Kabul and Jalalabad.",
])
def test_events_disease_and_weather_as_doers_code_nothing(events_no_classifier, text):
    assert events_no_classifier.code(text).events == []


@pytest.mark.parametrize("text", [
    "The Spanish tennis player withdrew from the championship with a wrist injury.",
    "Pakistan's cricket board banned the spinner for two matches for throwing.",
    "The Ethiopian runner was banned for doping on Friday.",
    "The Yankees traded their closer to the Seattle Mariners for a young outfielder.",
    "The Canadian skier defended her world title in the giant slalom on Sunday.",  # a title, not a side
    "The champion will defend his crown against the challenger in Las Vegas.",
])
def test_events_sport_withdrawals_bans_and_trades_code_nothing(events_no_classifier, text):
    assert events_no_classifier.code(text).events == []


@pytest.mark.parametrize("text, etype", [
    ("Syrian troops withdrew from the town of Qusair on Monday.", "RETREAT"),
    ("The government banned the opposition newspaper for publishing leaked documents.", "COERCE"),
])
def test_events_withdrawals_and_bans_outside_sport_stay(events_no_classifier, text, etype):
    assert etype in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text", [
    "Engineers closed the tunnel under the Mersey after a leak was found.",
    "Contractors will close two lanes of the motorway from Monday night.",
])
def test_events_works_closing_a_road_are_no_restriction(events_no_classifier, text):
    assert events_no_classifier.code(text).events == []


def test_events_restrictions_by_someone_or_told_short_stay(events_no_classifier):
    assert "COERCE" in {e.type for e in events_no_classifier.code("Police closed the road after the explosion.").events}
    headline = "Bolivia: Two Human Rights NGOs Banned for Ties to Foreign Donors"
    assert "COERCE" in {e.type for e in events_no_classifier.code(headline).events}


def test_events_hosting_a_side_in_a_match_is_sport(events_no_classifier):
    sport = "Ghana's Black Stars will host Nigeria in a friendly in Accra next month."
    assert events_no_classifier.code(sport).events == []
    visit = "China will host Iranian President Raisi in Beijing next week."
    assert events_no_classifier.code(visit).events


@pytest.mark.parametrize("text", [
    "Siemens withdrew its sales forecast for the year after weak orders from China.",
    "The Danish toymaker withdrew its product from shelves in Germany.",
])
def test_events_a_company_withdrawing_a_forecast_or_product_codes_nothing(events_no_classifier, text):
    assert events_no_classifier.code(text).events == []


def test_events_troops_withdrawn_by_a_state_stay_a_retreat(events_no_classifier):
    story = events_no_classifier.code("Russia withdrew its troops from the border region on Friday.")
    assert "RETREAT" in {e.type for e in story.events}


def test_events_a_company_settling_a_lawsuit_codes_nothing(events_no_classifier):
    story = events_no_classifier.code("Meta agreed to pay 90 million dollars to settle a lawsuit over user tracking.")
    assert story.events == []


def test_events_a_blow_told_with_words_of_play_is_sport(events_no_classifier):
    sport = "The Sri Lankan opener struck nine boundaries in his innings of 88."
    assert events_no_classifier.code(sport).events == []
    news = "Rebels attacked an army post near the border."
    assert "ASSAULT" in {e.type for e in events_no_classifier.code(news).events}


@pytest.mark.parametrize("text", [
    "In the new spy thriller, a double agent kidnaps the defence minister's son.",
    "The crime series follows a detective who arrests a corrupt senator.",
    "The actress plays a soldier who shoots a prisoner during the war.",
    "The animated film, in which pirates attack a fishing village, opened in 3,000 cinemas.",
    "The war movie's hero storms an enemy bunker in the last scene.",
])
def test_events_a_story_told_in_a_work_of_fiction_codes_nothing(events_no_classifier, text):
    assert events_no_classifier.code(text).events == []


@pytest.mark.parametrize("text, etype", [
    ("Police arrested twelve men in a series of raids on Tuesday.", "COERCE"),
    ("In a show of force, soldiers fired on the protesters in the capital.", "ASSAULT"),
    ("Protesters attacked a cinema that was showing the film.", "ASSAULT"),
])
def test_events_fiction_words_in_real_news_still_code(events_no_classifier, text, etype):
    assert etype in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.model
def test_events_everyday_advice_and_welcome_are_no_political_act(events_no_classifier):
    # health and school staff, neighbours and families among themselves, about no event
    for text in ("Doctors urged parents to keep sick children at home.",
                 "Residents welcomed the reopening of the old footbridge.",
                 "Teachers urged pupils to read more books over the summer."):
        assert events_no_classifier.code(text).events == [], text
    # asked of a public body, about an event, or by people contending with a state: politics
    for text, etype in (("Residents urged the government to fix the road.", "REQUEST"),
                        ("Families welcomed the release of the hostages.", "AGREE"),
                        ("Protesters welcomed the reopening of the square.", "AGREE")):
        assert etype in {e.type for e in events_no_classifier.code(text).events}, text
    for text in ("Striking nurses urged patients to support their campaign.",
                 "Teachers demanded higher pay."):
        assert "REQUEST" in {e.type for e in events_no_classifier.code(text).events}, text


def test_events_classifier_scores_a_batch_as_it_scores_each_sentence_alone():
    texts = ["Rebels attacked an army post near the border.", "The Celtics agreed to terms with the forward.",
             "Kenya accused Somalia of harbouring militants on Friday.", "It rained all week in the valley."]
    model = classifier.type_model()
    alone = [tuple(model(t).cats.items()) for t in texts]
    classifier._CACHE.clear()
    classifier.score_many(texts + texts[:1])
    assert [classifier._CACHE[t] for t in texts] == alone  # the same numbers, to the last bit
    assert [tuple(classifier.type_scores(t).items()) for t in texts] == alone
    classifier._CACHE.clear()
    assert tuple(classifier.type_scores(texts[1]).items()) == alone[1]  # one alone, not scored before


def test_events_classifier_cache_keeps_the_most_recent_sentences(monkeypatch):
    monkeypatch.setattr(classifier, "_CACHE_SIZE", 2)
    classifier._CACHE.clear()
    classifier.score_many(["One sentence here.", "Two sentences here.", "Three sentences here."])
    assert list(classifier._CACHE) == ["Two sentences here.", "Three sentences here."]
    classifier.type_scores("Two sentences here.")  # used again: now the most recent
    classifier.score_many(["Four sentences here."])
    assert list(classifier._CACHE) == ["Two sentences here.", "Four sentences here."]
    classifier._CACHE.clear()


@pytest.mark.parametrize("text", [
    "The mayor left the council meeting early to pick up her daughter from school.",
    "A Finnish diplomat who requested anonymity said the summit would go ahead.",
    "An aide who asked for anonymity described the mood as tense.",
    "Portugal hopes to kill off its long lunch breaks with a new labour code.",
    "The Liberal senator led the charge against the budget bill.",
])
def test_events_phrasal_idioms_and_press_formulas_code_nothing(events_no_classifier, text):
    """"Pick up" is an arrest only by police or soldiers; asking for anonymity is a formula of news writing;
    "kill off" a custom and "led the charge" are figures."""
    assert events_no_classifier.code(text).events == []


def test_events_endorsements_picked_up_are_no_arrest(events_no_classifier):
    text = "Senator Halvorsen picked up three more endorsements from county leaders on Monday."
    assert "COERCE" not in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text, etype", [
    ("Police picked up four suspects in Kochi on Sunday.", "COERCE"),
    ("The rebels requested a ceasefire on Tuesday.", "REQUEST"),
    ("Prosecutors filed a new charge against the mayor of Split.", "ACCUSE"),
])
def test_events_the_same_words_still_code_the_act(events_no_classifier, text, etype):
    assert etype in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text", [
    "On Twitter, Senator Lindqvist called the governor \u201creckless.\u201d",  # a fronted "on" is no "call on"
    "Ms. Arnaud called Mrs. Delacroix an ''Uncle Sam.''",  # a label given with "an"
    "The governor's office did not return a request for comment on the audit.",
    "The aide did not return calls seeking comment.",
    "A campaign group called Our Valley is ramping up its advertising.",
])
def test_events_naming_and_answering_code_nothing(events_no_classifier, text):
    """Calling someone something names them; returning a call answers it; a preposition before a verb is none
    of its particles."""
    assert events_no_classifier.code(text).events == []


def test_events_a_name_the_parser_reads_as_predicate_is_whom_a_call_reaches(events_no_classifier):
    evs = events_no_classifier.code("On May . 4 , Prime Minister Ilse Vantongeren called Chilean Foreign Minister "
                                    "Rodrigo Alcalde to discuss fishing rights .").events
    assert [e.type for e in evs] == ["CONSULT"] and evs[0].target, evs


@pytest.mark.parametrize("text", [
    "Thousands of pupils must retake their exams after the paper leaked.",
    "The governor renewed her plan to close the state prison at Millbrook.",
    "The prime minister vowed to close the old detention centre.",
])
def test_events_closing_ones_own_site_and_retaking_exams_code_nothing(events_no_classifier, text):
    """Closing is a restriction only when someone is closed out, also in the clause a control verb takes;
    retaking is a recapture only by a force or a state."""
    assert events_no_classifier.code(text).events == []


@pytest.mark.parametrize("text, etype", [
    ("Chad closed its border with Sudan on Monday.", "COERCE"),
    ("Chad threatened to close its border with Sudan.", "THREATEN"),
    ("If the talks fail, Chad will close the border.", "THREATEN"),  # a way in or out shuts others out
    ("Iran closed its airspace on Monday.", "COERCE"),
    ("The army retook the town of Kidal from the rebels.", "ASSAULT"),
])
def test_events_closing_someone_out_and_retaking_a_town_stay(events_no_classifier, text, etype):
    assert etype in {e.type for e in events_no_classifier.code(text).events}


@pytest.mark.parametrize("text, coded", [
    ("The army began relief operations in the flooded province of Sindh.", False),
    ("Portugal was conducting surveillance drone operations inside Mali.", False),
    ("The navy launched a rescue operation off the coast of Crete.", False),
    ("The army launched military operations against the rebels in Darfur.", True),
])
def test_events_operations_of_relief_or_watching_are_no_assault(events_no_classifier, text, coded):
    assert ("ASSAULT" in {e.type for e in events_no_classifier.code(text).events}) is coded
