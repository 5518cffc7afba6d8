"""Passives: whether a verb is passive, who its patient is and who its "by" agent is.

``is_passive`` tells a passive from a stative participle ("Israel is opposed to",
``events/stative_participles.txt``) and counts as passive a participle coordinated with a passive verb ("were
ambushed and ATTACKED by militants", ``shares_passive``) and a participle complement ("two people reported
KILLED", ``complement_passive``) and a headline's passive with "were" left out ("Dozens KILLED in attack",
``headline_passive``). ``patient_of`` and ``agent_of`` / ``passive_agent`` give the patient and the
"by" agent.
"""

from __future__ import annotations

from ..data import word_set
from .syntax import child


def stative_participles() -> frozenset[str]:
    """Participles that read as states, not passives, when no "by" agent follows: "Israel is opposed to"."""
    return word_set("events/stative_participles.txt")


def is_passive(tok) -> bool:
    if shares_passive(tok) or complement_passive(tok) or headline_passive(tok):
        return True
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    if tok.lemma_.lower() in stative_participles() and agent_of(tok) is None:
        return False
    return True


def shares_passive(tok) -> bool:
    """A participle coordinated with a passive verb and with no subject of its own is passive too: "were
    ambushed and ATTACKED by militants"."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    if tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.tag_ == "VBN" and \
            any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.head.children):
        return True
    # a headline's passive goes on: "Reporter Shot and KILLED by gunmen", "Mayor Kidnapped, KILLED" (a past form
    # the parse may leave unattached)
    return tok.dep_ in ("conj", "dep") and tok.tag_ in ("VBN", "VBD") and tok.i > tok.head.i and \
        headline_passive(tok.head)


def passive_agent(tok):
    """The "by" agent of a passive verb, shared by coordinated participles ("were ambushed and attacked by
    militants": both by the militants)."""
    ag = agent_of(tok)
    if ag is None and shares_passive(tok):
        ag = agent_of(tok.head)
    for c in ([] if ag is not None else tok.children):
        if c.dep_ == "conj" and c.tag_ == "VBN" and shares_passive(c) and child(c, "auxpass") is None:
            ag = agent_of(c) or ag  # not "were arrested in May and HAVE BEEN released by the army": a clause
            # of its own, whose agent is no one else's
    return ag


def conj_patient(tok):
    """The patient of a passive verb coordinated with the verb before it and with no subject of its own: that
    verb's subject ("two journalists were arrested and have been RELEASED", "the fishermen, held captive for
    months, have been FREED by the army"), or None."""
    if tok.dep_ not in ("conj", "dep") or child(tok, "nsubj", "nsubjpass") is not None:
        return None
    if not shares_passive(tok) and child(tok, "auxpass") is None:
        return None
    return child(tok.head, "nsubjpass", "nsubj")


def complement_passive(tok) -> bool:
    """A past participle the parse made the complement of a verb with no object of its own is passive: its
    patient is that verb's subject ("at least two people REPORTED KILLED", "three soldiers were feared CAPTURED",
    "the activists got ARRESTED")."""
    return tok.dep_ == "xcomp" and tok.tag_ == "VBN" and tok.head.i != tok.i and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") for c in tok.children) and \
        child(tok.head, "dobj") is None and child(tok.head, "nsubj", "nsubjpass") is not None


def headline_passive(tok) -> bool:
    """A past form the parse read as active, with a counted subject and no object ("Dozens KILLED in attack on
    market", "Five ARRESTED after raid"): a headline's passive with "were" left out, whose subject is the
    patient. Only verbs of force and arrest that the lexicon has take an object."""
    from .lexicon import by_head
    from .syntax import counts

    if tok.tag_ != "VBD" or any(c.dep_ in ("dobj", "aux", "auxpass", "ccomp", "xcomp", "prt", "dative")
                                for c in tok.children):
        return False
    subj = child(tok, "nsubj")
    if subj is None or subj.i > tok.i or not (counts(subj) or tok.is_title or _by_agent(tok)):
        return False  # "Reporter SHOT and killed by gunmen", "Journalist SHOT Dead": a headline's capitals
    entries = [e for e in by_head().get((tok.lemma_.lower(), "V"), ()) if e.type not in ("NONE", "LIGHT") and not e.extra]
    return bool(entries) and all(e.type in ("ASSAULT", "COERCE") and e.frame not in ("intr", "recip") for e in entries)


def _by_agent(tok) -> bool:
    """Whether a past form or a participle coordinated with it has a "by" agent ("five KILLED by gunmen",
    "reporter SHOT and killed by gunmen")."""
    return any(agent_of(t) is not None for t in (tok, *(c for c in tok.children if c.dep_ == "conj"
                                                      and c.tag_ in ("VBN", "VBD"))))


def patient_of(tok):
    """The patient of a passive verb: its own passive subject, or that of the participle it is coordinated
    with, or the subject of the verb a participle complements ("two people reported KILLED")."""
    objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
    obj = objs[-1] if objs else None  # "HOLLIDAY, Mo. - A 25-year-old MAN was arrested": the dateline is no patient
    if obj is None:
        obj = conj_patient(tok)
    if obj is None and complement_passive(tok):
        obj = child(tok.head, "nsubj", "nsubjpass")
    if obj is None and headline_passive(tok):
        obj = child(tok, "nsubj")
    return obj


def agent_of(tok):
    """The "by" agent of a passive verb or of an event noun."""
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            p = child(c, "pobj")
            if p is not None:
                return p
    return None


def source_gap(d, where) -> str:
    """Why an event has no source: "agentless" when the text names none (a passive with no "by" agent, an
    event noun with no agent of its own: "three journalists were arrested", "an attack on a village");
    "unresolved" when it names one the actors stage has no actor for (kept as ``source_text``); "unnamed"
    otherwise (a subject that is no actor: "a fire killed eleven people"). The source is never guessed."""
    tok = d.match.tok
    if "source_text" in d.attrs:
        return "unresolved"
    if is_passive(tok) or (tok.dep_ == "acl" and tok.tag_ == "VBN") or where.i == tok.i and d.match.entry.pos == "N":
        return "agentless" if agent_of(tok) is None else "unresolved"
    return "unnamed"
