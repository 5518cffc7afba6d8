"""Places as targets: with no recipient named, a place the predicate acts in may stand for it
(``place_target``: "set up a research centre in Tokyo"); for the types in ``data/events/place_targets.tsv``
also a city or region the actors stage left a place, as a place actor of its country (``place_actor``,
``place_object``: "a curfew on Basra", "threatened to shell Haifa"). CAMEO codes an act done at or to a place
as done to the place.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines, word_set
from ..word_classes import first_class
from ..model import Actor
from .draft import Work
from .deep import DEEP_DEPTH, _deep_step
from .resolve import Resolved, person_nouns, resolve
from .syntax import child, pobjs
from .triggers import noun_event

# Prepositions whose object, read down what a predicate acts on, may be the place it is done in or to
# (``deep_place``: "aid to fight the epidemic IN WEST AFRICA", "a ceasefire IN TRIPOLI").
DEEP_PLACE_PREPS = ("in", "at", "inside", "throughout", "across", "to", "into", "from", "on", "against")
PLACE_KINDS = ("country", "place", "location", "city")
# Prepositions whose object is the place a predicate is done to (``place_object``): "an ultimatum TO Damascus",
# "a curfew ON Basra", "fired rockets AT Tel Aviv".
OBJECT_PREPS = ("to", "on", "against", "at")


def place_target(w: Work, tok, places: bool = False) -> Resolved:
    """Actors named by an "in"/"at" phrase of the predicate, of its object or of the clause it takes; with
    ``places``, also a city or region the actors stage left a place (``place_actor``)."""
    heads = [tok] + [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
    heads += [g for h in heads[1:] for g in h.children if g.dep_ == "dobj"]
    if places:  # "agreed TO A CEASEFIRE in Taiz", "remained ON ALERT in Manila"
        heads += [c for _p, c in pobjs(tok, ("to", "on", "for"))]
    for h in heads:
        for _p, c in pobjs(h, ("in", "at", "inside")):
            r = resolve(w.story, c)
            if not r.actors and places:
                r = place_actor(w, c)
            if r.actors and all(a.kind in ("country", "place", "location", "city", "organization", "group")
                                for a in r.actors):
                return r
    return Resolved()


@lru_cache(maxsize=None)
def _place_rows() -> dict[str, list[str]]:
    return {row[0]: row[1:] for row in (line.split("\t") for _n, line in read_lines("events/place_targets.tsv"))}


def place_target_types() -> dict[str, str]:
    """Event type -> where a place may stand for its target, "in", "object" or "measure"
    (``data/events/place_targets.tsv``)."""
    return {typ: row[0] for typ, row in _place_rows().items()}


def place_for_recip(typ: str) -> bool:
    """Whether a reciprocal predicate of the type ("a ceasefire in Idlib") may take the place it holds in as
    its target (the third column "recip" of ``data/events/place_targets.tsv``); a deal or talks "in Paris" may
    not: the sides only met there."""
    return "recip" in _place_rows().get(typ, ())[1:]


def takes_place(d) -> bool:
    """Whether a draft with a source may take the place it acts in or on as its target: it names no target but
    the source's own ("sent ITS inspectors to Alabama"), is no meeting, and is not reciprocal, unless its type
    lets a reciprocal predicate hold over a place (``place_for_recip``: "a ceasefire in Idlib"); people acted on
    ("detained two others") are not the place they are in, but the source's own people are not acted on."""
    if set(d.target.ids()) - set(d.source.ids()) or not d.source.actors or d.type == "CONSULT":
        return False
    if d.match.entry.frame == "recip" and not place_for_recip(d.type):
        return False
    return bool(d.target.actors) or not people_acted_on(child(d.match.tok, "dobj"))


def deep_from(d, where, places: str | None):
    """Where the nearest place down what a predicate acts on is read from (``deep_place``), by the type's way
    (``place_target_types``): the predicate's clause for "in", and for "measure" when it names the measure
    lifted or eased ("lifted the state of emergency IN JONGLEI", "eased curfew hours imposed IN NORTH SINAI"),
    nowhere for "object"."""
    if places == "in" or places == "measure" and child(d.match.tok, "dobj") is not None:
        return where
    return None


def people_acted_on(tok) -> bool:
    """Whether an object names people acted on though no actor ("detained two OTHERS", "arrested a MAN";
    ``events/person_nouns.txt``): the place they are in is not what is done to."""
    return tok is not None and (tok.lemma_.lower() == "other" or bool({tok.lemma_.lower(), tok.lower_} & person_nouns()))


def stage_actor(story, same, lo: int, hi: int, **fields) -> Actor:
    """The story's actor that ``same`` accepts, else a new one made of ``fields`` under a fresh id, with the
    mention at characters ``lo``-``hi`` added once. Place actors and unidentified attackers, the actors the
    events stage names itself, are made this way."""
    a = next((x for x in story.actors if same(x)), None)
    if a is None:
        ids, n = {x.id for x in story.actors}, len(story.actors) + 1
        while f"a{n}" in ids:
            n += 1
        a = Actor(id=f"a{n}", **fields)
        story.actors.append(a)
    sp = story.span(lo, hi)
    if all((m.start, m.end) != (sp.start, sp.end) for m in a.mentions):
        a.mentions.append(sp)
        story.actors_changed()
    return a


def place_object(w: Work, tok, deep_from=None, src_ids=()) -> Resolved:
    """A place the predicate is done to: its object, or the object of the clause it takes, or a "to"/"on"/
    "against"/"at" phrase of it ("threatened to shell HAIFA", "an ultimatum to DAMASCUS", "a curfew on BASRA",
    "fired rockets AT TEL AVIV"),
    when that place is no actor of its own (``place_actor``); else, given the clause's predicate
    ``deep_from``, the nearest place named further down what that acts on (``deep_place``)."""
    heads = [tok] + [c for c in tok.children if c.dep_ == "xcomp"]
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "dobj"]  # "suspended aid TO KABUL"
    for h in heads:
        objs = [c for c in h.children if c.dep_ == "dobj"] + [c for _p, c in pobjs(h, OBJECT_PREPS)]
        for c in objs:
            if people_acted_on(c):
                continue  # "wounded three OTHERS in Peshawar": people in a place, not the place
            r = place_actor(w, c)
            if r.actors:
                return r
    return deep_place(w, deep_from, src_ids) if deep_from is not None else Resolved()


def deep_place(w: Work, tok, src_ids=()) -> Resolved:
    """The nearest place named down what a predicate acts on, its object, prepositional phrases and purpose
    clause (the read of ``deep.deep_target``), in a place phrase (``DEEP_PLACE_PREPS``): "provided aid to fight
    the Ebola epidemic IN WEST AFRICA", "eased curfew hours imposed in SOME PARTS OF NORTH SINAI", "suspended
    aid donations for SARAJEVO". A phrase headed by an event noun ("the Easter bombings") names a deed, not a
    place; the source's own place is none."""
    frontier = [c for c in tok.children if _deep_step(c)]
    for _depth in range(DEEP_DEPTH):
        nxt = []
        for t in frontier:
            nxt.extend(c for c in t.children if _deep_step(c))
            if t.dep_ != "pobj" or t.head.lower_ not in DEEP_PLACE_PREPS or noun_event(t) is not None:
                continue
            r = resolve(w.story, t)
            r = r if r.actors else place_actor(w, t)
            if r.actors and not set(r.ids()) & set(src_ids) and all(a.kind in PLACE_KINDS for a in r.actors):
                return r
        frontier = nxt
    return Resolved()


def _site(tok) -> bool:
    """Whether a noun names a site a place can be told of ("the rebel-held REGION near Damascus", "a military BASE
    outside Mogadishu"; ``events/facility_nouns.txt``, or a WordNet location), not a deed or a measure ("a
    STRIKE ... in London", "RESTRICTIONS on aid to North Korea")."""
    return tok.pos_ == "NOUN" and noun_event(tok) is None and (
        tok.lemma_.lower() in word_set("events/facility_nouns.txt") or first_class("noun", tok.lemma_.lower()) == "location")


def place_actor(w: Work, tok) -> Resolved:
    """The place a noun phrase names, as a target actor, when the actors stage left it a place and not an
    actor ("a curfew in Bangkok", "an ultimatum to Damascus"): CAMEO codes an act done at or to a place as
    done to the place. A country named as a place is its country actor; a city or region the gazetteer
    places in a country becomes a place actor of that country (kind "place", named by the place's words, its
    country code as its code), shared by every event that names it; a place the gazetteer does not place
    becomes a place actor with no country. A dateline is never a target."""
    story = w.story
    lo, hi = tok.left_edge.idx, tok.idx + len(tok.text)
    own = hi  # the noun's own words end here; a place named after them is where the noun lies
    for c in tok.children:  # "the rebel-held city NEAR DAMASCUS", "the enclave OF EASTERN GHOUTA"
        if c.dep_ == "prep" and c.i > tok.i and c.lower_ in ("of", "near", "in", "outside", "around"):
            hi = max(hi, c.right_edge.idx + len(c.right_edge.text))
    for loc in story.ext["actors.locations"]:
        if loc.get("dateline") or not (lo <= loc["start"] and loc["end"] <= hi):
            continue
        a = story.actor(loc["actor"]) if loc.get("actor") else None
        if a is None:
            name, country = story.text[loc["start"]:loc["end"]], loc.get("country")
            a = stage_actor(story, lambda x: x.kind == "place" and x.name == name, loc["start"], loc["end"],
                            name=name, kind="place", country=country, code=country)
        else:
            stage_actor(story, lambda x: x is a, loc["start"], loc["end"])
        # "the rebel-held region near DAMASCUS": the place named stands for the whole phrase, which is where
        # the act is aimed (its words are the argument's)
        at = (lo, hi) if loc["start"] >= own and _site(tok) else (loc["start"], loc["end"])
        return Resolved([a], False, {a.id: at})
    return Resolved()
