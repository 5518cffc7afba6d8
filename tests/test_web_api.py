"""The HTTP API and the server-rendered pages, through FastAPI's test client (no browser).

The store is built once per module from the sample articles (coded with the session pipeline) plus an
article full of markup and script tags.
"""

from __future__ import annotations

import warnings

import pytest
from conftest import SAMPLES, build_sample_store

pytestmark = pytest.mark.model

HOSTILE = (
    "Minister <i>warns</i> of <script>window.__xss=1</script> trouble\n\n"
    "The foreign minister of Kenya accused Uganda of sending troops across the border on Tuesday, "
    "<script>window.__xss=1</script> officials said. <img src=x onerror=\"window.__xss=2\"> "
    "<b>Bold claims</b> & \"quotes\" were printed as text.\n"
)
PASTE = ("Talks Resume in Geneva\n\nThe government of Sudan agreed on Monday to meet rebel leaders in Geneva, "
         "officials said.\n\n\"We are ready to talk,\" Foreign Minister Amina Khalid said.\n")


@pytest.fixture(scope="module")
def store_path(pipeline, tmp_path_factory):
    return build_sample_store(pipeline, tmp_path_factory.mktemp("webapi") / "news.duckdb", [(HOSTILE, None)])


def client_for(store_path, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from eventwire.web import create_app

    return TestClient(create_app(store_path, **kwargs))


@pytest.fixture(scope="module")
def client(store_path):
    return client_for(store_path)


@pytest.fixture(scope="module")
def coding_client(store_path, pipeline):
    return client_for(store_path, allow_code=True, pipeline=pipeline)


def all_items(client, path):
    sep = "&" if "?" in path else "?"
    return client.get(f"{path}{sep}limit=500").json()["items"]


# -- lists, filters, pagination -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/articles", "/api/events", "/api/actors", "/api/quotes", "/api/places"])
def test_web_api_pagination_covers_every_row_once(client, path):
    full = client.get(path, params={"limit": 500}).json()
    assert full["total"] == len(full["items"]) > 2
    seen = []
    for offset in range(0, full["total"], 2):
        page = client.get(path, params={"limit": 2, "offset": offset}).json()
        assert page["total"] == full["total"] and page["limit"] == 2 and page["offset"] == offset
        assert len(page["items"]) == min(2, full["total"] - offset)
        seen += page["items"]
    key = (lambda r: r["name"]) if path in ("/api/actors",) else (lambda r: repr(sorted(r.items())))
    assert sorted(map(key, seen)) == sorted(map(key, full["items"]))
    assert client.get(path, params={"offset": full["total"] + 5}).json()["items"] == []


def test_web_api_events_filter_by_type(client):
    events = all_items(client, "/api/events")
    types = {e["type"] for e in events}
    assert len(types) > 1
    total = 0
    for t in types:
        page = client.get("/api/events", params={"type": t.lower()}).json()
        assert {e["type"] for e in page["items"]} == {t}
        total += page["total"]
    assert total == len(events)


def test_web_api_events_filter_by_country_actor_place_text(client):
    events = all_items(client, "/api/events")
    with_country = next(e for e in events if e["target_country"] or e["source_country"])
    country = with_country["target_country"] or with_country["source_country"]
    got = all_items(client, f"/api/events?country={country.lower()}")
    assert got and with_country["id"] in {e["id"] for e in got if e["article_id"] == with_country["article_id"]}
    named = next(e for e in events if e["source_names"])
    actor = named["source_names"].split(";")[0]
    got = all_items(client, f"/api/events?actor={actor}")
    assert got and all(actor.lower() in f"{e['source_names']} {e['target_names']}".lower() for e in got), (actor, [(e["source_names"], e["target_names"]) for e in got])
    placed = next(e for e in events if e["place_name"])
    got = all_items(client, f"/api/events?place={placed['place_name'][:4]}")
    assert got and all(placed["place_name"][:4].lower() in e["place_name"].lower() for e in got)
    got = all_items(client, "/api/events?text=ceasefire")
    assert got and len(got) < len(events)
    assert all("ceasefire" in (e["evidence_text"] + e["article_title"]).lower() for e in got)


def test_web_api_text_search_treats_percent_as_text(client):
    assert client.get("/api/events", params={"text": "%"}).json()["total"] == 0
    underscored = client.get("/api/articles", params={"text": "_x"}).json()["items"]  # only "window.__xss"
    assert [a["title"] for a in underscored] == [HOSTILE.splitlines()[0]]


def test_web_api_events_filter_by_date_range(client):
    events = all_items(client, "/api/events")
    got = all_items(client, "/api/events?date_from=2026-03-02&date_to=2026-03-03")
    assert got and len(got) < len(events)
    assert all("2026-03-02" <= e["day"] <= "2026-03-03" for e in got)
    month = client.get("/api/events", params={"date_from": "2026-03", "date_to": "2026-03"}).json()
    assert month["total"] == sum(1 for e in events if (e["day"] or "").startswith("2026-03"))
    assert client.get("/api/events", params={"date_from": "2027"}).json()["total"] == 0


def test_web_api_events_sort(client):
    by_type = [e["type"] for e in all_items(client, "/api/events?sort=type&order=desc")]
    assert by_type == sorted(by_type, reverse=True)
    by_date = [e["day"] for e in all_items(client, "/api/events")]
    assert by_date == sorted(by_date)


def test_web_api_article_story_json(client):
    from eventwire.schema import validate

    first = client.get("/api/articles", params={"sort": "events"}).json()["items"][0]
    story = client.get(f"/api/articles/{first['id']}").json()
    validate(story)
    assert story["article"]["id"] == first["id"] and len(story["events"]) == first["n_events"]
    other = client.get("/api/articles", params={"type": story["events"][0]["type"]}).json()
    assert first["id"] in {a["id"] for a in other["items"]}


def test_web_api_actor_profile(client):
    top = client.get("/api/actors", params={"sort": "events", "limit": 1}).json()["items"][0]
    profile = client.get(f"/api/actors/{top['name']}").json()
    assert profile["name"] == top["name"]
    assert len(profile["as_source"]) == top["n_source"] and len(profile["as_target"]) == top["n_target"]
    for p in profile["partners"]:
        assert p["partner"] != top["name"] and p["n_events"] >= 1
    assert client.get("/api/actors/No Such Actor Anywhere").status_code == 404


def test_web_api_quotes_filter_by_speaker(client):
    quotes = all_items(client, "/api/quotes")
    spoken = next(q for q in quotes if q["speaker_id"] and q["speaker"])
    got = all_items(client, f"/api/quotes?actor={spoken['speaker']}")
    assert got and all(spoken["speaker"].lower() in (q["speaker"] or "").lower() for q in got)
    direct = all_items(client, "/api/quotes?kind=direct")
    assert all(q["kind"] == "direct" for q in direct)


def test_web_api_network_timeline_map(client):
    net = client.get("/api/network").json()
    names = {n["id"] for n in net["nodes"]}
    assert net["edges"]
    for e in net["edges"]:
        assert e["source"] in names and e["target"] in names and e["source"] != e["target"]
        assert e["tone"] in ("coop", "conflict", "mixed", "neutral")
        assert e["n_coop"] + e["n_conflict"] <= e["n_events"]
    tl = client.get("/api/timeline").json()
    assert sum(d["n"] for d in tl["days"]) + tl["undated"] == client.get("/api/events").json()["total"]
    m = client.get("/api/map").json()
    assert all(p["lat"] is not None for p in m["places"])
    assert all(len(c["numeric"]) == 3 for c in m["countries"] if c["numeric"])


# -- bad requests ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query, word", [
    ("limit=0", "limit"), ("limit=501", "limit"), ("offset=-1", "offset"), ("limit=ten", "limit"),
    ("date_from=2020-13", "date_from"), ("date_to=2020-02-30", "date_to"), ("country=AFGX", "country"),
    ("sort=bogus", "sort"), ("order=up", "order"), ("quad=7", "quad"), ("type=<script>", "type"),
])
def test_web_api_bad_query_is_422_naming_the_parameter(client, query, word):
    r = client.get(f"/api/events?{query}")
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["status"] == 422 and word in err["message"]


def test_web_api_reversed_dates_and_unknown_ids(client):
    r = client.get("/api/events?date_from=2026-04-01&date_to=2026-03-01")
    assert r.status_code == 400 and "after" in r.json()["error"]["message"]
    r = client.get("/api/articles/0000000000000000")
    assert r.status_code == 404 and "no article" in r.json()["error"]["message"]
    assert client.get("/api/nothing").status_code == 404


def test_web_api_is_read_only_by_default(client):
    r = client.post("/api/code", json={"text": PASTE})
    assert r.status_code == 403
    assert "--allow-code" in r.json()["error"]["message"]
    assert client.post("/api/events", json={}).status_code == 405
    assert client.app.state.queries.store.read_only
    r = client.post("/paste", data={"text": PASTE})
    assert r.status_code == 403 and "Coding is off" in r.text
    assert "disabled" in client.get("/paste").text


# -- coding a pasted article ---------------------------------------------------------------------------------


def test_web_api_code_returns_story(coding_client):
    from eventwire.schema import validate

    r = coding_client.post("/api/code", json={"text": PASTE, "date": "2026-03-02"})
    assert r.status_code == 200
    story = r.json()
    validate(story)
    assert story["article"]["text"] == PASTE and story["article"]["date"] == "2026-03-02"
    assert any(a["name"] for a in story["actors"])
    # nothing is stored
    assert coding_client.get(f"/api/articles/{story['article']['id']}").status_code == 404


def test_web_api_paste_form_shows_coded_article(coding_client):
    r = coding_client.post("/paste", data={"text": PASTE, "date": "2026-03-02"})
    assert r.status_code == 200
    assert 'id="article-text"' in r.text and 'class="m ' in r.text and "not stored" in r.text
    page = ("<html><head><title>Talks</title></head><body><nav>Home | World</nav><article><h1>Talks Resume</h1>"
            "<p>The government of Sudan agreed on Monday to meet rebel leaders in Geneva, officials said.</p>"
            "<p>Foreign Minister Amina Khalid said the talks would start next week.</p></article></body></html>")
    r = coding_client.post("/paste", data={"text": page})
    assert r.status_code == 400 and "HTML" in r.text
    r = coding_client.post("/paste", data={"text": page, "html": "1"})
    assert r.status_code == 200 and 'id="article-text"' in r.text and "Sudan" in r.text
    r = coding_client.post("/paste", data={"text": PASTE, "date": "March 2"})
    assert r.status_code == 422 and "YYYY-MM-DD" in r.text


@pytest.mark.parametrize("body, status, word", [
    ({}, 422, "text"),
    ({"text": ""}, 422, "text"),
    ({"text": PASTE, "colour": "red"}, 422, "colour"),
    ({"text": PASTE, "date": "02/03/2026"}, 422, "date"),
    ({"text": "   \n  "}, 400, "empty"),
    ({"text": "abc\x00\x01\x02def"}, 400, "binary"),
    ({"text": 42}, 422, "text"),
])
def test_web_api_code_bad_requests(coding_client, body, status, word):
    r = coding_client.post("/api/code", json=body)
    assert r.status_code == status
    assert word in r.json()["error"]["message"].lower()


def test_web_api_code_malformed_json(coding_client):
    r = coding_client.post("/api/code", content=b'{"text": "unfinished', headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["error"]["message"]


def test_web_api_code_rejects_oversize_body(store_path, pipeline):
    small = client_for(store_path, allow_code=True, pipeline=pipeline, max_body=2000)
    r = small.post("/api/code", json={"text": "x " * 5000})
    assert r.status_code == 413
    assert "too large" in r.json()["error"]["message"] and r.json()["error"]["code"] == "E105"

    def chunks():  # no Content-Length: counted while read
        for _ in range(10):
            yield b"x" * 500

    r = small.post("/api/code", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_web_api_code_rejects_article_over_max_chars(coding_client):
    coder = coding_client.app.state.coder
    old, coder.max_chars = coder.max_chars, 100
    try:
        r = coding_client.post("/api/code", json={"text": PASTE * 3})
    finally:
        coder.max_chars = old
    assert r.status_code == 413 and "limit" in r.json()["error"]["message"]


# -- safety ------------------------------------------------------------------------------------------------


def test_web_api_script_in_article_is_data_not_markup(client):
    hostile = client.get("/api/articles", params={"text": "window.__xss"}).json()["items"]
    assert len(hostile) == 1
    aid = hostile[0]["id"]
    story = client.get(f"/api/articles/{aid}").json()
    assert story["article"]["text"] == HOSTILE
    html = client.get(f"/articles/{aid}").text
    assert "<script>window.__xss" not in html and "<img src=x" not in html and "<b>Bold" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    for path in ("/", "/events", "/quotes", "/events?text=<script>"):
        assert "<script>window" not in client.get(path).text, path


def test_web_api_events_collapse_clusters(pipeline, tmp_path):
    from eventwire import dedup
    from eventwire.store import Store

    text = (SAMPLES / "border-clash.txt").read_text(encoding="utf-8")
    copy = text + "\nUPDATE: adds that talks are not planned.\n"
    path = tmp_path / "dups.duckdb"
    with Store(path) as store:
        for t in (text, copy):
            store.add_story(pipeline.code(t, date="2026-03-01"), signature=dedup.signature(t))
        dedup.link_duplicates(store)
        dedup.cluster_events(store)
    c = client_for(path)
    every = c.get("/api/events?limit=500").json()
    one = c.get("/api/events?limit=500&collapse=true").json()
    assert every["total"] > one["total"] > 0
    assert one["total"] == len({e["cluster_id"] or e["article_id"] + e["id"] for e in every["items"]})
    reported = next(e for e in every["items"] if (e["cluster_articles"] or 0) > 1)
    members = c.get("/api/events", params={"cluster": reported["cluster_id"]}).json()
    assert members["total"] == reported["cluster_events"] and len({e["article_id"] for e in members["items"]}) == 2
    page = c.get("/events?collapse=1").text
    assert "2 articles" in c.get("/events").text and page.count('data-type="') == one["total"]


def test_web_api_events_csv_matches_filters(client):
    import csv
    import io

    total = client.get("/api/events", params={"country": "KEN"}).json()["total"]
    r = client.get("/api/events.csv", params={"country": "KEN"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total > 0 and all(row["type"] for row in rows)
    page = client.get("/events", params={"country": "KEN", "type": ""}).text
    assert 'href="/api/events.csv?country=KEN"' in page


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("@SUM(A1)", "'@SUM(A1)"), ("+cmd", "'+cmd"), ("-3.5", "-3.5"),
    (-3.5, "-3.5"), (None, ""), (["a", "b"], "a; b"), ("plain", "plain"),
])
def test_web_api_csv_cells_never_formulas(value, cell):
    from eventwire.web.api import csv_cell

    assert csv_cell(value) == cell


def test_web_api_pasted_script_is_escaped(coding_client):
    r = coding_client.post("/paste", data={"text": HOSTILE})
    assert r.status_code == 200
    assert "<script>window" not in r.text and "&lt;script&gt;window.__xss=1&lt;/script&gt;" in r.text
    story = coding_client.post("/api/code", json={"text": HOSTILE}).json()
    assert story["article"]["text"] == HOSTILE


def test_web_api_article_url_link_only_for_http(store_path, pipeline, tmp_path):
    from eventwire.store import Store

    path = tmp_path / "urls.duckdb"
    with Store(path) as store:
        store.add_story(pipeline.code("Talks\n\nKenya met Uganda.", url="javascript:alert(1)"))
        store.add_story(pipeline.code("Talks again\n\nKenya met Uganda again.", url="https://example.org/a"))
    c = client_for(path)
    pages = [c.get(f"/articles/{a['id']}").text for a in c.get("/api/articles").json()["items"]]
    assert any('href="https://example.org/a"' in p for p in pages)
    assert not any('href="javascript:' in p for p in pages)
    assert any("javascript:alert(1)" in p for p in pages)  # shown, as text


def test_web_api_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_web_api_pages_render(client):
    aid = client.get("/api/articles", params={"sort": "events"}).json()["items"][0]["id"]
    actor = client.get("/api/actors", params={"limit": 1}).json()["items"][0]["name"]
    for path in ("/", "/events", "/actors", "/quotes", "/network", "/timeline", "/map", "/paste", "/docs",
                 f"/articles/{aid}", f"/actors/{actor}", "/events?type=&country=&quad=&date_from="):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "cdn" not in r.text.lower() and "https://" not in r.text.split("<main>")[0], path
    r = client.get("/articles/nope")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]


def test_web_api_openapi_documents_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/events", "/api/actors", "/api/quotes", "/api/places", "/api/code"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "type", "date_from", "date_to", "place", "text", "limit", "offset"} <= params


def test_web_cli_serve_refuses_missing_store(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 4 and "no store" in result.output
    help_text = CliRunner().invoke(cli, ["serve", "--help"]).output
    assert "Example:" in help_text and "127.0.0.1" in help_text


# -- the article layout (no model needed) ---------------------------------------------------------------------


@pytest.mark.parametrize("quad, cameo, goldstein, expected", [
    (None, "112", None, 3), (None, "190", None, 4), (None, "042", None, 1), (None, "070", None, 2),
    (2, "112", None, 2), (None, None, -5.0, 3), (None, None, None, None), (None, "xx", 3.0, 1),
])
def test_web_tone_quad_class(quad, cameo, goldstein, expected):
    from eventwire.web import tone

    assert tone.quad_class(quad, cameo, goldstein) == expected


def test_web_article_layout_segments_cover_text_and_name_records():
    from eventwire.web import article

    text = "Talks\n\nKenya accused Uganda, \"we are ready\" he said."

    def span(s, e):
        return {"start": s, "end": e, "text": text[s:e]}

    body = text.index("Kenya")
    story = {
        "article": {"text": text},
        "paragraphs": [{**span(0, 5), "kind": "headline"}, {**span(body, len(text)), "kind": "body"}],
        "actors": [{"id": "a1", "name": "Kenya", "country": "KEN", "mentions": [span(body, body + 5)]}],
        "events": [{"id": "e1", "type": "ACCUSE", "cameo": "112", "source": ["a1"], "target": [],
                    "evidence": span(body, text.index(",")), "trigger": span(body + 6, body + 13)}],
        "quotes": [{"id": "q1", "kind": "direct", "speaker": None, "speaker_text": "he",
                    "cue": span(text.index("said"), text.index("said") + 4),
                    "content": [span(text.index("we"), text.index("ready") + 5)]}],
        "places": [],
    }
    blocks = article.layout(story)
    assert [b.kind for b in blocks] == ["headline", "body"]
    assert "".join(s.text for s in blocks[1].segments) == text[body:]
    by_text = {s.text: s for s in blocks[1].segments}
    assert by_text["Kenya"].kinds == ["actor", "event"] and by_text["Kenya"].recs == ["actor:a1", "event:e1"]
    assert by_text["accused"].kinds == ["trigger", "event"] and by_text["accused"].tone == "vconf"
    assert by_text["we are ready"].recs == ["quote:q1"] and by_text["said"].kinds == ["cue"]
    assert not by_text["\" he "].recs
    assert "Kenya → ?" in by_text["accused"].title
