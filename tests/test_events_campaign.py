"""Political words in campaign and everyday reporting: telephone calls that ask nothing, deeds a subject answers,
and words of force or criticism a subject steers at someone. Sentences written for these tests."""


def _events(pipeline, text):
    story = pipeline.code(text)
    names = {a.id: a.name for a in story.actors}
    return [(e.type, e.mode, e.trigger.text if e.trigger else "", [names[i] for i in e.source],
             [names[i] for i in e.target]) for e in story.events]


def _at(pipeline, text, trigger):
    found = [e for e in _events(pipeline, text) if e[2] == trigger]
    assert found, (trigger, _events(pipeline, text))
    return found[0]


def test_calls_made_to_people_with_nothing_asked_are_phone_contacts(pipeline):
    t, mode, _w, src, _tgt = _at(pipeline, "Senator Dana Whitfield spent the morning making calls to party donors.",
                                 "calls")
    assert (t, mode) == ("CONSULT", "phone") and any("Whitfield" in s for s in src)
    # a call for something, or one on someone to act, stays a request
    t, _m, _w, _s, _t = _at(pipeline, "The opposition renewed its calls for the prime minister to resign.", "calls")
    assert t == "REQUEST"
    t, _m, _w, _s, _t = _at(pipeline, "The African Union called on both armies to respect the truce.", "called")
    assert t == "REQUEST"


def test_call_on_a_device_calls_on_no_one(pipeline):
    events = _events(pipeline, "Supporters of the mayor were calling neighbours on their cellphones.")
    assert not any(e[0] == "REQUEST" for e in events), events


def test_responding_to_accusations_makes_the_subject_their_target(pipeline):
    t, _m, _w, src, tgt = _at(pipeline, "Governor Ellen Marsh responded on Friday to accusations that she misused "
                                        "state funds.", "accusations")
    assert t == "ACCUSE" and not any("Marsh" in s for s in src) and any("Marsh" in x for x in tgt)
    t, _m, _w, src, tgt = _at(pipeline, "Mayor Tom Briggs reacted to criticism of his housing plan.", "criticism")
    assert t == "ACCUSE" and not any("Briggs" in s for s in src) and any("Briggs" in x for x in tgt)


def test_a_subject_steering_attacks_or_accusations_is_their_source(pipeline):
    # "turns attacks on", "leveled accusations against": the subject launches the words, not force
    t, mode, _w, src, tgt = _at(pipeline, "Senator Paul Brandt turns attacks on Governor Lisa Hale.", "attacks")
    assert (t, mode) == ("ACCUSE", "disapprove") and any("Brandt" in s for s in src)
    assert any("Hale" in x for x in tgt)
    t, _m, _w, src, _tgt = _at(pipeline, "Senator Paul Brandt leveled accusations against the mayor of Tulsa.",
                               "accusations")
    assert t == "ACCUSE" and any("Brandt" in s for s in src)
    # force stays force
    t, _m, _w, src, _tgt = _at(pipeline, "Rebel fighters stepped up attacks on army posts in the north.", "attacks")
    assert t == "ASSAULT" and src


def test_a_candidates_own_race_is_campaigning_not_an_event(pipeline):
    # defending seats in an election is no support of anyone; quitting a habit is no resignation
    assert _events(pipeline, "The party had to defend more seats than its rivals.") == []
    assert _events(pipeline, "Mayor Hilda Ross quit giving paid speeches before her run.") == []
    assert _events(pipeline, "Governor Chris Dale opted to suspend his campaign after a sixth-place finish.") == []
    # a campaign against someone, aid, a cabinet post and troops stay
    t, _m, _w, _s, tgt = _at(pipeline, "The army suspended its campaign against the rebels in the north.",
                             "suspended")
    assert t == "SANCTION" and tgt
    assert _at(pipeline, "Israel suspended aid to the Palestinian Authority.", "suspended")[0] == "SANCTION"
    assert _at(pipeline, "The minister of finance quit the cabinet on Monday.", "quit")[0] == "RETREAT"
    assert _at(pipeline, "Germany withdrew its troops from Afghanistan.", "withdrew")[0] == "RETREAT"


def test_an_appeal_graded_as_a_draw_is_no_request(pipeline):
    events = _events(pipeline, "Republicans are concerned about the party's declining appeal to women.")
    assert not any(e[0] == "REQUEST" for e in events), events
    events = _events(pipeline, "The senator's broad appeal to working-class voters worried Democrats.")
    assert not any(e[0] == "REQUEST" for e in events), events
    # a plea stays a request
    assert _at(pipeline, "The United Nations issued an urgent appeal to donors for food aid.", "appeal")[0] == "REQUEST"
    assert _at(pipeline, "The mayor of Lyon made an appeal to residents to stay indoors.", "appeal")[0] == "REQUEST"


def test_firing_back_is_a_retort_unless_armed_people_fire(pipeline):
    for text in ("Governor Lisa Hale fired back at Senator Paul Brandt over his remarks.",
                 "\"He wants to look tough tonight,\" Senator Paul Brandt shot back."):
        assert not any(e[0] == "ASSAULT" for e in _events(pipeline, text)), (text, _events(pipeline, text))
    t, *_ = _at(pipeline, "Rebels fired back at the soldiers near the border.", "fired")
    assert t == "ASSAULT"
