"""Quote attribution on the PolNeAR dev and train splits, eventwire against the textacy baseline.

    python -m bench.quotes_polnear                          # dev and train, both systems (writes the results)
    python -m bench.quotes_polnear --split dev --limit 20   # the first 20 dev articles, while iterating
    python -m bench.quotes_polnear --split train --limit 100 --no-baseline --errors 30   # and the errors

Splits: ``dev`` (84 articles), ``train`` (840) and ``train_unseen``, the half of train that the learned
attribution gate (``eventwire/quotes/gate.py``, trained by ``python -m eventwire.train quotes``) never saw:
dev and train_unseen are the honest figures for the gate; ``train`` is in part what it learned from.

Gold: ``../shared/anchors/quotes/polnear/{dev,train}`` (BRAT standoff: Source, Cue, Content, joined by
Attribution relations; 84 and 840 articles). Articles annotated by several annotators are scored against the
first annotator (sorted by id). Articles are coded with their publication date from ``metadata.tsv``.

Predictions: eventwire's quote records, with records that share a cue merged into one (PolNeAR annotates one
attribution per cue: the quoted sentences under one "said McCormack" are one attribution).

Pairing, one-to-one: a prediction and a gold attribution pair when the prediction's content characters cover
at least half of the gold Content's characters (gold Content may be discontinuous; both sides are taken as
character sets); each gold and each prediction is paired at most once, best overlap first.

Figures, for each system, split and rule:
- recall: paired gold attributions / gold attributions;
- precision, **strict** (one-to-one): paired predictions / predictions. A fragment of a gold quote, or a
  second record over the same gold, is wrong;
- precision, **lenient** (the rule this benchmark used first): a prediction is right when at least half of
  its content characters lie in any gold Content, paired or not;
- **direct**: gold Contents whose words lie inside quotation marks; predicted quotes of kind ``direct``.
  Recall over gold direct, precision of predicted direct quotes against any gold attribution (a direct quote
  that pairs with a mixed gold Content is right);
- **all**: every gold attribution and every predicted quote;
- **speaker accuracy** on paired gold attributions with a gold Source (a gold Source that overlaps its own Cue
  or is only a cue word, an annotation slip such as Source="said", is left unscored for both systems): the
  predicted speaker span overlaps the gold Source, or an actor mention of the predicted speaker overlaps it, or
  the actor at the gold Source is the predicted speaker, or the gold Source text's last name word is in the
  speaker's name.

The baseline is ``textacy.extract.triples.direct_quotations`` on the same spaCy parse, paragraph by paragraph
(a paragraph with an odd number of quote marks makes textacy give up on that paragraph; it finds no indirect
speech).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import SHARED, write_result

POLNEAR = SHARED / "anchors" / "quotes" / "polnear"
SPLITS = {"dev": POLNEAR / "dev", "train": POLNEAR / "train", "train_unseen": POLNEAR / "train"}
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
        if re.match(r"T\d+\t", line):  # (a span text with a line break carries on on lines of its own)
            tid, info, stext = (line.split("\t") + ["", ""])[:3]
            label, _, offs = info.partition(" ")
            parts = [tuple(int(x) for x in p.split()) for p in offs.split(";")]
            spans[tid] = (label, parts, stext)
        elif re.match(r"E\d+\t", line):
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


def articles(split: str, limit: int | None = None):
    """(name, text, first annotator's .ann path) for the articles of a split, in name order."""
    root = SPLITS[split]
    texts = sorted((root / "text").glob("*.txt"))
    if split == "train_unseen":  # the half of train the attribution gate was not trained on
        from eventwire.quotes.train_gate import in_training

        texts = [t for t in texts if not in_training(t.stem)]
    anns: dict[str, list[Path]] = {}
    for a in sorted((root / "attributions").glob("*.ann")):
        anns.setdefault(a.name.rsplit("_", 1)[0], []).append(a)
    for t in texts[:limit] if limit else texts:
        mine = anns.get(t.stem)
        if mine:
            yield t.stem, t.read_text(encoding="utf-8"), mine[0]


def publication_dates() -> dict[str, str]:
    """Article name -> ISO publication date, from the PolNeAR ``metadata.tsv``."""
    path = POLNEAR / "metadata.tsv"
    if not path.exists():
        return {}
    out = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t") if lines else []
    if "filename" not in head or "publication_date" not in head:
        return {}
    fi, di = head.index("filename"), head.index("publication_date")
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(fi, di) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cols[di]):
            out[cols[fi]] = cols[di]
    return out


# -- systems --------------------------------------------------------------------------------------------
def textacy_quotes(nlp, text: str, story=None) -> list[Pred]:
    """textacy's direct quotations, paragraph by paragraph, on the story's parse when there is one."""
    from textacy.extract.triples import direct_quotations

    doc_all = getattr(story, "doc", None)
    out = []
    for para in re.finditer(r"[^\n]+", text):
        span = doc_all.char_span(para.start(), para.end(), alignment_mode="expand") if doc_all is not None \
            else None
        doc = span.as_doc() if span is not None else nlp(para.group())
        base = span[0].idx if span is not None and len(span) else para.start()
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # odd number of quote marks: textacy bails out on the paragraph
            continue
        by_cue: dict[tuple, Pred] = {}  # one attribution per cue, as for eventwire
        for sp, cue, content in triples:
            piece = (base + content.start_char, base + content.end_char)
            key = tuple(t.i for t in cue)
            if key in by_cue:
                by_cue[key].content.append(piece)
                by_cue[key].text += " | " + content.text
                continue
            by_cue[key] = Pred(
                content=[piece],
                direct=True,
                speaker_spans=[(base + t.idx, base + t.idx + len(t.text)) for t in sp],
                speaker_name=" ".join(t.text for t in sp),
                text=content.text,
            )
            out.append(by_cue[key])
    return out


def eventwire_quotes(story) -> list[Pred]:
    """eventwire's quotes as predictions. PolNeAR annotates one attribution per cue, so records that share a
    cue (quoted sentences under one "said McCormack", a quoted paragraph that carries on under the previous
    cue) are scored as one, with all their content; the merged record is direct only when all its parts are."""
    merged: list[tuple] = []
    by_cue: dict[tuple[int, int], int] = {}
    for q in story.quotes:
        key = (q.cue.start, q.cue.end)
        if key in by_cue:
            first, content, direct = merged[by_cue[key]]
            merged[by_cue[key]] = (first, content + q.content, direct and q.kind == "direct")
        else:
            by_cue[key] = len(merged)
            merged.append((q, list(q.content), q.kind == "direct"))
    out = []
    for q, content, direct in merged:
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
        out.append(Pred([(c.start, c.end) for c in content], direct, spans, ids, name,
                        " | ".join(c.text for c in content)))
    return out


# -- scoring --------------------------------------------------------------------------------------------
def match(golds: list[Gold], preds: list[Pred]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) where the prediction covers half the gold characters, best
    overlap first (``eventwire.quotes.train_gate.pair_contents``, the pairing the quote gate is trained on)."""
    from eventwire.quotes.train_gate import pair_contents

    return pair_contents([g.chars for g in golds], [p.chars for p in preds])


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


KEYS = ("gold", "hit", "pred", "ok_pred", "ok_pred_strict", "spk", "spk_ok")


class Tally:
    """Counts for one system on one split: recall and speaker accuracy on one-to-one pairs; precision both
    lenient (half of the prediction in any gold content) and strict (the prediction is paired with a gold
    attribution of its own)."""

    def __init__(self):
        self.n = {f"{k}_{g}": 0 for k in KEYS for g in ("direct", "all")}
        self.misses: list[str] = []
        self.false: list[str] = []
        self.unpaired: list[str] = []
        self.wrong_speaker: list[str] = []

    def add(self, text: str, golds: list[Gold], preds: list[Pred], story=None, name=""):
        pairs = match(golds, preds)
        by_gold = dict(pairs)
        paired = {pi for _, pi in pairs}
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
            n["ok_pred_strict_all"] += pi in paired
            n["ok_pred_strict_direct"] += pi in paired and p.direct
            if not right:
                self.false.append(f"{name} FALSE {'D' if p.direct else 'I'} {p.text[:150]!r} <- {p.speaker_name}")
            elif pi not in paired:
                self.unpaired.append(f"{name} UNPAIRED {'D' if p.direct else 'I'} {p.text[:150]!r} <- "
                                     f"{p.speaker_name}")
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
        """{"lenient": {"direct": {...}, "all": {...}}, "strict": {...}}."""
        n = self.n

        def div(a, b):
            return round(a / b, 3) if b else 0.0

        out = {}
        for rule, ok in (("lenient", "ok_pred"), ("strict", "ok_pred_strict")):
            out[rule] = {}
            for k in ("direct", "all"):
                p = div(n[f"{ok}_{k}"], n[f"pred_{k}"])
                r = div(n[f"hit_{k}"], n[f"gold_{k}"])
                out[rule][k] = {"precision": p, "recall": r, "f1": div(2 * p * r, p + r) if p + r else 0.0,
                                "speaker_accuracy": div(n[f"spk_ok_{k}"], n[f"spk_{k}"]),
                                "gold": n[f"gold_{k}"], "predicted": n[f"pred_{k}"], "matched": n[f"hit_{k}"]}
        return out


def run_split(pipe, split: str, limit: int | None, baseline: bool, errors: int) -> dict:
    """Code and score one split; print its table; return its figures."""
    from eventwire.model import Article, Story

    ours, base = Tally(), Tally()
    docs = list(articles(split, limit))
    dates = publication_dates()
    t0 = time.time()
    stories = pipe.code_many([Article(text=text, source=name, date=dates.get(name)) for name, text, _ in docs])
    coded = []
    for (name, text, ann), story in zip(docs, stories):
        golds = load_gold(ann, text)
        preds = eventwire_quotes(story) if isinstance(story, Story) else []
        ours.add(text, golds, preds, story if isinstance(story, Story) else None, name)
        coded.append((name, text, golds, story))
    t_ours = time.time() - t0
    t_base = 0.0
    if baseline:
        t0 = time.time()
        for name, text, golds, story in coded:
            base.add(text, golds, textacy_quotes(pipe.nlp, text, story), None, name)
        t_base = time.time() - t0
    fo, fb = ours.figures(), base.figures()
    print(f"\nPolNeAR {split}, {len(docs)} articles{' (limited)' if limit else ''}")
    print(f"{'':26}{'eventwire':>10}{'':>8}{'textacy':>10}{'':>8}")
    print(f"{'':26}{'strict':>10}{'lenient':>8}{'strict':>10}{'lenient':>8}")
    for k in ("direct", "all"):
        for m in ("precision", "recall", "f1", "speaker_accuracy", "gold", "predicted", "matched"):
            row = [fo["strict"][k][m], fo["lenient"][k][m]]
            row += [fb["strict"][k][m], fb["lenient"][k][m]] if baseline else ["-", "-"]
            print(f"{k + ' ' + m:26}{row[0]:>10}{row[1]:>8}{row[2]:>10}{row[3]:>8}")
    if errors:
        for label, items in (("misses", ours.misses), ("false alarms", ours.false),
                             ("unpaired (in gold content, no attribution of their own)", ours.unpaired),
                             ("speakers", ours.wrong_speaker)):
            print(f"\n# {label} ({len(items)})")
            for line in items[:errors]:
                print(line)
    return {"articles": len(docs), "eventwire": fo, "textacy": fb if baseline else None,
            "seconds": {"eventwire": round(t_ours, 1), "textacy": round(t_base, 1)}}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=("dev", "train", "train_unseen", "both"), default="both",
                    help="which split(s) to score (both: dev, train and train_unseen)")
    ap.add_argument("--limit", type=int, default=None, help="score only the first N articles of each split")
    ap.add_argument("--errors", type=int, default=0, help="print up to N errors of each kind for eventwire")
    ap.add_argument("--no-baseline", action="store_true", help="skip the textacy baseline (iterating only)")
    args = ap.parse_args(argv)
    splits = ["dev", "train", "train_unseen"] if args.split == "both" else [args.split]
    baseline = not args.no_baseline
    if baseline:
        try:
            import textacy  # noqa: F401
        except ImportError:
            print("textacy is not installed (pip install textacy==0.13.0): no baseline, no results file",
                  file=sys.stderr)
            baseline = False
    for split in splits:
        if not (SPLITS[split] / "text").exists():
            sys.exit(f"PolNeAR {split} split not found at {SPLITS[split]}")

    import eventwire

    # only the stages quotes need: the benchmark measures quotes, not the stages after them
    stages = [n for n in eventwire.settings.DEFAULTS["stages"] if n.split(".")[0] in ("actors", "quotes")]
    pipe = eventwire.Pipeline(stages=stages)
    results = {split: run_split(pipe, split, args.limit, baseline, args.errors) for split in splits}
    if args.limit is None and baseline and args.split == "both":
        summary = {}
        for split in splits:
            fo, fb = results[split]["eventwire"], results[split]["textacy"]
            summary.update({
                f"{split}_direct_f1": fo["strict"]["direct"]["f1"],
                f"{split}_direct_f1_lenient": fo["lenient"]["direct"]["f1"],
                f"{split}_direct_speaker_accuracy": fo["strict"]["direct"]["speaker_accuracy"],
                f"{split}_all_f1": fo["strict"]["all"]["f1"],
                f"{split}_all_f1_lenient": fo["lenient"]["all"]["f1"],
                f"{split}_all_speaker_accuracy": fo["strict"]["all"]["speaker_accuracy"],
                f"{split}_textacy_direct_f1": fb["strict"]["direct"]["f1"],
                f"{split}_textacy_all_f1": fb["strict"]["all"]["f1"],
            })
        path = write_result("quotes", {
            "command": "python -m bench.quotes_polnear",
            "data": "PolNeAR v1.0.0 dev and train splits (../shared/anchors/quotes/polnear/{dev,train})",
            "scoring": "strict: one-to-one (records sharing a cue merged, each gold and each prediction paired "
                       "at most once); lenient: a prediction is right when half of it lies in any gold content",
            "summary": summary,
            **results,
        })
        print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
