"""Analyst corrections over HTTP: the only routes that write to the store.

Writing is off unless the server was started with ``allow_edits=True`` (``eventwire serve --allow-edits``):
every write route then answers 403 before it reads anything. When it is on, each write must also come from a
page of this server: its ``Origin`` header must name this server (the origins given to ``create_app``, else
the scheme and ``Host`` of the request itself), and its ``X-CSRF-Token`` header must carry the token this
server put in its pages (a random value made when the app starts). A cross-site form or script can send
neither, so it gets 403 too.

Each write opens the store as its one writer for the moment it takes (``Store(path)``: it fails with 503 when
an ingest holds the file) and closes it, so the readers serving pages carry on.
"""

from __future__ import annotations

import getpass
import hmac
import secrets
import threading
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import EventwireError

router = APIRouter(tags=["corrections"])

EDITS_OFF = ("editing is off: this server is read-only; start it with `eventwire serve --db FILE --allow-edits` "
             "to correct records")


class EditRefused(EventwireError):
    """A write the server refuses: editing is off, or the request did not come from one of its pages (403)."""

    code = "E402"


class Edits:
    """Whether writing is on, the CSRF token, the origins a write may come from, and the writes themselves."""

    def __init__(self, db_path: str | Path, allow: bool, origins: list[str] | None = None, who: str | None = None):
        self.path = str(db_path)
        self.allow = allow
        self.token = secrets.token_urlsafe(32)
        self.origins = {o.rstrip("/").lower() for o in origins or []}
        self.who = who or _user()
        self._lock = threading.Lock()

    def check(self, request: Request) -> None:
        """Refuse (403) unless editing is on, the request comes from this server and carries its token."""
        if not self.allow:
            raise EditRefused(EDITS_OFF)
        origin = (request.headers.get("origin") or "").rstrip("/").lower()
        if not origin:
            raise EditRefused("refused: a write must carry an Origin header naming this server")
        host = request.headers.get("host", "").lower()
        allowed = self.origins or {f"{request.url.scheme}://{host}"}
        if origin not in allowed:
            raise EditRefused(f"refused: writes from {origin[:100]!r} are not allowed; only from this server's pages")
        if self.origins and f"{request.url.scheme}://{host}" not in self.origins:
            raise EditRefused(f"refused: the Host {host[:100]!r} is not this server")
        token = request.headers.get("x-csrf-token") or ""
        if not hmac.compare_digest(token.encode(), self.token.encode()):
            raise EditRefused("refused: the X-CSRF-Token header is missing or wrong; reload the page and try again")

    def write(self, fn):
        """Run ``fn(store)`` with the store open as its writer, one write at a time."""
        from ..store import Store

        with self._lock:
            with Store(self.path) as store:
                return fn(store)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "analyst"


def origins_for(host: str, port: int) -> list[str] | None:
    """The origins a browser sends for pages of a server listening on host:port (localhost spelled both ways);
    None for a server listening on every address (its pages may be reached by any of its names: a write must
    then come from the same origin as the request's own Host)."""
    if host in ("0.0.0.0", "::", ""):
        return None
    hosts = {host}
    if host in ("127.0.0.1", "localhost", "::1"):
        hosts |= {"127.0.0.1", "localhost", "[::1]"}
    return [f"http://{h if ':' not in h or h.startswith('[') else '[' + h + ']'}:{port}" for h in sorted(hosts)]


class CorrectionRequest(BaseModel):
    """One correction of one record of a stored article."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"article_id": "…", "kind": "event", "action": "edit", "record_id": "e1",
         "changes": {"type": "ACCUSE", "target": ["a2"], "negated": False}},
        {"article_id": "…", "kind": "event", "action": "not_event", "record_id": "e2"},
        {"article_id": "…", "kind": "event", "action": "add", "evidence": {"start": 120, "end": 164},
         "changes": {"type": "AGREE", "source": ["a1"], "target": ["a3"]}},
        {"article_id": "…", "kind": "quote", "action": "speaker", "record_id": "q1", "changes": {"speaker": "a4"}},
    ]})

    article_id: str = Field(min_length=1, max_length=64)
    kind: Literal["event", "quote"]
    action: Literal["edit", "not_event", "add", "speaker"]
    record_id: str | None = Field(None, max_length=64, description="The record to correct (not for action add)")
    changes: dict[str, Any] = Field(default_factory=dict, description="event: type, mode, source, target, "
                                    "negated, hypothetical; quote: speaker (an actor id or null)")
    evidence: dict[str, int] | None = Field(None, description="For action add: the words, {start, end} offsets")
    who: str | None = Field(None, max_length=100, description="Who corrects (default: the server's user)")
    note: str | None = Field(None, max_length=2000)


def edits(request: Request) -> Edits:
    return request.app.state.edits


@router.post("/api/corrections", summary="Correct a record (needs --allow-edits, this server's Origin and token)",
             responses={403: {"description": "editing is off, or the request is not from this server's pages"},
                        400: {"description": "the correction does not fit the article"}},
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
                 "schema": CorrectionRequest.model_json_schema()}}}})
async def add_correction(request: Request) -> dict[str, Any]:
    # The checks come before the body is even read, so a refused write learns nothing and costs nothing.
    e = edits(request)
    e.check(request)
    try:
        body = CorrectionRequest.model_validate_json(await request.body())
    except ValidationError as err:
        raise RequestValidationError([{**x, "loc": ("body", *x.get("loc", ()))} for x in err.errors()]) from None
    from starlette.concurrency import run_in_threadpool

    row = await run_in_threadpool(e.write, lambda store: store.add_correction(
        body.article_id, body.kind, body.action, body.record_id, changes=body.changes, evidence=body.evidence,
        who=body.who or e.who, note=body.note))
    return _public(row)


@router.get("/api/corrections", summary="Corrections, oldest first (paged)")
def list_corrections(request: Request, article: str | None = Query(None, max_length=64),
                     limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000)
                     ) -> dict[str, Any]:
    total, rows = request.app.state.queries.corrections(article=article, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": [_public(r) for r in rows]}


def _public(row: dict) -> dict:
    out = dict(row)
    out["at"] = str(out["at"]) if out.get("at") is not None else None
    return out
