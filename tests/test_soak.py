"""The soak benchmark (bench/soak.py): its hard per-article limit, and a fixed 300-text sample of the real news in
../shared that must code with no hang and no crash."""

import os
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # bench/ is not an installed package

from bench import soak  # noqa: E402
from eventwire.errors import ArticleTimeout, EmptyInput  # noqa: E402

SEED = 2026
SAMPLE = 300


class StubPipeline:
    """Stands in for a Pipeline: what it does depends on the text."""

    def code(self, text, date=None):
        if text == "loop":
            while True:
                pass
        if text == "sleep":
            time.sleep(3600)
        if text == "bug":
            raise KeyError("a bug in a stage")
        if text == "die":
            os._exit(3)
        if text == "budget":
            raise ArticleTimeout("article took longer than its time budget")
        raise EmptyInput("input is empty")


def test_worker_gives_up_on_a_hung_article_and_goes_on():
    worker = soak.Worker(StubPipeline())
    try:
        t0 = time.perf_counter()
        status, *_ = worker.code("loop", None, limit=1.0)
        assert status == "hang"
        assert time.perf_counter() - t0 < 10
        status, *_ = worker.code("sleep", None, limit=1.0)
        assert status == "hang"
        assert worker.restarts == 2
        status, code, message, *_ = worker.code("empty", None, limit=5.0)  # a fresh worker answers
        assert (status, code) == ("refused", "E102")
    finally:
        worker.close()


def test_worker_tells_crashes_from_refusals():
    worker = soak.Worker(StubPipeline())
    try:
        status, code, message, *_ = worker.code("bug", None, limit=5.0)
        assert (status, code) == ("crash", "KeyError")
        assert "a bug in a stage" in message and "Traceback" in message
        status, code, *_ = worker.code("die", None, limit=5.0)
        assert (status, code) == ("crash", "WorkerDied")
        status, code, *_ = worker.code("budget", None, limit=5.0)
        assert (status, code) == ("refused", "E120")  # run() counts E120 as a hang
    finally:
        worker.close()


def test_sample_draws_evenly_across_sets_and_is_repeatable():
    by_set = {"a": [soak.Text("a", str(i), "x") for i in range(5)],
              "b": [soak.Text("b", str(i), "x") for i in range(100)],
              "c": [soak.Text("c", str(i), "x") for i in range(100)]}
    picked = soak.sample(by_set, 65, seed=1)
    counts = {s: sum(t.set == s for t in picked) for s in by_set}
    assert counts == {"a": 5, "b": 30, "c": 30}
    assert [t.name for t in picked] == [t.name for t in soak.sample(by_set, 65, seed=1)]
    assert len(soak.sample(by_set, 0, seed=1)) == 205


def test_pick_sets_by_name_or_prefix():
    assert soak.pick_sets("polnear,ngec") == ["polnear-dev", "polnear-train", "ngec"]
    with pytest.raises(SystemExit):
        soak.pick_sets("nonesuch")


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.model
def test_soak_sample_of_real_news_has_no_hangs_or_crashes():
    available = soak.texts()
    if not available:
        pytest.skip("no real texts under ../shared/anchors")
    res = soak.run(n=SAMPLE, seed=SEED, limit=soak.HANG_LIMIT_S)
    o = res["overall"]
    assert o["articles"] == min(SAMPLE, sum(len(v) for v in available.values()))
    assert set(res["per_set"]) == set(available)  # every set present in ../shared is drawn from
    assert res["hangs"] == [], res["hangs"]
    assert res["crashes"] == [], [(c["set"], c["name"], c["message"]) for c in res["crashes"]]
    assert res["invalid"] == [], res["invalid"]
