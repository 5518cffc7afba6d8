"""Actors: knowledge base, names, titles, nominal actors, pronouns, headlines, Phoenix dictionaries."""

from __future__ import annotations

import pytest

from eventwire.actors import actors_at, phoenix
from eventwire.actors import kb as actor_kb
from eventwire.actors import sources
from eventwire.errors import DataFileError


def _actor(story, name_part):
    for a in story.actors:
        if name_part.lower() in a.name.lower():
            return a
    raise AssertionError(f"no actor named like {name_part!r}: {[a.name for a in story.actors]}")


def _at(story, phrase, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = story.text.index(phrase, start + 1)
    return story.actor_at(start, start + len(phrase))


# --- knowledge base (no model) ------------------------------------------------------------------------------

def test_actors_kb_countries_demonyms_and_seats():
    kb = actor_kb.default_kb()
    assert kb.lookup("U.S.")[0][0].country == "USA"
    assert kb.lookup("Afghan")[0] == (kb.entries["country:AFG"], "demonym")
    assert kb.lookup("Afghans")[0][0].country == "AFG"
    assert (kb.entries["country:USA"], "seat") in kb.lookup("Washington")
    assert kb.entries["country:RUS"].name == "Russia"
    assert kb.lookup("Congolese")[0][0].country == "COD"


def test_actors_kb_organisations_and_people():
    kb = actor_kb.default_kb()
    taliban = kb.lookup("Taliban")[0][0]
    assert (taliban.kind, taliban.country, taliban.sector) == ("group", "AFG", "REB")
    assert kb.lookup("CENTCOM")[0][0].sector == "MIL"
    assert kb.lookup("UN")[0][0].code.startswith("IGO")
    assert kb.lookup("Putin")[0][0].country == "RUS"  # a surname alone names a known person
    assert kb.lookup("Rice") == []  # unless the surname is a common one


@pytest.mark.parametrize("noun,plural", [("soldier", "soldiers"), ("militiaman", "militiamen"),
                                         ("authority", "authorities"), ("police", "police")])
def test_actors_kb_noun_forms(noun, plural):
    assert actor_kb.noun_forms(noun) == [noun, plural]


def test_actors_kb_malformed_line_names_file_and_line(tmp_path):
    path = tmp_path / "orgs.tsv"
    path.write_text("# comment\nName\tAlias\tgroup\tAFG\tXXX\t-\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        actor_kb.load_organizations(actor_kb.KnowledgeBase(), path)
    assert f"{path}:2" in str(err.value) and "XXX" in str(err.value)


def test_actors_kb_missing_user_file_is_a_config_error(tmp_path):
    with pytest.raises(DataFileError):
        sources.knowledge_base((str(tmp_path / "nope.tsv"),))


PHOENIX_ACTORS = """# a small Phoenix-style actors dictionary written for this test
ZORVANIA_  [ZZZ]
+ZORVANIAN_
MARTA_KELLE_  # a made-up minister
+MINISTER_KELLE_
    [ZZZELI 010101-050101]
    [ZZZGOV >050101]
GREEN_DAWN_FRONT_ [ZZZREB]
+GDF_
"""

PHOENIX_AGENTS = """!PERSON! = MAN, WOMAN
FERRY!PERSON! [~BUS]
HARBOUR_PILOT [~LAB]
"""


def test_actors_phoenix_reads_actors_codes_and_synonyms(tmp_path):
    path = tmp_path / "test.actors.txt"
    path.write_text(PHOENIX_ACTORS, encoding="utf-8")
    entries = {e.name: (e, syn) for e, syn in phoenix.read_actors(path)}
    kelle, syn = entries["Marta Kelle"]
    assert kelle.code == "ZZZGOV" and kelle.sector == "GOV" and kelle.kind == "person"
    assert syn == ["Minister Kelle"]
    front, syn = entries["Green Dawn Front"]
    assert (front.sector, front.kind, syn) == ("REB", "organization", ["Gdf"])


def test_actors_phoenix_reads_agents_with_substitutions(tmp_path):
    path = tmp_path / "test.agents.txt"
    path.write_text(PHOENIX_AGENTS, encoding="utf-8")
    assert set(phoenix.read_agents(path)) == {("ferryman", "BUS"), ("ferrywoman", "BUS"), ("harbour pilot", "LAB")}
    kb = actor_kb.default_kb().copy()
    phoenix.load_into(kb, path)
    assert kb.agents["harbour pilots"] == ("LAB", "group")


def test_actors_phoenix_code_line_before_name_is_an_error(tmp_path):
    path = tmp_path / "bad.actors.txt"
    path.write_text("    [USAGOV]\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        phoenix.read_actors(path)


# --- the stage (spaCy) --------------------------------------------------------------------------------------

@pytest.mark.model
def test_actors_title_before_and_apposition_after(pipeline):
    story = pipeline.code("Foreign Minister Lena Varga of Hungary met Tomas Berg, a Swedish trade envoy, in Vienna.")
    varga, berg = _actor(story, "Varga"), _actor(story, "Berg")
    assert (varga.kind, varga.country, varga.sector, varga.role) == ("person", "HUN", "GOV", "Foreign Minister")
    assert (berg.country, berg.sector) == ("SWE", "GOV")
    assert _at(story, "envoy") is berg  # the appositive title is a mention of the person


@pytest.mark.model
def test_actors_surname_and_pronouns_join_the_person(pipeline):
    story = pipeline.code("Prime Minister Ana Kovac said on Monday that she would visit Serbia. "
                          "Kovac added that her government wanted talks.")
    kovac = _actor(story, "Ana Kovac")
    texts = [m.text for m in kovac.mentions]
    assert texts == ["Ana Kovac", "she", "Kovac", "her"]
    assert story.ext["actors.pronouns"][(story.text.index("she"), story.text.index("she") + 3)] == [kovac.id]


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,country,sector", [
    ("Israeli soldiers arrested two men near Hebron.", "Israeli soldiers", "ISR", "MIL"),
    ("The Afghan government rejected the plan.", "Afghan government", "AFG", "GOV"),
    ("Mali's army said rebels attacked a convoy near Gao.", "rebels", "MLI", "REB"),
    ("Mali's army said rebels attacked a convoy near Gao.", "Mali's army", "MLI", "MIL"),
    ("Turkish police detained forty students in Ankara.", "Turkish police", "TUR", "COP"),
    ("Thousands of Palestinians marched on Friday.", "Palestinians", "PSE", "CVL"),
    ("A Jordanian official confirmed the visit.", "Jordanian official", "JOR", "GOV"),
    ("The Latvian Supreme Court overturned the ban.", "Latvian Supreme Court", "LVA", "JUD"),
])
def test_actors_noun_phrases_get_country_and_sector(pipeline, text, phrase, country, sector):
    story = pipeline.code(text)
    actor = _at(story, phrase)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,country", [
    # the only Saudi or Iranian word is the other side's: the unplaced state actor is not of that state
    ("The president met the Saudi king.", "president", None),
    ("The president met with the Saudi king.", "president", None),
    # nor is the place they meet in, when the other side names a state
    ("The president met the Saudi king in Riyadh.", "president", None),
    ("The minister held talks with Iranian officials in Tehran on Monday.", "minister", None),
    ("The minister criticized the Iranian government.", "minister", None),
    ("The foreign minister was condemned by Iran.", "foreign minister", None),
    # a partner that names no state still places the actor, and so does a word outside the clause
    ("Police arrested twenty Egyptian protesters.", "Police", "EGY"),
    ("Iranian officials said the minister criticized the government.", "minister", "IRN"),
])
def test_actors_unplaced_state_actor_is_not_of_its_partners_state(pipeline, text, phrase, country):
    story = pipeline.code(text)
    actor = _at(story, phrase)
    assert actor is not None and actor.country == country


@pytest.mark.model
def test_actors_compound_demonyms_are_two_actors(pipeline):
    story = pipeline.code("Bulgarian and Greek officials signed a border accord on Tuesday.")
    phrase = "Bulgarian and Greek officials"
    start = story.text.index(phrase)
    found = actors_at(story, start, start + len(phrase))
    assert sorted(a.country for a in found) == ["BGR", "GRC"]
    assert all(a.sector == "GOV" for a in found)


@pytest.mark.model
def test_actors_seat_of_government_acts_only_when_it_acts(pipeline):
    story = pipeline.code("Washington said it would send aid to the region.")
    usa = _at(story, "Washington")
    assert usa is not None and usa.country == "USA" and [m.text for m in usa.mentions] == ["Washington", "it"]
    story = pipeline.code("The general gave a long speech in Washington on Friday.")
    assert _at(story, "Washington") is None
    assert [x["country"] for x in story.ext["actors.locations"]] == ["USA"]


@pytest.mark.model
def test_actors_organisation_name_glued_to_a_person_is_split(pipeline):
    story = pipeline.code("The new commander of CENTCOM Mark Doyle visited Kuwait. Doyle said the mission goes on.")
    doyle = _actor(story, "Mark Doyle")
    assert (doyle.kind, doyle.country, doyle.sector, doyle.role) == ("person", "USA", "MIL", "commander of CENTCOM")
    assert story.actor(doyle.affiliation).name == "U.S. Central Command"
    assert [m.text for m in doyle.mentions][-1] == "Doyle"


@pytest.mark.model
def test_actors_headline_fragments_join_body_actors(pipeline):
    story = pipeline.code("Taliban Rejects Kabul Offer\n\nThe Taliban rejected an offer from President Ashraf Ghani "
                          "on Sunday, a spokesman for the group said.")
    names = [a.name for a in story.actors]
    assert not any("Rejects" in n or "Offer" in n for n in names)
    taliban = _actor(story, "Taliban")
    assert taliban.mentions[0].start == 0  # the headline mention joined the body actor


@pytest.mark.model
def test_actors_stage_runs_twice_without_duplicates(pipeline):
    from eventwire.actors import rules
    from eventwire.actors.match import Matchers

    story = pipeline.code("Prime Minister Ana Kovac said she would visit Serbia.")
    before = [(a.name, len(a.mentions)) for a in story.actors]
    rules.code_actors(story, actor_kb.default_kb(), Matchers.get(actor_kb.default_kb(), pipeline.nlp))
    assert [(a.name, len(a.mentions)) for a in story.actors] == before


# --- the reference article (../shared) ----------------------------------------------------------------------

KARZAI_TARGETS = [
    # name part, kind, country, sector, role part
    ("Hamid Karzai", "person", "AFG", "GOV", "President"),
    ("Mullah Omar", "person", "AFG", "REB", "leader"),
    ("Taliban", "group", "AFG", "REB", None),
    ("Sean McCormack", "person", "USA", "GOV", "State Department spokesman"),
    ("Gordon Johndroe", "person", "USA", "GOV", "White House spokesman"),
    ("Barack Obama", "person", "USA", "GOV", "President-elect"),
    ("David Petraeus", "person", "USA", "MIL", "commander of CENTCOM"),
    ("Mullah Brother", "person", "AFG", "REB", "deputy leader"),
    ("Reuters", "organization", None, "JRN", None),  # PLOVER 2.0: media are JRN (MED is health)
    ("State Department", "organization", "USA", "GOV", None),
    ("White House", "organization", "USA", "GOV", None),
    ("United States", "country", "USA", "GOV", None),
]


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.parametrize("name,kind,country,sector,role", KARZAI_TARGETS)
def test_actors_karzai_targets(karzai, name, kind, country, sector, role):
    actor = _actor(karzai, name)
    assert (actor.kind, actor.country, actor.sector) == (kind, country, sector)
    if role:
        assert role in (actor.role or "")


@pytest.mark.model
@pytest.mark.shared
def test_actors_karzai_affiliations_and_mentions(karzai):
    taliban = _actor(karzai, "Taliban")
    assert _actor(karzai, "Mullah Omar").affiliation == taliban.id
    assert _actor(karzai, "Mullah Brother").affiliation == taliban.id
    assert _actor(karzai, "McCormack").affiliation == _actor(karzai, "State Department").id
    assert _actor(karzai, "Johndroe").affiliation == _actor(karzai, "White House").id
    assert _actor(karzai, "State Department").affiliation == _actor(karzai, "United States").id
    karzai_actor = _actor(karzai, "Hamid Karzai")
    assert {"Karzai", "Hamid Karzai", "he"} <= {m.text for m in karzai_actor.mentions}
    assert _at(karzai, "Karzai Offer").name == "Hamid Karzai"  # headline fragment trimmed to the name
    assert _at(karzai, "Afghan government").country == "AFG"
    assert _at(karzai, "McCormack", 1).name == "Sean McCormack"  # ORG label on a known surname
    assert _at(karzai, "Washington") is None  # "a speech in Washington" is a place
    assert not any(a.name.startswith(("Taliban Rejects", "Karzai Offer", "CENTCOM David")) for a in karzai.actors)


@pytest.mark.model
@pytest.mark.shared
def test_actors_karzai_every_mention_resolves_back(karzai):
    for actor in karzai.actors:
        for m in actor.mentions:
            if len(actors_at(karzai, m.start, m.end)) > 1:
                continue  # a plural pronoun or compound: several actors
            assert karzai.actor_at(m.start, m.end) is actor, (actor.name, m)


@pytest.mark.model
@pytest.mark.shared
def test_actors_karzai_they_is_obama_and_petraeus(karzai):
    start = karzai.text.index("they may be willing")
    found = {a.name for a in actors_at(karzai, start, start + 4)}
    assert found == {"Barack Obama", "David Petraeus"}


@pytest.mark.model
def test_actors_user_phoenix_dictionary_through_the_setting(tmp_path):
    from eventwire import Pipeline

    path = tmp_path / "user.actors.txt"
    path.write_text("GREEN_DAWN_FRONT_ [NERREB]\n+GDF_\n", encoding="utf-8")
    nlp = Pipeline(actor_files=[str(path)], stages=["actors.rules.v1"])
    story = nlp.code("The Green Dawn Front attacked a village on Monday. The GDF later withdrew.")
    front = _actor(story, "Green Dawn Front")
    assert (front.country, front.sector, front.code) == ("NER", "REB", "NERREB")
    assert [m.text for m in front.mentions] == ["Green Dawn Front", "GDF"]


@pytest.mark.model
def test_actors_she_prefers_a_woman_named_in_the_window(pipeline):
    story = pipeline.code("President Maria Santos met Foreign Minister Kenji Sato in Manila. "
                          "She said the talks went well, and he agreed.")
    assert _at(story, "She").name == "Maria Santos"
    assert _at(story, "he agreed").name == "Kenji Sato"


@pytest.mark.model
def test_actors_the_group_and_the_country_are_anaphors(pipeline):
    story = pipeline.code("The Taliban rejected the offer on Sunday, a spokesman for the group said. "
                          "Kenya said the country would not pay.")
    assert _at(story, "group").name == "Taliban"
    assert _at(story, "country").name == "Kenya"


def test_actors_phoenix_country_synonyms_become_seats(tmp_path):
    path = tmp_path / "countries.actors.txt"
    path.write_text("KENYA_ [KEN]\n+MOMBASA_\n+KISUMU_\n", encoding="utf-8")
    kb = actor_kb.default_kb().copy()
    phoenix.load_into(kb, path)
    assert (kb.entries["country:KEN"], "seat") in kb.lookup("Kisumu")
    assert not any(k.startswith("phoenix:kenya") for k in kb.entries)


@pytest.mark.model
def test_actors_surname_goes_to_the_person_named_last(pipeline):
    story = pipeline.code("Bill Clinton met Kofi Annan. Later Hillary Clinton arrived. Clinton said the talks went well.")
    assert _at(story, "Clinton said").name == "Hillary Clinton"


@pytest.mark.model
def test_actors_full_name_beats_a_known_surname_inside_it(pipeline):
    story = pipeline.code("Ahmed Wali Karzai, a brother of the president, was killed. Karzai had denied the charges.")
    ahmed = _actor(story, "Ahmed Wali Karzai")
    assert [m.text for m in ahmed.mentions] == ["Ahmed Wali Karzai", "Karzai"]
    assert ahmed.role is None  # "a brother of the president" does not make him president


@pytest.mark.model
def test_actors_actors_at_one_part_of_a_compound_is_that_part(pipeline):
    story = pipeline.code("Bulgarian and Greek officials signed a border accord on Tuesday.")
    start = story.text.index("Greek")
    assert [a.country for a in actors_at(story, start, start + 5)] == ["GRC"]


@pytest.mark.model
@pytest.mark.parametrize("text,phrase,name", [
    ("The Kremlin said on Monday it would not attend the talks.", "Kremlin", "Russia"),
    ("Hamas militants fired rockets on Tuesday. Later the militants fired again.", "militants fired again", "Hamas"),
    ("KABUL - Afghan officials met Taliban envoys on Friday.", "Afghan officials", "Afghanistan"),
])
def test_actors_seats_anaphors_and_datelines(pipeline, text, phrase, name):
    story = pipeline.code(text)
    start = story.text.rindex(phrase)
    actor = story.actor_at(start, start + len(phrase.split()[0]))
    assert actor is not None and actor.name == name
    assert not any(a.name == "KABUL" for a in story.actors)


@pytest.mark.model
def test_actors_ethnic_plurals_belong_where_they_live(pipeline):
    story = pipeline.code("Bosnian Serbs demanded a truce on Friday.")
    serbs = _at(story, "Bosnian Serbs")
    assert (serbs.country, serbs.sector) == ("BIH", "CVL")


@pytest.mark.model
def test_actors_matchers_live_on_their_knowledge_base(pipeline):
    from eventwire.actors.match import Matchers

    one, two = actor_kb.default_kb().copy(), actor_kb.default_kb().copy()
    first = Matchers.get(one, pipeline.nlp)
    assert Matchers.get(one, pipeline.nlp) is first  # built once per knowledge base
    assert Matchers.get(two, pipeline.nlp) is not first  # never another knowledge base's
    assert not two.copy().matchers  # a copy builds its own


# --- places inside names, sub-national bodies, group phrases --------------------------------------------------

@pytest.mark.parametrize("text,phrase", [
    ("New Jersey officials detained two men on Sunday.", "New Jersey officials"),
    ("New Mexico officials met the governor of Sonora.", "New Mexico officials"),
    ("Ohio lawmakers criticized the plan.", "Ohio lawmakers"),
    ("Houston police arrested a suspect.", "Houston police"),
])
def test_actors_us_states_and_cities_are_usa_not_a_country_inside_the_name(pipeline, text, phrase):
    story = pipeline.code(text)
    a = _at(story, phrase)
    assert a is not None and a.country == "USA", [(x.name, x.country) for x in story.actors]
    assert a.kind != "country"  # a state's or city's body is not the national government


@pytest.mark.parametrize("text,phrase,country", [
    ("Troops fought an armed group in Borno on Monday.", "armed group in Borno", "NGA"),  # a state, not a town
    ("Police in Mombasa arrested three men.", "Police in Mombasa", "KEN"),
    ("Gunmen in Karachi attacked a bus.", "Gunmen in Karachi", "PAK"),
])
def test_actors_placed_by_a_region_or_city_take_the_gazetteers_country(pipeline, text, phrase, country):
    story = pipeline.code(text)
    a = _at(story, phrase)
    assert a is not None and a.country == country, [(x.name, x.country) for x in story.actors]


@pytest.mark.parametrize("text,dotted,name", [
    ("The F.B.I. arrested two men in Ohio.", "F.B.I.", "FBI"),
    ("The C.I.A. accused Russia of hacking.", "C.I.A.", "CIA"),
])
def test_actors_dotted_acronyms_are_the_known_body(pipeline, text, dotted, name):
    story = pipeline.code(text)
    a = _at(story, dotted)
    assert a is not None and a.name == name and a.country == "USA", [(x.name, x.country) for x in story.actors]


def test_actors_surname_tagged_as_a_common_noun_still_joins_its_person(pipeline):
    story = pipeline.code("Japanese envoy Kenji Sato met President Maria Santos in Manila. Santos thanked Japan "
                          "for its help.")
    start = story.text.rindex("Santos")
    a = story.actor_at(start, start + len("Santos"))
    assert a is not None and a.name == "Maria Santos"


def test_actors_place_country_prefers_the_main_name_then_a_region_then_size():
    from eventwire.actors.places import city_country

    assert city_country("Borno") == "NGA"  # a Nigerian state's main name beats a town's alternate name
    assert city_country("New Jersey") == "USA"
    assert city_country("Kandahar") == "AFG"
    assert city_country("Hope") is None  # no city of 15,000 or a region called so
    assert city_country("Punjab") == "PAK" and city_country("Punjab", "IND") == "IND"  # the focus decides


@pytest.mark.model
def test_actors_a_state_named_like_a_country_is_the_state_where_the_article_names_its_towns(pipeline):
    # "Georgia" with a town of the US state is the state; alone or with a town of the country, the country
    story = pipeline.code("Georgia police detained three men in Savannah on Friday.")
    assert _at(story, "Georgia police").country == "USA", [(x.name, x.country) for x in story.actors]
    for text in ("Georgia police detained three men in Batumi on Friday.", "Georgia police detained three men."):
        story = pipeline.code(text)
        assert _at(story, "Georgia police").country == "GEO", [(x.name, x.country) for x in story.actors]


@pytest.mark.model
def test_actors_a_known_body_at_the_end_of_a_longer_name_is_another_body(pipeline):
    # "the Federal Foreign Office" is not Britain's Foreign Office; "the British Foreign Office" still is
    story = pipeline.code("An official of the Federal Foreign Office rejected the request.")
    assert not any(a.country == "GBR" for a in story.actors), [(x.name, x.country) for x in story.actors]
    story = pipeline.code("The British Foreign Office rejected the request.")
    assert any(a.country == "GBR" for a in story.actors), [(x.name, x.country) for x in story.actors]


@pytest.mark.model
def test_actors_a_demonym_on_what_the_doer_acted_on_does_not_place_the_doer(pipeline):
    story = pipeline.code("Unknown hackers defaced Norwegian websites on Tuesday.")
    assert _at(story, "Unknown hackers").country is None, [(x.name, x.country) for x in story.actors]
    # the article's other words still do
    story = pipeline.code("Gunmen attacked Kenyan herders near Mandera on Tuesday.")
    assert _at(story, "Gunmen").country == "KEN", [(x.name, x.country) for x in story.actors]


def test_actors_group_phrases_stand_for_every_party_named_together(pipeline):
    story = pipeline.code("Armenia and Azerbaijan resumed talks on Monday. The two governments agreed to meet again.")
    start = story.text.index("governments")
    assert {a.name for a in story.actors_at(start, start + len("governments"))} == {"Armenia", "Azerbaijan"}
    story = pipeline.code("Officials on both sides said talks between Sudan and South Sudan would resume.")
    assert {a.country for a in story.actors_at(0, len("Officials"))} == {"SDN", "SSD"}


def test_actors_group_phrase_with_no_parties_named_is_of_no_one_country(pipeline):
    # nothing names the two parties: the phrase is not the government of the only country the text names
    for text, words in [("The two governments condemned the bombing in Kabul.", "governments"),
                        ("Leaders of both countries condemned the bombing in Kabul.", "Leaders")]:
        story = pipeline.code(text)
        start = story.text.index(words)
        found = story.actors_at(start, start + len(words))
        assert found and all(a.country != "AFG" for a in found), [(a.name, a.country) for a in found]


def test_actors_subject_pronoun_of_a_relative_clause_on_the_object(pipeline):
    story = pipeline.code("Venezuela released an American pilot it detained in March.")
    start = story.text.index(" it ") + 1
    assert story.actor_at(start, start + 2).name == "Venezuela"


def test_actors_pronoun_in_a_relative_clause_is_not_the_noun_it_is_on(pipeline):
    # no actor for "an emirate": "it" stays unresolved rather than becoming the woman the clause is on
    story = pipeline.code("An emirate refused to hand over a woman it had arrested in May.")
    start = story.text.index(" it ") + 1
    assert story.actor_at(start, start + 2) is None
    woman = _at(story, "woman")
    assert woman.kind == "person"  # a noun for one person is a person, and "she" may take it up


def test_actors_bodies_named_by_a_common_noun_are_generic(pipeline):
    story = pipeline.code("Kenyan protesters clashed with police in Nairobi. President William Ruto called for calm.")
    protesters = _at(story, "Kenyan protesters")
    assert protesters.generic and protesters.country == "KEN" and protesters.sector == "CVL"
    assert not _actor(story, "Ruto").generic
    assert story.to_dict()["actors"][0]["generic"] in (True, False)


@pytest.mark.parametrize("text,phrase,kind,generic", [
    ("A female rebel commander surrendered to the army on Sunday near the border town, officials said.",
     "female rebel commander", "person", True),
    ("Papandreou agreed on Friday to resign from the cabinet after weeks of protests.", "Papandreou", None, False),
])
def test_actors_an_unnamed_subject_or_object_is_an_actor_with_no_guessed_country(pipeline, text, phrase, kind,
                                                                                 generic):
    story = pipeline.code(text)
    a = _at(story, phrase)
    assert a is not None, [x.name for x in story.actors]
    assert a.generic is generic and a.country is None
    assert kind is None or a.kind == kind
    assert any(a.id in e.source for e in story.events)


def test_actors_the_group_as_a_subject_stays_an_anaphor(pipeline):
    story = pipeline.code("Hamas fired rockets on Monday. The group said it would continue.")
    assert _at(story, "group").name == "Hamas"


@pytest.mark.parametrize("text,phrase", [
    ("Police in Mombasa detained four suspects on Sunday after the raid, a spokesman said.", "suspects"),
    ("Gunmen seized two passengers from the bus near the border, the ministry said.", "passengers"),
])
def test_actors_an_object_that_names_people_is_a_generic_target(pipeline, text, phrase):
    story = pipeline.code(text)
    a = _at(story, phrase)
    assert a is not None and a.generic and a.country is None
    assert any(a.id in e.target for e in story.events)


def test_actors_they_after_a_noun_with_a_place_phrase_is_the_noun_not_the_place(pipeline):
    story = pipeline.code("Rebel fighters in the Idlib countryside said they will hand over their weapons on Friday.")
    start = story.text.index(" they ") + 1
    assert story.actor_at(start, start + 4).name == "Rebel fighters"


def test_actors_an_administration_named_after_its_leader_is_the_leader_s_country(pipeline):
    story = pipeline.code("The Obama administration sent a team of advisers to Libya on Monday, officials said.")
    a = _at(story, "administration")
    assert a is not None and a.country == "USA", [(x.name, x.country) for x in story.actors]


@pytest.mark.parametrize("text,target", [
    ("The Dravonek administration has lifted sanctions imposed on Peru because of transactions made by two "
     "Peruvian companies.", "Peru"),
    ("The Dravonek administration said it would lift sanctions on Iran once Iranian officials allow inspections.",
     "Iran"),
])
def test_actors_a_government_named_after_an_unknown_leader_takes_no_country_from_the_sentence(pipeline, text,
                                                                                             target):
    # the only country the sentence names is the one the government acts on: not the government's own
    story = pipeline.code(text)
    a = _at(story, "administration")
    assert a is not None and a.country is None, [(x.name, x.country) for x in story.actors]
    ev = next(e for e in story.events if a.id in e.source)
    assert any(story.actor(t).name == target for t in ev.target), [(x.name, x.country) for x in story.actors]


@pytest.mark.model
def test_actors_country_after_a_taken_noun_never_makes_an_empty_mention(pipeline):
    # a nominal whose country comes after it ("rebels in Chad") while the noun is already taken
    text = ("A top U.N. peacekeeper accused rebels in Chad of deliberately breaching their peace deal with "
            "France following the latest clashes near the border.")
    story = pipeline.code(text)
    for actor in story.actors:
        assert actor.name and all(m.start < m.end and m.text for m in actor.mentions)


def test_a_candidate_named_by_role_later_is_the_candidate(pipeline):
    story = pipeline.code("Democratic presidential nominee Maria Lopez spoke in Ohio on Monday. The Democratic "
                          "nominee also vowed to punish officials who violate the rules.")
    lopez = [a for a in story.actors if "Lopez" in a.name]
    assert lopez and any(m.text.endswith("nominee") for m in lopez[0].mentions), [
        (a.name, [m.text for m in a.mentions]) for a in story.actors]


@pytest.mark.parametrize("text,phrase", [
    ("Few Americans care, and the share of voters who accepted the plan fell.", "voters"),
    ("The council acts against countries that abuse the rights of their citizens.", "countries"),
    ("Ohio, one of the states suing the agency, called the rule unlawful.", "states"),
    ("There are many individuals who will gladly continue to fund him.", "individuals"),
    ("Several mining industry veterans who have come to work with Mr. Lund praised the plan.", "veterans"),
    ("Two Republican strategists urged her to drop the attack.", "strategists"),
])
def test_actors_a_noun_for_people_doing_a_deed_is_a_generic_source(pipeline, text, phrase):
    story = pipeline.code(text)
    a = _at(story, phrase)
    assert a is not None and a.generic and a.country is None, [x.name for x in story.actors]
    assert any(a.id in e.source for e in story.events)


@pytest.mark.parametrize("text,phrase", [
    ("Forecasters warned that strong winds could bring down trees on the coast.", "Forecasters"),
    ("The finance ministry sent experts to the port to inspect the cargo.", "experts"),
])
def test_actors_a_bare_noun_found_by_its_ending_is_no_participant(pipeline, text, phrase):
    story = pipeline.code(text)
    assert _at(story, phrase) is None


def test_actors_people_endings_read_doers_of_known_verbs():
    from eventwire.actors.peoplewords import names_people

    verbs = frozenset({"vote", "write", "invest", "detain"})
    for noun in ("voter", "speechwriter", "investor", "detainee", "strategist", "chairman", "veteran"):
        assert names_people(noun, verbs), noun
    for noun in ("paper", "matter", "playlist", "center", "number", "computer"):
        assert not names_people(noun, verbs), noun


@pytest.mark.parametrize("text,phrase,country,sector", [
    ("A Saudi-led military coalition is fighting rebels in the north.", "Saudi-led military coalition", "SAU",
     "MIL"),
    ("Vietnamese-led forces attacked a village near the border.", "Vietnamese-led forces", "VNM", "MIL"),
    ("U.S.-backed forces attacked the town on Sunday.", "U.S.-backed forces", None, "MIL"),
    ("Iranian-backed militias fired rockets at the base.", "Iranian-backed militias", None, "PRM"),
])
def test_actors_a_body_led_by_a_country_is_its_own_and_one_backed_is_not(pipeline, text, phrase, country,
                                                                          sector):
    story = pipeline.code(text)
    a = _at(story, phrase)
    assert a is not None and a.kind == "group" and a.country == country and a.sector == sector
    assert any(a.id in e.source for e in story.events)
    assert all(x.kind != "country" for x in story.actors)


def test_actors_a_noun_done_to_by_the_focus_country_takes_no_country(pipeline):
    story = pipeline.code("American soldiers killed four gunmen near the border town on Tuesday.")
    assert _at(story, "American soldiers").country == "USA"
    assert _at(story, "gunmen").country is None


def test_actors_a_demonym_on_a_noun_for_people_is_their_country_not_its_government(pipeline):
    story = pipeline.code("Two Iraqi strategists urged her to drop the attack.")
    a = _at(story, "Iraqi strategists")
    assert a is not None and a.generic and a.country == "IRQ" and a.kind == "group"
    assert all(x.kind != "country" for x in story.actors)


@pytest.mark.parametrize("text,phrase", [
    ("Voices For Peace criticized the army for the raid.", "Voices For Peace"),
    ("Lawyers Without Borders condemned the arrest of the editor.", "Lawyers Without Borders"),
])
def test_actors_a_title_case_name_with_a_capitalised_preposition_is_an_organisation(pipeline, text, phrase):
    story = pipeline.code(text)
    a = _at(story, phrase)
    assert a is not None and a.kind == "organization" and a.name == phrase
    assert any(a.id in e.source for e in story.events)


@pytest.mark.parametrize("text,phrase,country", [
    ("Denver and its police officers endorse the mayor's plan.", "Denver", "USA"),
    ("Texas sued the administration over the rule on Monday.", "Texas", "USA"),
])
def test_actors_a_state_or_city_doing_a_deed_is_its_government(pipeline, text, phrase, country):
    story = pipeline.code(text)
    a = _at(story, phrase)
    assert a is not None and a.kind == "place" and a.country == country and a.sector == "GOV"
    assert any(a.id in e.source for e in story.events)
    assert "administration" not in text or _at(story, "administration") is not a


def test_actors_a_city_named_as_a_place_or_a_modifier_makes_no_government(pipeline):
    story = pipeline.code("A Houston court fined the firm. Protesters marched in Houston on Sunday.")
    assert all(a.kind != "place" or a.name != "Houston" for a in story.actors if a.sector == "GOV")


def test_actors_plural_noun_doing_a_participle_clause_with_a_name_in_it_is_its_doer(pipeline):
    story = pipeline.code("Ohio, one of the states suing the EPA, said the rule was illegal.")
    a = _at(story, "states")
    assert a is not None and a.generic
    assert any(a.id in e.source for e in story.events)


def test_actors_a_big_city_outranks_a_small_division_of_its_name(pipeline):
    # "Charlotte" is the North Carolina city (870,000 people), not the parish of Saint Vincent
    story = pipeline.code("Police in Charlotte arrested twelve protesters on Friday.")
    assert _at(story, "Police in Charlotte").country == "USA"


def test_actors_a_country_word_inside_a_persons_name_is_the_name(pipeline):
    # "Cuban" in "Mark Cuban" is a surname, not Cuba; "Abdullah of Jordan" still names Jordan
    story = pipeline.code("Clinton was criticized for inviting the businessman Mark Cuban to the debate.")
    assert "CUB" not in {a.country for a in story.actors} and _actor(story, "Mark Cuban").kind == "person"
    story = pipeline.code("King Abdullah of Jordan met the president in Amman.")
    assert "JOR" in {a.country for a in story.actors if a.kind == "country"}


def test_actors_a_led_or_backed_deed_is_no_body(pipeline):
    # "Saudi-led coalition" is a body; "Russian-backed offensive" is a deed, never an actor of its own
    story = pipeline.code("The Russian-backed offensive in eastern Ghouta has killed hundreds of civilians.")
    assert not [a for a in story.actors if "offensive" in a.name.lower()]
    story = pipeline.code("A Saudi-led coalition bombed the port of Hodeidah.")
    assert _actor(story, "Saudi-led coalition").country == "SAU"


@pytest.mark.model
def test_actors_a_peoples_word_between_demonym_and_noun_is_one_group(pipeline):
    # spaCy reads "Sri Lankan Tamil" as a person's name; the word after the demonym names a people, and the
    # noun it modifies is the actor
    story = pipeline.code("Sri Lankan Tamil fighters shelled a navy post on Sunday.")
    actor = _at(story, "Sri Lankan Tamil fighters")
    assert actor is not None and actor.country == "LKA" and actor.kind != "person"
    assert all(a.kind != "person" for a in story.actors)


@pytest.mark.model
def test_actors_a_name_coordinated_with_a_named_actor_is_an_actor(pipeline):
    story = pipeline.code("Oman started mediation between the National Salvation Council and Tabligh .")
    assert _at(story, "Tabligh") is not None


@pytest.mark.model
def test_actors_a_name_renamed_by_a_title_is_a_person(pipeline):
    # spaCy calls "Tobruk" a place; the title in apposition makes it a person's name
    story = pipeline.code("The senators said they agree with Tobruk , the Minister of Interior .")
    actor = _at(story, "Tobruk")
    assert actor is not None and actor.kind == "person"


@pytest.mark.model
def test_actors_a_body_named_before_an_actor_noun_owns_it(pipeline):
    # "PRG" is no knowledge-base name: its government is the PRG's, not the article's country's
    story = pipeline.code("The PRG government turned down the Kenyan and Ugandan proposals on Monday.")
    assert _at(story, "government") is _at(story, "PRG")
    assert _at(story, "Kenyan") is not _at(story, "government")


def test_actors_a_common_noun_starting_a_sentence_is_no_name(pipeline):
    # the tagger calls a capitalised first word a proper noun; an ordinary noun there names no one
    story = pipeline.code("Curfew lifted, but the city is still in limbo.")
    assert not [a for a in story.actors if a.name == "Curfew"]
    story = pipeline.code("Hamas rejected the offer on Sunday.")
    assert _actor(story, "Hamas")


def test_actors_an_acronym_no_gazetteer_places_is_a_body(pipeline):
    # spaCy tags "UNDOF" a place; nothing of that name is in the gazetteer, so the doer is an organisation
    story = pipeline.code("UNDOF withdrew its peacekeepers from two positions in the Golan Heights.")
    assert _actor(story, "UNDOF").kind == "organization"


@pytest.mark.model
def test_actors_title_of_one_gender_picks_the_namesake_of_that_gender(pipeline):
    story = pipeline.code("Bill Clinton and Hillary Clinton arrived in Ohio. Later Mrs. Clinton spoke to voters.")
    hillary = next(a for a in story.actors if a.name == "Hillary Clinton")
    assert any(m.text == "Clinton" for m in hillary.mentions)
    story = pipeline.code("Mrs. Clinton criticized the trade deal on Monday.")  # no full name in the article
    assert [a.name for a in story.actors if a.kind == "person"] == ["Hillary Clinton"]


@pytest.mark.model
def test_actors_a_people_or_faith_that_is_no_country_is_never_the_government(pipeline):
    # "Kurdish leaders" in an Iraqi story are not the Iraqi government, but a body of their own
    story = pipeline.code("The Iraqi government negotiated with Kurdish leaders over oil revenue.")
    kurds = _at(story, "Kurdish leaders")
    assert kurds is not None and kurds.kind == "group" and kurds is not _at(story, "Iraqi government")
    story = pipeline.code("Shiite clerics in Iraq called for calm.")
    assert _at(story, "Shiite clerics").kind == "group"
    # a demonym of a country still names its government
    story = pipeline.code("Palestinian officials rejected the plan.")
    assert _at(story, "Palestinian officials").kind == "country"


@pytest.mark.model
def test_actors_a_crowd_named_by_its_size_is_people(pipeline):
    story = pipeline.code("Tens of thousands marched in Tbilisi against the law.")
    crowd = _at(story, "Tens of thousands")
    assert crowd is not None and crowd.sector == "CVL"
    story = pipeline.code("Thousands of dollars were stolen from the bank.")
    assert _at(story, "Thousands") is None  # an amount of something is no one


@pytest.mark.model
def test_actors_the_president_is_the_president_the_article_is_about_and_not_one_named_beside_it(pipeline):
    text = ("President Maria Lopez said on Friday that Chile would answer the cyber attacks.\n\n"
            "Lopez said she had spoken with Peruvian President Juan Perez about the attacks in March.\n\n"
            "The president said she had warned Mr Perez of serious consequences.")
    story = pipeline.code(text)
    lopez = _actor(story, "Lopez")
    start = text.index("The president")
    assert story.actor_at(start + 4, start + 13) is lopez


@pytest.mark.model
def test_actors_a_first_name_alone_is_the_one_person_of_that_first_name(pipeline):
    story = pipeline.code("Maria Lopez and Juan Perez met voters in Lima.\n\nLater, Perez said Maria had lied. "
                          "Jose Diaz and Jose Ruiz arrived. Jose said nothing.")
    assert _at(story, "Maria", 1) is _actor(story, "Maria Lopez")
    assert _at(story, "Jose", 2) not in (_actor(story, "Jose Diaz"), _actor(story, "Jose Ruiz"))  # two Joses


@pytest.mark.model
def test_actors_a_named_state_body_is_of_the_articles_country(pipeline):
    story = pipeline.code("LIMA - Peru's Securities Market Commission said on Monday that the Treasury had "
                          "filed a complaint. The Environmental Protection Agency declined to comment.")
    for name in ("Environmental Protection Agency", "Treasury"):
        a = _actor(story, name)
        assert (a.country, a.sector) == ("PER", "GOV"), (name, a.country, a.sector)


def test_actors_a_body_in_a_place_of_several_words_takes_that_place(pipeline):
    # the whole name, not its last word ("Carolina" alone is a city in Puerto Rico, "York" one in England)
    story = pipeline.code("Police in South Carolina arrested a man on Friday. Officials in New York said nothing.")
    assert _at(story, "Police").country == "USA"
    assert _at(story, "Officials").country == "USA"


def test_actors_a_title_of_a_province_or_city_is_of_its_country(pipeline):
    story = pipeline.code("The governor of Kandahar province condemned the attack. "
                          "The deputy governor of the Tyumen region was attacked by gunmen.")
    kandahar = _at(story, "governor")
    assert kandahar.country == "AFG" and kandahar.kind == "person" and kandahar.sector == "GOV"
    assert _at(story, "deputy governor").country == "RUS"
    assert kandahar.id != _at(story, "deputy governor").id


def test_a_body_named_by_where_it_is_based_or_whom_it_is_allied_with(pipeline):
    story = pipeline.code("Kenya-based militants attacked the convoy. Syria-allied militias shelled the town.")
    names = {a.name: a for a in story.actors}
    assert "Kenya-based militants" in names and names["Kenya-based militants"].country == "KEN", names
    assert "Syria-allied militias" in names and names["Syria-allied militias"].country is None, names
    assert "Syria" not in names  # the name before the hyphen is no actor of its own there


def test_a_pronoun_object_of_a_coordinated_verb_is_not_the_shared_subject(pipeline):
    story = pipeline.code("The Kenyan army and allied militias attacked rebel positions and destroyed them.")
    army = next(a for a in story.actors if "army" in a.name)
    assert not any(m.text == "them" for m in army.mentions), army.mentions


def test_prison_guards_are_a_body_of_security(pipeline):
    story = pipeline.code("The prisoner was beaten by prison guards in Tehran.")
    guards = next(a for a in story.actors if "guards" in a.name)
    assert guards.sector == "COP", guards


def test_actors_a_great_city_under_another_spelling_wins_over_a_small_town():
    from eventwire.actors.places import city_country

    # GeoNames keeps Egypt's Al Mansurah (600,000 people) under that name and Algerian towns as "Mansoura"
    assert city_country("Mansoura") == "EGY"
    assert city_country("Samarra") == "IRQ" and city_country("Lyon") == "FRA"


@pytest.mark.model
def test_actors_a_title_of_the_other_gender_is_another_person_of_that_name(pipeline):
    story = pipeline.code("Hillary Clinton campaigned in Iowa on Monday. Reporters asked about Mr. Clinton's "
                          "speech. Sarah Palin endorsed the governor. Mr. Palin said he was proud.")
    hillary = next(a for a in story.actors if a.name == "Hillary Clinton")
    sarah = next(a for a in story.actors if a.name == "Sarah Palin")
    assert all(story.text[m.start - 4:m.start] != "Mr. " for m in hillary.mentions + sarah.mentions)
    assert _word(story, "Clinton's speech").name == "Bill Clinton"  # the namesake the knowledge base knows


@pytest.mark.model
def test_actors_a_pronoun_goes_to_the_teller_of_its_clause(pipeline):
    # a woman named earlier does not take "she" from a person of unknown gender who tells the clause
    story = pipeline.code("Maria Santos spoke in Manila on Friday. Party chair Robin Okafor announced Sunday "
                          "she will resign her post after the convention.")
    assert _word(story, "she will").name == "Robin Okafor"
    assert _word(story, "her post").name == "Robin Okafor"
    story = pipeline.code("Maria Santos spoke in Manila on Friday. Robin Okafor called her son a hero "
                          "before explaining why she forgave the driver.")
    assert _word(story, "she forgave").name == "Robin Okafor"
    # a gender that does not fit still rules the teller out
    story = pipeline.code("Maria Santos spoke in Manila on Friday. Kenji Sato said she would raise taxes.")
    assert _word(story, "she would").name == "Maria Santos"


def _word(story, phrase):
    """The actor of the first word of a phrase."""
    start = story.text.index(phrase)
    return story.actor_at(start, start + len(phrase.split()[0].split("'")[0]))


@pytest.mark.model
def test_actors_a_first_name_the_census_gives_to_women_takes_she_like_a_cue(pipeline):
    # "Debbie" is in no hand-kept list; the census lists of the ``names`` package make it a woman's name, so
    # "she" goes to the nearer woman, not back to the one named by a hand-kept cue
    story = pipeline.code("Hillary Clinton spoke in Ohio on Friday. On Sunday, Debbie Moreno met the governor "
                          "in Columbus. She said the meeting went well.")
    assert _word(story, "She said").name == "Debbie Moreno"
    # an American list never rules a person out: "Kim" is a woman's name there, Kim Jong Un is a man
    story = pipeline.code("Kim Jong Un inspected a missile launch on Sunday. He said the test was a success.")
    assert _word(story, "He said").name == "Kim Jong Un"


@pytest.mark.model
def test_actors_she_that_no_woman_fits_never_falls_back_on_a_mans_census_name(pipeline):
    # "Ted" is a man's name in the census lists: "she" with no woman in reach stays unresolved rather than
    # making him a woman (which would also bar him from every later "he")
    text = ("Ted Marlowe, a senator from Ohio, spoke about addiction on Monday. An older sister of the senator died "
            "of an overdose. She had struggled for years. Marlowe said the state must act. He asked for funds.")
    story = pipeline.code(text)
    she = text.index("She had")
    assert not any(m.start == she for a in story.actors for m in a.mentions)
    last_he = text.index("He asked")
    assert [a.name for a in story.actors if any(m.start == last_he for m in a.mentions)] == ["Ted Marlowe"]


def test_actors_a_known_surname_after_another_first_name_is_another_person(pipeline):
    # the recogniser finds no name in these; the knowledge base's surname alone would make them the known man
    for text, name in (("Ivanka Trump, 34, could be a bridge to female voters.", "Ivanka Trump"),
                       ("Tiffany Trump, 34, could be a bridge to female voters.", "Tiffany Trump")):
        story = pipeline.code(text)
        assert [a.name for a in story.actors if a.kind == "person"] == [name], [a.name for a in story.actors]
    # a title or the known first name before the surname keeps the known person
    story = pipeline.code("Candidate Trump attacked the plan. Donald Trump spoke later.")
    assert [a.name for a in story.actors if a.kind == "person"] == ["Donald Trump"]


@pytest.mark.model
def test_actors_a_first_name_only_women_bear_is_never_he(pipeline):
    # "Laura" is in the census list of women's first names only: "he" goes to the man named before her
    text = "Senator Tom Ruddock and his wife, Laura Ruddock, visited the clinic. He said the state would pay."
    story = pipeline.code(text)
    he = text.index("He said")
    assert [a.name for a in story.actors if any(m.start == he for m in a.mentions)] == ["Tom Ruddock"]


def test_actors_a_dash_set_off_by_spaces_ends_a_name(pipeline):
    text = "Dana Orrin Kell - Marsh's business partner - told reporters the firm would close."
    story = pipeline.code(text)
    names = [a.name for a in story.actors if a.kind == "person"]
    assert "Dana Orrin Kell" in names and not any("-" in n for n in names), names


def test_actors_unfamiliar_name_with_an_appositive_title_is_a_person(pipeline):
    # the small model reads many unfamiliar personal names as ORG; a person's title in apposition says who it is
    story = pipeline.code("Oswin Vanterpool, the defence minister, said the army would withdraw from the border.")
    a = next(a for a in story.actors if a.name == "Oswin Vanterpool")
    assert a.kind == "person" and a.role and "minister" in a.role.lower()
    story = pipeline.code("Quarrington Holdings, the mining company, said it would close the mine.")
    assert all(a.kind != "person" for a in story.actors if "Quarrington" in a.name)


def test_actors_a_common_word_capitalised_first_in_its_sentence_is_no_name(pipeline):
    story = pipeline.code("Riot police fired tear gas at the crowd outside the stadium.")
    police = _at(story, "Riot police")
    assert police is not None and police.sector == "COP", [(a.name, a.kind) for a in story.actors]
    assert not any(a.kind == "person" for a in story.actors), [(a.name, a.kind) for a in story.actors]


def test_actors_a_capital_stands_for_its_country_only_where_it_is_the_main_place_of_its_name(pipeline):
    # Anguilla's capital is The Valley and the Seychelles' Victoria: bigger places elsewhere share the names
    story = pipeline.code("Faso hopes to win a seat in the Hudson Valley.\n\nSenator Reid attacked the plan.")
    assert not any(a.country == "AIA" for a in story.actors), [(a.name, a.country) for a in story.actors]
    story = pipeline.code("Victoria police arrested two men on Monday.")
    assert not any(a.country == "SYC" for a in story.actors), [(a.name, a.country) for a in story.actors]
    story = pipeline.code("Kingston accused Port-au-Prince of stalling the talks.")
    assert {a.country for a in story.actors} >= {"JAM", "HTI"}


def test_actors_a_person_once_called_he_is_not_she_later(pipeline):
    text = ("Donor Carl Brenner backed Tomas Ferlund, a Republican running for the open seat. Zorya Kestrel leads "
            "the race.\n\nOn Monday, Kestrel decided to bypass Ferlund himself and go after his donor. In a video "
            "posted to her account, she criticized Brenner.")
    story = pipeline.code(text)
    she = text.index("she criticized")
    owner = [a.name for a in story.actors if any(m.start == she for m in a.mentions)]
    assert owner == ["Zorya Kestrel"], owner


def test_actors_an_officer_of_a_civil_office_is_no_soldier(pipeline):
    for text in ("The chief executive officer resigned on Friday.", "A press officer denied the report."):
        story = pipeline.code(text)
        officer = next(a for a in story.actors if "officer" in a.name)
        assert officer.sector is None, (text, officer.sector)
    for text in ("An army officer was killed near the border.", "A senior officer said the troops withdrew."):
        story = pipeline.code(text)
        officer = next(a for a in story.actors if "officer" in a.name)
        assert officer.sector == "MIL", (text, officer.sector)


def test_actors_a_name_in_apposition_to_a_countrys_person_noun_is_of_that_country(pipeline):
    story = pipeline.code("The United States approved the sale on Monday. Oman's de facto ruler, Crown Prince "
                          "Amir Haddad, is on a tour of Europe. Iran's top diplomat, Mohammad Rezaei, met him.")
    assert _actor(story, "Amir Haddad").country == "OMN"
    assert _actor(story, "Mohammad Rezaei").country == "IRN"


def test_actors_a_region_bigger_than_its_namesakes_gives_its_own_country_or_none():
    from eventwire.actors.places import city_country

    assert city_country("Gulf") is None  # the Persian Gulf region, not Papua New Guinea's Gulf province
    assert city_country("Middle East") is None
    assert city_country("Mindanao") == "PHL"
    assert city_country("Texas") == "USA"


def test_actors_the_story_is_placed_by_places_only_the_gazetteer_knows(pipeline):
    # a dateline city in capitals (tagged ORG) and provinces named in the text give the article's country
    story = pipeline.code("WINNIPEG \u2014 The government said on Thursday it will delay the carbon tax.")
    gov = next(a for a in story.actors if a.sector == "GOV")
    assert gov.country == "CAN", [(a.name, a.country) for a in story.actors]
    story = pipeline.code("Flooding hit Manitoba and Saskatchewan on Monday. The government said it would send help.")
    gov = next(a for a in story.actors if a.sector == "GOV")
    assert gov.country == "CAN", [(a.name, a.country) for a in story.actors]


def test_actors_the_pope_is_of_the_holy_see_wherever_the_story_is(pipeline):
    story = pipeline.code("LONDON \u2014 Pope Francis tweeted his support for the family of the sick boy.")
    assert _actor(story, "Francis").country == "VAT" and _actor(story, "Francis").sector == "REL"


def test_actors_a_known_person_written_with_a_middle_initial_is_that_person(pipeline):
    story = pipeline.code("Donald J. Trump said the deal was bad. Barack H. Obama disagreed.")
    assert {a.name: a.country for a in story.actors if a.kind == "person"} == {"Donald Trump": "USA",
                                                                              "Barack Obama": "USA"}
@pytest.mark.model
def test_actors_possessed_collective_of_an_actor_noun_is_a_body_of_that_country(pipeline):
    # "rebel" (tagged an adjective) before "groups": the collective heads the phrase, of the possessor's country
    story = pipeline.code("The army attacked Libya's rebel groups.")
    actor = _at(story, "Libya's rebel groups")
    assert actor is not None and (actor.country, actor.sector) == ("LBY", "REB")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The army attacked the country's rebel groups.",
    "The president met the country's rebel groups on Monday.",
    "The government signed a truce with the region's rebel groups.",
])
def test_actors_a_common_noun_possessing_a_collective_of_an_actor_noun_leaves_it_a_body(pipeline, text):
    # no country named: "rebel" (tagged an adjective) before "groups" still makes a rebel body, as "the country's
    # rebels" and "rebel groups" do
    story = pipeline.code(text)
    found = [a for a in story.actors if "rebel groups" in a.name]
    assert found and found[0].sector == "REB" and found[0].kind == "group", [(a.name, a.sector) for a in story.actors]


def test_actors_parties_abroad_named_democrats_are_not_the_us_party(pipeline):
    story = pipeline.code("The Liberal Democrats called for a second referendum. Senate Democrats blocked the bill.")
    found = {a.name: a.country for a in story.actors if a.sector == "PTY"}
    assert found.get("Liberal Democrats") == "GBR" and found.get("Democratic Party") == "USA", found


@pytest.mark.model
def test_actors_a_sentences_pronoun_subject_continues_the_last_sentences_subject(pipeline):
    # salience: the person the last sentence was about (its subject), not the nearest name (an object)
    story = pipeline.code("Investigators said Carl Brenner attacked Ivo Marek and Luis Ortega last year. "
                          "Brenner later signed a statement in which he admitted beating Marek and Ortega. "
                          "He told the court that nobody had helped him.")
    assert _word(story, "He told").name == "Carl Brenner"
    story = pipeline.code("The senator thanked Paul Ngata for his work on the bill. He then left the room.")
    assert _word(story, "He then").name == "senator"
    # an object pronoun and a pronoun told by a clause keep their own rules
    story = pipeline.code("Carl Brenner met Luis Ortega on Monday. Ortega said he would sign the deal.")
    assert _word(story, "he would").name == "Luis Ortega"


@pytest.mark.parametrize("text,name", [
    ("Iran rejected accusations by Okafor that Tehran was behind the attack.", "Okafor"),  # tagged a place
    ("The court freed Amara Vanterpool, who had led the strike.", "Amara Vanterpool"),  # tagged a place
    ("The army let free Farid Castellanos, who had led protests last week.", "Farid Castellanos"),  # a work
])
def test_actors_an_unfamiliar_name_spacy_took_for_a_place_or_a_work_is_a_person_where_only_people_stand(
        pipeline, text, name):
    # a name no gazetteer knows, renamed by "who" or the doer a "by" names after a deed, is a person's
    story = pipeline.code(text)
    a = _at(story, name)
    assert a is not None and a.kind == "person", [(x.name, x.kind) for x in story.actors]
    assert any(a.id in e.target for e in story.events), [(e.type, e.target) for e in story.events]


def test_actors_a_place_renamed_by_which_stays_a_place(pipeline):
    story = pipeline.code("Troops entered Kessab, which rebels had held for years.")
    assert all(x.kind != "person" for x in story.actors if x.name == "Kessab")


@pytest.mark.parametrize("text,name,country", [
    ("The Israeli president refused to meet Jordan's visiting Dmitri Maltravers in Tel Aviv.", "Dmitri Maltravers",
     "JOR"),
    ("Brazil's embattled Pedro Quintanilla rejected the offer from Argentina.", "Pedro Quintanilla", "BRA"),
])
def test_actors_a_country_owning_an_unfamiliar_person_s_name_is_the_person_s_country(pipeline, text, name, country):
    story = pipeline.code(text)
    a = _at(story, name)
    assert a is not None and a.kind == "person" and a.country == country, [(x.name, x.country) for x in story.actors]


def test_actors_a_country_owning_a_person_s_deed_gives_the_person_no_country(pipeline):
    story = pipeline.code("Brazil's government rejected Tomas Lindqvist's offer.")
    a = _at(story, "Tomas Lindqvist")
    assert a is not None and a.country is None


@pytest.mark.parametrize("text", [
    "The separatist group Red Dawn has agreed to lay down its illegal weapons in Georgia.",
    "The militant group Red Dawn attacked a police station in Georgia.",
])
def test_actors_a_name_right_after_a_noun_for_a_body_names_that_body(pipeline, text):
    # spaCy tags "Red Dawn" a person: the group the noun before it says, one actor with the noun
    story = pipeline.code(text)
    a = _at(story, "Red Dawn")
    assert a is not None and a.kind == "organization", [(x.name, x.kind) for x in story.actors]
    assert _at(story, "group") is a
    assert all(a.id not in e.target for e in story.events)  # "its weapons": never a target of its own deal


def test_actors_a_person_named_after_a_body_noun_that_is_an_object_stays_a_person(pipeline):
    story = pipeline.code("Police told the group Tomas Okafor had left.")
    assert _at(story, "Tomas Okafor").kind == "person"


def test_actors_a_pair_phrase_stands_for_the_two_named_last_when_none_are_named_together(pipeline):
    """"The two governments" after "Japan signed a pact with South Korea" are both countries, though the text
    never joins them with "and"; "both countries", made an actor of its own, hands its pronouns to the pair."""
    story = pipeline.code("Chile signed a fishing pact with Peru on Monday. The two governments said it was fair.")
    phrase = story.text.index("The two governments")
    names = {a.name for a in story.actors_at(phrase, phrase + len("The two governments"))}
    assert names == {"Chile", "Peru"}
    story = pipeline.code("Ghana accused Togo of raids. Both countries deny it, and they met in Accra on Friday.")
    assert not any(a.name == "countries" for a in story.actors)
    met = next(e for e in story.events if e.type == "CONSULT")
    assert {a.name for a in story.actors if a.id in met.source} == {"Ghana", "Togo"}


def test_actors_an_ambassador_to_an_international_body_is_his_own_countrys_diplomat(pipeline):
    story = pipeline.code("LIMA - Former U.N. Ambassador Carlos Ferreyros criticised the deal with Chile.")
    envoy = next(a for a in story.actors if a.name == "Carlos Ferreyros")
    assert (envoy.country, envoy.sector) == ("PER", "GOV")
    story = pipeline.code("U.N. Secretary-General Ban Ki-moon spoke in Geneva.")
    assert next(a for a in story.actors if a.name == "Ban Ki-moon").sector == "IGO"


def test_a_name_the_text_heads_with_the_is_a_things_not_a_persons(pipeline):
    story = pipeline.code('Schools adopted the Bright Horizon. But the Bright Horizon was rolled out badly, he said. '
                          '"Bright Horizon is broken," Ann Lee said. The Obama administration and the Clintons agreed.')
    assert [a.name for a in story.actors if "Bright Horizon" in a.name] == ["Bright Horizon"]
    assert _actor(story, "Bright Horizon").kind == "organization"
    he = story.text.index(" he ") + 1
    assert story.ext["actors.pronouns"].get((he, he + 2)) != [_actor(story, "Bright Horizon").id]


def test_a_place_ending_an_apposition_is_no_mention_of_the_person(pipeline):
    story = pipeline.code("The vote will be close, said Ann Pruitt, director of Fairlane Advisers and an independent "
                          "analyst in Kansas City.")
    pruitt = _actor(story, "Ann Pruitt")
    assert not any("City" in m.text or "Kansas" in m.text for m in pruitt.mentions)


def test_a_title_owned_by_a_person_gives_the_owners_country_and_his_is_not_the_apposed_name(pipeline):
    story = pipeline.code("Netanyahu met Israeli leaders. Mr. Obama pressed Israel. Tom Reyes, his chief of staff, "
                          "urged a strong stand. Netanyahu met Israeli leaders again. Obama's spokesman, Jed Marlow, "
                          "spoke, and Lia Brandt, Obama's deputy chief of staff, listened.")
    his = story.text.index("his chief")
    assert story.ext["actors.pronouns"][(his, his + 3)] == [_actor(story, "Obama").id]
    for name in ("Jed Marlow", "Lia Brandt"):
        assert (_actor(story, name).country, _actor(story, name).sector) == ("USA", "GOV")


def test_platforms_and_news_networks_are_known_bodies_not_people(pipeline):
    story = pipeline.code("Trump wrote on Twitter that the vote was rigged. Facebook removed the post, "
                          "NBC News reported, and Fox News aired the speech.")
    assert not any(a.kind == "person" and a.name in ("Twitter", "Facebook") for a in story.actors)
    assert (_actor(story, "Twitter").country, _actor(story, "Twitter").sector) == ("USA", "BUS")
    assert {_actor(story, n).sector for n in ("NBC News", "Fox News")} == {"JRN"}


def test_an_american_party_and_state_tag_makes_a_politician_american(pipeline):
    story = pipeline.code("Mexico hosted the summit in Mexico City. Sen. Dana Whitfield (R-AL) and Rep. Omar Lund "
                          "(D-Calif.) met Mexican officials, and Kim Soto, R-Texas, joined them. Juan Perez (D-FX) "
                          "stayed home.")
    for name in ("Dana Whitfield", "Omar Lund", "Kim Soto"):
        assert _actor(story, name).country == "USA", name
    assert _actor(story, "Juan Perez").country != "USA"


def test_a_one_word_name_opening_a_bodys_longer_name_is_that_body(pipeline):
    story = pipeline.code("Corvane Pharmaceuticals International lost half its value on Monday. "
                          "Analysts said Corvane would have to sell assets, and he agreed.")
    assert not any(a.kind == "person" and a.name == "Corvane" for a in story.actors)
