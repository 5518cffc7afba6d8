"""Who did it to whom, for the place-as-target constructions of the roles work (issue #12), on sentences
written for these tests. Each test names the construction it holds."""

import pytest


def _events(pipeline, text):
    """(type, trigger, [source names], [target names]) of each event."""
    story = pipeline.code(text)
    names = {a.id: a.name for a in story.actors}
    return [(e.type, e.trigger.text, [names[i] for i in e.source], [names[i] for i in e.target])
            for e in story.events]


def _at(pipeline, text, trigger):
    found = [e for e in _events(pipeline, text) if e[1] == trigger]
    assert found, f"no event at {trigger!r}: {_events(pipeline, text)}"
    return found[0]


def test_roles_ceasefire_declared_in_a_place_is_aimed_at_the_place(pipeline):
    # a reciprocal truce holds over the place it is declared in, with one side or two
    _t, _w, src, tgt = _at(pipeline, "Ethiopia and Eritrea announced a ceasefire in Badme on Friday.", "ceasefire")
    assert src and tgt == ["Badme"]
    _t, _w, src, tgt = _at(pipeline, "Colombia's government announced a unilateral ceasefire in Cauca.", "ceasefire")
    assert tgt == ["Cauca"]


def test_roles_deal_signed_in_a_city_is_not_aimed_at_the_city(pipeline):
    # a pact or talks "in" a city only met there
    for ev in _events(pipeline, "Armenia and Azerbaijan signed a peace deal in Geneva on Monday."):
        assert "Geneva" not in ev[3], ev


def test_roles_people_the_source_sends_are_not_acted_on(pipeline):
    # "sent its inspectors to X": the source's own people, so the place they go to is the target
    _t, _w, src, tgt = _at(pipeline, "The ministry sent inspectors to Alabama to look into the explosion.", "sent")
    assert tgt == ["Alabama"], (src, tgt)


def test_roles_inquiry_by_people_sent_somewhere_is_aimed_at_the_destination(pipeline):
    for text in ("Washington dispatched officials to Qatar to investigate claims that Doha funds Hezbollah.",
                 "The FAA has sent a team of engineers to Ohio to investigate a crash involving a Boeing jet.",
                 "The White House sent agents into Libya in a hurry to investigate the rebel forces."):
        found = [e for e in _events(pipeline, text) if e[0] == "ACCUSE"]
        assert found and all(len(e[3]) == 1 and e[3][0] in ("Qatar", "Ohio", "Libya") for e in found), (text, found)


def test_roles_inquiry_not_sent_anywhere_keeps_what_it_looks_into(pipeline):
    _t, _w, _src, tgt = _at(pipeline, "Kenya will investigate the killing of the Somali journalist.", "investigate")
    assert tgt and not any(n in ("Kenya",) for n in tgt)


def test_roles_casualties_of_an_attack_are_what_it_caused_not_its_target(pipeline):
    # relative, time and "with" clauses beside an attack aimed at someone else: one ASSAULT, on its target
    for text, target, victims in (
            ("Gunmen carried out an attack on the Turkish embassy in Kabul that killed 9 Afghan guards.", "embassy",
             "9 Afghan guards"),
            ("At least 12 Syrian civilians were killed as Russian forces launched air strikes against the "
             "rebel-held town of Idlib.", "Idlib", "At least 12 Syrian civilians"),
            ("Rebels carried out attacks on the Iraqi parliament, with at least three Iraqi lawmakers reported "
             "killed.", "parliament", "at least three Iraqi lawmakers")):
        story = pipeline.code(text)
        attacks = [e for e in story.events if e.type == "ASSAULT"]
        assert len(attacks) == 1, (text, [(e.trigger.text, e.target) for e in attacks])
        targets = [story.text[s["start"]:s["end"]] for s in attacks[0].attrs["target_phrases"]]
        assert any(target in t for t in targets) and not any(victims in t for t in targets), (text, targets)
        assert attacks[0].attrs.get("casualties") == [victims], text


def test_roles_killing_beside_a_deed_of_its_own_is_an_event_of_its_own(pipeline):
    # coordinated verbs, and an active killing with a passive clause below it, tell two deeds
    evs = _events(pipeline, "Militants attacked a checkpoint and killed five Afghan soldiers.")
    assert [e[1] for e in evs if e[0] == "ASSAULT"] == ["attacked", "killed"], evs
    evs = _events(pipeline, "Boko Haram fighters have killed 40 Nigerian villagers since May, while 30 Nigerian "
                            "girls have been abducted.")
    killed = [e for e in evs if e[1] == "killed"]
    assert killed and killed[0][2] and killed[0][3], evs
    # a killing alone keeps its victims as the target
    _t, _w, _src, tgt = _at(pipeline, "Taliban fighters killed nine Afghan policemen in Ghazni.", "killed")
    assert tgt


def _phrases(pipeline, text, trigger, role):
    story = pipeline.code(text)
    ev = next(e for e in story.events if e.trigger.text == trigger)
    return [p["text"] for p in ev.attrs[f"{role}_phrases"]]


def test_roles_phrase_runs_through_where_people_come_from(pipeline):
    assert _phrases(pipeline, "Thailand said it cannot accept any more refugees from Myanmar.", "accept",
                    "target") == ["any more refugees from Myanmar"]
    # names coordinated with the place of origin are participants of their own
    assert _phrases(pipeline, "Moscow expelled diplomats from Estonia, Latvia and Lithuania on Monday.", "expelled",
                    "target") == ["diplomats from Estonia", "Latvia", "Lithuania"]


def test_roles_phrase_runs_through_the_named_place_a_participant_is_in_not_a_time(pipeline):
    assert _phrases(pipeline, "A court in Tashkent has freed a Uzbek blogger.", "freed", "source") == \
        ["A court in Tashkent"]
    assert _phrases(pipeline, "Israeli jets struck Hamas positions in the Gaza Strip in June.", "struck",
                    "target") == ["Hamas positions in the Gaza Strip"]
    assert _phrases(pipeline, "Police arrested three Kenyan students in March.", "arrested", "target") == \
        ["three Kenyan students"]


def test_roles_official_reporting_what_the_government_will_do_is_its_source(pipeline):
    # reported speech: the government's own official who announces the act is who CAMEO coders name
    for text, speaker in (("Government spokesman Gokul Baskota has said that the government will not lift the ban "
                           "on the outlawed Maoist party.", "Gokul Baskota"),
                          ("Kenyan Interior Minister Fred Matiangi said the government will deport the foreign "
                           "activists.", "Fred Matiangi")):
        story = pipeline.code(text)
        names = {a.id: a.name for a in story.actors}
        assert story.events and all(names[i] == speaker for e in story.events for i in e.source), \
            (text, [(e.trigger.text, e.source) for e in story.events])
    # not a speaker outside the government, nor a government named by its country
    for text in ("Opposition leader Raila Odinga said the government will deport the activists.",
                 "Kenyan Interior Minister Fred Matiangi said the Ugandan government will deport the activists."):
        story = pipeline.code(text)
        phrases = [p["text"] for e in story.events for p in e.attrs.get("source_phrases", [])]
        assert phrases and all("government" in p for p in phrases), (text, phrases)


def test_roles_claimed_attack_naming_nothing_struck_is_aimed_at_its_place(pipeline):
    _t, _w, src, tgt = _at(pipeline, "Al-Shabaab claimed responsibility for the bombing in Mogadishu.", "claimed")
    assert src and tgt == ["Mogadishu"], (src, tgt)
    # what the attack struck, when named, stays the target
    _t, _w, _src, tgt = _at(pipeline, "Hamas claimed responsibility for an attack on Israeli soldiers in Hebron.",
                            "claimed")
    assert tgt and "Hebron" not in tgt, tgt


def test_roles_place_phrase_of_a_participant_names_a_place_not_a_deed_or_a_clause(pipeline):
    assert _phrases(pipeline, "The UN has suspended aid deliveries to 50,000 people in rebel-held parts of Syria.",
                    "suspended", "target") == ["50,000 people in rebel-held parts of Syria"]
    assert _phrases(pipeline, "Suicide bombers killed 30 Iraqi soldiers in coordinated attacks in Baghdad.",
                    "killed", "target") == ["30 Iraqi soldiers"]
    assert _phrases(pipeline, "Mexico granted asylum to Evo Morales in view of the situation that he faces in "
                              "Bolivia.", "granted", "target") == ["Evo Morales"]


def test_roles_concession_after_a_deal_is_made_to_the_other_side(pipeline):
    for text, other in (("Indian coal workers called off the strike after the agreement with Coal India.",
                         "Coal India"),
                        ("Dock workers in Chile called off a strike after the government accepted their demands.",
                         "Chile")):  # the government of the country the sentence names
        _t, _w, src, tgt = _at(pipeline, text, "called")
        assert src and len(tgt) == 1 and other.lower() in tgt[0].lower(), (text, src, tgt)
    # nothing it came after: no one to concede to
    _t, _w, src, tgt = _at(pipeline, "The workers called off the strike on Monday.", "called")
    assert src and tgt == []


def test_roles_measure_lifted_in_a_place_is_eased_for_the_place(pipeline):
    for text, trigger, place in (("South Sudan lifted the state of emergency in Jonglei on Saturday.", "lifted",
                                  "Jonglei"),
                                 ("Egypt's presidency decided to ease curfew hours imposed in North Sinai.", "ease",
                                  "North Sinai")):
        _t, _w, src, tgt = _at(pipeline, text, trigger)
        assert src and tgt == [place], (text, src, tgt)
    # a concession with no measure named is not done to where it was said
    _t, _w, src, tgt = _at(pipeline, "The opposition leader conceded in a speech in Nairobi.", "conceded")
    assert tgt == []


def test_place_named_after_a_site_stands_for_the_whole_site_phrase(pipeline):
    # the place actor is Homs, but what was shelled is the district near it: the target phrase is the site's
    story = pipeline.code("Government troops shelled a rebel-held district near Homs on Sunday.")
    ev = next(e for e in story.events if e.trigger.text == "shelled")
    assert [p["text"] for p in ev.attrs["target_phrases"]] == ["a rebel-held district near Homs"]
    # a deed or a measure is no site: its place stays the place ("a curfew in Homs")
    story = pipeline.code("The army imposed a curfew in Homs on Sunday.")
    ev = next(e for e in story.events if e.type == "COERCE")
    assert [p["text"] for p in ev.attrs["target_phrases"]] == ["Homs"]


@pytest.mark.parametrize("text,place", [
    ("Hamas fighters fired rockets at Tel Aviv on Saturday.", "Tel Aviv"),
    ("Israeli jets fired missiles at Gaza City overnight.", "Gaza"),
])
def test_projectiles_fired_at_a_place_are_aimed_at_the_place(pipeline, text, place):
    fired = [e for e in pipeline.code(text).events if e.type == "ASSAULT"]
    phrases = [p["text"] for e in fired for p in e.attrs.get("target_phrases", ())]
    assert fired and any(place in p for p in phrases), phrases


def test_roles_phrase_stops_before_the_deed_the_accused_is_accused_of(pipeline):
    # the parse hangs "of killing" on the accused; the deed is not part of who is accused
    assert _phrases(pipeline, "Rights groups accused the Burundian army of killing civilians.", "accused",
                    "target") == ["the Burundian army"]
    assert _phrases(pipeline, "The opposition accused the Zambian government of economic mismanagement.", "accused",
                    "target") == ["the Zambian government"]
    # an event the phrase's people suffered stays theirs
    assert _phrases(pipeline, "Police in Kenya arrested the victims of the attack.", "arrested",
                    "target") == ["the victims of the attack"]
