"""Analyst corrections: the store keeps them (and re-applies them to an article stored anew), the web app writes
them only with --allow-edits, from its own pages (Origin) with its token (CSRF), and views and exports show them.
"""

from __future__ import annotations

import json
import warnings

import pytest
from conftest import build_sample_store

pytestmark = pytest.mark.model

ARTICLE = ("Border Talks\n\nThe president of Kenya met the prime minister of Ethiopia in Nairobi on Monday. "
           "Ethiopia agreed to reopen the border, officials said. Kenyan police arrested three smugglers near the "
           "crossing on Tuesday.\n\n\"We want peace,\" the Kenyan president said.\n")
HOSTILE_WHO = "<script>window.__xss=1</script>"


@pytest.fixture
def store_path(pipeline, tmp_path):
    return build_sample_store(pipeline, tmp_path / "news.duckdb", [(ARTICLE, "talks.txt")])


def client_for(store_path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from eventwire.web import create_app

    return TestClient(create_app(store_path, **kwargs))


def talks(client) -> dict:
    aid = client.get("/api/articles", params={"text": "smugglers"}).json()["items"][0]["id"]
    return client.get(f"/api/articles/{aid}").json()


def writer(client) -> dict:
    """The headers a page of this server sends with a write: its Origin and the token in the page."""
    html = client.get("/").text
    token = html.split('name="csrf-token" content="', 1)[1].split('"', 1)[0]
    return {"origin": "http://testserver", "x-csrf-token": token}


# -- the store ------------------------------------------------------------------------------------------


def test_corrections_edit_event_is_kept_and_marked(store_path):
    from eventwire.store import Store

    with Store(store_path) as store:
        aid = store.sql("SELECT id FROM articles WHERE text LIKE '%smugglers%'")[0]["id"]
        story = store.get_story(aid)
        event = story["events"][0]
        new_type = "ACCUSE" if event["type"] != "ACCUSE" else "THREATEN"
        row = store.add_correction(aid, "event", "edit", event["id"], changes={"type": new_type, "negated": True},
                                   who="tester")
        assert row["before"]["type"] == event["type"] and row["after"]["type"] == new_type
        assert row["evidence_text"] == event["evidence"]["text"]
        stored = store.sql("SELECT type, negated, corrected FROM events WHERE article_id = ? AND id = ?",
                           [aid, event["id"]])[0]
        assert stored == {"type": new_type, "negated": True, "corrected": True}
        after = next(e for e in store.get_story(aid)["events"] if e["id"] == event["id"])
        assert after["corrected"]["by"] == "tester" and after["quad_class"] in (3, 4)
        kept = store.corrections(article_id=aid)
        assert [(c["action"], c["who"]) for c in kept] == [("edit", "tester")]


def test_corrections_refused_when_they_do_not_fit(store_path):
    from eventwire.errors import InputError
    from eventwire.store import Store

    with Store(store_path) as store:
        aid = store.sql("SELECT id FROM articles WHERE text LIKE '%smugglers%'")[0]["id"]
        eid = store.get_story(aid)["events"][0]["id"]
        bad = [
            dict(kind="event", action="edit", record_id=eid, changes={"type": "NOT_A_TYPE"}),
            dict(kind="event", action="edit", record_id="e999", changes={"negated": True}),
            dict(kind="event", action="edit", record_id=eid, changes={"source": ["a999"]}),
            dict(kind="event", action="edit", record_id=eid, changes={"colour": "red"}),
            dict(kind="event", action="add", changes={"type": "AGREE"}, evidence={"start": 10, "end": 5}),
            dict(kind="quote", action="speaker", record_id="q1", changes={"speaker": "a999"}),
        ]
        for b in bad:
            with pytest.raises(InputError):
                store.add_correction(aid, b.pop("kind"), b.pop("action"), b.pop("record_id", None), **b)
        assert store.corrections() == []


def test_corrections_survive_storing_the_article_again(store_path, pipeline):
    """A re-ingest of a corrected article (its rows gone, e.g. a store rebuilt into the same file) gets the
    analyst's corrections back, from the corrections table."""
    from eventwire.store import Store

    with Store(store_path) as store:
        aid = store.sql("SELECT id FROM articles WHERE text LIKE '%smugglers%'")[0]["id"]
        story = store.get_story(aid)
        first = story["events"][0]["id"]
        store.add_correction(aid, "event", "not_event", first)
        start = story["article"]["text"].index("Kenyan police")
        store.add_correction(aid, "event", "add", changes={"type": "ARREST" if "ARREST" in _types() else "COERCE"},
                             evidence={"start": start, "end": start + len("Kenyan police arrested three smugglers")})
        for table in ("events", "quotes", "actors", "mentions", "places", "signatures", "articles"):
            store.con.execute(f"DELETE FROM {table} WHERE {'id' if table == 'articles' else 'article_id'} = ?", [aid])
        store.release()
        again = pipeline.code(ARTICLE, date="2026-03-10")
        again.article.source = "talks.txt"
        assert store.add_story(again)
        ids = {r["id"] for r in store.sql("SELECT id FROM events WHERE article_id = ?", [aid])}
        assert first not in ids and "ea1" in ids
        assert len(store.corrections(article_id=aid)) == 2


def _types():
    from eventwire.corrections import event_types

    return event_types()


# -- the web app: off by default, Origin and CSRF ------------------------------------------------------------


def test_web_edits_refused_without_allow_edits(store_path):
    client = client_for(store_path)
    story = talks(client)
    body = {"article_id": story["article"]["id"], "kind": "event", "action": "not_event",
            "record_id": story["events"][0]["id"]}
    for headers in ({}, {"origin": "http://testserver"}, {"origin": "http://testserver", "x-csrf-token": "x"}):
        res = client.post("/api/corrections", json=body, headers=headers)
        assert res.status_code == 403 and res.json()["error"]["code"] == "E402"
        assert "--allow-edits" in res.json()["error"]["message"]
    # even a malformed body is refused before it is read
    assert client.post("/api/corrections", content=b"{not json").status_code == 403
    assert 'name="csrf-token"' not in client.get("/").text
    page = client.get(f"/articles/{story['article']['id']}").text
    assert "edit-panel" not in page
    assert client.get("/api/corrections").json()["total"] == 0


def test_web_edits_need_origin_and_token(store_path):
    client = client_for(store_path, allow_edits=True)
    story = talks(client)
    good = writer(client)
    body = {"article_id": story["article"]["id"], "kind": "event", "action": "edit",
            "record_id": story["events"][0]["id"], "changes": {"negated": True}}
    refusals = [
        {"x-csrf-token": good["x-csrf-token"]},  # no Origin
        {"origin": "http://evil.example", "x-csrf-token": good["x-csrf-token"]},  # another site
        {"origin": "http://testserver"},  # no token
        {"origin": "http://testserver", "x-csrf-token": good["x-csrf-token"][:-2] + "zz"},  # wrong token
    ]
    for headers in refusals:
        res = client.post("/api/corrections", json=body, headers=headers)
        assert res.status_code == 403, headers
        assert res.json()["error"]["code"] == "E402"
    assert client.get("/api/corrections").json()["total"] == 0
    res = client.post("/api/corrections", json=body, headers=good)
    assert res.status_code == 200, res.text
    assert client.get("/api/corrections").json()["total"] == 1


def test_web_edits_origins_given_to_the_app(store_path):
    from eventwire.web.edits import origins_for

    client = client_for(store_path, allow_edits=True, origins=origins_for("127.0.0.1", 8123))
    story = talks(client)
    token = writer(client)["x-csrf-token"]
    body = {"article_id": story["article"]["id"], "kind": "event", "action": "edit",
            "record_id": story["events"][0]["id"], "changes": {"hypothetical": True}}
    # the test client's own origin is not one of the server's
    assert client.post("/api/corrections", json=body, headers={"origin": "http://testserver",
                                                               "x-csrf-token": token}).status_code == 403
    # a page of the server, but a request whose Host is another name (DNS rebinding) is refused too
    assert client.post("/api/corrections", json=body, headers={"origin": "http://localhost:8123",
                                                               "x-csrf-token": token}).status_code == 403
    ok = client.post("/api/corrections", json=body, headers={"origin": "http://localhost:8123", "host": "localhost:8123",
                                                             "x-csrf-token": token})
    assert ok.status_code == 200, ok.text


def test_web_edits_bad_correction_is_400(store_path):
    client = client_for(store_path, allow_edits=True)
    story = talks(client)
    h = writer(client)
    aid = story["article"]["id"]
    res = client.post("/api/corrections", headers=h, json={"article_id": aid, "kind": "event", "action": "edit",
                                                           "record_id": "e999", "changes": {"negated": True}})
    assert res.status_code == 400 and "e999" in res.json()["error"]["message"]
    res = client.post("/api/corrections", headers=h, json={"article_id": aid, "kind": "event", "action": "edit",
                                                           "record_id": "e1", "changes": {}, "extra": 1})
    assert res.status_code == 422


def test_web_edits_show_in_views_and_exports(store_path, tmp_path):
    client = client_for(store_path, allow_edits=True)
    story = talks(client)
    aid = story["article"]["id"]
    h = writer(client)
    event = story["events"][0]
    speaker = next(a for a in story["actors"] if "president" in a["name"].lower())
    quote = story["quotes"][0]
    new_type = "ACCUSE" if event["type"] != "ACCUSE" else "THREATEN"
    for body in (
        {"kind": "event", "action": "edit", "record_id": event["id"], "changes": {"type": new_type},
         "who": HOSTILE_WHO},
        {"kind": "quote", "action": "speaker", "record_id": quote["id"], "changes": {"speaker": speaker["id"]}},
    ):
        res = client.post("/api/corrections", headers=h, json={"article_id": aid, **body})
        assert res.status_code == 200, res.text
    # the events table (API and page) shows the corrected record, marked
    rows = client.get("/api/events", params={"article": aid}).json()["items"]
    row = next(r for r in rows if r["id"] == event["id"])
    assert row["type"] == new_type and row["corrected"] is True
    page = client.get("/events", params={"article": aid}).text
    assert "corrected" in page
    q = next(r for r in client.get("/api/quotes", params={"article": aid}).json()["items"] if r["id"] == quote["id"])
    assert q["speaker"] == speaker["name"] and q["corrected"] is True
    # the article page marks it, and escapes who made it
    art = client.get(f"/articles/{aid}").text
    assert "corrected" in art and HOSTILE_WHO not in art and "&lt;script&gt;" in art
    corr = client.get("/corrections").text
    assert HOSTILE_WHO not in corr and "&lt;script&gt;window.__xss=1&lt;/script&gt;" in corr
    # the PLOVER export carries the corrected record, marked
    from eventwire.export import export
    from eventwire.store import Store

    out = tmp_path / "plover.jsonl"
    with Store(store_path, read_only=True) as store:
        export(store, out, fmt="plover")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    mine = next(r for r in records if r["article_id"] == aid and r["event_id"] == event["id"])
    assert mine["event"] == [new_type] and mine["corrected"]["by"] == HOSTILE_WHO
    assert not any(r.get("corrected") for r in records if r["article_id"] != aid)


# -- gold export and evaluate ----------------------------------------------------------------------------------

GSR_KEYS = {"id", "date", "source", "target", "event", "eventText", "context", "mode", "text", "textInfo", "language",
            "publication", "coder", "version", "dateCoded"}


def _corrected_store(store_path):
    """Three corrections on the talks article: a type change, a flag change, and a speaker."""
    from eventwire.store import Store

    with Store(store_path) as store:
        aid = store.sql("SELECT id FROM articles WHERE text LIKE '%smugglers%'")[0]["id"]
        story = store.get_story(aid)
        e1, e2 = story["events"][0], story["events"][1]
        new_type = "THREATEN" if e1["type"] != "THREATEN" else "ACCUSE"
        store.add_correction(aid, "event", "edit", e1["id"], changes={"type": new_type}, who="ana")
        store.add_correction(aid, "event", "edit", e2["id"], changes={"hypothetical": not e2["hypothetical"]},
                             who="ana")
        speaker = next(a for a in story["actors"] if "president" in a["name"].lower())
        store.add_correction(aid, "quote", "speaker", story["quotes"][-1]["id"], changes={"speaker": speaker["id"]},
                             who="ben")
    return aid, e1, e2, new_type, speaker


def test_gold_export_writes_plover_gold_records(store_path, tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import cli

    aid, e1, e2, new_type, speaker = _corrected_store(store_path)
    out = tmp_path / "gold.json"
    res = CliRunner().invoke(cli, ["gold", "export", "--db", str(store_path), "-o", str(out)])
    assert res.exit_code == 0, res.output
    records = json.loads(out.read_text())
    assert len(records) == 3
    for r in records:
        assert GSR_KEYS <= set(r), GSR_KEYS - set(r)
        assert r["articleId"] == aid and r["corrections"]
        ev = r["textInfo"]["evidence"]
        assert ev["text"] and ev["start"] < ev["end"]
    edited = next(r for r in records if r["recordId"] == e1["id"])
    assert edited["kind"] == "event" and edited["event"] == new_type and edited["coder"] == "ana"
    assert "(EVT: " in edited["textInfo"]["markup"]
    assert all({"actorText", "code", "sector"} <= set(a) for a in edited["source"] + edited["target"])
    said = next(r for r in records if r["kind"] == "speaker")
    assert said["source"][0]["actorText"] == speaker["name"] and said["coder"] == "ben"
    # the GSR file itself, when ../shared is here: the same top-level layout
    from conftest import SHARED

    gsr = SHARED / "anchors" / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.dev.json"
    if gsr.exists():
        theirs = [r for r in json.loads(gsr.read_text()) if r.get("event") != "DOCUMENT"]
        common = set.intersection(*(set(r) for r in theirs))
        assert common <= set(edited), common - set(edited)


def test_evaluate_scores_the_pipeline_against_corrections(store_path, pipeline):
    from eventwire.gold import evaluate
    from eventwire.store import Store

    aid, e1, e2, new_type, speaker = _corrected_store(store_path)
    with Store(store_path, read_only=True) as store:
        report = evaluate(store, pipeline)
    s = report["summary"]
    assert s["articles"] == 1 and s["events"] == 2 and s["speakers"] == 1
    assert s["events_found"] == 2  # the same text coded again finds both events
    rows = {r["id"].rsplit("-", 1)[1]: r for r in report["records"]}
    # the pipeline still codes the type the analyst changed, and the type of the flag-only correction
    assert rows[e1["id"]]["type_ok"] is False and rows[e1["id"]]["coded"] == e1["type"]
    assert rows[e2["id"]]["type_ok"] is True
    assert s["type_accuracy"] == 0.5
    coded_speaker_right = rows[[k for k in rows if rows[k]["kind"] == "speaker"][0]]["speaker_ok"]
    assert s["speaker_accuracy"] == (1.0 if coded_speaker_right else 0.0)


def test_evaluate_without_corrections_says_so(store_path):
    from click.testing import CliRunner

    from eventwire.cli import cli

    res = CliRunner().invoke(cli, ["evaluate", "--db", str(store_path)])
    assert res.exit_code == 2 and "no corrections" in res.output
