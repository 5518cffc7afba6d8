"""The network, timeline and map APIs that let the pages read at any size: levels, the strongest N edges,
a node's neighbourhood, communities, buckets by range, stacks by type or quad class, and notes of what is
left out. Also the store's pre-counted columns agree with counting the records."""

from __future__ import annotations

import warnings

import pytest
from conftest import build_sample_store

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def store_path(pipeline, tmp_path_factory):
    return build_sample_store(pipeline, tmp_path_factory.mktemp("webscale") / "news.duckdb")


@pytest.fixture(scope="module")
def client(store_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from eventwire.web import create_app

    return TestClient(create_app(store_path))


def test_web_network_strongest_edges_first_and_capped(client):
    full = client.get("/api/network", params={"edges": 5000}).json()
    assert full["total_edges"] == len(full["edges"]) >= 3
    counts = [e["n_events"] for e in full["edges"]]
    assert counts == sorted(counts, reverse=True)
    top = client.get("/api/network", params={"edges": 2}).json()
    assert [(e["source"], e["target"]) for e in top["edges"]] == [(e["source"], e["target"]) for e in full["edges"][:2]]
    assert top["shown_edges"] == 2 and top["total_edges"] == full["total_edges"]
    shown = {n["id"] for n in top["nodes"]}
    assert shown == {e[s] for e in top["edges"] for s in ("source", "target")}
    assert all(isinstance(n["community"], int) for n in top["nodes"])


def test_web_network_levels(client):
    actors = client.get("/api/actors", params={"limit": 500}).json()["items"]
    country_of = {a["name"]: a["country"] for a in actors}
    by_country = client.get("/api/network", params={"level": "country", "edges": 5000}).json()
    assert by_country["nodes"]
    codes = {c for c in country_of.values() if c}
    for n in by_country["nodes"]:
        assert n["id"] in codes and n["country"] == n["id"]
    for e in by_country["edges"]:
        assert e["source"] != e["target"]
    sector = client.get("/api/network", params={"level": "sector", "edges": 5000}).json()
    for n in sector["nodes"]:
        assert n["id"].split("-")[0] in codes
    # country events cover at most the actor-level events (actors without a country drop out)
    assert sum(e["n_events"] for e in by_country["edges"]) <= sum(
        e["n_events"] for e in client.get("/api/network", params={"edges": 5000}).json()["edges"])
    assert client.get("/api/network", params={"level": "planet"}).status_code == 422


def test_web_network_focus_is_a_neighbourhood(client):
    full = client.get("/api/network", params={"edges": 5000}).json()
    hub = full["nodes"][0]["id"]
    near = {hub} | {e["target"] for e in full["edges"] if e["source"] == hub} | \
        {e["source"] for e in full["edges"] if e["target"] == hub}
    got = client.get("/api/network", params={"focus": hub, "edges": 5000}).json()
    assert got["focus"] == hub and hub in {n["id"] for n in got["nodes"]}
    assert all(e["source"] in near and e["target"] in near for e in got["edges"])
    assert len(got["edges"]) == sum(1 for e in full["edges"] if e["source"] in near and e["target"] in near)


def test_web_network_filters_change_it(client):
    full = client.get("/api/network", params={"edges": 5000}).json()
    types = sorted({t for e in full["edges"] for t in e["types"]})
    one = client.get("/api/network", params={"edges": 5000, "type": types[0]}).json()
    assert all(set(e["types"]) == {types[0]} for e in one["edges"])
    conflict = client.get("/api/network", params={"edges": 5000, "quad": 4}).json()
    assert sum(e["n_events"] for e in conflict["edges"]) <= sum(e["n_conflict"] for e in full["edges"])


def test_web_timeline_buckets_and_stacks(client):
    total = client.get("/api/events").json()["total"]
    for bucket in ("day", "week", "month", "auto"):
        tl = client.get("/api/timeline", params={"bucket": bucket}).json()
        drawn = sum(b["n"] for b in tl["buckets"])
        assert drawn + tl["undated"] + tl["before_range"] + tl["after_range"] == total
        assert tl["bucket"] in ("day", "week", "month")
        starts = [b["start"] for b in tl["buckets"]]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        if tl["bucket"] == "week":
            import datetime as dt

            assert all(dt.date.fromisoformat(s).weekday() == 0 for s in starts)
        if tl["bucket"] == "month":
            assert all(s.endswith("-01") for s in starts)
    quad = client.get("/api/timeline", params={"by": "quad"}).json()
    assert set(quad["series"]) <= {"1", "2", "3", "4", "unclassified"}
    assert sum(quad["totals"].values()) == quad["dated"]
    # dates asked for are drawn whole
    tl = client.get("/api/timeline", params={"date_from": "2000", "date_to": "2100"}).json()
    assert tl["before_range"] == tl["after_range"] == 0


def test_web_map_says_what_is_not_on_it(client):
    m = client.get("/api/map").json()
    assert m["events_total"] == client.get("/api/events").json()["total"]
    assert 0 <= m["events_placed"] <= m["events_total"]


def test_store_counts_agree_with_records(store_path):
    from eventwire.store import Store

    with Store(store_path, read_only=True) as store:
        bad = store.sql(
            "SELECT a.id FROM articles a WHERE a.n_events <> (SELECT count(*) FROM events e WHERE e.article_id = a.id) "
            "OR a.n_quotes <> (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) "
            "OR a.n_actors <> (SELECT count(*) FROM actors x WHERE x.article_id = a.id)")
        assert bad == []
        bad = store.sql(
            "SELECT x.id FROM actors x WHERE x.n_source <> (SELECT count(*) FROM events e WHERE "
            "e.article_id = x.article_id AND list_contains(e.source, x.id)) OR x.n_mentions <> (SELECT count(*) "
            "FROM mentions m WHERE m.article_id = x.article_id AND m.actor_id = x.id)")
        assert bad == []


def test_web_actor_profile_lists_the_first_records_with_totals(client, monkeypatch):
    from eventwire.web import queries

    top = client.get("/api/actors", params={"sort": "events", "limit": 1}).json()["items"][0]
    full = client.get(f"/api/actors/{top['name']}").json()
    assert full["n_as_source"] == len(full["as_source"]) == top["n_source"]
    monkeypatch.setattr(queries, "PROFILE_MAX", 1)
    short = client.get(f"/api/actors/{top['name']}").json()
    assert short["n_as_source"] == full["n_as_source"] and short["n_as_target"] == full["n_as_target"]
    assert short["as_source"] == full["as_source"][:1] and len(short["as_target"]) <= 1
    assert short["n_partners"] == len(full["partners"]) and len(short["partners"]) <= 1
    page = client.get(f"/actors/{top['name']}").text
    if full["n_as_source"] > 1:
        assert f"all {full['n_as_source']}" in page
