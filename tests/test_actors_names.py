"""Actors: one person under every form of the name the article uses (double surnames, middle names, a first
name the entity recogniser took for a body or a town), and pronouns that keep to a person's likely sex."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _people(story):
    return {a.name: a for a in story.actors if a.kind == "person"}


def _mentions(actor):
    return [m.text for m in actor.mentions]


def test_a_double_surname_alone_is_the_person_named_in_full(pipeline):
    story = pipeline.code("Rep. Debbie Wasserfall Kunze faced boos in Philadelphia on Monday. "
                          "Wasserfall Kunze left the breakfast early, and aides said she was tired.")
    people = _people(story)
    assert list(people) == ["Debbie Wasserfall Kunze"]
    assert "Wasserfall Kunze" in _mentions(people["Debbie Wasserfall Kunze"])


def test_a_name_without_its_middle_name_is_the_person_named_in_full(pipeline):
    story = pipeline.code("Rep. Alan Mark Dorsey spoke on Tuesday. Later, Alan Dorsey said he would run again.")
    people = _people(story)
    assert list(people) == ["Alan Mark Dorsey"]
    assert "Alan Dorsey" in _mentions(people["Alan Mark Dorsey"])


def test_two_people_with_the_first_and_last_name_of_a_shorter_name_leave_it_alone(pipeline):
    story = pipeline.code("George Walker Dunmore and George Henry Dunmore met on Monday. "
                          "George Dunmore said the talks went well.")
    assert "George Dunmore" in _people(story)


def test_a_first_name_tagged_as_a_body_is_the_one_person_who_bears_it(pipeline):
    story = pipeline.code('Sen. Bernie Holt spoke in Ohio on Monday. "It was a vendetta against Bernie," '
                          "his aide said.")
    people = _people(story)
    assert "Bernie" in _mentions(people["Bernie Holt"])
    assert not any(a.name == "Bernie" for a in story.actors)


def test_a_first_name_tagged_as_a_town_is_the_person_and_no_place(pipeline):
    story = pipeline.code('Speaker Paul D. Wexford was absent from the debate. "I am a big fan of Paul," '
                          "said Senator Jeff Hollings of Alabama.")
    people = _people(story)
    assert "Paul" in _mentions(people["Paul D. Wexford"])
    assert people["Jeff Hollings"].country == "USA"  # not the country of a town called Paul


def test_he_goes_to_a_man_before_a_woman_by_first_name(pipeline):
    story = pipeline.code("Sen. Mark Hollis met his adviser, Susannah Whitcombe, on Monday. "
                          "Whitcombe told reporters that he had asked her to quit.")
    people = _people(story)
    assert "he" in _mentions(people["Mark Hollis"])
    assert "he" not in _mentions(people["Susannah Whitcombe"])


def test_he_still_goes_to_the_only_person_in_reach_whatever_the_first_name(pipeline):
    story = pipeline.code("Jean Dufresne, the former prime minister, arrived in Paris. He said the vote was fair.")
    assert "He" in _mentions(_people(story)["Jean Dufresne"])


def test_a_name_glued_to_an_age_by_a_comma_is_the_name_alone(pipeline):
    story = pipeline.code("Police arrested Lance Garvey,36, and Ken Mizuno,18, on Friday. Prices rose by 1,200.")
    assert {"Lance Garvey", "Ken Mizuno"} <= set(_people(story))
    assert "1,200" in [t.text for t in story.doc]  # a number keeps its comma


def test_capitalised_states_are_no_united_states(pipeline):
    story = pipeline.code("The Centre convened a meeting of the chief secretaries of the party States on Monday.")
    assert not any(a.country == "USA" for a in story.actors)


def test_a_party_named_like_a_us_party_is_a_party_of_its_own(pipeline):
    story = pipeline.code("The Democratic Left Alliance (SLD) came third in the poll, and the Democratic "
                          "National Committee met in Warsaw.")
    alliance = next(a for a in story.actors if a.name == "Democratic Left Alliance")
    committee = next(a for a in story.actors if a.name == "Democratic National Committee")
    assert alliance.sector == "PTY" and alliance.country != "USA"
    assert committee.sector == "PTY" and committee.country == "USA"


def test_a_people_named_before_a_noun_for_fighters_or_refugees_is_no_person(pipeline):
    story = pipeline.code("Karen guerrillas attacked an army post, and a Karen guerrilla was killed. "
                          "Turkish Kurd refugees crossed the border.")
    assert not _people(story)
    groups = {a.name: a for a in story.actors if a.kind == "group"}
    assert groups["Karen guerrillas"].sector == "REB"
    assert groups["Turkish Kurd refugees"].sector == "REF"


def test_a_common_surname_before_a_noun_for_people_stays_a_person(pipeline):
    story = pipeline.code("Senator Tom Haskell spoke on Monday. Later, Haskell supporters rallied in Ohio.")
    assert "Haskell" in _mentions(_people(story)["Tom Haskell"])


def test_a_title_owned_by_his_or_her_is_of_the_country_of_the_person_named_before(pipeline):
    story = pipeline.code("Tunisian officials said Obama and his defense secretary Ash Carter met in Tunis.")
    assert _people(story)["Ash Carter"].country == "USA"


def test_a_word_for_doers_before_a_deed_that_acts_is_an_actor_but_not_before_a_deed_condemned(pipeline):
    story = pipeline.code("A rebel attack on an army base killed 12 soldiers on Monday.")
    assert any(a.name == "rebel" and a.sector == "REB" for a in story.actors)
    event = next(e for e in story.events if e.type == "ASSAULT")
    assert [story.actor(i).sector for i in event.source] == ["REB"]
    story = pipeline.code("The United Nations condemned the terrorist attack in Kabul.")
    assert not any(a.name == "terrorist" for a in story.actors)


def test_a_language_is_no_country(pipeline):
    story = pipeline.code("In the video, a man in a black cap speaks in Portuguese before he grabs the camera. "
                          "Witnesses said he also spoke Italian and Greek.")
    assert not [a.name for a in story.actors if a.kind == "country"]


def test_the_people_named_by_a_demonym_stay_a_country_actor(pipeline):
    story = pipeline.code("The treaty was criticised by the Dutch on Monday.")
    assert any(a.country == "NLD" for a in story.actors)


def test_a_street_the_recogniser_took_for_a_person_is_no_person(pipeline):
    story = pipeline.code("Officers answered a call near Rosewell Avenue and Dubonet Drive on Sunday night.")
    assert not _people(story)
    story = pipeline.code("Mark Street said the council was wrong.")  # Street is a common surname
    assert "Mark Street" in _people(story)


def test_a_country_name_that_is_also_a_state_before_a_state_title_is_the_state(pipeline):
    # "Georgia Gov." is the US state's governor, "Niger Governor" a Nigerian state's; "Georgia President"
    # stays the country's
    story = pipeline.code("Georgia Gov. Lyle Brandt signed the bill. Georgia Sen. Dana Pruitt opposed it.")
    people = _people(story)
    assert people["Lyle Brandt"].country == "USA" and people["Dana Pruitt"].country == "USA"
    assert not any(a.country == "GEO" for a in story.actors), [(a.name, a.country) for a in story.actors]
    # a seat of government before a state's title is the state, not the government ("Washington Gov.")
    story = pipeline.code("Washington Gov. Lyle Brandt criticized the ruling.")
    assert _people(story)["Lyle Brandt"].country == "USA"
    assert not any(a.kind == "country" for a in story.actors), [(a.name, a.kind) for a in story.actors]
    story = pipeline.code("Georgia President Tamar Beridze criticized Moscow.")
    assert _people(story)["Tamar Beridze"].country == "GEO"
    from eventwire.actors.places import titled_division

    assert titled_division("Niger", "NER", "Governor") == "NGA"
    assert titled_division("Georgia", "GEO", "President") is None


def test_a_chief_minister_named_after_a_state_is_of_its_country(pipeline):
    # "Chief Minister" heads a state or province (India, Pakistan): one title of the person, not a body of its own
    story = pipeline.code("Kerala Chief Minister Ravi Menon criticized the federal budget.")
    people = _people(story)
    assert people["Ravi Menon"].country == "IND" and people["Ravi Menon"].sector == "GOV"
    assert not any(a.name in ("Minister", "Chief Minister") for a in story.actors)
