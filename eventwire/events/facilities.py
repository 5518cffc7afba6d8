"""Facilities as targets: an attack, a raid or a seizure aimed at a structure, a site or a vehicle that names no
actor ("the Islamic State attacked an army camp", "troops captured the mosque", "an attack on the SDF
headquarters", "strikes against the rebel-held enclave of X") is aimed at that facility. A place or an actor its
own phrase names stands for it ("a town NEAR KADUGLI", "positions belonging to X"); else the facility becomes a
place actor named by its words (kind "place", the country of a people or place its phrase names), as
``place_targets.place_actor`` makes one of a city. The source's own facility ("closed its base") is no target.
A participle clause after an attack with no target may name whom it struck (``struck_in_result``). Facility
nouns are listed in ``data/events/facility_nouns.txt``; weapons and goods ("fired rockets", "seized weapons")
are not.
"""

from __future__ import annotations

from ..data import word_set
from .draft import Work
from .deep import deep_target
from .passive import agent_of, is_passive
from .place_targets import place_actor, stage_actor
from .resolve import Resolved, resolve
from .syntax import child, pobjs

# Types whose object may be a facility struck or taken.
FACILITY_TYPES = ("ASSAULT", "COERCE")
# Prepositions of an event noun that name what it is aimed at ("an attack ON the base", "the siege OF the town").
NOUN_PREPS = ("on", "against", "at", "of", "upon", "into")
PLACE_PREPS = ("in", "at", "inside", "near", "outside", "around")
CONTROL_NOUNS = ("control", "possession", "command")
LEADING = ("det", "predet", "nummod", "quantmod", "poss", "advmod", "case", "punct")


def facility_nouns() -> frozenset[str]:
    return word_set("events/facility_nouns.txt")


def facility_target(w: Work, tok, pos: str, src: Resolved) -> Resolved:
    """The facilities a predicate of force is aimed at: the object of a verb (the subject of its passive), or
    an "on"/"against"/"of" phrase of an event noun, with the facilities coordinated with it ("the airport of
    Abha and the military base"). The source's own facility ("closed ITS base") is no target."""
    heads = []
    if pos == "V":
        obj = child(tok, "nsubjpass") if is_passive(tok) else child(tok, "dobj")
        if obj is not None and obj.lemma_.lower() in CONTROL_NOUNS:  # "seized CONTROL OF the radio station"
            held = next((c for _p, c in pobjs(obj, ("of", "over"))), None)
            place = place_actor(w, held) if held is not None else Resolved()
            if place.actors:  # "took control of TIMBUKTU": the place taken
                return place
            obj = held if held is not None else obj
        heads = [obj] if obj is not None else []
        heads += [c for p, c in pobjs(tok, ("on", "at", "upon")) if obj is None]  # "fired ON the airport"
    else:
        heads = [c for _p, c in pobjs(tok, NOUN_PREPS)]
        ag = agent_of(tok)  # "an attack by militants ON A MILITARY BASE": the parse hangs it on the agent
        heads += [c for _p, c in pobjs(ag, ("on", "against", "upon", "into")) if c.i > ag.i] if ag is not None else []
        if not heads and tok.dep_ == "dobj":  # "launched an assault yesterday ON REBEL POSITIONS": hung on the verb
            heads = [c for _p, c in pobjs(tok.head, ("on", "against", "upon"))]
    out = Resolved()
    for h in heads:
        for f in [h, *h.conjuncts]:
            if f.pos_ != "NOUN" or f.lemma_.lower() not in facility_nouns() or _own(w, f, src):
                continue
            named = place_actor(w, f)  # "the last rebel-held town NEAR KADUGLI": the named place
            if not named.actors:  # "positions belonging to TERRORIST GROUPS"
                named = deep_target(w, f, src)
            for _p, c in pobjs(f, PLACE_PREPS) if not named.actors else ():  # "in the area of the capital of GUAM"
                named = resolve(w.story, c)
                named = named if named.actors else place_actor(w, c)
                if named.actors:
                    break
            a, at = (named.actors[0], named.at[named.actors[0].id]) if named.actors else _facility_actor(w, f)
            if a not in out.actors:
                out.actors.append(a)
                out.at[a.id] = at
        if out.actors:
            break
    return out


def _own(w: Work, f, src: Resolved) -> bool:
    """Whether a facility is the source's own: its possessor is a pronoun or names the source ("its base")."""
    poss = child(f, "poss")
    if poss is None:
        return False
    if poss.pos_ == "PRON":
        return True
    a = w.story.actor_at(poss.idx, poss.idx + len(poss.text))
    return a is not None and a.id in src.ids()


def _facility_actor(w: Work, f):
    """The place actor of a facility noun: named by its words from the first modifier to the noun ("army camp",
    "rebel-held eastern Ghouta region"), its country that of a people or place named inside its phrase."""
    story = w.story
    doc = f.doc
    start = f.left_edge.i
    while start < f.i and doc[start].dep_ in LEADING:
        start += 1
    lo, hi = doc[start].idx, f.idx + len(f.text)
    name = story.text[lo:hi]
    country = None
    for t in f.subtree:
        a = story.actor_at(t.idx, t.idx + len(t.text))
        if a is not None and a.country:
            country = a.country
            break
    if country is None:
        for loc in story.ext["actors.locations"]:
            if f.left_edge.idx <= loc["start"] and loc["end"] <= f.right_edge.idx + len(f.right_edge.text) \
                    and loc.get("country"):
                country = loc["country"]
                break
    a = stage_actor(story, lambda x: x.kind == "place" and x.name == name, lo, hi,
                    name=name, kind="place", country=country, code=country)
    return a, (lo, hi)


def struck_in_result(w: Work, verb, src: Resolved) -> Resolved:
    """Who an attack with no target of its own struck, told by a participle clause after it: "carried out air
    strikes in the city, KILLING dozens of fighters", "carried out a raid, TARGETING the group's commanders".
    The clause's verb is "target" or a verb of force of the lexicon (ASSAULT); its object is the target."""
    from .arguments import arg_np
    from .lexicon import by_head
    from .syntax import lemma

    for c in verb.children:
        if c.dep_ != "advcl" or c.tag_ != "VBG" or c.i < verb.i:
            continue
        low = lemma(c)
        if low != "target" and not any(e.type == "ASSAULT" and not e.extra for e in by_head().get((low, "V"), ())):
            continue
        r = arg_np(w, child(c, "dobj"))
        if r.actors and set(r.ids()) - set(src.ids()):
            return r
    return Resolved()
