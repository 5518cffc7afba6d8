"""The time budget per article (setting ``article_timeout``): a stage that never returns costs one failure,
not the run, in the pipeline, the CLI and the local engine."""

import signal
import threading
import time

import pytest
from click.testing import CliRunner

from eventwire import Pipeline, registry
from eventwire.errors import ArticleTimeout
from eventwire.pipeline import Failure

pytestmark = pytest.mark.model

STUCK = "A stuck article. The minister said on Monday that talks would resume."


@registry.stage("test.stuck.v1", requires=["doc"], assigns=[])
def make_stuck(nlp, config):
    """Never returns on an article that says 'stuck': a Python loop, a C-level sleep, or a sleep that
    blocks SIGALRM (like C code that holds on), by the word that follows."""

    def stuck(story):
        text = story.article.text
        if "stuck" not in text:
            return story
        if "sleeps" in text:
            time.sleep(3600)
        if "blocks" in text:
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)
        while True:
            pass

    return stuck


def _pipeline(budget, stages=("test.stuck.v1",)):
    return Pipeline(stages=list(stages), article_timeout=budget)


def test_a_python_loop_fails_the_article_within_its_budget():
    nlp = _pipeline(1.0)
    t = time.perf_counter()
    with pytest.raises(ArticleTimeout) as err:
        nlp.code(STUCK)
    assert time.perf_counter() - t < 5
    assert err.value.code == "E120" and "time budget" in str(err.value)


def test_a_blocking_sleep_in_the_main_thread_is_interrupted_too():
    nlp = _pipeline(1.0)
    with pytest.raises(ArticleTimeout):
        nlp.code(STUCK.replace("stuck", "stuck sleeps"))


def test_the_budget_holds_outside_the_main_thread():
    """Ray actors and web servers code in other threads: the watchdog stops the loop there."""
    nlp = _pipeline(1.0)
    out = {}

    def run():
        try:
            nlp.code(STUCK)
        except ArticleTimeout as err:
            out["err"] = err

    th = threading.Thread(target=run)
    th.start()
    th.join(10)
    assert not th.is_alive() and isinstance(out.get("err"), ArticleTimeout)


def test_one_late_article_fails_alone_in_a_batch():
    nlp = _pipeline(1.0)
    results = list(nlp.code_many(["A fine article. Talks went on.", STUCK, "Another fine one. Nothing else."]))
    assert [type(r).__name__ for r in results] == ["Story", "Failure", "Story"]
    assert results[1].error.code == "E120"


def test_no_budget_leaves_no_timer_behind():
    nlp = _pipeline(2.0)
    nlp.code("A fine article. Talks went on.")
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    time.sleep(2.5)  # a timer left running would raise here


def test_a_callers_own_alarm_is_left_alone():
    """Under a caller's interval timer (as in a soak harness), the budget uses the watchdog, not SIGALRM."""
    fired = []
    old = signal.signal(signal.SIGALRM, lambda *a: fired.append(1))
    signal.setitimer(signal.ITIMER_REAL, 30)
    try:
        nlp = _pipeline(1.0)
        with pytest.raises(ArticleTimeout):
            nlp.code(STUCK)
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 20  # the caller's timer still runs
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    assert not fired


def test_cli_code_exits_with_a_clear_error(tmp_path):
    from eventwire.cli import cli

    f = tmp_path / "stuck.txt"
    f.write_text(STUCK, encoding="utf-8")
    res = CliRunner().invoke(cli, ["code", str(f), "-s", "stages", '["test.stuck.v1"]', "-s", "article_timeout", "1"])
    assert res.exit_code == 5
    assert "E120" in res.output and "Traceback" not in res.output


@pytest.mark.slow
def test_local_engine_replaces_a_stuck_worker_and_goes_on(tmp_path):
    """A worker stuck where no signal reaches it is killed and replaced; its chunk is retried one article
    at a time; the stuck article is one failure row and every other article is stored."""
    from eventwire.corpus import ingest
    from eventwire.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(10):
        (folder / f"ok{i}.txt").write_text(f"Fine article number {i}. The council met on Monday in Lagos "
                                          f"to discuss item {i}.", encoding="utf-8")
    (folder / "stuck.txt").write_text(STUCK.replace("stuck", "stuck blocks"), encoding="utf-8")
    (folder / "loop.txt").write_text(STUCK.replace("stuck", "stuck loops"), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    config = {"stages": ["test.stuck.v1"], "article_timeout": 1.0}
    t = time.perf_counter()
    summary = ingest([folder], db, workers=2, config=config, progress=False, chunk_size=4, dedup=False)
    assert time.perf_counter() - t < 90
    assert summary.added == 10 and summary.failed == 2
    with Store(db, read_only=True) as store:
        rows = store.sql("SELECT source, code FROM failures ORDER BY source")
    assert [(r["source"].rsplit("/", 1)[-1], r["code"]) for r in rows] == [("loop.txt", "E120"), ("stuck.txt", "E120")]
