"""Two constructions PolNeAR annotates as one attribution each: a quotation with no cue of its own right after
reported speech carries on what the speaker said ('The mayor said A. "B."'), and an "in" phrase that names a
poll, a document or an interview is the source of its sentence ("In the latest poll, the senator leads").

The sentences are written for these tests.
"""

import pytest

from eventwire.quotes import gate
from eventwire.quotes.rules import drafts

pytestmark = pytest.mark.model


def _quotes(story):
    return [(q.kind, q.cue.text, [c.text for c in q.content]) for q in story.quotes]


def test_quotes_uncued_quotation_after_reported_speech_carries_it_on(pipeline):
    story = pipeline.code('The mayor said the bridge would reopen next spring. "We have waited long enough and the '
                          'city deserves it."')
    assert _quotes(story) == [("mixed", "said", ["the bridge would reopen next spring",
                                                 "We have waited long enough and the city deserves it."])]


def test_quotes_uncued_quoted_paragraph_carries_on_the_paragraph_before(pipeline):
    story = pipeline.code("The governor told reporters that the plan would cut waiting times in half.\n\n"
                          '"Every family in the state will feel the difference by winter."')
    assert _quotes(story) == [("mixed", "told", ["that the plan would cut waiting times in half",
                                                 "Every family in the state will feel the difference by winter."])]


def test_quotes_quotation_with_its_own_cue_is_not_carried_on(pipeline):
    story = pipeline.code('The mayor said the bridge would reopen next spring. "We have waited long enough," the '
                          "deputy mayor said.")
    assert _quotes(story) == [("indirect", "said", ["the bridge would reopen next spring"]),
                              ("direct", "said", ["We have waited long enough,"])]


@pytest.mark.parametrize("text, content, source", [
    ("In the latest Monmouth poll, the senator leads her rival by four points.",
     "the senator leads her rival by four points", "poll"),
    ("The senator leads her rival by four points in a new survey released on Monday.",
     "The senator leads her rival by four points", "survey"),
])
def test_quotes_in_phrase_naming_a_poll_is_the_source(pipeline, text, content, source):
    story = pipeline.code(text)
    with gate.proposing():
        found = [d for d in drafts(story) if d.cue_kind == "source_in"]
    assert [[story.text[s:e] for s, e in d.content] for d in found] == [[content]]
    assert found[0].speaker_tok.text == source


def test_quotes_in_phrase_on_a_reporting_verb_is_no_source(pipeline):
    story = pipeline.code("In a statement, the senator said the bill would fail.")
    with gate.proposing():
        kinds = {d.cue_kind for d in drafts(story)}
    assert "source_in" not in kinds
    assert _quotes(story) == [("indirect", "said", ["the bill would fail"])]
