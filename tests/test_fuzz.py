"""Property-based tests: news-like articles, mutated the way real inputs go wrong, never break the pipeline.

For each input, ``Pipeline.code`` either returns a story whose ``to_dict()`` validates against
``story.schema.json`` and whose every span's text is the article text at its offsets, or raises a coded
``EventwireError``; and it answers within the article time budget. An ``ArticleTimeout`` (the budget ran out)
or an ``InternalError`` (a wrapped bug) is a failure here, not an acceptable refusal.

The base articles are written for these tests (invented events, not copied from any corpus); hypothesis
mutates them: random Unicode, quotation marks of every style nested and unbalanced, 2,000-word sentences,
tables and lists, all caps, no punctuation, lone datelines, empty paragraphs, control characters.
"""

import json
import os
import random
import string
import time
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from eventwire.errors import EventwireError

pytestmark = pytest.mark.model

SCHEMA = json.loads((Path(__file__).resolve().parent.parent / "eventwire" / "schema" / "story.schema.json")
                    .read_text(encoding="utf-8"))
# Well under the 30 s default budget: these inputs are a few thousand words at most.
SECONDS = 25.0

BASES = [
    "Border Talks Stall\n\nVALDORA, Merania (Wirenews) - Merania's foreign minister, Ilse Varga, said on Tuesday "
    "that talks with Ostland over the disputed river border had stalled. \"We will not sign a deal that gives away "
    "a single village,\" she told reporters in the capital.\n\nOstland's government did not respond to a request for "
    "comment. Officials there have accused Merania of moving troops toward the frontier since March.",

    "Police arrested 14 protesters outside the parliament in Kesh on Saturday after a march against fuel prices "
    "turned violent, a police spokesman said. Witnesses said officers fired tear gas at the crowd.",

    "The United Nations urged both sides to return to the ceasefire agreed in Geneva last month. Secretary-General "
    "envoy Marta Olsen met rebel commanders near Tarvik on Friday and promised humanitarian aid for 20,000 "
    "displaced people, according to a statement.",

    "LONDON - The Prime Minister on Wednesday rejected calls for an inquiry, saying the allegations were "
    "'baseless'. Opposition leader Tom Reddy accused the government of hiding the report.\n\nA spokeswoman for the "
    "interior ministry said the report would be published \"in due course\".",

    "China and India agreed on Thursday to resume direct flights, the two foreign ministries said in a joint "
    "statement after talks in Beijing. Negotiators also discussed trade and the release of detained fishermen.",

    "Gunmen attacked a bus carrying students in the north of the country, killing at least seven people, the "
    "army said on Monday. No group has claimed responsibility. The president condemned the attack and "
    "ordered an investigation.",
]

QUOTES = ['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u2039", "\u203a", "\u201e",
          "\u201a", "\u300c", "\u300d", "\u300e", "\u300f", "``", "''", "\u2033", "\uff02", "\u275d", "\u275e"]
DATELINES = ["WASHINGTON (Reuters) -", "KABUL, Afghanistan \u2014", "NAIROBI, Kenya, May 3 (AP) --", "BRUSSELS \u2013",
             "By Staff Writer", "Updated 10:42 a.m. ET", "PARIS, Jan 12 (Wirenews) -"]
CONTROLS = [chr(c) for c in range(1, 32) if chr(c) not in "\n\r\t"] + ["\x7f", "\u200b", "\u200e", "\u2028",
                                                                         "\u2029", "\ufeff", "\u00ad"]
WORDS = sorted({w.strip(string.punctuation + "\u201c\u201d") for b in BASES for w in b.split()} - {""})

base = st.sampled_from(BASES)


@pytest.fixture(scope="module")
def check(pipeline):
    """Code one text and check the property; returns the story or None when a coded error refused it."""
    def run(text, **kw):
        t0 = time.perf_counter()
        try:
            story = pipeline.code(text, **kw)
        except EventwireError as err:
            assert err.code not in ("E120", "E900"), f"{err!r} on {text[:300]!r}"
            return None
        finally:
            elapsed = time.perf_counter() - t0
            assert elapsed < SECONDS, f"{elapsed:.1f} s on {text[:300]!r}"
        d = story.to_dict()
        jsonschema.validate(d, SCHEMA)
        article_text = d["article"]["text"]
        for where, span in spans(d):
            assert 0 <= span["start"] <= span["end"] <= len(article_text), (where, span)
            assert article_text[span["start"]:span["end"]] == span["text"], (where, span)
        return story
    return run


def spans(node, where="story"):
    """Every (path, span dict) in a story dict: any dict with integer start and end and a text."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int) and "text" in node:
            yield where, node
        for k, v in node.items():
            if k != "article":
                yield from spans(v, f"{where}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from spans(v, f"{where}[{i}]")


# EVENTWIRE_FUZZ_SCALE=20 runs twenty times as many examples (a longer hunt, by hand; CI uses 1).
SCALE = float(os.environ.get("EVENTWIRE_FUZZ_SCALE", "1"))


def fuzz(n):
    return settings(max_examples=max(1, int(n * SCALE)), deadline=None, derandomize=False,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# -- mutations ------------------------------------------------------------------------------------------


@st.composite
def inserted(draw, text, pieces, max_inserts=12):
    """``text`` with up to ``max_inserts`` pieces drawn from ``pieces`` put at random offsets."""
    n = draw(st.integers(0, max_inserts))
    for _ in range(n):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(pieces) + text[at:]
    return text


@st.composite
def with_unicode(draw):
    """Random Unicode strings (every category but lone surrogates, which no decoded file can hold) inserted."""
    return draw(inserted(draw(base), st.text(min_size=1, max_size=12)))


@st.composite
def with_quotes(draw):
    """Quotation marks of every style put anywhere: nested, unbalanced, doubled, and whole quoted runs."""
    text = draw(base)
    marks = st.sampled_from(QUOTES)
    runs = st.builds(lambda a, w, b: f"{a}{w}{b}", marks, st.sampled_from(WORDS), marks)
    return draw(inserted(text, st.one_of(marks, runs, st.builds(lambda a, b: a + a + b + b, marks, marks)), 30))


@st.composite
def nested_quotes(draw):
    """A speaker quoting someone quoting someone, with marks that may never close."""
    depth = draw(st.integers(1, 8))
    opens = draw(st.lists(st.sampled_from(QUOTES), min_size=depth, max_size=depth))
    closes = draw(st.lists(st.sampled_from(QUOTES + [""]), min_size=depth, max_size=depth))
    inner = "the talks are over"
    for o, c in zip(opens, closes):
        inner = f"{o}He said {inner}, the envoy added{c}"
    return f"The minister said {inner}, according to officials in Valdora."


@st.composite
def long_sentence(draw):
    """One sentence of 2,000 words with no full stop, or a run of commas and conjunctions."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    glue = draw(st.sampled_from([" ", " ", ", ", " and ", " said ", " \u201c"]))
    words = [rng.choice(WORDS) for _ in range(2000)]
    return glue.join(words) + draw(st.sampled_from(["", ".", "?", "\u2026"]))


@st.composite
def tables_and_lists(draw):
    """Articles with a table (pipes, tabs or aligned columns) or a list (bullets, numbers) among the prose."""
    rows = draw(st.lists(st.lists(st.sampled_from(WORDS + ["12", "3.5%", "-", "", "N/A"]), min_size=1,
                                  max_size=6), min_size=1, max_size=12))
    style = draw(st.sampled_from(["pipe", "tab", "space", "bullet", "number", "dash"]))
    if style == "pipe":
        block = "\n".join("| " + " | ".join(r) + " |" for r in rows)
        block = block.replace("\n", "\n|---|---|\n", 1)
    elif style == "tab":
        block = "\n".join("\t".join(r) for r in rows)
    elif style == "space":
        block = "\n".join("".join(c.ljust(14) for c in r) for r in rows)
    else:
        mark = {"bullet": "\u2022 ", "number": "{}. ", "dash": "- "}[style]
        block = "\n".join(mark.format(i + 1) + " ".join(r) for i, r in enumerate(rows))
    text = draw(base)
    paras = text.split("\n\n")
    at = draw(st.integers(0, len(paras)))
    return "\n\n".join(paras[:at] + [block] + paras[at:])


@st.composite
def shouted_or_bare(draw):
    """All caps, no punctuation at all, or both."""
    text = draw(base)
    if draw(st.booleans()):
        text = text.upper()
    if draw(st.booleans()):
        text = "".join(ch for ch in text if ch.isalnum() or ch.isspace())
    return text


@st.composite
def datelines_and_blanks(draw):
    """A lone dateline (alone, or as its own paragraph), empty paragraphs and whitespace-only lines."""
    line = draw(st.sampled_from(DATELINES))
    kind = draw(st.sampled_from(["alone", "own paragraph", "blanks"]))
    if kind == "alone":
        return line
    text = draw(base)
    if kind == "own paragraph":
        return f"{line}\n\n{text}"
    blank = st.sampled_from(["\n\n", "\n\n\n\n", "\n \n\t\n", "\n\u00a0\n", "\n\n\f\n\n", "\n\u3000\n"])
    paras = text.split(" ")
    return draw(blank) + " ".join(p + (draw(blank) if draw(st.integers(0, 9)) == 0 else "") for p in paras) \
        + draw(blank)


@st.composite
def with_controls(draw):
    """Control and invisible formatting characters: a few (still text) or many (a binary-looking file)."""
    return draw(inserted(draw(base), st.sampled_from(CONTROLS), draw(st.sampled_from([3, 40]))))


@st.composite
def mixed(draw):
    """Several of the mutations above on one article."""
    text = draw(st.one_of(with_quotes(), tables_and_lists(), datelines_and_blanks(), shouted_or_bare()))
    return draw(inserted(text, st.one_of(st.sampled_from(QUOTES + CONTROLS[:5] + DATELINES), st.text(max_size=4)), 8))


# -- the properties -------------------------------------------------------------------------------------


def test_the_base_articles_code(check):
    for text in BASES:
        assert check(text, date="2024-05-07") is not None


@fuzz(40)
@given(with_unicode())
def test_random_unicode(check, text):
    check(text)


@fuzz(40)
@given(with_quotes())
def test_quotation_marks_anywhere(check, text):
    check(text)


@fuzz(25)
@given(nested_quotes())
def test_nested_and_unbalanced_quotations(check, text):
    check(text)


@pytest.mark.slow
@fuzz(4)
@given(long_sentence())
def test_two_thousand_word_sentence(check, text):
    check(text)


@fuzz(25)
@given(tables_and_lists())
def test_tables_and_lists(check, text):
    check(text)


@fuzz(25)
@given(shouted_or_bare())
def test_all_caps_and_no_punctuation(check, text):
    check(text, date="2024-05-07")


@fuzz(25)
@given(datelines_and_blanks())
def test_lone_datelines_and_empty_paragraphs(check, text):
    check(text)


@fuzz(25)
@given(with_controls())
def test_control_characters(check, text):
    check(text)


@fuzz(30)
@given(mixed())
def test_mixed_mutations(check, text):
    check(text)
