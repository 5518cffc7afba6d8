"""Where an indirect content stops: at the line break after its cue's line, and before a reporting participle set
off by a comma that stands inside a closing quotation mark ('"fully balanced," | claiming ...'); two reported
clauses joined without a comma stay one content.

The sentences are written for these tests.
"""

import pytest

from eventwire.quotes import indirect

pytestmark = pytest.mark.model


def _quotes(story):
    return {q.cue.text: [c.text for c in q.content] for q in story.quotes}


def test_quotes_content_is_cut_to_the_line_of_its_cue():
    text = "Mayor Says The Park Will Reopen\nThe council voted to fund the repairs."
    cue = (text.index("Says"), text.index("Says") + 4)
    head_end = text.index("\n")
    assert indirect._on_cue_line(text, cue, [(cue[1] + 1, len(text))]) == [(cue[1] + 1, head_end)]
    # a piece wholly on another line, or only spaces once cut, is dropped
    assert indirect._on_cue_line(text, cue, [(head_end + 1, len(text))]) == []
    # a piece on the cue's line is left as it is
    assert indirect._on_cue_line(text, cue, [(cue[1] + 1, head_end)]) == [(cue[1] + 1, head_end)]


@pytest.mark.parametrize("on", [True, False])
def test_quotes_participle_after_a_comma_inside_the_closing_mark_starts_its_own_quote(pipeline, monkeypatch, on):
    monkeypatch.setattr(indirect, "QUOTE_COMMA", on)
    story = pipeline.code('The senator insisted that the budget was "fully balanced," claiming that the deficit '
                          'had vanished.')
    found = _quotes(story)
    if on:
        assert found["insisted"] == ['that the budget was "fully balanced,"']
        assert found["claiming"] == ["that the deficit had vanished"]
    else:
        assert "claiming" not in found


def test_quotes_two_reported_clauses_without_a_comma_stay_one_content(pipeline):
    story = pipeline.code("The board said the budget was balanced and the city would keep its bond rating in June.")
    assert _quotes(story)["said"] == ["the budget was balanced and the city would keep its bond rating in June"]


def test_strip_trailing_leaves_what_the_trailing_pattern_leaves():
    import random
    import re

    from eventwire.quotes.rules import strip_trailing

    pattern = re.compile(r"(?:[\s,;:—–-]|(?<=\s)(?:and|but|or)\b)+$", re.I)
    parts = [" ", "\n", "\t", "\u00a0", ",", ";", ":", "—", "–", "-", "and", "AND", "But", "or", "oR", "x", "band",
             "nor", "for", "a", "d", "é", ".", "'"]
    rng = random.Random(11)
    for _ in range(5000):
        piece = "".join(rng.choice(parts) for _ in range(rng.randrange(0, 9)))
        assert strip_trailing(piece) == pattern.sub("", piece), repr(piece)
    assert strip_trailing("the talks would resume, and ") == "the talks would resume"
    assert strip_trailing("the plan or") == "the plan"
    assert strip_trailing("the band") == "the band" and strip_trailing("or") == "or"


def test_strip_trailing_is_linear_on_long_runs():
    import time

    from eventwire.quotes.rules import strip_trailing

    t = time.perf_counter()
    for run in (" " * 50_000, " ," * 25_000, "- " * 25_000, " and" * 12_000):
        assert strip_trailing("He said" + run + " it held") == "He said" + run + " it held"
        assert strip_trailing("He said" + run) == "He said"
    assert time.perf_counter() - t < 2.0  # the pattern took 30 s on 16,000 spaces
