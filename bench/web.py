"""Web speed: every page and every API list route, timed on a store of the 840 PolNeAR train articles.

    python -m bench.web                 # build the store once (cached), time each route, write results/web.json
    python -m bench.web --build-only    # just build (or finish building) the cached store

The store is built with ``eventwire.corpus.ingest(..., workers=2)`` into a cache folder (``EVENTWIRE_BENCH_CACHE``
or the system temp folder) and reused when it is already complete. Each route is requested through FastAPI's
TestClient (in-process, no network) a bounded number of times after one warm-up request; p50 and p95 are over
those requests. The bar is 300 ms at p95 for every route. The routes are every page and every API list, first
pages and deep pages, unfiltered and with the filters the pages offer (type, country, dates, quad class, actor,
network level), so a slow filter or sort shows up too.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import quote

from bench.common import SHARED, percentile, write_result

TEXTS = SHARED / "anchors" / "quotes" / "polnear" / "train" / "text"
CACHE = Path(os.environ.get("EVENTWIRE_BENCH_CACHE", Path(tempfile.gettempdir()) / "eventwire-bench"))
DB = CACHE / "polnear-train.duckdb"
DONE = CACHE / "polnear-train.done"
BAR_MS = 300.0


def build_store(workers: int = 2) -> Path:
    """Build the 840-article store unless a complete one is cached; return its path."""
    if DB.exists() and DONE.exists():
        return DB
    if not TEXTS.is_dir():
        raise SystemExit(f"no PolNeAR train texts at {TEXTS}")
    from eventwire.corpus import ingest

    CACHE.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    summary = ingest([TEXTS], DB, workers=workers, progress=True)
    DONE.write_text(f"{summary.added} added, {time.perf_counter() - t0:.0f} s\n", encoding="utf-8")
    return DB


def routes(client) -> list[str]:
    """Every page and API list route, with realistic filters taken from the store itself."""
    top_article = client.get("/api/articles", params={"sort": "events", "order": "desc", "limit": 1}).json()["items"][0]
    top_actor = client.get("/api/actors", params={"limit": 1}).json()["items"][0]["name"]
    summary = client.get("/api/summary").json()
    types = client.get("/api/events", params={"limit": 1}).json()
    first_type = types["items"][0]["type"] if types["items"] else "AGREE"
    country = next((a["country"] for a in client.get("/api/actors", params={"limit": 50}).json()["items"]
                    if a.get("country")), "USA")
    month = (summary.get("first_date") or "2016-01")[:7]
    deep = max(int(summary["events"]) // 2, 0)
    actor = quote(top_actor, safe="")
    pages = [
        "/", "/?sort=events&order=desc", "/?offset=400", "/?text=president",
        "/events", f"/events?offset={deep}", f"/events?type={first_type}", f"/events?country={country}",
        "/events?quad=4", "/events?sort=source&order=asc", f"/events?actor={actor}", "/events?collapse=1",
        "/actors", "/actors?sort=name&order=asc", "/actors?offset=200", f"/actors?country={country}",
        "/quotes", "/quotes?offset=400", "/quotes?sort=speaker",
        f"/articles/{top_article['id']}", f"/actors/{actor}",
        "/network", "/timeline", "/map", "/paste", "/corrections",
    ]
    api = [
        "/api/summary",
        "/api/articles", "/api/articles?limit=500", "/api/articles?offset=400&sort=title",
        f"/api/articles?type={first_type}&country={country}",
        "/api/events", "/api/events?limit=500", f"/api/events?offset={deep}", f"/api/events?type={first_type}",
        f"/api/events?country={country}&quad=3", f"/api/events?date_from={month}&date_to={month}",
        f"/api/events?actor={actor}", "/api/events?sort=goldstein&order=desc", "/api/events?collapse=true",
        "/api/actors", "/api/actors?limit=500", "/api/actors?sort=name&offset=300", f"/api/actors?country={country}",
        "/api/quotes", "/api/quotes?limit=500", "/api/quotes?sort=speaker&offset=300",
        "/api/places", "/api/places?limit=500", f"/api/places?country={country}",
        "/api/network", "/api/network?level=country", "/api/network?level=sector", "/api/network?edges=500",
        f"/api/network?type={first_type}", "/api/network?quad=4", f"/api/network?focus={actor}",
        "/api/timeline", "/api/timeline?by=quad", "/api/timeline?bucket=day", f"/api/timeline?country={country}",
        "/api/map", f"/api/map?type={first_type}",
        "/api/corrections",
        f"/api/articles/{top_article['id']}", f"/api/actors/{actor}",
    ]
    return pages + api


def time_routes(db: Path, repeat: int) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from eventwire.web import create_app

    client = TestClient(create_app(db))
    out = {}
    for path in routes(client):
        res = client.get(path)  # warm-up (and a check that the route answers)
        if res.status_code != 200:
            out[path] = {"status": res.status_code, "error": res.text[:200]}
            print(f"{path:<70} HTTP {res.status_code}", flush=True)
            continue
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            res = client.get(path)
            times.append((time.perf_counter() - t0) * 1000)
        p50, p95 = percentile(times, 50), percentile(times, 95)
        out[path] = {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1), "max_ms": round(max(times), 1),
                     "bytes": len(res.content)}
        print(f"{path:<70} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms", flush=True)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--repeat", type=int, default=30, help="timed requests per route")
    args = ap.parse_args(argv)
    db = build_store()
    if args.build_only:
        print(db)
        return 0
    from eventwire.store import Store

    with Store(db) as store:  # the writer once: apply migrations (indexes, summary tables) the build predates
        counts = store.counts()
    figures = time_routes(db, args.repeat)
    timed = [v for v in figures.values() if "p95_ms" in v]
    failed = [k for k, v in figures.items() if "p95_ms" not in v]
    worst = max(timed, key=lambda v: v["p95_ms"]) if timed else {"p95_ms": None}
    over = sorted(k for k, v in figures.items() if v.get("p95_ms", 0) > BAR_MS)
    write_result("web", {
        "command": "python -m bench.web",
        "summary": {
            "articles": counts["articles"], "events": counts["events"], "routes": len(figures),
            "worst_p95_ms": worst["p95_ms"], "routes_over_300ms_p95": len(over), "routes_failed": len(failed),
        },
        "store": {k: counts[k] for k in ("articles", "events", "actors", "quotes", "places")},
        "repeat": args.repeat, "bar_ms": BAR_MS, "over_bar": over, "failed": failed, "routes": figures,
    })
    print(f"worst p95 {worst['p95_ms']} ms; {len(over)} route(s) over {BAR_MS:.0f} ms; {len(failed)} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
