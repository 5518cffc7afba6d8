"""The web app: ``create_app(db_path)`` returns a FastAPI app over one store file, opened read-only.

    uvicorn.run(create_app("news.duckdb"), host="127.0.0.1", port=8000)   # or `eventwire serve --db ...`

Article text is untrusted. Templates run with autoescape on and never mark article text safe; the pages'
scripts build the DOM with ``textContent``; every response carries a Content-Security-Policy that allows
scripts from this server only, so even a missed escape could not run an inline script. The server is
read-only unless started with ``allow_edits=True``: then ``POST /api/corrections`` (``edits.py``) writes analyst
corrections, each checked for this server's Origin and CSRF token. The other POST endpoints code a pasted
article (not stored), and only when started with ``allow_code=True``. Request bodies larger than an article may be are refused with 413 before they are read.
"""

from __future__ import annotations

import gc
from contextlib import asynccontextmanager
from pathlib import Path

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import EventwireError, InputError, StoreError, TooLarge
from .coder import Coder, CodingDisabled
from .edits import EditRefused
from .queries import Queries

from .assets import STATIC, TEMPLATES

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI (vendored) sets inline styles; its page alone allows them.
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

API_DESCRIPTION = """Read the coded news in an eventwire store: articles, events, actors, quotes and places.

Lists take filters (`actor`, `country`, `type`, `date_from`, `date_to`, `place`, `text`) and pagination
(`limit`, `offset`); each answers `{"total", "limit", "offset", "items"}`. Errors answer
`{"error": {"status", "code", "message"}}`. `POST /api/code` codes a pasted article and returns its story JSON
(the schema in the README); it is refused (403) unless the server was started with `--allow-code`.
"""


def templates_env() -> jinja2.Environment:
    """Jinja with autoescape on for every template (article text is untrusted)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def max_body_bytes(max_chars: int) -> int:
    """The largest request body accepted: an article of max_chars characters as JSON (escapes included)."""
    return max_chars * 6 + 64 * 1024


def create_app(db_path: str | Path, allow_code: bool = False, *, allow_edits: bool = False,
               origins: list[str] | None = None, who: str | None = None, pipeline=None,
               max_body: int | None = None) -> FastAPI:
    """The app over the store at ``db_path``. ``pipeline`` (a loaded ``Pipeline``) saves loading one on the
    first paste; ``max_body`` overrides the request body limit in bytes. ``allow_edits`` turns on analyst
    corrections (``edits.py``), written only from ``origins`` (default: the request's own scheme and Host) by
    ``who`` (default: the user running the server)."""
    from .edits import Edits

    queries = Queries(db_path)
    coder = Coder(allow_code, pipeline)
    edits = Edits(db_path, allow_edits, origins=origins, who=who)
    limit = max_body or max_body_bytes(coder.max_chars)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        queries.close()

    app = FastAPI(title="eventwire", version=__version__, description=API_DESCRIPTION, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan)
    app.state.queries = queries
    app.state.coder = coder
    app.state.edits = edits
    app.state.max_body = limit
    app.state.db_name = Path(db_path).name
    templates = Jinja2Templates(env=templates_env())
    templates.env.globals.update(allow_code=allow_code, version=__version__, db_name=Path(db_path).name,
                                 allow_edits=allow_edits, csrf_token=edits.token if allow_edits else "",
                                 editor=edits.who)
    from . import filters as template_filters

    templates.env.filters.update(template_filters.FILTERS)
    app.state.templates = templates

    app.add_middleware(BodyLimit, max_bytes=limit)
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    from . import api, edits as edit_routes, pages

    app.include_router(edit_routes.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    _error_handlers(app)

    # Everything loaded so far (FastAPI, DuckDB, pyarrow, the templates) lives as long as the server. Moved out
    # of the collector's sight, a full collection no longer walks it: a long article page otherwise pays a
    # 60 ms pause every few requests.
    gc.collect()
    gc.freeze()
    return app


# -- errors ---------------------------------------------------------------------------------------------


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json" or \
        "application/json" in request.headers.get("accept", "") and "text/html" not in request.headers.get("accept", "")


def error_response(request: Request, status: int, code: str, message: str, details=None):
    body = {"error": {"status": status, "code": code, "message": message}}
    if details:
        body["error"]["details"] = details
    if wants_json(request):
        return JSONResponse(body, status_code=status)
    from .pages import render

    return render(request, "error.html", status_code=status, nav="", status=status, code=code, message=message)


# What a value should look like, for parameters whose pattern would make a poor message.
EXPECTED = {
    "country": "an ISO-3166 alpha-3 country code such as AFG",
    "date_from": "a date: YYYY, YYYY-MM or YYYY-MM-DD", "date_to": "a date: YYYY, YYYY-MM or YYYY-MM-DD",
    "date": "a date in YYYY-MM-DD form",
    "type": "a PLOVER event type such as AGREE", "quad": "a quad class: 1, 2, 3 or 4",
    "sector": "a PLOVER sector code such as GOV", "kind": "one of the listed kinds",
    "sort": "one of the listed sort keys", "order": "asc or desc",
}


def _describe(errors) -> tuple[str, list[dict]]:
    """One readable sentence for pydantic's validation errors, plus the details."""
    parts, details = [], []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ())]
        where = loc[0] if loc else "request"
        name = ".".join(loc[1:]) if len(loc) > 1 else where
        label = {"query": "query parameter", "path": "path parameter", "body": "body field"}.get(where, where)
        msg = e.get("msg", "invalid")
        if e.get("type") == "string_pattern_mismatch" and loc[-1] in EXPECTED:
            msg = f"expected {EXPECTED[loc[-1]]}, got {e.get('input')!r}"
        text = f"{label} '{name}': {msg}" if len(loc) > 1 else f"{where}: {msg}"
        parts.append(text)
        details.append({"location": loc, "message": e.get("msg"), "type": e.get("type")})
    return "; ".join(parts) or "bad request", details


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        message, details = _describe(exc.errors())
        return error_response(request, 422, "E422", message, details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        code = {404: "E404", 405: "E405", 413: "E105"}.get(exc.status_code, f"E{exc.status_code}")
        return error_response(request, exc.status_code, code, str(exc.detail))

    @app.exception_handler(EventwireError)
    async def _eventwire(request: Request, exc: EventwireError):
        if isinstance(exc, (CodingDisabled, EditRefused)):
            status = 403
        elif isinstance(exc, TooLarge):
            status = 413
        elif isinstance(exc, InputError):
            status = 400
        elif isinstance(exc, StoreError):
            status = 503
        else:
            status = 500
        return error_response(request, status, exc.code, exc.args[0])


# -- middleware (plain ASGI, so a refused body is never read into memory) --------------------------------


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413 and a JSON error, by Content-Length when given and by
    counting otherwise (chunked uploads)."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_bytes
            except ValueError:
                return await self._refuse(send, 400, "E400", "the Content-Length header is not a number")
            if too_big:
                return await self._refuse(send, 413, "E105", self._message(int(length)))
            return await self.app(scope, receive, send)
        # No length given: read the body here, up to the limit, then hand it on.
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._refuse(send, 413, "E105", self._message(size, at_least=True))
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    def _message(self, size: int, at_least: bool = False) -> str:
        got = f"{'more than ' if at_least else ''}{size:,} bytes"
        return (f"request body too large: {got}, the limit is {self.max_bytes:,} bytes; "
                "send one article at a time")

    @staticmethod
    async def _refuse(send, status: int, code: str, message: str):
        import json

        body = json.dumps({"error": {"status": status, "code": code, "message": message}}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Content-Security-Policy and friends on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = CSP_DOCS if scope["path"] == "/docs" else CSP

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers += [(b"content-security-policy", csp.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        return await self.app(scope, receive, send_with_headers)
