"""Targets found after a predicate's own arguments gave none, tried in the order ``extract.py`` runs them.

- a structure, site or vehicle attacked or seized stands for its owner or place (``facility_as_target``)
- an actor named further down what the predicate acts on, or what the verb a clause of purpose hangs on acts
  on (``deep_as_target``: "closed ITS borders with Benin", "summoned the envoy to complain")
- whom a refusal defies or a concession yields to (``defied_as_target``)
- the place acted in (``place_as_target``: "set up a research centre in Tokyo")
- whom an attack named by a noun struck, told by a participle after it (``struck_as_target``)

Each marks where the target came from in ``attrs`` (``target_from``, ``target_is_place``).
"""

from __future__ import annotations

from .anaphora import earlier_doer
from .arguments import deep_target, unnamed_aim
from .defied import defied
from .draft import Draft, Work
from .facilities import FACILITY_TYPES, facility_target, struck_in_result
from .place_targets import deep_from, place_object, place_target, place_target_types, takes_place
from .stray import stray_target
from .syntax import child
from .unidentified import place_read
from .triggers import noun_event
from ..word_classes import first_class
from .resolve import Resolved, resolve

# Types of acts that answer what someone did or made: aimed at a thing, they are aimed at its author
# ("a hunger strike to protest the policy imposed by X": X; ``deep.deep_target``).
ANSWERING = {"PROTEST", "ACCUSE", "REJECT"}


def purpose_clause(tok) -> bool:
    """Whether a verb is a "to" clause of purpose on another verb ("summoned the envoy TO COMPLAIN")."""
    return tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB" and tok.head.i < tok.i and \
        any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def summoned(w: Work, where, src) -> Resolved:
    """Whom a complaint or protest told as the purpose of a verb with someone as its object is made to: that
    someone ("summoned the French ambassador TO COMPLAIN about X": the ambassador, not X)."""
    if not purpose_clause(where):
        return Resolved()
    obj = next((c for c in where.head.children if c.dep_ == "dobj"), None)
    r = resolve(w.story, obj) if obj is not None else Resolved()
    return r if set(r.ids()) - set(src.ids()) else Resolved()


def facility_as_target(w: Work, d: Draft, early: bool) -> None:
    """No target: a structure, site or vehicle an attack or a seizure is aimed at stands for it, or the actor
    or place its phrase names ("attacked an army camp", "an attack on the SDF headquarters", "seized a base
    in Kadugli"; ``facilities.py``); marked ``target_is_place``. An attack (place only as its object) reads
    it ``early``, before the deep read; a seizure, which may be done to the place it is done in ("seized two
    buildings in Guam": Guam), after the place step."""
    if d.type not in FACILITY_TYPES or not d.source.actors or set(d.target.ids()) - set(d.source.ids()):
        return
    if early != (place_target_types().get(d.type) == "object"):
        return  # a seizure "in" a place is done to the place (``place_as_target``) before the facility
    tgt = facility_target(w, d.match.tok, d.match.entry.pos, d.source)
    if tgt.actors:
        d.target = tgt
        d.attrs["target_is_place"] = True


def struck_as_target(w: Work, d: Draft, where) -> None:
    """Still no target: whom an attack named by a noun struck, told by a participle clause after it ("carried
    out air strikes in the city, KILLING dozens of fighters"; ``facilities.struck_in_result``)."""
    if d.type not in FACILITY_TYPES or d.match.entry.pos != "N" or not d.source.actors or \
            set(d.target.ids()) - set(d.source.ids()):
        return
    tgt = struck_in_result(w, where, d.source)
    if tgt.actors:
        d.target = tgt
        d.attrs["target_from"] = "deep"


def deep_as_target(w: Work, d: Draft, where) -> None:
    """No target but the source's own ("closed ITS borders with Benin") or none at all: an actor named
    further down what the predicate acts on (``deep.deep_target``), or, for a clause of purpose, what
    the governing verb acts on ("summoned the envoy to complain"); marked ``target_from: "deep"``."""
    own = own_country_owner(w, d)
    if own is None and set(d.target.ids()) - set(d.source.ids()) or \
            d.match.entry.frame == "recip" and len(d.source.actors) > 1:
        return
    tok = d.match.tok
    if unnamed_aim(w, tok, child(tok, "dobj")):
        return  # "lifted the sanctions on a small firm tied to X": aimed at the firm, no actor of its own
    authors = d.type in ANSWERING
    tgt = summoned(w, where, d.source) if authors else Resolved()
    if not tgt.actors:
        tgt = deep_target(w, tok, d.source, exclude={own} if own is not None else (), authors=authors)
    if own is not None and not tgt.actors:
        return  # "closed Venezuela's embassy": no one else named, the country stays the target
    if not tgt.actors and where.i != tok.i:
        tgt = deep_target(w, where, d.source, exclude={tok.i}, authors=authors)
    if not tgt.actors and purpose_clause(where):
        # "summoned the Russian ambassador to complain": who the governing act is aimed at
        tgt = deep_target(w, where.head, d.source, exclude={where.i})
    if tgt.actors:
        d.target = tgt
        d.attrs["target_from"] = "deep"


def own_country_owner(w: Work, d: Draft):
    """The token of a target that is only the source's own country owning what the predicate acts on ("Maduro
    closed VENEZUELA's land borders with Brazil": Maduro is Venezuelan), or None."""
    others = [a for a in d.target.actors if a not in d.source.actors]
    home = {a.country for a in d.source.actors if a.country}
    if not others or not all(a.kind == "country" and a.country in home for a in others):
        return None
    at = [d.target.at.get(a.id) for a in others]
    toks = [w.story.doc.char_span(*x, alignment_mode="expand") for x in at if x is not None]
    if not toks or len(toks) != len(others) or any(t is None or t.root.dep_ != "poss" for t in toks):
        return None
    owned = toks[0].root.head
    if noun_event(owned) is not None or first_class("noun", owned.lemma_.lower()) in ("act", "communication",
                                                                                      "cognition"):
        return None  # "defended GERMANY's decision": a deed or word stands for its author
    return toks[0].root.i


def defied_as_target(w: Work, d: Draft, where) -> None:
    """A refusal with no target made despite or under someone's request or pressure defies them, a concession
    after a deal is made to the other side (``defied.py``: "declined to resign despite the president's
    request", "called off the strike after a deal with the government"); marked ``target_from: "defied"``."""
    if d.type not in ("REJECT", "CONCEDE") or set(d.target.ids()) - set(d.source.ids()):
        return
    tgt = defied(w, d.match.tok, where, conceding=d.type == "CONCEDE")
    if tgt.actors and set(tgt.ids()) - set(d.source.ids()):
        d.target = tgt
        d.attrs["target_from"] = "defied"


def place_as_target(w: Work, d: Draft, where) -> None:
    """No recipient named: the place acted in stands for it ("set up a research centre in Tokyo",
    "threatened to impose a curfew in Algiers")."""
    if takes_place(d):
        where, places = place_read(d, where, place_target_types().get(d.type))
        place = place_target(w, where, places == "in")
        if not place.actors and places:
            place = place_object(w, d.match.tok, deep_from(d, where, places), d.source.ids())
        if place.actors and set(place.ids()) != set(d.source.ids()):
            d.target = place
            d.attrs["target_is_place"] = True


def stray_as_target(w: Work, d: Draft, where) -> None:
    """Still no target: an aiming phrase the parse hung away from the event noun, in its clause ("launched an
    operation, Operation X, AGAINST MILITANTS"; ``stray.py``); marked ``target_from: "stray"``."""
    if set(d.target.ids()) - set(d.source.ids()) or d.match.entry.frame == "recip":
        return
    tgt = stray_target(w, d, where)
    if tgt.actors:
        d.target = tgt
        d.attrs["target_from"] = "stray"


def earlier_deed_as_target(w: Work, d: Draft) -> None:
    """Still no target: a deed named again by a definite event noun ("Britain condemned THE SEIZURE") is aimed at
    its doer, named in an earlier clause or sentence (``anaphora.py``); marked ``target_from: "earlier"``."""
    if set(d.target.ids()) - set(d.source.ids()):
        return
    tgt = earlier_doer(w, d)
    if tgt.actors:
        d.target = tgt
        d.attrs["target_from"] = "earlier"
