"""What a deed hands over, sends or takes back, and to whom: the object of an aid, a deployment or a withdrawal
is what is conveyed ("returned six Iraqi artifacts", "deployed 300 troops"), not who is acted on; its recipient
is read by ``arguments._recipient``."""

from __future__ import annotations

from ..data import word_set
from .draft import Work
from .resolve import Resolved

RECIPIENT_PREPS = ("to", "into", "toward", "towards")
CONVEYING = ("AID", "RETREAT", "MOBILIZE")  # types whose object is handed over, sent or taken back


def conveyed(w: Work, obj, src: Resolved) -> bool:
    """Whether the object is what is handed over or sent rather than who is acted on: a thing whose actors
    are only its modifiers ("returned six IRAQI artifacts", "a sculpture of EMPEROR X"), or the source's own
    unnamed people ("deployed 300 troops")."""
    head = w.story.actor_at(obj.idx, obj.idx + len(obj.text))
    if head is None:
        return True
    own = {a.country for a in src.actors if a.country}
    # people named by no country word of their own are the source's: "withdrew PEACEKEEPERS from Rwanda"
    unmarked = not any(c.ent_type_ in ("NORP", "GPE") for c in obj.lefts)
    return head.generic and (head.country is None or head.country in own or unmarked) and head.id not in src.ids()


def force_noun(obj) -> bool:
    """Whether an object is headed by a noun for armed forces ("its TROOPS", ``events/force_nouns.txt``)."""
    return obj is not None and obj.lemma_.lower() in word_set("events/force_nouns.txt")


def forces(r: Resolved) -> bool:
    """Whether an argument is armed forces or police (withdrawn from somewhere, not freed from it)."""
    return bool(r.actors) and all(a.sector in ("MIL", "COP", "PRM", "UAF") for a in r.actors)
