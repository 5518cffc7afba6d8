"""Soak: code every real text in ../shared one article at a time and report hangs, crashes and slow articles.

    python -m bench.soak                          # every set, every text (about 7,000; writes soak.json)
    python -m bench.soak --n 300 --seed 10        # 300 texts drawn evenly across the sets
    python -m bench.soak --sets polnear,gwn       # some sets only (a name or the start of one)
    python -m bench.soak --limit 20               # seconds after which one article counts as a hang

The texts are news and news-like sentences written by others, read from ../shared at run time (never copied):

| set | texts | read from |
|---|---|---|
| polnear-dev, polnear-train | 84 + 840 political news articles | ``anchors/quotes/polnear/{dev,train}/text/*.txt`` |
| gwn, trnews | 200 + 118 local and international news articles | ``anchors/geo/gritta-corpora/*.xml`` |
| plover-dev | 163 CAMEO-manual example sentences | ``anchors/plover/gold_standard_records/...dev.json`` |
| conflibert | 1,153 wire sentences (tokens joined by spaces) | ``anchors/roles/conflibert/train.txt`` |
| ngec | 4,500 synthetic news stories | ``anchors/plover/ngec_assets/gpt_synthetic_events_*.csv.zip`` |

How it measures, and what it decides:

- One ``eventwire.Pipeline()`` is loaded and warmed in this process; a worker process forked from it codes the
  articles one at a time (``Pipeline.code``, with the publication date when the set gives one) with eventwire's
  default settings, its own ``article_timeout`` included.
- The hard limit does not depend on eventwire: this process waits at most ``--limit`` seconds for each answer.
  An article with no answer by then is a **hang**; the worker is killed and a fresh one is forked from the
  warmed pipeline, so a hang costs one article and the soak goes on. An article that eventwire itself stopped
  for running over its budget (``ArticleTimeout``, E120) counts as a hang too.
- A **crash** is anything other than a coded ``EventwireError``: an uncaught exception (with its traceback),
  an ``InternalError`` (E900, a bug wrapped by eventwire), or the worker process dying.
- Any other ``EventwireError`` is a **refusal**: a clear, coded answer to bad input. Counted by code.
- Every story that comes back is checked against ``story.schema.json`` and its spans against the article text
  (``eventwire.schema.validate``), outside the timed part; a failure is an **invalid** story.
- Seconds per article are wall clock inside the worker (CPU seconds alongside, since the machine may be shared);
  a hang counts at the time it was given up on. Median and p99 per set and overall, and the 10 slowest.

``--n`` draws the same number of texts from each set (all of a set when it has fewer), with ``--seed``, and
codes them in a shuffled order. Exit status 1 when any article hangs, crashes or gives an invalid story.
Writes ``bench/results/soak.json`` (figures and text names only, never the texts).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import multiprocessing as mp
import random
import re
import statistics
import sys
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from bench.common import SHARED, percentile, write_result

ANCHORS = SHARED / "anchors"
POLNEAR = ANCHORS / "quotes" / "polnear"
GRITTA = ANCHORS / "geo" / "gritta-corpora"
PLOVER_DEV = ANCHORS / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.dev.json"
CONFLIBERT = ANCHORS / "roles" / "conflibert" / "train.txt"
NGEC = ANCHORS / "plover" / "ngec_assets" / "gpt_synthetic_events_2023-10-19_19.csv.zip"

HANG_LIMIT_S = 20.0
SLOWEST = 10
TIMEOUT_CODE = "E120"  # eventwire.errors.ArticleTimeout
INTERNAL_CODE = "E900"  # eventwire.errors.InternalError


@dataclass
class Text:
    set: str
    name: str
    text: str
    date: str | None = None


# -- the readers ----------------------------------------------------------------------------------------


def _iso_date(s: str | None) -> str | None:
    m = re.search(r"\d{4}-\d\d-\d\d", s or "")
    return m.group(0) if m else None


def read_polnear(split: str) -> Iterator[Text]:
    """PolNeAR articles; the publication date is in the file name (``outlet_YYYY-MM-DD_slug.txt``)."""
    for path in sorted((POLNEAR / split / "text").glob("*.txt")):
        yield Text(f"polnear-{split}", f"{split}/{path.name}", path.read_text(encoding="utf-8"), _iso_date(path.name))


def read_gritta(file: str, set_name: str) -> Iterator[Text]:
    """GeoWebNews or TR-News articles: the ``<text>`` of each ``<article>`` (TR-News gives its date in
    ``<dltime>``)."""
    import xml.etree.ElementTree as ET

    path = GRITTA / file
    if not path.exists():
        return
    for i, art in enumerate(ET.parse(path).getroot().iter("article")):
        text = art.findtext("text") or ""
        if text.strip():
            yield Text(set_name, f"{file}#{i}", text, _iso_date(art.findtext("dltime")))


def read_plover_dev() -> Iterator[Text]:
    """The PLOVER gold records' example sentences (DOCUMENT records carry none)."""
    if not PLOVER_DEV.exists():
        return
    for r in json.loads(PLOVER_DEV.read_text(encoding="utf-8")):
        if r.get("text") and r.get("event") != "DOCUMENT":
            yield Text("plover-dev", r.get("id", "?"), r["text"], _iso_date(r.get("date")))


def read_conflibert() -> Iterator[Text]:
    """ConfliBERT sentences: one ``token tag`` per line, a blank line between sentences; the tokens joined by
    spaces are the text (as the held-out check codes them)."""
    if not CONFLIBERT.exists():
        return
    for i, block in enumerate(CONFLIBERT.read_text(encoding="utf-8").split("\n\n")):
        tokens = [line.rsplit(" ", 1)[0] for line in block.splitlines() if line.strip()]
        if tokens:
            yield Text("conflibert", f"train.txt#{i}", " ".join(tokens))


def read_ngec() -> Iterator[Text]:
    """NGEC's synthetic stories: the ``text`` column of the zipped CSV."""
    if not NGEC.exists():
        return
    with zipfile.ZipFile(NGEC) as z:
        for member in z.namelist():
            if not member.endswith(".csv"):
                continue
            with z.open(member) as f:
                for i, row in enumerate(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8"))):
                    if (row.get("text") or "").strip():
                        yield Text("ngec", f"{member}#{i}", row["text"])


READERS = {
    "polnear-dev": lambda: read_polnear("dev"),
    "polnear-train": lambda: read_polnear("train"),
    "gwn": lambda: read_gritta("GWN.xml", "gwn"),
    "trnews": lambda: read_gritta("TR-News.xml", "trnews"),
    "plover-dev": read_plover_dev,
    "conflibert": read_conflibert,
    "ngec": read_ngec,
}


def pick_sets(wanted: str | None) -> list[str]:
    """Set names from a comma-separated list; a name selects the sets it equals or begins (``polnear``)."""
    if not wanted:
        return list(READERS)
    out = []
    for w in (x.strip() for x in wanted.split(",") if x.strip()):
        found = [s for s in READERS if s == w or s.startswith(w + "-")]
        if not found:
            raise SystemExit(f"soak: unknown set {w!r}; the sets are {', '.join(READERS)}")
        out += [s for s in found if s not in out]
    return out


def texts(sets: list[str] | None = None) -> dict[str, list[Text]]:
    """Every text of the given sets that is present in ../shared, by set (absent sets are left out)."""
    out = {}
    for name in sets or list(READERS):
        items = list(READERS[name]())
        if items:
            out[name] = items
    return out


def sample(by_set: dict[str, list[Text]], n: int, seed: int) -> list[Text]:
    """``n`` texts (0 = all) drawn evenly across the sets, in a shuffled order. A set with fewer texts than its
    share gives all it has and the rest is shared among the others."""
    rng = random.Random(seed)
    pools = {s: rng.sample(items, len(items)) for s, items in by_set.items()}
    if n <= 0:
        chosen = [t for pool in pools.values() for t in pool]
    else:
        take = dict.fromkeys(pools, 0)
        left = n
        while left > 0:
            open_sets = [s for s in pools if take[s] < len(pools[s])]
            if not open_sets:
                break
            share = max(1, left // len(open_sets))
            for s in open_sets:
                k = min(share, len(pools[s]) - take[s], left)
                take[s] += k
                left -= k
        chosen = [t for s, pool in pools.items() for t in pool[: take[s]]]
    rng.shuffle(chosen)
    return chosen


# -- the worker -----------------------------------------------------------------------------------------


def _serve(pipe, conn) -> None:
    """Worker loop: code each (text, date) received, send back (status, code, message, seconds, cpu_seconds)."""
    from eventwire.errors import EventwireError
    from eventwire.schema import validate

    while True:
        msg = conn.recv()
        if msg is None:
            return
        text, date = msg
        t0, c0 = time.perf_counter(), time.process_time()
        story = None
        try:
            story = pipe.code(text, date=date)
            status, code, message = "ok", None, None
        except EventwireError as err:
            status, code, message = "refused", err.code, str(err)
            if code == INTERNAL_CODE:
                status, message = "crash", f"{err}\n{''.join(traceback.format_exception(err))}"
        except Exception as exc:  # noqa: BLE001  (that is what a crash is)
            status, code, message = "crash", type(exc).__name__, traceback.format_exc()
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        if story is not None:
            try:
                validate(story.to_dict())
            except Exception as exc:  # noqa: BLE001
                status, code, message = "invalid", type(exc).__name__, str(exc)[:500]
        conn.send((status, code, message, seconds, cpu))


class Worker:
    """A process forked from the warmed pipeline that codes one article at a time under a hard time limit."""

    def __init__(self, pipe):
        self.pipe = pipe
        self.ctx = mp.get_context("fork")
        self.proc = None
        self.conn = None
        self.restarts = 0

    def _start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_serve, args=(self.pipe, child), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent

    def _kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.join(5)
            self.conn.close()
        self.proc = self.conn = None
        self.restarts += 1

    def code(self, text: str, date: str | None, limit: float) -> tuple[str, str | None, str | None, float, float]:
        if self.proc is None:
            self._start()
        t0 = time.perf_counter()
        try:
            self.conn.send((text, date))
            if self.conn.poll(limit):
                return self.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            exitcode = self.proc.exitcode
            self._kill()
            return ("crash", "WorkerDied", f"the worker process died (exit code {exitcode})",
                    time.perf_counter() - t0, 0.0)
        self._kill()
        return ("hang", None, f"no answer after {limit:g} s", time.perf_counter() - t0, 0.0)

    def close(self) -> None:
        if self.proc is not None:
            try:
                self.conn.send(None)
                self.proc.join(5)
            except OSError:
                pass
            if self.proc.is_alive():
                self.proc.kill()
            self.proc = None


# -- the run --------------------------------------------------------------------------------------------


def _stats(rows: list[dict]) -> dict:
    secs = [r["seconds"] for r in rows]
    cpu = [r["cpu_seconds"] for r in rows if r["status"] != "hang"]
    refused = Counter(r["code"] for r in rows if r["status"] == "refused")
    return {
        "articles": len(rows),
        "hangs": sum(r["status"] == "hang" for r in rows),
        "crashes": sum(r["status"] == "crash" for r in rows),
        "invalid": sum(r["status"] == "invalid" for r in rows),
        "refused": sum(refused.values()),
        "refused_by_code": dict(sorted(refused.items())),
        "median_s": round(statistics.median(secs), 3) if secs else None,
        "p99_s": round(percentile(secs, 99), 3) if secs else None,
        "max_s": round(max(secs), 3) if secs else None,
        "median_cpu_s": round(statistics.median(cpu), 3) if cpu else None,
        "p99_cpu_s": round(percentile(cpu, 99), 3) if cpu else None,
        "mean_chars": round(sum(r["chars"] for r in rows) / len(rows)) if rows else None,
    }


def run(n: int = 0, seed: int = 10, sets: list[str] | None = None, limit: float = HANG_LIMIT_S,
        progress: bool = False) -> dict:
    """Soak the texts and return the figures (nothing is written). Raises SystemExit if ../shared has none."""
    from eventwire import Pipeline

    by_set = texts(sets)
    if not by_set:
        raise SystemExit(f"soak: no real texts found under {ANCHORS}")
    items = sample(by_set, n, seed)
    t0 = time.perf_counter()
    pipe = Pipeline().warm()
    load_s = time.perf_counter() - t0
    worker = Worker(pipe)
    rows: list[dict] = []
    start = time.perf_counter()
    try:
        for i, t in enumerate(items, 1):
            status, code, message, seconds, cpu = worker.code(t.text, t.date, limit)
            if status == "refused" and code == TIMEOUT_CODE:
                status = "hang"  # eventwire gave up on it first: still an article that did not code in time
            rows.append({"set": t.set, "name": t.name, "chars": len(t.text), "status": status, "code": code,
                         "message": message, "seconds": seconds, "cpu_seconds": cpu})
            if status in ("hang", "crash", "invalid"):
                print(f"  {status.upper():7} {t.set} {t.name}: {(message or '').splitlines()[0][:200] if message else ''}",
                      file=sys.stderr)
            if progress and (i % 200 == 0 or i == len(items)):
                print(f"  {i}/{len(items)} articles, {time.perf_counter() - start:.0f} s", file=sys.stderr)
    finally:
        worker.close()

    def problem(r):
        return {"set": r["set"], "name": r["name"], "status": r["status"], "code": r["code"],
                "seconds": round(r["seconds"], 2), "message": r["message"]}

    slowest = sorted(rows, key=lambda r: r["seconds"], reverse=True)[:SLOWEST]
    overall = _stats(rows)
    per_set = {s: _stats([r for r in rows if r["set"] == s]) for s in by_set}
    return {
        "overall": overall,
        "per_set": per_set,
        "texts_available": {s: len(v) for s, v in by_set.items()},
        "hang_limit_s": limit,
        "seed": seed,
        "sample": n,
        "hangs": [problem(r) for r in rows if r["status"] == "hang"],
        "crashes": [problem(r) for r in rows if r["status"] == "crash"],
        "invalid": [problem(r) for r in rows if r["status"] == "invalid"],
        "slowest": [{"set": r["set"], "name": r["name"], "chars": r["chars"], "status": r["status"],
                     "seconds": round(r["seconds"], 2), "cpu_seconds": round(r["cpu_seconds"], 2)} for r in slowest],
        "worker_restarts": worker.restarts,
        "pipeline_load_s": round(load_s, 2),
        "soak_seconds": round(time.perf_counter() - start, 1),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=0, help="texts to draw evenly across the sets (0 = all) [0]")
    ap.add_argument("--seed", type=int, default=10, help="sample and order seed [10]")
    ap.add_argument("--sets", default=None, help=f"comma-separated sets [all: {','.join(READERS)}]")
    ap.add_argument("--limit", type=float, default=HANG_LIMIT_S,
                    help=f"seconds after which one article counts as a hang [{HANG_LIMIT_S:g}]")
    ap.add_argument("--quiet", action="store_true", help="no progress lines")
    args = ap.parse_args(argv)
    import os

    from eventwire import settings

    res = run(args.n, args.seed, pick_sets(args.sets), args.limit, progress=not args.quiet)
    o = res["overall"]
    summary = {
        "articles": o["articles"],
        "hangs": o["hangs"],
        "crashes": o["crashes"],
        "invalid_stories": o["invalid"],
        "refused": o["refused"],
        "median_s_per_article": o["median_s"],
        "p99_s_per_article": o["p99_s"],
        "max_s_per_article": o["max_s"],
    }
    cmd = "python -m bench.soak" + (f" --n {args.n}" if args.n else "") + (f" --seed {args.seed}" if args.n else "") \
        + (f" --sets {args.sets}" if args.sets else "") + (f" --limit {args.limit:g}" if args.limit != HANG_LIMIT_S else "")
    out = write_result("soak", {
        "summary": summary,
        **res,
        "article_timeout_setting": settings.resolve({}).get("article_timeout"),
        "notes": "Seconds are wall clock per article inside one worker process on a machine shared with other "
                 "work (2 cores), so they are noisy; CPU seconds are given alongside. A hang is measured by "
                 "this benchmark's own limit, not by eventwire's article_timeout.",
        "load_average": os.getloadavg(),
        "command": cmd,
    })
    for name, s in res["per_set"].items():
        print(f"  {name:14} {s['articles']:5} texts  {s['hangs']} hangs  {s['crashes']} crashes  "
              f"{s['invalid']} invalid  {s['refused']} refused {s['refused_by_code'] or ''}  "
              f"median {s['median_s']:.3f}s  p99 {s['p99_s']:.3f}s  max {s['max_s']:.2f}s")
    print("  slowest: " + ", ".join(f"{r['set']} {r['name']} {r['seconds']:.1f}s" for r in res["slowest"]))
    print(f"soak: {o['articles']} real texts, {o['hangs']} hangs, {o['crashes']} crashes, {o['invalid']} invalid, "
          f"{o['refused']} refused; median {o['median_s']:.3f}s, p99 {o['p99_s']:.3f}s per article")
    print(f"wrote {out}")
    return 1 if o["hangs"] or o["crashes"] or o["invalid"] else 0


if __name__ == "__main__":
    sys.exit(main())
