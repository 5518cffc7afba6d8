"""Corpus ingest: failures go on, reruns add nothing, a killed run resumes exactly, duplicates link and
cluster, and the Ray engine stores the same records as the local one."""

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.corpus import ingest
from eventwire.store import Store
from tests.conftest import ROOT, SAMPLES

CORPUS = SAMPLES / "corpus"
BAD = SAMPLES / "bad"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, pipeline):
    """The sample corpus plus the bad files, ingested once."""
    path = tmp_path_factory.mktemp("corpus") / "samples.duckdb"
    summary = ingest([CORPUS, BAD], path, pipeline=pipeline, progress=False)
    return path, summary


def test_corpus_bad_articles_land_in_failures_and_the_rest_is_stored(sample_db):
    path, summary = sample_db
    assert summary.added == 11 and summary.failed == 3
    with Store(path, read_only=True) as store:
        failures = {r["source"].split("/")[-1]: r for r in store.sql("SELECT * FROM failures")}
        assert store.counts()["articles"] == 11
    assert failures["corrupt.jsonl.gz"]["code"] == "E108" and "gzip" in failures["corrupt.jsonl.gz"]["reason"]
    assert failures["empty.txt"]["code"] == "E102" and "empty" in failures["empty.txt"]["reason"]
    assert failures["not-english.txt"]["code"] == "E107" and "English" in failures["not-english.txt"]["reason"]


def test_corpus_reingest_adds_nothing(sample_db, pipeline):
    path, _ = sample_db
    with Store(path, read_only=True) as store:
        before = store.counts()
    summary = ingest([CORPUS, BAD], path, pipeline=pipeline, progress=False)
    assert summary.added == 0 and summary.known == 11
    with Store(path, read_only=True) as store:
        assert store.counts() == before


def test_corpus_near_duplicates_linked_and_their_events_clustered(sample_db):
    path, _ = sample_db
    with Store(path, read_only=True) as store:
        ids = {r["source"].split("/")[-1]: r for r in store.sql("SELECT id, source, duplicate_of FROM articles")}
        original, wire = ids["aid-pledge.txt"], ids["aid-pledge-wire.txt"]
        linked = {original["duplicate_of"], wire["duplicate_of"]}
        assert linked == {None, original["id"]} or linked == {None, wire["id"]}
        assert sum(1 for r in ids.values() if r["duplicate_of"]) == 1  # no other article is linked
        shared = store.sql(
            "SELECT c.cluster_id, c.n_events, c.n_articles FROM event_clusters c "
            "WHERE c.n_articles = 2 AND c.cluster_id IN (SELECT cluster_id FROM events WHERE article_id = ?)",
            [original["id"]])
        n_original = store.sql("SELECT count(*) AS n FROM events WHERE article_id = ?", [original["id"]])[0]["n"]
        assert n_original >= 1 and len(shared) >= 1
        # both copies' records in each shared cluster; a copy that states the event twice (its first line
        # and its lead) adds a mention, as GDELT's NumMentions counts them
        assert all(r["n_events"] >= 2 for r in shared)
        # every event of a clustered pair points at the same cluster from both copies
        pairs = store.sql("SELECT cluster_id, list(article_id ORDER BY article_id) AS arts FROM events "
                          "WHERE article_id IN (?, ?) GROUP BY cluster_id HAVING count(*) = 2",
                          [original["id"], wire["id"]])
        assert pairs and all(sorted(p["arts"]) == sorted([original["id"], wire["id"]]) for p in pairs)


def test_corpus_a_stage_bug_fails_one_article_only(tmp_path, pipeline, monkeypatch):
    name, run = pipeline.stages[-1]

    def flaky(story):
        if "Mombasa" in story.text:
            raise ZeroDivisionError("boom")
        return run(story)

    monkeypatch.setattr(pipeline, "stages", pipeline.stages[:-1] + [(name, flaky)])
    summary = ingest([CORPUS / "text"], tmp_path / "s.duckdb", pipeline=pipeline, progress=False, dedup=False)
    assert summary.added == 4 and summary.failures_by_code == {"E900": 1}
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        (row,) = store.sql("SELECT source, reason FROM failures")
    assert row["source"].endswith("port-strike.txt") and "ZeroDivisionError: boom" in row["reason"]


def test_corpus_a_reader_bug_fails_one_article_only(tmp_path, pipeline, monkeypatch):
    """An unexpected exception while making an Article of an item (HTML extraction, say) took the worker's whole
    chunk of articles down with it."""
    from eventwire import corpus

    real = corpus.to_article

    def flaky(item, **kw):
        if str(item.source).endswith("port-strike.txt"):
            raise KeyError("no such field")
        return real(item, **kw)

    monkeypatch.setattr(corpus, "to_article", flaky)
    summary = ingest([CORPUS / "text"], tmp_path / "s.duckdb", pipeline=pipeline, progress=False, dedup=False)
    assert summary.added == 4 and summary.failures_by_code == {"E900": 1}
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        (row,) = store.sql("SELECT source, reason FROM failures")
    assert row["source"].endswith("port-strike.txt") and "while reading: KeyError" in row["reason"]


def test_corpus_a_story_the_store_refuses_fails_alone(tmp_path, pipeline, monkeypatch):
    name, run = pipeline.stages[-1]

    def duplicate_ids(story):
        story = run(story)
        if "Dhaka" in story.text and story.events:
            story.events.append(story.events[0])  # two events with one id break the events key
        return story

    monkeypatch.setattr(pipeline, "stages", pipeline.stages[:-1] + [(name, duplicate_ids)])
    summary = ingest([CORPUS / "text"], tmp_path / "s.duckdb", pipeline=pipeline, progress=False, dedup=False)
    assert summary.added == 4 and summary.failures_by_code == {"E300": 1} and summary.known == 0
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        (row,) = store.sql("SELECT source FROM failures")
        assert store.counts()["articles"] == 4
    assert row["source"].endswith("election-protest.txt")


def test_corpus_empty_input_loads_no_model(tmp_path, monkeypatch):
    import eventwire.corpus as corpus

    monkeypatch.setattr(corpus, "Coder", None)  # constructing a coder would fail
    (tmp_path / "in").mkdir()
    summary = ingest([tmp_path / "in"], tmp_path / "s.duckdb", progress=False)
    assert summary.items == 0 and summary.counts["articles"] == 0


def test_corpus_store_inside_the_input_folder_is_not_read(tmp_path, pipeline):
    (tmp_path / "a.txt").write_text("Talks Resume\n\nThe two sides met again on Monday, officials said.")
    for _ in range(2):
        summary = ingest([tmp_path], tmp_path / "s.duckdb", pipeline=pipeline, progress=False)
    assert summary.items == 1 and summary.failed == 0 and summary.counts["failures"] == 0


def _children(pid: int) -> list[int]:
    """The processes a process started (Linux /proc; none elsewhere)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


KILL_SCRIPT = """
import sys
from eventwire.corpus import ingest
ingest([sys.argv[1]], sys.argv[2], workers=1, chunk_size=2, write_batch=2, progress=True)
"""


@pytest.mark.slow
def test_corpus_killed_ingest_resumes_without_loss_or_duplication(tmp_path, pipeline):
    from bench.corpus import make_corpus

    make_corpus(tmp_path / "in", 40, seed=3)
    (tmp_path / "in" / "bad.txt").write_text("   ")
    killed, whole = tmp_path / "killed.duckdb", tmp_path / "whole.duckdb"

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(tmp_path / "in"), str(killed)],
                            stderr=subprocess.PIPE, env=env, cwd=ROOT)
    seen = b""
    deadline = time.time() + 240
    done = 0
    while time.time() < deadline:
        ch = proc.stderr.read(1)
        if not ch:
            break
        seen += ch
        counts = re.findall(rb"\| *(\d+)/41 ", seen[-200:])
        if counts and 10 <= int(counts[-1]) < 30:
            done = int(counts[-1])
            workers = _children(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert done, f"the ingest did not get going: {seen[-500:]!r}"
    assert proc.returncode == -signal.SIGKILL
    gone = time.time() + 15
    while time.time() < gone and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "a killed run left its workers running"

    with Store(killed, read_only=True) as store:
        partial = store.counts()["articles"]
    assert 0 < partial < 40  # it really was stopped mid-run

    resumed = ingest([tmp_path / "in"], killed, pipeline=pipeline, progress=False)
    assert resumed.known == partial
    ingest([tmp_path / "in"], whole, pipeline=pipeline, progress=False)
    with Store(killed, read_only=True) as a, Store(whole, read_only=True) as b:
        assert a.counts() == b.counts()
        for table, key in [("articles", "id"), ("events", "article_id, id"), ("actors", "article_id, id")]:
            assert a.sql(f"SELECT {key} FROM {table} ORDER BY ALL") == b.sql(f"SELECT {key} FROM {table} ORDER BY ALL")
        assert a.sql("SELECT source, code FROM failures ORDER BY ALL") == b.sql(
            "SELECT source, code FROM failures ORDER BY ALL")


RECORD_QUERIES = {
    "articles": "SELECT * EXCLUDE (ingested_at) FROM articles ORDER BY id",
    "actors": "SELECT * FROM actors ORDER BY ALL",
    "mentions": "SELECT * FROM mentions ORDER BY ALL",
    "events": "SELECT * FROM events ORDER BY article_id, id",
    "quotes": "SELECT * FROM quotes ORDER BY article_id, id",
    "places": "SELECT * FROM places ORDER BY article_id, id",
    "failures": "SELECT source, article_id, code, reason FROM failures ORDER BY ALL",
    "event_clusters": "SELECT * FROM event_clusters ORDER BY cluster_id",
}


@pytest.mark.slow
def test_corpus_ray_engine_stores_the_same_records_as_local(tmp_path, sample_db):
    ray = pytest.importorskip("ray")
    local, _ = sample_db
    remote = tmp_path / "ray.duckdb"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        summary = ingest([CORPUS, BAD], remote, engine="ray", workers=2, progress=False)
    finally:
        ray.shutdown()
    assert summary.added == 11 and summary.failed == 3
    with Store(local, read_only=True) as a, Store(remote, read_only=True) as b:
        for table, query in RECORD_QUERIES.items():
            assert a.sql(query) == b.sql(query), table
