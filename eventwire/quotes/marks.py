"""Quotation marks: the stretches of a paragraph that lie between a pair of them.

Handles straight and curly double quotes, doubled apostrophes (''), guillemets, low-9 quotes, and single quotes (straight or curly)
when they are not apostrophes. A quotation left open at the end of a paragraph runs on into the next
paragraph when that one opens with a quotation mark (the newspaper convention for long quotes); the pieces
are chained with ``next``. Single quotes inside a double-quoted stretch are a quote inside the quote and
stay part of it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‚‹"
SINGLE_CLOSE = "’›"
_BEFORE_OPEN = set(" \t\n([{—–-/:;,")
_AFTER_CLOSE = set(" \t\n)]}.,;:!?—–-…")
_ENDS_WORDS = set(".,;!?…")
CLOSE_AFTER_PUNCT = True


@dataclass
class Region:
    """One quoted stretch inside one paragraph."""

    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when the quotation runs on past the paragraph
    start: int  # content: the words inside the marks, trimmed
    end: int
    single: bool = False
    mark_len: int = 1  # 2 for a doubled apostrophe ('' as in some wire copy)
    continues: bool = False  # carries on a quotation left open in the previous paragraph
    next: "Region | None" = None  # the piece in the following paragraph, for a run-on quotation

    @property
    def outer_end(self) -> int:
        return self.close + self.mark_len if self.close is not None else self.end


def _double_marks(text: str, lo: int, hi: int):
    """(offset, width) of every double quotation mark between lo and hi; two apostrophes in a row ('')
    are one mark."""
    i = lo
    while i < hi:
        ch = text[i]
        if ch in '"' + DOUBLE_OPEN + DOUBLE_CLOSE:
            yield i, 1
        elif ch in "'’‘`" and i + 1 < hi and text[i + 1] == ch:
            yield i, 2
            i += 1
        i += 1


def _is_open(text: str, i: int, lo: int, hi: int, width: int = 1) -> bool | None:
    """Whether the double mark at i opens (True), closes (False) or cannot tell (None)."""
    before = text[i - 1] if i > lo else " "
    after = text[i + width] if i + width < hi else " "
    if CLOSE_AFTER_PUNCT and text[i] in DOUBLE_CLOSE and before in _ENDS_WORDS:
        return False  # '... prejudice,”Roe said': a closing mark after a clause's end, the space after it missing
    if before in _BEFORE_OPEN and not after.isspace():
        return True
    if (after in _AFTER_CLOSE or after in "\"'’”") and not before.isspace():
        return False
    ch = text[i]
    if ch in DOUBLE_OPEN:
        return True
    if ch in DOUBLE_CLOSE:
        return False
    if width == 2:
        return ch in "‘`"
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _singles(text: str, lo: int, hi: int, out: list[Region]) -> None:
    """Single-quoted stretches between lo and hi: an opening mark at a word start, a closing mark at a
    word end that is not an apostrophe (it's, Trump's) and not a plural possessive followed by a noun. Where
    a mark may close depends on that mark alone, so those places are found once (``_single_closes``) and
    each opening mark takes the first after it: a long paragraph of opening marks that never close ("'a 'a
    ...") costs no square."""
    closes = None
    i = lo
    while i < hi:
        ch = text[i]
        if ch in SINGLE_OPEN or ch == "'":
            before = text[i - 1] if i > lo else " "
            after = text[i + 1] if i + 1 < hi else " "
            if before in _BEFORE_OPEN and (after.isalnum() or after in "\"“"):
                closes = _single_closes(text, lo, hi) if closes is None else closes
                k = bisect_left(closes, i + 2)
                if k < len(closes):
                    j = closes[k]
                    s, e = _trim(text, i + 1, j)
                    if e > s:
                        out.append(Region(i, j, s, e, single=True))
                    i = j
        i += 1


def _single_closes(text: str, lo: int, hi: int) -> list[int]:
    """The offsets between lo and hi where a single quotation mark closes a quotation: a mark right after a
    word, before a space or punctuation, that is not a plural possessive ("voters' rights")."""
    out = []
    for j in range(lo + 1, hi):
        c = text[j]
        if c in SINGLE_CLOSE or c == "'":
            nb = text[j + 1] if j + 1 < hi else " "
            if nb in _AFTER_CLOSE and not text[j - 1].isspace():
                rest = text[j + 1:j + 3]
                if text[j - 1] == "s" and rest[:1] == " " and rest[1:2].islower():
                    continue
                out.append(j)
    return out


def find_regions(text: str, paragraphs: list[tuple[int, int]]) -> list[Region]:
    """Every quoted stretch of the given paragraphs (start, end offsets), in text order."""
    out: list[Region] = []
    carry: Region | None = None  # a quotation left open at the end of the previous paragraph
    for lo, hi in paragraphs:
        opened: int | None = None
        width = 1
        found: list[Region] = []
        gaps = []  # stretches outside double quotes, searched for single quotes
        last = lo
        for i, n in _double_marks(text, lo, hi):
            kind = _is_open(text, i, lo, hi, n)
            if opened is None:
                if kind is not False:
                    opened, width = i, n
                    gaps.append((last, i))
            elif n == width and (kind is not True or text[i] == '"' or n == 2):
                s, e = _trim(text, opened + width, i)
                found.append(Region(opened, i, s, e, mark_len=n))
                opened = None
                last = i + n
        if opened is not None:
            s, e = _trim(text, opened + width, hi)
            found.append(Region(opened, None, s, e, mark_len=width))
        else:
            gaps.append((last, hi))
        singles: list[Region] = []
        for a, b in gaps:
            _singles(text, a, b, singles)
        found = sorted(found + singles, key=lambda r: r.open)
        if carry is not None:
            first = next((r for r in found if not r.single), None)
            if first is not None and text[lo:first.open].strip() == "":
                first.continues = True
                carry.next = first
        carry = found[-1] if found and found[-1].close is None and not found[-1].single else None
        out.extend(found)
    return out


class RegionIndex:
    """Lookups over a story's regions in logarithmic time (a 300 KB paragraph holds thousands of them and
    every token asks): whether an offset lies inside a double-quoted stretch (``inside``), the closed double
    quotations that end or open within a stretch of text (``ending_in``, ``opening_in``), and a memo for
    work done once per stretch of text (``memo``)."""

    def __init__(self, regions: list[Region]):
        doubles = sorted(((r.open, r.outer_end) for r in regions if not r.single and r.open < r.outer_end))
        self._starts: list[int] = []
        self._ends: list[int] = []
        for s, e in doubles:  # the union of the stretches, as disjoint intervals
            if self._starts and s <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], e)
            else:
                self._starts.append(s)
                self._ends.append(e)
        closed = [r for r in regions if not r.single and r.close is not None]
        self._by_end = sorted(closed, key=lambda r: r.outer_end)
        self._end_keys = [r.outer_end for r in self._by_end]
        self._by_open = sorted(closed, key=lambda r: r.open)
        self._open_keys = [r.open for r in self._by_open]
        self.memo: dict = {}

    def inside(self, i: int) -> bool:
        k = bisect_right(self._starts, i) - 1
        return k >= 0 and i < self._ends[k]

    def ending_in(self, lo: int, hi: int) -> list[Region]:
        """Closed double quotations whose closing mark ends at an offset in lo..hi (both included)."""
        return self._by_end[bisect_left(self._end_keys, lo):bisect_right(self._end_keys, hi)]

    def opening_in(self, lo: int, hi: int) -> list[Region]:
        """Closed double quotations whose opening mark is at an offset in lo..hi (both included)."""
        return self._by_open[bisect_left(self._open_keys, lo):bisect_right(self._open_keys, hi)]


_LAST_INDEX: tuple = (None, 0, None)  # the regions list last indexed, its length, and its index


def region_index(regions: list[Region]) -> RegionIndex:
    """The index of a list of regions, built once while the same list (unchanged in length) is asked about."""
    global _LAST_INDEX
    known, n, index = _LAST_INDEX  # one read: another thread may replace it meanwhile
    if known is not regions or n != len(regions):
        index = RegionIndex(regions)
        _LAST_INDEX = (regions, len(regions), index)
    return index
