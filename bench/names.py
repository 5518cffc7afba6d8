"""Robustness to unfamiliar names: the roles and PLOVER dev benchmarks again, with every person name replaced.

    python -m bench.names

The held-out sets name other people than the development sets, and a name the knowledge base, the tagger or
the entity recogniser has never seen must not cost an event or its source. Each set is scored twice on the same
pipeline: as it is, and with each spaCy ``PERSON`` entity replaced by a name drawn (seeded) from ``FIRST`` and
``LAST`` below, made-up or rare names that no list of the repository knows (one word for a one-word name, a
first name and a surname otherwise). The gap between the two is the figure to close.

- roles: the ConfliBERT train sentences (``bench.roles``), the tags of a replaced name carried over to the new
  words; source and target F1, swaps, sides F1;
- PLOVER dev (``bench.events_plover``): only the sentences with a person, type recall and precision and
  source/target country agreement.

The replaced texts live in memory (roles: a temporary file, deleted) and are never written to the repository.
The recogniser also labels a few places and groups ``PERSON`` ("Basilan", "Abu Sayyaf"); they are replaced
too, which costs some figures that have nothing to do with people (on PLOVER dev about half the country losses
are such: "Bangladeshi", "Karen guerrilla", "Bosnian Serbs" read as names). A known person's country comes from
the knowledge base; an unfamiliar one's only from a title ("Israeli President X"), so some country gap stays. Writes bench/results/names.json.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from pathlib import Path

from bench.common import write_result

SEED = 1
FIRST = ["Tomas", "Amara", "Kelechi", "Ingrid", "Farid", "Lucia", "Dmitri", "Oyelaran", "Nadia", "Pedro", "Halvard",
         "Sunita"]
LAST = ["Verhoeven", "Okafor", "Brannigan", "Szabo", "Maltravers", "Oduya", "Quintanilla", "Haddad", "Lindqvist",
        "Vanterpool", "Rautio", "Castellanos"]


def _new_name(rng: random.Random, words: int) -> list[str]:
    return [rng.choice(LAST)] if words == 1 else [rng.choice(FIRST), rng.choice(LAST)]


def swapped_conll(nlp, text: str, rng: random.Random) -> str:
    """The ConfliBERT file (token and tag per line, blank line between sentences) with person names replaced;
    a replaced name keeps the tag of its first token, its later words continue it (``I-``)."""
    out = []
    for block in text.split("\n\n"):
        pairs = [line.rsplit(" ", 1) for line in block.splitlines() if line.strip()]
        if not pairs:
            continue
        toks, tags = [t for t, _ in pairs], [g for _, g in pairs]
        doc = nlp(" ".join(toks))
        starts, pos = [], 0
        for t in toks:
            starts.append(pos)
            pos += len(t) + 1
        rep = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            idx = [i for i, s in enumerate(starts) if ent.start_char <= s < ent.end_char]
            if idx:
                rep[idx[0]] = (idx, _new_name(rng, len(idx)))
        new_toks, new_tags, i = [], [], 0
        while i < len(toks):
            if i in rep:
                idx, name = rep[i]
                tag = tags[idx[0]]
                for k, word in enumerate(name):
                    new_toks.append(word)
                    new_tags.append(tag if k == 0 or tag == "O" else "I-" + tag[2:])
                i = idx[-1] + 1
            else:
                new_toks.append(toks[i])
                new_tags.append(tags[i])
                i += 1
        out.append("\n".join(f"{a} {b}" for a, b in zip(new_toks, new_tags)))
    return "\n\n".join(out) + "\n"


def swapped_text(nlp, text: str, rng: random.Random) -> str | None:
    """A sentence with its person names replaced, or None when it names no person."""
    ents = [e for e in nlp(text).ents if e.label_ == "PERSON"]
    if not ents:
        return None
    for e in reversed(ents):
        text = text[:e.start_char] + " ".join(_new_name(rng, len(e))) + text[e.end_char:]
    return text


def roles_figures(pipeline, items) -> dict:
    from bench.roles import Tally, _hits, predicted, sides

    tally, side_n = Tally(), {"pred": 0, "right": 0, "gold": 0, "found": 0}
    for text, gold in items:
        story = pipeline.code(text)
        tally.add(predicted(story), gold)
        sd = sides(story)
        side_n["pred"] += len(sd)
        side_n["right"] += sum(_hits(p, gold["R"]) for p in sd)
        side_n["gold"] += len(gold["R"])
        side_n["found"] += sum(_hits(g, sd) for g in gold["R"])
    f = tally.figures()
    p = side_n["right"] / side_n["pred"] if side_n["pred"] else 0.0
    r = side_n["found"] / side_n["gold"] if side_n["gold"] else 0.0
    return {"source_f1": f["source"]["f1"], "source_precision": f["source"]["precision"],
            "source_recall": f["source"]["recall"], "target_f1": f["target"]["f1"],
            "target_precision": f["target"]["precision"], "target_recall": f["target"]["recall"],
            "swap_rate": f["swap_rate"], "sides_f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def main(argv=None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=SEED, help="seed of the name draws")
    args = ap.parse_args(argv)
    import eventwire
    from bench import roles
    from bench.events_plover import GOLD, load_gold, score

    pipeline = eventwire.Pipeline()
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    figures: dict = {"command": "python -m bench.names", "seed": args.seed}
    if roles.DATA.exists():
        fd, tmp = tempfile.mkstemp(suffix=".txt")
        os.close(fd)
        try:
            Path(tmp).write_text(swapped_conll(pipeline.nlp, roles.DATA.read_text(encoding="utf-8"), rng),
                                 encoding="utf-8")
            swapped = list(roles.sentences(Path(tmp)))
        finally:
            os.unlink(tmp)
        figures["roles"] = {"original": roles_figures(pipeline, roles.sentences()),
                            "names_replaced": roles_figures(pipeline, swapped)}
    if GOLD.exists():
        recs, alt = [], []
        for r in load_gold():
            s = swapped_text(pipeline.nlp, r["text"], rng)
            if s is not None:
                recs.append(r)
                alt.append({**r, "text": s})
        keys = ("type_recall", "type_precision", "source_country_agreement", "target_country_agreement")
        figures["plover_dev_with_a_person"] = {
            "sentences": len(recs),
            "original": {k: v for k, v in score(pipeline, recs)["summary"].items() if k in keys},
            "names_replaced": {k: v for k, v in score(pipeline, alt)["summary"].items() if k in keys}}
    figures["seconds"] = round(time.perf_counter() - t0, 1)
    summary = {}  # the headline figures, as the original / with names replaced
    for name, keys in (("roles", ("source_f1", "target_f1")),
                       ("plover_dev_with_a_person", ("type_recall", "source_country_agreement",
                                                     "target_country_agreement"))):
        for k in keys if name in figures else ():
            summary[f"{name}_{k}"] = figures[name]["original"][k]
            summary[f"{name}_{k}_names_replaced"] = figures[name]["names_replaced"][k]
    figures = {"command": figures.pop("command"), "summary": summary, **figures}
    for name in ("roles", "plover_dev_with_a_person"):
        if name in figures:
            for version in ("original", "names_replaced"):
                print(f"{name:25s} {version:15s} " + " ".join(f"{k} {v}" for k, v in figures[name][version].items()))
    write_result("names", figures)
    return figures


if __name__ == "__main__":
    main()
