"""The HTML pages. Each handler reads its filters, asks ``queries`` and renders one template.

Lists are filtered and sorted on the server (so a sort covers every page, not only the rows shown) by
plain GET forms and links; the network, timeline and map pages draw from the JSON API with small scripts in
``static/js``.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from ..errors import EventwireError
from . import article as article_view
from .assets import STATIC, docs_page
from .api import KIND, FiltersDep, PageDep, PageParams

router = APIRouter(include_in_schema=False)

SORT = r"^[a-z_]*$"


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    templates = request.app.state.templates
    context.setdefault("nav", template.split(".")[0])
    context["link"] = link = _linker(request)
    context["qs"] = lambda **changes: ("?" + link(**changes).partition("?")[2]).rstrip("?")
    context["params"] = dict(request.query_params)
    context["summary"] = request.app.state.queries.summary()
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def _linker(request: Request):
    """``link(offset=50)``: the current page's URL with some query parameters changed (None drops one)."""

    def link(**changes) -> str:
        params = {k: v for k, v in request.query_params.items() if v != ""}
        for k, v in changes.items():
            if v is None or v == "":
                params.pop(k, None)
            else:
                params[k] = str(v)
        qs = urlencode(params)
        return request.url.path + ("?" + qs if qs else "")

    return link


def pager(total: int, p: PageParams) -> dict:
    return {"total": total, "limit": p.limit, "offset": p.offset, "first": p.offset + 1 if total else 0,
            "last": min(p.offset + p.limit, total),
            "prev": max(p.offset - p.limit, 0) if p.offset > 0 else None,
            "next": p.offset + p.limit if p.offset + p.limit < total else None}


def form_choices(request: Request) -> dict:
    queries = request.app.state.queries
    return {"types": queries.event_types(), "countries": queries.countries()}


@router.get("/", response_class=HTMLResponse)
def home(request: Request, f: FiltersDep, p: PageDep,
         sort: str = Query("date", pattern=SORT), order: str = Query("desc", pattern="^(asc|desc)$")):
    total, rows = request.app.state.queries.articles(f, limit=p.limit, offset=p.offset, sort=sort,
                                                     desc=order == "desc")
    return render(request, "articles.html", nav="articles", rows=rows, pager=pager(total, p), sort=sort, order=order,
                  **form_choices(request))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    story = request.app.state.queries.story(article_id)
    if story is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    _, corrections = request.app.state.queries.corrections(article=article_id, limit=200)
    return render(request, "article.html", nav="articles", corrections=corrections,
                  **story_context(story, editable=request.app.state.edits.allow))


def story_context(story: dict, editable: bool = False) -> dict:
    """What the story templates need; ``editable``: a stored article, and this server takes corrections."""
    recs = article_view.records(story)
    return {"story": story, "art": story["article"], "blocks": article_view.layout(story, recs), "recs": recs,
            "dom_id": article_view.dom_id, "editable": editable,
            "edit_data": edit_data(story) if editable else None}


def edit_data(story: dict) -> dict:
    """What the correction form offers (read by static/js/edit.js from a JSON block, never run)."""
    from ..corrections import event_types

    return {
        "article_id": story["article"]["id"],
        "types": {name: list(t.modes) for name, t in sorted(event_types().items())},
        "actors": [{"id": a["id"], "name": a["name"]} for a in story.get("actors", [])],
        "events": {e["id"]: {k: e.get(k) for k in ("type", "mode", "source", "target", "negated", "hypothetical")}
                   for e in story.get("events", [])},
        "quotes": {q["id"]: {"speaker": q.get("speaker")} for q in story.get("quotes", [])},
    }


@router.get("/corrections", response_class=HTMLResponse)
def corrections_page(request: Request, p: PageDep, article: str | None = Query(None, max_length=64)):
    total, rows = request.app.state.queries.corrections(article=article or None, limit=p.limit, offset=p.offset)
    return render(request, "corrections.html", rows=rows, pager=pager(total, p))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, f: FiltersDep, p: PageDep,
                quad: str | None = Query(None, pattern=r"^[1-4]?$"),
                collapse: str | None = Query(None, pattern=r"^(1|on|true)?$"),
                cluster: str | None = Query(None, max_length=100),
                sort: str = Query("date", pattern=SORT), order: str = Query("desc", pattern="^(asc|desc)$")):
    f.quad = int(quad) if quad else None
    total, rows = request.app.state.queries.events(f, limit=p.limit, offset=p.offset, sort=sort,
                                                   desc=order == "desc", collapse=bool(collapse),
                                                   cluster=cluster or None)
    return render(request, "events.html", rows=rows, pager=pager(total, p), sort=sort, order=order,
                  **form_choices(request))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, f: FiltersDep, p: PageDep,
                sector: str | None = Query(None, pattern=r"^([A-Za-z]{2,6})?$"),
                kind: str | None = Query(None, pattern=KIND),
                sort: str = Query("events", pattern=SORT), order: str = Query("desc", pattern="^(asc|desc)$")):
    total, rows = request.app.state.queries.actors(f, sector=sector or None, kind=kind or None, limit=p.limit,
                                                   offset=p.offset, sort=sort, desc=order == "desc")
    return render(request, "actors.html", rows=rows, pager=pager(total, p), sort=sort, order=order,
                  **form_choices(request))


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor_page(request: Request, name: str):
    profile = request.app.state.queries.actor(name)
    if profile is None:
        raise HTTPException(404, f"no actor named {name!r}")
    return render(request, "actor.html", nav="actors", actor=profile)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, f: FiltersDep, p: PageDep,
                kind: str | None = Query(None, pattern=r"^(direct|indirect|mixed)?$"),
                sort: str = Query("date", pattern=SORT), order: str = Query("asc", pattern="^(asc|desc)$")):
    total, rows = request.app.state.queries.quotes(f, kind=kind or None, limit=p.limit, offset=p.offset, sort=sort,
                                                   desc=order == "desc")
    return render(request, "quotes.html", rows=rows, pager=pager(total, p), sort=sort, order=order,
                  **form_choices(request))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, f: FiltersDep):
    return render(request, "network.html", **form_choices(request))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, f: FiltersDep):
    return render(request, "timeline.html", **form_choices(request))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, f: FiltersDep):
    return render(request, "map.html", **form_choices(request))


@router.get("/paste", response_class=HTMLResponse)
def paste_page(request: Request):
    return render(request, "paste.html", text="", date="", html=False, error=None, story=None)


@router.post("/paste", response_class=HTMLResponse)
async def paste_submit(request: Request):
    """The paste form (urlencoded): code the text and show it like a stored article. Nothing is stored."""
    coder = request.app.state.coder
    form = parse_qs((await request.body()).decode("utf-8", errors="replace"), keep_blank_values=True)
    text = (form.get("text") or [""])[0].replace("\r\n", "\n")
    date = (form.get("date") or [""])[0].strip()
    html = bool((form.get("html") or [""])[0])
    context = {"text": text, "date": date, "html": html, "error": None, "story": None}
    status = 200
    if not coder.allow:
        context["error"] = "Coding is off: this server is read-only. Start it with --allow-code to code pasted text."
        status = 403
    elif date and not _is_date(date):
        context["error"] = f"The date {date!r} is not YYYY-MM-DD."
        status = 422
    elif len(text) > coder.max_chars:
        context["error"] = f"The text is {len(text):,} characters; the limit is {coder.max_chars:,}."
        status = 413
    else:
        from starlette.concurrency import run_in_threadpool

        try:
            story = await run_in_threadpool(coder.code, text, date=date or None, html=html)
            context.update(story_context(story))
        except EventwireError as err:
            context["error"] = str(err)
            status = 400
    return render(request, "paste.html", status_code=status, **context)


def _is_date(value: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
        return len(value) == 10
    except ValueError:
        return False


@router.get("/favicon.ico")
def favicon():
    from fastapi.responses import FileResponse

    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")


@router.get("/docs", response_class=HTMLResponse)
def docs():
    return docs_page()
