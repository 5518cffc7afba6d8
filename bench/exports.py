"""Corpus dates and exports on real news: what share of articles and records carry what the formats need.

    python -m bench.exports               # 40 PolNeAR dev texts + 3 HTML pages + a JSONL file; writes results/exports.json

The corpus is laid out in a temporary folder at run time from ../shared (never copied into the repository):

- 40 PolNeAR dev texts under their own names (an ISO date in each name);
- 3 HTML pages, each the body of a PolNeAR train text wrapped in ``<p>`` tags, with an ``article:published_time``
  meta tag holding the date PolNeAR's ``metadata.tsv`` gives for it;
- one JSONL file of 5 more PolNeAR train texts, each record with its ``metadata.tsv`` date.

It is ingested into a fresh store and exported to GDELT 2.0, PLOVER JSONL and Parquet. Figures:

- ``articles_dated``: share of articles with a publication date, and ``articles_date_right``: share whose date
  equals the one its name or metadata gives;
- ``gdelt_61_fields``: share of GDELT lines with exactly 61 tab-separated fields (and whether there is a header);
  ``gdelt_sqldate``: share of rows with SQLDATE; ``gdelt_codebook_agreement``: share of rows whose QuadClass and
  GoldsteinScale equal the codebook's values for their CAMEO EventCode;
- ``plover_only_plover_types``, ``plover_dated``, ``plover_with_actor`` (an identified actor, not PLOVER's
  unidentified ``UNK`` placeholder), ``plover_with_actor_or_unknown`` (the placeholder counted);
- ``parquet_date_type``.

The bars (issue "Corpus dates and exports"): 95% dated, 61 fields on every line, 95% SQLDATE, 98% codebook
agreement, only PLOVER types, 95% of PLOVER records dated, 90% with an actor, Parquet ``date`` of type DATE.
"""

from __future__ import annotations

import csv
import html
import json
import re
import tempfile
import time
from pathlib import Path

from bench.common import SHARED, write_result

POLNEAR = SHARED / "anchors" / "quotes" / "polnear"
PAGE = ('<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>'
        '<meta property="article:published_time" content="{when}T12:00:00Z"></head>'
        '<body><article><h1>{title}</h1>{body}</article></body></html>')


def metadata() -> dict[str, dict]:
    with open(POLNEAR / "metadata.tsv", encoding="utf-8", newline="") as f:
        return {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}


def lay_out(folder: Path) -> dict[str, str]:
    """Write the corpus into ``folder``; return {source as the store records it: expected date}."""
    meta = metadata()
    want: dict[str, str] = {}
    dev = sorted((POLNEAR / "dev" / "text").glob("*.txt"))[:40]
    (folder / "polnear").mkdir(parents=True)
    for p in dev:
        (folder / "polnear" / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
        want[str(folder / "polnear" / p.name)] = re.search(r"\d{4}-\d\d-\d\d", p.name).group(0)
    train = [p for p in sorted((POLNEAR / "train" / "text").glob("*.txt")) if p.stem in meta][:8]
    for i, p in enumerate(train[:3]):
        row = meta[p.stem]
        paras = [x for x in p.read_text(encoding="utf-8").split("\n") if x.strip()]
        body = "".join(f"<p>{html.escape(x)}</p>" for x in paras)
        page = folder / f"page{i}.html"
        page.write_text(PAGE.format(title=html.escape(row["title"]), when=row["publication_date"], body=body),
                        encoding="utf-8")
        want[str(page)] = row["publication_date"]
    with open(folder / "wire.jsonl", "w", encoding="utf-8") as f:
        for n, p in enumerate(train[3:], start=1):
            row = meta[p.stem]
            f.write(json.dumps({"title": row["title"], "date": row["publication_date"], "outlet": row["publisher"],
                                "text": p.read_text(encoding="utf-8")}) + "\n")
            want[f"{folder / 'wire.jsonl'}#L{n}"] = row["publication_date"]
    return want


def main(argv=None) -> dict:
    import duckdb
    import pandas as pd

    from eventwire.corpus import ingest
    from eventwire.events.ontology import event_types
    from eventwire.export import GDELT_COLUMNS, export, gdelt_dtypes, goldstein_table, quad_class
    from eventwire.store import Store

    if not (POLNEAR / "dev" / "text").is_dir():
        raise SystemExit(f"bench.exports: no PolNeAR texts under {POLNEAR}")
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        want = lay_out(tmp / "corpus")
        db = tmp / "s.duckdb"
        ingest([tmp / "corpus"], db, workers=1, progress=False)
        with Store(db, read_only=True) as store:
            arts = store.sql("SELECT source, date, date_source FROM articles")
            gdelt, plover, parquet = tmp / "g.tsv", tmp / "p.jsonl", tmp / "e.parquet"
            export(store, gdelt, fmt="gdelt")
            export(store, plover, fmt="plover")
            export(store, parquet, fmt="parquet")
        lines = gdelt.read_bytes().decode().split("\n")[:-1]
        df = pd.read_csv(gdelt, sep="\t", header=None, names=GDELT_COLUMNS, dtype=gdelt_dtypes())
        table = goldstein_table()
        agree = [c in table and q == quad_class(c) and g == table[c]
                 for c, q, g in zip(df.EventCode, df.QuadClass, df.GoldsteinScale)]
        records = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
        types = set(event_types())
        dtype = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{parquet}')")
                     .fetchall())

    def share(xs) -> float:
        xs = list(xs)
        return round(sum(xs) / len(xs), 3) if xs else 0.0

    identified = [any(a.get("sector") != "UNK" or a.get("code") for a in r["actor"]) for r in records]
    figures = {
        "articles": len(arts), "articles_expected": len(want),
        "articles_dated": share(bool(a["date"]) for a in arts),
        "articles_date_right": share(a["date"] == want.get(a["source"]) for a in arts),
        "date_sources": {s: sum(1 for a in arts if a["date_source"] == s) for s in {a["date_source"] for a in arts}},
        "gdelt_rows": len(lines),
        "gdelt_61_fields": share(len(line.split("\t")) == 61 for line in lines),
        "gdelt_header": bool(lines) and lines[0].startswith("GLOBALEVENTID"),
        "gdelt_sqldate": round(float(df.SQLDATE.notna().mean()), 3) if len(df) else 0.0,
        "gdelt_codebook_agreement": share(agree),
        "plover_records": len(records),
        "plover_only_plover_types": all(r["event"][0] in types for r in records),
        "plover_dated": share(bool(r["date"]) for r in records),
        "plover_with_actor": share(identified),
        "plover_with_actor_or_unknown": share(bool(r["actor"]) for r in records),
        "parquet_date_type": dtype.get("date"),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(figures, indent=2))
    write_result("exports", {"command": "python -m bench.exports", "summary": {
        k: v for k, v in figures.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}, **figures})
    return figures


if __name__ == "__main__":
    main()
