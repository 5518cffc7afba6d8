"""Where an indirect quote's content ends: a second reported clause under the same cue, a verb that only goes
on ("would continue to ...").

The sentences are written for these tests.
"""

import pytest

pytestmark = pytest.mark.model


def _quotes(story):
    return [(q.cue.text, [c.text for c in q.content]) for q in story.quotes]


def _name(story, quote):
    actor = story.actor(quote.speaker)
    return actor.name if actor else quote.speaker_text


@pytest.mark.parametrize("text, content", [
    ("The minister said that the new fee was fair but that the city would insist on a review next year.",
     "that the new fee was fair but that the city would insist on a review next year"),
    ("The board said the budget was balanced and that auditors would confirm the figures in June.",
     "the budget was balanced and that auditors would confirm the figures in June"),
])
def test_quotes_second_that_clause_stays_under_the_same_cue(pipeline, text, content):
    story = pipeline.code(text)
    assert _quotes(story) == [("said", [content])]


@pytest.mark.parametrize("text, content", [
    ("The airline said its pilots had followed every rule and the inquiry would continue to examine the engines.",
     "its pilots had followed every rule and the inquiry would continue to examine the engines"),
    ("The union said the talks had failed and the workers would begin to strike on Monday.",
     "the talks had failed and the workers would begin to strike on Monday"),
])
def test_quotes_verb_that_only_goes_on_is_no_new_cue(pipeline, text, content):
    story = pipeline.code(text)
    assert [c for cue, c in _quotes(story) if cue == "said"] == [[content]]
