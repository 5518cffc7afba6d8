"""The sentence-level PLOVER event classifier (``python -m eventwire.train events``), shipped in
``eventwire/data/models/events/``, loaded once per process, offline.

It is consulted only when the ``event_classifier`` setting is on, as an arbiter of the lexicon's events (see
``arbitrate``); it never creates an event on its own.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import data_path

MODEL_DIR = data_path("models/events")


def available() -> bool:
    """Whether the trained type classifier ships with this installation."""
    return (MODEL_DIR / "type" / "config.cfg").exists()


@lru_cache(maxsize=1)
def type_model():
    """The type classifier pipeline (a blank English tokenizer and one ``textcat``)."""
    import spacy

    return spacy.load(MODEL_DIR / "type")


def type_scores(text: str) -> dict[str, float]:
    """PLOVER type (or ``NONE``) -> probability for one sentence or clause."""
    return dict(type_model()(text).cats)
