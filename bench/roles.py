"""Who did it to whom: source and target actors against the ConfliBERT actor-role sentences.

    python -m bench.roles                 # every sentence of ../shared/anchors/roles/conflibert/train.txt
    python -m bench.roles --limit 200     # a quick look
    python -m bench.roles --show misses   # gold vs predicted spans of each sentence with a miss (to the screen)

Scoring follows the data's README (the same way as the held-out check): each sentence is coded alone; a
predicted source (target) mention is right when it overlaps a gold ``S`` (``T``) span; recall is the share
of gold spans overlapped by some predicted mention of the same role; a role swap is a predicted source that
overlaps only a gold ``T`` span, or a predicted target that overlaps only a gold ``S`` span.
The data also marks the sides of reciprocal events ("X met Y", "X and Y agreed") as ``R``, which the README does
not score; eventwire gives such events no source or target phrases but ``side_phrases``
(``eventwire/events/reciprocal.py``), scored against ``R`` as ``eventwire_sides``.

A predicted mention is the phrase in which an event names its source (target): the event's
``source_phrases`` (``target_phrases``), the whole noun phrase around each argument's actor mention ("the
head of rights group X" around "head"; ``eventwire/events/phrases.py``), as the data marks participants by
whole phrases. The actor mentions themselves (``source_spans`` / ``target_spans``, one per actor at the words
the argument was read from) are reported beside it as ``eventwire_argument_mentions``, and the older
convention, every mention of the event's source (target) actors inside the event's evidence (which also
counts "its" in "Germany has reinforced its commitment" as a source mention), as ``eventwire_actor_mentions``.
Each distinct span counts once per role. Besides the README's overlap figures, ``one_to_one`` gives precision
and recall under a one-to-one matching of predicted and gold spans (a gold span is credited to one prediction
only). The baseline, under the same conventions and on the same parse, is the PETRARCH-style "subject is the
source, object is the target" rule on each sentence's root verb.

The data also codes comments that PLOVER has no type for (CAMEO 01, public statements, which eventwire leaves
out: ``data/plover/cameo_crosswalk.tsv``): "X expressed concern / condolences / pessimism about Y", "X said it is
skeptical of Y", "X said they hoped Y ...", with the commenter as ``S`` and what the comment is about as ``T``.
The coder gives such a sentence no event, so no source or target, by design. They stay in the headline figures
(the held-out check scores every sentence); ``in_plover_scope`` gives the same figures without them, a sentence
being such a comment when an attitude word follows a gold source (or side) span closely (``COMMENT``).

Writes bench/results/roles.json.
"""

from __future__ import annotations

import argparse
import re
import time

from bench.common import SHARED, write_result

DATA = SHARED / "anchors" / "roles" / "conflibert" / "train.txt"


# A comment PLOVER has no type for, read right after the commenter's gold span: "expressed (deep) concern",
# "voiced hope", "is offering his condolences", "said it is skeptical", "says he is pessimistic", "said they hoped"
COMMENT = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:"
    r"(?:express|voice|convey|offer|extend)\w*\s+(?:\w+\s+){0,3}(?:concerns?|condolences|sympathy|optimism|"
    r"pessimism|hopes?|"
    r"surprise|scepticism|skepticism|regret)"
    r"|(?:is|are|was|were)\s+(?:\w+\s+)?(?:skeptical|sceptical|pessimistic|optimistic|hopeful)"
    r"|hoped|hopes|expects)\b", re.I)


def comment(text: str, gold: dict) -> bool:
    """Whether the gold roles of a sentence are those of a comment with no PLOVER type (``COMMENT`` right after
    a gold source or side span)."""
    return any(COMMENT.match(text[e:e + 80]) for _s, e in gold["S"] + gold["R"])


def sentences(path=DATA):
    """(text, {"S": [(start, end)], "T": [...]}) per sentence; tokens joined by single spaces. The file also
    tags a few spans ``R``, which its README does not define; they are read and not scored."""
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        pairs = [line.rsplit(" ", 1) for line in block.splitlines() if line.strip()]
        if not pairs:
            continue
        text, spans, pos, open_ = "", {"S": [], "T": [], "R": []}, 0, None
        for tok, tag in pairs:
            text += ("" if not text else " ") + tok
            start = len(text) - len(tok)
            pos = len(text)
            if tag.startswith("B-") or (tag.startswith("I-") and (open_ is None or open_[0] != tag[2:])):
                if open_:
                    spans[open_[0]].append((open_[1], open_[2]))
                open_ = [tag[2:], start, pos]
            elif tag.startswith("I-"):
                open_[2] = pos
            else:
                if open_:
                    spans[open_[0]].append((open_[1], open_[2]))
                open_ = None
        if open_:
            spans[open_[0]].append((open_[1], open_[2]))
        yield text, spans


def predicted(story, kind: str = "phrases") -> dict[str, set]:
    """Where each event names its source and target actors: the phrases (``source_phrases`` /
    ``target_phrases``), or with ``kind="spans"`` the actor mentions (``source_spans`` / ``target_spans``)."""
    out = {"S": set(), "T": set()}
    for ev in story.events:
        for role, key in (("S", f"source_{kind}"), ("T", f"target_{kind}")):
            for sp in ev.attrs.get(key, ()):
                out[role].add((sp["start"], sp["end"]))
    return out


def sides(story) -> set:
    """Where reciprocal events name their sides (``side_phrases``: "X met Y", "X and Y agreed")."""
    return {(sp["start"], sp["end"]) for ev in story.events for sp in ev.attrs.get("side_phrases", ())}


def side_figures(n: dict) -> dict:
    """Precision, recall and F1 of side phrases against the gold ``R`` spans (the data's reciprocal participants)."""
    p = n["right"] / n["pred"] if n["pred"] else 0.0
    r = n["found"] / n["gold"] if n["gold"] else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, **n}


def actor_mentions(story) -> dict[str, set]:
    """Mentions of each event's source and target actors inside the event's evidence."""
    out = {"S": set(), "T": set()}
    actors = {a.id: a for a in story.actors}
    for ev in story.events:
        lo, hi = ev.evidence.start, ev.evidence.end
        for role, ids in (("S", ev.source), ("T", ev.target)):
            for aid in ids:
                a = actors.get(aid)
                for m in (a.mentions if a else []):
                    if m.start < hi and lo < m.end:
                        out[role].add((m.start, m.end))
    return out


def baseline(doc) -> dict[str, set]:
    """Subject of the root verb is the source, its object (or first prepositional object) the target."""
    out = {"S": set(), "T": set()}
    for sent in doc.sents:
        root = sent.root
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                out["S"].add((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
        obj = next((c for c in root.children if c.dep_ in ("dobj", "attr")), None)
        if obj is None:
            prep = next((c for c in root.children if c.dep_ == "prep"), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if obj is not None:
            out["T"].add((obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge.text)))
    return out


def _hits(span, golds) -> bool:
    return any(span[0] < e and s < span[1] for s, e in golds)


def matched(preds, golds) -> int:
    """The size of a largest one-to-one matching of overlapping predicted and gold spans."""
    owner: dict = {}

    def place(p, seen) -> bool:
        for g in golds:
            if g in seen or not _hits(p, [g]):
                continue
            seen.add(g)
            if g not in owner or place(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(place(p, set()) for p in sorted(preds))


class Tally:
    def __init__(self):
        self.n = {r: {"pred": 0, "right": 0, "gold": 0, "found": 0, "swaps": 0, "matched": 0} for r in ("S", "T")}

    def add(self, pred: dict, gold: dict) -> None:
        for role, other in (("S", "T"), ("T", "S")):
            t = self.n[role]
            t["pred"] += len(pred[role])
            t["right"] += sum(_hits(p, gold[role]) for p in pred[role])
            t["swaps"] += sum(1 for p in pred[role] if _hits(p, gold[other]) and not _hits(p, gold[role]))
            t["gold"] += len(gold[role])
            t["found"] += sum(1 for g in gold[role] if _hits(g, pred[role]))
            t["matched"] += matched(pred[role], gold[role])

    def figures(self) -> dict:
        out = {}
        for role, name in (("S", "source"), ("T", "target")):
            t = self.n[role]
            p = t["right"] / t["pred"] if t["pred"] else 0.0
            r = t["found"] / t["gold"] if t["gold"] else 0.0
            m = t["matched"]
            p1 = m / t["pred"] if t["pred"] else 0.0
            r1 = m / t["gold"] if t["gold"] else 0.0
            out[name] = {"precision": round(p, 3), "recall": round(r, 3),
                         "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                         "one_to_one": {"precision": round(p1, 3), "recall": round(r1, 3),
                                        "f1": round(2 * p1 * r1 / (p1 + r1), 3) if p1 + r1 else 0.0}, **t}
        preds = self.n["S"]["pred"] + self.n["T"]["pred"]
        out["swap_rate"] = round((self.n["S"]["swaps"] + self.n["T"]["swaps"]) / preds, 3) if preds else 0.0
        return out


MISS_KINDS = ("no event coded ({role})", "event with no {role}", "{role} on other words",
              "{role} given as the other role")


def misses(story, pred: dict, gold: dict) -> dict[str, list[str]]:
    """Why each gold span no prediction of its role overlaps was missed: no event in the sentence, events but
    none with a source (target), a source (target) on other words, or the span given the other role."""
    out = {}
    for role, other, name in (("S", "T", "source"), ("T", "S", "target")):
        for g in gold[role]:
            if _hits(g, pred[role]):
                continue
            if not story.events:
                why = MISS_KINDS[0]
            elif _hits(g, pred[other]):
                why = MISS_KINDS[3]
            elif not pred[role]:
                why = MISS_KINDS[1]
            else:
                why = MISS_KINDS[2]
            out.setdefault(why.format(role=name), []).append(story.text[g[0]:g[1]])
    return out


def show(story, pred: dict, gold: dict, why: dict) -> None:
    """Gold against predicted spans of one sentence, with its events, printed to the screen only."""
    text = story.text
    spans = lambda xs: " | ".join(text[s:e] for s, e in sorted(xs)) or "-"
    print(f"\n{text}")
    print(f"  gold S: {spans(gold['S'])}\n  gold T: {spans(gold['T'])}")
    print(f"  ours S: {spans(pred['S'])}\n  ours T: {spans(pred['T'])}")
    for ev in story.events:
        print(f"  event {ev.type} at {ev.trigger.text!r}")
    for k, v in why.items():
        print(f"  miss: {k}: {' | '.join(v)}")


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only (0 = all)")
    ap.add_argument("--show", choices=("misses", "all"), help="print gold vs predicted spans per sentence "
                    "(misses: sentences with a missed or wrong span); the texts go to the screen, never to a file")
    args = ap.parse_args(argv)
    if not DATA.exists():
        raise SystemExit(f"bench.roles: {DATA} is not here")
    import eventwire

    nlp = eventwire.Pipeline()
    items = list(sentences())
    if args.limit:
        items = items[: args.limit]
    ours, spans, mentions, base, scoped = Tally(), Tally(), Tally(), Tally(), Tally()
    comments = 0
    why_counts: dict[str, int] = {}
    side_n = {"pred": 0, "right": 0, "gold": 0, "found": 0}
    t0 = time.perf_counter()
    for text, gold in items:
        story = nlp.code(text)
        pred = predicted(story)
        ours.add(pred, gold)
        if comment(text, gold):
            comments += 1
        else:
            scoped.add(pred, gold)
        why = misses(story, pred, gold)
        for k, v in why.items():
            why_counts[k] = why_counts.get(k, 0) + len(v)
        wrong = any(not _hits(p, gold[r]) for r in ("S", "T") for p in pred[r])
        if args.show == "all" or (args.show and (why or wrong)):
            show(story, pred, gold, why)
        spans.add(predicted(story, "spans"), gold)
        mentions.add(actor_mentions(story), gold)
        base.add(baseline(story.doc), gold)
        sd = sides(story)
        side_n["pred"] += len(sd)
        side_n["right"] += sum(_hits(p, gold["R"]) for p in sd)
        side_n["gold"] += len(gold["R"])
        side_n["found"] += sum(_hits(g, sd) for g in gold["R"])
    f, b, sp = ours.figures(), base.figures(), spans.figures()
    summary = {"sentences": len(items), "source_f1": f["source"]["f1"], "source_precision": f["source"]["precision"],
               "source_recall": f["source"]["recall"], "target_f1": f["target"]["f1"],
               "target_precision": f["target"]["precision"], "target_recall": f["target"]["recall"],
               "swap_rate": f["swap_rate"],
               # the same events scored on the actor mentions alone, not the phrases around them
               "mentions_source_f1": sp["source"]["f1"], "mentions_target_f1": sp["target"]["f1"],
               "baseline_source_f1": b["source"]["f1"], "baseline_target_f1": b["target"]["f1"]}
    summary["sides_f1"] = side_figures(side_n)["f1"]  # reciprocal events' sides against the gold R spans
    sc = scoped.figures()  # without the comments PLOVER has no type for
    summary.update({"in_plover_scope_sentences": len(items) - comments, "in_plover_scope_source_f1":
                    sc["source"]["f1"], "in_plover_scope_target_f1": sc["target"]["f1"]})
    figures = {"command": "python -m bench.roles", "summary": summary, "sentences": len(items), "eventwire": f,
               "eventwire_argument_mentions": spans.figures(), "eventwire_actor_mentions": mentions.figures(),
               "baseline_subject_object": base.figures(), "eventwire_sides": side_figures(side_n),
               "in_plover_scope": {"comments_set_aside": comments, **sc},
               "eventwire_misses": dict(sorted(why_counts.items())),
               "seconds": round(time.perf_counter() - t0, 1), "data": str(DATA.relative_to(SHARED))}
    for name in ("eventwire", "eventwire_argument_mentions", "eventwire_actor_mentions", "baseline_subject_object"):
        f = figures[name]
        print(f"{name:27s} source P {f['source']['precision']:.3f} R {f['source']['recall']:.3f} "
              f"F1 {f['source']['f1']:.3f} | target P {f['target']['precision']:.3f} R {f['target']['recall']:.3f} "
              f"F1 {f['target']['f1']:.3f} | swaps {f['swap_rate']:.3f} | one-to-one F1 source "
              f"{f['source']['one_to_one']['f1']:.3f} target {f['target']['one_to_one']['f1']:.3f}")
    sf = figures["eventwire_sides"]
    print(f"sides of reciprocal events vs gold R: P {sf['precision']:.3f} R {sf['recall']:.3f} F1 {sf['f1']:.3f}")
    print(f"without the {comments} comments PLOVER has no type for: source F1 {sc['source']['f1']:.3f} "
          f"target F1 {sc['target']['f1']:.3f} swaps {sc['swap_rate']:.3f}")
    print("missed gold spans: " + ", ".join(f"{k} {v}" for k, v in sorted(why_counts.items())))
    if not args.limit:
        write_result("roles", figures)
    return figures


if __name__ == "__main__":
    main()
