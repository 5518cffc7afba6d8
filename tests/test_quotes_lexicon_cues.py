"""Cues the lexicon reads: verbs of judging and voicing (kind ``judgment``: "denounced the ruling"), a cue verb whose
lemma the parser's lemmatizer misspells ("hoping" -> "hop"), and a cue verb in the passive with a "by" agent ("the
plan was criticized by economists").

The sentences are written for these tests.
"""

import pytest

from eventwire.quotes import gate, lexicon
from eventwire.quotes.rules import drafts


def test_quotes_judgment_verbs_are_cues_but_not_reporting_verbs():
    verbs = lexicon.cue_verbs()
    assert verbs["denounce"] == "judgment" and verbs["praise"] == "judgment"
    assert "denounce" not in lexicon.speech_verbs()  # not a cue of direct quotations, nor a reporting verb for events


class _Tok:
    def __init__(self, text, lemma, tag):
        self.lower_, self.lemma_, self.tag_ = text.lower(), lemma, tag


@pytest.mark.parametrize("text, lemma, tag, expected", [
    ("hoping", "hop", "VBG", "hope"),
    ("hoped", "hop", "VBD", "hope"),
    ("hopping", "hop", "VBG", "hop"),  # a doubled consonant: the lemma is right
    ("hop", "hop", "VB", "hop"),
    ("said", "say", "VBD", "say"),
])
def test_quotes_cue_lemma_mends_a_dropped_e(text, lemma, tag, expected):
    assert lexicon.cue_lemma(_Tok(text, lemma, tag)) == expected


def _drafts(pipeline, text):
    story = pipeline.code(text)
    with gate.proposing():
        return story, drafts(story)


@pytest.mark.model
def test_quotes_judgment_verb_is_proposed_with_its_kind(pipeline):
    story, found = _drafts(pipeline, "The union leaders denounced the new pension rules at the meeting.")
    mine = [d for d in found if d.cue_tok is not None and d.cue_tok.text == "denounced"]
    assert mine and mine[0].cue_kind == "judgment"
    assert "the new pension rules" in story.text[mine[0].content[0][0]:mine[0].content[0][1]]


@pytest.mark.model
def test_quotes_hoping_is_read_as_a_belief(pipeline):
    _, found = _drafts(pipeline, "The mayor is hoping to reopen the bridge before winter.")
    mine = [d for d in found if d.cue_tok is not None and d.cue_tok.text == "hoping"]
    assert mine and mine[0].cue_kind == "belief"


@pytest.mark.model
def test_quotes_passive_cue_with_an_agent_takes_the_passive_reading(pipeline):
    story, found = _drafts(pipeline, "The tax plan was sharply criticized by local farmers.")
    mine = [d for d in found if d.cue_tok is not None and d.cue_tok.text == "criticized"]
    assert mine and mine[0].cue_kind == "passive"
    assert story.text[mine[0].content[0][0]:mine[0].content[0][1]] == "The tax plan"
    assert mine[0].speaker_tok is not None and mine[0].speaker_tok.text == "farmers"


@pytest.mark.model
def test_quotes_passive_quoted_as_saying_keeps_the_cue_reading(pipeline):
    _, found = _drafts(pipeline, "The senator was asked by reporters about the budget.")
    assert not [d for d in found if d.cue_kind == "passive"]


def test_quotes_judgment_verbs_are_positions_off_with_the_positions_setting():
    from eventwire import Pipeline

    text = "Senator Maria Lopez denounced the new border bill on Tuesday."
    assert any(q.cue.text == "denounced" for q in Pipeline().code(text).quotes)
    assert not any(q.cue.text == "denounced" for q in Pipeline(quote_positions=False).code(text).quotes)
