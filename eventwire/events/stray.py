"""A target phrase the parse hung away from the event noun it belongs to: "launched a military operation,
Operation X, AGAINST MILITANTS" (the "against" phrase hung on the operation's name), "carried out strikes
yesterday ON REBEL POSITIONS". Read after the predicate's own arguments and the deep read gave no target
(``stray_target``), from the words after the event noun in its own clause.
"""

from __future__ import annotations

from .arguments import arg_np
from .draft import Work
from .resolve import Resolved
from ..tree import ancestors

# Prepositions that name whom an act is aimed at wherever the parse hangs them; "on" only for acts of force,
# where it is the struck ("strikes on X"), elsewhere mostly a time or a topic ("talks on Monday", "on trade").
AIMED = ("against",)
STRUCK = ("on", "upon")
STRIKING = {"ASSAULT", "COERCE", "THREATEN", "SANCTION"}


def stray_target(w: Work, d, where) -> Resolved:
    """The first actor named by an aiming preposition after the event noun, in the same clause: the phrase
    hangs under the clause's verb (``where``) or the noun through nouns and names only, never through
    another verb's clause."""
    tok = d.match.tok
    preps = AIMED + (STRUCK if d.type in STRIKING else ())
    tops = {tok.i, where.i}
    for t in tok.doc[tok.i + 1:tok.sent.end]:
        if t.dep_ != "prep" or t.lower_ not in preps or t.head.i == tok.i:
            continue
        if not _within(t, tops):
            continue
        for c in t.children:
            if c.dep_ != "pobj":
                continue
            r = arg_np(w, c)
            if r.actors and set(r.ids()) - set(d.source.ids()):
                return r
    return Resolved()


def _within(t, tops: set[int]) -> bool:
    """Whether ``t`` hangs under one of ``tops`` through nouns, names and numbers only."""
    for h in ancestors(t):
        if h.i in tops:
            return True
        if h.pos_ in ("VERB", "AUX") or h.dep_ in ("relcl", "advcl", "ccomp", "xcomp", "conj"):
            return False
    return False
