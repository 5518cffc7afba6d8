"""Read queries for the web app and its API, on a read-only store.

Built on ``eventwire.store.Store`` (which owns the schema); this module adds the read queries the pages need:
filtered and paginated lists with a total, actor profiles across articles, the dyad network, the timeline
and the places on the map. Every value goes in as a parameter; sort keys are looked up in fixed tables, so
no request text ever becomes SQL. Each call runs on its own DuckDB cursor, so requests served by different
threads never share one. The store is opened as a reader (``Store(read_only=True)``): while an ingest writes
to the same file, each query waits (briefly) for the writer's turn to end and sees what is committed so far.

An actor across articles is identified by its canonical name (``actors.name``): the actor stage resolves
"Karzai" and "President Hamid Karzai" to one name within an article, and the same name in two articles is
taken to be the same actor.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from . import tone

MAX_LIMIT = 500
TAIL = 0.025  # the timeline leaves out this share of events at each end of the dates, unless dates are asked for
PROFILE_MAX = 50  # records of each kind listed in an actor's profile (the totals are given too)

# What to call an article in lists: its title, else where it was read from, else its id.
TITLE = "COALESCE(a.title, a.source, 'article ' || a.id)"

# An event's date for filtering and the timeline: the event's own date, else the article's.
EVENT_DAY = "COALESCE(e.date, a.date)"

# What a network node is, at each level, in SQL over a ``roles`` row {x}.
NETWORK_LEVELS = {
    "actor": "{x}.name",
    "country": "{x}.country",
    "sector": "CASE WHEN {x}.country IS NOT NULL THEN {x}.country || COALESCE('-' || {x}.sector, '') END",
}

# One row per (event, actor, side): who is source and who is target, with the actor's name and country.
ROLES_SQL = """
roles AS (
    SELECT r.article_id, r.event_id, r.side, r.actor_id, x.name, x.country, x.sector
    FROM (
        SELECT article_id, id AS event_id, 'source' AS side, unnest(source) AS actor_id FROM events {where}
        UNION ALL
        SELECT article_id, id AS event_id, 'target' AS side, unnest(target) AS actor_id FROM events {where}
    ) r JOIN actors x ON x.article_id = r.article_id AND x.id = r.actor_id
)"""
ROLES = ROLES_SQL.format(where="")
# The same, only over the articles in which an actor of a given name appears (two ? for the name).
ROLES_OF_NAME = ROLES_SQL.format(where="WHERE article_id IN (SELECT article_id FROM actors WHERE name = ?)")

EVENT_SORTS = {
    "date": EVENT_DAY, "type": "e.type", "source": "e.source_names", "target": "e.target_names",
    "cameo": "e.cameo", "place": "e.place_name", "confidence": "e.confidence", "goldstein": "e.goldstein",
    "article": "a.title", "country": "e.source_country",
}
ARTICLE_SORTS = {"date": "a.date", "title": "a.title", "outlet": "a.outlet", "events": "n_events",
                 "actors": "n_actors", "quotes": "n_quotes"}
ACTOR_SORTS = {"name": "name", "country": "country", "sector": "sector", "articles": "n_articles",
               "mentions": "n_mentions", "events": "n_events", "source": "n_source", "target": "n_target"}
QUOTE_SORTS = {"date": "a.date", "speaker": "speaker", "kind": "q.kind", "article": "a.title"}
PLACE_SORTS = {"name": "name", "country": "country", "events": "n_events", "articles": "n_articles",
               "mentions": "n_mentions"}


def like(value: str) -> str:
    """A substring pattern for ILIKE ... ESCAPE '\\' in which the user's % and _ are plain characters."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


LIKE = "ILIKE ? ESCAPE '\\'"


def order_by(sorts: dict[str, str], key: str | None, default: str, desc: bool) -> str:
    expr = sorts.get(key or "", sorts[default])
    return f"{expr} {'DESC' if desc else 'ASC'} NULLS LAST"


@dataclass
class Filters:
    """The filters every list understands (each list applies those that make sense for it)."""

    actor: str | None = None  # actor name or code, substring, either side of an event
    country: str | None = None  # ISO alpha-3
    type: str | None = None  # PLOVER event type
    date_from: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, inclusive
    date_to: str | None = None
    place: str | None = None  # place name, substring
    text: str | None = None  # free text
    article: str | None = None  # article id
    quad: int | None = None  # quad class 1-4


def date_to_bound(value: str) -> str:
    """The inclusive upper bound for a date given as a year or month too: 2008-11 covers 2008-11-30."""
    return value + "\uffff" if len(value) < 10 else value


def event_where(f: Filters) -> tuple[list[str], list]:
    """WHERE clauses on ``events e JOIN articles a``."""
    clauses, params = [], []
    if f.actor:
        clauses.append(
            "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
            "AND (list_contains(e.source, x.id) OR list_contains(e.target, x.id)) "
            f"AND (x.name {LIKE} OR x.code ILIKE ?))")
        params += [like(f.actor), f.actor]
    if f.country:
        clauses.append("(e.source_country = ? OR e.target_country = ? OR EXISTS (SELECT 1 FROM places p "
                       "WHERE p.article_id = e.article_id AND p.id = e.place_id AND p.country = ?))")
        params += [f.country.upper()] * 3
    if f.type:
        clauses.append("e.type = ?")
        params.append(f.type.upper())
    if f.date_from:
        clauses.append(f"{EVENT_DAY} >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append(f"{EVENT_DAY} <= ?")
        params.append(date_to_bound(f.date_to))
    if f.place:
        clauses.append(f"e.place_name {LIKE}")
        params.append(like(f.place))
    if f.text:
        clauses.append(f"(e.evidence_text {LIKE} OR a.title {LIKE})")
        params += [like(f.text)] * 2
    if f.article:
        clauses.append("e.article_id = ?")
        params.append(f.article)
    if f.quad:
        clauses.append(_QUAD_SQL + " = ?")
        params.append(int(f.quad))
    return clauses, params


# The quad class in SQL: stored, else from the CAMEO root, else from the Goldstein sign (as ``tone.quad_class``).
_QUAD_SQL = ("COALESCE(e.quad_class, CASE WHEN TRY_CAST(left(e.cameo, 2) AS INTEGER) BETWEEN 1 AND 5 THEN 1 "
             "WHEN TRY_CAST(left(e.cameo, 2) AS INTEGER) BETWEEN 6 AND 8 THEN 2 "
             "WHEN TRY_CAST(left(e.cameo, 2) AS INTEGER) BETWEEN 9 AND 14 THEN 3 "
             "WHEN TRY_CAST(left(e.cameo, 2) AS INTEGER) BETWEEN 15 AND 20 THEN 4 END, "
             "CASE WHEN e.goldstein > 0 THEN 1 WHEN e.goldstein < 0 THEN 3 END)")


def article_where(f: Filters) -> tuple[list[str], list]:
    """WHERE clauses on ``articles a``: an article matches when it holds a matching record."""
    clauses, params = [], []
    if f.text:
        clauses.append(f"(a.title {LIKE} OR a.text {LIKE})")
        params += [like(f.text)] * 2
    if f.date_from:
        clauses.append("a.date >= ?")
        params.append(f.date_from)
    if f.date_to:
        clauses.append("a.date <= ?")
        params.append(date_to_bound(f.date_to))
    if f.actor:
        clauses.append(f"EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND (x.name {LIKE} OR x.code ILIKE ?))")
        params += [like(f.actor), f.actor]
    if f.country:
        clauses.append("(EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND x.country = ?) OR "
                       "EXISTS (SELECT 1 FROM places p WHERE p.article_id = a.id AND p.country = ?))")
        params += [f.country.upper()] * 2
    if f.type:
        clauses.append("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.type = ?)")
        params.append(f.type.upper())
    if f.place:
        clauses.append(f"EXISTS (SELECT 1 FROM places p WHERE p.article_id = a.id AND p.name {LIKE})")
        params.append(like(f.place))
    if f.article:
        clauses.append("a.id = ?")
        params.append(f.article)
    return clauses, params


def _bring_up_to_date(path: str) -> None:
    """Apply the store's pending migrations (new tables and indexes) when this process may write the file; a
    store being written by an ingest is already up to date (the writer migrates when it opens the file)."""
    import duckdb

    from ..store import MIGRATIONS, Store

    try:
        with duckdb.connect(path, read_only=True) as con:
            done = {r[0] for r in con.execute("SELECT name FROM migrations").fetchall()}
    except duckdb.Error:
        return  # busy, or not a store: the reader will say so
    if all(name in done for name, _ in MIGRATIONS):
        return
    try:
        Store(path).close()
    except (StoreError, OSError):
        pass


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


class Queries:
    """The read side of one store file, opened read-only."""

    def __init__(self, db_path: str | Path):
        from ..store import Store

        self.path = str(db_path)
        if not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}: build one with `eventwire ingest PATH --db {self.path}`")
        _bring_up_to_date(self.path)
        self.store = Store(self.path, read_only=True)
        self._cache: dict[str, tuple] = {}

    def close(self) -> None:
        self.store.close()

    # -- plumbing ----------------------------------------------------------------------------------------
    def rows(self, sql: str, params: list | None = None) -> list[dict]:
        with self.store.cursor() as cur:
            res = cur.execute(sql, params or [])
            names = [c[0] for c in res.description]
            return [dict(zip(names, r)) for r in res.fetchall()]

    def value(self, sql: str, params: list | None = None):
        rows = self.rows(sql, params)
        return next(iter(rows[0].values())) if rows else None

    # -- overview ----------------------------------------------------------------------------------------
    # Every page shows the store's totals and offers its event types and countries in the filter form. They
    # change only when something is written, so they are kept until the store's version changes.
    def version(self) -> tuple:
        """Changes whenever an ingest adds articles, the duplicate pass links them, or an analyst corrects."""
        row = self.rows("SELECT (SELECT count(*) FROM articles) AS a, (SELECT count(*) FROM event_clusters) AS k, "
                        "(SELECT COALESCE(max(id), 0) FROM corrections) AS c")[0]
        return tuple(row.values())

    def _kept(self, key: str, compute):
        version = self.version()
        hit = self._cache.get(key)
        if hit is not None and hit[0] == version:
            return hit[1]
        value = compute()
        self._cache[key] = (version, value)
        return value

    def summary(self) -> dict:
        return dict(self._kept("summary", self._summary))

    def event_types(self) -> list[dict]:
        return self._kept("event_types", self._event_types)

    def countries(self) -> list[str]:
        return self._kept("countries", self._countries)

    def _summary(self) -> dict:
        row = self.rows(
            "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events, "
            "(SELECT count(DISTINCT name) FROM actors) AS actors, (SELECT count(*) FROM quotes) AS quotes, "
            "(SELECT count(DISTINCT name) FROM places) AS places, "
            "(SELECT min(date) FROM articles) AS first_date, (SELECT max(date) FROM articles) AS last_date")[0]
        return row

    def _event_types(self) -> list[dict]:
        return self.rows("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type")

    def _countries(self) -> list[str]:
        return [r["c"] for r in self.rows(
            "SELECT DISTINCT c FROM (SELECT country AS c FROM actors UNION SELECT country FROM places) "
            "WHERE c IS NOT NULL ORDER BY c")]

    # -- articles ----------------------------------------------------------------------------------------
    def articles(self, f: Filters, *, limit=50, offset=0, sort=None, desc=True) -> tuple[int, list[dict]]:
        clauses, params = article_where(f)
        where = _where(clauses)
        total = self.value(f"SELECT count(*) FROM articles a {where}", params)
        rows = self.rows(
            "SELECT a.id, a.title, a.date, a.url, a.outlet, a.language, a.source, a.duplicate_of, "
            "a.n_events, a.n_actors, a.n_quotes, a.n_places, "
            "length(a.text) AS n_chars "
            f"FROM articles a {where} ORDER BY {order_by(ARTICLE_SORTS, sort, 'date', desc)}, a.id "
            "LIMIT ? OFFSET ?", params + [limit, offset])
        return total, rows

    def story(self, article_id: str) -> dict | None:
        rows = self.rows("SELECT story FROM articles WHERE id = ?", [article_id])
        return json.loads(rows[0]["story"]) if rows else None

    # -- events ------------------------------------------------------------------------------------------
    def events(self, f: Filters, *, limit=50, offset=0, sort=None, desc=False, collapse=False, cluster=None
               ) -> tuple[int, list[dict]]:
        """Events with article fields. ``collapse``: one row per event cluster (the same event reported by
        several articles, as linked by ``dedup``), the first matching report standing for the cluster;
        ``cluster``: only the reports of one cluster."""
        clauses, params = event_where(f)
        if cluster:
            clauses.append("e.cluster_id = ?")
            params.append(cluster)
        where = _where(clauses)
        base = ("FROM events e JOIN articles a ON a.id = e.article_id "
                f"LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id {where}")
        if collapse:
            base += (" QUALIFY row_number() OVER (PARTITION BY COALESCE(e.cluster_id, e.article_id || '/' || e.id) "
                     f"ORDER BY {EVENT_DAY} NULLS LAST, e.article_id, e.id) = 1")
        total = self.value(f"SELECT count(*) FROM (SELECT e.id {base})", params)
        rows = self.rows(
            "SELECT e.article_id, e.id, e.type, e.mode, e.context, e.cameo, e.source, e.target, e.source_names, "
            "e.target_names, e.source_country, e.target_country, e.negated, e.hypothetical, e.date, "
            f"e.date_precision, {EVENT_DAY} AS day, e.place_id, e.place_name, e.lat, e.lon, e.evidence_start, "
            f"e.evidence_end, e.evidence_text, e.confidence, e.quad_class, {_QUAD_SQL} AS quad, e.goldstein, "
            "e.quote_id, e.cluster_id, COALESCE(e.corrected, false) AS corrected, c.n_events AS cluster_events, "
            "c.n_articles AS cluster_articles, "
            "a.duplicate_of AS article_duplicate_of, "
            f"{TITLE} AS article_title, a.date AS article_date, a.outlet AS article_outlet "
            f"{base} ORDER BY {order_by(EVENT_SORTS, sort, 'date', desc)}, e.article_id, e.id LIMIT ? OFFSET ?",
            params + [limit, offset])
        for r in rows:
            r["quad_name"] = tone.QUAD_NAMES.get(r["quad"])
            r["tone"] = tone.css(r["quad"])
        return total, rows

    # -- actors ------------------------------------------------------------------------------------------
    def actors(self, f: Filters, *, sector=None, kind=None, limit=50, offset=0, sort=None, desc=True
               ) -> tuple[int, list[dict]]:
        clauses, params = [], []
        name = f.actor or f.text
        if name:
            clauses.append(f"(x.name {LIKE} OR x.code ILIKE ? OR x.role {LIKE})")
            params += [like(name), name, like(name)]
        if f.country:
            clauses.append("x.country = ?")
            params.append(f.country.upper())
        if sector:
            clauses.append("x.sector = ?")
            params.append(sector.upper())
        if kind:
            clauses.append("x.kind = ?")
            params.append(kind)
        if f.article:
            clauses.append("x.article_id = ?")
            params.append(f.article)
        if f.date_from or f.date_to or f.type or f.place:
            sub, subp = article_where(Filters(date_from=f.date_from, date_to=f.date_to, type=f.type, place=f.place))
            clauses.append(f"x.article_id IN (SELECT a.id FROM articles a {_where(sub)})")
            params += subp
        where = _where(clauses)
        # Mentions and events per actor record are counted when the record is stored (``store.story_rows``).
        # An actor's country, sector, kind and code are the commonest of its records: mode() is the costly part,
        # so unless the sort needs them they are computed for the page's names only.
        counts = ("count(DISTINCT article_id) AS n_articles, COALESCE(sum(n_mentions), 0) AS n_mentions, "
                  "COALESCE(sum(n_source), 0) AS n_source, COALESCE(sum(n_target), 0) AS n_target, "
                  "COALESCE(sum(n_events), 0) AS n_events")
        modes = ("mode(country) AS country, mode(sector) AS sector, mode(kind) AS kind, mode(code) AS code, "
                 "string_agg(DISTINCT role, '; ') AS roles")
        total = self.value(f"SELECT count(DISTINCT x.name) FROM actors x {where}", params)
        order = f"ORDER BY {order_by(ACTOR_SORTS, sort, 'events', desc)}, name LIMIT ? OFFSET ?"
        if sort in ("country", "sector"):
            rows = self.rows(f"SELECT name, {modes}, {counts} FROM actors x {where} GROUP BY name {order}",
                             params + [limit, offset])
            return total, rows
        rows = self.rows(f"SELECT name, {counts} FROM actors x {where} GROUP BY name {order}", params + [limit, offset])
        if rows:
            import pyarrow as pa

            page_names = pa.table({"name": pa.array([r["name"] for r in rows], pa.string())})  # noqa: F841
            with self.store.cursor() as cur:
                res = cur.execute(f"SELECT name, {modes} FROM actors x {where}{' AND' if where else ' WHERE'} "
                                  "x.name IN (SELECT name FROM page_names) GROUP BY name", params)
                names = [c[0] for c in res.description]
                found = {r[0]: dict(zip(names, r)) for r in res.fetchall()}
            rows = [{"name": r["name"], **{k: v for k, v in found.get(r["name"], {}).items() if k != "name"},
                     **{k: v for k, v in r.items() if k != "name"}} for r in rows]
        return total, rows

    def actor(self, name: str) -> dict | None:
        """One actor across articles: identity, events as source and target, quotes, partners."""
        rows = self.rows(
            f"SELECT x.article_id, x.id, x.kind, x.country, x.sector, x.role, x.code, {TITLE} AS title, a.date "
            "FROM (SELECT * FROM actors WHERE name = ?) x JOIN articles a ON a.id = x.article_id ORDER BY a.date, a.id",
            [name])
        if not rows:
            return None

        def distinct(key):
            return sorted({r[key] for r in rows if r[key]})

        # The actor's events on each side: its records (by the name index) joined to the events that list them.
        def side_events(side: str) -> tuple[int, list[dict]]:
            base = (f"FROM (SELECT DISTINCT e.article_id, e.id FROM (SELECT article_id, id FROM actors WHERE name = ?) x "
                    f"JOIN events e ON e.article_id = x.article_id WHERE list_contains(e.{side}, x.id)) k "
                    "JOIN events e ON e.article_id = k.article_id AND e.id = k.id JOIN articles a ON a.id = e.article_id")
            rows_ = self.rows(
                f"SELECT '{side}' AS side, e.article_id, e.id, e.type, e.cameo, e.source_names, e.target_names, "
                f"e.negated, e.hypothetical, {EVENT_DAY} AS day, e.place_name, e.evidence_text, {_QUAD_SQL} AS quad, "
                f"{TITLE} AS article_title, COALESCE(e.corrected, false) AS corrected, count(*) OVER () AS total "
                f"{base} ORDER BY day NULLS LAST, e.article_id, e.id LIMIT ?", [name, PROFILE_MAX])
            total = rows_[0]["total"] if rows_ else 0
            for e in rows_:
                del e["total"]
                e["tone"] = tone.css(e["quad"])
                e["quad_name"] = tone.QUAD_NAMES.get(e["quad"])
            return total, rows_

        n_source, as_source = side_events("source")
        n_target, as_target = side_events("target")
        quote_base = ("FROM (SELECT article_id, id FROM actors WHERE name = ?) x JOIN quotes q "
                      "ON q.article_id = x.article_id AND q.speaker_id = x.id JOIN articles a ON a.id = q.article_id")
        quotes = self.rows(
            f"SELECT q.article_id, q.id, q.kind, q.cue_text, q.content_text, {TITLE} AS article_title, a.date, "
            f"count(*) OVER () AS total {quote_base} ORDER BY a.date NULLS LAST, q.article_id, q.id LIMIT ?",
            [name, PROFILE_MAX])
        n_quotes = quotes[0]["total"] if quotes else 0
        for q in quotes:
            del q["total"]
        partners = self.partners(name)
        articles = [{"id": r["article_id"], "title": r["title"], "date": r["date"], "actor_id": r["id"]} for r in rows]
        # A much-reported actor (a president) has thousands of records: the profile lists the first PROFILE_MAX
        # of each, with the totals; the events and quotes tables page through the rest.
        return {
            "name": name, "kinds": distinct("kind"), "countries": distinct("country"),
            "sectors": distinct("sector"), "roles": distinct("role"), "codes": distinct("code"),
            "n_articles": len(articles), "n_as_source": n_source, "n_as_target": n_target,
            "n_quotes": n_quotes, "n_partners": len(partners), "list_max": PROFILE_MAX,
            "articles": articles[:PROFILE_MAX], "as_source": as_source[:PROFILE_MAX],
            "as_target": as_target[:PROFILE_MAX], "quotes": quotes[:PROFILE_MAX], "partners": partners[:PROFILE_MAX],
        }

    def partners(self, name: str) -> list[dict]:
        """The actors that the named one acts on or is acted on by, with cooperation and conflict counts."""
        side = ("SELECT DISTINCT '{d}' AS dir, e.article_id, e.id, unnest(e.{other}) AS other, "
                f"{_QUAD_SQL} AS quad FROM mine x JOIN events e ON e.article_id = x.article_id "
                "WHERE list_contains(e.{mine}, x.id)")
        return self.rows(
            "WITH mine AS (SELECT article_id, id FROM actors WHERE name = ?), "
            f"ev AS ({side.format(d='out', other='target', mine='source')} UNION ALL "
            f"{side.format(d='in', other='source', mine='target')}), "
            "pairs AS (SELECT ev.*, y.name AS partner FROM ev JOIN actors y ON y.article_id = ev.article_id "
            "AND y.id = ev.other WHERE y.name <> ?) "
            "SELECT partner, count(DISTINCT (article_id, id)) AS n_events, "
            "count(DISTINCT (article_id, id)) FILTER (WHERE dir = 'out') AS n_out, "
            "count(DISTINCT (article_id, id)) FILTER (WHERE dir = 'in') AS n_in, "
            "count(DISTINCT (article_id, id)) FILTER (WHERE quad IN (1, 2)) AS n_coop, "
            "count(DISTINCT (article_id, id)) FILTER (WHERE quad IN (3, 4)) AS n_conflict "
            "FROM pairs GROUP BY partner ORDER BY n_events DESC, partner", [name, name])

    # -- quotes ------------------------------------------------------------------------------------------
    def quotes(self, f: Filters, *, kind=None, limit=50, offset=0, sort=None, desc=False) -> tuple[int, list[dict]]:
        clauses, params = [], []
        if f.actor:
            clauses.append(f"(x.name {LIKE} OR q.speaker_text {LIKE} OR x.code ILIKE ?)")
            params += [like(f.actor), like(f.actor), f.actor]
        if f.country:
            clauses.append("x.country = ?")
            params.append(f.country.upper())
        if f.text:
            clauses.append(f"q.content_text {LIKE}")
            params.append(like(f.text))
        if kind:
            clauses.append("q.kind = ?")
            params.append(kind)
        sub, subp = article_where(Filters(date_from=f.date_from, date_to=f.date_to, type=f.type, place=f.place,
                                          article=f.article))
        clauses += sub
        params += subp
        base = ("FROM quotes q JOIN articles a ON a.id = q.article_id "
                f"LEFT JOIN actors x ON x.article_id = q.article_id AND x.id = q.speaker_id {_where(clauses)}")
        total = self.value(f"SELECT count(*) {base}", params)
        rows = self.rows(
            "SELECT q.article_id, q.id, q.kind, q.speaker_id, COALESCE(x.name, q.speaker_text) AS speaker, "
            "x.country AS speaker_country, q.speaker_text, q.cue_text, q.content_text, q.content, "
            "COALESCE(q.corrected, false) AS corrected, "
            f"{TITLE} AS article_title, a.date AS article_date {base} "
            f"ORDER BY {order_by(QUOTE_SORTS, sort, 'date', desc)}, q.article_id, q.id LIMIT ? OFFSET ?",
            params + [limit, offset])
        for r in rows:
            r["content"] = json.loads(r["content"]) if isinstance(r["content"], str) else r["content"]
        return total, rows

    # -- places ------------------------------------------------------------------------------------------
    def places(self, f: Filters, *, limit=50, offset=0, sort=None, desc=True) -> tuple[int, list[dict]]:
        """Places across articles (one row per name and position) with how many events happened there."""
        clauses, params = [], []
        name = f.place or f.text
        if name:
            clauses.append(f"p.name {LIKE}")
            params.append(like(name))
        if f.country:
            clauses.append("p.country = ?")
            params.append(f.country.upper())
        sub, subp = article_where(Filters(date_from=f.date_from, date_to=f.date_to, actor=f.actor, type=f.type,
                                          article=f.article))
        clauses += sub
        params += subp
        base = f"FROM places p JOIN articles a ON a.id = p.article_id {_where(clauses)}"
        grouped = (
            "SELECT p.name, p.country, p.lat, p.lon, mode(p.feature) AS feature, any_value(p.geonameid) AS geonameid, "
            "count(DISTINCT p.article_id) AS n_articles, sum(p.n_mentions) AS n_mentions, "
            "COALESCE(sum(p.n_events), 0) AS n_events "
            f"{base} GROUP BY p.name, p.country, p.lat, p.lon")
        total = self.value(f"SELECT count(*) FROM (SELECT DISTINCT p.name, p.country, p.lat, p.lon {base})", params)
        rows = self.rows(f"SELECT * FROM ({grouped}) ORDER BY {order_by(PLACE_SORTS, sort, 'events', desc)}, name "
                         "LIMIT ? OFFSET ?", params + [limit, offset])
        return total, rows

    def placed_events(self, f: Filters) -> dict:
        """How many matching events there are, and how many have a place with coordinates (the map's note)."""
        clauses, params = event_where(f)
        return self.rows(
            "SELECT count(*) AS events_total, count(*) FILTER (WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL) "
            f"AS events_placed FROM events e JOIN articles a ON a.id = e.article_id {_where(clauses)}", params)[0]

    def country_events(self, f: Filters) -> list[dict]:
        """Events per country where they happened (the place's country), for shading the map."""
        clauses, params = event_where(f)
        return self.rows(
            "SELECT p.country, count(*) AS n_events FROM events e JOIN articles a ON a.id = e.article_id "
            "JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id "
            f"{_where(clauses + ['p.country IS NOT NULL'])} GROUP BY p.country ORDER BY n_events DESC", params)

    # -- corrections -------------------------------------------------------------------------------------
    def corrections(self, *, article: str | None = None, limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
        """Analyst corrections, newest first, with the article's title."""
        where, params = ("WHERE c.article_id = ?", [article]) if article else ("", [])
        total = self.value(f"SELECT count(*) FROM corrections c {where}", params)
        rows = self.rows(
            f"SELECT c.*, {TITLE} AS article_title FROM corrections c JOIN articles a ON a.id = c.article_id "
            f"{where} ORDER BY c.id DESC LIMIT ? OFFSET ?", params + [limit, offset])
        for r in rows:
            for k in ("changes", "before", "after"):
                r[k] = json.loads(r[k]) if isinstance(r[k], str) else r[k]
        return total, rows

    # -- network and timeline ----------------------------------------------------------------------------
    def network(self, f: Filters, *, level: str = "actor", edges: int = 150, focus: str | None = None,
                min_events: int = 1) -> dict:
        """The strongest ``edges`` interactions (source -> target, by number of events) between nodes of a
        ``level``: "actor" (canonical name), "country" (the actor's country) or "sector" (country and sector,
        e.g. USA-GOV). ``focus``: only the node's neighbourhood, its own edges and those among its neighbours.
        Nodes carry a community (``network.communities``) for the layout; the totals say what was left out."""
        from .network import communities

        key = NETWORK_LEVELS[level]
        clauses, params = event_where(f)
        clauses += [f"{key.format(x='s')} IS NOT NULL", f"{key.format(x='t')} IS NOT NULL",
                    f"{key.format(x='s')} <> {key.format(x='t')}"]
        dyads = (
            f"WITH {ROLES}, dyads AS (SELECT DISTINCT e.article_id, e.id, {key.format(x='s')} AS source, "
            f"{key.format(x='t')} AS target, e.type, {_QUAD_SQL} AS quad, e.goldstein, s.country AS sc, "
            "s.sector AS ss, t.country AS tc, t.sector AS ts "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "JOIN roles s ON s.article_id = e.article_id AND s.event_id = e.id AND s.side = 'source' "
            "JOIN roles t ON t.article_id = e.article_id AND t.event_id = e.id AND t.side = 'target' "
            f"{_where(clauses)}) ")
        # Counted per (source, target, type) in SQL (cheaper than per-edge histograms and modes), folded here.
        parts = self.rows(
            dyads + "SELECT source, target, type, count(*) AS n, count(*) FILTER (WHERE quad IN (1, 2)) AS coop, "
            "count(*) FILTER (WHERE quad IN (3, 4)) AS conflict, sum(goldstein) AS g, count(goldstein) AS n_g, "
            "min(sc) AS source_country, min(ss) AS source_sector, min(tc) AS target_country, "
            "min(ts) AS target_sector FROM dyads GROUP BY source, target, type", params)
        folded: dict[tuple[str, str], dict] = {}
        for p in parts:
            e = folded.setdefault((p["source"], p["target"]), {
                "source": p["source"], "target": p["target"], "n_events": 0, "n_coop": 0, "n_conflict": 0,
                "g": 0.0, "n_g": 0, "types": {}, "source_country": p["source_country"],
                "source_sector": p["source_sector"], "target_country": p["target_country"],
                "target_sector": p["target_sector"]})
            e["n_events"] += p["n"]
            e["n_coop"] += p["coop"]
            e["n_conflict"] += p["conflict"]
            e["g"] += p["g"] or 0.0
            e["n_g"] += p["n_g"]
            e["types"][p["type"]] = p["n"]
        edge_rows = sorted((e for e in folded.values() if e["n_events"] >= min_events),
                           key=lambda e: (-e["n_events"], e["source"], e["target"]))
        for e in edge_rows:
            g, n_g = e.pop("g"), e.pop("n_g")
            e["mean_goldstein"] = round(g / n_g, 2) if n_g else None
        total_edges = len(edge_rows)
        if focus:
            near = {focus} | {r["target"] for r in edge_rows if r["source"] == focus} | \
                {r["source"] for r in edge_rows if r["target"] == focus}
            edge_rows = [r for r in edge_rows if r["source"] in near and r["target"] in near]
        kept = edge_rows[:edges]
        strength: dict[str, int] = {}
        for r in edge_rows:  # a node's weight counts all its interactions, shown or not
            for side in ("source", "target"):
                strength[r[side]] = strength.get(r[side], 0) + r["n_events"]
        names = {r[side] for r in kept for side in ("source", "target")}
        info = self._node_info(level, names, kept)
        community = communities([(r["source"], r["target"], r["n_events"]) for r in kept])
        degree: dict[str, int] = {}
        for r in kept:
            for side in ("source", "target"):
                degree[r[side]] = degree.get(r[side], 0) + 1
        nodes = [{"id": n, "label": info.get(n, {}).get("label", n), "country": info.get(n, {}).get("country"),
                  "sector": info.get(n, {}).get("sector"), "n_events": strength.get(n, 0),
                  "degree": degree.get(n, 0), "community": community.get(n, 0)}
                 for n in names]
        nodes.sort(key=lambda n: (-n["n_events"], n["id"]))
        for r in kept:
            r["types"] = dict(sorted((r["types"] or {}).items(), key=lambda kv: (-kv[1], kv[0])))
            r["tone"] = ("coop" if r["n_coop"] > r["n_conflict"] else "conflict" if r["n_conflict"] > r["n_coop"]
                         else "mixed" if r["n_coop"] else "neutral")
        return {"level": level, "focus": focus, "nodes": nodes, "edges": kept, "total_edges": total_edges,
                "shown_edges": len(kept), "total_nodes": len(strength)}

    def _node_info(self, level: str, names: set[str], edges: list[dict]) -> dict[str, dict]:
        """Labels, countries and sectors of network nodes (an actor's: the commonest on its edges)."""
        from .geo import country_name

        out: dict[str, dict] = {}
        if level == "actor":
            for r in edges:
                for side in ("source", "target"):
                    out.setdefault(r[side], {"label": r[side], "country": r[f"{side}_country"],
                                             "sector": r[f"{side}_sector"]})
        else:
            for n in names:
                country, _, sector = n.partition("-")
                label = country_name(country) or country
                out[n] = {"label": label + (f" · {sector}" if sector else ""), "country": country,
                          "sector": sector or None}
        for r in edges:
            for k in ("source_country", "source_sector", "target_country", "target_sector"):
                r.pop(k, None)
        return out

    def timeline(self, f: Filters, *, bucket: str = "auto", by: str = "type") -> dict:
        """Events per day, week (from Monday) or month, stacked by type or quad class. ``bucket="auto"`` picks
        days for up to three months of data, weeks for up to two years, else months. Events with no day (neither
        their own nor the article's, or only a year or month) are counted apart, with why."""
        import datetime as dt

        clauses, params = event_where(f)
        series_sql = "e.type" if by == "type" else f"CAST({_QUAD_SQL} AS VARCHAR)"
        rows = self.rows(
            f"SELECT left({EVENT_DAY}, 10) AS day, {series_sql} AS series, count(*) AS n "
            f"FROM events e JOIN articles a ON a.id = e.article_id {_where(clauses)} "
            "GROUP BY ALL ORDER BY day NULLS LAST, series", params)
        no_date = sum(r["n"] for r in rows if not r["day"])
        coarse = sum(r["n"] for r in rows if r["day"] and (len(r["day"]) < 10 or not _iso_day(r["day"])))
        dated = [r for r in rows if r["day"] and len(r["day"]) == 10 and _iso_day(r["day"])]
        totals: dict[str, int] = {}
        for r in dated:
            key = r["series"] or "unclassified"
            r["series"] = key
            totals[key] = totals.get(key, 0) + r["n"]
        series = sorted(totals, key=lambda k: (-totals[k], k))
        out = {"by": by, "series": series, "totals": totals, "undated": no_date + coarse, "undated_no_date": no_date,
               "undated_coarse": coarse, "dated": sum(totals.values()), "buckets": [], "bucket": None,
               "first": None, "last": None, "range": None, "before_range": 0, "after_range": 0,
               # one row per day and type, as before (``series`` is the type or the quad class)
               "days": [{"day": r["day"], "type": r["series"], "n": r["n"]} for r in dated], "types": series}
        if not dated:
            return out
        first, last = _iso_day(dated[0]["day"]), _iso_day(dated[-1]["day"])
        out.update(first=first.isoformat(), last=last.isoformat())
        # A few events dated far off (a year named in the text: "since 1948") would stretch the axis over a
        # century; unless the dates were asked for, the chart spans the days of the middle 95% of events and
        # says how many fall before and after.
        if not (f.date_from or f.date_to) and len(dated) > 1:
            n_all, cum, lo, hi = sum(r["n"] for r in dated), 0, None, None
            for r in dated:
                cum += r["n"]
                if lo is None and cum > n_all * TAIL:
                    lo = _iso_day(r["day"])
                if cum <= n_all * (1 - TAIL) or hi is None:
                    hi = _iso_day(r["day"])
            before = [r for r in dated if _iso_day(r["day"]) < lo]
            later = [r for r in dated if _iso_day(r["day"]) > hi]
            out["before_range"] = sum(r["n"] for r in before)
            out["after_range"] = sum(r["n"] for r in later)
            dated = [r for r in dated if lo <= _iso_day(r["day"]) <= hi]
            first, last = lo, hi
        span = (last - first).days
        if bucket == "auto":
            bucket = "day" if span <= 92 else "week" if span <= 731 else "month"

        def start_of(day: dt.date) -> dt.date:
            if bucket == "week":
                return day - dt.timedelta(days=day.weekday())
            if bucket == "month":
                return day.replace(day=1)
            return day

        def after(day: dt.date) -> dt.date:
            if bucket == "week":
                return day + dt.timedelta(days=7)
            if bucket == "month":
                return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return day + dt.timedelta(days=1)

        counts: dict[dt.date, dict[str, int]] = {}
        for r in dated:
            b = counts.setdefault(start_of(_iso_day(r["day"])), {})
            b[r["series"]] = b.get(r["series"], 0) + r["n"]
        cur, end = start_of(first), start_of(last)
        buckets = []
        while cur <= end and len(buckets) < 20_000:
            nxt = after(cur)
            buckets.append({"start": cur.isoformat(), "end": (nxt - dt.timedelta(days=1)).isoformat(),
                            "counts": counts.get(cur, {}), "n": sum(counts.get(cur, {}).values())})
            cur = nxt
        out.update(bucket=bucket, buckets=buckets, range=[first.isoformat(), last.isoformat()])
        return out


def _iso_day(value: str):
    import datetime as dt

    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
