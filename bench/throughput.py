"""Throughput: eventwire end to end (files in, records stored) against spaCy's bare parse of the same text.

    python -m bench.throughput [--n 2000] [--workers N] [--no-ray]

One run, one machine, one corpus of N articles (default 2,000) generated at run time in a temporary folder by
``bench/corpus.py`` from the fiction samples (and the reference article from ../shared when present): each
article is a seeded variant of a base article, written as text, JSONL or HTML. Measured, in this order:

1. **Bare spaCy**: ``nlp.pipe`` over the paragraph pieces of all N articles, in one process, with the model
   and batch size eventwire uses. Articles per second on one core: the yardstick.
2. **Code path** (kept from the first version of this benchmark): ``Pipeline.code_many`` on a subset in one
   process against spaCy's bare parse of the same subset; the stage timings come from the same pass.
3. **Local engine**: ``eventwire.corpus.ingest`` of the folder into a new DuckDB store on all cores
   (reading, HTML extraction, checks, parse, every stage, MinHash, storing; dedup and clustering after).
   Articles per second, per core, and the peak memory (max RSS) of each worker.
4. **Ray engine**: the same ingest with ``engine="ray"`` on a local Ray instance with as many CPUs.

The headline ratios are end-to-end articles/s per core over bare spaCy articles/s on one core (wall clock),
and the same with CPU time instead of wall-clock time (articles per CPU second of the workers, model loading
included, plus the writer process, against spaCy's articles per CPU second), which holds still when other
work shares the machine. Writes bench/results/throughput.json.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.common import write_result


def bare_spacy(nlp, texts: list[str], batch_size: int) -> tuple[float, float]:
    """Wall-clock and CPU seconds for spaCy to parse the texts, paragraph piece by piece, as eventwire
    feeds it."""
    from eventwire.ingest import split_paragraphs
    from eventwire.nlp import chunks

    pieces = []
    for t in texts:
        paras = [(p.span.start, p.span.end) for p in split_paragraphs(t)]
        pieces += [t[s:e] for s, e in chunks(t, paras)]
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(pieces, batch_size=batch_size):
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def code_path(pipe, articles) -> dict:
    """Seconds of ``code_many`` on the articles, with the time of each stage; parse = the rest."""
    stage_s = {name: 0.0 for name, _ in pipe.stages}
    original = list(pipe.stages)

    def timed(name, run):
        def wrapper(story):
            t = time.perf_counter()
            try:
                return run(story)
            finally:
                stage_s[name] += time.perf_counter() - t
        return wrapper

    pipe.stages = [(name, timed(name, run)) for name, run in original]
    try:
        t0 = time.perf_counter()
        n = sum(1 for _ in pipe.code_many(articles))
        total = time.perf_counter() - t0
    finally:
        pipe.stages = original
    return {"articles": n, "seconds": total, "stages": stage_s}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles in the generated corpus")
    ap.add_argument("--subset", type=int, default=200, help="articles for the in-process code-path comparison")
    ap.add_argument("--workers", type=int, default=None, help="workers for the engines [all cores]")
    ap.add_argument("--no-ray", action="store_true", help="skip the Ray engine")
    args = ap.parse_args(argv)

    from bench.corpus import make_corpus
    from eventwire import Pipeline, dedup
    from eventwire.corpus import WRITE_BATCH, default_workers, ingest
    from eventwire.ingest.readers import read_articles
    from eventwire.store import Store

    workers = args.workers or default_workers()
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    formats = make_corpus(tmp / "corpus", args.n, include_shared=True)

    t0 = time.perf_counter()
    articles = [a for a in read_articles([tmp / "corpus"]) if hasattr(a, "text")]
    read_s = time.perf_counter() - t0
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    pipe = Pipeline()
    list(pipe.code_many(texts[:5]))  # warm up
    batch = pipe.config["batch_size"]

    spacy_s, spacy_cpu = bare_spacy(pipe.nlp, texts, batch)
    spacy_rate, spacy_cpu_rate = len(texts) / spacy_s, len(texts) / spacy_cpu

    sub = articles[: args.subset]
    sub_spacy_s, _ = bare_spacy(pipe.nlp, [a.text for a in sub], batch)
    path = code_path(pipe, sub)
    stage_sum = sum(path["stages"].values())
    dedup.signature(sub[0].text)  # warm up (first call imports and sets up)
    t0 = time.perf_counter()
    sigs = [dedup.signature(a.text) for a in sub]
    minhash_s = time.perf_counter() - t0
    stories = [s for s in pipe.code_many(sub) if hasattr(s, "to_dict")]
    with Store(tmp / "write.duckdb") as store:
        store.add_stories(stories[:1])  # warm up (first write imports pandas and arrow glue)
        t0 = time.perf_counter()
        for i in range(1, len(stories), WRITE_BATCH):
            store.add_stories([(s, sig) for s, sig in zip(stories[i:i + WRITE_BATCH], sigs[i:i + WRITE_BATCH])])
        store_s = time.perf_counter() - t0
    per_article_ms = {
        "read_and_extract": round(1000 * read_s / len(articles), 2),
        "parse": round(1000 * (path["seconds"] - stage_sum) / path["articles"], 2),
        **{f"stage {k}": round(1000 * v / path["articles"], 2) for k, v in path["stages"].items()},
        "minhash": round(1000 * minhash_s / len(sub), 2),
        "store_write": round(1000 * store_s / max(1, len(stories) - 1), 2),
    }
    del pipe, stories

    local = ingest([tmp / "corpus"], tmp / "local.duckdb", workers=workers, progress=False)
    local_rate = local.added / local.coding_seconds
    figures_ray = None
    if not args.no_ray:
        import ray

        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        try:
            rsum = ingest([tmp / "corpus"], tmp / "ray.duckdb", engine="ray", workers=workers, progress=False)
        finally:
            ray.shutdown()
        figures_ray = rsum

    e2e_per_core = local_rate / workers
    summary = {
        "articles": len(articles),
        "words": words,
        "cores": workers,
        "spacy_articles_per_s_1core": round(spacy_rate, 2),
        "local_articles_per_s": round(local_rate, 2),
        "local_articles_per_s_per_core": round(e2e_per_core, 2),
        "ratio_end_to_end_per_core_to_spacy": round(e2e_per_core / spacy_rate, 3),
        "spacy_articles_per_cpu_s": round(spacy_cpu_rate, 2),
        "local_articles_per_cpu_s": local.articles_per_cpu_s,
        "ratio_end_to_end_to_spacy_cpu_time": round(local.articles_per_cpu_s / spacy_cpu_rate, 3),
        "peak_mb_per_worker_local": local.peak_rss_mb_per_worker,
        "code_path_ratio_eventwire_to_spacy": round(sub_spacy_s / path["seconds"], 3),
    }
    if figures_ray is not None:
        ray_rate = figures_ray.added / figures_ray.coding_seconds
        summary["ray_articles_per_s"] = round(ray_rate, 2)
        summary["ray_articles_per_cpu_s"] = figures_ray.articles_per_cpu_s
        summary["peak_mb_per_worker_ray"] = figures_ray.peak_rss_mb_per_worker
    slowest = max(per_article_ms.items(), key=lambda kv: kv[1])
    figures = {
        "summary": summary,
        "corpus": {"how": "bench/corpus.py: seeded variants of the samples/ fiction articles (and the ../shared "
                          "reference article when present): countries, weekdays and numbers swapped, body "
                          "paragraphs shuffled or dropped, a numbered closing line; written as text, JSONL and HTML",
                   "formats": formats, "articles": len(articles), "words": words},
        "spacy": {"seconds": round(spacy_s, 2), "cpu_seconds": round(spacy_cpu, 2),
                  "articles_per_s": round(spacy_rate, 2), "words_per_s": round(words / spacy_s, 1)},
        "code_path": {"articles": path["articles"], "spacy_seconds": round(sub_spacy_s, 2),
                      "eventwire_seconds": round(path["seconds"], 2),
                      "ratio_eventwire_to_spacy": round(sub_spacy_s / path["seconds"], 3)},
        "per_article_ms": per_article_ms,
        "dominant_step": slowest[0],
        "local": local.to_dict(),
        "ray": figures_ray.to_dict() if figures_ray is not None else None,
        "same_counts_local_and_ray": (figures_ray.counts == local.counts) if figures_ray is not None else None,
        "load_average": os.getloadavg(),
        "command": "python -m bench.throughput" + (f" --n {args.n}" if args.n != 2000 else "")
                   + (" --no-ray" if args.no_ray else ""),
    }
    out = write_result("throughput", figures)
    for k, v in summary.items():
        print(f"{k:40} {v}")
    print("per article (ms):", per_article_ms)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
