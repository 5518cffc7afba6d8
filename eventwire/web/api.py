"""The HTTP API under ``/api``: lists with filters and pagination, one story, and coding a pasted article.

Every list answers ``{"total", "limit", "offset", "items"}``; bad parameters answer 422 with a message that
names the parameter; ``POST /api/code`` answers 403 unless coding is on, 413 for an oversize body or article,
and 400 for text that is not an article (empty, binary, HTML, ...).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from ..errors import TooLarge
from .queries import MAX_LIMIT, Filters

router = APIRouter(prefix="/api", tags=["api"])

# Empty values (a blank form field) mean "no filter".
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
COUNTRY = r"^([A-Za-z]{3})?$"
TYPE = r"^([A-Za-z_]{2,20})?$"
KIND = r"^(person|organization|country|group)?$"


def filters(
    actor: str | None = Query(None, max_length=200, description="Actor name (substring) or actor code, either side"),
    country: str | None = Query(None, pattern=COUNTRY, description="ISO-3166 alpha-3 country, e.g. AFG"),
    type: str | None = Query(None, pattern=TYPE, description="PLOVER 2.0 event type, e.g. AGREE"),
    date_from: str | None = Query(None, pattern=DATE, description="From this date, inclusive: YYYY[-MM[-DD]]"),
    date_to: str | None = Query(None, pattern=DATE, description="Up to this date, inclusive: YYYY[-MM[-DD]]"),
    place: str | None = Query(None, max_length=200, description="Place name (substring)"),
    text: str | None = Query(None, max_length=500, description="Text search (substring, case-insensitive)"),
    article: str | None = Query(None, max_length=64, description="Only records of this article id"),
) -> Filters:
    for name, value in (("date_from", date_from), ("date_to", date_to)):
        if value and not real_date(value):
            raise HTTPException(422, f"query parameter '{name}': {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if date_from and date_to and date_from > date_to + "\uffff":
        raise HTTPException(400, f"date_from {date_from} is after date_to {date_to}")
    return Filters(actor=actor or None, country=country or None, type=type or None, date_from=date_from or None,
                   date_to=date_to or None, place=place or None, text=text or None, article=article or None)


def real_date(value: str) -> bool:
    """Whether YYYY, YYYY-MM or YYYY-MM-DD names a real year, month or day."""
    import datetime as dt

    parts = value.split("-")
    try:
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


class PageParams(BaseModel):
    limit: int
    offset: int


def page(limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"Rows per page (1-{MAX_LIMIT})"),
         offset: int = Query(0, ge=0, le=10_000_000, description="Rows to skip")) -> PageParams:
    return PageParams(limit=limit, offset=offset)


FiltersDep = Annotated[Filters, Depends(filters)]
PageDep = Annotated[PageParams, Depends(page)]


class Page(BaseModel):
    total: int = Field(description="Rows matching the filters, over all pages")
    limit: int
    offset: int
    items: list[dict[str, Any]]


def q(request: Request):
    return request.app.state.queries


def envelope(total: int, p: PageParams, items: list[dict]) -> dict:
    return {"total": total, "limit": p.limit, "offset": p.offset, "items": items}


@router.get("/summary", summary="Counts of what the store holds")
def summary(request: Request) -> dict[str, Any]:
    return q(request).summary()


@router.get("/articles", response_model=Page, summary="Articles (a match holds a matching record)")
def articles(request: Request, f: FiltersDep, p: PageDep,
             sort: Literal["date", "title", "outlet", "events", "actors", "quotes"] = "date",
             order: Literal["asc", "desc"] = "desc"):
    total, rows = q(request).articles(f, limit=p.limit, offset=p.offset, sort=sort, desc=order == "desc")
    return envelope(total, p, rows)


@router.get("/articles/{article_id}", summary="One article's story JSON, as stored")
def article(request: Request, article_id: str) -> dict[str, Any]:
    story = q(request).story(article_id)
    if story is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return story


@router.get("/events", response_model=Page, summary="Events with their actors, place and evidence")
def events(request: Request, f: FiltersDep, p: PageDep,
           quad: str | None = Query(None, pattern=r"^[1-4]?$", description="Quad class: 1 verbal cooperation, "
                                    "2 material cooperation, 3 verbal conflict, 4 material conflict"),
           sort: Literal["date", "type", "source", "target", "cameo", "place", "confidence", "goldstein", "article",
                         "country"] = "date",
           order: Literal["asc", "desc"] = "asc",
           collapse: bool = Query(False, description="One row per event cluster: an event reported by several "
                                  "articles (linked at ingest) is listed once"),
           cluster: str | None = Query(None, max_length=100, description="Only the reports of this event cluster")):
    f.quad = int(quad) if quad else None
    total, rows = q(request).events(f, limit=p.limit, offset=p.offset, sort=sort, desc=order == "desc",
                                    collapse=collapse, cluster=cluster)
    return envelope(total, p, rows)


CSV_COLUMNS = ["day", "type", "mode", "cameo", "quad", "goldstein", "source_names", "source_country", "target_names",
               "target_country", "negated", "hypothetical", "place_name", "lat", "lon", "evidence_text", "confidence",
               "article_id", "id", "article_title", "article_outlet", "cluster_id", "cluster_articles"]
CSV_MAX = 200_000


def csv_cell(value) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula (=, +, -, @) is prefixed with '."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = "; ".join(map(str, value))
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


@router.get("/events.csv", summary="The filtered events as CSV (same filters as /api/events)",
            response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def events_csv(request: Request, f: FiltersDep,
               quad: str | None = Query(None, pattern=r"^[1-4]?$"),
               sort: Literal["date", "type", "source", "target", "cameo", "place", "confidence", "goldstein", "article",
                             "country"] = "date",
               order: Literal["asc", "desc"] = "asc",
               collapse: bool = False, cluster: str | None = Query(None, max_length=100),
               limit: int = Query(CSV_MAX, ge=1, le=CSV_MAX, description=f"At most {CSV_MAX:,} rows")):
    import csv
    import io

    f.quad = int(quad) if quad else None
    _, rows = q(request).events(f, limit=limit, offset=0, sort=sort, desc=order == "desc", collapse=collapse,
                                cluster=cluster)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        writer.writerow([csv_cell(r.get(c)) for c in CSV_COLUMNS])
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="eventwire-events.csv"'})


@router.get("/actors", response_model=Page, summary="Actors across articles, by canonical name")
def actors(request: Request, f: FiltersDep, p: PageDep,
           sector: str | None = Query(None, pattern=r"^([A-Za-z]{2,6})?$", description="PLOVER sector, e.g. GOV"),
           kind: str | None = Query(None, pattern=KIND, description="person, organization, country or group"),
           sort: Literal["name", "country", "sector", "articles", "mentions", "events", "source", "target"] = "events",
           order: Literal["asc", "desc"] = "desc"):
    total, rows = q(request).actors(f, sector=sector or None, kind=kind or None, limit=p.limit, offset=p.offset, sort=sort,
                                    desc=order == "desc")
    return envelope(total, p, rows)


@router.get("/actors/{name:path}", summary="One actor: events as source and target, quotes, partners")
def actor(request: Request, name: str) -> dict[str, Any]:
    profile = q(request).actor(name)
    if profile is None:
        raise HTTPException(404, f"no actor named {name!r}")
    return profile


@router.get("/quotes", response_model=Page, summary="Quotes with their speaker resolved to an actor")
def quotes(request: Request, f: FiltersDep, p: PageDep,
           kind: str | None = Query(None, pattern=r"^(direct|indirect|mixed)?$", description="Quote kind"),
           sort: Literal["date", "speaker", "kind", "article"] = "date", order: Literal["asc", "desc"] = "asc"):
    total, rows = q(request).quotes(f, kind=kind or None, limit=p.limit, offset=p.offset, sort=sort, desc=order == "desc")
    return envelope(total, p, rows)


@router.get("/places", response_model=Page, summary="Places across articles with the events located there")
def places(request: Request, f: FiltersDep, p: PageDep,
           sort: Literal["name", "country", "events", "articles", "mentions"] = "events",
           order: Literal["asc", "desc"] = "desc"):
    total, rows = q(request).places(f, limit=p.limit, offset=p.offset, sort=sort, desc=order == "desc")
    return envelope(total, p, rows)


NETWORK_EDGES = 150  # edges shown by default: the strongest interactions


@router.get("/network", summary="The strongest interactions (source to target) between actors, countries or sectors")
def network(request: Request, f: FiltersDep,
            level: Literal["actor", "country", "sector"] = Query(
                "actor", description="Nodes are actors (canonical names), countries, or country and sector (USA-GOV)"),
            edges: int = Query(NETWORK_EDGES, ge=1, le=5000, description="Show the strongest N edges (by events)"),
            focus: str | None = Query(None, max_length=200, description="Only this node's neighbourhood"),
            quad: str | None = Query(None, pattern=r"^[1-4]?$", description="Quad class 1-4"),
            min_events: int = Query(1, ge=1, le=1000, description="Drop edges with fewer events")) -> dict[str, Any]:
    f.quad = int(quad) if quad else None
    return q(request).network(f, level=level, edges=edges, focus=focus or None, min_events=min_events)


@router.get("/timeline", summary="Events per day, week or month, stacked by type or quad class")
def timeline(request: Request, f: FiltersDep,
             bucket: Literal["auto", "day", "week", "month"] = Query(
                 "auto", description="auto: days for up to 3 months of data, weeks for up to 2 years, else months"),
             by: Literal["type", "quad"] = Query("type", description="Stack by event type or by quad class"),
             quad: str | None = Query(None, pattern=r"^[1-4]?$", description="Quad class 1-4")) -> dict[str, Any]:
    f.quad = int(quad) if quad else None
    return q(request).timeline(f, bucket=bucket, by=by)


@router.get("/map", summary="Places with coordinates and events per country, for the map")
def map_data(request: Request, f: FiltersDep,
             quad: str | None = Query(None, pattern=r"^[1-4]?$", description="Quad class 1-4")) -> dict[str, Any]:
    from .geo import numeric_code

    f.quad = int(quad) if quad else None
    queries = q(request)
    _, places_ = queries.places(f, limit=MAX_LIMIT, offset=0)
    countries = queries.country_events(f)
    for c in countries:
        c["numeric"] = numeric_code(c["country"])
    placed = queries.placed_events(f)
    return {"places": [p for p in places_ if p["lat"] is not None and p["lon"] is not None], "countries": countries,
            **placed}


class CodeRequest(BaseModel):
    """An article to code. Only ``text`` is required."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"text": "Talks Resume\n\nThe government agreed on Monday to meet rebel leaders in Geneva.",
                      "date": "2026-03-02"}]})

    text: str = Field(min_length=1, description="The article: plain text, first line may be the headline")
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="Publication date, YYYY-MM-DD")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    html: bool = Field(False, description="The text is an HTML page: extract its main text first")


@router.post("/code", summary="Code a pasted article and return its story JSON (needs --allow-code)",
             responses={403: {"description": "coding is off (server started without --allow-code)"},
                        413: {"description": "body or article too large"},
                        400: {"description": "the text is not an article eventwire can code"},
                        422: {"description": "malformed request"}})
def code(request: Request, body: CodeRequest) -> dict[str, Any]:
    coder = request.app.state.coder
    if coder.allow and len(body.text) > coder.max_chars:
        raise TooLarge(f"the article is {len(body.text):,} characters; the limit is {coder.max_chars:,}")
    return coder.code(body.text, date=body.date, title=body.title, url=body.url, outlet=body.outlet,
                      html=body.html)
