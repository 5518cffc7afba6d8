"""Who holds someone told held in a place: an arrest, a deportation, an expulsion or torture told in the passive
with no agent ("the journalist was arrested IN NIGER", "inspectors were expelled FROM NORTH KOREA", "was tortured
in a prison IN GORGAN", "died of the torture he was subjected to in a detention centre in X") was done by the
state of the place, and CAMEO coders code that place's actor as the source. Only these acts of state custody
(``CUSTODY``): a killing or a kidnapping in a place may be anyone's. The place is read from an "in"/"inside"/
"at"/"from" phrase of the verb, or, for a noun, of the noun, of a clause on it or of the verb it belongs to; a
prison or camp named there stands for the place its own phrase names ("a prison in Rangoon").
"""

from __future__ import annotations

from .clauses import agent_of, is_passive
from .draft import Draft, Work
from .place_targets import place_actor
from .resolve import Resolved
from .syntax import pobjs

CUSTODY = {("COERCE", "arrest"), ("COERCE", "deport"), ("SANCTION", "expel"), ("ASSAULT", "torture")}
PLACE_PREPS = ("in", "inside", "at", "from")
PLACE_KINDS = ("country", "place", "location", "city")


def custody_place(w: Work, d: Draft) -> None:
    """No source: the place an act of custody told with no agent was done in stands for it (see the module);
    marked ``source_is_place``."""
    if d.source.actors or (d.type, d.mode) not in CUSTODY:
        return
    tok = d.match.tok
    if d.match.entry.pos == "V":
        if not is_passive(tok) or agent_of(tok) is not None:
            return
        heads = [tok, *tok.conjuncts]  # "was tortured and killed IN a prison"
    else:
        if agent_of(tok) is not None or any(c.dep_ == "poss" for c in tok.children):
            return
        heads = [tok] + [c for c in tok.children if c.dep_ in ("relcl", "acl")]
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if verb.pos_ in ("VERB", "AUX"):  # "died in prison in Rangoon AFTER TORTURE"
            heads.append(verb)
    for h in heads:
        for _p, c in pobjs(h, PLACE_PREPS):
            r = place_actor(w, c)
            if r.actors and all(a.kind in PLACE_KINDS for a in r.actors) and \
                    not set(r.ids()) & set(d.target.ids()):
                d.source = r
                d.attrs["source_is_place"] = True
                return
    return
