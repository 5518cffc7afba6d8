"""Actors coordinated with an object that the parse hung elsewhere are acted on too: names it made conjuncts
of the verb ("outlawed the ANC and the PAC", ``stray_conjuncts``) and places coordinated with an object that
names actors ("urged Europe and the United States", ``place_conjuncts``). Coordinated verbs share the object
the parse hung on the last of them ("shot and killed A POLICEMAN", ``shared_object``)."""

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


# Types whose verbs act on someone, so that one with no object shares the next verb's; a resignation, withdrawal,
# march or meeting has none ("agreed to resign and leave GREECE": Greece is left, not resigned from).
SHARES_OBJECT = {"ASSAULT", "COERCE", "ACCUSE", "REJECT", "SUPPORT", "SANCTION", "AID", "THREATEN", "REQUEST"}


def shared_object(tok, etype: str):
    """The object of the next verb coordinated with a verb that has none of its own, when nothing but a
    conjunction or comma stands between them: "police arrested and charged TWO ACTIVISTS", "gunmen shot and
    killed A POLICEMAN" (the parse hangs the object on the last verb). A verb with an object, a subject or a
    prepositional phrase of its own ("attacked the town and killed ten people", "withdrew and said ...") shares
    nothing; nor does a passive one, or one of a type that acts on no one (``SHARES_OBJECT``)."""
    own = ("dobj", "dative", "prep", "ccomp", "xcomp", "auxpass")
    if etype not in SHARES_OBJECT or any(c.dep_ in own for c in tok.children):
        return None
    nxt = next((c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i), None)
    if nxt is None or any(t.dep_ not in ("cc", "punct", "advmod") for t in tok.doc[tok.i + 1:nxt.i]) or \
            any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in nxt.children):
        return None
    return next((c for c in nxt.children if c.dep_ == "dobj"), None)
