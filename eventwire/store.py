"""The embedded store: one DuckDB file with a table per kind of record.

    with Store("news.duckdb") as store:
        store.add_story(story)                 # False if this article (content hash) is already stored
        store.query_events(country="SDN", type="AGREE")

Every row is keyed by ``article_id`` (the article's content hash) plus the record id from the story JSON, so
storing the same article twice adds nothing. All rows of an article are written in one transaction
(``add_stories`` writes a whole batch of articles in one), so a process killed at any moment leaves each
article either fully stored or absent, and the next run picks up where it stopped.

A store has one writer (``Store(path)``: an ingest) and any number of readers (``Store(path, read_only=True)``:
the web app, ``eventwire events``), in other processes, at the same time: they take turns with the file (see
"taking turns" below), and a second writer fails at once with ``StoreLocked``. Values are always passed as
parameters, never pasted into SQL. pandas and DuckDB users can read the file directly (briefly, while an ingest
runs: such a connection does not take turns): ``duckdb.connect("news.duckdb", read_only=True).sql("FROM events").df()``.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import weakref
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .errors import StoreError, StoreLocked

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
                      "source VARCHAR, text VARCHAR, story JSON, duplicate_of VARCHAR, ingested_at TIMESTAMP, "
                      "date_source VARCHAR, n_events INTEGER, n_actors INTEGER, n_quotes INTEGER, n_places INTEGER"),
    "actors": _cols("article_id VARCHAR, id VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, "
                    "role VARCHAR, code VARCHAR, n_mentions INTEGER, n_source INTEGER, n_target INTEGER, "
                    "n_events INTEGER"),
    "mentions": _cols("article_id VARCHAR, actor_id VARCHAR, start INTEGER, end INTEGER, text VARCHAR"),
    "events": _cols(
        "article_id VARCHAR, id VARCHAR, type VARCHAR, mode VARCHAR, context VARCHAR[], cameo VARCHAR, "
        "source VARCHAR[], target VARCHAR[], source_names VARCHAR, target_names VARCHAR, source_country VARCHAR, "
        "target_country VARCHAR, negated BOOLEAN, hypothetical BOOLEAN, date VARCHAR, date_precision VARCHAR, "
        "place_id VARCHAR, place_name VARCHAR, lat DOUBLE, lon DOUBLE, evidence_start INTEGER, "
        "evidence_end INTEGER, evidence_text VARCHAR, confidence DOUBLE, quad_class INTEGER, goldstein DOUBLE, "
        "quote_id VARCHAR, cluster_id VARCHAR, corrected BOOLEAN"),
    "quotes": _cols("article_id VARCHAR, id VARCHAR, kind VARCHAR, speaker_id VARCHAR, speaker_name VARCHAR, "
                    "speaker_text VARCHAR, cue_text VARCHAR, content_text VARCHAR, content JSON, corrected BOOLEAN"),
    "places": _cols("article_id VARCHAR, id VARCHAR, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, "
                    "feature VARCHAR, geonameid BIGINT, n_mentions INTEGER, n_events INTEGER"),
    "failures": _cols("source VARCHAR, article_id VARCHAR, code VARCHAR, reason VARCHAR, at TIMESTAMP"),
    "event_clusters": _cols("cluster_id VARCHAR, type VARCHAR, source_key VARCHAR, target_key VARCHAR, "
                            "first_date VARCHAR, last_date VARCHAR, n_events INTEGER, n_articles INTEGER"),
    # MinHash signature of each article's text (raw bytes), for near-duplicate links (``dedup.py``).
    "signatures": _cols("article_id VARCHAR, minhash BLOB"),
    # Analyst corrections (``corrections.py``): who changed which record of which article, when, the record
    # before and after, and the words it is about. Never written by an ingest, so a re-ingest keeps them.
    "corrections": _cols("id BIGINT, article_id VARCHAR, kind VARCHAR, record_id VARCHAR, action VARCHAR, "
                         "who VARCHAR, at TIMESTAMP, changes JSON, before JSON, after JSON, evidence_start INTEGER, "
                         "evidence_end INTEGER, evidence_text VARCHAR, note VARCHAR"),
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
    "corrections": ["id"],
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
    # Where each article's publication date came from (``ingest.pubdate.PRECEDENCE``).
    ("0002_article_date_source", ["ALTER TABLE articles ADD COLUMN IF NOT EXISTS date_source VARCHAR"]),
    # Analyst corrections, and indexes for the web app's per-article and per-actor lookups.
    ("0003_corrections", [
        "ALTER TABLE events ADD COLUMN IF NOT EXISTS corrected BOOLEAN",
        "ALTER TABLE quotes ADD COLUMN IF NOT EXISTS corrected BOOLEAN",
        "CREATE TABLE IF NOT EXISTS corrections ("
        + ", ".join(f'"{c.name}" {c.sql}' for c in TABLES["corrections"]) + ', PRIMARY KEY ("id"))',
        "CREATE INDEX IF NOT EXISTS corrections_article ON corrections(article_id)",
        "CREATE INDEX IF NOT EXISTS actors_name ON actors(name)",
    ]),
    # Counts kept on each row when it is written (``story_rows``), so the web app's lists need not count them
    # for every request: records per article, mentions and events per actor, events per place.
    ("0004_row_counts", [
        *(f"ALTER TABLE {t} ADD COLUMN IF NOT EXISTS {c} INTEGER" for t, cs in (
            ("articles", ("n_events", "n_actors", "n_quotes", "n_places")),
            ("actors", ("n_mentions", "n_source", "n_target", "n_events")), ("places", ("n_events",))) for c in cs),
        "UPDATE articles a SET n_events = (SELECT count(*) FROM events e WHERE e.article_id = a.id), "
        "n_actors = (SELECT count(*) FROM actors x WHERE x.article_id = a.id), "
        "n_quotes = (SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
        "n_places = (SELECT count(*) FROM places p WHERE p.article_id = a.id)",
        "UPDATE actors x SET n_mentions = (SELECT count(*) FROM mentions m WHERE m.article_id = x.article_id "
        "AND m.actor_id = x.id), "
        "n_source = (SELECT count(*) FROM events e WHERE e.article_id = x.article_id AND list_contains(e.source, x.id)), "
        "n_target = (SELECT count(*) FROM events e WHERE e.article_id = x.article_id AND list_contains(e.target, x.id)), "
        "n_events = (SELECT count(*) FROM events e WHERE e.article_id = x.article_id "
        "AND (list_contains(e.source, x.id) OR list_contains(e.target, x.id)))",
        "UPDATE places p SET n_events = (SELECT count(*) FROM events e WHERE e.article_id = p.article_id "
        "AND e.place_id = p.id)",
    ]),
]


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
        "date_source": art.get("date_source"),
        "text": art["text"], "story": story_json or json.dumps(d, ensure_ascii=False), "duplicate_of": None,
        "ingested_at": when, "n_events": len(d.get("events", [])), "n_actors": len(d.get("actors", [])),
        "n_quotes": len(d.get("quotes", [])), "n_places": len(d.get("places", [])),
    })
    as_source: dict[str, int] = {}
    as_target: dict[str, int] = {}
    in_event: dict[str, int] = {}
    at_place: dict[str, int] = {}
    for e in d.get("events", []):
        src, tgt = set(e.get("source") or []), set(e.get("target") or [])
        for i in src:
            as_source[i] = as_source.get(i, 0) + 1
        for i in tgt:
            as_target[i] = as_target.get(i, 0) + 1
        for i in src | tgt:
            in_event[i] = in_event.get(i, 0) + 1
        if e.get("place"):
            at_place[e["place"]] = at_place.get(e["place"], 0) + 1
    for a in d.get("actors", []):
        rows["actors"].append({"article_id": aid, "id": a["id"], "name": a.get("name"), "kind": a.get("kind"),
                               "country": a.get("country"), "sector": a.get("sector"), "role": a.get("role"),
                               "code": a.get("code"), "n_source": as_source.get(a["id"], 0),
                               "n_target": as_target.get(a["id"], 0), "n_events": in_event.get(a["id"], 0)})
        seen = set()
        for m in a.get("mentions", []):
            if (m["start"], m["end"]) in seen:
                continue
            seen.add((m["start"], m["end"]))
            rows["mentions"].append({"article_id": aid, "actor_id": a["id"], "start": m["start"], "end": m["end"],
                                     "text": m["text"]})
        rows["actors"][-1]["n_mentions"] = len(seen)

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
            "corrected": bool(e.get("corrected")),
        })
    for q in d.get("quotes", []):
        speaker = actors.get(q.get("speaker")) or {}
        content = q.get("content") or []
        rows["quotes"].append({
            "article_id": aid, "id": q["id"], "kind": q.get("kind"), "speaker_id": q.get("speaker"),
            "speaker_name": speaker.get("name"), "speaker_text": q.get("speaker_text"),
            "cue_text": (q.get("cue") or {}).get("text"), "content_text": " ... ".join(c["text"] for c in content),
            "content": json.dumps(content, ensure_ascii=False), "corrected": bool(q.get("corrected")),
        })
    for p in d.get("places", []):
        rows["places"].append({
            "article_id": aid, "id": p["id"], "name": p.get("name"), "country": p.get("country"),
            "lat": p.get("lat"), "lon": p.get("lon"), "feature": p.get("feature"),
            "geonameid": p.get("geonameid"), "n_mentions": len(p.get("mentions") or []),
            "n_events": at_place.get(p["id"], 0),
        })
    if signature is not None:
        rows["signatures"].append({"article_id": aid, "minhash": signature})
    return rows


def _story_dict(story: Any) -> dict:
    import copy

    if isinstance(story, str):
        return json.loads(story)
    return copy.deepcopy(story) if isinstance(story, dict) else story.to_dict()


def corrections_mod():
    from . import corrections

    return corrections


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


# -- taking turns with other processes ------------------------------------------------------------------
# DuckDB lets one process open a file read-write, and then no other process may open it at all; read-only
# connections, in as many processes as like, keep a writer out. So processes take turns with the file, through
# three advisory locks (``flock``) on hidden files beside it (hidden, so an ingest of the folder skips them):
#
# - ``.NAME.lock``: held by the one writer (``Store(path)``) for as long as it is open. A second writer fails at
#   once with ``StoreLocked``, before any work.
# - ``.NAME.turn``: held by the writer while it has the file open or is waiting to open it. A reader
#   (``Store(path, read_only=True)``: the web app, ``eventwire events``/``export``) keeps its connection while
#   the turn is free; once a writer waits for it, the reader closes the file as soon as none of its queries is
#   running (a watcher thread notices within ``WATCH`` seconds) and opens it again when the writer's turn ends.
# - ``.NAME.wait``: held (shared) by readers while they wait for the file. The writer keeps its connection while
#   no reader waits (so an ingest nobody watches pays nothing); once one does, it closes the file as soon as no
#   write is running, and before opening it again lets the waiting readers in and leaves them ``SLICE`` seconds.
#
# A reader only ever sees committed transactions, so a whole article or none of it.

WRITE_WAIT = 300.0  # seconds a writer waits for other processes to let go of the file before giving up
READ_WAIT = 60.0  # seconds a reader waits for a writer's turn (the dedup pass that ends an ingest is the longest)
LET_IN = 2.0  # seconds at most a writer waits for waiting readers to get in before it takes the file back
SLICE = 0.3  # seconds readers keep the file, once let in, before the writer takes it back (so pages get answered)
POLL = 0.005  # seconds between attempts to get a lock or the file
WATCH = 0.05  # seconds between a watcher's looks at whether the other side is waiting

try:
    import fcntl
except ImportError:  # not POSIX: no locks between processes; DuckDB's own lock still refuses a second writer
    fcntl = None  # type: ignore[assignment]

_LOCKS: "weakref.WeakSet[FileLock]" = weakref.WeakSet()


def sidecar(path: str | Path, kind: str) -> Path:
    """The hidden lock file ``kind`` ("lock", "turn" or "wait") beside the store file."""
    p = Path(path)
    return p.with_name(f".{p.name}.{kind}")


class FileLock:
    """An advisory ``flock`` on one file. It does nothing when locks are not available (no ``fcntl``, or
    the file cannot be created: a store in a read-only folder can have no writer anyway)."""

    def __init__(self, path: Path):
        self.path = path
        self.fd: int | None = None
        self.held = False
        if fcntl is None:
            return
        for flags in (os.O_RDWR | os.O_CREAT, os.O_RDONLY):
            try:
                self.fd = os.open(path, flags, 0o644)
                break
            except OSError:
                continue
        _LOCKS.add(self)

    def take(self, shared: bool = False) -> bool:
        """Take the lock if nobody holds it in a conflicting way; never waits."""
        if self.fd is None or self.held:
            return True
        try:
            fcntl.flock(self.fd, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except OSError:
            return False
        self.held = True
        return True

    def wait(self, seconds: float, shared: bool = False) -> bool:
        """Take the lock, trying for up to ``seconds``."""
        deadline = time.monotonic() + seconds
        while not self.take(shared):
            if time.monotonic() >= deadline:
                return False
            time.sleep(POLL)
        return True

    def release(self) -> None:
        if self.fd is not None and self.held:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        self.held = False

    def taken(self, shared_probe: bool) -> bool:
        """Whether another holder has it: a probe in the given mode that is dropped at once."""
        if self.fd is None or self.held:
            return False
        if not self.take(shared_probe):
            return True
        self.release()
        return False

    def close(self) -> None:
        self.release()
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def _forget_locks_after_fork() -> None:
    """A forked child (a worker of the local engine) must not keep its parent's locks alive: close its copies
    of the lock files without unlocking them (unlocking would release the parent's locks)."""
    for lock in list(_LOCKS):
        if lock.fd is not None:
            try:
                os.close(lock.fd)
            except OSError:
                pass
        lock.fd, lock.held = None, False


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_locks_after_fork)


class _Busy(Exception):
    """DuckDB refused the file because another process (or another configuration here) has it open."""


def _is_busy(err: Exception) -> bool:
    msg = str(err).lower()
    return "lock" in msg or "different configuration" in msg


def _watch(ref: "weakref.ref[Store]") -> None:
    """A watcher thread: give the file up when the other side waits and this store is not using it."""
    while True:
        time.sleep(WATCH)
        store = ref()
        if store is None or not store._tick():
            return
        del store


# -- the store ------------------------------------------------------------------------------------------


class Store:
    """One DuckDB file. ``Store(path)`` is its one writer and ``Store(path, read_only=True)`` a reader; both take
    turns with other processes (see above), so ``with Store(db) as store:`` may stay open for a whole ingest while
    ``eventwire serve`` answers from the same file. ``":memory:"`` is one private connection."""

    def __init__(self, path: str | Path = ":memory:", read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        self._memory = self.path == ":memory:"
        self._con: Any = None
        self._users = 0  # store calls (and cursors) using the connection now
        self._pinned = False  # ``store.con`` was handed out: keep the file until the next store call ends
        self._mutex = threading.RLock()
        self._local = threading.local()  # per thread: how deep in store calls (a call may make others)
        self._watcher: threading.Thread | None = None
        self._gave_way = False  # the writer closed the file for waiting readers: they get a SLICE before it
        self._writer_lock = self._turn = self._waiting = None
        if read_only and not self._memory and not Path(self.path).exists():
            raise StoreError(f"no store at {self.path}: run `eventwire ingest PATH --db {self.path}` first")
        try:
            if not self._memory:
                if not read_only:
                    self._writer_lock = FileLock(sidecar(self.path, "lock"))
                    if not self._writer_lock.take():
                        raise StoreLocked(self._locked_message())
                    self._note_pid()
                self._turn = FileLock(sidecar(self.path, "turn"))
                self._waiting = FileLock(sidecar(self.path, "wait"))
            with self._use():
                if not read_only:
                    self.migrate()
        except BaseException:
            self.close()
            raise

    def _note_pid(self) -> None:
        fd = self._writer_lock.fd
        if fd is not None:
            try:
                os.ftruncate(fd, 0)
                os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
            except OSError:
                pass

    def _locked_message(self) -> str:
        try:
            pid = sidecar(self.path, "lock").read_text().strip()
        except OSError:
            pid = ""
        who = f" (process {pid})" if pid.isdigit() else ""
        return (f"{self.path} is being written by another process{who}, an `eventwire ingest`?; a store has one "
                "writer at a time: wait for it to finish, or write to another --db")

    # -- lifecycle ---------------------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the file and give up the locks (the writer's last, so no writer sees a half-closed file)."""
        with self._mutex:
            self._pinned = False
            self._shut()
            for lock in (self._turn, self._waiting, self._writer_lock):
                if lock is not None:
                    lock.close()

    @property
    def con(self):
        """The DuckDB connection itself, for SQL the Store has no method for. Handing it out keeps the file open
        here (other processes wait) until the next Store call returns, or ``release()``."""
        if getattr(self._local, "depth", 0):
            return self._con
        if self.read_only:
            self._enter_read()
        else:
            self._enter_write()
        with self._mutex:
            self._pinned = True
            self._users -= 1
            return self._con

    def release(self) -> None:
        """End a hold taken by ``con``: let other processes have the file when they want it."""
        with self._mutex:
            self._pinned = False
            if self._users == 0:
                self._settle()

    @contextmanager
    def cursor(self):
        """A cursor of its own for one query, from any thread (the web app answers on several)."""
        with self._use() as con:
            with self._mutex:
                cur = con.cursor()
            try:
                yield cur
            finally:
                cur.close()

    @contextmanager
    def _use(self):
        """The open connection, for the length of one store call (or cursor)."""
        local = self._local
        depth = getattr(local, "depth", 0)
        if depth:
            with self._mutex:
                self._users += 1
        elif self.read_only:
            self._enter_read()
        else:
            self._enter_write()
        local.depth = depth + 1
        try:
            yield self._con
        finally:
            local.depth = depth
            with self._mutex:
                self._users -= 1
                if self._users == 0:  # the outermost call ended: so does a hold taken by ``con``
                    self._pinned = False
                    self._settle()

    def _enter_write(self) -> None:
        with self._mutex:
            if self._con is None:
                if self._memory:
                    self._con = self._connect(None)
                else:
                    self._waiting.wait(LET_IN)  # readers waiting for the file get in first ...
                    self._waiting.release()  # (a probe: never hold it)
                    if self._gave_way:
                        self._gave_way = False
                        time.sleep(SLICE)  # ... and have it a moment ...
                    if not self._turn.wait(WRITE_WAIT):  # ... then readers close it within WATCH seconds
                        raise StoreError(f"{self.path}: could not get a turn at the file in {WRITE_WAIT:.0f} s")
                    try:
                        self._con = self._connect(time.monotonic() + WRITE_WAIT)
                    except BaseException:
                        self._turn.release()
                        raise
                    self._start_watcher()
            self._users += 1

    def _enter_read(self) -> None:
        deadline = time.monotonic() + READ_WAIT
        try:
            while True:
                with self._mutex:
                    writer_waits = self._turn is not None and self._turn.taken(shared_probe=True)
                    if self._con is not None and (self._pinned or not writer_waits):
                        self._users += 1
                        return
                    if self._con is not None and self._users == 0:
                        self._shut()  # a writer waits for the file: let it in
                    if self._con is None and not writer_waits:
                        try:
                            self._con = self._connect(None)
                        except _Busy:
                            pass
                        else:
                            self._users += 1
                            self._start_watcher()
                            return
                    if self._waiting is not None:
                        self._waiting.take(shared=True)  # tell the writer a reader waits
                if time.monotonic() >= deadline:
                    raise StoreError(f"{self.path} is busy: another process has kept it for over {READ_WAIT:.0f} s "
                                     "(an ingest ending with its duplicate pass?); try again")
                time.sleep(POLL)
        finally:
            if self._waiting is not None:
                with self._mutex:
                    self._waiting.release()

    def _connect(self, deadline: float | None):
        """A DuckDB connection; retried until ``deadline`` while another process has the file (``_Busy``
        at once when there is no deadline)."""
        import duckdb

        warned = False
        started = time.monotonic()
        while True:
            try:
                return duckdb.connect(self.path, read_only=self.read_only)
            except duckdb.Error as err:
                msg = str(err).splitlines()[0]
                if not _is_busy(err):
                    raise StoreError(f"cannot open the store {self.path}: {msg}") from None
                if deadline is None:
                    raise _Busy(msg) from None
                if time.monotonic() >= deadline:
                    raise StoreError(f"{self.path} is held by another process (not an eventwire reader: a "
                                     f"DuckDB shell?) for over {WRITE_WAIT:.0f} s; close it and rerun") from None
                if not warned and time.monotonic() - started > 5:
                    logging.getLogger(__name__).warning("waiting for another process to close %s", self.path)
                    warned = True
                time.sleep(POLL)

    def _settle(self) -> None:
        """Nothing uses the connection: the writer closes it if a reader waits, a reader if a writer waits."""
        if self._con is None or self._users or self._pinned or self._memory:
            return
        if self.read_only:
            if self._turn.taken(shared_probe=True):
                self._shut()
        elif self._waiting.taken(shared_probe=False):
            self._shut()
            self._gave_way = True

    def _shut(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        if not self.read_only and self._turn is not None:
            self._turn.release()

    def _start_watcher(self) -> None:
        if self._memory or (self._watcher is not None and self._watcher.is_alive()):
            return
        self._watcher = threading.Thread(target=_watch, args=(weakref.ref(self),), daemon=True,
                                         name=f"eventwire-store-{Path(self.path).name}")
        self._watcher.start()

    def _tick(self) -> bool:
        """One look by the watcher; False when the file is closed and the watcher may stop."""
        if not self._mutex.acquire(timeout=WATCH):
            return True
        try:
            self._settle()
            if self._con is None:
                self._watcher = None
                return False
            return True
        finally:
            self._mutex.release()


    def migrate(self) -> list[str]:
        """Apply the migrations not yet recorded; return their names."""
        with self._use() as con:
            con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
            done = {r[0] for r in con.execute("SELECT name FROM migrations").fetchall()}
            applied = []
            for name, statements in MIGRATIONS:
                if name in done:
                    continue
                con.execute("BEGIN")
                try:
                    for sql in statements:
                        con.execute(sql)
                    con.execute("INSERT INTO migrations VALUES (?, ?)", [name, _ts(None)])
                    con.execute("COMMIT")
                except Exception:
                    con.execute("ROLLBACK")
                    raise
                applied.append(name)
        return applied

    # -- writing -----------------------------------------------------------------------------------------
    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only: only `eventwire ingest` writes to a store")

    def known_ids(self, ids: Iterable[str] | None = None) -> set[str]:
        """The article ids already stored (of ``ids``, or all)."""
        with self._use() as con:
            if ids is None:
                return {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
            ids = list(ids)
            if not ids:
                return set()
            import pyarrow as pa

            wanted = pa.table({"id": pa.array(ids, pa.string())})  # noqa: F841 - read by the query below
            return {r[0] for r in con.execute("SELECT a.id FROM articles a JOIN wanted w USING (id)").fetchall()}

    def add_story(self, story: Any, *, signature: bytes | None = None) -> bool:
        """Store one story (a ``Story`` or its dict) in one transaction. False if it is already stored."""
        return self.add_stories([(story, signature)]) == 1

    def add_stories(self, items: Iterable[Any]) -> int:
        """Store a batch of stories in one transaction; each item is a story (``Story``, dict or JSON string)
        or ``(story, signature)``.
        Stories already stored (or repeated in the batch) are skipped. Returns how many were added."""
        self._writable()
        batch: dict[str, dict[str, list[dict]]] = {}
        given: dict[str, tuple] = {}
        now = time.time()
        for item in items:
            story, sig = item if isinstance(item, tuple) else (item, None)
            rows = story_rows(story, signature=sig, ingested_at=now)
            batch.setdefault(rows["articles"][0]["id"], rows)
            given.setdefault(rows["articles"][0]["id"], (story, sig))
        if not batch:
            return 0
        with self._use() as con:
            known = self.known_ids(batch)
            fresh_ids = [aid for aid in batch if aid not in known]
            if not fresh_ids:
                return 0
            # An article stored anew that an analyst corrected before (the store kept its corrections): apply them
            # again, so no re-ingest loses a correction.
            for aid in self._corrected_among(fresh_ids):
                story, sig = given[aid]
                d = _story_dict(story)
                for c in self.corrections(article_id=aid, limit=None):
                    corrections_mod().apply(d, c)
                batch[aid] = story_rows(d, signature=sig, ingested_at=now)
            fresh = [batch[aid] for aid in fresh_ids]
            con.execute("BEGIN")
            try:
                for table in RECORD_TABLES:
                    rows = [r for story in fresh for r in story[table]]
                    if not rows:
                        continue
                    data = _arrow_table(table, rows)  # noqa: F841 - read by the query below
                    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM data")
                con.execute("COMMIT")
            except Exception as err:
                con.execute("ROLLBACK")
                raise StoreError(f"could not store {len(fresh)} article(s): {str(err).splitlines()[0]}") from None
        return len(fresh)

    # -- corrections -------------------------------------------------------------------------------------
    def _corrected_among(self, ids: list[str]) -> list[str]:
        with self._use() as con:
            import pyarrow as pa

            wanted = pa.table({"id": pa.array(ids, pa.string())})  # noqa: F841 - read by the query below
            return [r[0] for r in con.execute(
                "SELECT DISTINCT c.article_id FROM corrections c JOIN wanted w ON w.id = c.article_id").fetchall()]

    def corrections(self, *, article_id: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Corrections, oldest first (the order they apply in), with changes/before/after as dicts."""
        sql = "SELECT * FROM corrections" + (" WHERE article_id = ?" if article_id else "") + " ORDER BY id"
        params: list = [article_id] if article_id else []
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params += [int(limit), int(offset)]
        rows = self.sql(sql, params)
        for r in rows:
            for k in ("changes", "before", "after"):
                r[k] = json.loads(r[k]) if isinstance(r[k], str) else r[k]
        return rows

    def add_correction(self, article_id: str, kind: str, action: str, record_id: str | None = None, *,
                       changes: dict | None = None, evidence: dict | None = None, who: str | None = None,
                       note: str | None = None) -> dict:
        """Correct one record of a stored article (see ``corrections.py``): check it, keep it in ``corrections``
        and rewrite the article's story and its event and quote rows, all in one transaction. Returns the
        correction row. Raises InputError when the correction does not fit the article."""
        from .errors import InputError

        self._writable()
        cm = corrections_mod()
        changes = dict(changes or {})
        with self._use() as con:
            story = self.get_story(article_id)
            if story is None:
                raise InputError(f"no article with id {article_id!r}")
            cm.check(story, kind, action, record_id, changes, evidence)
            added = cm.new_event(story, changes, evidence) if action == "add" else None
            if added:
                record_id = added["id"]
            next_id = con.execute("SELECT COALESCE(max(id), 0) + 1 FROM corrections").fetchone()[0]
            row = {"id": next_id, "article_id": article_id, "kind": kind, "record_id": record_id, "action": action,
                   "who": (who or "analyst")[:100], "at": _ts(None), "changes": changes, "after": added,
                   "note": (note or None) and note[:2000]}
            span = cm.evidence_of(story, kind, record_id, added)
            before, after = cm.apply(story, row)
            row.update(before=before, after=after, evidence_start=span and span["start"],
                       evidence_end=span and span["end"], evidence_text=span and span["text"])
            con.execute("BEGIN")
            try:
                stored = {**row, **{k: json.dumps(row[k], ensure_ascii=False) for k in ("changes", "before", "after")}}
                data = _arrow_table("corrections", [stored])  # noqa: F841 - read by the query below
                con.execute("INSERT INTO corrections BY NAME SELECT * FROM data")
                self._rewrite_records(con, story)
                con.execute("COMMIT")
            except Exception as err:
                con.execute("ROLLBACK")
                raise StoreError(f"could not store the correction: {str(err).splitlines()[0]}") from None
        return row

    def _rewrite_records(self, con, story: dict) -> None:
        """Replace one article's story JSON, its counts and its record rows (inside the caller's transaction);
        events keep the cluster the duplicate pass gave them, the article its duplicate link and signature."""
        aid = story["article"]["id"]
        rows = story_rows(story)
        clusters = dict(con.execute("SELECT id, cluster_id FROM events WHERE article_id = ?", [aid]).fetchall())
        for r in rows["events"]:
            r["cluster_id"] = clusters.get(r["id"])
        art = rows["articles"][0]
        con.execute("UPDATE articles SET story = ?, n_events = ?, n_actors = ?, n_quotes = ?, n_places = ? "
                    "WHERE id = ?", [art["story"], art["n_events"], art["n_actors"], art["n_quotes"],
                                     art["n_places"], aid])
        for table in ("events", "quotes", "actors", "mentions", "places"):
            con.execute(f"DELETE FROM {table} WHERE article_id = ?", [aid])
            if rows[table]:
                data = _arrow_table(table, rows[table])  # noqa: F841 - read by the query below
                con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM data")

    def add_failure(self, source: str | None, article_id: str | None, code: str, reason: str) -> bool:
        """Record an article that could not be coded. The same failure (source, article, code) is kept once."""
        self._writable()
        with self._use() as con:
            hit = con.execute(
                "SELECT 1 FROM failures WHERE source IS NOT DISTINCT FROM ? AND article_id IS NOT DISTINCT FROM ? "
                "AND code = ?", [source, article_id, code]).fetchone()
            if hit:
                return False
            con.execute("INSERT INTO failures VALUES (?, ?, ?, ?, ?)", [source, article_id, code, reason, _ts(None)])
        return True

    # -- reading -----------------------------------------------------------------------------------------
    def sql(self, query: str, params: list | None = None) -> list[dict]:
        """Run a query with parameters and return rows as dicts."""
        with self._use() as con:
            cur = con.execute(query, params or [])
            names = [c[0] for c in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self._use() as con:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def get_story(self, article_id: str) -> dict | None:
        """The story JSON as stored, or None."""
        with self._use() as con:
            row = con.execute("SELECT story FROM articles WHERE id = ?", [article_id]).fetchone()
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
        with self._use() as con:
            return con.execute(
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
