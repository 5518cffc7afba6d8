"""The web UI and HTTP API over a store: ``create_app(db_path, allow_code=False)``; `eventwire serve` runs it."""

from .app import create_app

__all__ = ["create_app"]
