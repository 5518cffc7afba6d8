"""Analyst corrections: what one correction changes in a story, checked before anything is written.

A correction names an article, a record and an action:

- ``edit`` an event: any of ``type``, ``mode``, ``source``, ``target`` (lists of the article's actor ids),
  ``negated``, ``hypothetical``;
- ``not_event``: the event is not an event; it leaves the story (its last state is kept in the correction);
- ``add`` an event the pipeline missed, by its evidence span (character offsets) and the fields above;
- ``speaker``: a quote's speaker is another of the article's actors (or nobody: ``None``).

``apply(story, correction)`` changes a story dict in place and returns ``(before, after)``, the record as it
was and as it is now (``None`` for an added or a removed record). The store keeps every correction in its
``corrections`` table and applies them again to a story that is stored anew (``Store.add_stories``), so a
re-ingest never loses them. Corrected records carry ``"corrected": {"id", "by", "at", "action"}``.
"""

from __future__ import annotations

import copy
from typing import Any

from .errors import InputError

KINDS = {"event": ("edit", "not_event", "add"), "quote": ("speaker",)}
EVENT_FIELDS = ("type", "mode", "source", "target", "negated", "hypothetical")
ADDED_PREFIX = "ea"  # ids of events an analyst added: ea1, ea2, ...


def event_types() -> dict:
    from .events.ontology import event_types as types

    return types()


def check(story: dict, kind: str, action: str, record_id: str | None, changes: dict, evidence: dict | None) -> None:
    """Raise InputError (a 400 on the web) when the correction cannot apply to this story."""
    if kind not in KINDS:
        raise InputError(f"unknown record kind {kind!r}; corrections apply to: {', '.join(KINDS)}")
    if action not in KINDS[kind]:
        raise InputError(f"a {kind} correction is one of: {', '.join(KINDS[kind])}; got {action!r}")
    records = {r["id"]: r for r in story.get(kind + "s", [])}
    if action != "add" and record_id not in records:
        raise InputError(f"the article has no {kind} {record_id!r}")
    actors = {a["id"] for a in story.get("actors", [])}
    unknown = set(changes) - set(EVENT_FIELDS if kind == "event" else ("speaker",))
    if unknown:
        raise InputError(f"cannot change {', '.join(sorted(unknown))} of a {kind}")
    if kind == "quote":
        if "speaker" not in changes:
            raise InputError("a speaker correction needs 'speaker' (an actor id of the article, or null)")
        if changes["speaker"] is not None and changes["speaker"] not in actors:
            raise InputError(f"the article has no actor {changes['speaker']!r}")
        return
    if action == "edit" and not changes:
        raise InputError("an event edit changes at least one of: " + ", ".join(EVENT_FIELDS))
    etype = changes.get("type", records[record_id]["type"] if record_id in records else None)
    types = event_types()
    if action != "not_event":
        if etype not in types:
            raise InputError(f"{etype!r} is not a PLOVER event type")
        mode = changes.get("mode")
        if mode and mode not in types[etype].modes:
            allowed = ", ".join(types[etype].modes) or "none"
            raise InputError(f"{etype} has no mode {mode!r} (its modes: {allowed})")
    for side in ("source", "target"):
        if side in changes:
            ids = changes[side]
            if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
                raise InputError(f"{side} is a list of actor ids")
            missing = [i for i in ids if i not in actors]
            if missing:
                raise InputError(f"the article has no actor {missing[0]!r}")
    for flag in ("negated", "hypothetical"):
        if flag in changes and not isinstance(changes[flag], bool):
            raise InputError(f"{flag} is true or false")
    if action == "add":
        text = story["article"]["text"]
        if not evidence or not isinstance(evidence.get("start"), int) or not isinstance(evidence.get("end"), int):
            raise InputError("an added event needs its evidence span: start and end character offsets")
        s, e = evidence["start"], evidence["end"]
        if not 0 <= s < e <= len(text) or not text[s:e].strip():
            raise InputError(f"the span {s}-{e} is not words of the article (its text has {len(text)} characters)")
        if e - s > 2000:
            raise InputError("select the words of one event (at most 2,000 characters)")


def _scores(event: dict) -> None:
    """CAMEO code, quad class and Goldstein score for the event's (new) type and mode."""
    from .events.ontology import quad_and_score
    from .cameo import cameo_code

    event["cameo"] = cameo_code({"type": event["type"], "mode": event.get("mode")})
    quad, score = quad_and_score(event["type"], event.get("mode"))
    event["quad_class"], event["goldstein"] = quad, score


def apply(story: dict, c: dict) -> tuple[dict | None, dict | None]:
    """Apply correction ``c`` (a ``corrections`` row: kind, action, record_id, changes, after (the whole record,
    for ``add``), evidence_*, id, who, at) to
    ``story`` in place; return the record before and after. A correction whose record is gone (the article was
    coded afresh with other ids) is matched by its evidence span, else left out (``(None, None)``)."""
    kind, action = c["kind"], c["action"]
    mark = {"id": c.get("id"), "by": c.get("who"), "at": str(c.get("at") or ""), "action": action}
    records = story.setdefault(kind + "s", [])
    if action == "add":
        after = copy.deepcopy(c["after"])
        after["corrected"] = mark
        records[:] = [r for r in records if r["id"] != after["id"]] + [after]
        return None, after
    rec = _find(records, c)
    if rec is None:
        return None, None
    before = copy.deepcopy(rec)
    if action == "not_event":
        records.remove(rec)
        return before, None
    changes = c.get("changes") or {}
    if kind == "quote":
        rec["speaker"] = changes.get("speaker")
        rec["speaker_text"] = _actor_name(story, rec["speaker"]) if rec["speaker"] else rec.get("speaker_text")
    else:
        for k in EVENT_FIELDS:
            if k in changes:
                rec[k] = copy.deepcopy(changes[k])
        if "type" in changes or "mode" in changes:
            types = event_types()
            if rec.get("mode") and rec["type"] in types and rec["mode"] not in types[rec["type"]].modes:
                rec["mode"] = None  # the old mode does not fit the new type
            _scores(rec)
    rec["corrected"] = mark
    return before, copy.deepcopy(rec)


def _find(records: list[dict], c: dict) -> dict | None:
    for r in records:
        if r["id"] == c["record_id"]:
            return r
    span = (c.get("evidence_start"), c.get("evidence_end"))
    for r in records:
        ev = r.get("evidence") or (r.get("content") or [{}])[0]
        if (ev.get("start"), ev.get("end")) == span:
            return r
    return None


def _actor_name(story: dict, actor_id: str) -> str | None:
    return next((a["name"] for a in story.get("actors", []) if a["id"] == actor_id), None)


def new_event(story: dict, changes: dict, evidence: dict) -> dict:
    """The record of an event an analyst added over the words ``evidence`` (start, end)."""
    text = story["article"]["text"]
    taken = {e["id"] for e in story.get("events", [])}
    n = 1
    while f"{ADDED_PREFIX}{n}" in taken:
        n += 1
    s, e = evidence["start"], evidence["end"]
    while s < e and text[s].isspace():  # the words, without the spaces a selection may take along
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    event: dict[str, Any] = {
        "id": f"{ADDED_PREFIX}{n}", "type": changes["type"], "mode": changes.get("mode") or None, "context": [],
        "cameo": None, "source": list(changes.get("source") or []), "target": list(changes.get("target") or []),
        "negated": bool(changes.get("negated")), "hypothetical": bool(changes.get("hypothetical")),
        "date": story["article"].get("date"), "date_precision": "day" if story["article"].get("date") else None,
        "place": None, "evidence": {"start": s, "end": e, "text": text[s:e]}, "trigger": None, "confidence": 1.0,
        "quad_class": None, "goldstein": None, "quote": None, "attrs": {"added_by_analyst": True},
    }
    _scores(event)
    return event


def evidence_of(story: dict, kind: str, record_id: str | None, after: dict | None) -> dict | None:
    """The span a correction is about: the event's evidence, the quote's (first) content, or an added event's."""
    if after and after.get("evidence"):
        return after["evidence"]
    rec = next((r for r in story.get(kind + "s", []) if r["id"] == record_id), None)
    if rec is None:
        return None
    if kind == "event":
        return rec.get("evidence")
    content = rec.get("content") or []
    if not content:
        return None
    return {"start": content[0]["start"], "end": content[-1]["end"],
            "text": story["article"]["text"][content[0]["start"]:content[-1]["end"]]}
