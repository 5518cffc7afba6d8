"""One act told twice in a sentence is one record: the telling that names no one hit merges into the telling that
does (``records._untargeted_merged``), and the casualties of an attack whose target is not named are folded
into it (``circumstance.casualties_folded``). Sentences written for these tests."""

import pytest


def _events(pipeline, text):
    story = pipeline.code(text)
    names = {a.id: a.name for a in story.actors}
    return [(e.type, e.trigger.text, [names[i] for i in e.source], [names[i] for i in e.target])
            for e in story.events]


@pytest.mark.model
def test_claimed_attack_and_its_killing_are_one_assault(pipeline):
    got = _events(pipeline, "Hamas claimed responsibility for an attack on Sunday in which five soldiers were "
                            "killed.")
    assaults = [e for e in got if e[0] == "ASSAULT"]
    assert len(assaults) == 1, got
    assert any("soldiers" in t for t in assaults[0][3]), got


@pytest.mark.model
def test_claim_of_an_attack_takes_its_victims_as_target(pipeline):
    got = _events(pipeline, "Al-Shabaab claimed responsibility for the ambush, which killed and wounded dozens of "
                            "soldiers near Baidoa.")
    assaults = [e for e in got if e[0] == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0][1] == "claimed", got
    assert any("soldiers" in t for t in assaults[0][3]), got


@pytest.mark.model
def test_earlier_telling_with_no_target_keeps_the_trigger_and_takes_the_target(pipeline):
    got = _events(pipeline, "Norway has established diplomatic ties with and opened an embassy in Caracas, the "
                            "ministry said on Monday.")
    support = [e for e in got if e[0] == "SUPPORT"]
    assert len(support) == 1 and support[0][1] == "established", got
    assert support[0][3], got


@pytest.mark.model
def test_two_acts_with_their_own_targets_stay_two(pipeline):
    got = _events(pipeline, "Rebels kidnapped four aid workers in Gao and attacked an army post in Kidal.")
    assert [e[1] for e in got if e[0] == "ASSAULT"] == ["kidnapped", "attacked"], got


@pytest.mark.model
def test_defending_ones_own_deed_is_no_support(pipeline):
    got = _events(pipeline, "The Bolivian president defended his decision to make an official visit to Chile on Monday.")
    assert "SUPPORT" not in [e[0] for e in got], got
    assert ("CONSULT", "visit") in [e[:2] for e in got], got
    got = _events(pipeline, "The foreign minister defended her remarks about the border dispute.")
    assert "SUPPORT" not in [e[0] for e in got], got


@pytest.mark.model
def test_defending_another_side_is_support(pipeline):
    got = _events(pipeline, "Ecuador defended Peru against criticism of its fishing fleet.")
    assert [e[:2] for e in got if e[0] == "SUPPORT"] == [("SUPPORT", "defended")], got
    got = _events(pipeline, "The government defended its allies against the criticism.")
    assert [e[:2] for e in got if e[0] == "SUPPORT"] == [("SUPPORT", "defended")], got


@pytest.mark.model
def test_breaking_up_a_protest_is_crowd_control(pipeline):
    # CAMEO 175 (PETRARCH's verb dictionary codes "break up demonstrations" so): ASSAULT, crowd-control
    for text in ("Riot police broke up an opposition rally in Minsk on Sunday.",
                 "police broke up a sit-in protest by farmers outside the district office."):
        got = _events(pipeline, text)
        assert ("ASSAULT", "broke") in [e[:2] for e in got], got
    for text in ("The band broke up after their third album.", "Regulators broke up the telephone monopoly."):
        assert _events(pipeline, text) == [], text


@pytest.mark.model
def test_what_a_ban_forbids_is_no_event(pipeline):
    for text in ("Minsk's ban on demonstrations was lifted on Tuesday.",
                 "Riga's long ban on protests was lifted after the election.",
                 "The governor lifted restrictions on rallies in the province."):
        got = _events(pipeline, text)
        assert "PROTEST" not in [e[0] for e in got], got
    got = _events(pipeline, "Thousands of farmers held demonstrations in Warsaw against the ban on imports.")
    assert "PROTEST" in [e[0] for e in got], got


@pytest.mark.model
def test_calling_a_truce_declares_it(pipeline):
    # CAMEO 0871, declare a truce; "called FOR a truce" is a request, and calling a person is a call
    got = _events(pipeline, "The rebel commander called a three-day truce over the holiday.")
    assert ("RETREAT", "called") in [e[:2] for e in got], got
    got = _events(pipeline, "The bishops called for a ceasefire in the north.")
    assert [e[0] for e in got] == ["REQUEST"], got
    got = _events(pipeline, "The Chilean president called the Bolivian president to discuss a truce.")
    assert ("CONSULT", "called") in [e[:2] for e in got], got


@pytest.mark.model
def test_lifting_a_lockdown_is_a_concession(pipeline):
    got = _events(pipeline, "The governor lifted the lockdown in the northern districts on Friday.")
    assert ("CONCEDE", "lifted") in [e[:2] for e in got], got
