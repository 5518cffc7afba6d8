"""Complements: the clause or event noun a control verb takes, and what kind of clause an adverbial one is.

- ``complement`` / ``complement_event``: the clause or event noun a control verb takes ("offered TO PROVIDE",
  "called FOR TALKS") and the lexicon predicate heading it
- ``purpose`` / ``purpose_aux``: a to-clause of purpose ("blocked roads to press their demands")
- ``condition_mark``: the "if" / "unless" / "until" that makes a clause a condition
"""

from __future__ import annotations

from .syntax import child, counts, for_clause
from .triggers import match_token, noun_event

CONDITION_WORDS = {"if", "unless", "until", "before", "provided", "once"}


def purpose_aux(clause) -> bool:
    """Whether a clause is a to-infinitive (its auxiliary is "to")."""
    aux = child(clause, "aux")
    return aux is not None and aux.lower_ == "to"


def purpose(clause) -> bool:
    """A to-clause with no subject of its own: "blocked roads to press their demands"."""
    aux = child(clause, "aux")
    return aux is not None and aux.lower_ == "to" and child(clause, "nsubj") is None


def condition_mark(clause) -> str | None:
    """The "if" / "unless" / "until" ... that makes an adverbial clause a condition, if any."""
    for m in clause.children:
        if m.dep_ == "mark" and m.lower_ in CONDITION_WORDS:
            return m.lower_
    return None



def complement(tok):
    """The clause or event noun a control verb takes: "offered TO PROVIDE", "refused TO NEGOTIATE",
    "called FOR TALKS", "made it clear THAT ... HAVE TO RENOUNCE", "offer OF SAFETY"."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "acl") and c.pos_ in ("VERB", "AUX", "ADJ"):
            return c
    for c in tok.children:
        if c.dep_ == "advcl" and (purpose(c) or any(for_clause(m, tok) for m in c.children)):
            return c  # "have sworn to fight", parsed as an adverbial to-clause; "called for Israel to halt"
    for c in tok.children:
        if c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ":
            inner = complement(c)
            if inner is not None:
                return inner
        if c.dep_ == "advcl" and tok.pos_ == "ADJ":
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "on"):
            for p in c.children:
                if p.dep_ == "pcomp":
                    return p
                if p.dep_ == "pobj" and noun_event(p) is not None:
                    return p
                whole = part_of(p) if p.dep_ == "pobj" else None
                if whole is not None and noun_event(whole) is not None:
                    return whole  # "agreed to MOST of the demands", "to all of the rebels' demands"
    return None


# Words for a part of a whole that stand before "of" ("most of the demands", "all of the terms").
PARTS = {"all", "most", "some", "many", "several", "part", "half", "majority", "much", "each", "both", "none"}


def part_of(tok):
    """What a word for a part or an amount is part of ("MOST of the demands": the demands), or None."""
    if tok.lower_ not in PARTS and not counts(tok):
        return None
    return next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), None)


def complement_event(comp):
    """The lexicon predicate heading a complement, descending through "have to", "be willing to"; for a light
    verb ("to make arrests"), its object's event noun."""
    seen = 0
    cur = comp
    while cur is not None and seen < 3:
        ms = [m for m in match_token(cur) if m.entry.type not in ("LIGHT",)]
        if ms:
            return ms[0]
        if cur.pos_ == "VERB" and any(m.entry.type == "LIGHT" for m in match_token(cur)):
            obj = child(cur, "dobj")
            m = noun_event(obj) if obj is not None else None
            if m is not None:
                return m  # "threatened to MAKE ARRESTS", "vowed to launch an offensive": the light verb's noun
        nxt = None
        for c in cur.children:
            if c.dep_ in ("xcomp", "acomp", "ccomp") or (c.dep_ == "advcl" and cur.pos_ == "ADJ"):
                nxt = c
                break
        cur = nxt
        seen += 1
    return None
