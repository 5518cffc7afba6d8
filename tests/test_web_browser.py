"""The web UI in headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

A uvicorn server runs in a thread on 127.0.0.1 over a store built from the sample articles plus one hostile
article; every page is opened, a highlighted event is clicked, the events table is filtered and sorted, a
pasted article is coded, and screenshots go to bench/results/screens/. Skipped when chromium or Playwright is
missing. Playwright never downloads a browser here (no `playwright install`).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
from conftest import ROOT, build_sample_store

CHROMIUM = Path("/usr/bin/chromium")
SCREENS = ROOT / "bench" / "results" / "screens"
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


@pytest.fixture(scope="module")
def server(store_path, pipeline):
    uvicorn = pytest.importorskip("uvicorn")
    from eventwire.web import create_app

    port = free_port()
    app = create_app(store_path, allow_code=True, pipeline=pipeline)
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
        ("/network", "svg#network .node", "network"),
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
    assert page.locator("svg#map circle.dot").count() == len(data["places"])
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
