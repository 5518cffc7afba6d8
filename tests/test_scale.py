"""Lookups that every token or mention asks stay fast on very long articles (a 300 KB paragraph took minutes):
``Story.actor_at`` searches the mentions by offset, the quotation regions are indexed (``marks.RegionIndex``),
a long paragraph's cue candidates are found once, and the gate's nesting compares only drafts that meet. Each
faster path gives what the plain scan gave; the sentences are written for these tests."""

import random
import re
import time

import pytest

from eventwire.model import Actor, Article, Span, Story
from eventwire.quotes import marks, rules
from eventwire.quotes.direct import Draft


def _story_with_mentions(n_actors: int, per_actor: int, seed: int = 7) -> Story:
    rng = random.Random(seed)
    text = "x" * (n_actors * per_actor * 12 + 50)
    actors = []
    for k in range(n_actors):
        mentions = []
        for _ in range(per_actor):
            s = rng.randrange(0, len(text) - 40)
            mentions.append(Span.of(text, s, s + rng.randrange(0, 30)))
        actors.append(Actor(id=f"a{k}", name=f"A{k}", kind="person", mentions=mentions))
    return Story(article=Article(text=text), actors=actors)


def _scan(story: Story, start: int, end: int):
    """What ``actor_at`` gave before its index: the tightest overlapping mention, the first of equals."""
    best, best_len = None, None
    for a in story.actors:
        for m in a.mentions:
            if m.start < end and start < m.end:
                ln = m.end - m.start
                if best_len is None or ln < best_len:
                    best, best_len = a, ln
    return best


def test_actor_at_gives_what_a_scan_gives():
    story = _story_with_mentions(40, 8)
    rng = random.Random(3)
    for _ in range(3000):
        s = rng.randrange(0, len(story.text))
        e = s + rng.randrange(0, 25)
        assert story.actor_at(s, e) is _scan(story, s, e)


def test_actor_at_sees_actors_added_later():
    story = _story_with_mentions(3, 2)
    story.actor_at(0, 1)  # the index is built
    story.actors.append(Actor(id="new", name="New", kind="person", mentions=[Span.of(story.text, 5, 6)]))
    assert story.actor_at(5, 6).id == "new"
    story.actors[-1].mentions.append(Span.of(story.text, 900, 901))
    story.actors_changed()
    assert story.actor_at(900, 901).id == "new"


def test_actor_at_is_fast_on_many_mentions():
    story = _story_with_mentions(2000, 10)  # 20,000 mentions
    offsets = random.Random(5).sample(range(len(story.text) - 10), 20_000)
    t = time.perf_counter()
    for s in offsets:
        story.actor_at(s, s + 5)
    assert time.perf_counter() - t < 2.0  # a scan of every mention per lookup took minutes


def _regions(n: int, seed: int = 11) -> list:
    rng = random.Random(seed)
    out, i = [], 0
    for _ in range(n):
        i += rng.randrange(0, 30)
        close = None if rng.random() < 0.1 else i + rng.randrange(1, 60)
        end = close if close is not None else i + 40
        out.append(marks.Region(i, close, i + 1, end, single=rng.random() < 0.2, mark_len=rng.choice((1, 2))))
        i += rng.randrange(0, 50)  # overlapping stretches too
    return out


def test_region_index_answers_as_the_scans_did():
    regions = _regions(150)
    index = marks.RegionIndex(regions)
    closed = [r for r in regions if not r.single and r.close is not None]
    for i in range(0, regions[-1].outer_end + 40):
        assert index.inside(i) == any(r.open <= i < r.outer_end for r in regions if not r.single)
        assert {id(r) for r in index.ending_in(i - 79, i)} == \
            {id(r) for r in closed if r.outer_end <= i and i - r.outer_end < 80}
        assert {id(r) for r in index.opening_in(i, i + 39)} == {id(r) for r in closed if i <= r.open and r.open - i < 40}
    assert marks.region_index(regions) is marks.region_index(regions)  # built once per list


def _nesting_by_scan(candidates, quoted):
    """The gate's nesting as it was worked out, every draft against every other."""
    out = []
    for d, chars in candidates:
        out.append((any(e is not d and len(c) > len(chars) and len(chars & c) >= rules.NESTED_SHARE * len(chars)
                        for e, c in candidates),
                    any(e is not d and e.cue[0] in chars for e, _ in candidates),
                    bool(chars & quoted)))
    return out


def _drafts(n: int, seed: int = 2):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        s = rng.randrange(0, 20 * n)
        chars = set(range(s, s + rng.randrange(0, 300)))
        if rng.random() < 0.2:
            chars |= set(range(s + 400, s + 420))  # content in two pieces
        cue = rng.randrange(0, 20 * n)
        out.append((Draft("indirect", (cue, cue + 4), []), chars))
    return out


def test_nesting_gives_what_the_pairwise_scan_gives():
    candidates = _drafts(300)
    quoted = set(range(100, 900))
    rules.nesting(candidates, quoted)
    assert [d.nesting for d, _ in candidates] == _nesting_by_scan(candidates, quoted)


def test_nesting_is_fast_on_many_drafts():
    candidates = _drafts(6000)
    t = time.perf_counter()
    rules.nesting(candidates, set())
    assert time.perf_counter() - t < 3.0  # every draft against every other took over a minute


@pytest.mark.model
def test_quotes_of_a_long_paragraph_are_found_fast(pipeline):
    said = ['"We will rebuild the bridge by spring," the mayor said.',
            'The council met on Tuesday.',
            '"Nobody told us about the closure," a shopkeeper said.']
    text = " ".join(said * 120)  # one paragraph of 240 quotations
    story = Story(article=Article(text=text))
    stages = dict(pipeline.stages)
    from eventwire import ingest
    story.paragraphs = ingest.split_paragraphs(text)
    pipeline._parse_batch([story])
    story = stages["actors.rules.v1"](story)
    t = time.perf_counter()
    story = stages["quotes.rules.v1"](story)
    assert time.perf_counter() - t < 4.0  # each quotation searched the whole paragraph: about a minute
    assert len(story.quotes) == 240
    assert {q.cue.text for q in story.quotes} == {"said"}


def test_near_point_gives_what_a_scan_gives_and_is_fast():
    from eventwire.places.areas import within_km
    from eventwire.places.context import Context
    from eventwire.places.scoring import near_point

    rng = random.Random(9)
    ctx = Context()
    ctx.points = [(rng.uniform(30, 60), rng.uniform(-10, 30), rng.choice((30.0, 100.0))) for _ in range(4000)]
    queries = [(rng.uniform(29, 61), rng.uniform(-11, 31)) for _ in range(4000)]
    for lat, lon in queries[:300]:
        assert near_point(ctx, lat, lon) == any(within_km(lat, lon, la, lo, km) for la, lo, km in ctx.points)
    ctx.points.append((10.0, 10.0, 100.0))  # a point added later is seen
    assert near_point(ctx, 10.2, 10.2)
    t = time.perf_counter()
    for lat, lon in queries:
        near_point(ctx, lat, lon)
    assert time.perf_counter() - t < 2.0  # every reading against every point: about 10 s


def test_list_gaps_are_found_as_by_the_scan():
    from eventwire.places.local import _gap_after, _gap_before
    from eventwire.places.qualifiers import LIST_GAP

    text = "Utica and Rome, Ithaca ,  or Elmira and\n Troy. Salem or, Dover"
    names = [(m.start(), m.end()) for m in re.finditer(r"[A-Z]\w+", text)]
    ends, starts = sorted(e for _, e in names), sorted(s for s, _ in names)
    for s, e in names:
        assert any(LIST_GAP.fullmatch(text[x:s]) for x in _gap_before(text, s, ends)) == \
            any(LIST_GAP.fullmatch(text[x:s]) for x in ends if x < s)
        assert any(LIST_GAP.fullmatch(text[e:x]) for x in _gap_after(text, e, starts)) == \
            any(LIST_GAP.fullmatch(text[e:x]) for x in starts if x > e)
    assert len(_gap_before(text, text.index("Rome"), ends)) == 1  # only "Utica" is near enough to ask


def _actors_at_by_scan(story: Story, start: int, end: int):
    """``actors_at`` as it walked the pronoun and compound tables."""
    one = story.actor_at(start, end)
    if one is not None and any(m.start <= start and end <= m.end for m in one.mentions) \
            and (start, end) not in story.ext["actors.pronouns"]:
        return [one]
    ids = []
    for table in ("actors.pronouns", "actors.conjuncts"):
        for (s, e), found in story.ext[table].items():
            if s < end and start < e and ((start <= s and e <= end) or (s <= start and end <= e)):
                ids += [i for i in found if i not in ids]
    if ids:
        return [a for a in (story.actor(i) for i in ids) if a is not None]
    return [one] if one else []


def test_actors_at_gives_what_the_table_walk_gives():
    story = _story_with_mentions(30, 4)
    rng = random.Random(4)
    for name in ("actors.pronouns", "actors.conjuncts"):
        for _ in range(150):
            s = rng.randrange(0, len(story.text) - 50)
            story.ext[name][(s, s + rng.randrange(1, 40))] = [f"a{rng.randrange(0, 31)}" for _ in range(2)]
    for _ in range(2000):
        s = rng.randrange(0, len(story.text))
        e = s + rng.randrange(1, 30)
        assert [a.id for a in story.actors_at(s, e)] == [a.id for a in _actors_at_by_scan(story, s, e)]
    story.ext["actors.conjuncts"][(0, 3)] = ["a1", "a2"]  # a phrase added later is seen
    assert [a.id for a in story.actors_at(0, 3)] == [a.id for a in _actors_at_by_scan(story, 0, 3)]


def test_quote_at_gives_the_first_quote_holding_the_offset():
    from eventwire.model import Quote

    text = "y" * 5000
    rng = random.Random(6)
    quotes = []
    for _ in range(200):
        pieces = []
        for _ in range(rng.randrange(1, 3)):
            s = rng.randrange(0, 4800)
            pieces.append(Span.of(text, s, s + rng.randrange(0, 150)))
        quotes.append(Quote(id=f"q{len(quotes)}", kind="direct", cue=Span.of(text, 0, 1), content=pieces))
    story = Story(article=Article(text=text), quotes=quotes)
    for offset in range(0, 5000, 7):
        expect = next((q for q in quotes for c in q.content if c.start <= offset < c.end), None)
        assert story.quote_at(offset) is expect


def _singles_by_scan(text, lo, hi, out):
    """``marks._singles`` as it was: each opening mark scanned on to its closing mark."""
    i = lo
    while i < hi:
        ch = text[i]
        if ch in marks.SINGLE_OPEN or ch == "'":
            before = text[i - 1] if i > lo else " "
            after = text[i + 1] if i + 1 < hi else " "
            if before in marks._BEFORE_OPEN and (after.isalnum() or after in "\"“"):
                j = i + 2
                while j < hi:
                    c = text[j]
                    if c in marks.SINGLE_CLOSE or c == "'":
                        nb = text[j + 1] if j + 1 < hi else " "
                        if nb in marks._AFTER_CLOSE and not text[j - 1].isspace():
                            rest = text[j + 1:j + 3]
                            if text[j - 1] == "s" and rest[:1] == " " and rest[1:2].islower():
                                j += 1
                                continue
                            s, e = marks._trim(text, i + 1, j)
                            if e > s:
                                out.append(marks.Region(i, j, s, e, single=True))
                            i = j
                            break
                    j += 1
        i += 1


def test_single_quotes_are_found_as_by_the_scan():
    rng = random.Random(8)
    pieces = ["'", "’", "‘", " ", "a", "s", "the", ".", ",", "(", "\"", "voters' rights", "'90s", "it's"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 60)))
        lo = rng.randrange(0, max(1, len(text) // 3))
        hi = rng.randrange(lo, len(text) + 1)
        got, expect = [], []
        marks._singles(text, lo, hi, got)
        _singles_by_scan(text, lo, hi, expect)
        assert got == expect, text


def test_single_opening_marks_that_never_close_are_fast():
    text = "He said 'a " * 20_000  # 220 KB of opening marks: about 15 minutes when each scanned to the end
    t = time.perf_counter()
    assert marks.find_regions(text, [(0, len(text))]) == []
    assert time.perf_counter() - t < 2.0


def _line_bounds_by_walk(text, offset):
    """``direct.line_bounds`` as it walked line by line, copying the text before each break."""
    line_end = tuple(".!?\"”’'…")
    lo = offset
    while True:
        j = text.rfind("\n", 0, lo)
        if j < 0:
            lo = 0
            break
        if text[:j].rstrip(" \t")[-1:] in line_end or not text[:j].strip():
            lo = j + 1
            break
        lo = j
    hi = offset
    while True:
        j = text.find("\n", hi)
        if j < 0:
            hi = len(text)
            break
        if text[:j].rstrip(" \t")[-1:] in line_end:
            hi = j
            break
        hi = j + 1
    return lo, hi


def test_line_bounds_are_found_as_by_the_walk():
    from eventwire.quotes.direct import line_bounds

    rng = random.Random(12)
    pieces = ["\n", "\n\n", " ", "\t", "word", ".", "\"", "’", "?", "a", " \n"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        for offset in range(len(text) + 1):
            assert line_bounds(text, offset) == _line_bounds_by_walk(text, offset), (text, offset)


def test_line_bounds_of_a_long_hard_wrapped_text_are_fast():
    from eventwire.quotes.direct import line_bounds

    text = "the road stays closed and the bridge\n" * 8000  # 300 KB of lines with no sentence end
    t = time.perf_counter()
    for offset in range(0, len(text), 300):
        assert line_bounds(text, offset) == (0, len(text))
    assert time.perf_counter() - t < 2.0


def test_near_point_measures_a_place_said_many_times_once():
    from eventwire.places.context import Context
    from eventwire.places.scoring import near_point

    ctx = Context()
    ctx.points = [(51.5, -0.1, 100.0), (48.9, 2.35, 100.0)] * 3000  # a list of names, each said 3,000 times
    t = time.perf_counter()
    for k in range(4000):
        assert not near_point(ctx, 50.0 + k / 4000, 20.0)  # same band of latitude, far to the east
    assert near_point(ctx, 51.6, 0.0)
    assert time.perf_counter() - t < 2.0  # each copy measured: about 20 s


# -- long pages: lookups that scanned a list per question (issue: reliability on real news) ---------------------


def test_regions_in_gives_what_a_scan_of_every_region_gives():
    from eventwire.quotes.indirect import regions_in

    rng = random.Random(11)
    regions = []
    for _ in range(300):
        o = rng.randrange(0, 5000)
        regions.append(marks.Region(open=o, close=o + 20, start=o + 1, end=o + 19))
    rng.shuffle(regions)  # in any order: the answer keeps the list's order
    held_in = regions_in(regions)
    for _ in range(500):
        content = []
        for _ in range(rng.randrange(0, 3)):
            a = rng.randrange(0, 5000)
            content.append((a, a + rng.randrange(0, 400)))
        assert held_in(content) == [r for r in regions if any(a <= r.open < b for a, b in content)]
    assert regions_in([])([(0, 10)]) == []


def test_gate_paragraph_index_gives_what_a_scan_gives():
    from eventwire.model import Paragraph
    from eventwire.quotes.gate import _body_index

    text = "x" * 2000
    rng = random.Random(5)
    cuts = sorted(rng.sample(range(1, 2000), 60))
    paras = [Paragraph(Span.of(text, a, b - rng.randrange(0, 3)), rng.choice(["body", "body", "heading"]))
             for a, b in zip([0] + cuts, cuts + [2000])]

    def scan(story, offset):
        body = [p for p in story.paragraphs if p.kind == "body"]
        return next((i for i, p in enumerate(body) if p.span.start <= offset < p.span.end), None)

    for order in (paras, list(reversed(paras))):  # in order (a binary search), and out of order (a scan)
        story = Story(article=Article(text=text), paragraphs=list(order))
        assert [_body_index(story, k) for k in range(2000)] == [scan(story, k) for k in range(2000)]


def test_word_positions_are_read_once_per_doc():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.actors.labels import _word_positions

    vocab = Vocab()
    one = Doc(vocab, words=["Carly", "Fiorina", "said", "Fiorina", "won"])
    two = Doc(vocab, words=["Ann", "Lee", "won"])
    assert _word_positions(one) == {"Carly": [0], "Fiorina": [1, 3], "said": [2], "won": [4]}
    assert _word_positions(two)["won"] == [2] and "Fiorina" not in _word_positions(two)


def test_mention_starts_follow_added_and_dropped_mentions():
    from eventwire.actors.work import Mention, MentionStarts, Work, drop

    w = Work(story=None, doc=None, kb=None, para_kind=[])
    people = MentionStarts(w, "person")
    w.add(Mention(3, 5, "k1", "person"))
    w.add(Mention(7, 8, "k2", "organization"))
    assert 3 in people and 7 not in people and 5 not in people
    w.add(Mention(9, 11, "k3", "person"))  # added after the first question
    assert 9 in people
    drop(w, lambda m: m.start == 3)  # the list is replaced: read again whole
    assert 3 not in people and 9 in people
