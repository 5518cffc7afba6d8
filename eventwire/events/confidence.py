"""How sure a coded event is: 0.8 for a verb, 0.7 for a noun or adjective, 0.25-0.55 for the vector fallback;
less when the source is missing or guessed, a participant is kept only as text, the object frame is loose, the
type needs a target it lacks, or the event sits in a subordinate clause (``order.prominence``).
"""

from __future__ import annotations

from . import ontology
from .draft import Draft, Work
from .order import prominence


def confidence(w: Work, d: Draft, where) -> float:
    """The confidence of a draft, between 0.05 and 0.95; marks a fallback match and a guessed argument in
    ``attrs``."""
    m, e = d.match, d.match.entry
    conf = 0.8 if e.pos == "V" else 0.7
    if e.extra:
        conf += 0.05
    if m.similarity is not None:
        conf = 0.25 + 0.3 * m.similarity
        d.attrs["fallback"] = {"nearest": e.pattern, "similarity": round(m.similarity, 3)}
    if not d.source.actors:
        conf -= 0.15
    if "source_text" in d.attrs or "target_text" in d.attrs:
        conf -= 0.1
    if d.source.guessed or d.target.guessed:
        conf -= 0.1
        d.attrs["argument_guessed"] = True
    if e.frame in ("obj", "actobj", "thingobj"):
        conf -= 0.05
    conf += prominence(where, w.reporting)
    info = ontology.event_types().get(d.type)
    if info and info.needs_target and not d.target.actors:
        conf -= 0.1
    return max(0.05, min(0.95, conf))
