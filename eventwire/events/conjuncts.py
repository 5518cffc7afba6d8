"""Actors coordinated with an object that the parse hung elsewhere are acted on too: names it made conjuncts
of the verb ("outlawed the ANC and the PAC", ``stray_conjuncts``) and places coordinated with an object that
names actors ("urged Europe and the United States", ``place_conjuncts``)."""

from __future__ import annotations

from .draft import Work
from .place_targets import place_actor
from .resolve import Resolved


def stray_conjuncts(w: Work, tok, obj, tgt: Resolved, src: Resolved) -> Resolved:
    """Names coordinated with the object that the parse hung on the verb ("outlawed the ANC and the PAC", the
    second name a conjunct of "outlawed"): a noun conjunct of the verb after its object, with no verb of its
    own, is acted on too."""
    for c in tok.children:
        if c.dep_ != "conj" or c.pos_ != "PROPN" or c.i < obj.i or \
                any(g.dep_ in ("nsubj", "nsubjpass", "aux", "dobj") for g in c.children):
            continue
        a = w.story.actor_at(c.idx, c.idx + len(c.text))  # a name itself, not a phrase around a thing
        if a is not None and a not in tgt.actors and a not in src.actors:
            tgt.actors.append(a)
            tgt.at[a.id] = (c.idx, c.idx + len(c.text))
    return tgt


def place_conjuncts(w: Work, obj, tgt: Resolved, src: Resolved) -> Resolved:
    """A place coordinated with an object that names actors is acted on too, as the place's actor ("urged
    EUROPE and the United States", ``place_targets.place_actor``): a name of a place the actors stage left a
    place."""
    for c in [obj, *obj.conjuncts]:
        if c.ent_type_ not in ("GPE", "LOC") or w.story.actor_at(c.idx, c.idx + len(c.text)) is not None:
            continue
        r = place_actor(w, c)
        for a in r.actors:
            if a not in tgt.actors and a not in src.actors:
                tgt.actors.append(a)
                tgt.at[a.id] = r.at[a.id]
    return tgt
