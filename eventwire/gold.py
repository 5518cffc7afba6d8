"""Analyst corrections as gold records, and the pipeline scored against them.

    records = gold_records(store)            # the corrected records, in the PLOVER gold-record layout
    report = evaluate(store, pipeline)       # code those articles afresh and score the coder on them

A gold record follows the layout of the PLOVER gold standard records (``PLOVER_GSR_CAMEO``): ``id``, ``date``,
``source`` and ``target`` (lists of ``{"actorText", "code", "sector"}``), ``event``, ``eventText``, ``context``,
``mode``, ``eventLoc``, ``text`` (the sentence), ``textInfo.markup`` (the sentence with ``(SRC: ...)``,
``(TAR: ...)`` and ``(EVT: ...)`` marked), ``language``, ``publication``, ``coder`` (the analyst), ``version``
and ``dateCoded``. eventwire adds where it is (``articleId``, ``recordId``, ``textInfo.start``/``end`` and the
evidence span) and what kind of record it is (``kind``):

- ``event``: an event as the analyst left it (edited or added);
- ``not_event``: words the coder took for an event that are none; ``event`` is ``"NONE"`` and ``codedAs`` says
  what the coder had made of them;
- ``speaker``: who said a quote; ``event`` is ``null``, ``source`` is the speaker and the markup marks the quote.

``evaluate`` codes every corrected article again with the current pipeline and matches its records to the gold
ones one to one (events by overlap of their evidence, quotes by overlap of their words), then counts: for events,
found, right type, right dyad (the same actor names as source and as target); for not-events, how many the coder
still codes; for speakers, found and right speaker.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import __version__
from .errors import InputError


# -- gold records -----------------------------------------------------------------------------------------


def _actor(story: dict, actor_id: str) -> dict:
    a = next((x for x in story.get("actors", []) if x["id"] == actor_id), None)
    if a is None:
        return {"actorText": None, "code": None, "sector": None, "actorId": actor_id}
    return {"actorText": a["name"], "code": a.get("country") or a.get("code"), "sector": a.get("sector"),
            "actorId": actor_id}


def _sentence(story: dict, start: int, end: int) -> tuple[int, int]:
    """The span of the sentences holding [start, end)."""
    sents = story.get("sentences") or []
    s = next((x["start"] for x in sents if x["start"] <= start < x["end"]), start)
    e = next((x["end"] for x in sents if x["start"] < end <= x["end"]), end)
    return min(s, start), max(e, end)


def _markup(text: str, lo: int, hi: int, marks: list[tuple[int, int, str]]) -> str:
    """The text [lo, hi) with (LABEL: words) around each mark inside it; overlapping marks keep the first."""
    out, at, taken = [], lo, []
    for s, e, label in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if s < lo or e > hi or s < at or any(s < te and ts < e for ts, te in taken):
            continue
        out.append(text[at:s])
        out.append(f"({label}: {text[s:e]})")
        taken.append((s, e))
        at = e
    out.append(text[at:hi])
    return " ".join("".join(out).split())


def _mentions_in(story: dict, actor_ids: list[str], lo: int, hi: int) -> dict[str, tuple[int, int]]:
    out = {}
    for a in story.get("actors", []):
        if a["id"] in actor_ids:
            m = next((m for m in a.get("mentions", []) if lo <= m["start"] and m["end"] <= hi), None)
            if m:
                out[a["id"]] = (m["start"], m["end"])
    return out


def _envelope(story: dict, c: dict, lo: int, hi: int, markup: str, evidence: dict | None) -> dict:
    art = story["article"]
    at = c.get("at")
    return {
        "id": f"EVENTWIRE-GOLD-{art['id'][:12]}-{c['record_id']}",
        "date": art.get("date"),
        "text": " ".join(story["article"]["text"][lo:hi].split()),
        "textInfo": {"markup": markup, "start": lo, "end": hi, "evidence": evidence},
        "language": art.get("language") or "en",
        "publication": art.get("outlet") or art.get("title") or art.get("source"),
        "coder": c.get("who"),
        "version": f"eventwire {__version__}",
        "dateCoded": str(at)[:10] if at else None,
        "articleId": art["id"],
        "recordId": c["record_id"],
        "corrections": [],
    }


def _event_record(story: dict, event: dict, c: dict, kind: str = "event") -> dict:
    text = story["article"]["text"]
    ev = event.get("evidence") or {}
    trig = event.get("trigger") or ev
    lo, hi = _sentence(story, ev.get("start", 0), ev.get("end", 0))
    src, tgt = list(event.get("source") or []), list(event.get("target") or [])
    marks = [(trig["start"], trig["end"], "EVT")] if trig else []
    src_m, tgt_m = _mentions_in(story, src, lo, hi), _mentions_in(story, tgt, lo, hi)
    for aid, (s, e) in src_m.items():
        marks.append((s, e, "SRC/TAR" if aid in tgt_m and tgt_m[aid] == (s, e) else "SRC"))
    for aid, (s, e) in tgt_m.items():
        if src_m.get(aid) != (s, e):
            marks.append((s, e, "TAR"))
    rec = _envelope(story, c, lo, hi, _markup(text, lo, hi, marks), ev or None)
    place = next((p for p in story.get("places", []) if p["id"] == event.get("place")), None)
    rec.update({
        "kind": kind,
        "date": event.get("date") or rec["date"],
        "source": [_actor(story, i) for i in src],
        "target": [_actor(story, i) for i in tgt],
        "event": event["type"] if kind == "event" else "NONE",
        "eventText": (trig or {}).get("text"),
        "context": ", ".join(event.get("context") or []),
        "mode": event.get("mode") or "",
        **({"eventLoc": {"name": place["name"]}} if place else {}),
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
    })
    if kind == "not_event":
        rec["codedAs"] = event["type"]
        rec["comment"] = f"not an event: the coder had {event['type']} here"
    return rec


def _speaker_record(story: dict, quote: dict, c: dict) -> dict:
    text = story["article"]["text"]
    content = quote.get("content") or []
    q_lo = content[0]["start"] if content else 0
    q_hi = content[-1]["end"] if content else 0
    lo, hi = _sentence(story, q_lo, q_hi)
    marks = [(x["start"], x["end"], "QUOTE") for x in content]
    if quote.get("speaker"):
        m = _mentions_in(story, [quote["speaker"]], lo, hi)
        if quote["speaker"] in m:
            marks.append((*m[quote["speaker"]], "SRC"))
    rec = _envelope(story, c, lo, hi, _markup(text, lo, hi, marks),
                    {"start": q_lo, "end": q_hi, "text": text[q_lo:q_hi]} if content else None)
    rec.update({"kind": "speaker", "event": None, "eventText": None, "context": "", "mode": "", "target": [],
                "source": [_actor(story, quote["speaker"])] if quote.get("speaker") else [],
                "comment": "the speaker of a quote" if quote.get("speaker") else "a quote whose speaker is unknown"})
    return rec


def gold_records(store) -> list[dict]:
    """Every corrected record of the store, as it stands now, in the PLOVER gold-record layout."""
    corrections = store.corrections(limit=None)
    by_record: dict[tuple, list[dict]] = {}
    for c in corrections:
        by_record.setdefault((c["article_id"], c["kind"], c["record_id"]), []).append(c)
    stories: dict[str, dict] = {}
    out = []
    for (aid, kind, rid), cs in by_record.items():
        story = stories.get(aid) or store.get_story(aid)
        if story is None:
            continue
        stories[aid] = story
        last = cs[-1]
        current = next((r for r in story.get(kind + "s", []) if r["id"] == rid), None)
        if kind == "event":
            if current is not None:
                rec = _event_record(story, current, last)
            elif last["action"] == "not_event" and last.get("before"):
                rec = _event_record(story, last["before"], last, kind="not_event")
            else:
                continue
        elif current is not None:
            rec = _speaker_record(story, current, last)
        else:
            continue
        rec["corrections"] = [{"id": c["id"], "action": c["action"], "who": c["who"], "at": str(c["at"]),
                               "changes": c["changes"]} for c in cs]
        out.append(rec)
    return out


def write_gold(store, out: str | Path) -> int:
    records = gold_records(store)
    Path(out).write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(records)


# -- scoring the pipeline against them ---------------------------------------------------------------------


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(gold: list[tuple[int, int]], found: list[tuple[int, int]]) -> dict[int, int]:
    """One-to-one: gold index -> found index, greatest overlap first."""
    pairs = sorted(((_overlap(g, f), i, j) for i, g in enumerate(gold) for j, f in enumerate(found)
                    if _overlap(g, f) > 0), key=lambda p: (-p[0], p[1], p[2]))
    out, used = {}, set()
    for _, i, j in pairs:
        if i not in out and j not in used:
            out[i] = j
            used.add(j)
    return out


def _names(story: dict, ids: list[str]) -> list[str]:
    names = {a["id"]: a["name"] for a in story.get("actors", [])}
    return sorted({names.get(i, i).casefold() for i in ids or []})


def _gold_names(side: list[dict]) -> list[str]:
    return sorted({(a.get("actorText") or a.get("actorId") or "").casefold() for a in side})


def evaluate(store, pipeline=None, *, records: list[dict] | None = None) -> dict:
    """Code each corrected article afresh and score the pipeline against its gold records."""
    from .model import Article

    records = gold_records(store) if records is None else records
    if not records:
        raise InputError("the store has no corrections to evaluate against: correct some records first "
                         "(`eventwire serve --db FILE --allow-edits`)")
    if pipeline is None:
        from .pipeline import Pipeline

        pipeline = Pipeline()
    fields = ("text", "id", "title", "date", "url", "outlet", "language", "source", "date_source")
    counts = {"events": 0, "events_found": 0, "type_correct": 0, "dyad_correct": 0, "not_events": 0,
              "not_events_still_coded": 0, "speakers": 0, "speakers_found": 0, "speaker_correct": 0}
    details = []
    by_article: dict[str, list[dict]] = {}
    for r in records:
        by_article.setdefault(r["articleId"], []).append(r)
    for aid, recs in by_article.items():
        stored = store.get_story(aid)
        art = stored["article"]
        story = pipeline.code_article(Article(**{k: art.get(k) for k in fields if k in art})).to_dict()
        events = story.get("events", [])
        ev_spans = [(e["evidence"]["start"], e["evidence"]["end"]) for e in events]
        gold_ev = [r for r in recs if r["kind"] == "event"]
        m = _match([(r["textInfo"]["evidence"]["start"], r["textInfo"]["evidence"]["end"]) for r in gold_ev], ev_spans)
        for i, r in enumerate(gold_ev):
            counts["events"] += 1
            got = events[m[i]] if i in m else None
            row = {"id": r["id"], "kind": "event", "gold": r["event"], "coded": got and got["type"]}
            if got:
                counts["events_found"] += 1
                row["type_ok"] = got["type"] == r["event"]
                row["dyad_ok"] = (_names(story, got.get("source")) == _gold_names(r["source"])
                                  and _names(story, got.get("target")) == _gold_names(r["target"]))
                counts["type_correct"] += row["type_ok"]
                counts["dyad_correct"] += row["dyad_ok"]
            details.append(row)
        for r in (r for r in recs if r["kind"] == "not_event"):
            counts["not_events"] += 1
            span = (r["textInfo"]["evidence"]["start"], r["textInfo"]["evidence"]["end"])
            still = [e["type"] for e, s in zip(events, ev_spans) if _overlap(span, s) > 0 and e["type"] == r["codedAs"]]
            counts["not_events_still_coded"] += bool(still)
            details.append({"id": r["id"], "kind": "not_event", "coded_as_before": r["codedAs"], "still_coded": bool(still)})
        quotes = story.get("quotes", [])
        q_spans = [(q["content"][0]["start"], q["content"][-1]["end"]) if q.get("content") else (0, 0) for q in quotes]
        gold_q = [r for r in recs if r["kind"] == "speaker" and r["textInfo"].get("evidence")]
        mq = _match([(r["textInfo"]["evidence"]["start"], r["textInfo"]["evidence"]["end"]) for r in gold_q], q_spans)
        for i, r in enumerate(gold_q):
            counts["speakers"] += 1
            got = quotes[mq[i]] if i in mq else None
            want = _gold_names(r["source"])
            row = {"id": r["id"], "kind": "speaker", "gold": want[0] if want else None}
            if got:
                counts["speakers_found"] += 1
                have = _names(story, [got["speaker"]] if got.get("speaker") else [])
                row["coded"] = have[0] if have else None
                row["speaker_ok"] = have == want
                counts["speaker_correct"] += row["speaker_ok"]
            details.append(row)

    def share(a, b):
        return round(counts[a] / counts[b], 3) if counts[b] else None

    summary = {
        "articles": len(by_article), **counts,
        "type_accuracy": share("type_correct", "events"), "dyad_accuracy": share("dyad_correct", "events"),
        "speaker_accuracy": share("speaker_correct", "speakers"),
        "not_event_agreement": (round(1 - counts["not_events_still_coded"] / counts["not_events"], 3)
                                if counts["not_events"] else None),
    }
    return {"summary": summary, "records": details}
