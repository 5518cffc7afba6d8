"""The web UI's files: the static folder, the templates folder and the API docs page (vendored Swagger UI, no
CDN). Pages and the app both read them here, so neither imports the other for them."""

from __future__ import annotations

from pathlib import Path

from fastapi.responses import HTMLResponse

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"


def docs_page() -> HTMLResponse:
    """Swagger UI from the vendored bundle (no CDN); its start-up script is a static file too."""
    html = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>eventwire API</title>"
        "<link rel='stylesheet' href='/static/vendor/swagger-ui/swagger-ui.css'>"
        "<link rel='stylesheet' href='/static/docs.css'></head><body>"
        "<div class='docs-top'><a href='/'>&larr; eventwire</a> · <a href='/openapi.json'>openapi.json</a></div>"
        "<div id='swagger-ui'></div>"
        "<script src='/static/vendor/swagger-ui/swagger-ui-bundle.js'></script>"
        "<script src='/static/js/docs.js'></script></body></html>"
    )
    return HTMLResponse(html)
