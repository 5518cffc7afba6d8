"""The sentence-level PLOVER event classifier (``python -m eventwire.train events``), shipped in
``eventwire/data/models/events/``, loaded once per process, offline.

It is consulted when the ``event_classifier`` setting is on (the default), as an arbiter of the lexicon's
events (``arbitrate``); it never creates or retypes an event. Measured with ``python -m bench.events_plover``:
alone it picks the gold type of only 0.18 (PLOVER dev), 0.30 (NGEC story leads) and 0.45 (NGEC headlines) of
sentences, far below the lexicon, and breaking ties between the lexicon's types with it costs recall on every
set; but it rarely says NONE on a sentence that reports an event (0 of 163 PLOVER dev sentences, 3 of 960
held-out NGEC leads, 0 of 864 headlines at 0.5), and dropping the events of a sentence it calls NONE removes
most events coded on sport, business, science, weather and culture news.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import data_path
from .clauses import subject_of
from .political import political_actor

# A sentence whose NONE probability is at least this reports no PLOVER event: its lexicon events are dropped.
NONE_THRESHOLD = 0.5
# ... unless the event's source is a political actor (a country, or an actor with a sector, country or role)
# named by the subject itself: then the classifier must be surer ("the police resorted to a lathi charge ... at
# the railway station").
NONE_THRESHOLD_POLITICAL = 0.9

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


def _political_source(story, d) -> bool:
    """Whether the draft's source is a political actor named by its subject itself: "the Indian shuttler" or
    "Brazil's striker" is not India or Brazil, though the actors stage finds the country in the phrase."""
    if not any(political_actor(a) for a in d.source.actors):
        return False
    subj = subject_of(d.match.tok) if d.match.entry.pos != "N" else None
    if subj is None or subj.pos_ == "PRON":
        return True
    return bool(story.actors_at(subj.idx, subj.idx + len(subj)))


def arbitrate(story, drafts: list) -> list:
    """The drafts whose sentence the classifier does not call NONE (at ``NONE_THRESHOLD``, or
    ``NONE_THRESHOLD_POLITICAL`` for a political actor's act); each kept draft records the classifier's NONE
    probability for its sentence in ``attrs["classifier_none"]``."""
    scores: dict[int, float] = {}
    kept = []
    for d in drafts:
        sent = d.match.tok.sent
        if sent.start not in scores:
            scores[sent.start] = type_scores(sent.text).get("NONE", 0.0)
        political = _political_source(story, d)
        if scores[sent.start] >= (NONE_THRESHOLD_POLITICAL if political else NONE_THRESHOLD):
            continue
        d.attrs["classifier_none"] = round(scores[sent.start], 3)
        kept.append(d)
    return kept
