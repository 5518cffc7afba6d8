"""Whom a refusal defies: a refusal with no target of its own that is made "despite" or "under" someone's
asking or pressing ("declined to resign DESPITE PRESIDENT X'S REQUEST", "refused to step down DESPITE THE
PRESSURE BY PARLIAMENT", "declined UNDER PRESSURE FROM THE PARTY") is aimed at whoever asked or pressed: the
noun's possessor, "by" agent or "from" phrase (``arguments.noun_agent``). Only nouns of asking or pressing
(``data/events/pressure_nouns.txt``): "refused despite the drought" defies no one.

A concession with no target (CAMEO's easing, ending a strike) made after dealing with someone is made to them
(``conceded_after``): the "with" phrase of what it came after ("called off the strike after REACHING AGREEMENT
WITH THE GOVERNMENT", "after talks with the employers") or the subject of an "after" clause ("after THE
GOVERNMENT accepted the deal").
"""

from __future__ import annotations

from ..data import word_set
from .arguments import noun_agent
from .draft import Work
from .resolve import Resolved, resolve
from .syntax import child, pobjs

DEFYING_PREPS = ("despite", "under", "notwithstanding")


def pressure_nouns() -> frozenset[str]:
    return word_set("events/pressure_nouns.txt")


def defied(w: Work, tok, where, conceding: bool = False) -> Resolved:
    """Whoever asked or pressed, named in a "despite" / "under" phrase of the refusal, of the clause it refuses
    ("declined TO RESIGN despite ...") or of the clause it stands in; with ``conceding``, whom a concession was
    made to (``conceded_after``)."""
    if conceding:
        return conceded_after(w, tok, where)
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


def conceded_after(w: Work, tok, where) -> Resolved:
    """The side a concession was made to, named in what it came after (see the module)."""
    for h in {tok.i: tok, where.i: where}.values():
        # "just hours AFTER ...": the parse hangs the phrase on the measure of time
        kids = [c for c in h.children] + [g for c in h.children if c.dep_ == "npadvmod" for g in c.children]
        for c in kids:
            if c.dep_ == "prep" and c.lower_ == "after":
                # "after the agreement WITH X", "after reaching agreement WITH X", "after negotiating WITH X"
                nouns = [o for o in c.children if o.dep_ in ("pobj", "pcomp")]
                nouns += [x for o in nouns if o.dep_ == "pcomp" for x in o.children if x.dep_ == "dobj"]
                for n in nouns:
                    for _p, who in pobjs(n, ("with",)):
                        r = resolve(w.story, who)
                        if r.actors:
                            return r
            elif c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children):
                subj = child(c, "nsubj")  # "after THE GOVERNMENT accepted the deal"
                r = resolve(w.story, subj) if subj is not None and subj.pos_ != "PRON" else Resolved()
                if r.actors:
                    return r
    return Resolved()
