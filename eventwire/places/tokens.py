"""The parsed doc read once per article: its tokens, its entities, whether it is written without capitals
(``doc_tokens``, ``doc_ents``, ``in_lower_case``), and small questions about the words around a name (a comma and
a capitalised word after it, a locative preposition before it, a local noun after it, a place it is listed
with)."""

from __future__ import annotations

from ..model import Story
from .mention import Mention
from .vocabulary import word_list


_LAST_DOC: tuple = (None, [], False, ())  # the doc read last, its tokens, whether it is written without
# capitals, its entities


def doc_tokens(doc) -> list:
    """The doc's tokens as a list, made once per doc: spaCy builds a new Token object on every ``doc[i]``
    and every step over the doc, which cost the stage a third of its time."""
    last = _LAST_DOC  # one read: a tuple is replaced whole, never changed
    if last[0] is doc and len(last[1]) == len(doc):
        return last[1]
    return _read_doc(doc)[1]


def _read_doc(doc) -> tuple:
    global _LAST_DOC
    toks = list(doc)
    words = [t for t in toks if t.is_alpha]
    lower = len(words) >= 8 and sum(t.text[0].isupper() for t in words) < 0.02 * len(words)
    _LAST_DOC = (doc, toks, lower, tuple(doc.ents))
    return _LAST_DOC


def doc_ents(doc) -> tuple:
    """The doc's entity spans, made once per doc (``doc.ents`` builds every span anew on each call)."""
    last = _LAST_DOC
    if last[0] is doc and len(last[1]) == len(doc):
        return last[3]
    return _read_doc(doc)[3]


def trim_entity(ent) -> tuple[int, int]:
    """Token bounds of an entity without a leading article or a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    tokens = doc_tokens(doc)
    while start < end and tokens[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and tokens[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end


def token_bounds(doc, m: Mention) -> tuple[int, int]:
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def scan(length: int, at) -> list[tuple[int, int, list]]:
    """Left to right over the tokens, the match ``at(i)`` gives at each (start, end, candidates), resuming
    after it; a token with none is skipped."""
    out = []
    i = 0
    while i < length:
        hit = at(i)
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def period_follows(doc, end: int) -> bool:
    """Whether a name is written with a period ("Mass.", or "Mass" then a period token)."""
    tokens = doc_tokens(doc)
    return tokens[end - 1].text.endswith(".") or (end < len(doc) and tokens[end].text == ".")


def possessive_follows(doc, end: int) -> bool:
    """Whether a name is followed by a possessive ("St. John's", "Smith's")."""
    tokens = doc_tokens(doc)
    return end < len(doc) and tokens[end].text in ("'s", "’s", "ʼs")


def entity_at(doc, i: int):
    """The entity span that holds token ``i``, or None, read from the tokens' IOB tags (``doc.ents`` builds
    every entity span anew on each call, which cost the places stage half its time)."""
    tokens = doc_tokens(doc)
    if tokens[i].ent_iob_ not in ("B", "I"):
        return None
    s = i
    while s > 0 and tokens[s].ent_iob_ == "I":
        s -= 1
    e = i + 1
    while e < len(doc) and tokens[e].ent_iob_ == "I":
        e += 1
    return doc[s:e]


def in_lower_case(doc) -> bool:
    """Whether a text is written without capitals (the model then finds few names)."""
    last = _LAST_DOC
    if last[0] is doc and len(last[1]) == len(doc):
        return last[2]
    return _read_doc(doc)[2]


def qualified(doc, end: int) -> bool:
    """A comma and a capitalised word right after a name ("Bingham, Utah")."""
    tokens = doc_tokens(doc)
    return end + 1 < len(doc) and tokens[end].text == "," and tokens[end + 1].text[:1].isupper()


def local_context(doc, start: int, end: int) -> bool:
    """A locative preposition before a name, or a local noun after it."""
    tokens = doc_tokens(doc)
    prev = tokens[start - 1] if start > 0 else None
    nxt = tokens[end] if end < len(doc) else None
    return (prev is not None and prev.lower_ in ("in", "at", "near", "outside", "from")) or (
        nxt is not None and nxt.lower_ in word_list("place_cue_nouns.txt"))


def listed_with_place(toks, taken: set[int]) -> bool:
    """Whether a name is coordinated with a place already found ("Hilversum and Almelo", "Wisconsin and
    Pennsylvania")."""
    root = toks.root
    if root.dep_ == "conj" and root.head.i in taken:
        return True
    return any(c.dep_ == "conj" and c.i in taken for c in root.children)


# a paragraph of page furniture ("Photo credit: ...", "Image copyright ...") longer than this has swallowed the
# story's text that followed it on the page (a text whose paragraphs were run together): its places are read
FURNITURE_CHARS = 300


def usable_at(story: Story, offset: int) -> bool:
    """Whether a name at the offset may be read: not in page furniture, unless the furniture paragraph is long
    enough to hold the story's own text (``FURNITURE_CHARS``)."""
    p = story.paragraph_at(offset)
    return p is None or p.kind != "boilerplate" or len(p.span.text) > FURNITURE_CHARS
