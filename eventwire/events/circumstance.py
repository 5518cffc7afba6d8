"""Circumstances: what an event happened in or after.

- An event told in a clause of time ("after", "since", "before", "once") beside a main-clause event is its
  circumstance and is dropped (``circumstances_dropped``).
- A passive killing, attack or arrest with no "by" agent takes its source from the operation or attack it
  happened in ("killed in a police encounter", "killed in an Israeli air strike"; ``force_of_circumstance``).
"""

from __future__ import annotations

from .arguments import noun_agent
from .draft import Draft, Work
from .political import FORCE_SECTORS
from .resolve import Resolved, resolve
from .triggers import noun_event


# Marks of a clause that tells what came before or led to the sentence's news ("cancelled his visit AFTER a
# state of siege was declared"): the circumstance, not the news, when the main clause codes an event itself.
CIRCUMSTANCE_MARKS = {"after", "since", "before", "once"}


def _circumstance(tok) -> bool:
    """Whether a trigger sits in an adverbial clause of time marked by ``CIRCUMSTANCE_MARKS``."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_MARKS for m in t.children):
            return True
    return False


def circumstances_dropped(drafts: list[Draft]) -> list[Draft]:
    """A sentence's drafts without those told as a circumstance of another of its events (``_circumstance``)."""
    if len(drafts) < 2:
        return drafts
    main = [d for d in drafts if not _circumstance(d.match.tok)]
    if not any(d.match.tok.dep_ not in ("nsubj", "nsubjpass") for d in main):
        return drafts  # "A strike ... took a new turn after the minister agreed": the main clause tells no act
    return main


def force_of_circumstance(w: Work, d: Draft, where) -> None:
    """A passive killing, attack or arrest with no "by" agent: the force named by the operation it happened
    in is the source ("were killed in an encounter with security forces", "killed in a police encounter")."""
    if d.type not in ("ASSAULT", "COERCE") or d.source.actors or d.match.entry.pos != "V":
        return
    kids = list(where.children)
    if not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return
    for prep in kids:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            m = noun_event(noun)
            if m is not None and m.entry.type == d.type:
                # "was killed in an ISRAELI air strike": the attack's own doer did the killing
                doer = noun_agent(w, noun)
                if doer.actors:
                    d.source = Resolved(actors=doer.actors)
                    d.attrs["source_from"] = "means"
                    if m.entry.mode and not d.mode:
                        d.mode, d.cameo = m.entry.mode, m.entry.cameo or d.cameo
                    w.consumed.add(noun.i)
                    return
            cands = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
            cands += [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "with"
                      for g in p.children if g.dep_ == "pobj"]
            for c in cands:
                forces = [a for a in resolve(w.story, c).actors if a.sector in FORCE_SECTORS]
                if forces:
                    d.source = Resolved(actors=forces)
                    d.attrs["source_from"] = "circumstance"
                    return
