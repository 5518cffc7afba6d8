"""What the actor steps share: a ``Mention`` (tokens that name an actor, before mentions are grouped into
Actors), the ``Work`` of one article, and small helpers over token ranges."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


from ..model import Span, Story

from .kb import Entry, KnowledgeBase


@dataclass
class Mention:
    """A stretch of tokens that names an actor, before mentions are grouped into Actors."""

    start: int
    end: int
    key: str  # grouping key: a knowledge-base key, name:<full name>, nominal:<ISO>:<sector>, ...
    kind: str
    how: str = "name"  # name, alias, demonym, seat, nominal, title, pronoun
    entry: Entry | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    affiliation: str | None = None  # grouping key of the body it belongs to
    body: bool = True


@dataclass
class Work:
    """What one article's steps share."""

    story: Story
    doc: object
    kb: KnowledgeBase
    para_kind: list[str]  # per token: body, headline, heading, boilerplate
    names: dict[tuple[int, int], tuple[Entry, str]] = field(default_factory=dict)  # kb name matches
    name_at: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> kb match range
    roles: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> role match range
    agents: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> agent match range
    mentions: list[Mention] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # tokens inside a mention
    people: dict[str, str] = field(default_factory=dict)  # alias (lower) -> person key
    person_names: dict[str, str] = field(default_factory=dict)  # person key -> canonical name
    focus: str | None = None
    locations: list[dict] = field(default_factory=list)
    person_roles: dict[str, str] = field(default_factory=dict)  # person key -> role found in the text
    used_roles: set[int] = field(default_factory=set)  # tokens of titles already given to a named person

    def add(self, m: Mention) -> Mention:
        """Record a mention; an empty one (no tokens) is returned unrecorded: it names nothing."""
        if m.end <= m.start:
            return m
        self.mentions.append(m)
        self.taken.update(range(m.start, m.end))
        return m

    def free(self, s: int, e: int) -> bool:
        return not any(i in self.taken for i in range(s, e))


class MentionStarts:
    """Whether a mention of a kind starts at a token, as a scan of ``w.mentions`` would say, for a step that only
    adds mentions while it asks: the starts are indexed once and the mentions added since are read on each
    question (the list replaced, by ``drop``, is read again whole)."""

    def __init__(self, w: Work, kind: str):
        self.w, self.kind, self.seen, self.read, self.starts = w, kind, None, 0, set()

    def __contains__(self, i: int) -> bool:
        ms = self.w.mentions
        if ms is not self.seen or len(ms) < self.read:
            self.seen, self.read, self.starts = ms, 0, set()
        for m in ms[self.read:]:
            if m.kind == self.kind:
                self.starts.add(m.start)
        self.read = len(ms)
        return i in self.starts


def paragraph_kinds(story: Story, doc) -> list[str]:
    paras = sorted(story.paragraphs, key=lambda p: p.span.start)
    starts = [p.span.start for p in paras]
    out = []
    from spacy.attrs import IDX

    for idx in doc.to_array([IDX]).tolist():
        i = bisect_right(starts, idx) - 1
        out.append(paras[i].kind if i >= 0 and idx < paras[i].span.end else "body")
    return out


def trim(doc, s: int, e: int) -> tuple[int, int]:
    """Drop leading determiners and trailing possessives, punctuation and spaces from a token range, and end it
    at a dash set off by spaces."""
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_space or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_space or doc[e - 1].text in ("'s", "’s")
                     or (doc[e - 1].is_punct and doc[e - 1].text not in (".",))):
        e -= 1
    if e > s and doc[e - 1].text == "." and not doc[e - 1].idx == doc[e - 2].idx + len(doc[e - 2].text):
        e -= 1
    dash = next((i for i in range(s + 1, e - 1) if doc[i].text in ("-", "–", "—") and doc[i].whitespace_
                 and doc[i - 1].whitespace_), None)
    if dash is not None:
        return trim(doc, s, dash)  # "Deborah Reynolds - Santilli's girlfriend - told": a dash ends the name
    pos = next((i for i in range(s + 1, e) if doc[i].tag_ == "POS"), None)
    if pos is not None and all(doc[i].like_num for i in range(pos + 1, e)):
        return trim(doc, s, pos)  # "ESSID's 2015 visit": a year after the possessive is not the name
    return s, e


def drop(w: Work, which) -> None:
    """Remove the mentions ``which`` selects (a name absorbed into a longer mention)."""
    kept = [m for m in w.mentions if not which(m)]
    if len(kept) != len(w.mentions):
        w.mentions = kept
        w.taken = {i for m in w.mentions for i in range(m.start, m.end)}


def role_of(w: Work, s: int, e: int):
    text = " ".join(t.lower_ for t in w.doc[s:e])
    role = w.kb.roles.get(text)
    if role is None:
        role = w.kb.roles.get(w.doc[s:e].text.lower())
    return role


def char_span(w: Work, s: int, e: int) -> Span:
    doc = w.doc
    return w.story.span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text))


def alpha_name(text: str) -> bool:
    """Letters with an apostrophe or hyphen inside, as names are written ("O'Malley", "Al-Assad")."""
    inner = text.replace("'", "").replace("\u2019", "").replace("-", "")
    return len(inner) >= 2 and inner.isalpha() and text[0].isalpha()
