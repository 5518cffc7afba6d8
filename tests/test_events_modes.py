"""Event modes: what the words around the trigger say of how it was done, threatened or refused (sentences
written for these tests)."""

import pytest


def _modes(pipeline, text):
    return [(e.type, e.mode) for e in pipeline.code(text).events]


@pytest.mark.model
@pytest.mark.parametrize("text,mode", [
    ("A Peruvian senator was killed in a drone strike on Tuesday.", "drone"),
    ("A senior rebel commander was killed by a drone strike on Monday.", "drone"),
    ("A Peruvian senator was killed in a targeted attack in Lima on Tuesday.", "targeted"),
    ("Gunmen killed a Chilean judge in a targeted attack in Santiago.", "targeted"),
])
def test_events_a_killing_takes_its_mode_from_the_strike_it_happened_in(pipeline, text, mode):
    assert ("ASSAULT", mode) in _modes(pipeline, text)


@pytest.mark.model
def test_events_a_massacre_is_a_targeted_killing(pipeline):
    assert ("ASSAULT", "targeted") in _modes(pipeline, "The army massacred villagers in the northern province.")


@pytest.mark.model
@pytest.mark.parametrize("text,mode", [
    ("Chile threatened to invade Bolivia.", "territory"),
    ("Chile threatened to attack Bolivia.", "violence"),
    ("Police in Peru threatened to make arrests in the capital.", "arrest"),
    # a stated or planned invasion threatens territory too
    ("Chile said it would invade Bolivia if the talks failed.", "territory"),
    ("Peru has announced a plan to invade the disputed islands of Chile.", "territory"),
])
def test_events_a_threat_takes_its_mode_from_what_is_threatened(pipeline, text, mode):
    assert ("THREATEN", mode) in _modes(pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize("text,mode", [
    ("Peru rejected talks with Chile.", "meet"),
    ("The government rejected humanitarian aid from Japan.", "assist"),
    ("The government of Peru rejected the rebels' request for a meeting.", "meet"),
    ("Peru rejected an invitation to attend the summit.", "meet"),
    ("Peru rejected the accusations from Chile.", None),
])
def test_events_a_refusal_takes_its_mode_from_what_is_refused(pipeline, text, mode):
    assert ("REJECT", mode) in _modes(pipeline, text)


def test_bench_gold_modes_are_named_as_plover_2_names_them():
    from bench.events_plover import gold_mode

    assert gold_mode("ASSAULT", "assassinate") == "targeted"
    assert gold_mode("COERCE", "ban") == "restrict"
    assert gold_mode("PROTEST", "demo-org") == "demo"
    assert gold_mode("ASSAULT", "other") == ""  # no PLOVER 2.0 mode: not scored
    assert gold_mode("AGREE", "") == ""


@pytest.mark.model
@pytest.mark.parametrize("text,mode", [
    ("A refugee camp was attacked by militiamen armed with machetes, killing 20 people.", "primitive"),
    ("A judge was killed in a car bomb explosion in Lima.", "explosives"),
    ("A minefield explosion killed two farmers on Sunday.", "explosives"),
    ("Government aircraft killed 30 civilians in the north.", "aerial"),
    ("Police attacked the protesters with batons.", "crowd-control"),
])
def test_events_an_attack_takes_its_mode_from_the_weapon_of_its_means_or_doer(pipeline, text, mode):
    assert ("ASSAULT", mode) in _modes(pipeline, text)


@pytest.mark.model
def test_events_what_is_attacked_is_no_weapon(pipeline):
    assert ("ASSAULT", None) in _modes(pipeline, "The rebels attacked a tank near the border.")


def test_events_weapon_modes_are_plover_assault_modes():
    from eventwire.events.ontology import event_types
    from eventwire.events.weapons import weapon_modes

    allowed = event_types()["ASSAULT"].modes
    assert weapon_modes()["machete"] == "primitive"
    assert set(weapon_modes().values()) <= set(allowed)


@pytest.mark.model
def test_events_an_order_to_use_force_sends_force(pipeline):
    story = pipeline.code("The governor of Lima ordered police to disperse the protesters.")
    (ev,) = [e for e in story.events if e.trigger.text == "ordered"]
    assert (ev.type, ev.mode) == ("MOBILIZE", "police")
    assert [story.actor(i).name for i in ev.target] == ["protesters"]


@pytest.mark.model
@pytest.mark.parametrize("text,etype", [
    ("The president of Peru ordered the army to withdraw from the border.", "REQUEST"),
    ("The court in Lima ordered the police to arrest the minister.", "REQUEST"),
])
def test_events_an_order_to_withdraw_or_arrest_stays_a_request(pipeline, text, etype):
    assert etype in [e.type for e in pipeline.code(text).events if e.trigger.text == "ordered"]


@pytest.mark.model
@pytest.mark.parametrize("text,mode", [
    ("An Islamist group claimed responsibility for a suicide bombing at a market in Lima.", "suicide-attack"),
    ("The rebels claimed responsibility for the rocket attack on the town.", "heavy-weapons"),
])
def test_events_a_claimed_attack_gives_the_claim_its_mode(pipeline, text, mode):
    assert [("ASSAULT", mode)] == _modes(pipeline, text)  # one attack: the bombing claimed is the claim's deed


@pytest.mark.model
@pytest.mark.parametrize("text,mode", [
    ("Farmers in Peru threatened to hold a general strike unless the government cut fuel prices.", "restrict"),
    ("The opposition party said it will boycott the elections in Peru unless the president resigns.", "restrict"),
    ("Police in Lima threatened to hold the protesters at the station.", "arrest"),
])
def test_events_a_threatened_strike_or_boycott_restricts_and_holding_people_arrests(pipeline, text, mode):
    assert ("THREATEN", mode) in _modes(pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Gunmen shot dead a newspaper editor outside his home in Lima on Monday.",
    "A Bolivian senator was shot and killed in La Paz on Friday.",
    "A member of parliament was killed in an attack near the market.",
    "The militants killed two hostages after talks with the government broke down.",
    "The killing of an opposition activist in Quito sparked protests.",
    "Gunmen opened fire on a radio journalist outside his home in Lima.",
    "A rebel leader was killed on Monday when gunmen on motorbikes gunned him down near Lima.",
])
def test_events_a_killing_of_a_person_of_note_is_targeted(pipeline, text):
    assert ("ASSAULT", "targeted") in _modes(pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize("text,mode", [
    ("Police shot dead two protesters in the capital.", "firearms"),
    ("Gunmen opened fire on soldiers at a checkpoint near Lima.", "firearms"),
    ("Soldiers were killed when rebels ambushed them near Lima.", "firearms"),
    ("A rebel commander was killed in a drone strike on Monday.", "drone"),
])
def test_events_crowds_soldiers_and_named_weapons_keep_their_mode(pipeline, text, mode):
    assert ("ASSAULT", mode) in _modes(pipeline, text)


@pytest.mark.model
@pytest.mark.parametrize("text,mode", [
    ("A rebel commander was killed in an unmanned aerial strike near the border.", "drone"),
    ("Two suicide bombings at a mosque that killed 35 people shocked the city.", "suicide-attack"),
    ("The suicide bombing that killed nine soldiers was claimed by no group.", "suicide-attack"),
])
def test_events_unmanned_craft_and_the_bombing_a_killing_hangs_on_give_the_mode(pipeline, text, mode):
    assert ("ASSAULT", mode) in [m for m in _modes(pipeline, text)]


@pytest.mark.model
@pytest.mark.parametrize("text,expected", [
    ("Gunmen shot and killed a newspaper editor in Lima on Monday.", [("ASSAULT", "targeted")]),
    ("Masked men kidnapped and killed the mayor of a town near Quito.", [("ASSAULT", "abduct")]),
])
def test_events_one_attack_on_a_person_of_note_told_with_two_verbs_is_one_record(pipeline, text, expected):
    assert _modes(pipeline, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The president of Chile is flying to Lima on Wednesday to discuss the border dispute with the Peruvian president.",
    "The Chilean foreign minister went to Lima in order to meet the Peruvian president.",
])
def test_events_a_meeting_that_is_the_purpose_of_a_journey_is_a_visit(pipeline, text):
    assert ("CONSULT", "visit") in _modes(pipeline, text)


@pytest.mark.model
def test_events_a_meeting_with_no_journey_has_no_visit_mode(pipeline):
    assert ("CONSULT", None) in _modes(pipeline, "The Chilean foreign minister met the Peruvian president on Monday.")
