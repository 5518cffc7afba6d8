"""Quote attribution on the PolNeAR development split, eventwire against the textacy baseline.

    python -m bench.quotes_polnear                 # the full dev split
    python -m bench.quotes_polnear --limit 20      # the first 20 articles, while iterating
    python -m bench.quotes_polnear --errors 30     # also print up to 30 misses and false alarms

Gold: ``../shared/anchors/quotes/polnear/dev`` (BRAT standoff: Source, Cue, Content, joined by Attribution
relations). Articles annotated by several annotators are scored against the first annotator (sorted by id).

Scoring, for each system:
- a predicted quote matches a gold attribution when its content characters cover at least half of the gold
  Content's characters (gold Content may be discontinuous; both sides are taken as character sets); each
  gold and each predicted quote is paired at most once, best overlap first (recall, speaker accuracy);
- a predicted quote is right (precision) when at least half of its content characters lie in gold Content;
- **direct**: gold Contents whose words lie inside quotation marks; predicted quotes of kind ``direct``.
  Recall over gold direct, precision of predicted direct quotes against any gold attribution (a direct quote
  that matches a mixed gold Content is right);
- **all**: every gold attribution and every predicted quote;
- **speaker accuracy** on matched pairs with a gold Source (a gold Source that overlaps its own Cue or is
  only a cue word, an annotation slip such as Source="said", is left unscored for both systems): the predicted speaker span overlaps the gold
  Source, or an actor mention of the predicted speaker overlaps it, or the actor at the gold Source is the
  predicted speaker, or the gold Source text's last name word is in the speaker's name.

The baseline is spaCy sm plus ``textacy.extract.triples.direct_quotations``, run paragraph by paragraph (a
paragraph with an odd number of quote marks makes textacy give up on that paragraph; it finds no
indirect speech).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import SHARED, write_result

DEV = SHARED / "anchors" / "quotes" / "polnear" / "dev"
QUOTE_CHARS = "\"“”„‟«»"
_WORD = re.compile(r"\w")
CUE_WORDS = {"said", "says", "say", "told", "added", "according to"}


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: tuple[int, int] | None
    source_text: str = ""
    direct: bool = False
    cue_text: str = ""

    @property
    def chars(self) -> set[int]:
        return {i for s, e in self.content for i in range(s, e)}


@dataclass
class Pred:
    content: list[tuple[int, int]]
    direct: bool
    speaker_spans: list[tuple[int, int]] = field(default_factory=list)
    speaker_ids: set = field(default_factory=set)
    speaker_name: str = ""
    text: str = ""

    @property
    def chars(self) -> set[int]:
        return {i for s, e in self.content for i in range(s, e)}


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Stretches between a pair of double quotation marks ("", “”, «», or two apostrophes), paragraph by
    paragraph (for gold 'direct')."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        opened = None
        for m in re.finditer(r"''|[\"“”«»]", para.group()):
            ch, pos = m.group(), para.start() + m.start()
            if opened is None:
                if ch in ("\"", "“", "«", "''"):
                    opened = pos
            elif ch in ("\"", "”", "»", "''"):
                out.append((opened, pos + 1))
                opened = None
        if opened is not None:  # a quote running on into the next paragraph
            out.append((opened, para.end()))
    return out


def is_direct(text: str, spans: list[tuple[int, int]], regions: list[tuple[int, int]]) -> bool:
    """Whether (nearly) every word character of the content lies inside quotation marks."""
    inside = total = 0
    for s, e in spans:
        for i in range(s, e):
            if _WORD.match(text[i]):
                total += 1
                if any(a <= i < b for a, b in regions):
                    inside += 1
    return total > 0 and inside >= 0.9 * total


def load_gold(path: Path, text: str) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            tid, info, stext = (line.split("\t") + [""])[:3]
            label, _, offs = info.partition(" ")
            parts = [tuple(int(x) for x in p.split()) for p in offs.split(";")]
            spans[tid] = (label, parts, stext)
        elif line.startswith("E"):
            rels.append(dict(a.split(":") for a in line.split("\t")[1].split()))
    regions = quoted_regions(text)
    out = []
    for r in rels:
        if "Content" not in r:
            continue
        content = spans[r["Content"]][1]
        src = spans.get(r.get("Source", ""), None)
        source = (src[1][0][0], src[1][-1][1]) if src else None
        cue_parts = spans[r["Cue"]][1] if r.get("Cue") in spans else []
        if source and (any(a < source[1] and source[0] < b for a, b in cue_parts)
                       or src[2].strip().lower() in CUE_WORDS):
            src, source = None, None  # a Source on a cue word ("said") is an annotation slip: unscored
        cue = spans.get(r.get("Cue", ""), None)
        out.append(Gold(content, source, src[2] if src else "", is_direct(text, content, regions),
                        cue[2] if cue else ""))
    return out


def articles(limit: int | None = None):
    texts = sorted((DEV / "text").glob("*.txt"))
    anns = sorted((DEV / "attributions").glob("*.ann"))
    for t in texts[:limit] if limit else texts:
        mine = [a for a in anns if a.name.rsplit("_", 1)[0] == t.stem]
        if mine:
            yield t.stem, t.read_text(encoding="utf-8"), mine[0]


# -- systems --------------------------------------------------------------------------------------------
def textacy_quotes(nlp, text: str) -> list[Pred]:
    from textacy.extract.triples import direct_quotations

    out = []
    for para in re.finditer(r"[^\n]+", text):
        doc = nlp(para.group())
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # odd number of quote marks: textacy bails out on the paragraph
            continue
        base = para.start()
        for sp, cue, content in triples:
            out.append(Pred(
                content=[(base + content.start_char, base + content.end_char)],
                direct=True,
                speaker_spans=[(base + t.idx, base + t.idx + len(t.text)) for t in sp],
                speaker_name=" ".join(t.text for t in sp),
                text=content.text,
            ))
    return out


def eventwire_quotes(story) -> list[Pred]:
    """eventwire's quotes as predictions. PolNeAR annotates one attribution per cue, so records that share a
    cue within one paragraph (quoted sentences under one "said McCormack") are scored as one, with all their
    content. (A quoted paragraph that follows with no cue of its own keeps its own record, as before.)"""
    from dataclasses import replace

    merged, by_cue = [], {}
    for q in story.quotes:
        para = story.paragraph_at(q.content[0].start)
        key = (q.cue.start, q.kind, para.span.start if para else None)
        if key in by_cue:
            first = merged[by_cue[key]]
            merged[by_cue[key]] = replace(first, content=first.content + q.content)
        else:
            by_cue[key] = len(merged)
            merged.append(q)
    out = []
    for q in merged:
        spans = []
        ids = set()
        name = q.speaker_text or ""
        if q.speaker_span:
            spans.append((q.speaker_span.start, q.speaker_span.end))
        actor = story.actor(q.speaker)
        if actor:
            ids.add(actor.id)
            name = actor.name
            spans.extend((m.start, m.end) for m in actor.mentions)
        out.append(Pred([(c.start, c.end) for c in q.content], q.kind == "direct", spans, ids, name,
                        " | ".join(c.text for c in q.content)))
    return out


# -- scoring --------------------------------------------------------------------------------------------
def match(golds: list[Gold], preds: list[Pred]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) where the prediction covers half the gold characters."""
    cands = []
    for gi, g in enumerate(golds):
        gc = g.chars
        if not gc:
            continue
        for pi, p in enumerate(preds):
            ov = len(gc & p.chars)
            if ov >= 0.5 * len(gc):
                cands.append((ov / len(gc), gi, pi))
    cands.sort(reverse=True)
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def speaker_ok(g: Gold, p: Pred, story=None) -> bool:
    s, e = g.source
    if any(a < e and s < b for a, b in p.speaker_spans):
        return True
    if story is not None and p.speaker_ids:
        actor = story.actor_at(s, e)
        if actor is not None and actor.id in p.speaker_ids:
            return True
    words = [w for w in re.findall(r"[A-Z][\w'-]+", g.source_text) if w.lower() not in ("the", "a", "an")]
    return bool(words) and bool(p.speaker_name) and words[-1] in p.speaker_name.split()


class Tally:
    def __init__(self):
        self.n = {k: 0 for k in ("gold_direct", "hit_direct", "pred_direct", "ok_pred_direct", "spk_direct",
                                 "spk_ok_direct", "gold_all", "hit_all", "pred_all", "ok_pred_all", "spk_all",
                                 "spk_ok_all")}
        self.misses: list[str] = []
        self.false: list[str] = []
        self.wrong_speaker: list[str] = []

    def add(self, text: str, golds: list[Gold], preds: list[Pred], story=None, name=""):
        pairs = match(golds, preds)
        by_gold = dict(pairs)
        n = self.n
        n["gold_all"] += len(golds)
        n["pred_all"] += len(preds)
        n["hit_all"] += len(pairs)
        n["gold_direct"] += sum(g.direct for g in golds)
        n["pred_direct"] += sum(p.direct for p in preds)
        gold_chars = set().union(*(g.chars for g in golds)) if golds else set()
        for pi, p in enumerate(preds):
            pc = p.chars
            right = bool(pc) and len(pc & gold_chars) >= 0.5 * len(pc)
            n["ok_pred_all"] += right
            n["ok_pred_direct"] += right and p.direct
            if not right:
                self.false.append(f"{name} FALSE {'D' if p.direct else 'I'} {p.text[:150]!r} <- {p.speaker_name}")
        for gi, g in enumerate(golds):
            c = " | ".join(text[s:e] for s, e in g.content)
            if gi not in by_gold:
                self.misses.append(f"{name} MISS {'D' if g.direct else 'I'} [{g.cue_text}] {c[:150]!r} <- "
                                   f"{g.source_text}")
                continue
            p = preds[by_gold[gi]]
            if g.direct:
                n["hit_direct"] += 1
            if g.source is None:
                continue
            ok = speaker_ok(g, p, story)
            n["spk_all"] += 1
            n["spk_ok_all"] += ok
            if g.direct:
                n["spk_direct"] += 1
                n["spk_ok_direct"] += ok
            if not ok:
                self.wrong_speaker.append(f"{name} SPEAKER {'D' if g.direct else 'I'} gold={g.source_text!r} "
                                          f"pred={p.speaker_name!r} {c[:80]!r}")

    def figures(self) -> dict:
        n = self.n

        def div(a, b):
            return round(a / b, 3) if b else 0.0

        out = {}
        for k in ("direct", "all"):
            p = div(n[f"ok_pred_{k}"], n[f"pred_{k}"])
            r = div(n[f"hit_{k}"], n[f"gold_{k}"])
            out[k] = {"precision": p, "recall": r, "f1": div(2 * p * r, p + r) if p + r else 0.0,
                      "speaker_accuracy": div(n[f"spk_ok_{k}"], n[f"spk_{k}"]),
                      "gold": n[f"gold_{k}"], "predicted": n[f"pred_{k}"], "matched": n[f"hit_{k}"]}
        return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind for eventwire")
    ap.add_argument("--no-baseline", action="store_true", help="skip the textacy baseline (iterating only)")
    args = ap.parse_args(argv)
    if not DEV.exists():
        sys.exit(f"PolNeAR dev split not found at {DEV}")

    import eventwire
    from eventwire.model import Article

    # only the stages quotes need: the benchmark measures quotes, not the stages after them
    stages = [n for n in eventwire.settings.DEFAULTS["stages"] if n.split(".")[0] in ("actors", "quotes")]
    pipe = eventwire.Pipeline(stages=stages)
    ours, base = Tally(), Tally()
    docs = list(articles(args.limit))
    t0 = time.time()
    stories = pipe.code_many([Article(text=text, source=name) for name, text, _ in docs])
    for (name, text, ann), story in zip(docs, stories):
        ours.add(text, load_gold(ann, text), eventwire_quotes(story), story, name)
    t_ours = time.time() - t0
    t_base = 0.0
    if not args.no_baseline:
        t0 = time.time()
        for name, text, ann in docs:
            base.add(text, load_gold(ann, text), textacy_quotes(pipe.nlp, text), None, name)
        t_base = time.time() - t0

    fo, fb = ours.figures(), base.figures()
    print(f"PolNeAR dev, {len(docs)} articles")
    print(f"{'':24}{'eventwire':>12}{'textacy':>12}")
    for k in ("direct", "all"):
        for m in ("precision", "recall", "f1", "speaker_accuracy", "gold", "predicted", "matched"):
            print(f"{k + ' ' + m:24}{fo[k][m]:>12}{fb[k][m] if not args.no_baseline else '-':>12}")
    for label, items in (("misses", ours.misses), ("false alarms", ours.false), ("speakers", ours.wrong_speaker)):
        if args.errors:
            print(f"\n# {label} ({len(items)})")
            for line in items[: args.errors]:
                print(line)
    if args.limit is None and not args.no_baseline:
        path = write_result("quotes", {
            "command": "python -m bench.quotes_polnear",
            "data": "PolNeAR v1.0.0 dev split (../shared/anchors/quotes/polnear/dev)",
            "articles": len(docs),
            "summary": {
                "direct_f1": fo["direct"]["f1"],
                "direct_speaker_accuracy": fo["direct"]["speaker_accuracy"],
                "all_f1": fo["all"]["f1"],
                "all_speaker_accuracy": fo["all"]["speaker_accuracy"],
                "textacy_direct_f1": fb["direct"]["f1"],
                "textacy_direct_speaker_accuracy": fb["direct"]["speaker_accuracy"],
                "textacy_all_f1": fb["all"]["f1"],
            },
            "eventwire": fo,
            "textacy": fb,
            "seconds": {"eventwire": round(t_ours, 1), "textacy": round(t_base, 1)},
        })
        print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
