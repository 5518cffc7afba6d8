"""A target that is a mission stationed in a place stands for the place.

"Britain is deploying troops to the UN peacekeeping mission in Mali", "ready to contribute troops to the
NATO-led security force in Afghanistan": the troops or aid go to the country the mission is in, and CAMEO
coders code that country as the target, not the body that runs the mission. Only for acts of sending,
giving or withdrawing (``MOVING_TYPES``); an attack on "the UN mission in Mali" is aimed at the mission.
"""

from __future__ import annotations

from ..data import word_set
from .place_targets import place_actor
from .draft import Draft, Work
from .resolve import resolve

MOVING_TYPES = ("AID", "MOBILIZE", "AGREE", "RETREAT", "COOPERATE")


def _mission_head(tok):
    """The noun a target's words belong to, when it is a mission noun (``events/mission_nouns.txt``):
    the token itself, or the noun it modifies ("the UN peacekeeping MISSION")."""
    nouns = word_set("events/mission_nouns.txt")
    for t in (tok, tok.head, tok.head.head):
        if t.lemma_.lower() in nouns and t.pos_ == "NOUN":
            return t
        if t.dep_ not in ("compound", "amod", "nmod", "npadvmod", "poss") and t is not tok:
            break
    return None


def mission_place(w: Work, d: Draft) -> None:
    """Replace a target that is a mission stationed "in" a place by the place (see the module)."""
    if d.type not in MOVING_TYPES or len(d.target.actors) != 1:
        return
    a = d.target.actors[0]
    where = d.target.at.get(a.id)
    doc = w.story.doc
    span = doc.char_span(*where, alignment_mode="expand") if where else None
    if span is None:
        return
    head = _mission_head(span.root)
    if head is None:
        return
    preps = list(head.children)
    if head.dep_ == "pobj":  # "contribute troops to the force IN SOMALIA": the parse hung "in" on the verb
        preps += [c for c in head.head.head.children if c.i == head.right_edge.i + 1]
    for prep in preps:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "to"):
            continue
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            r = resolve(w.story, p)
            if not r.actors:
                r = place_actor(w, p)
            if r.actors and all(x.kind in ("country", "place", "location", "city") for x in r.actors) \
                    and not set(r.ids()) & set(d.source.ids()):
                d.target = r
                d.attrs["target_is_place"] = True
                return
