"""Whom a refusal defies: a refusal with no target of its own that is made "despite" or "under" someone's
asking or pressing ("declined to resign DESPITE PRESIDENT X'S REQUEST", "refused to step down DESPITE THE
PRESSURE BY PARLIAMENT", "declined UNDER PRESSURE FROM THE PARTY") is aimed at whoever asked or pressed: the
noun's possessor, "by" agent or "from" phrase (``arguments.noun_agent``). Only nouns of asking or pressing
(``data/events/pressure_nouns.txt``): "refused despite the drought" defies no one.
"""

from __future__ import annotations

from ..data import word_set
from .arguments import noun_agent
from .draft import Work
from .resolve import Resolved
from .syntax import pobjs

DEFYING_PREPS = ("despite", "under", "notwithstanding")


def pressure_nouns() -> frozenset[str]:
    return word_set("events/pressure_nouns.txt")


def defied(w: Work, tok, where) -> Resolved:
    """Whoever asked or pressed, named in a "despite" / "under" phrase of the refusal, of the clause it refuses
    ("declined TO RESIGN despite ...") or of the clause it stands in."""
    heads = [tok, where] + [c for c in (tok, where) for c in c.children if c.dep_ in ("xcomp", "ccomp")]
    seen = set()
    for h in heads:
        if h.i in seen:
            continue
        seen.add(h.i)
        for _p, noun in pobjs(h, DEFYING_PREPS):
            if noun.lower_ not in pressure_nouns():
                continue
            r = noun_agent(w, noun)
            if r.actors:
                return r
    return Resolved()
