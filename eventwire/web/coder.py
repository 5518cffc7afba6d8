"""Coding a pasted article for ``POST /api/code`` and the paste page.

The pipeline is loaded once, on the first request that needs it (loading spaCy takes seconds, and a
read-only server never needs it). Coding is off unless the server was started with ``--allow-code``.
"""

from __future__ import annotations

import threading

from ..errors import EventwireError
from ..settings import resolve

CODE_OFF = ("coding is off: this server is read-only; start it with `eventwire serve --db FILE --allow-code` "
            "to code pasted articles")


class CodingDisabled(EventwireError):
    code = "E401"


class Coder:
    def __init__(self, allow: bool, pipeline=None):
        self.allow = allow
        self._pipeline = pipeline
        self._lock = threading.Lock()
        self.max_chars = resolve()["max_article_chars"] if pipeline is None else pipeline.config["max_article_chars"]

    @property
    def loaded(self) -> bool:
        return self._pipeline is not None

    def pipeline(self):
        with self._lock:
            if self._pipeline is None:
                from ..pipeline import Pipeline

                self._pipeline = Pipeline()
            return self._pipeline

    def code(self, text: str, **meta) -> dict:
        """The story JSON for one article; raises CodingDisabled or the pipeline's InputError."""
        if not self.allow:
            raise CodingDisabled(CODE_OFF)
        nlp = self.pipeline()
        with self._lock:  # one spaCy pipeline, one article at a time
            story = nlp.code(text, **{k: v for k, v in meta.items() if v})
        return story.to_dict()
