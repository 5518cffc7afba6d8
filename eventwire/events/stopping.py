"""Stopping a conflict is a step back from it: "the opposition suspended its protests" or "called off the strike" is
a CONCEDE, "rebels halted their offensive" a RETREAT (ceasefire), "the army lifted the siege" a CONCEDE, "lifted
the sanctions" a RETREAT (CAMEO 085, easing sanctions), "suspended talks" or "ended its mediation effort" a
SANCTION (CAMEO 164 and 165, halting negotiations or mediation), not a protest, an attack, a siege or a sanction.

A verb of stopping (``events/stopping_verbs.txt``) codes this when its object (or passive subject) is an event
noun of the lexicon of a conflict type; the noun is then no event of its own (``triggers.noun_can_stand``).
A longer lexicon pattern ("end blockade", "lift curfew") still wins over this frame.
"""

from __future__ import annotations

from ..data import word_set
from .draft import Match
from .lexicon import SPECIAL, Entry, by_head
from .syntax import child, lemma, pos_of

# The conflict type stopped -> (type, mode, CAMEO code) of stopping it.
STEP_BACK = {"PROTEST": ("CONCEDE", "", "080"), "COERCE": ("CONCEDE", "", "081"), "ASSAULT": ("RETREAT", "ceasefire", "0871"),
             "MOBILIZE": ("RETREAT", "withdraw", "087"), "SANCTION": ("RETREAT", "", "085"),
             "CONSULT": ("SANCTION", "withdraw", "164")}  # halting talks or mediation (CAMEO 164, 165)


def stopping_verb(tok) -> bool:
    return tok.pos_ == "VERB" and lemma(tok) in word_set("events/stopping_verbs.txt")


def match(tok) -> Match | None:
    """A CONCEDE or RETREAT match for a verb of stopping whose object is a conflict event noun, or None."""
    if not stopping_verb(tok):
        return None
    obj = child(tok, "dobj", "nsubjpass")
    if obj is None:
        return None
    stopped = _event_type(obj)
    if stopped not in STEP_BACK:
        return None
    etype, mode, cameo = STEP_BACK[stopped]
    return Match(tok, Entry(lemma(tok), (), "V", etype, mode, cameo, "sv", 0), [obj])


def _event_type(noun) -> str | None:
    """The type of the one-word lexicon entry of an event noun ("protest", "offensive", "siege"), or None."""
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
