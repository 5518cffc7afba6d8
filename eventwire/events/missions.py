"""A target that is a mission stationed in a place stands for the place; forces sent are no target.

"Britain is deploying troops to the UN peacekeeping mission in Mali", "ready to contribute troops to the
NATO-led security force in Afghanistan": the troops or aid go to the country the mission is in, and CAMEO
coders code that country as the target, not the body that runs the mission. Only for acts of sending,
giving or withdrawing (``MOVING_TYPES``); an attack on "the UN mission in Mali" is aimed at the mission.

The forces a mobilization sends or deploys ("sent in TROOPS and police", "the peacekeepers are being
deployed") are what is moved, not whom it is aimed at: the place they go to or act in is the target, else
there is none; forces deployed with no one named deploying them are the source (``forces_moved``).

An inquiry made by people sent somewhere ("sent a team to Detroit to investigate the crash", "dispatched
inspectors to Qatar"; ``sent_to_inquire``) is aimed at the place they are sent to, as CAMEO coders code it, not
at whatever the inquiry looks into.
"""

from __future__ import annotations

from ..data import word_set
from .draft import Draft, Work
from .arrival import SENDING_VERBS
from .place_targets import PLACE_KINDS, place_actor, place_object, place_target
from .political import FORCE_SECTORS
from .resolve import Resolved, resolve
from .syntax import child, pobjs

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


def forces_moved(w: Work, d: Draft) -> None:
    """A mobilization told by a verb whose object (passive subject) is the forces it moves: those forces are
    no target; the place they are sent to or act in is (see the module)."""
    tok = d.match.tok
    obj = child(tok, "nsubjpass") if d.type == "MOBILIZE" and d.match.entry.pos == "V" else None
    obj = obj if obj is not None else (child(tok, "dobj") if d.type == "MOBILIZE" else None)
    if obj is None or not d.target.actors or d.match.entry.pos != "V":
        return
    forces = {obj.i} | {c.i for c in obj.conjuncts}
    moved = [a for a in d.target.actors if any(tok.doc[i].idx <= d.target.at.get(a.id, (-1,))[0] <
                                               tok.doc[i].idx + len(tok.doc[i]) or
                                               d.target.at.get(a.id, (-1,))[0] == tok.doc[i].left_edge.idx
                                               for i in forces)]
    if not moved or not (obj.lemma_.lower() in word_set("events/force_nouns.txt") or
                         all(a.sector in FORCE_SECTORS for a in moved)):
        return
    if obj.dep_ == "nsubjpass" and not d.source.actors:  # "the peacekeepers are being deployed": theirs
        d.source = Resolved(moved, at={a.id: d.target.at[a.id] for a in moved if a.id in d.target.at})
        d.attrs.pop("source_missing", None)
    place = place_target(w, tok, True)
    place = place if place.actors else place_object(w, tok, tok, d.source.ids())
    d.target = place if place.actors and not set(place.ids()) & set(d.source.ids()) else Resolved()
    d.attrs.pop("target_from", None)
    if d.target.actors:
        d.attrs["target_is_place"] = True


def mission_place(w: Work, d: Draft) -> None:
    """Replace a target that is a mission stationed "in" a place by the place (see the module)."""
    forces_moved(w, d)
    sent_to_inquire(w, d)
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


def _sender(tok):
    """The verb of sending a predicate is the purpose of ("sent a team to Detroit TO INVESTIGATE", "sent teams
    into Libya in a rush TO INVESTIGATE"), or the predicate itself ("dispatched inspectors"), or None."""
    t = tok
    for _step in range(4):
        if t.pos_ == "VERB" and t.lemma_.lower() in SENDING_VERBS:
            return t
        if t.dep_ not in ("advcl", "xcomp", "acl", "pobj", "prep") or t.head is t:
            return None
        t = t.head
    return None


def sent_to_inquire(w: Work, d: Draft) -> None:
    """An inquiry by people sent somewhere is aimed at the place they are sent to (see the module)."""
    if d.type != "ACCUSE" or d.mode != "investigate" or d.match.entry.pos != "V":
        return
    sender = _sender(d.match.tok)
    if sender is None:
        return
    obj = child(sender, "dobj")
    found = list(pobjs(sender, ("to", "into")))
    found += [pc for t in (obj.subtree if obj is not None else ()) for pc in pobjs(t, ("to", "into"))]
    for _p, c in found:  # the parse may hang "to Detroit" on what is sent ("a team of experts to Detroit")
        r = resolve(w.story, c)
        r = r if r.actors else place_actor(w, c)
        if r.actors and all(a.kind in PLACE_KINDS for a in r.actors) and not set(r.ids()) & set(d.source.ids()):
            d.target = r
            d.attrs["target_is_place"] = True
            d.attrs.pop("target_from", None)
            return
