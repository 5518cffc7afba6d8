"""The web UI in headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

A uvicorn server runs in a thread on 127.0.0.1 over a store built from the sample articles plus one hostile
article; every page is opened, a highlighted event is clicked, the events table is filtered and sorted, a
pasted article is coded, an event is corrected and a missed one added on the article page. The network is
also drawn over the 840-article store that ``bench/web.py`` builds, when it is there. Screenshots go to a
temporary folder ($EVENTWIRE_SCREENS, else the system's temp folder), never to tracked files. Skipped when
chromium or Playwright is missing. Playwright never downloads a browser here (no `playwright install`).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest
from conftest import build_sample_store

CHROMIUM = Path("/usr/bin/chromium")
SCREENS = Path(os.environ.get("EVENTWIRE_SCREENS") or Path(tempfile.gettempdir()) / "eventwire-screens")
BIG_STORE = Path(os.environ.get("EVENTWIRE_BENCH_CACHE") or Path(tempfile.gettempdir()) / "eventwire-bench")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]

pytestmark = [pytest.mark.browser, pytest.mark.model]

HOSTILE = (
    "Minister <i>warns</i> of <script>window.__xss=1</script> trouble\n\n"
    "The foreign minister of Kenya accused Uganda of sending troops across the border on Tuesday, "
    "<script>window.__xss=1</script> officials said. <img src=x onerror=\"window.__xss=2\"> "
    "<b>Bold claims</b> & <a href=\"javascript:window.__xss=3\">a link</a> were printed as text.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def store_path(pipeline, tmp_path_factory):
    return build_sample_store(pipeline, tmp_path_factory.mktemp("web") / "news.duckdb", [(HOSTILE, "hostile.txt")])


def serve(db, **kwargs):
    """Start a server in a thread; yield its URL; stop it."""
    uvicorn = pytest.importorskip("uvicorn")
    from eventwire.web import create_app
    from eventwire.web.edits import origins_for

    port = free_port()
    app = create_app(db, origins=origins_for("127.0.0.1", port), **kwargs)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline:
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def server(store_path, pipeline):
    yield from serve(store_path, allow_code=True, allow_edits=True, pipeline=pipeline)


@pytest.fixture(scope="module")
def big_server():
    """A server over the 840 PolNeAR articles of bench/web.py, when that store has been built."""
    db, done = BIG_STORE / "polnear-train.duckdb", BIG_STORE / "polnear-train.done"
    if not (db.exists() and done.exists()):
        pytest.skip(f"no 840-article store at {db}: build it with `python -m bench.web --build-only`")
    yield from serve(db)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("Debian chromium is not installed (/usr/bin/chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records script errors and any request to another host."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.foreign = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text)
          if msg.type == "error" and not msg.text.startswith("Failed to load resource") else None)
    pg.on("response", lambda res: pg.errors.append(f"{res.status} {res.url}") if res.status >= 400 else None)
    pg.on("request", lambda req: pg.foreign.append(req.url) if not req.url.startswith(server) else None)
    yield pg
    context.close()


def shot(page, name: str, full_page: bool = False) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=full_page)


def overlap(a, b, slack: float = 0.5) -> bool:
    return a["x1"] + slack < b["x2"] and b["x1"] + slack < a["x2"] and a["y1"] + slack < b["y2"] and b["y1"] + slack < a["y2"]


def assert_disjoint(boxes: list[dict]) -> None:
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not overlap(a, b), f"labels overlap: {a} and {b}"


def label_boxes_map(page) -> list[dict]:
    """The drawn place labels of the map, as the browser lays them out (screen pixels)."""
    return page.locator("svg#map text.dot-label").evaluate_all(
        "ts => ts.map(t => { const r = t.getBoundingClientRect(); "
        "return {x1: r.left, x2: r.right, y1: r.top, y2: r.bottom, text: t.textContent}; })")


# The network's labels as cytoscape draws them (rendered bounding boxes of the labels alone), strongest first.
NETWORK_LABELS = """() => {
  const cy = window.ewNetwork.cy;
  return cy.nodes('.labelled').sort((a, b) => b.data('weight') - a.data('weight')).map(n => {
    const b = n.renderedBoundingBox({includeNodes: false, includeEdges: false, includeLabels: true});
    return {id: n.id(), weight: n.data('weight'), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2};
  });
}"""


def wait_js(page, expr: str, seconds: float) -> None:
    """Wait until a script expression is true (polled from here: the page's CSP forbids the eval that
    Playwright's wait_for_function needs)."""
    deadline = time.time() + seconds
    while not page.evaluate(f"() => Boolean({expr})"):
        if time.time() > deadline:
            pytest.fail(f"timed out waiting for {expr}")
        time.sleep(0.1)


def api(page, server, path: str) -> dict:
    return page.request.get(server + path).json()


def article_with_events(page, server) -> str:
    items = api(page, server, "/api/articles?sort=events&order=desc&limit=1")["items"]
    assert items and items[0]["n_events"] > 0, "no sample article has an event"
    return items[0]["id"]


def test_web_browser_every_page_opens(page, server):
    aid = article_with_events(page, server)
    actor = api(page, server, "/api/actors?limit=1&sort=events")["items"][0]["name"]
    checks = [
        ("/", "#articles-table tbody tr", "articles"),
        ("/events", "#events-table tbody tr", "events"),
        ("/actors", "#actors-table tbody tr", "actors"),
        ("/quotes", "#quotes-table tbody tr", "quotes"),
        (f"/articles/{aid}", "#article-text .m.event", "article"),
        (f"/actors/{actor}", "#as-source, #as-target", "actor"),
        ("/network", "#network canvas", "network"),
        ("/timeline", "svg#timeline rect.bar", "timeline"),
        ("/map", "svg#map path.country", "map"),
        ("/paste", "form.paste textarea", "paste"),
        ("/docs", ".swagger-ui .opblock", "api-docs"),
    ]
    for path, selector, name in checks:
        response = page.goto(server + path)
        assert response.status == 200, path
        page.wait_for_selector(selector, timeout=10_000)
        assert page.locator(selector).count() > 0, path
        shot(page, name, full_page=name in ("article", "actor"))
    assert page.errors == [], page.errors
    assert page.foreign == [], f"requests left this server: {page.foreign}"


def test_web_browser_map_draws_world_and_places(page, server):
    page.goto(server + "/map")
    page.wait_for_selector("svg#map path.country")
    assert page.locator("svg#map path.country").count() > 150  # Natural Earth 1:110m has 177 countries
    data = api(page, server, "/api/map")
    # every place is drawn, alone or inside a numbered cluster
    drawn = page.locator("svg#map circle.dot").evaluate_all("ds => ds.map(d => +d.getAttribute('data-n'))")
    assert sum(drawn) == len(data["places"])
    assert_disjoint(label_boxes_map(page))
    assert str(data["events_total"]) in page.locator("#map-note").inner_text()
    assert page.locator("#map-countries tbody tr").count() == len(data["countries"])
    assert page.errors == []


def test_web_browser_click_event_shows_record(page, server):
    aid = article_with_events(page, server)
    story = api(page, server, f"/api/articles/{aid}")
    page.goto(f"{server}/articles/{aid}")
    first = page.locator("#article-text .m.event").first
    keys = first.get_attribute("data-recs").split()
    event_id = next(k.split(":", 1)[1] for k in keys if k.startswith("event:"))
    event = next(e for e in story["events"] if e["id"] == event_id)
    first.click()
    selected = page.locator("#selection .event-rec")
    selected.first.wait_for()
    assert event["type"] in selected.first.inner_text()
    assert event["evidence"]["text"].strip()[:40] in selected.first.inner_text()
    # the record in the list is marked, and the event's words light up
    assert page.locator(f'aside.records details .rec.selected[data-key="event:{event_id}"]').count() == 1
    assert page.locator("#article-text .m.active").count() >= 1
    shot(page, "article-event-clicked")
    assert page.errors == []


def test_web_browser_record_link_selects_it(page, server):
    aid = article_with_events(page, server)
    page.goto(f"{server}/articles/{aid}#event:e1")
    page.locator("#selection .event-rec").first.wait_for()
    assert "e1" in page.locator("#selection .event-rec .rid").first.inner_text()


def test_web_browser_filter_events_table(page, server):
    page.goto(server + "/events")
    total_all = api(page, server, "/api/events")["total"]
    types = api(page, server, "/api/events?limit=500")["items"]
    wanted = min({e["type"] for e in types})
    page.select_option("form.filters select[name=type]", wanted)
    page.click("form.filters button[type=submit]")
    page.wait_for_url(f"**type={wanted}**")
    rows = page.locator("#events-table tbody tr[data-type]")
    expected = api(page, server, f"/api/events?type={wanted}")["total"]
    assert rows.count() == min(expected, 50)
    assert {rows.nth(i).get_attribute("data-type") for i in range(rows.count())} == {wanted}
    assert expected < total_all or len({e["type"] for e in types}) == 1
    assert f"of {expected}" in page.locator(".pager .count").first.inner_text()
    shot(page, "events-filtered")
    # a text filter with no match shows an empty table, not an error
    page.fill("form.filters input[name=text]", "zzzz-no-such-words")
    page.click("form.filters button[type=submit]")
    page.wait_for_selector("#events-table td.empty")


def test_web_browser_sort_events_table(page, server):
    page.goto(server + "/events")
    page.click("#events-table th a:text('Type')")
    page.wait_for_url("**sort=type**")
    types = page.locator("#events-table tbody tr[data-type]").evaluate_all(
        "rows => rows.map(r => r.getAttribute('data-type'))")
    assert types == sorted(types)
    page.click("#events-table th a:text('Type')")
    page.wait_for_url("**order=desc**")
    types = page.locator("#events-table tbody tr[data-type]").evaluate_all(
        "rows => rows.map(r => r.getAttribute('data-type'))")
    assert types == sorted(types, reverse=True)


def test_web_browser_script_in_article_never_runs(page, server):
    hostile = api(page, server, "/api/articles?text=window.__xss")["items"]
    assert len(hostile) == 1
    aid = hostile[0]["id"]
    page.goto(f"{server}/articles/{aid}")
    page.wait_for_selector("#article-text")
    # the markup is shown as text ...
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__xss=1</script>" in text
    assert '<img src=x onerror="window.__xss=2">' in text
    assert "<b>Bold claims</b>" in text
    # ... and never became elements or ran
    assert page.locator("#article-text script, #article-text img, #article-text b, #article-text a").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert "<script>" in page.locator("h1").inner_text()
    # clicking around does not run it either
    if page.locator("#article-text .m").count():
        page.locator("#article-text .m").first.click()
    assert page.evaluate("typeof window.__xss") == "undefined"
    shot(page, "xss-article", full_page=True)
    # the API returns the text as data
    story = api(page, server, f"/api/articles/{aid}")
    assert "<script>window.__xss=1</script>" in story["article"]["text"]
    for path in ("/events", "/quotes", "/actors", "/"):
        page.goto(server + path + "?text=")
        assert page.evaluate("typeof window.__xss") == "undefined", path


def test_web_browser_paste_codes_article(page, server):
    page.goto(server + "/paste")
    page.fill("form.paste textarea", "Leaders Meet in Nairobi\n\nThe president of Kenya met the prime minister of "
                                     "Ethiopia in Nairobi on Monday. Ethiopia agreed to reopen the border, officials "
                                     "said.\n\n\"We want peace,\" the Kenyan president said.\n")
    page.fill("form.paste input[name=date]", "2026-04-06")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("#article-text")
    assert "Leaders Meet in Nairobi" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text .m").count() > 0
    assert "not stored" in page.locator(".coded-title").inner_text()
    if page.locator("#article-text .m.actor").count():
        page.locator("#article-text .m.actor").first.click()
        page.locator("#selection .rec").first.wait_for()
    shot(page, "paste-coded", full_page=True)
    assert page.errors == []


# -- the network at corpus scale ------------------------------------------------------------------------------


@pytest.fixture
def big_page(browser, big_server):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.on("console", lambda msg: pg.errors.append(msg.text) if msg.type == "error" else None)
    yield pg
    context.close()


def test_web_browser_network_at_scale(big_page, big_server):
    page, server = big_page, big_server
    assert api(page, server, "/api/summary")["articles"] >= 800
    page.goto(server + "/network")
    wait_js(page, "window.ewNetwork && window.ewNetwork.cy.nodes('.labelled').length > 0", 30)
    data = page.evaluate("window.ewNetwork.data")
    assert data["shown_edges"] == 150 < data["total_edges"]
    assert page.evaluate("window.ewNetwork.cy.nodes().length") == len(data["nodes"]) > 50
    assert page.locator("#network canvas").count() > 0
    labels = page.evaluate(NETWORK_LABELS)
    assert_disjoint(labels)
    # the strongest nodes are the ones named
    strongest = data["nodes"][0]["id"]
    assert strongest in {b["id"] for b in labels}
    assert len(labels) >= 10
    shot(page, "network-840")
    # more edges still draw, and labels still never overlap
    page.goto(server + "/network?edges=1000")
    wait_js(page, "window.ewNetwork && window.ewNetwork.cy.nodes('.labelled').length > 0", 60)
    assert page.evaluate("window.ewNetwork.cy.edges().length") == 1000
    assert_disjoint(page.evaluate(NETWORK_LABELS))
    # zooming in names more nodes, without overlaps
    before = len(page.evaluate(NETWORK_LABELS))
    page.evaluate("() => { const cy = window.ewNetwork.cy; cy.zoom({level: cy.zoom() * 3, renderedPosition: "
                  "{x: cy.width() / 2, y: cy.height() / 2}}); window.ewNetwork.placeLabels(); }")
    after = page.evaluate(NETWORK_LABELS)
    assert_disjoint(after)
    assert len(after) >= min(before, 10)
    # a filter changes it
    page.goto(server + "/network")
    wait_js(page, "window.ewNetwork && window.ewNetwork.cy.nodes().length > 0", 30)
    edges_all = {(e["source"], e["target"]) for e in page.evaluate("window.ewNetwork.data.edges")}
    page.select_option("#network-controls select[name=quad]", "4")
    page.click("#network-controls button[type=submit]")
    page.wait_for_url("**quad=4**")
    wait_js(page, "window.ewNetwork && window.ewNetwork.data.edges.length > 0", 30)
    conflict = page.evaluate("window.ewNetwork.data.edges")
    assert {(e["source"], e["target"]) for e in conflict} != edges_all
    assert all(e["n_conflict"] == e["n_events"] for e in conflict)
    assert_disjoint(page.evaluate(NETWORK_LABELS))
    # the country level draws too, and a click on a node shows its neighbourhood
    page.goto(server + "/network?level=country")
    wait_js(page, "window.ewNetwork && window.ewNetwork.cy.nodes().length > 0", 30)
    hub = page.evaluate("window.ewNetwork.data.nodes[0].id")
    page.evaluate("id => window.ewNetwork.cy.getElementById(id).emit('tap')", hub)
    page.wait_for_url(f"**focus={hub}**")
    wait_js(page, "window.ewNetwork && window.ewNetwork.data.focus", 30)
    focus = page.evaluate("window.ewNetwork.data")
    near = {hub} | {e["target"] for e in focus["edges"] if e["source"] == hub} | \
        {e["source"] for e in focus["edges"] if e["target"] == hub}
    assert focus["focus"] == hub and all(e["source"] in near and e["target"] in near for e in focus["edges"])
    shot(page, "network-840-country-focus")
    assert page.errors == [], page.errors


# -- a correction round trip --------------------------------------------------------------------------------


def test_web_browser_correction_round_trip(page, server, store_path, tmp_path):
    aid = article_with_events(page, server)
    story = api(page, server, f"/api/articles/{aid}")
    event = story["events"][0]
    eid = event["id"]
    new_type = "THREATEN" if event["type"] != "THREATEN" else "ACCUSE"
    page.goto(f"{server}/articles/{aid}")
    page.locator(f'aside.records details .rec[data-key="event:{eid}"] .edit-btn').click()
    form = page.locator("#edit-event")
    wait_js(page, "!document.querySelector('#edit-event').hidden", 10)  # (wait_for misses it under the CSP)
    page.fill("#edit-who", "Dana <b>Analyst</b>")
    form.locator("select[name=type]").select_option(new_type)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    card = page.locator(f'aside.records details .rec[data-key="event:{eid}"]')
    assert new_type in card.inner_text() and "corrected" in card.inner_text()
    assert page.locator("#article-corrections tbody tr").count() == 1
    assert "Dana <b>Analyst</b>" in page.locator("#article-corrections").inner_text()  # shown as text
    # add a missed event by selecting words of the text
    span = page.locator("#article-text span[data-s]").last
    span.evaluate("""el => { const r = document.createRange(); r.selectNodeContents(el);
        const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); }""")
    span.dispatch_event("mouseup")
    wait_js(page, "!document.querySelector('#edit-event').hidden", 10)  # (wait_for misses it under the CSP)
    words = page.locator("#edit-words").inner_text()
    form.locator("select[name=type]").select_option("CONSULT")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert page.locator("#article-corrections tbody tr").count() == 2
    shot(page, "article-corrected", full_page=True)
    # the events table shows both, marked
    page.goto(f"{server}/events?article={aid}")
    rows = page.locator("#events-table tbody tr[data-type]")
    types = rows.evaluate_all("rs => rs.map(r => r.getAttribute('data-type'))")
    assert new_type in types and "CONSULT" in types
    assert page.locator("#events-table .flag.corrected").count() == 2
    shot(page, "events-corrected")
    # the gold export holds them
    from eventwire.gold import write_gold
    from eventwire.store import Store

    out = tmp_path / "gold.json"
    with Store(store_path, read_only=True) as store:
        write_gold(store, out)
    gold = {r["recordId"]: r for r in json.loads(out.read_text())}
    assert gold[event["id"]]["event"] == new_type and gold[event["id"]]["coder"] == "Dana <b>Analyst</b>"
    added = gold["ea1"]
    assert added["event"] == "CONSULT" and added["textInfo"]["evidence"]["text"] == words.strip()
    assert page.errors == [], page.errors


def test_web_browser_write_from_another_site_is_refused(page, server):
    """A page of another origin cannot write: its Origin is not this server's and it has no token."""
    aid = article_with_events(page, server)
    page.goto("about:blank")
    status = page.evaluate("""async ([url, aid]) => {
        try { const r = await fetch(url + '/api/corrections', {method: 'POST', mode: 'no-cors',
              headers: {'Content-Type': 'text/plain'}, body: JSON.stringify({article_id: aid, kind: 'event',
              action: 'not_event', record_id: 'e1'})}); return r.status; } catch (e) { return 'blocked'; } }""",
                           [server, aid])
    assert status in (0, "blocked")
    assert all(c["action"] != "not_event" for c in api(page, server, "/api/corrections")["items"])
