"""Event coding against the PLOVER gold standard records (development half).

    python -m bench.events_plover [--show] [--fast]

Reads ``../shared/anchors/plover/gold_standard_records/PLOVER_GSR_CAMEO.dev.json``: one-sentence examples written
for the CAMEO manual, labelled with an older PLOVER category set, mapped to PLOVER 2.0 as the issue says
(DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT); DOCUMENT records are skipped.

Per sentence:
- recall: some predicted event has the gold type;
- precision: the share of all predicted events (negated and hypothetical ones included) whose type is the
  sentence's gold type;
- on matched sentences (the most confident event of the gold type): source and target country agreement.
  Gold codes that are ISO alpha-3 (after fixing the few non-ISO ones: JAP, ITL, VTN) must meet a predicted
  actor of that country; a gold side coded only IGO/NGO/IMG agrees with a predicted actor that has no
  country. Sides the gold leaves empty are not scored.

Writes ``bench/results/events.json`` (figures and record ids only, never the gold texts). ``--show`` prints the
misses and wrong types for error analysis.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict

from .common import SHARED, write_result

GOLD = SHARED / "anchors" / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.dev.json"
TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODE_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NON_COUNTRY = {"IGO", "NGO", "IMG", "ISM", "MNC", ""}
STAGES = ["actors.rules.v1", "quotes.rules.v1", "events.rules.v1"]


def _codes(side) -> tuple[set[str], bool]:
    """(ISO country codes, whether the side names any actor) of a gold source or target."""
    if not side or isinstance(side, str):
        return set(), False
    out, named = set(), False
    for a in side:
        code = (a.get("code") or "").strip().upper()
        if not code:
            continue
        named = True
        code = CODE_FIX.get(code, code)
        if code not in NON_COUNTRY and len(code) == 3:
            out.add(code)
    return out, named


def _agree(gold_side, story, ids) -> bool | None:
    gold, named = _codes(gold_side)
    if not named:
        return None
    actors = [story.actor(i) for i in ids]
    countries = {a.country for a in actors if a is not None and a.country}
    if gold:
        return bool(countries & gold)
    return bool(actors) and not countries


def load_gold() -> list[dict]:
    records = json.loads(GOLD.read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        out.append({**r, "gold": TYPE_MAP.get(r["event"], r["event"])})
    return out


def run(show: bool = False, fast: bool = False) -> dict:
    from eventwire import Pipeline

    records = load_gold()
    nlp = Pipeline(stages=STAGES, fast=fast)
    t0 = time.time()
    hits = 0
    predicted = correct = 0
    src_agree = src_n = tgt_agree = tgt_n = 0
    per_type = defaultdict(lambda: [0, 0])
    confusion = Counter()
    missed, wrong = [], []
    conf_pairs: list[tuple[float, bool]] = []
    for r in records:
        story = nlp.code(r["text"], date=r.get("date"))
        events = story.events
        gold = r["gold"]
        per_type[gold][1] += 1
        predicted += len(events)
        good = [e for e in events if e.type == gold]
        for e in events:
            conf_pairs.append((e.confidence, e.type == gold))
        correct += len(good)
        for e in events:
            if e.type != gold:
                confusion[(gold, e.type)] += 1
        if good:
            hits += 1
            per_type[gold][0] += 1
            best = max(good, key=lambda e: e.confidence)
            a = _agree(r.get("source"), story, best.source)
            if a is not None:
                src_n += 1
                src_agree += a
            a = _agree(r.get("target"), story, best.target)
            if a is not None:
                tgt_n += 1
                tgt_agree += a
            if show and (a is False):
                print(f"TARGET {r['id']}: {r['text']}\n   gold {r.get('target')}\n   got  "
                      f"{[(x.name, x.country) for x in map(story.actor, best.target) if x]}", file=sys.stderr)
            sa = _agree(r.get("source"), story, best.source)
            if show and sa is False:
                print(f"SOURCE {r['id']}: {r['text']}\n   gold {r.get('source')}\n   got  "
                      f"{[(x.name, x.country) for x in map(story.actor, best.source) if x]}", file=sys.stderr)
        else:
            missed.append(r["id"])
            if show:
                print(f"MISS {r['id']} {gold} [{r.get('eventText')}]: {r['text']}\n   got "
                      f"{[(e.type, e.trigger.text if e.trigger else '') for e in events]}", file=sys.stderr)
        if show:
            for e in events:
                if e.type != gold and good:
                    print(f"EXTRA {r['id']} {gold}: {e.type} on {e.trigger.text if e.trigger else ''!r}: "
                          f"{r['text']}", file=sys.stderr)
        if any(e.type != gold for e in events):
            wrong.append(r["id"])
    n = len(records)
    seconds = time.time() - t0
    summary = {
        "sentences": n,
        "type_recall": round(hits / n, 3) if n else None,
        "type_precision": round(correct / predicted, 3) if predicted else None,
        "source_country_agreement": round(src_agree / src_n, 3) if src_n else None,
        "target_country_agreement": round(tgt_agree / tgt_n, 3) if tgt_n else None,
        "predicted_events": predicted,
    }
    confident = [ok for c, ok in conf_pairs if c >= 0.7]
    right = [c for c, ok in conf_pairs if ok]
    wrong_c = [c for c, ok in conf_pairs if not ok]
    calibration = {
        "precision_confidence_ge_0.7": round(sum(confident) / len(confident), 3) if confident else None,
        "share_of_events_confidence_ge_0.7": round(len(confident) / len(conf_pairs), 3) if conf_pairs else None,
        "mean_confidence_right_type": round(sum(right) / len(right), 3) if right else None,
        "mean_confidence_wrong_type": round(sum(wrong_c) / len(wrong_c), 3) if wrong_c else None,
    }
    return {
        "command": "python -m bench.events_plover" + (" --fast" if fast else ""),
        "confidence": calibration,
        "summary": summary,
        "data": str(GOLD.relative_to(SHARED.parent)) if GOLD.is_relative_to(SHARED.parent) else str(GOLD),
        "scored_sides": {"source": src_n, "target": tgt_n},
        "per_type_recall": {k: round(v[0] / v[1], 3) for k, v in sorted(per_type.items())},
        "per_type_count": {k: v[1] for k, v in sorted(per_type.items())},
        "confusion_gold_to_predicted": {f"{g}->{p}": c for (g, p), c in confusion.most_common(20)},
        "missed_ids": missed,
        "seconds": round(seconds, 1),
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print misses and wrong types to stderr")
    parser.add_argument("--fast", action="store_true", help="code with the fast setting (no vector fallback)")
    args = parser.parse_args(argv)
    if not GOLD.exists():
        print(f"events_plover: {GOLD} is not here; nothing measured", file=sys.stderr)
        return 1
    figures = run(show=args.show, fast=args.fast)
    path = write_result("events", figures)
    print(json.dumps(figures["summary"], indent=2))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
