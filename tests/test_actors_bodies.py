"""Actors: bodies the knowledge base does not know, read from their names (acronyms, international bodies,
state and provincial bodies); titles (a postpositive "general", a place before a title); abbreviations written
in mixed case; places that spaCy took for people."""

from __future__ import annotations

import pytest

from eventwire.actors.acronyms import initials, is_acronym

pytestmark = pytest.mark.model


def _actor(story, name_part):
    for a in story.actors:
        if name_part.lower() in a.name.lower():
            return a
    raise AssertionError(f"no actor named like {name_part!r}: {[a.name for a in story.actors]}")


def test_acronym_shapes():
    assert is_acronym("IRENA") and is_acronym("U.N.") and not is_acronym("Irena") and not is_acronym("A")


def test_initials_skip_function_words(pipeline):
    doc = pipeline.nlp("Department of Homeland Security")
    assert initials(doc, 0, len(doc)) == "DHS"


def test_bracketed_acronym_is_the_body_named_before_it(pipeline):
    story = pipeline.code("The Coastal Fisheries Board (CFIB) said stocks fell in March. CFIB said quotas would "
                          "be cut next year.")
    board = _actor(story, "Coastal Fisheries Board")
    assert [m.text for m in board.mentions].count("CFIB") == 2
    assert not any(a.name == "CFIB" for a in story.actors)


def test_acronym_of_initials_is_the_body_named_in_full(pipeline):
    story = pipeline.code("The Northern Grain Council warned of a poor harvest. The NGC said prices would rise.")
    council = _actor(story, "Northern Grain Council")
    assert "NGC" in [m.text for m in council.mentions]


def test_acronym_with_two_possible_bodies_is_left_alone(pipeline):
    story = pipeline.code("The Northern Grain Council met the National Growers Club. The NGC said prices would rise.")
    assert not any("NGC" in [m.text for m in a.mentions] for a in story.actors if "Council" in a.name)


def test_international_body_is_no_state_body(pipeline):
    story = pipeline.code("WASHINGTON - The International Tidal Energy Agency said on Monday that capacity grew.")
    agency = _actor(story, "Tidal Energy Agency")
    assert agency.sector == "IGO" and agency.country is None


def test_state_body_of_a_named_state_takes_its_country(pipeline):
    story = pipeline.code("The Montana Department of Corrections said the contract would end in June.")
    body = _actor(story, "Department of Corrections")
    assert (body.country, body.sector) == ("USA", "GOV")
    story = pipeline.code("The Ontario Ministry of Forests said the fires were contained.")
    body = _actor(story, "Ministry of Forests")
    assert body.country == "CAN"


def test_a_body_named_after_a_state_takes_its_country_whatever_its_sector(pipeline):
    story = pipeline.code("The Nevada Harbour Guard detained two fishermen on Sunday.")
    assert _actor(story, "Harbour Guard").country == "USA"


def test_a_city_qualified_by_a_state_or_country_lies_there(pipeline):
    # the city's commoner reading is elsewhere; the comma and the state or country after it say where it is
    for text, words, country in [
            ("Officials in Birmingham, Alabama, condemned the shooting at the school.", "Officials", "USA"),
            ("Authorities in Paris, Texas, arrested a teacher on Friday.", "Authorities", "USA"),
            ("Police in London, Ontario, arrested a driver after the crash.", "Police", "CAN"),
            ("Police in Tbilisi, Georgia, detained three students.", "Police", "GEO")]:
        story = pipeline.code(text)
        actor = next(a for a in story.actors if any(text[m.start:m.end].startswith(words) for m in a.mentions))
        assert actor.country == country, text
    # the state after the comma is a place, not the country that shares its name
    story = pipeline.code("Officials in Columbus, Georgia, condemned the attack on the mosque.")
    assert "GEO" not in {a.country for a in story.actors}
    # a comma before a new phrase is no qualifier
    story = pipeline.code("In Moscow, U.S. officials said the talks had failed.")
    assert _actor(story, "United States").country == "USA"


def test_a_continent_is_no_country():
    from eventwire.actors.places import city_country
    # a town shares the continent's name ("Asia" in the Philippines): the continent wins and has no country
    assert city_country("Asia") is None and city_country("Africa") is None
    assert city_country("Nairobi") == "KEN"


def test_an_unknown_body_is_not_of_the_state_it_acts_on(pipeline):
    # the only country in the sentence is the accused's: the university is not theirs
    story = pipeline.code("Westbrook University researchers accused the Chinese government of hacking.")
    assert _actor(story, "Westbrook University").country != "CHN"


def test_a_general_after_an_office_is_no_officer(pipeline):
    story = pipeline.code("Lena Marovic, Director-General of the agency, spoke on Monday. Solicitor General Tom Hale "
                          "filed the appeal. Gen. Ahmed Said ordered the troops to withdraw.")
    assert _actor(story, "Lena Marovic").sector == "GOV"
    assert _actor(story, "Tom Hale").sector == "JUD"
    assert _actor(story, "Ahmed Said").sector == "MIL"


def test_a_mixed_case_abbreviation_matches_only_as_written(pipeline):
    story = pipeline.code("Let the talks begin, the minister said. LeT militants attacked the camp.")
    let = [a for a in story.actors if a.name == "Lashkar-e-Taiba"]
    assert len(let) == 1 and [m.text for m in let[0].mentions if m.text.lower() == "let"] == ["LeT"]


def test_what_a_place_noun_names_is_a_place_not_a_person(pipeline):
    story = pipeline.code("An explosion in a market in the southern city of Shiraz injured 37 people.")
    assert not any(a.name == "Shiraz" and a.kind == "person" for a in story.actors)


def test_a_state_or_city_before_a_title_gives_the_country(pipeline):
    story = pipeline.code("Texas Gov. Greg Abbott signed the bill. Calgary MLA Sandra Jansen said she would leave the "
                          "party.")
    abbott, jansen = _actor(story, "Greg Abbott"), _actor(story, "Sandra Jansen")
    assert (abbott.country, abbott.sector) == ("USA", "GOV")
    assert (jansen.name, jansen.country, jansen.sector) == ("Sandra Jansen", "CAN", "LEG")


def test_a_country_name_inside_a_longer_place_name_in_a_body_is_not_that_country(pipeline):
    story = pipeline.code("Western New England University said it would close its campus.")
    body = _actor(story, "New England University")
    assert body.country != "GBR"


def test_a_lone_direction_word_gives_no_country(pipeline):
    story = pipeline.code("The Western Farmers Council said prices fell.")
    assert _actor(story, "Western Farmers Council").country is None


def test_a_party_that_is_a_gathering_is_no_political_party(pipeline):
    story = pipeline.code("The photo lines at holiday parties bring awkward moments, and the birthday party was "
                          "canceled. The ruling party won the vote.")
    assert [a.name for a in story.actors if a.sector == "PTY"] == ["ruling party"]
    assert not any("birthday" in a.name or "holiday" in a.name for a in story.actors)


def test_chief_of_staff_takes_the_sector_of_the_body(pipeline):
    story = pipeline.code("The White House chief of staff, Tina Tchen, said the event was over.")
    assert _actor(story, "Tina Tchen").sector == "GOV"


def test_a_state_the_tagger_took_for_a_person_or_body_acts_as_its_government(pipeline):
    story = pipeline.code("Tamil Nadu accused the federal government of refusing to act.")
    for name in ("Tamil Nadu",):
        state = _actor(story, name)
        assert (state.kind, state.country, state.sector) == ("place", "IND", "GOV")


def test_a_company_named_like_a_province_stays_a_company(pipeline):
    story = pipeline.code("Meta agreed to pay 90 million dollars to settle a lawsuit over user tracking.")
    assert not any(a.kind == "place" for a in story.actors)


def test_police_of_a_state_named_without_an_entity_take_its_country(pipeline):
    story = pipeline.code("Kerala police said the bus crashed on Monday.")
    assert _actor(story, "police").country == "IND"


def test_leaders_of_a_faith_are_religious_not_the_state(pipeline):
    story = pipeline.code("Muslim leaders condemned the attack in Nairobi. The Kenyan government promised an inquiry.")
    leaders = _actor(story, "Muslim leaders")
    assert leaders.sector == "REL"


def test_a_clergy_title_gives_the_religious_sector_and_a_demonym_the_country(pipeline):
    story = pipeline.code("Officials pressed for the release of American pastor Andrew Brunson.")
    pastor = _actor(story, "Andrew Brunson")
    assert (pastor.country, pastor.sector) == ("USA", "REL")


def test_he_in_a_reported_clause_is_the_one_who_reports_it(pipeline):
    story = pipeline.code("The minister, who met President Putin on Monday, said he would visit Kyiv.")
    he = story.text.index(" he ") + 1
    ids = story.ext["actors.pronouns"][(he, he + 2)]
    assert [a.name for a in story.actors if a.id in ids] == ["minister"]


def test_a_lower_case_word_tagged_as_a_person_is_no_name(pipeline):
    story = pipeline.code("Scouts camp by the lagoon, and walking trails run through the bush, rangers said.")
    assert not any(a.kind == "person" for a in story.actors)


def test_lower_case_text_still_has_its_names(pipeline):
    story = pipeline.code("police arrested ramesh kumar in patna on monday. he was charged with murder.")
    assert any("ramesh" in a.name.lower() for a in story.actors)


def test_a_town_after_a_place_preposition_tagged_as_a_person_is_a_place(pipeline):
    story = pipeline.code("Drivers travelling to Cirencester face long delays tonight, the agency said.")
    assert not any(a.name == "Cirencester" for a in story.actors)


def test_a_title_of_a_body_the_kb_does_not_know_is_not_the_state(pipeline):
    story = pipeline.code("WASHINGTON - U.S. officials said on Monday that FIFA President Sepp Blatter would testify. "
                          "Transport Minister Grant Shapps said the trains would run.")
    blatter = _actor(story, "Sepp Blatter")
    assert (blatter.country, blatter.sector) == (None, None)
    assert _actor(story, "Grant Shapps").sector == "GOV"


def test_a_title_of_an_unknown_body_named_after_it_is_not_the_state(pipeline):
    story = pipeline.code("Jay Sekulow, chief counsel of the ACLJ, discussed the case with Trump. Officials in "
                          "Turkey detained the pastor.")
    assert (_actor(story, "Jay Sekulow").country, _actor(story, "Jay Sekulow").sector) == (None, None)


def test_a_body_named_after_a_party_is_the_party_s(pipeline):
    story = pipeline.code("The Republican National Committee said it would spend more in the battleground states.")
    rnc = _actor(story, "Republican National Committee")
    assert (rnc.country, rnc.sector) == ("USA", "PTY")


def test_a_word_inside_a_name_does_not_give_the_body_its_sector(pipeline):
    story = pipeline.code("The Afghan National Army attacked the village.")
    assert _actor(story, "Afghan National Army").sector == "MIL"


def test_think_tanks_are_no_armour(pipeline):
    story = pipeline.code("Leading think tanks criticized the plan on Monday.")
    assert _actor(story, "think tanks").sector == "NGO"


def test_widely_reported_bodies_are_known(pipeline):
    story = pipeline.code("ICE agents detained him on Monday. The BJP won the vote in Delhi. Ice formed on the roads.")
    ice = _actor(story, "Immigration and Customs Enforcement")
    assert (ice.country, ice.sector) == ("USA", "COP") and [m.text for m in ice.mentions] == ["ICE"]
    assert _actor(story, "Bharatiya Janata Party").country == "IND"


def test_a_demonym_before_a_noun_for_a_person_is_a_person_of_that_country(pipeline):
    story = pipeline.code("The Portuguese coach criticized the referee after the match.")
    assert not any(a.kind == "country" for a in story.actors)
    assert _actor(story, "Portuguese coach").country == "PRT"
    story = pipeline.code("The Indian proposal was rejected by Pakistan.")
    assert _actor(story, "India").kind == "country"


def test_an_oil_major_is_no_officer(pipeline):
    story = pipeline.code("The oil major agreed to pay the fine. An army major was killed in the attack.")
    assert [a.name for a in story.actors if a.sector == "MIL"] == ["army major"]


def test_a_team_s_captain_is_no_officer(pipeline):
    story = pipeline.code("Argentina's captain scored twice. An army captain was killed in the raid.")
    assert [a.name for a in story.actors if a.sector == "MIL"] == ["army captain"]


def test_an_unplaced_force_is_not_of_the_state_whose_force_it_fights(pipeline):
    story = pipeline.code("The army attacked Ugandan troops near the border.")
    army = _actor(story, "army")
    assert army.country is None
    story = pipeline.code("Police arrested three Kenyan protesters.")
    assert _actor(story, "Police").country == "KEN"


def test_actors_officers_in_a_police_story_are_policemen_of_that_police(pipeline):
    story = pipeline.code("The Marlow Police Department said it was called to the bank on Friday. Officers arrested "
                          "two men inside.")
    police = next(a for a in story.actors if a.name == "Marlow Police Department")
    assert police.sector == "COP"  # the word before "Department" says what body it is
    assert any(m.text == "Officers" for m in police.mentions)
    story = pipeline.code("Two officers were hurt in the clash, police said.")
    assert next(a for a in story.actors if any(m.text == "officers" for m in a.mentions)).sector == "COP"
    story = pipeline.code("The army said on Monday that officers had been sent to the border.")
    assert next(a for a in story.actors if any(m.text == "officers" for m in a.mentions)).sector == "MIL"


def test_actors_a_name_with_an_apostrophe_alone_is_a_name(pipeline):
    story = pipeline.code("Senator Ann Lee spoke on Monday. O'Brannagh, the former governor of Ohio, said he would "
                          "run. D'Arcona said the plan was dead.")
    names = {a.name: a for a in story.actors}
    assert names["O'Brannagh"].kind == "person" and names["O'Brannagh"].country == "USA"
    assert "D'Arcona" in names  # an actor, whatever the tagger's label (it was dropped as no word)


def test_actors_titles_joined_by_and_in_apposition_are_all_the_persons_and_the_first_holds(pipeline):
    story = pipeline.code("Lena Varga, the foreign minister and a former senator, met the envoy on Monday.")
    people = [a for a in story.actors if a.kind == "person"]
    varga = next(a for a in people if a.name == "Lena Varga")
    assert varga.sector == "GOV"  # the first title is the one she holds now
    assert any(story.text[m.start:m.end] == "senator" for m in varga.mentions)
    assert not any("senator" in a.name for a in people if a is not varga)  # no unnamed senator beside her


def test_actors_a_countrys_people_noun_is_a_group_of_it_not_the_country(pipeline):
    story = pipeline.code("Chile's bus drivers ended their strike after a deal with the Chilean government.")
    drivers = next(a for a in story.actors if a.name == "Chile's bus drivers")
    assert drivers.country == "CHL" and drivers.sector != "GOV"
    event = next(e for e in story.events if e.trigger and e.trigger.text == "ended")
    assert drivers.id in event.source
    # a ruler of the country is still its government
    story = pipeline.code("Chile's rulers rejected the offer on Monday.")
    assert any(a.country == "CHL" and a.sector == "GOV" for a in story.actors)


def test_actors_a_noun_for_people_an_acronym_modifies_is_of_the_body_it_abbreviates(pipeline):
    story = pipeline.code("The Islamic Front of Arakan claimed the attack. Police said the bomb was planted by an "
                          "unknown IFA member.")
    front = next(a for a in story.actors if a.name == "Islamic Front of Arakan")
    assert any(story.text[m.start:m.end] == "unknown IFA member" for m in front.mentions)
    assert not any(a.sector == "GOV" and "member" in a.name for a in story.actors)


def test_actors_the_centre_in_indian_news_is_the_union_government(pipeline):
    story = pipeline.code("NEW DELHI: Kerala moved the Supreme Court on Saturday. Kerala accused the Centre of "
                          "withholding funds. The Centre asked the court to dismiss the plea.")
    india = next(a for a in story.actors if a.country == "IND" and a.kind == "country")
    assert sum(story.text[m.start:m.end] == "Centre" for m in india.mentions) == 2
    story = pipeline.code("The Centre asked the council to act, said the mayor of Leeds.")
    assert not any(a.country == "IND" for a in story.actors)  # only where the article is India's


def test_actors_a_name_no_recogniser_saw_is_a_person_when_a_title_renames_it(pipeline):
    story = pipeline.code("Brimble, the party's chairman, denied the report on Monday.")
    brimble = next(a for a in story.actors if a.name == "Brimble")
    assert brimble.kind == "person"
    assert any(story.text[m.start:m.end] == "party's chairman" for m in brimble.mentions)


def test_actors_a_person_tagged_name_ending_in_a_venue_word_is_an_organisation(pipeline):
    story = pipeline.code("Guests packed the Ronald Keefe Plaza for the gala.")
    assert _actor(story, "Keefe Plaza").kind == "organization"


def test_actors_an_organisation_tagged_first_and_last_name_is_a_person(pipeline):
    story = pipeline.code("Senators met Carly Fiorina on Monday. Fiorina said she was pleased.")
    carly = _actor(story, "Carly Fiorina")
    assert carly.kind == "person"
    assert {"Fiorina", "she"} <= {m.text for m in carly.mentions}


def test_actors_a_lone_word_is_a_city_only_when_no_census_list_knows_it_as_a_name(pipeline):
    from eventwire.actors.labels import _lone_city

    class W:  # what _lone_city reads of the article's work
        pass

    for text, city in [("Munich", True), ("Houston", False), ("Austin", False), ("Fiorina", False)]:
        doc = pipeline.nlp(f"{text} spoke.")
        assert _lone_city(W(), doc[0]) is city, text
    doc = pipeline.nlp("Karl Munich arrived. Munich spoke.")  # a surname of someone the article names
    assert not _lone_city(W(), doc[4])


def test_actors_a_known_abbreviation_written_as_a_word_is_the_known_body(pipeline):
    story = pipeline.code("Two soldiers were killed in Syria by Isis, the army said.")
    assert _actor(story, "Islamic State").sector == "REB"
    assert not any(a.name == "Isis" for a in story.actors)


def test_actors_a_titles_office_is_a_body_in_the_titles_sector(pipeline):
    story = pipeline.code("DENVER, Colo. (AP) - The Attorney General's Office said it would appeal the ruling.")
    office = _actor(story, "Attorney General's Office")
    assert (office.kind, office.country, office.sector) == ("organization", "USA", "JUD")


def test_actors_a_named_military_unit_is_military(pipeline):
    story = pipeline.code("The Ninth Mountain Brigade moved north on Tuesday.")
    assert _actor(story, "Mountain Brigade").sector == "MIL"


def test_actors_the_agency_credit_after_a_dateline_is_no_actor(pipeline):
    story = pipeline.code("LIMA (AP) Peru's Congress has passed a resolution calling for the suspension of talks "
                          "with the rebels.")
    assert not any(a.name == "Associated Press" for a in story.actors)
    call = next(e for e in story.events if e.type == "REQUEST")
    assert [a.name for a in story.actors if a.id in call.source] == ["Congress"]


def test_actors_abbreviated_military_titles_end_no_sentence_and_give_the_sector(pipeline):
    story = pipeline.code("Sgt. Ann Lee and Cpl. Tom Ruiz were hurt. Lt. Cmdr. Sara Holt said the ship was safe.")
    for name in ("Ann Lee", "Tom Ruiz", "Sara Holt"):
        assert _actor(story, name).sector == "MIL", name
    assert not any(a.name in ("Cpl", "Sgt") for a in story.actors)


def test_actors_a_hyphenated_korean_given_name_is_part_of_the_name(pipeline):
    # split at its hyphen, "Moon Jae - in met ..." was a person "Moon Jae" and the meeting had no source
    text = "South Korean President Moon Jae-in met the Chinese leader in Beijing on Monday."
    story = pipeline.code(text)
    meet = next(e for e in story.events if e.type == "CONSULT")
    assert [a.name for a in story.actors if a.id in meet.source] == ["Moon Jae-in"]
    # ordinary hyphenated words still split
    story = pipeline.code("Hong Kong-based firms and well-known groups protested the set-up.")
    assert any(a.name.startswith("Hong Kong") for a in story.actors)
    assert not any("Kong-based" == a.name for a in story.actors)


def test_actors_a_dateline_with_its_state_or_country_and_credit_is_no_actor(pipeline):
    story = pipeline.code("PORTLAND, Maine (WGME) - Police arrested two men after a robbery, officers said.")
    assert not any(a.name in ("PORTLAND", "WGME") for a in story.actors)
    arrest = next(e for e in story.events if e.type == "COERCE")
    assert [a.sector for a in story.actors if a.id in arrest.source] == ["COP"]


def test_actors_a_place_before_a_noun_for_a_person_is_no_actor(pipeline):
    story = pipeline.code("AN Edmonton man who carried out a vicious assault on a woman he knew has been jailed "
                          "for ten years.")
    assert not any(a.name == "Edmonton" for a in story.actors)
    assert any(a.name == "Edmonton man" and a.kind == "person" for a in story.actors)


def test_actors_a_country_that_opens_a_persons_name_is_her_first_name(pipeline):
    story = pipeline.code("Nine-year-old Georgia Stevens is lacing her skates for the regional final.")
    assert _actor(story, "Georgia Stevens").kind == "person"
    assert not any(a.country == "GEO" for a in story.actors)


def test_actors_a_place_before_a_noun_for_a_body_places_the_body(pipeline):
    story = pipeline.code("The former minister appeared in a Durban court on Friday to face fraud charges.")
    court = _actor(story, "court")
    assert (court.country, court.sector) == ("ZAF", "JUD")
    assert not any(a.name == "Durban" for a in story.actors)


def test_actors_a_person_a_town_modifies_takes_the_towns_country(pipeline):
    story = pipeline.code("A Houston woman was arrested on Monday after a crash.")
    assert _actor(story, "Houston woman").country == "USA"


def test_actors_a_hyphen_between_an_abbreviation_and_a_name_joins_two_actors(pipeline):
    story = pipeline.code("U.S.-Cuba talks resumed in Havana on Monday. The U.S.-led coalition was not there.")
    assert {"United States", "Cuba"} <= {a.name for a in story.actors}


def test_actors_two_known_surnames_joined_by_a_hyphen_are_two_people(pipeline):
    story = pipeline.code("The Obama-Netanyahu meeting was tense, aides said.")
    assert {"Barack Obama", "Benjamin Netanyahu"} <= {a.name for a in story.actors}
    assert not any("-" in a.name for a in story.actors)


def test_actors_the_groups_people_are_the_body_the_group_stands_for(pipeline):
    text = "The army launched a campaign against the Islamic State. The militant group's leaders fled to Syria."
    story = pipeline.code(text)
    leaders = story.actor_at(text.index("militant group"), text.index("leaders") + len("leaders"))
    assert leaders is not None and leaders.name == "Islamic State", [(a.name, a.country) for a in story.actors]
    # "the rival group" is another body: not the one named last
    text = "Hamas fired rockets. Israel struck the rival group's leaders."
    story = pipeline.code(text)
    leaders = story.actor_at(text.index("rival"), text.index("leaders") + len("leaders"))
    assert leaders is None or leaders.name != "Hamas"


def test_actors_a_name_opening_with_a_word_for_an_armed_body_is_that_body(pipeline):
    # transliterated "army", "brigade", "party" open such names as "Army" or "Party" ends an English one
    for text in ("Liwa al-Badr said it would withdraw from the town.", "Saraya al-Salam said it would withdraw."):
        story = pipeline.code(text)
        group = story.actor_at(0, 5)
        assert group is not None and group.kind != "person" and group.sector == "REB", \
            [(a.name, a.kind, a.sector) for a in story.actors]


def test_a_spokeswoman_of_no_body_named_is_of_no_sector_but_a_national_leader_governs(pipeline):
    story = pipeline.code("Spokeswoman Maren Holloway said the campaign would open two offices. "
                          "Dan Prewitt, director of Bluefinch Partners, said the race was close. "
                          "Chilean leader Ana Vidal flew to Lima.")
    assert _actor(story, "Maren Holloway").sector is None
    assert _actor(story, "Dan Prewitt").sector is None
    assert (_actor(story, "Ana Vidal").country, _actor(story, "Ana Vidal").sector) == ("CHL", "GOV")


def test_a_military_command_named_with_its_country_is_one_military_body(pipeline):
    story = pipeline.code("The figures come from the United States Special Operations Command. "
                          "The Kenyan Army Command said it sent troops.")
    assert not any(a.kind == "person" for a in story.actors)
    command = _actor(story, "United States Special Operations Command")
    assert (command.kind, command.country, command.sector) == ("organization", "USA", "MIL")
    assert _actor(story, "Kenyan Army Command").sector == "MIL"


@pytest.mark.model
def test_actors_a_name_typeset_with_a_curly_apostrophe_is_the_same_name(pipeline):
    story = pipeline.code("Côte d’Ivoire thanked Ghana for its support.")
    assert "CIV" in {a.country for a in story.actors}, [(a.name, a.country) for a in story.actors]


def test_people_named_by_a_region_are_of_no_one_country(pipeline):
    # a region's adjective is no country's: not the article's country, and "American" in "Latin American" is
    # not the United States
    story = pipeline.code("The U.S. said it would leave Syria. European leaders condemned the decision, and Latin "
                          "American governments warned of a vacuum. Gunmen seized two Central American engineers.")
    for name in ("European leaders", "Latin American governments", "Central American engineers"):
        assert _actor(story, name).country is None
    assert _actor(story, "European leaders").sector == "GOV"


def test_bodies_of_no_one_country_are_one_actor_per_phrase(pipeline):
    story = pipeline.code("Canada cut aid to foreign governments. Western officials condemned the cut.")
    assert _actor(story, "foreign governments") is not _actor(story, "Western officials")


def test_a_country_demonym_beside_a_region_word_keeps_its_country(pipeline):
    story = pipeline.code("South African police arrested ten miners near the border.")
    assert _actor(story, "South African police").country == "ZAF"
