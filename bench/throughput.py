"""Words per second of the whole ``code`` path against spaCy's bare parse of the same text, in one run.

    python -m bench.throughput [--repeat N]

Corpus: the sample articles in samples/ plus the reference article from ../shared when it is there, each
repeated N times (default 40). Both sides parse the same paragraphs with the same model; eventwire adds
input checks, layout, and every stage. Writes bench/results/throughput.json.
"""

from __future__ import annotations

import argparse
import time

from bench.common import ROOT, SHARED, write_result


def corpus(repeat: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    ref = SHARED / "examples" / "karzai-omar.txt"
    if ref.exists():
        texts.append(ref.read_text(encoding="utf-8"))
    return texts * repeat


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=40)
    args = ap.parse_args(argv)

    from eventwire import Pipeline
    from eventwire.ingest import split_paragraphs
    from eventwire.nlp import chunks

    texts = corpus(args.repeat)
    words = sum(len(t.split()) for t in texts)
    pipe = Pipeline()
    nlp = pipe.nlp
    list(pipe.code_many(texts[:5]))  # warm up both

    pieces = []
    for t in texts:
        paras = [(p.span.start, p.span.end) for p in split_paragraphs(t)]
        pieces += [t[s:e] for s, e in chunks(t, paras)]
    t0 = time.perf_counter()
    for _ in nlp.pipe(pieces, batch_size=pipe.config["batch_size"]):
        pass
    spacy_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    n = sum(1 for _ in pipe.code_many(texts))
    ew_s = time.perf_counter() - t0

    figures = {
        "articles": n,
        "words": words,
        "spacy_words_per_s": round(words / spacy_s, 1),
        "eventwire_words_per_s": round(words / ew_s, 1),
        "eventwire_articles_per_s": round(n / ew_s, 2),
        "ratio_eventwire_to_spacy": round(spacy_s / ew_s, 3),
        "command": "python -m bench.throughput --repeat %d" % args.repeat,
    }
    path = write_result("throughput", figures)
    for k, v in figures.items():
        print(f"{k:28} {v}")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
