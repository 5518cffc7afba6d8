"""Cues in the parse that a common noun names people, shared by the actors and events stages.

A noun a relative clause on "who" / "whom" / "whose" describes names people: only people take them ("a
former candidate WHO was jailed", "followers of the leader WHO faced death sentences").
"""

from __future__ import annotations

PERSONAL_RELATIVES = {"who", "whom", "whose"}


def who_clause(tok) -> bool:
    """Whether a noun is described by a relative clause on "who" / "whom" / "whose"."""
    return any(c.dep_ == "relcl" and any(g.lower_ in PERSONAL_RELATIVES for g in c.children)
               for c in tok.children)
