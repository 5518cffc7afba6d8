"""Stances, views and side effects told with the words of acts (``events/stance.py``). Sentences written for
these tests."""


def _events(pipeline, text):
    story = pipeline.code(text)
    return [(e.type, e.trigger.text if e.trigger else "") for e in story.events]


def test_a_permission_told_as_effect_or_purpose_is_no_concession(pipeline):
    for text in ("The governor moved past the bridge scandal, allowing his talents to shine through.",
                 "The tenants must leave by June to allow the demolition to begin.",
                 "The council was open about the cost instead of allowing the opposition to leak it."):
        assert not any(t == "CONCEDE" for t, _w in _events(pipeline, text)), (text, _events(pipeline, text))


def test_a_permission_granted_stays_a_concession(pipeline):
    for text, word in (("Egypt allowed aid trucks into Gaza on Monday.", "allowed"),
                       ("The court decided to allow the opposition leader to run.", "allow"),
                       ("The supreme court voted on Monday to allow the candidate to run.", "allow")):
        assert ("CONCEDE", word) in _events(pipeline, text), (text, _events(pipeline, text))


def test_a_stance_that_describes_a_noun_is_no_act(pipeline):
    assert not any(t == "REJECT" for t, _w in _events(
        pipeline, "Lawmakers who oppose the new tariffs signed the letter."))
    assert not any(t == "SUPPORT" for t, _w in _events(
        pipeline, "Militias supporting the rebels were banned by the interior ministry."))
    # a stance taken stays
    assert ("REJECT", "opposed") in _events(pipeline, "The opposition party opposed the new tariffs on Monday.")


def test_a_view_shared_or_admitted_is_no_agreement(pipeline):
    for text in ("Republican voters generally agree that the wealthy should pay more taxes.",
                 "Whatever I propose, the senator agrees with me.",
                 "Party strategists concede that a heavy defeat could cost them the Senate."):
        assert not any(t in ("AGREE", "CONCEDE") for t, _w in _events(pipeline, text)), \
            (text, _events(pipeline, text))
    # an agreement to a truce declares it (RETREAT ceasefire, ``event_type.truce_agreed``)
    for text, typ, word in (("Russia and Turkey agree to a ceasefire in Idlib.", "RETREAT", "agree"),
                            ("Russia and Turkey agree to hold talks in Idlib.", "AGREE", "agree"),
                            ("The rebels agree to withdraw from the seized towns.", "CONCEDE", "agree"),
                            ("The senator conceded defeat on Tuesday night.", "CONCEDE", "conceded")):
        assert (typ, word) in _events(pipeline, text), (text, _events(pipeline, text))


def test_accepting_an_honour_or_a_view_agrees_with_no_one(pipeline):
    for text in ("The governor spent Friday accepting awards from two veterans' groups.",
                 "Senator Ruth Cole will accept the party's nomination in Denver.",
                 "Most of the delegates accept climate science."):
        assert not any(t == "AGREE" for t, _w in _events(pipeline, text)), (text, _events(pipeline, text))
    assert ("AGREE", "accepted") in _events(pipeline, "Iran accepted the United Nations proposal on Monday.")


def test_an_act_wished_for_is_no_act(pipeline):
    for text in ("The senator said his supporters wanted all the migrants deported.",
                 "If people want safer streets, they want the police supported.",
                 "The minister wanted the rebels disarmed by Friday."):
        assert not any(t in ("COERCE", "SUPPORT", "RETREAT") for t, _w in _events(pipeline, text)), \
            (text, _events(pipeline, text))
    assert ("COERCE", "arrested") in _events(pipeline, "Police arrested the man who wanted his wife killed.")


def test_declining_an_interview_is_no_refusal(pipeline):
    for text in ("Earlier on Sunday, Senator Dana Whitfield declined an interview request from the Herald.",
                 "Senator Dana Whitfield declined several requests for an interview for this article."):
        assert not any(t == "REJECT" for t, _w in _events(pipeline, text)), (text, _events(pipeline, text))
    assert ("REJECT", "rejected") in _events(pipeline, "Syria rejected the UN request for talks.")


def test_talking_to_reporters_is_no_consultation(pipeline):
    events = _events(pipeline, "Senator Sanders went out of his way in talking to reporters to praise Obama.")
    assert not any(t == "CONSULT" for t, _w in events) and ("SUPPORT", "praise") in events, events
    assert ("CONSULT", "met") in _events(pipeline, "The Turkish president met with the Russian ambassador.")


def test_what_a_kind_of_people_think_is_no_act(pipeline):
    for text in ("Democratic politicians typically oppose taxing consumption on fairness grounds.",
                 "Younger Americans completely reject those positions."):
        assert not any(t in ("REJECT", "SUPPORT") for t, _w in _events(pipeline, text)), \
            (text, _events(pipeline, text))
    # contenders' and armed groups' stances are their acts
    assert ("REJECT", "reject") in _events(pipeline, "Protesters reject the new constitution.")
    assert ("REJECT", "reject") in _events(pipeline, "Rebels reject the peace deal.")
