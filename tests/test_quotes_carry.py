"""Two constructions PolNeAR annotates as one attribution each: a quotation with no cue of its own right after
reported speech carries on what the speaker said ('The mayor said A. "B."'), and an "in" phrase that names a
poll, a document or an interview is the source of its sentence ("In the latest poll, the senator leads"); likewise
a "for" phrase naming people gives whose view its sentence is ("For many farmers, the tariff is a disaster"), a cue
noun in an "in" phrase takes the verb's subject ("spoke out in favor of"), and a common noun for people
(WordNet's person and group classes) can hold a position.

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


@pytest.mark.parametrize("text, content, source", [
    ("For many dairy farmers, the new tariff is a disaster.", ["the new tariff is a disaster"], "farmers"),
    ("The council race is, for most voters in the county, already decided.",
     ["The council race is", "already decided"], "voters"),
    ("For him, the election was never about money.", ["the election was never about money"], "him"),
])
def test_quotes_for_phrase_naming_people_gives_whose_view_the_sentence_is(pipeline, text, content, source):
    story = pipeline.code(text)
    with gate.proposing():
        found = [d for d in drafts(story) if d.cue_kind == "for_holder"]
    assert [[story.text[s:e] for s, e in d.content] for d in found] == [content]
    assert found[0].speaker_tok.text == source


@pytest.mark.parametrize("text", ["For the first time, the senator is leading in the county.",
                                  "The mayor said, for her part, that the bridge would open."])
def test_quotes_for_phrase_of_time_or_on_a_reporting_verb_is_no_holder(pipeline, text):
    story = pipeline.code(text)
    with gate.proposing():
        assert not [d for d in drafts(story) if d.cue_kind == "for_holder"]


@pytest.mark.parametrize("noun", ["support", "favor"])
def test_quotes_in_phrase_with_a_cue_noun_takes_the_verbs_subject(pipeline, noun):
    story = pipeline.code(f"The senator spoke out in {noun} of the new tax on sugar.")
    with gate.proposing():
        found = [d for d in drafts(story) if d.cue_tok is not None and d.cue_tok.text == noun]
    assert [[story.text[s:e] for s, e in d.content] for d in found] == [["the new tax on sugar"]]
    assert found[0].speaker_tok.text == "senator"


@pytest.mark.parametrize("text, content, holder", [
    ("Political consultants are generally leery of registering under the new law.",
     "registering under the new law", "consultants"),
    ("For many pastors, the vote is a test of faith.", "the vote is a test of faith", "pastors"),
])
def test_quotes_common_noun_for_people_can_hold_a_position(pipeline, text, content, holder):
    story = pipeline.code(text)
    with gate.proposing():
        found = [d for d in drafts(story) if d.cue_kind in ("adjective", "for_holder")]
    assert [[story.text[s:e] for s, e in d.content] for d in found] == [[content]]
    assert found[0].speaker_tok.text == holder
