"""Parsing cost stays near-linear on degenerate text: long whitespace-free runs are tokenised in pieces, and a
run of tokens with no sentence-final mark is cut into sentences of at most ``MAX_SENTENCE`` tokens."""

import re

import pytest

from eventwire import nlp as language


def test_cut_runs_leaves_normal_text_whole():
    text = "Troops left the town on Monday (officials said), see https://example.org/a/b?c=1.\n"
    assert language.cut_runs(text, 0, len(text)) == [(0, len(text))]


def test_cut_runs_cuts_long_runs_and_joins_back():
    text = "He said " + ")" * 2500 + " and left " + "-" * 999 + "\n"
    pieces = language.cut_runs(text, 3, len(text))
    assert pieces[0][0] == 3 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert len(pieces) == 3  # 2,500 brackets: cut after 1,000 and 2,000; the 999 dashes stay whole
    assert max(len(m) for a, b in pieces for m in re.findall(r"\S+", text[a:b])) <= language.MAX_RUN


@pytest.mark.model
def test_tokenizer_never_sees_a_run_longer_than_the_limit(monkeypatch):
    nlp = language.load()
    seen = []
    real_pipe = nlp.pipe

    def spy(texts, **kw):
        texts = list(texts)
        seen.extend(texts)
        return real_pipe(texts, **kw)

    monkeypatch.setattr(nlp, "pipe", spy)
    text = "The minister " + "(" * 3000 + "spoke" + ")" * 3000 + " on Monday.\n\nTalks resumed in Oslo.\n"
    paras = [(0, text.index("\n\n")), (text.index("Talks"), len(text) - 1)]
    doc = language.parse(nlp, text, paras)
    assert doc.text == text
    assert max(len(m) for piece in seen for m in re.findall(r"\S+", piece)) <= language.MAX_RUN


@pytest.mark.model
def test_no_sentence_longer_than_the_limit():
    nlp = language.load()
    text = " ".join(["the guards say the road is open and"] * 150)  # 1,200 words, no full stop
    doc = nlp(text)
    assert max(len(s) for s in doc.sents) <= language.MAX_SENTENCE
    short = nlp("Rebels seized the bridge on Monday, officials said. The army withdrew.")
    assert [s.text for s in short.sents] == ["Rebels seized the bridge on Monday, officials said.", "The army withdrew."]


def test_quotation_marks_glued_to_words_split_off():
    nlp = language.load()
    words = [t.text for t in nlp.tokenizer('"The dam will hold,"Mayor Ivo Brandt said,“and we are ready.”')]
    assert words[:8] == ['"', "The", "dam", "will", "hold", ",", '"', "Mayor"]
    assert words[10:13] == ["said", ",", "“"]
    assert [t.text for t in nlp.tokenizer("the council’s plan for rock'n'roll")] == \
        ["the", "council", "’s", "plan", "for", "rock'n'roll"]
    assert [t.text for t in nlp.tokenizer('told the U.S."We')] == ["told", "the", "U.S.", '"', "We"]


def _long_sentences_reference(doc):
    """The token-by-token walk ``_long_sentences`` stands for (it finds the marks in the text at once)."""
    run = 0
    for tok in doc:
        run += 1
        if run > language.MAX_SENTENCE and tok.is_sent_start is not False:
            tok.is_sent_start = True
            run = 1
        if language._SENTENCE_END.search(tok.text_with_ws):
            run = 0
    return doc


@pytest.mark.parametrize("text", [
    "Troops left the town on Monday. Talks resumed.",  # short: untouched
    " ".join(["the guards say the road is open and"] * 150),
    " ".join(["the U.S. envoy met rebels and"] * 120) + " left",  # a mark inside a word
    ("the road is open and the bridge is shut and " * 40 + "\n") * 4,  # a mark in a token's trailing space
    "  " + " ".join(["they wait, they hope?", "and", "then"] * 200 + ["and"] * 400),
])
def test_long_sentences_cut_where_the_token_walk_cuts(text):
    nlp = language.load()
    fast, slow = language._long_sentences(nlp.make_doc(text)), _long_sentences_reference(nlp.make_doc(text))
    assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in slow]
    if len(fast) > language.MAX_SENTENCE and "\n" not in text and "." not in text and "?" not in text:
        assert any(t.is_sent_start for t in fast)
