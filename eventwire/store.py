"""The embedded store: one DuckDB file with a table per kind of record.

    with Store("news.duckdb") as store:
        store.add_story(story)                 # False if this article (content hash) is already stored
        store.query_events(country="SDN", type="AGREE")

Every row is keyed by ``article_id`` (the article's content hash) plus the record id from the story JSON, so
storing the same article twice adds nothing. All rows of an article are written in one transaction
(``add_stories`` writes a whole batch of articles in one), so a process killed at any moment leaves each
article either fully stored or absent, and the next run picks up where it stopped.

Only one process may open the file for writing; readers (the web app, ``eventwire events``) open it with
``read_only=True``. Values are always passed as parameters, never pasted into SQL. pandas and DuckDB users can
read the file directly: ``duckdb.connect("news.duckdb", read_only=True).sql("FROM events").df()``.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .errors import StoreError

# -- schema ---------------------------------------------------------------------------------------------
# (column, DuckDB type, arrow type name). The arrow types let a batch of rows go in as one arrow table.


@dataclass(frozen=True)
class Column:
    name: str
    sql: str
    arrow: str  # "string", "int64", "float64", "bool", "list", "json", "timestamp"


def _cols(spec: str) -> list[Column]:
    kinds = {"VARCHAR": "string", "INTEGER": "int64", "BIGINT": "int64", "DOUBLE": "float64",
             "BOOLEAN": "bool", "VARCHAR[]": "list", "JSON": "json", "TIMESTAMP": "timestamp", "BLOB": "binary"}
    out = []
    for part in spec.split(","):
        name, sql = part.split()
        out.append(Column(name, sql, kinds[sql]))
    return out


TABLES: dict[str, list[Column]] = {
    "articles": _cols("id VARCHAR, title VARCHAR, date VARCHAR, url VARCHAR, outlet VARCHAR, language VARCHAR, "
                      "source VARCHAR, text VARCHAR, story JSON, duplicate_of VARCHAR, ingested_at TIMESTAMP"),
    "actors": _cols("article_id VARCHAR, id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, "
                    "role VARCHAR, code VARCHAR"),
    "mentions": _cols("article_id VARCHAR, actor_id VARCHAR, start INTEGER, end INTEGER, text VARCHAR"),
    "events": _cols(
        "article_id VARCHAR, id VARCHAR, type VARCHAR, mode VARCHAR, context VARCHAR[], cameo VARCHAR, "
        "source VARCHAR[], target VARCHAR[], source_names VARCHAR, target_names VARCHAR, source_country VARCHAR, "
        "target_country VARCHAR, negated BOOLEAN, hypothetical BOOLEAN, date VARCHAR, date_precision VARCHAR, "
        "place_id VARCHAR, place_name VARCHAR, lat DOUBLE, lon DOUBLE, evidence_start INTEGER, "
        "evidence_end INTEGER, evidence_text VARCHAR, confidence DOUBLE, quad_class INTEGER, goldstein DOUBLE, "
        "quote_id VARCHAR, cluster_id VARCHAR"),
    "quotes": _cols("article_id VARCHAR, id VARCHAR, kind VARCHAR, speaker_id VARCHAR, speaker_name VARCHAR, "
                    "speaker_text VARCHAR, cue_text VARCHAR, content_text VARCHAR, content JSON"),
    "places": _cols("article_id VARCHAR, id VARCHAR, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, "
                    "feature VARCHAR, geonameid BIGINT, n_mentions INTEGER"),
    "failures": _cols("source VARCHAR, article_id VARCHAR, code VARCHAR, reason VARCHAR, at TIMESTAMP"),
    "event_clusters": _cols("cluster_id VARCHAR, type VARCHAR, source_key VARCHAR, target_key VARCHAR, "
                            "first_date VARCHAR, last_date VARCHAR, n_events INTEGER, n_articles INTEGER"),
    # MinHash signature of each article's text (raw bytes), for near-duplicate links (``dedup.py``).
    "signatures": _cols("article_id VARCHAR, minhash BLOB"),
}

KEYS = {
    "articles": ["id"],
    "actors": ["article_id", "id"],
    "mentions": ["article_id", "actor_id", "start", "end"],
    "events": ["article_id", "id"],
    "quotes": ["article_id", "id"],
    "places": ["article_id", "id"],
    "event_clusters": ["cluster_id"],
    "signatures": ["article_id"],
}

# Tables written per article (all in one transaction).
RECORD_TABLES = ["articles", "actors", "mentions", "events", "quotes", "places", "signatures"]

# Named migrations, applied once each and recorded in ``migrations`` (applying twice is safe).
MIGRATIONS: list[tuple[str, list[str]]] = [
    ("0001_initial", [
        *(
            f"CREATE TABLE IF NOT EXISTS {name} ("
            + ", ".join(f'"{c.name}" {c.sql}' for c in cols)
            + (", PRIMARY KEY (" + ", ".join(f'"{k}"' for k in KEYS[name]) + ")" if name in KEYS else "")
            + ")"
            for name, cols in TABLES.items()
        ),
        "CREATE INDEX IF NOT EXISTS events_type ON events(type)",
        "CREATE INDEX IF NOT EXISTS events_date ON events(date)",
    ]),
]


def _q(name: str) -> str:
    return f'"{name}"'


# -- rows from a story ----------------------------------------------------------------------------------


def story_rows(story: Any, *, signature: bytes | None = None, ingested_at: float | None = None
               ) -> dict[str, list[dict]]:
    """The rows of every table for one story (a ``Story``, its ``to_dict()`` form or that as a JSON string)."""
    story_json = story if isinstance(story, str) else None
    d = json.loads(story) if story_json else story if isinstance(story, dict) else story.to_dict()
    art = d["article"]
    aid = art["id"]
    actors = {a["id"]: a for a in d.get("actors", [])}
    places = {p["id"]: p for p in d.get("places", [])}
    when = _ts(ingested_at)
    rows: dict[str, list[dict]] = {t: [] for t in RECORD_TABLES}
    rows["articles"].append({
        "id": aid, "title": art.get("title"), "date": art.get("date"), "url": art.get("url"),
        "outlet": art.get("outlet"), "language": art.get("language"), "source": art.get("source"),
        "text": art["text"], "story": story_json or json.dumps(d, ensure_ascii=False), "duplicate_of": None,
        "ingested_at": when,
    })
    for a in d.get("actors", []):
        rows["actors"].append({"article_id": aid, "id": a["id"], "name": a.get("name"), "kind": a.get("kind"),
                               "country": a.get("country"), "sector": a.get("sector"), "role": a.get("role"),
                               "code": a.get("code")})
        seen = set()
        for m in a.get("mentions", []):
            if (m["start"], m["end"]) in seen:
                continue
            seen.add((m["start"], m["end"]))
            rows["mentions"].append({"article_id": aid, "actor_id": a["id"], "start": m["start"], "end": m["end"],
                                     "text": m["text"]})

    def names(ids):
        return "; ".join(actors[i]["name"] for i in ids if i in actors) or None

    def country(ids):
        for i in ids:
            c = actors.get(i, {}).get("country")
            if c:
                return c
        return None

    for e in d.get("events", []):
        place = places.get(e.get("place")) or {}
        ev = e.get("evidence") or {}
        rows["events"].append({
            "article_id": aid, "id": e["id"], "type": e.get("type"), "mode": e.get("mode"),
            "context": list(e.get("context") or []), "cameo": e.get("cameo"),
            "source": list(e.get("source") or []), "target": list(e.get("target") or []),
            "source_names": names(e.get("source") or []), "target_names": names(e.get("target") or []),
            "source_country": country(e.get("source") or []), "target_country": country(e.get("target") or []),
            "negated": bool(e.get("negated")), "hypothetical": bool(e.get("hypothetical")),
            "date": e.get("date"), "date_precision": e.get("date_precision"),
            "place_id": e.get("place"), "place_name": place.get("name"), "lat": place.get("lat"),
            "lon": place.get("lon"), "evidence_start": ev.get("start"), "evidence_end": ev.get("end"),
            "evidence_text": ev.get("text"), "confidence": e.get("confidence"), "quad_class": e.get("quad_class"),
            "goldstein": e.get("goldstein"), "quote_id": e.get("quote"), "cluster_id": None,
        })
    for q in d.get("quotes", []):
        speaker = actors.get(q.get("speaker")) or {}
        content = q.get("content") or []
        rows["quotes"].append({
            "article_id": aid, "id": q["id"], "kind": q.get("kind"), "speaker_id": q.get("speaker"),
            "speaker_name": speaker.get("name"), "speaker_text": q.get("speaker_text"),
            "cue_text": (q.get("cue") or {}).get("text"), "content_text": " ... ".join(c["text"] for c in content),
            "content": json.dumps(content, ensure_ascii=False),
        })
    for p in d.get("places", []):
        rows["places"].append({
            "article_id": aid, "id": p["id"], "name": p.get("name"), "country": p.get("country"),
            "lat": p.get("lat"), "lon": p.get("lon"), "feature": p.get("feature"),
            "geonameid": p.get("geonameid"), "n_mentions": len(p.get("mentions") or []),
        })
    if signature is not None:
        rows["signatures"].append({"article_id": aid, "minhash": signature})
    return rows


def _ts(when: float | None):
    import datetime as dt

    return dt.datetime.fromtimestamp(time.time() if when is None else when, dt.timezone.utc).replace(tzinfo=None)


def _arrow_table(table: str, rows: list[dict]):
    import pyarrow as pa

    types = {"string": pa.string(), "json": pa.string(), "int64": pa.int64(), "float64": pa.float64(),
             "bool": pa.bool_(), "list": pa.list_(pa.string()), "timestamp": pa.timestamp("us"),
             "binary": pa.binary()}
    cols = TABLES[table]
    schema = pa.schema([(c.name, types[c.arrow]) for c in cols])
    return pa.Table.from_pylist(rows, schema=schema)


# -- the store ------------------------------------------------------------------------------------------


class Store:
    """One DuckDB file. ``read_only=True`` for queries while no writer holds the file."""

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False):
        import duckdb

        self.path = str(path)
        self.read_only = read_only
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}: run `eventwire ingest PATH --db {self.path}` first")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as err:
            msg = str(err).splitlines()[0]
            if "lock" in msg.lower():
                raise StoreError(f"{self.path} is open for writing by another process (an ingest?); "
                                 "wait for it to finish, or query a copy") from None
            raise StoreError(f"cannot open the store {self.path}: {msg}") from None
        if not read_only:
            self.migrate()

    # -- lifecycle ---------------------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names."""
        self.con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
        done = {r[0] for r in self.con.execute("SELECT name FROM migrations").fetchall()}
        applied = []
        for name, statements in MIGRATIONS:
            if name in done:
                continue
            self.con.execute("BEGIN")
            try:
                for sql in statements:
                    self.con.execute(sql)
                self.con.execute("INSERT INTO migrations VALUES (?, ?)", [name, _ts(None)])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
            applied.append(name)
        return applied

    # -- writing -----------------------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone() is not None

    def known_ids(self, ids: Iterable[str] | None = None) -> set[str]:
        """The article ids already stored (of ``ids``, or all)."""
        if ids is None:
            return {r[0] for r in self.con.execute("SELECT id FROM articles").fetchall()}
        ids = list(ids)
        if not ids:
            return set()
        import pyarrow as pa

        wanted = pa.table({"id": pa.array(ids, pa.string())})  # noqa: F841 - read by the query below
        return {r[0] for r in self.con.execute("SELECT a.id FROM articles a JOIN wanted w USING (id)").fetchall()}

    def add_story(self, story: Any, *, signature: bytes | None = None) -> bool:
        """Store one story (a ``Story`` or its dict) in one transaction. False if it is already stored."""
        return self.add_stories([(story, signature)]) == 1

    def add_stories(self, items: Iterable[Any]) -> int:
        """Store a batch of stories in one transaction; each item is a story (``Story``, dict or JSON string)
        or ``(story, signature)``.
        Stories already stored (or repeated in the batch) are skipped. Returns how many were added."""
        batch: dict[str, dict[str, list[dict]]] = {}
        now = time.time()
        for item in items:
            story, sig = item if isinstance(item, tuple) else (item, None)
            rows = story_rows(story, signature=sig, ingested_at=now)
            batch.setdefault(rows["articles"][0]["id"], rows)
        if not batch:
            return 0
        known = self.known_ids(batch)
        fresh = [rows for aid, rows in batch.items() if aid not in known]
        if not fresh:
            return 0
        self.con.execute("BEGIN")
        try:
            for table in RECORD_TABLES:
                rows = [r for story in fresh for r in story[table]]
                if not rows:
                    continue
                data = _arrow_table(table, rows)  # noqa: F841 - read by the query below
                self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM data")
            self.con.execute("COMMIT")
        except Exception as err:
            self.con.execute("ROLLBACK")
            raise StoreError(f"could not store {len(fresh)} article(s): {str(err).splitlines()[0]}") from None
        return len(fresh)

    def add_failure(self, source: str | None, article_id: str | None, code: str, reason: str) -> bool:
        """Record an article that could not be coded. The same failure (source, article, code) is kept once."""
        hit = self.con.execute(
            "SELECT 1 FROM failures WHERE source IS NOT DISTINCT FROM ? AND article_id IS NOT DISTINCT FROM ? "
            "AND code = ?", [source, article_id, code]).fetchone()
        if hit:
            return False
        self.con.execute("INSERT INTO failures VALUES (?, ?, ?, ?, ?)", [source, article_id, code, reason, _ts(None)])
        return True

    # -- reading -----------------------------------------------------------------------------------------
    def sql(self, query: str, params: list | None = None) -> list[dict]:
        """Run a query with parameters and return rows as dicts."""
        cur = self.con.execute(query, params or [])
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def get_story(self, article_id: str) -> dict | None:
        """The story JSON as stored, or None."""
        row = self.con.execute("SELECT story FROM articles WHERE id = ?", [article_id]).fetchone()
        return json.loads(row[0]) if row else None

    def articles(self, *, text: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
        """Articles (without their story JSON), newest first; ``text`` filters title and text."""
        where, params = "", []
        if text:
            where = "WHERE title ILIKE ? OR text ILIKE ?"
            params = [f"%{text}%", f"%{text}%"]
        return self.sql(
            "SELECT id, title, date, url, outlet, language, source, duplicate_of, ingested_at, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events "
            f"FROM articles a {where} ORDER BY date DESC NULLS LAST, id LIMIT ? OFFSET ?",
            params + [int(limit), int(offset)])

    def query_events(self, actor: str | None = None, country: str | None = None, type: str | None = None,
                     date_from: str | None = None, date_to: str | None = None, place: str | None = None,
                     text: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Events filtered by actor (name or code, either side), country (ISO alpha-3, either side), PLOVER
        type, date range (inclusive, YYYY-MM-DD), place name and evidence text; with article fields."""
        where, params = _event_filters(actor=actor, country=country, type=type, date_from=date_from,
                                       date_to=date_to, place=place, text=text)
        sql = (
            "SELECT e.*, a.title AS article_title, a.date AS article_date, a.url AS article_url, "
            "a.outlet AS article_outlet, a.duplicate_of AS article_duplicate_of, a.ingested_at AS article_ingested_at, "
            "c.n_events AS cluster_events, c.n_articles AS cluster_articles "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id "
            f"{where} ORDER BY COALESCE(e.date, a.date) NULLS LAST, e.article_id, e.id"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        return self.sql(sql, params)

    def count_events(self, **filters) -> int:
        where, params = _event_filters(**filters)
        return self.con.execute(
            f"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id {where}", params).fetchone()[0]


def _event_filters(actor=None, country=None, type=None, date_from=None, date_to=None, place=None, text=None
                   ) -> tuple[str, list]:
    clauses, params = [], []
    if actor:
        clauses.append(
            "(e.source_names ILIKE ? OR e.target_names ILIKE ? OR EXISTS (SELECT 1 FROM actors x "
            "WHERE x.article_id = e.article_id AND (list_contains(e.source, x.id) OR list_contains(e.target, x.id)) "
            "AND (x.code ILIKE ? OR x.name ILIKE ?)))")
        params += [f"%{actor}%", f"%{actor}%", actor, f"%{actor}%"]
    if country:
        clauses.append("(e.source_country = ? OR e.target_country = ?)")
        params += [country.upper(), country.upper()]
    if type:
        clauses.append("e.type = ?")
        params.append(type.upper())
    if date_from:
        clauses.append("COALESCE(e.date, a.date) >= ?")
        params.append(date_from)
    if date_to:
        clauses.append("COALESCE(e.date, a.date) <= ?")
        params.append(date_to + "\uffff" if len(date_to) < 10 else date_to)
    if place:
        clauses.append("e.place_name ILIKE ?")
        params.append(f"%{place}%")
    if text:
        clauses.append("e.evidence_text ILIKE ?")
        params.append(f"%{text}%")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params
