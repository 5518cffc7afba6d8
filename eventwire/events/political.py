"""Whether an event is a political act: PLOVER codes what governments, armed forces, parties, rebels,
international bodies and organised civil society do to one another. Idioms of everyday speech ("made it
clear", "has no need", "downplayed", listed in ``events/idioms.txt``) code an event only when a political
actor does them to another actor.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines


@lru_cache(maxsize=1)
def idioms() -> frozenset[str]:
    """Lexicon patterns that code an event only as a political act (``events/idioms.txt``, a pattern a line)."""
    return frozenset(" ".join(line.split()) for _, line in read_lines("events/idioms.txt"))


def political_actor(actor) -> bool:
    """An actor PLOVER codes: a country, or an actor with a sector, a country or a political role."""
    if actor is None:
        return False
    return actor.kind == "country" or bool(actor.sector) or bool(actor.country) or bool(actor.role)


def political_act(draft) -> bool:
    """Whether a political actor is the source of a draft and another actor its target."""
    return any(political_actor(a) for a in draft.source.actors) and bool(draft.target.actors)
