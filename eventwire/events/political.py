"""Whether an event is a political act: PLOVER codes what governments, armed forces, parties, rebels,
international bodies and organised civil society do to one another. Idioms of everyday speech ("made it
clear", "has no need", "downplayed", listed in ``events/idioms.txt``) code an event only when a political
actor does them to another actor.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import data_path, read_lines


NEEDS = ("source", "source+target", "force")
# Sectors whose members use force: police, soldiers, paramilitaries, rebels, unidentified gunmen, spies, gangs.
FORCE_SECTORS = {"COP", "MIL", "PRM", "REB", "UAF", "SPY", "CRM"}


@lru_cache(maxsize=1)
def idioms() -> dict[str, str]:
    """Lexicon pattern -> what it needs to code an event (``events/idioms.txt``): "source" (a political actor
    as source), "source+target" (and another actor as target) or "force" (an armed or police source)."""
    from ..errors import DataFileError

    out = {}
    for n, line in read_lines("events/idioms.txt"):
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 2 or cols[1] not in NEEDS:
            raise DataFileError(data_path("events/idioms.txt"), n,
                                f"expected a pattern and one of {', '.join(NEEDS)}, tab-separated, got {line!r}")
        out[" ".join(cols[0].split())] = cols[1]
    return out


def political_actor(actor) -> bool:
    """An actor PLOVER codes: a country, or an actor with a sector, a country or a political role."""
    if actor is None:
        return False
    return actor.kind == "country" or bool(actor.sector) or bool(actor.country) or bool(actor.role)


def political_act(draft, needs: str = "source+target") -> bool:
    """Whether a political actor is the source of a draft (and, for "source+target", another actor its target;
    for "force", an actor of a sector that uses force)."""
    if needs == "force":
        return any(a.sector in FORCE_SECTORS for a in draft.source.actors)
    if not any(political_actor(a) for a in draft.source.actors):
        return False
    return needs == "source" or bool(draft.target.actors)
