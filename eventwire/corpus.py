"""Corpus processing: read many articles, code them on every core (or a Ray cluster), store the records.

    summary = ingest(["news/"], "news.duckdb")                 # all local cores
    summary = ingest(["news/"], "news.duckdb", engine="ray")   # Ray Data, same records

The main process walks the inputs (``ingest.readers.iter_items``: cheap), hands chunks of items to workers,
and writes what comes back to the store, one transaction per chunk. Each worker loads the pipeline once
(``Coder``) and does the expensive part: HTML extraction, the input and language checks, the spaCy parse
(batched through ``nlp.pipe``), every stage, and the MinHash signature of the text. Articles whose content
hash is already stored are skipped before parsing, so rerunning an ingest, or resuming one that was killed,
codes only what is missing. A bad article comes back as a failure and goes to the ``failures`` table.

When every article is stored, near-duplicate articles are linked and events clustered (``dedup``).

Both engines run the same ``Coder`` on the same items, so they store the same records.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time
from collections import Counter, deque
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ArticleTimeout, ConfigError, EventwireError, InternalError, StoreError
from .ingest.readers import Item, count_items, iter_items, to_article

ENGINES = ("local", "ray")
CHUNK = 8  # articles per task: small enough for a smooth progress bar, large enough for spaCy batching
WRITE_BATCH = 64  # stories per store transaction: fewer, larger transactions keep the writer cheap


# -- the worker -----------------------------------------------------------------------------------------


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux reports KiB


class Coder:
    """Codes chunks of Items into result rows. Loads the model once; one per worker process or Ray actor.

    A result row is a flat dict (so Ray can carry it in columns): ``status`` is ``story``, ``failure`` or
    ``known`` (already stored); ``story`` is the story JSON, ``signature`` its MinHash bytes; ``code`` and
    ``reason`` say why an article failed; ``pid``, ``rss_mb`` and ``cpu_s`` say which worker did it, its peak
    memory and the CPU time it has used so far (model loading included).
    """

    def __init__(self, config: dict | None = None, known: Iterable[str] = (), english_only: bool = True,
                 pipeline=None):
        from .pipeline import Pipeline

        self.pipeline = pipeline or Pipeline(config)
        self.known = frozenset(known)
        self.english_only = english_only
        self.max_chars = self.pipeline.config["max_article_chars"]

    def __call__(self, items: list[Item | dict]) -> list[dict]:
        from . import dedup
        from .pipeline import Failure

        out: list[dict] = []
        articles = []
        for item in items:
            item = Item.from_dict(item) if isinstance(item, dict) else item
            try:
                article = to_article(item, max_chars=self.max_chars, english_only=self.english_only)
            except EventwireError as err:
                out.append(_row("failure", item.source, None, code=err.code, reason=str(err)))
                continue
            except Exception as err:  # noqa: BLE001 - a reader's bug (HTML extraction, a feed library): this item
                err = InternalError(_describe(err).replace("while coding", "while reading"))
                out.append(_row("failure", item.source, None, code=err.code, reason=str(err)))
                continue
            if article.id in self.known:
                out.append(_row("known", item.source, article.id))
            else:
                articles.append(article)
        for result in self._code(articles):
            if isinstance(result, Failure):
                art = result.article
                out.append(_row("failure", art.source if art else None, art.id if art else None,
                                code=result.error.code, reason=result.reason))
            else:
                out.append(_row("story", result.article.source, result.article.id,
                                story=json.dumps(result.to_dict(), ensure_ascii=False),
                                signature=dedup.signature(result.article.text)))
        rss, cpu = _peak_rss_mb(), round(time.process_time(), 3)
        for row in out:
            row["rss_mb"] = rss
            row["cpu_s"] = cpu
        return out


    def _code(self, articles: list) -> list:
        """Stories or Failures for the articles. A bug in a stage (any other exception) fails only the
        article it happened on: the batch is coded again one article at a time to find it."""
        from .pipeline import Failure

        try:
            return list(self.pipeline.code_many(articles))
        except Exception:  # noqa: BLE001 - isolate the article below; never lose the batch
            pass
        out = []
        for article in articles:
            try:
                out.extend(self.pipeline.code_many([article]))
            except Exception as err:  # noqa: BLE001 - recorded as the article's failure
                out.append(Failure(article, InternalError(_describe(err)), article.source))
        return out


def _describe(err: BaseException) -> str:
    """``TypeError: message (at module.py:123 in function)`` for the deepest frame of an exception."""
    import traceback

    frames = traceback.extract_tb(err.__traceback__)
    where = f" (at {Path(frames[-1].filename).name}:{frames[-1].lineno} in {frames[-1].name})" if frames else ""
    return f"internal error while coding: {type(err).__name__}: {err}{where}; please report it"


def _row(status, source, article_id, *, story="", signature=b"", code="", reason="") -> dict:
    return {"status": status, "source": source or "", "article_id": article_id or "", "story": story,
            "signature": signature, "code": code, "reason": reason, "pid": os.getpid(), "rss_mb": 0.0, "cpu_s": 0.0}


# -- engines --------------------------------------------------------------------------------------------


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


_WORKER: Coder | None = None

# Seconds a worker may take beyond the articles' own budgets (its share of batching, the writer's pauses);
# a spawned worker also loads the model on its first chunk.
GRACE_S = 10.0
LOAD_GRACE_S = 120.0


def _worker_main(conn, coder_kwargs: dict | None) -> None:
    """A worker process: code each chunk it receives and send back its rows; None ends it, and so does the end
    of the run that started it (a killed ingest leaves no worker behind: with fork the worker holds a copy of
    the run's end of the pipe, so it would never see the pipe close)."""
    global _WORKER
    run = os.getppid()
    if _WORKER is None:
        _WORKER = Coder(**(coder_kwargs or {}))
    while True:
        try:
            while not conn.poll(1.0):
                if os.getppid() != run:
                    return
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        conn.send(_WORKER(chunk))


@dataclass
class _Job:
    seq: int  # place in the output order
    items: list
    retry: bool = False  # a single article sent again after its worker was replaced


class _Worker:
    """One worker process and the jobs sent to it (coded in the order sent)."""

    def __init__(self, ctx, coder_kwargs: dict | None, first_grace: float):
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, coder_kwargs), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        self.jobs: deque[_Job] = deque()
        self.since = time.monotonic()  # when the job at the head of the queue started
        self.grace = first_grace

    def send(self, job: _Job) -> None:
        if not self.jobs:
            self.since = time.monotonic()
        self.jobs.append(job)
        self.conn.send(job.items)

    def receive(self) -> tuple[_Job, list[dict]]:
        rows = self.conn.recv()
        job = self.jobs.popleft()
        self.since, self.grace = time.monotonic(), GRACE_S
        return job, rows

    def overdue(self, budget: float) -> bool:
        if not budget or not self.jobs:
            return False
        return time.monotonic() - self.since > budget * len(self.jobs[0].items) + self.grace

    def stop(self, kill: bool = False) -> None:
        try:
            if kill:
                self.proc.kill()
            else:
                self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(timeout=5 if not kill else None)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def _timeout_row(item: Item, budget: float) -> dict:
    return _row("failure", item.source, None, code=ArticleTimeout.code,
                reason=str(ArticleTimeout(f"article {item.source} took longer than {budget:g} s even on its own "
                                          "(setting article_timeout); its worker was replaced and the run went on")))


def run_local(items: Iterable[Item], coder_kwargs: dict, *, workers: int, chunk_size: int = CHUNK
              ) -> Iterator[list[dict]]:
    """Code items on ``workers`` processes (in this process when 1); yield result rows chunk by chunk,
    in input order. Two chunks per worker are in flight, so a worker never waits for the writer.

    Each article has a time budget (setting ``article_timeout``), enforced inside the worker (``budget``); a
    worker that overruns its chunk's budget anyway (stuck in C code) is killed and replaced, and the
    articles of its chunk are sent again one at a time: an article that overruns on its own becomes an
    ``E120`` failure row, and the run goes on."""
    budget = float((coder_kwargs.get("config") or {}).get("article_timeout") or 0)
    if workers <= 1 and (not budget or "pipeline" in coder_kwargs):
        # In this process (a loaded pipeline was passed, or no budget): the budget is still enforced inside
        # the pipeline, but a hang in C code cannot be stopped here.
        coder = Coder(**coder_kwargs)
        for chunk in _chunks(items, chunk_size):
            yield coder(chunk)
        return
    import multiprocessing as mp

    global _WORKER
    if "fork" in mp.get_all_start_methods():
        # Load the model and every stage's data once, here, and fork the workers from it: they share the
        # loaded pages copy-on-write instead of each spending seconds and memory loading its own.
        _WORKER = Coder(**coder_kwargs)
        _WORKER.pipeline.warm()
        ctx, kwargs, first_grace = mp.get_context("fork"), None, GRACE_S
    else:
        ctx, kwargs, first_grace = mp.get_context("spawn"), coder_kwargs, LOAD_GRACE_S
    pool = [_Worker(ctx, kwargs, first_grace) for _ in range(max(1, workers))]
    try:
        yield from _schedule(pool, _chunks(items, chunk_size), budget,
                             lambda: _Worker(ctx, kwargs, first_grace))
    finally:
        for w in pool:
            w.stop(kill=bool(w.jobs))
        _WORKER = None


def _schedule(pool: list[_Worker], chunks: Iterator[list], budget: float, spawn) -> Iterator[list[dict]]:
    """Hand jobs to workers, collect rows, replace overdue workers; yield rows in job order."""
    from multiprocessing.connection import wait

    retries: deque[_Job] = deque()
    done: dict[int, list[dict]] = {}
    parts: dict[int, list] = {}  # seq of a split job -> rows collected from its retried articles
    left: dict[int, int] = {}  # seq of a split job -> retried articles not yet back
    next_out, seq, exhausted = 0, 0, False
    while True:
        for i, w in enumerate(pool):  # keep two jobs in flight per worker; retries go first, alone
            while len(w.jobs) < 2 and (retries or not exhausted):
                if retries:
                    if w.jobs:
                        break  # a retried article runs on a worker with nothing else queued
                    w.send(retries.popleft())
                    break
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                w.send(_Job(seq, chunk))
                seq += 1
        busy = [w for w in pool if w.jobs]
        if not busy:
            break
        timeout = 1.0 if budget else None
        for conn in wait([w.conn for w in busy], timeout=timeout):
            w = next(x for x in busy if x.conn is conn)
            try:
                job, rows = w.receive()
            except (EOFError, OSError):  # the worker died (killed by the OS, say): treat as overdue
                _replace(pool, w, spawn, retries, parts, left, done, budget)
                continue
            _collect(job, rows, done, parts, left)
        for w in [w for w in pool if w.overdue(budget)]:
            _replace(pool, w, spawn, retries, parts, left, done, budget)
        while next_out in done:
            yield done.pop(next_out)
            next_out += 1


def _collect(job: _Job, rows: list[dict], done: dict, parts: dict, left: dict) -> None:
    if not job.retry:
        done[job.seq] = rows
        return
    parts[job.seq].extend(rows)
    left[job.seq] -= 1
    if left[job.seq] == 0:
        done[job.seq] = parts.pop(job.seq)
        del left[job.seq]


def _replace(pool, worker: _Worker, spawn, retries: deque, parts: dict, left: dict, done: dict,
             budget: float) -> None:
    """Kill a stuck worker, start another, and deal with its jobs: the one it was coding is split into
    single articles sent again (a single article that was already a retry is recorded as timed out); the
    ones queued behind it are sent again as they were."""
    jobs = list(worker.jobs)
    worker.jobs.clear()
    worker.stop(kill=True)
    pool[pool.index(worker)] = spawn()
    head, queued = jobs[0], jobs[1:]
    if head.retry:
        _collect(head, [_timeout_row(head.items[0], budget)], done, parts, left)
    else:
        parts[head.seq], left[head.seq] = [], len(head.items)
        retries.extend(_Job(head.seq, [it], retry=True) for it in head.items)
    retries.extendleft(reversed(queued))  # jobs queued behind the stuck one go first, unchanged


class RayCoder:
    """The Ray Data form of ``Coder``: a callable class, so each actor loads the model once."""

    def __init__(self, coder_kwargs: dict):
        self.coder = Coder(**coder_kwargs)

    def __call__(self, batch: dict) -> dict:
        rows = self.coder([json.loads(s) for s in batch["item"]])
        return {k: [r[k] for r in rows] for k in ("status", "source", "article_id", "story", "signature", "code",
                                                   "reason", "pid", "rss_mb", "cpu_s")}


def run_ray(items: Iterable[Item], coder_kwargs: dict, *, workers: int, chunk_size: int = CHUNK,
            address: str | None = None, window: int = 20_000) -> Iterator[list[dict]]:
    """Code items with Ray Data: ``from_items(...).map_batches(RayCoder, compute=ActorPoolStrategy(size=workers))``.

    Connects to ``address`` (or ``RAY_ADDRESS``), else starts a local Ray. Items go to Ray ``window`` at a
    time so the driver never holds a whole archive; each window loads the model once per actor."""
    try:
        import ray
    except ImportError:
        raise ConfigError("the Ray engine needs Ray: pip install 'ray[data]==2.60.0' (or eventwire[ray])") from None
    if not ray.is_initialized():
        address = address or os.environ.get("RAY_ADDRESS")
        if address:
            ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    ctx = ray.data.DataContext.get_current()  # importing ray.data configures its loggers: quieten them after
    ctx.enable_progress_bars = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no per-dataset execution plans on the terminal
    for window_items in _chunks(items, window):
        ds = ray.data.from_items([{"item": json.dumps(it.to_dict(), ensure_ascii=False)} for it in window_items])
        coded = ds.map_batches(RayCoder, fn_constructor_kwargs={"coder_kwargs": coder_kwargs},
                               compute=ray.data.ActorPoolStrategy(size=workers), batch_size=chunk_size, num_cpus=1,
                               batch_format="default")
        for batch in coded.iter_batches(batch_size=chunk_size, batch_format="default"):
            n = len(batch["status"])
            yield [{k: _plain(batch[k][i]) for k in batch} for i in range(n)]


def _plain(value):
    """numpy scalars from Ray batches back to Python values."""
    return value.item() if hasattr(value, "item") and not isinstance(value, (bytes, str)) else value


# -- ingest ---------------------------------------------------------------------------------------------


@dataclass
class Summary:
    """What an ingest did; printed by ``eventwire ingest`` and recorded by the throughput benchmark."""

    items: int = 0  # articles (or unreadable files/records) found in the inputs
    added: int = 0  # articles coded and stored by this run
    known: int = 0  # already in the store (same content hash): skipped without parsing
    failed: int = 0
    failures_by_code: dict = field(default_factory=dict)
    duplicates_linked: int = 0
    event_clusters: int = 0
    seconds: float = 0.0
    coding_seconds: float = 0.0
    articles_per_s: float = 0.0
    engine: str = "local"
    workers: int = 1
    peak_rss_mb_per_worker: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the workers (model loading included) and of this process
    articles_per_cpu_s: float = 0.0  # throughput per busy core, whatever else the machine is doing
    counts: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)

    def lines(self) -> list[str]:
        out = [
            f"{self.items} articles read: {self.added} stored, {self.known} already stored, {self.failed} failed",
            f"{self.seconds:.1f} s with {self.workers} {self.engine} worker(s): {self.articles_per_s:.1f} articles/s, "
            f"{self.articles_per_cpu_s:.1f} articles per CPU second, peak memory {self.peak_rss_mb_per_worker:.0f} MB "
            "per worker",
            f"{self.duplicates_linked} near-duplicate articles linked; {self.event_clusters} event clusters",
            "store: " + ", ".join(f"{k} {v}" for k, v in self.counts.items()),
        ]
        if self.failures_by_code:
            out.insert(1, "failures: " + ", ".join(f"{k} x{v}" for k, v in sorted(self.failures_by_code.items())))
        return out


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def ingest(paths: Iterable[str | Path], db: str | Path, *, engine: str = "local", workers: int | None = None,
           config: dict | None = None, english_only: bool = True, chunk_size: int = CHUNK, progress: bool = True,
           ray_address: str | None = None, dedup: bool = True, limit: int | None = None, pipeline=None,
           write_batch: int = WRITE_BATCH) -> Summary:
    """Code every article under ``paths`` into the store at ``db``; return a Summary.

    Safe to rerun and to resume after a crash: stored articles are skipped by content hash, each chunk of
    articles is written in one transaction. A loaded ``pipeline`` may be passed to code in this process
    (local engine, one worker) without loading the model again."""
    from . import dedup as dedup_mod
    from .settings import resolve
    from .store import Store

    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; use one of: {', '.join(ENGINES)}")
    paths = [str(p) for p in paths]
    config = resolve(config)
    if pipeline is not None:
        if engine != "local" or (workers or 1) != 1:
            raise ConfigError("a loaded pipeline can only be used by the local engine with one worker")
        config = pipeline.config
        workers = 1
    workers = workers or default_workers()
    summary = Summary(engine=engine, workers=workers)
    t0 = time.perf_counter()
    with Store(db) as store:
        known = store.known_ids()
        store_files = [str(db), f"{db}.wal", f"{db}.tmp"]  # never read the store as an input
        total = count_items(paths, store_files)
        if limit is not None:
            total = min(total, limit)
        items: Iterable[Item] = iter_items(paths, store_files)
        if limit is not None:
            items = (it for n, it in enumerate(items) if n < limit)
        coder_kwargs = {"config": config, "known": sorted(known), "english_only": english_only}
        if pipeline is not None:
            coder_kwargs["pipeline"] = pipeline
        results: Iterable[list[dict]]
        if total == 0:
            results = []  # nothing to read: do not load the model
        elif engine == "ray":
            results = run_ray(items, coder_kwargs, workers=workers, chunk_size=chunk_size, address=ray_address)
        else:
            results = run_local(items, coder_kwargs, workers=min(workers, max(1, total)), chunk_size=chunk_size)
        bar = _progress(total, progress)
        failures: Counter = Counter()
        peak: dict[int, float] = {}
        cpu: dict[int, float] = {}
        t1, c1 = time.perf_counter(), time.process_time()
        pending: list[dict] = []

        def flush():
            """Store the pending stories in one transaction; if the batch is refused (a story whose records
            break a key, say), store them one by one and record the refused ones as failures."""
            try:
                added = store.add_stories([(r["story"], r["signature"]) for r in pending])
            except StoreError:
                added = 0
                for r in pending:
                    try:
                        added += store.add_stories([(r["story"], r["signature"])])
                    except StoreError as err:
                        store.add_failure(r["source"] or None, r["article_id"] or None, err.code, str(err))
                        failures[err.code] += 1
                        summary.known -= 1  # not stored, and not already there either
            summary.added += added
            summary.known += len(pending) - added
            pending.clear()

        for rows in results:
            pending += [r for r in rows if r["status"] == "story"]
            if len(pending) >= write_batch:
                flush()
            summary.known += sum(1 for r in rows if r["status"] == "known")
            for r in rows:
                peak[r["pid"]] = max(peak.get(r["pid"], 0.0), r["rss_mb"])
                cpu[r["pid"]] = max(cpu.get(r["pid"], 0.0), r["cpu_s"])
                if r["status"] == "failure":
                    store.add_failure(r["source"] or None, r["article_id"] or None, r["code"], r["reason"])
                    failures[r["code"]] += 1
            summary.items += len(rows)
            bar.update(len(rows))
        flush()
        bar.close()
        summary.coding_seconds = round(time.perf_counter() - t1, 2)
        cpu.pop(os.getpid(), None)  # coding in this process: counted below
        summary.cpu_seconds = round(sum(cpu.values()) + time.process_time() - c1, 2)
        summary.failed = sum(failures.values())
        summary.failures_by_code = dict(failures)
        summary.peak_rss_mb_per_worker = max(peak.values(), default=0.0)
        if dedup:
            summary.duplicates_linked = dedup_mod.link_duplicates(store)
            summary.event_clusters = dedup_mod.cluster_events(store)
        summary.counts = store.counts()
    summary.seconds = round(time.perf_counter() - t0, 2)
    summary.articles_per_s = round(summary.added / summary.coding_seconds, 2) if summary.coding_seconds else 0.0
    summary.articles_per_cpu_s = round(summary.added / summary.cpu_seconds, 2) if summary.cpu_seconds else 0.0
    return summary


def _progress(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="article", desc="ingest", disable=not enabled, file=sys.stderr,
                dynamic_ncols=True, smoothing=0.1)
