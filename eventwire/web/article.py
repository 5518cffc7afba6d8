"""Lay out a coded story for the article page: the text cut into segments, each knowing which records cover it.

The article page prints every segment as escaped text inside a ``<span>`` whose classes say what covers it
(actor mention, event evidence, event trigger, quote content, quote cue, place mention) and whose
``data-recs`` attribute names those records; the records themselves are listed beside the text. Nothing
here builds HTML: the template does, with autoescape on, so article text is never markup.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import pairwise

from . import tone

# Order in which records covering one segment are shown: the tightest (an actor mention) first.
KIND_ORDER = {"actor": 0, "trigger": 1, "event": 2, "cue": 3, "quote": 4, "place": 5}
RECORD_OF = {"actor": "actor", "trigger": "event", "event": "event", "cue": "quote", "quote": "quote",
             "place": "place"}


@dataclass
class Segment:
    text: str
    start: int = 0  # offset of the segment's first character in the article text
    kinds: list[str] = field(default_factory=list)  # css kinds: actor, event, trigger, quote, cue, place
    recs: list[str] = field(default_factory=list)  # record keys "event:e1"
    title: str = ""
    tone: str = ""  # css tone of the first event covering it

    @property
    def css(self) -> str:
        """The span's classes: "m", what covers it, and the tone of its first event."""
        return " ".join(["m", *self.kinds] + ([f"tone-{self.tone}"] if self.tone else []))

    @property
    def keys(self) -> str:
        return " ".join(self.recs)


@dataclass
class Block:
    kind: str  # headline, heading, body, boilerplate
    segments: list[Segment]


def rec_key(kind: str, rid: str) -> str:
    return f"{RECORD_OF[kind]}:{rid}"


def dom_id(key: str) -> str:
    """An element id for a record key (letters, digits, - and _ only)."""
    return "rec-" + "".join(ch if (ch.isascii() and ch.isalnum()) or ch in "-_" else "-" for ch in key)


def records(story: dict) -> dict:
    """The records of a story dict, with names resolved, ready for the side panel."""
    actors = {a["id"]: a for a in story.get("actors", [])}
    places = {p["id"]: p for p in story.get("places", [])}
    quotes = {q["id"]: q for q in story.get("quotes", [])}

    def names(ids):
        return [actors[i]["name"] if i in actors else i for i in ids or []]

    events = []
    for e in story.get("events", []):
        quad = tone.quad_class(e.get("quad_class"), e.get("cameo"), e.get("goldstein"))
        place = places.get(e.get("place"))
        events.append({
            **e,
            "key": rec_key("event", e["id"]),
            "source_names": names(e.get("source")),
            "target_names": names(e.get("target")),
            "place_name": place["name"] if place else None,
            "quad": quad,
            "quad_name": tone.QUAD_NAMES.get(quad),
            "tone": tone.css(quad),
        })
    quote_list = []
    for q in story.get("quotes", []):
        speaker = actors.get(q.get("speaker"))
        quote_list.append({
            **q,
            "key": rec_key("quote", q["id"]),
            "speaker_name": speaker["name"] if speaker else q.get("speaker_text"),
            "content_text": " … ".join(c["text"] for c in q.get("content", [])),
        })
    actor_list = [{**a, "key": rec_key("actor", a["id"]), "n_mentions": len(a.get("mentions", []))}
                  for a in story.get("actors", [])]
    place_list = [{**p, "key": rec_key("place", p["id"])} for p in story.get("places", [])]
    return {"events": events, "quotes": quote_list, "actors": actor_list, "places": place_list,
            "quote_ids": set(quotes)}


def _marks(story: dict, recs: dict) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, record id, hover label) for every highlighted span."""
    marks = []
    for a in recs["actors"]:
        label = "Actor: " + a["name"] + "".join(f" · {v}" for v in (a.get("country"), a.get("sector")) if v)
        for m in a.get("mentions", []):
            marks.append((m["start"], m["end"], "actor", a["id"], label))
    for e in recs["events"]:
        label = f"Event {e['id']}: {e['type']}"
        if e.get("source_names") or e.get("target_names"):
            label += f" ({', '.join(e['source_names']) or '?'} → {', '.join(e['target_names']) or '?'})"
        ev = e.get("evidence")
        if ev:
            marks.append((ev["start"], ev["end"], "event", e["id"], label))
        tr = e.get("trigger")
        if tr:
            marks.append((tr["start"], tr["end"], "trigger", e["id"], label))
    for q in recs["quotes"]:
        label = f"Quote {q['id']} ({q['kind']}) by {q.get('speaker_name') or 'unknown speaker'}"
        for c in q.get("content", []):
            marks.append((c["start"], c["end"], "quote", q["id"], label))
        cue = q.get("cue")
        if cue:
            marks.append((cue["start"], cue["end"], "cue", q["id"], label))
    for p in recs["places"]:
        label = "Place: " + p["name"] + (f" ({p['country']})" if p.get("country") else "")
        for m in p.get("mentions", []):
            marks.append((m["start"], m["end"], "place", p["id"], label))
    return [m for m in marks if m[0] < m[1]]


def layout(story: dict, recs: dict | None = None) -> list[Block]:
    """The article text as blocks (paragraphs) of segments."""
    text = story["article"]["text"]
    recs = recs or records(story)
    tones = {e["id"]: e["tone"] for e in recs["events"]}
    marks = _marks(story, recs)
    paras = [(p["start"], p["end"], p.get("kind", "body")) for p in story.get("paragraphs") or []]
    if not paras:
        paras = [(0, len(text), "body")]
    # Hand each mark to the paragraphs it overlaps (bisect on their starts), so long articles stay fast.
    starts = [p[0] for p in paras]
    per_para: list[list] = [[] for _ in paras]
    for m in marks:
        i = max(bisect_right(starts, m[0]) - 1, 0)
        while i < len(paras) and paras[i][0] < m[1]:
            if paras[i][1] > m[0]:
                per_para[i].append(m)
            i += 1
    blocks = []
    for (ps, pe, kind), inside in zip(paras, per_para):
        cuts = {ps, pe}
        for s, e, *_ in inside:
            cuts.add(max(s, ps))
            cuts.add(min(e, pe))
        cuts = sorted(cuts)
        segments = []
        # Sweep the cuts in order with the marks open at each: every mark boundary is a cut, so a mark open
        # at a segment's start covers the whole segment (a long article is one pass, not segments x marks).
        pending = sorted(inside, key=lambda m: m[0])
        open_marks: list = []
        k = 0
        for s, e in pairwise(cuts):
            while k < len(pending) and pending[k][0] <= s:
                open_marks.append(pending[k])
                k += 1
            open_marks = [m for m in open_marks if m[1] > s]
            cover = sorted((m for m in open_marks if e <= m[1]), key=lambda m: (KIND_ORDER[m[2]], m[1] - m[0]))
            seg = Segment(text[s:e], s)
            for _, _, kind_, rid, label in cover:
                if kind_ not in seg.kinds:
                    seg.kinds.append(kind_)
                key = rec_key(kind_, rid)
                if key not in seg.recs:
                    seg.recs.append(key)
                    seg.title += ("\n" if seg.title else "") + label
                if kind_ in ("event", "trigger") and not seg.tone:
                    seg.tone = tones.get(rid, "")
            segments.append(seg)
        blocks.append(Block(kind, segments))
    return blocks
