"""The records: one ``Story`` that every stage reads and annotates.

A Story holds the article text, which no stage ever edits, and lists of records whose spans point into that
text by character offsets (``text[start:end] == span.text``). Stages add records; data a stage wants to pass
to a later one goes into a registered extension (``Story.set_extension``), never into ad-hoc attributes.

The JSON form (``Story.to_dict``) is documented in the README and kept as a JSON Schema in
``eventwire/schema/story.schema.json``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, fields
from typing import Any, Iterable

from .errors import ConfigError

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    @classmethod
    def from_spacy(cls, span) -> "Span":
        """A Span from a spaCy Span or Token of a Doc whose text is the article text."""
        if hasattr(span, "start_char"):
            return cls(span.start_char, span.end_char, span.text)
        return cls(span.idx, span.idx + len(span.text), span.text)

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict) -> "Span":
        return cls(d["start"], d["end"], d["text"])


def content_id(text: str) -> str:
    """The stable id of an article: a hash of its text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    text: str
    id: str = ""
    title: str | None = None
    date: str | None = None  # ISO 8601 publication date, YYYY-MM-DD
    url: str | None = None
    outlet: str | None = None
    language: str = "en"
    source: str | None = None  # where it was read from: a path, a path#line, a WARC record id
    date_source: str | None = None  # where the date came from (ingest.pubdate.PRECEDENCE), None if not known

    def __post_init__(self):
        if not self.id:
            self.id = content_id(self.text)

    def to_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class Paragraph:
    """A block of the article between line breaks, with what kind of block it is."""

    span: Span
    kind: str = "body"  # headline, heading, body, boilerplate

    def to_dict(self) -> dict:
        return {**self.span.to_dict(), "kind": self.kind}


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person, organization, country, group; place (a city or region an event is done to)
    country: str | None = None  # ISO-3166 alpha-3
    sector: str | None = None  # PLOVER sector code (GOV, MIL, REB, ...)
    role: str | None = None  # title or role: "President", "White House spokesman"
    mentions: list[Span] = field(default_factory=list)
    code: str | None = None  # CAMEO-style actor code, e.g. AFGGOV
    kb_id: str | None = None  # the knowledge-base entry it resolved to, if any
    affiliation: str | None = None  # id of the actor it belongs to (a spokesman's government)
    generic: bool = False  # named only by a common noun for people or bodies ("officials", "protesters")

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "code": self.code,
            "kb_id": self.kb_id,
            "affiliation": self.affiliation,
            "generic": self.generic,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass
class Event:
    id: str
    type: str  # PLOVER 2.0 event type, e.g. AGREE
    evidence: Span  # the sentence or clause that says it
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    source: list[str] = field(default_factory=list)  # actor ids
    target: list[str] = field(default_factory=list)
    negated: bool = False
    hypothetical: bool = False
    date: str | None = None
    date_precision: str | None = None  # day, week, month, year
    place: str | None = None  # place id
    trigger: Span | None = None  # the verb or noun that names the event
    confidence: float = 0.5
    quad_class: int | None = None
    goldstein: float | None = None
    quote: str | None = None  # id of the quote the event is reported in, if any
    attrs: dict[str, Any] = field(default_factory=dict)  # stage-specific extras, e.g. time phrase

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "source": list(self.source),
            "target": list(self.target),
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "date": self.date,
            "date_precision": self.date_precision,
            "place": self.place,
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "confidence": round(self.confidence, 3),
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "quote": self.quote,
            "attrs": dict(self.attrs),
        }


@dataclass
class Quote:
    id: str
    kind: str  # direct, indirect, mixed
    cue: Span
    content: list[Span]
    speaker: str | None = None  # actor id
    speaker_text: str | None = None  # the words that name the speaker next to the cue
    speaker_span: Span | None = None
    medium: str | None = None  # "Reuters" in "told Reuters": who was told, never the speaker
    confidence: float = 0.5
    # the speaker actor's country, sector, role and organisation (actor id), to group quotes by side
    speaker_affiliation: dict | None = None
    # a group speaker ("Sanders and Clinton said"): every member's actor id, in text order
    speaker_members: list[str] = field(default_factory=list)
    # an unnamed source ("a senior official who asked not to be named"): no speaker actor, the words and the
    # affiliation kept
    speaker_anonymous: bool = False

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_text": self.speaker_text,
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
            "cue": self.cue.to_dict(),
            "content": [c.to_dict() for c in self.content],
            "medium": self.medium,
            "confidence": round(self.confidence, 3),
            "speaker_affiliation": dict(self.speaker_affiliation) if self.speaker_affiliation else None,
            "speaker_members": list(self.speaker_members),
            "speaker_anonymous": self.speaker_anonymous,
        }


@dataclass
class Place:
    id: str
    name: str
    country: str | None = None  # ISO-3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # city, admin1, country, region, ...
    geonameid: int | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "geonameid": self.geonameid,
            "mentions": [m.to_dict() for m in self.mentions],
        }


class Extensions:
    """Stage-specific data on a Story, under names registered with ``Story.set_extension``."""

    _registry: dict[str, Any] = {}

    def __init__(self):
        self._values: dict[str, Any] = {}

    def _check(self, name: str):
        if name not in self._registry:
            raise ConfigError(
                f"unknown story extension {name!r}: register it first with "
                f"Story.set_extension({name!r}, default=...)"
            )

    def __getitem__(self, name: str):
        self._check(name)
        if name not in self._values:
            default = self._registry[name]
            self._values[name] = default() if callable(default) else default
        return self._values[name]

    def __setitem__(self, name: str, value):
        self._check(name)
        self._values[name] = value

    def __contains__(self, name: str) -> bool:
        return name in self._values


@dataclass
class Story:
    """An article and everything coded from it."""

    article: Article
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    focus_country: str | None = None
    # when the time budget ran out on a long article (``blocks``): how many characters from the start were
    # coded; None when the whole text was
    coverage: int | None = None
    doc: Any = None  # the spaCy Doc over article.text (not serialised)
    ext: Extensions = field(default_factory=Extensions)
    # start offsets of the sentences and paragraphs, for ``sentence_at`` and ``paragraph_at`` (``_starts``)
    _starts_of: dict = field(default_factory=dict, repr=False, compare=False)

    @staticmethod
    def set_extension(name: str, *, default=None) -> None:
        """Register a stage-specific data name; ``default`` may be a factory (e.g. ``dict``)."""
        Extensions._registry[name] = default

    # -- lookups every stage needs -------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self.article.text

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.article.text, start, end)

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def place(self, place_id: str | None) -> Place | None:
        for p in self.places:
            if p.id == place_id:
                return p
        return None

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor with a mention overlapping the characters start..end (the tightest one; of equally tight
        ones, the first actor's in the list). A binary search over the mentions by start (``_mention_index``)."""
        starts, longest, rows = self._mention_index()
        best = None
        for k in range(bisect_right(starts, start - longest), bisect_left(starts, end)):
            m_start, m_end, rank, actor = rows[k]
            if m_start < end and start < m_end and (best is None or rank < best[0]):
                best = (rank, actor)
        return best[1] if best else None

    def quote_at(self, offset: int):
        """The first quote (in the list's order) with content holding the character at ``offset``, or None.
        A binary search over the contents sorted by start (rebuilt when the quote list changes)."""
        known = self._starts_of.get("quotes")
        if known is None or known[0] is not self.quotes or known[1] != len(self.quotes):
            rows = sorted((c.start, c.end, k) for k, q in enumerate(self.quotes) for c in q.content)
            longest = max((max(0, e - s) for s, e, _ in rows), default=0)
            known = (self.quotes, len(self.quotes), [r[0] for r in rows], longest, rows)
            self._starts_of["quotes"] = known
        _, _, starts, longest, rows = known
        best = None
        for k in range(bisect_right(starts, offset - longest), bisect_right(starts, offset)):
            s, e, rank = rows[k]
            if s <= offset < e and (best is None or rank < best):
                best = rank
        return self.quotes[best] if best is not None else None

    def _phrase_index(self) -> tuple:
        """The keys of the pronoun and compound tables (``actors.pronouns``, ``actors.conjuncts``) sorted by
        start, for ``actors_at``: (tables, starts, longest span, rows of (start, end, (table, order, key))).
        Rebuilt when a table is replaced or changes size; the ids are read from the tables at each lookup."""
        tables = (self.ext["actors.pronouns"], self.ext["actors.conjuncts"])
        known = self._starts_of.get("phrases")
        if known is None or any(a is not b or n != len(b) for (a, n), b in zip(known[0], tables)):
            rows = sorted(((s, e, (t, k, (s, e))) for t, table in enumerate(tables)
                           for k, (s, e) in enumerate(table)), key=lambda r: (r[0], r[2][:2]))
            longest = max((max(0, e - s) for s, e, _ in rows), default=0)
            known = (tuple((x, len(x)) for x in tables), [r[0] for r in rows], longest, rows)
            self._starts_of["phrases"] = known
        return (tables,) + known[1:]

    def actors_changed(self) -> None:
        """Say that actors or their mentions were added or removed after the lookups were first used (the
        index of ``actor_at`` is rebuilt on its own only when the actor list is replaced or changes length)."""
        self._starts_of.pop("mentions", None)

    def _mention_index(self) -> tuple[list[int], int, list[tuple]]:
        """Every actor mention as (start, end, rank, actor), sorted by start, with the starts and the longest
        mention's length; rank orders by length, then by actor and mention order (what ``actor_at`` prefers)."""
        known = self._starts_of.get("mentions")
        if known is None or known[0] is not self.actors or known[1] != len(self.actors):
            rows, order = [], 0
            for a in self.actors:
                for m in a.mentions:
                    rows.append((m.start, m.end, (m.end - m.start, order), a))
                    order += 1
            rows.sort(key=lambda r: (r[0], r[2]))
            longest = max((max(0, r[1] - r[0]) for r in rows), default=0)
            known = (self.actors, len(self.actors), ([r[0] for r in rows], longest, rows))
            self._starts_of["mentions"] = known
        return known[2]

    def actors_at(self, start: int, end: int) -> list[Actor]:
        """Every actor named by the characters start..end: all parts of a compound phrase ("Hungarian and
        Romanian officials") or plural pronoun ("they" for Obama and Petraeus) that the range covers or lies
        in, as the actors stage recorded them (``actors.pronouns``, ``actors.conjuncts``); else the one actor
        ``actor_at`` finds (or none)."""
        one = self.actor_at(start, end)
        if one is not None and any(m.start <= start and end <= m.end for m in one.mentions) \
                and (start, end) not in self.ext["actors.pronouns"]:
            return [one]  # inside one mention ("Bulgarian" in "Bulgarian and Greek officials")
        ids: list[str] = []
        tables, starts, longest, rows = self._phrase_index()
        hits = []
        for k in range(bisect_right(starts, start - longest), bisect_left(starts, end)):
            s, e, rank = rows[k]
            if s < end and start < e and ((start <= s and e <= end) or (s <= start and end <= e)):
                hits.append(rank)
        for t, _, key in sorted(hits):  # in the tables' own order, as a walk through them gave
            ids += [i for i in tables[t][key] if i not in ids]
        if ids:
            return [a for a in (self.actor(i) for i in ids) if a is not None]
        return [one] if one else []

    def paragraph_at(self, offset: int) -> Paragraph | None:
        starts = self._starts("paragraphs", self.paragraphs, lambda p: p.span)
        if starts is None:
            return next((p for p in self.paragraphs if p.span.start <= offset < p.span.end), None)
        k = bisect_right(starts, offset) - 1
        return self.paragraphs[k] if k >= 0 and offset < self.paragraphs[k].span.end else None

    def in_body(self, offset: int) -> bool:
        """Whether a character lies in body text (not a headline, heading or boilerplate line)."""
        p = self.paragraph_at(offset)
        return p is None or p.kind == "body"

    def sentence_at(self, offset: int) -> Span | None:
        starts = self._starts("sentences", self.sentences, lambda s: s)
        if starts is None:
            return next((s for s in self.sentences if s.start <= offset < s.end), None)
        k = bisect_right(starts, offset) - 1
        return self.sentences[k] if k >= 0 and offset < self.sentences[k].end else None

    def sentences_in_order(self) -> bool:
        """Whether the sentences follow each other without overlap (then each sentence ends before the next
        starts, and ``sentence_at`` is a binary search)."""
        return self._starts("sentences", self.sentences, lambda s: s) is not None

    def _starts(self, name: str, items: list, span_of) -> list[int] | None:
        """The start offsets of ``items`` (sentences or paragraphs; ``span_of`` gives an item's Span) for a
        binary search, computed once per list (again when the list is replaced or changes length); None when
        the spans are not in order without overlap, where only a scan finds the first that holds an offset."""
        known = self._starts_of.get(name)
        if known is None or known[0] is not items or known[1] != len(items):
            spans = [span_of(x) for x in items]
            ordered = all(a.end <= b.start for a, b in zip(spans, spans[1:]))
            known = (items, len(items), [sp.start for sp in spans] if ordered else None)
            self._starts_of[name] = known
        return known[2]

    def spans(self) -> Iterable[Span]:
        """Every span in the story, for checks that offsets match the text."""
        for p in self.paragraphs:
            yield p.span
        yield from self.sentences
        for a in self.actors:
            yield from a.mentions
        for e in self.events:
            yield e.evidence
            if e.trigger:
                yield e.trigger
        for q in self.quotes:
            yield q.cue
            yield from q.content
            if q.speaker_span:
                yield q.speaker_span
        for p in self.places:
            yield from p.mentions

    def to_dict(self) -> dict:
        return {
            "schema_version": SCHEMA_VERSION,
            "article": self.article.to_dict(),
            "focus_country": self.focus_country,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "sentences": [s.to_dict() for s in self.sentences],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "places": [p.to_dict() for p in self.places],
            **({"coverage": self.coverage} if self.coverage is not None else {}),
        }


# Extensions the actors stage assigns (declared in its ``assigns``) for later stages to read, through
# ``Story.actors_at`` or directly:
#   actors.pronouns   (start, end) of a pronoun -> ids of the actors it stands for
#   actors.conjuncts  (start, end) of a phrase naming several actors ("Hungarian and Romanian") -> their ids
#   actors.locations  places named where no actor acts ("an embassy in Tehran"): dicts with start, end, text,
#                     country, actor (the country actor, if any) and dateline
Story.set_extension("actors.pronouns", default=dict)
Story.set_extension("actors.conjuncts", default=dict)
Story.set_extension("actors.locations", default=list)
