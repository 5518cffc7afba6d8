"""One writer per store, and readers that keep answering while it writes.

A second writer (a second ``eventwire ingest``) is refused at once with StoreLocked (E301, exit code 4); a reader
(the web app, ``eventwire events``) in another process keeps answering while an ingest writes, and only ever
sees whole articles. The writers here are real processes; they write synthetic stories (records with known
counts) so a reader can check that it never sees part of an article.
"""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from eventwire.errors import StoreLocked
from eventwire.store import Store, sidecar

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def synthetic(i: int) -> dict:
    """A story whose article title says how many events it has (1 to 7), with two actors per event."""
    from eventwire.ingest import split_paragraphs
    from eventwire.model import Actor, Article, Event, Span, Story

    n = i % 7 + 1
    text = f"Story {i}\n\n" + " ".join(f"Alpha{j} met Beta{j}." for j in range(n))
    story = Story(article=Article(text=text, title=str(n), date=f"2026-01-{i % 28 + 1:02d}", outlet="Test Wire"),
                  paragraphs=split_paragraphs(text))

    def span(word):
        at = text.index(word)
        return Span.of(text, at, at + len(word))

    for j in range(n):
        story.actors += [Actor(f"a{2 * j}", f"Alpha{j}", "person", country="KEN", mentions=[span(f"Alpha{j}")]),
                         Actor(f"b{2 * j}", f"Beta{j}", "person", country="UGA", mentions=[span(f"Beta{j}")])]
        story.events.append(Event(f"e{j}", "CONSULT", evidence=span(f"Alpha{j} met Beta{j}"), source=[f"a{2 * j}"],
                                  target=[f"b{2 * j}"]))
    return story.to_dict()


# Writes ``batches`` transactions of ``size`` synthetic stories into a store, then prints the article count.
# With a gate file it first prints "open" and waits for the file, holding the store open (and so its lock).
WRITER = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[5])
from test_store_lock import synthetic
from eventwire.store import Store
path, batches, size, gate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
with Store(path) as store:
    print("open", flush=True)
    while gate != "-" and not Path(gate).exists():
        time.sleep(0.01)
    for b in range(batches):
        store.add_stories([synthetic(b * size + i) for i in range(size)])
        time.sleep(0.02)
    print(store.counts()["articles"], flush=True)
"""


def start_writer(path, batches, size, gate="-"):
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(batches), str(size), str(gate),
                             str(Path(__file__).parent)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=ENV, cwd=ROOT)
    line = proc.stdout.readline().strip()
    assert line == "open", proc.stderr.read()
    return proc


def finish(proc) -> int:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    return int(out.split()[-1])


def seed_store(path, n=3):
    with Store(path) as store:
        store.add_stories([synthetic(100_000 + i) for i in range(n)])


# -- one writer -----------------------------------------------------------------------------------------


def test_store_lock_second_writer_refused_at_once(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as first:
        first.add_stories([synthetic(1)])
        with pytest.raises(StoreLocked) as err:
            Store(path)
        assert err.value.code == "E301" and err.value.exit_code == 4
        assert f"process {os.getpid()}" in str(err.value) and "one writer" in str(err.value)
        first.add_stories([synthetic(2)])  # the first writer is untouched
        assert first.counts()["articles"] == 2
    with Store(path) as again:  # free once the first is closed
        assert again.counts()["articles"] == 2


def test_store_lock_second_ingest_exits_4_at_once_and_first_store_intact(tmp_path):
    """The CLI refuses before any work: it exits while the first writer still holds the store."""
    path = tmp_path / "s.duckdb"
    gate = tmp_path / "go"
    writer = start_writer(path, batches=3, size=4, gate=gate)  # open, holding the lock, writes nothing yet
    try:
        second = subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(ROOT / "samples" / "corpus"),
                                 "--db", str(path), "--quiet"], capture_output=True, text=True, env=ENV, cwd=ROOT,
                                timeout=120)
        assert second.returncode == 4, second.stderr
        assert "[E301]" in second.stderr and "Traceback" not in second.stderr
        assert f"process {writer.pid}" in second.stderr
        assert writer.poll() is None  # refused while the first writer is still running
    finally:
        gate.touch()
    assert finish(writer) == 12
    with Store(path, read_only=True) as store:
        assert store.counts()["articles"] == 12 and store.counts()["failures"] == 0
        bad = store.sql("SELECT count(*) AS n FROM articles a WHERE "
                        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) <> CAST(a.title AS INTEGER)")
        assert bad == [{"n": 0}]


GATED_INGEST = """
import sys, time
from pathlib import Path
from eventwire import store as store_mod
from eventwire.corpus import ingest
gate, real = Path(sys.argv[3]), store_mod.Store.add_stories
def gated(self, items):
    items = list(items)
    print("writing", flush=True)
    while not gate.exists():
        time.sleep(0.01)
    return real(self, items)
store_mod.Store.add_stories = gated
summary = ingest([sys.argv[1]], sys.argv[2], workers=1, progress=False)
print(summary.added, summary.counts["articles"], flush=True)
"""


@pytest.mark.model
@pytest.mark.slow
def test_store_lock_ingest_refused_while_a_real_ingest_writes(tmp_path, pipeline):
    from eventwire.corpus import ingest

    corpus = ROOT / "samples" / "corpus" / "text"
    path, gate = tmp_path / "s.duckdb", tmp_path / "go"
    first = subprocess.Popen([sys.executable, "-c", GATED_INGEST, str(corpus), str(path), str(gate)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=ROOT)
    try:
        assert first.stdout.readline().strip() == "writing", first.stderr.read()  # mid-run, about to write
        second = subprocess.run([sys.executable, "-m", "eventwire", "ingest", str(corpus), "--db", str(path),
                                 "--quiet"], capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=120)
        assert second.returncode == 4 and "[E301]" in second.stderr, second.stderr
    finally:
        gate.touch()
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    added, stored = map(int, out.split()[-2:])
    assert added == stored == len(list(corpus.glob("*.txt")))
    again = ingest([corpus], path, pipeline=pipeline, progress=False)  # the store is whole: nothing to redo
    assert again.known == added and again.added == 0 and again.failed == 0


def test_store_lock_forked_child_does_not_keep_the_lock(tmp_path):
    """The local engine forks its workers from the writer: they must not hold the store's lock."""
    import multiprocessing as mp

    if "fork" not in mp.get_all_start_methods():
        pytest.skip("no fork here")
    path = tmp_path / "s.duckdb"
    release = mp.get_context("fork").Event()
    writer = Store(path)
    child = mp.get_context("fork").Process(target=release.wait, args=(60,))
    child.start()
    try:
        writer.close()
        with Store(path) as again:  # the child still runs, and holds copies of the lock files
            assert again.counts()["articles"] == 0
    finally:
        release.set()
        child.join(30)


# -- readers while a writer writes ----------------------------------------------------------------------


def test_store_lock_reader_and_writer_in_one_process_take_turns(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as writer:
        writer.add_stories([synthetic(1)])
        with Store(path, read_only=True) as reader:  # the writer gives the file up: a reader waits
            assert reader.counts()["articles"] == 1
            writer.add_stories([synthetic(2)])  # the idle reader gives it back
            assert reader.counts()["articles"] == 2
            assert writer.counts()["articles"] == 2


def test_store_lock_con_holds_the_file_until_the_next_call(tmp_path):
    """``store.con`` (used by dedup for its own transactions) keeps the file: a reader waits for the commit."""
    path = tmp_path / "s.duckdb"
    seen = []
    with Store(path) as writer:
        con = writer.con
        con.execute("BEGIN")
        con.execute("INSERT INTO failures VALUES ('a', NULL, 'E1', 'x', now())")
        reading = threading.Thread(target=lambda: seen.append(Store(path, read_only=True).counts()["failures"]))
        reading.start()
        reading.join(0.5)  # the reader waits; it must not see the transaction half done
        con.execute("INSERT INTO failures VALUES ('b', NULL, 'E1', 'y', now())")
        con.execute("COMMIT")
        assert writer.counts()["failures"] == 2  # a store call ends the hold
        reading.join(30)
    assert seen == [2]


def test_store_lock_reader_never_sees_half_an_article(tmp_path):
    path = tmp_path / "s.duckdb"
    seed_store(path)
    reader = Store(path, read_only=True)
    writer = start_writer(path, batches=25, size=6)
    counts = []
    half = ("SELECT count(*) FROM articles a WHERE "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) <> CAST(a.title AS INTEGER) OR "
            "(SELECT count(*) FROM actors x WHERE x.article_id = a.id) <> 2 * CAST(a.title AS INTEGER) OR "
            "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id) <> 2 * CAST(a.title AS INTEGER) OR "
            "(SELECT count(*) FROM signatures s WHERE s.article_id = a.id) <> 0")
    try:
        while writer.poll() is None:
            with reader.cursor() as cur:
                n, broken = cur.execute(f"SELECT (SELECT count(*) FROM articles), ({half})").fetchone()
            assert broken == 0
            counts.append(n)
    finally:
        total = finish(writer)
    assert total == 3 + 25 * 6 and reader.counts()["articles"] == total
    reader.close()
    assert counts == sorted(counts) and all((n - 3) % 6 == 0 for n in counts)  # whole transactions only
    assert len(set(counts)) >= 3  # the reads really happened while the writer wrote


PAGES = ["/", "/events", "/actors", "/quotes", "/network", "/timeline", "/map", "/actors/Alpha0", "/api/summary",
         "/api/articles", "/api/events", "/api/events.csv", "/api/actors", "/api/actors/Alpha0", "/api/quotes",
         "/api/places", "/api/network", "/api/timeline", "/api/map"]


def test_store_lock_web_answers_while_another_process_ingests(tmp_path):
    from fastapi.testclient import TestClient

    from eventwire.web import create_app

    path = tmp_path / "s.duckdb"
    seed_store(path)
    client = TestClient(create_app(path))
    assert client.get("/api/summary").json()["articles"] == 3  # the app holds the file, idle, when the writer starts
    first = synthetic(100_000)["article"]["id"]
    pages = PAGES + [f"/articles/{first}", f"/api/articles/{first}"]
    writer = start_writer(path, batches=20, size=5)
    seen, statuses = [], {}
    try:
        while writer.poll() is None:
            for page in pages:
                r = client.get(page)
                statuses.setdefault(r.status_code, page)
            seen.append(client.get("/api/summary").json()["articles"])
    finally:
        total = finish(writer)
    assert statuses.keys() == {200}, statuses
    assert seen == sorted(seen) and len(set(seen)) >= 2  # answered with what was committed, as it grew
    assert client.get("/api/summary").json()["articles"] == total == 3 + 100
    items = client.get("/api/articles", params={"limit": 500}).json()["items"]
    assert all(a["n_events"] == int(a["title"]) for a in items)
    client.close()


def test_store_lock_events_cli_reads_while_another_process_writes(tmp_path):
    path = tmp_path / "s.duckdb"
    seed_store(path)
    writer = start_writer(path, batches=10, size=5)
    try:
        out = subprocess.run([sys.executable, "-m", "eventwire", "events", "--db", str(path), "--format", "jsonl",
                              "--limit", "500"], capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=120)
    finally:
        finish(writer)
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(rows) >= 3 * 4  # at least the seed articles' events (1 to 7 each)


def test_store_lock_files_are_hidden_beside_the_store(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path):
        pass
    assert sidecar(path, "lock") == tmp_path / ".s.duckdb.lock" and sidecar(path, "lock").exists()
    assert not any(p.name.startswith("s.duckdb.") and p.suffix in (".lock", ".turn", ".wait")
                   for p in tmp_path.iterdir())
