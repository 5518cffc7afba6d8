"""Event types on three PLOVER-labelled sets side by side, with the sentence classifier off and on.

    python -m bench.events_plover [--show SET] [--no-classifier] [--confusion]
        [--sets plover_dev,ngec_stories,ngec_headlines,own_nonpolitical,own_police]

The sets (read from ``../shared``, never copied):

- ``plover_dev``: ``anchors/plover/gold_standard_records/PLOVER_GSR_CAMEO.dev.json``, one-sentence examples
  written for the CAMEO manual, labelled with an older PLOVER category set and mapped to PLOVER 2.0 as the issue
  says (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT); DOCUMENT records skipped.
  The gold names the event words (``eventText``): a predicted event counts only if its trigger is one of them.
- ``ngec_stories``: the lead sentence of each NGEC synthetic story whose headline template is in the fixed
  held-out split (``eventwire.train.heldout``: SHA-1 of the template, one in five), i.e. never trained on.
- ``ngec_headlines``: the headlines (countries filled in) of the same held-out stories, each distinct one once.
- ``own_police``: our own sentences of police action in regional news (``tests/data/police.txt``), each with one
  class: KILL, ARREST or FORCE. A sentence is predicted ARREST when it codes COERCE with the arrest mode, KILL
  when it codes ASSAULT and names a death (kill, dead, death, died, murder, lynch, gunned down), FORCE when it codes ASSAULT otherwise;
  the figure is the macro F1 of the three classes, as written and lower-cased (``_lower``).
- ``own_nonpolitical``: our own sport, weather, business, science, health, culture and entertainment sentences
  (``tests/data/nonpolitical.txt``), which report no event: ``1 - no_event_share`` is the share coding one
  (the bar is 0.05).

Scoring is one-to-one: each sentence has one gold event; at most one predicted event (one of the gold type whose
trigger overlaps the gold event words, where the gold gives them) matches it.
- recall: matched sentences / sentences;
- precision: matched events / all predicted events (negated and hypothetical ones included);
- no_event: share of sentences where nothing is coded;
- mode agreement: on matched sentences whose gold gives a mode that PLOVER 2.0 allows for the gold type (older
  and NGEC mode names mapped to the manual's, ``MODE_MAP``), the share where the matched event has that mode;
- plover_dev only: source and target country agreement on matched sentences. Gold codes that are ISO alpha-3
  (after fixing JAP, ITL, VTN) must meet a predicted actor of that country; a gold side coded only IGO/NGO/IMG
  agrees with a predicted actor that has no country. Sides the gold leaves empty are not scored.

Writes ``bench/results/events.json`` (figures and record ids only, never the gold texts). ``--show SET`` prints
that set's misses and wrong types for error analysis; ``--confusion`` prints each type's recall and precision and
the commonest gold -> predicted confusions per set.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from .common import SHARED, write_result

GOLD = SHARED / "anchors" / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.dev.json"
TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
CODE_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NON_COUNTRY = {"IGO", "NGO", "IMG", "ISM", "MNC", ""}
# Mode names of the older PLOVER records and of NGEC -> the PLOVER 2.0 manual's ("assassinate" is part of
# "targeted"; COERCE and THREATEN "restrict" include banning; CONSULT "visit" has the host as recipient).
MODE_MAP = {"assassinate": "targeted", "detain": "arrest", "confiscate": "seize", "demo-org": "demo",
            "demo-spon": "demo", "riot-org": "riot", "riot-spon": "riot", "strike-gen": "strike", "ban": "restrict",
            "host": "visit"}
STAGES = ["actors.rules.v1", "quotes.rules.v1", "events.rules.v1"]
SETS = ("plover_dev", "ngec_stories", "ngec_headlines", "own_nonpolitical", "own_police")
NONPOLITICAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "nonpolitical.txt"
POLICE = Path(__file__).resolve().parent.parent / "tests" / "data" / "police.txt"
POLICE_CLASSES = ("KILL", "ARREST", "FORCE")
DEATH = re.compile(r"\b(kill\w*|dead|death|died|murder\w*|lynch\w*|gunned down)\b", re.I)
WORD = re.compile(r"[\w']+")


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


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text or "")}


def load_gold() -> list[dict]:
    """The PLOVER dev records (``gold`` type mapped to PLOVER 2.0, ``words`` the gold event words)."""
    records = json.loads(GOLD.read_text(encoding="utf-8"))
    out = []
    for r in records:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        out.append({**r, "gold": TYPE_MAP.get(r["event"], r["event"]), "words": _words(r.get("eventText")),
                    "mode": gold_mode(TYPE_MAP.get(r["event"], r["event"]), r.get("mode"))})
    return out


def gold_mode(etype: str, raw) -> str:
    """A gold record's mode as PLOVER 2.0 names it, or "" when it gives none the type allows."""
    from eventwire.events.ontology import event_types

    mode = (raw or "").strip().lower()
    mode = MODE_MAP.get(mode, mode)
    info = event_types().get(etype)
    return mode if info is not None and mode in info.modes else ""


def load_ngec() -> tuple[list[dict], list[dict]]:
    """(story leads, headlines) of the held-out NGEC stories."""
    import spacy

    from eventwire.train import headline_of, lead_sentence, ngec_stories

    sentencizer = spacy.blank("en")
    sentencizer.add_pipe("sentencizer")
    leads, heads, seen = [], [], set()
    for i, s in enumerate(ngec_stories(SHARED)):
        if not s["heldout"]:
            continue
        lead = lead_sentence(s["text"], sentencizer)
        if lead:
            leads.append({"id": f"ngec-{i}", "text": lead, "gold": s["type"], "words": set(),
                          "mode": gold_mode(s["type"], s["mode"])})
        head = headline_of(s["prompt"])
        if head and head not in seen:
            seen.add(head)
            heads.append({"id": f"ngec-{i}-headline", "text": head, "gold": s["type"], "words": set(),
                          "mode": gold_mode(s["type"], s["mode"])})
    return leads, heads


def load_sets(names=SETS) -> dict[str, list[dict]]:
    out = {}
    if "plover_dev" in names and GOLD.exists():
        out["plover_dev"] = load_gold()
    if "own_nonpolitical" in names and NONPOLITICAL.exists():
        rows = [line.split("|", 1) for line in NONPOLITICAL.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
        out["own_nonpolitical"] = [{"id": f"nonpolitical-{i}", "text": text.strip(), "gold": "NONE", "words": set()}
                                   for i, (_, text) in enumerate(rows)]
    if "own_police" in names and POLICE.exists():
        rows = [line.split("|", 1) for line in POLICE.read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
        out["own_police"] = [{"id": f"police-{i}", "text": text.strip(), "gold": cls, "words": set()}
                             for i, (cls, text) in enumerate(rows)]
    if {"ngec_stories", "ngec_headlines"} & set(names):
        leads, heads = load_ngec()
        if "ngec_stories" in names:
            out["ngec_stories"] = leads
        if "ngec_headlines" in names:
            out["ngec_headlines"] = heads
    return out


def _matches(e, r) -> bool:
    if e.type != r["gold"]:
        return False
    if not r["words"]:
        return True
    return bool(e.trigger is not None and _words(e.trigger.text) & r["words"])


def score(nlp, records: list[dict], show: bool = False) -> dict:
    t0 = time.time()
    hits = predicted = silent = 0
    src_agree = src_n = tgt_agree = tgt_n = mode_agree = mode_n = 0
    per_mode = defaultdict(lambda: [0, 0])
    per_type = defaultdict(lambda: [0, 0])
    typed = defaultdict(lambda: [0, 0])  # predicted type -> [events matching their sentence's gold, events]
    confusion = Counter()
    missed = []
    for r in records:
        story = nlp.code(r["text"], date=r.get("date"))
        events = story.events
        gold = r["gold"]
        per_type[gold][1] += 1
        predicted += len(events)
        silent += not events
        good = [e for e in events if _matches(e, r)]
        for e in events:
            typed[e.type][1] += 1
            typed[e.type][0] += _matches(e, r)
            if e.type != gold:
                confusion[(gold, e.type)] += 1
        if good:
            hits += 1
            per_type[gold][0] += 1
            best = max(good, key=lambda e: e.confidence)
            if r.get("mode"):
                mode_n += 1
                mode_agree += best.mode == r["mode"]
                per_mode[f"{gold}/{r['mode']}"][0] += best.mode == r["mode"]
                per_mode[f"{gold}/{r['mode']}"][1] += 1
                if show and best.mode != r["mode"]:
                    print(f"MODE {r['id']} {gold} gold {r['mode']} got {best.mode}: {r['text']}", file=sys.stderr)
            for side, ids, acc in (("source", best.source, "s"), ("target", best.target, "t")):
                a = _agree(r.get(side), story, ids)
                if a is None:
                    continue
                if acc == "s":
                    src_n += 1
                    src_agree += a
                else:
                    tgt_n += 1
                    tgt_agree += a
                if show and a is False:
                    print(f"{side.upper()} {r['id']}: {r['text']}\n   gold {r.get(side)}\n   got  "
                          f"{[(x.name, x.country) for x in map(story.actor, ids) if x]}", file=sys.stderr)
        else:
            missed.append(r["id"])
            if show:
                print(f"MISS {r['id']} {gold} [{r.get('eventText', '')}]: {r['text']}\n   got "
                      f"{[(e.type, e.trigger.text if e.trigger else '') for e in events]}", file=sys.stderr)
        if show and good:
            for e in events:
                if e is not max(good, key=lambda x: x.confidence):
                    print(f"EXTRA {r['id']} {gold}: {e.type} on {e.trigger.text if e.trigger else ''!r}: "
                          f"{r['text']}", file=sys.stderr)
    n = len(records)
    summary = {
        "sentences": n,
        "type_recall": round(hits / n, 3) if n else None,
        "type_precision": round(hits / predicted, 3) if predicted else None,
        "no_event_share": round(silent / n, 3) if n else None,
        "predicted_events": predicted,
        "mode_agreement": round(mode_agree / mode_n, 3) if mode_n else None,
        "mode_scored": mode_n,
    }
    if src_n or tgt_n:
        summary["source_country_agreement"] = round(src_agree / src_n, 3) if src_n else None
        summary["target_country_agreement"] = round(tgt_agree / tgt_n, 3) if tgt_n else None
        summary["scored_sides"] = {"source": src_n, "target": tgt_n}
    return {
        "summary": summary,
        "per_type_recall": {k: round(v[0] / v[1], 3) for k, v in sorted(per_type.items())},
        "per_type_count": {k: v[1] for k, v in sorted(per_type.items())},
        "per_type_precision": {k: round(v[0] / v[1], 3) for k, v in sorted(typed.items())},
        "per_type_predicted": {k: v[1] for k, v in sorted(typed.items())},
        "mode_agreement_by_gold_mode": {k: f"{v[0]}/{v[1]}" for k, v in sorted(per_mode.items())},
        "confusion_gold_to_predicted": {f"{g}->{p}": c for (g, p), c in confusion.most_common(15)},
        "missed_ids": missed if len(missed) <= 200 else len(missed),
        "seconds": round(time.time() - t0, 1),
    }


def police_classes(story) -> set[str]:
    """The police-action classes a coded sentence shows (see ``own_police``)."""
    out = set()
    for e in story.events:
        if e.type == "COERCE" and e.mode == "arrest":
            out.add("ARREST")
        elif e.type == "ASSAULT":
            out.add("KILL" if DEATH.search(e.evidence.text if e.evidence else "") else "FORCE")
    return out


def score_police(nlp, records: list[dict], show: bool = False) -> dict:
    """Macro F1 of KILL, ARREST and FORCE over the sentences as written and lower-cased."""
    out = {"sentences": len(records)}
    for lower in (False, True):
        tp, fp, fn = Counter(), Counter(), Counter()
        for r in records:
            got = police_classes(nlp.code(r["text"].lower() if lower else r["text"]))
            gold = r["gold"]
            if gold in got:
                tp[gold] += 1
            else:
                fn[gold] += 1
                if show:
                    print(f"MISS {r['id']} {gold}{' (lower)' if lower else ''}: {r['text']} got {sorted(got)}",
                          file=sys.stderr)
            for c in got - {gold}:
                fp[c] += 1
        f1 = {}
        for c in POLICE_CLASSES:
            p = tp[c] / (tp[c] + fp[c]) if tp[c] + fp[c] else 0.0
            rr = tp[c] / (tp[c] + fn[c]) if tp[c] + fn[c] else 0.0
            f1[c] = round(2 * p * rr / (p + rr), 3) if p + rr else 0.0
        key = "_lower" if lower else ""
        out[f"macro_f1{key}"] = round(sum(f1.values()) / len(f1), 3)
        out[f"f1{key}"] = f1
    return {"summary": out}


def run(names=SETS, classifier_modes=(False, True), show: str = "") -> dict:
    from eventwire import Pipeline
    from eventwire.events import classifier

    sets = load_sets(names)
    out: dict = {"sets": {}}
    for on in classifier_modes:
        if on and not classifier.available():
            out["classifier_on"] = "no shipped classifier model"
            continue
        nlp = Pipeline(stages=STAGES, event_classifier=on)
        key = "classifier_on" if on else "classifier_off"
        for name, records in sets.items():
            scorer = score_police if name == "own_police" else score
            out["sets"].setdefault(name, {})[key] = scorer(nlp, records, show=(show == name))
    out["table"] = {name: {k: v["summary"] for k, v in figs.items()} for name, figs in out["sets"].items()}
    out["summary"] = headline(out["table"])
    return out


def headline(table: dict) -> dict:
    """The flat figures the README table shows: per set, recall and precision with the classifier off and on
    (source-country agreement on PLOVER dev, the share coding any event on our non-political sentences)."""
    out = {}
    for name, row in table.items():
        for key, s in row.items():
            on = key.split("_")[-1]
            if name == "own_nonpolitical":
                out[f"{name}_share_coding_events_classifier_{on}"] = round(1 - s["no_event_share"], 3)
                continue
            if name == "own_police":
                out[f"{name}_macro_f1_classifier_{on}"] = s["macro_f1"]
                out[f"{name}_macro_f1_lower_classifier_{on}"] = s["macro_f1_lower"]
                continue
            out[f"{name}_recall_classifier_{on}"] = s["type_recall"]
            out[f"{name}_precision_classifier_{on}"] = s["type_precision"]
            if s.get("mode_agreement") is not None:
                out[f"{name}_mode_agreement_classifier_{on}"] = s["mode_agreement"]
            if "source_country_agreement" in s:
                out[f"{name}_source_country_classifier_{on}"] = s["source_country_agreement"]
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", default="", help="print that set's misses and wrong types to stderr")
    parser.add_argument("--sets", default=",".join(SETS), help="comma-separated sets to score")
    parser.add_argument("--no-classifier", action="store_true", help="score with the classifier off only")
    parser.add_argument("--confusion", action="store_true",
                        help="print per set the recall and precision of each type and the commonest confusions")
    args = parser.parse_args(argv)
    names = tuple(s for s in args.sets.split(",") if s)
    if not GOLD.exists():
        print(f"events_plover: {GOLD} is not here; nothing measured", file=sys.stderr)
        return 1
    modes = (False,) if args.no_classifier else (False, True)
    figures = {"command": "python -m bench.events_plover" + (" --no-classifier" if args.no_classifier else ""),
               "data": {"plover_dev": "anchors/plover/gold_standard_records/PLOVER_GSR_CAMEO.dev.json",
                        "ngec": "anchors/plover/ngec_assets (held-out templates: sha1(title) % 5 == 0)"},
               **run(names, modes, args.show)}
    if set(names) == set(SETS):
        path = write_result("events", figures)
        print(f"wrote {path}")
    for name, row in figures["table"].items():
        for key, s in row.items():
            if name == "own_police":
                print(f"{name:15s} {key:15s} n={s['sentences']:4d} macro F1 {s['macro_f1']} lower-cased "
                      f"{s['macro_f1_lower']}")
                continue
            extra = f" mode {s['mode_agreement']} of {s['mode_scored']}" if s.get("mode_agreement") is not None else ""
            extra += f" src {s.get('source_country_agreement')}" if "source_country_agreement" in s else ""
            print(f"{name:15s} {key:15s} n={s['sentences']:4d} recall {s['type_recall']} precision "
                  f"{s['type_precision']} none {s['no_event_share']}{extra}")
    if args.confusion:
        print_confusion(figures["sets"])
    return 0


def print_confusion(sets: dict) -> None:
    """Per set (the last classifier setting scored): each type's gold count, recall, predicted events and
    precision, then the commonest gold -> predicted confusions."""
    for name, figs in sets.items():
        f = figs.get("classifier_on") or figs.get("classifier_off")
        if not f or "per_type_recall" not in f:
            continue
        print(f"\n{name}: type, gold n, recall, predicted, precision")
        for t in sorted(set(f["per_type_recall"]) | set(f["per_type_predicted"])):
            print(f"  {t:10s} {f['per_type_count'].get(t, 0):4d} {f['per_type_recall'].get(t, 0):6.3f} "
                  f"{f['per_type_predicted'].get(t, 0):5d} {f['per_type_precision'].get(t, 0):6.3f}")
        print("  confusions (gold->predicted): " + ", ".join(
            f"{k} {v}" for k, v in f["confusion_gold_to_predicted"].items()))


if __name__ == "__main__":
    raise SystemExit(main())
