"""Stopping a conflict is a step back from it: "the opposition suspended its protests" or "called off the strike" is
a CONCEDE, "rebels halted their offensive" a RETREAT (ceasefire), "the army lifted the siege" a CONCEDE, "lifted
the sanctions" a RETREAT (CAMEO 085, easing sanctions), "suspended talks" or "ended its mediation effort" a
SANCTION (CAMEO 164 and 165, halting negotiations or mediation), not a protest, an attack, a siege or a sanction.

A verb of stopping (``events/stopping_verbs.txt``) codes this when its object (or passive subject) is an event
noun of the lexicon of a conflict type, or its complement a gerund of such a verb ("agreed to halt FIGHTING"); the noun is then no event of its own (``triggers.noun_can_stand``).
A longer lexicon pattern ("end blockade", "lift curfew") still wins over this frame.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines, word_set
from .draft import Match
from .lexicon import SPECIAL, Entry, by_head
from .syntax import child, lemma, pos_of

# The conflict type stopped -> (type, mode, CAMEO code) of stopping it.
STEP_BACK = {"PROTEST": ("CONCEDE", "", "080"), "COERCE": ("CONCEDE", "", "081"), "ASSAULT": ("RETREAT", "ceasefire", "0871"),
             "MOBILIZE": ("RETREAT", "withdraw", "087"), "SANCTION": ("RETREAT", "", "085"),
             "CONSULT": ("SANCTION", "withdraw", "164")}  # halting talks or mediation (CAMEO 164, 165)

# Verbs that also tell that a single occasion came to its planned close, and the occasions: ending such a meeting
# is its conclusion ("ended a two-day meeting"), not talks broken off ("ended the negotiations" still is).
CONCLUDING = {"end", "conclude", "close", "finish", "wrap"}
OCCASIONS = {"meeting", "session", "summit", "conference", "visit", "tour", "trip", "gathering", "call", "interview",
             "forum", "dinner", "lunch", "sitting"}


@lru_cache(maxsize=1)
def _stopping_words() -> frozenset[str]:
    return frozenset(" ".join(line.lower().split()) for _n, line in read_lines("events/stopping_verbs.txt"))


def stopping_verb(tok) -> bool:
    """A verb of ``events/stopping_verbs.txt``; an entry of two words is a verb and its particle ("call off")."""
    if tok.pos_ != "VERB":
        return False
    words = _stopping_words()
    return lemma(tok) in words or any(f"{lemma(tok)} {c.lower_}" in words for c in tok.children if c.dep_ == "prt")


def match(tok) -> Match | None:
    """A CONCEDE or RETREAT match for a verb of stopping whose object is a conflict event noun, or None."""
    if not stopping_verb(tok):
        return None
    obj = child(tok, "dobj", "nsubjpass") or next((c for c in tok.children if _gerund(c)), None)
    if obj is None:
        return None
    stopped = _event_type(obj)
    if stopped not in STEP_BACK:
        return None
    if any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children):
        return None  # "they will END UP fighting": they come to fight, nothing stops
    if stopped == "CONSULT" and lemma(tok) in CONCLUDING and lemma(obj) in OCCASIONS:
        return None  # "the central bank ended a policy meeting": it was over, no talks were broken off
    etype, mode, cameo = STEP_BACK[stopped]
    return Match(tok, Entry(lemma(tok), (), "V", etype, mode, cameo, "sv", 0), [obj])


def _gerund(c) -> bool:
    """Whether a verb is the gerund complement of its head, with no subject of its own ("agreed to halt
    FIGHTING", "stopped SHELLING the town"): the act the head stops, when the head is a verb of stopping."""
    return c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and child(c, "nsubj") is None


def stopped_gerund(tok) -> bool:
    """Whether a verb is a gerund of a conflict act that a verb of stopping stops: no event of its own."""
    return _gerund(tok) and stopping_verb(tok.head) and _event_type(tok) in STEP_BACK


def _event_type(noun) -> str | None:
    """The type of the one-word lexicon entry of an event noun ("protest", "offensive", "siege"), or None."""
    if noun.tag_ == "VBG" and pos_of(noun) == "V":  # a gerund: the verb's own entry
        return next((e.type for e in by_head().get((lemma(noun), "V"), ()) if not e.extra and e.type not in SPECIAL),
                    None)
    if pos_of(noun) != "N":
        return None
    if lemma(noun) in word_set("events/carrier_nouns.txt"):  # "ended its mediation effort": what it carries
        inner = [c for c in noun.children if c.dep_ == "compound"] + \
            [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        for c in inner:
            carried = _event_type(c)
            if carried is not None:
                return carried
    return next((e.type for e in by_head().get((lemma(noun), "N"), ()) if not e.extra and e.type not in SPECIAL), None)
