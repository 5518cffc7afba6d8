"""Forces arriving somewhere are deployed there: "Russian troops arrived in Belarus" is a MOBILIZE (troops, 154)
by the troops in Belarus. Peacekeepers arriving or sent ("Chinese peacekeepers arrived in South Sudan", "troops
arrived to join the peacekeeping mission") are what PLOVER codes as the host receiving them (CAMEO 0861, RETREAT
access): the place is the source and the forces the target (``extract.py`` turns the two round, and drops the
event when the place names no actor). Peacekeepers SENT somewhere are the sender providing peacekeeping (CAMEO
074, PLOVER AID) to the place.

A verb of arrival (``ARRIVAL_VERBS``) codes this only when its subject is headed by a noun for armed forces
(``events/force_nouns.txt``, or "contingents of ... troops") and it names where ("in"/"at"/"into" a place);
other arrivals (a leader's) are left to the lexicon. Forces sent or deployed somewhere ("is sending a military
platoon to Kuwait") are the same MOBILIZE by the sender (``_sent``), for any noun of the list.
"""

from __future__ import annotations

from ..data import word_set
from .draft import Match
from .lexicon import Entry
from .syntax import child, lemma

ARRIVAL_VERBS = {"arrive", "land", "reach"}
SENDING_VERBS = {"send", "dispatch", "deploy", "station", "move", "rush"}
PLACE_PREPS = {"in", "at", "into", "on"}
HOST_RECEIVES = "0861"  # CAMEO: receive deployment of peacekeepers


def _force(subj) -> bool:
    """Whether a subject names armed forces ("troops", "contingents of peacekeeping troops")."""
    forces = word_set("events/force_nouns.txt")
    if any(c.lower_ in ("former", "retired", "ex") for c in subj.children):
        return False  # "two former soldiers arrived": people, not forces
    if lemma(subj) in forces:
        return True
    return any(lemma(g) in forces for p in subj.children if p.dep_ == "prep" and p.lower_ == "of"
               for g in p.children if g.dep_ == "pobj")


def _peacekeeping(tok, subj) -> bool:
    words = [t.lower_ for t in subj.subtree] + [t.lower_ for t in tok.subtree]
    return any(w.startswith("peacekeep") for w in words)


def match(tok) -> Match | None:
    """A MOBILIZE match for forces arriving at a named place or sent there, or None."""
    if tok.pos_ == "VERB" and lemma(tok) in SENDING_VERBS:
        return _sent(tok)
    if tok.pos_ != "VERB" or lemma(tok) not in ARRIVAL_VERBS:
        return None
    subj = child(tok, "nsubj")
    if subj is None or not _force(subj):
        return None
    where = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS and child(c, "pobj") is not None]
    if not where and not (lemma(tok) == "reach" and child(tok, "dobj") is not None):
        return None
    return _deployment(tok, _peacekeeping(tok, subj))


def _deployment(tok, peacekeeping: bool) -> Match:
    if peacekeeping:
        return Match(tok, Entry(lemma(tok), (), "V", "RETREAT", "access", HOST_RECEIVES, "sv", 0), [])
    return Match(tok, Entry(lemma(tok), (), "V", "MOBILIZE", "troops", "154", "sv", 0), [])


def _sent(tok) -> Match | None:
    """Forces sent somewhere ("is sending a military platoon to Kuwait"): MOBILIZE, unless peacekeeping."""
    obj = child(tok, "dobj")
    # "sent armoured vehicles and A TEAM OF PARATROOPERS to Lebanon": forces among the things sent
    obj = next((o for o in ([obj, *obj.conjuncts] if obj is not None else []) if _force(o)), None)
    if obj is None:
        return None
    if not any(c.dep_ == "prep" and c.lower_ in PLACE_PREPS | {"to"} and child(c, "pobj") is not None
               for c in [*tok.children, *obj.subtree]):  # the parse may hang "to Lebanon" on the forces
        return None
    if _peacekeeping(tok, obj):  # the sender provides peacekeeping (CAMEO 074, PLOVER AID)
        return Match(tok, Entry(lemma(tok), (), "V", "AID", "", "074", "sv", 0), [])
    return _deployment(tok, False)


# Verbs of going somewhere: a meeting that is their purpose is a visit ("flew to London to discuss ...").
TRAVEL_VERBS = {"travel", "fly", "go", "head", "arrive", "come", "journey"}


def visit_by_travel(d) -> None:
    """A meeting, talk or negotiation that is the purpose of a journey ("will travel to Egypt to meet the
    president", "is flying to London to discuss the crisis with the prime minister") is a visit: CONSULT with
    the visit mode (CAMEO 042)."""
    tok = d.match.tok
    if d.type != "CONSULT" or d.mode or tok.pos_ != "VERB":
        return
    for t in (tok, *([tok.head] if tok.dep_ == "conj" else [])):  # "to meet ... and (to) discuss"
        if not any(c.tag_ == "TO" for c in t.children):
            continue
        journey = t.head if t.dep_ in ("advcl", "xcomp") else None
        if t.dep_ == "acl" and t.head.lower_ == "order" and t.head.head.lower_ == "in":
            journey = t.head.head.head  # "went to Lima IN ORDER TO meet ..."
        if journey is not None and lemma(journey) in TRAVEL_VERBS:
            d.mode, d.cameo = "visit", "042"
            return
