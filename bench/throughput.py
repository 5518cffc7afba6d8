"""Throughput on real news: eventwire end to end (files in, records stored) against spaCy's bare parse of the
same texts, in the same run.

    python -m bench.throughput [--texts DIR] [--subset 200] [--fiction 300] [--workers N] [--no-ray]

The corpus is the PolNeAR training split in ../shared (``anchors/quotes/polnear/train/text``: 840 political news
articles from 2016 written by others), read in place; ``--texts`` takes another folder of real articles.
Measured on it, in this order:

1. **Bare spaCy**: ``nlp.pipe`` over the paragraph pieces of every article, in one process, with the model and
   batch size eventwire uses. Articles per second on one core (wall clock), and per CPU second: the yardstick.
2. **Code path**: ``Pipeline.code_many`` on the first ``--subset`` articles in one process against spaCy's bare
   parse of the same subset, wall clock and CPU time; the stage timings come from the same pass.
3. **Local engine**: ``eventwire.corpus.ingest`` of the folder into a new DuckDB store on all cores (reading,
   checks, parse, every stage, MinHash, storing; dedup and clustering after). Articles per second, per core,
   per CPU second (workers, model loading included, plus the writer), and the peak memory of each worker.
4. **Ray engine**: the same ingest with ``engine="ray"`` on a local Ray instance with as many CPUs.

The headline ratios are end-to-end articles/s per core over bare spaCy articles/s on one core (wall clock), and
the same with CPU time instead of wall-clock time, which holds still when other work shares the machine.

A secondary line (``--fiction N``, 0 to skip) repeats the in-process code-path comparison on N generated variants
of the fiction samples (``bench/corpus.py``), the corpus this benchmark used before, so the two can be compared.
Writes bench/results/throughput.json.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench.common import SHARED, write_result

POLNEAR_TRAIN = SHARED / "anchors" / "quotes" / "polnear" / "train" / "text"


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
    """Wall-clock and CPU seconds of ``code_many`` on the articles, with the time of each stage; parse = the
    rest."""
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
        t0, c0 = time.perf_counter(), time.process_time()
        n = sum(1 for _ in pipe.code_many(articles))
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
    finally:
        pipe.stages = original
    return {"articles": n, "seconds": total, "cpu_seconds": cpu, "stages": stage_s}


def compare_code_path(pipe, articles) -> dict:
    """Bare spaCy and ``code_many`` on the same articles, in this process: seconds and both ratios."""
    spacy_s, spacy_cpu = bare_spacy(pipe.nlp, [a.text for a in articles], pipe.config["batch_size"])
    path = code_path(pipe, articles)
    return {"articles": path["articles"], "spacy_seconds": round(spacy_s, 2), "spacy_cpu_seconds": round(spacy_cpu, 2),
            "eventwire_seconds": round(path["seconds"], 2), "eventwire_cpu_seconds": round(path["cpu_seconds"], 2),
            "ratio_eventwire_to_spacy": round(spacy_s / path["seconds"], 3),
            "ratio_eventwire_to_spacy_cpu_time": round(spacy_cpu / path["cpu_seconds"], 3),
            "_path": path}


def fiction_line(pipe, n: int, tmp: Path) -> dict:
    """The code-path comparison on ``n`` generated fiction variants (the former corpus of this benchmark)."""
    from bench.corpus import make_corpus
    from eventwire.ingest.readers import read_articles

    formats = make_corpus(tmp / "fiction", n, include_shared=False)
    articles = [a for a in read_articles([tmp / "fiction"]) if hasattr(a, "text")]
    res = compare_code_path(pipe, articles)
    res.pop("_path")
    return {"how": "bench/corpus.py: seeded variants of the samples/ fiction articles, as text, JSONL and HTML; "
                   "in-process code path only", "formats": formats,
            "words": sum(len(a.text.split()) for a in articles), **res}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--texts", type=Path, default=None, help="folder of real articles [PolNeAR train in ../shared]")
    ap.add_argument("--subset", type=int, default=200, help="articles for the in-process code-path comparison")
    ap.add_argument("--fiction", type=int, default=300, help="fiction variants for the secondary line (0 = skip)")
    ap.add_argument("--workers", type=int, default=None, help="workers for the engines [all cores]")
    ap.add_argument("--no-ray", action="store_true", help="skip the Ray engine")
    args = ap.parse_args(argv)

    from eventwire import Pipeline, dedup
    from eventwire.corpus import WRITE_BATCH, default_workers, ingest
    from eventwire.ingest.readers import read_articles
    from eventwire.store import Store

    folder = args.texts or POLNEAR_TRAIN
    if not folder.is_dir():
        raise SystemExit(f"throughput: no folder of real articles at {folder} (../shared absent?); pass --texts DIR")
    workers = args.workers or default_workers()
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))

    t0 = time.perf_counter()
    articles = [a for a in read_articles([folder]) if hasattr(a, "text")]
    read_s = time.perf_counter() - t0
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    pipe = Pipeline()
    list(pipe.code_many(texts[:5]))  # warm up
    batch = pipe.config["batch_size"]

    spacy_s, spacy_cpu = bare_spacy(pipe.nlp, texts, batch)
    spacy_rate, spacy_cpu_rate = len(texts) / spacy_s, len(texts) / spacy_cpu

    sub = articles[: args.subset]
    sub_cmp = compare_code_path(pipe, sub)
    path = sub_cmp.pop("_path")
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
        "read": round(1000 * read_s / len(articles), 2),
        "parse": round(1000 * (path["seconds"] - stage_sum) / path["articles"], 2),
        **{f"stage {k}": round(1000 * v / path["articles"], 2) for k, v in path["stages"].items()},
        "minhash": round(1000 * minhash_s / len(sub), 2),
        "store_write": round(1000 * store_s / max(1, len(stories) - 1), 2),
    }
    fiction = fiction_line(pipe, args.fiction, tmp) if args.fiction else None
    del pipe, stories

    local = ingest([folder], tmp / "local.duckdb", workers=workers, progress=False)
    local_rate = local.added / local.coding_seconds
    figures_ray = None
    if not args.no_ray:
        import ray

        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        try:
            figures_ray = ingest([folder], tmp / "ray.duckdb", engine="ray", workers=workers, progress=False)
        finally:
            ray.shutdown()

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
        "code_path_ratio_eventwire_to_spacy": sub_cmp["ratio_eventwire_to_spacy"],
        "code_path_ratio_eventwire_to_spacy_cpu_time": sub_cmp["ratio_eventwire_to_spacy_cpu_time"],
    }
    if figures_ray is not None:
        ray_rate = figures_ray.added / figures_ray.coding_seconds
        summary["ray_articles_per_s"] = round(ray_rate, 2)
        summary["ray_articles_per_cpu_s"] = figures_ray.articles_per_cpu_s
        summary["peak_mb_per_worker_ray"] = figures_ray.peak_rss_mb_per_worker
    if fiction is not None:
        summary["fiction_code_path_ratio_eventwire_to_spacy"] = fiction["ratio_eventwire_to_spacy"]
        summary["fiction_code_path_ratio_eventwire_to_spacy_cpu_time"] = fiction["ratio_eventwire_to_spacy_cpu_time"]
    slowest = max(per_article_ms.items(), key=lambda kv: kv[1])
    shown = str(folder.relative_to(SHARED.parent)) if folder.is_relative_to(SHARED.parent) else str(folder)
    figures = {
        "summary": summary,
        "corpus": {"how": f"real news read in place from {shown}" + (" (PolNeAR training split: political news "
                          "articles from 2016)" if folder == POLNEAR_TRAIN else ""),
                   "articles": len(articles), "words": words,
                   "read_failures": sum(1 for a in read_articles([folder]) if not hasattr(a, "text"))},
        "spacy": {"seconds": round(spacy_s, 2), "cpu_seconds": round(spacy_cpu, 2),
                  "articles_per_s": round(spacy_rate, 2), "words_per_s": round(words / spacy_s, 1)},
        "code_path": sub_cmp,
        "per_article_ms": per_article_ms,
        "dominant_step": slowest[0],
        "local": local.to_dict(),
        "ray": figures_ray.to_dict() if figures_ray is not None else None,
        "same_counts_local_and_ray": (figures_ray.counts == local.counts) if figures_ray is not None else None,
        "fiction": fiction,
        "load_average": os.getloadavg(),
        "notes": "Measured on a 2-core machine shared with other engineers' work, so wall-clock figures are "
                 "noisy (see load_average); the CPU-time ratios hold better under load.",
        "command": "python -m bench.throughput" + (f" --texts {args.texts}" if args.texts else "")
                   + (f" --fiction {args.fiction}" if args.fiction != 300 else "")
                   + (" --no-ray" if args.no_ray else ""),
    }
    out = write_result("throughput", figures)
    for k, v in summary.items():
        print(f"{k:52} {v}")
    print("per article (ms):", per_article_ms)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
