"""Control verbs and verbs of asking that report no event, whatever clause they take.

- an opinion shared is no agreement ("Anderson agreed with McLenny", ``opinion_agreement``)
- a question asked is no request ("asked why he had issues", ``question``)
- failing to do what is no event is no refusal ("failed to disclose her company", ``unfulfilled``)
- what news writing asks of every source is no request ("a request for comment", "asked not to be named";
  ``press_formula``, ``events/press_formulas.txt``)
- admitting a fact is no concession ("he acknowledged that his rallying cry had not galvanized Americans",
  ``fact_admitted``)
- asking that asks nothing of anyone is no request ("migrants pushing past each other", ``nothing_asked``)

``names_event`` and ``names_other_actor`` tell whether a clause holds an event or another actor at all.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines
from .draft import Draft, Work
from .resolve import Resolved
from .subjects import subject_of
from .type_groups import FORCEFUL

DEONTIC = {"should", "must", "ought"}
FUTURE_OR_DEONTIC = {"should", "will", "would", "must", "shall", "'ll", "wo", "to", "ought"}
FAILING = {"fail"}  # not doing what was due: a refusal only of an act that is an event
ASKED_PREPS = {"for", "to"}  # "pushed for reforms", "appealed to the UN"


@lru_cache(maxsize=1)
def press_formulas() -> dict[str, str]:
    """Lemma -> where it must stand, "noun" or "passive" (``events/press_formulas.txt``)."""
    return dict(line.split("\t")[:2] for _, line in read_lines("events/press_formulas.txt"))


def press_formula(tok, comp) -> bool:
    """Whether a verb or noun of asking asks only what news writing asks of every source ("a request for
    comment", "asked not to be named"): no event."""
    formulas = press_formulas()
    if comp is not None and formulas.get(comp.lemma_.lower()) == "passive" and \
            any(c.dep_ == "auxpass" for c in comp.children):
        return True
    asked = [c for c in tok.children if c.dep_ == "dobj"]
    asked += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"]
    if tok.pos_ == "NOUN":  # "an INTERVIEW request"
        asked += [c for c in tok.children if c.dep_ == "compound"]
    elif any(p.pos_ == "NOUN" and p.dep_ == "dobj" and p.lemma_.lower() in ASKING_NOUNS and press_formula(p, None)
             for p in asked):
        return True  # "declined an interview request", "declined requests for comment": the request is the formula
    return any(formulas.get(p.lemma_.lower()) == "object" or tok.pos_ == "NOUN" and p.dep_ in ("pobj", "compound") and
               formulas.get(p.lemma_.lower()) == "noun" for p in asked)


# Nouns of asking whose formula makes declining them no refusal ("declined multiple requests for an interview").
ASKING_NOUNS = {"request", "invitation", "inquiry", "query"}
ADMITTING = {"admit", "acknowledge"}
# What a side admits when it gives way: its defeat, its fault, the other side's claim or demand.
ADMITTED = {"defeat", "loss", "responsibility", "guilt", "mistake", "error", "wrongdoing", "failure", "fault",
            "blame", "liability", "role", "involvement", "complicity", "demand", "claim", "right", "sovereignty",
            "independence", "inspector", "observer", "monitor", "refugee"}


def fact_admitted(tok, etype: str, comp, comp_match) -> bool:
    """Whether a verb of admitting admits a fact, not a demand or a defeat: it takes a clause that is no yielding
    ("acknowledged that the reforms were not complete", "has admitted using the tax code") or stands aside from
    the sentence it comments on ("all of this, he acknowledges, could be undone"). "Admitted defeat",
    "acknowledged its responsibility" and "admitted UN inspectors" stay."""
    if etype != "CONCEDE" or tok.lemma_.lower() not in ADMITTING:
        return False
    if tok.dep_ == "parataxis" or (comp is None and not any(c.dep_ in ("dobj", "prep") for c in tok.children)):
        return True
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if comp is None and obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() not in ADMITTED:
        return True  # "acknowledged the reality of climate change", "acknowledged their uphill battle"
    return comp is not None and comp.pos_ in ("VERB", "AUX") and \
        (comp_match is None or comp_match.entry.type not in ("RETREAT", "CONCEDE"))


def unfulfilled(tok, etype: str) -> bool:
    """Whether a verb of failing takes no event: "failed to reach agreement" is a refusal, "failed to disclose
    her company" or "failed to frame a scheme in time" is no event."""
    return etype == "NOT" and tok.lemma_.lower() in FAILING


def nothing_asked(tok, d: Draft) -> bool:
    """Whether a verb or noun of asking asks nothing of anyone: no object, no clause, no "for" or "to" phrase or
    clause and no target ("migrants pushing past each other", "the message he keeps pushing", "officers
    responding to the call")."""
    if d.type != "REQUEST" or d.match.entry.pos not in ("V", "N") or d.match.extra or d.target.actors:
        return False
    if d.match.entry.pos == "N":  # "responding to the call", "an invitation call on your land line"
        return not any(c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i and
                       any(m.lower_ in ("to", "that") for m in c.children) or
                       (c.dep_ == "prep" and c.lower_ in ASKED_PREPS) for c in tok.children)
    return not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "oprd", "nsubjpass") or
                   (c.dep_ == "prep" and c.lower_ in ASKED_PREPS) or
                   (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ASKED_PREPS for m in c.children))
                   for c in tok.children)  # "pushing hard FOR the US (to) support its plan"


def names_event(comp) -> bool:
    """Whether a clause holds a lexicon predicate or event noun anywhere below its head."""
    from .triggers import match_token

    return any(m.entry.type not in ("LIGHT", "NONE") for t in comp.subtree if t.i != comp.i for m in match_token(t))


def names_other_actor(w: Work, comp, source: Resolved) -> bool:
    """Whether an actor other than the source is named inside a clause ("ready to contribute troops to ... in
    Liberia")."""
    mine = set(source.ids())
    start, end = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge)
    return any(a.id not in mine and any(start <= m.start and m.end <= end for m in a.mentions)
               for a in w.story.actors)


def question(tok, etype: str, comp) -> bool:
    """Whether "ask" asks a question rather than for something: "asked why he had issues", "Graham asked.",
    "asking her, 'where do we go from here?'". A request asks someone to do something ("asked Iran to halt")
    or for something ("asked for aid", "asked the UN for help")."""
    if etype != "REQUEST" or tok.lemma_.lower() != "ask":
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    if any(c.dep_ == "prep" and c.lower_ == "for" for t in (tok, *objs) for c in t.children):
        return False  # "asked for aid", "asked other countries for tents" (the parse hangs "for" on the object)
    if comp is not None and (comp.dep_ == "xcomp" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in comp.children)
                             or comp.pos_ in ("NOUN", "PROPN")):
        return False
    return True


def opinion_agreement(tok, etype: str, comp, comp_match) -> bool:
    if etype != "AGREE" or tok.lemma_.lower() not in ("agree", "concur"):
        return False
    if comp is None:
        if any((c.dep_ == "prep" and c.lower_ in ("on", "to")) or c.dep_ == "dobj" for c in tok.children):
            return False
        # "Anderson agreed with McLenny"; "Meirmaridou, a psychologist, agrees": one person shares a view
        subj = subject_of(tok)
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or \
            (subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she", "i"))
             and not any(c.dep_ == "conj" for c in subj.children))
    if comp.dep_ == "ccomp" and comp_match is not None and comp_match.entry.type in FORCEFUL and \
            any(c.dep_ == "auxpass" for c in comp_match.tok.children) and \
            {a.lower_ for a in comp_match.tok.children if a.dep_ == "aux"} & DEONTIC:
        return True  # "Republicans who agree that the prison should be closed": a view of what others should do
    # "agreed that their countries should cooperate" is an agreement
    return comp.dep_ == "ccomp" and comp_match is None and \
        (comp.lemma_ == "be" or not ({a.lower_ for a in comp.children if a.dep_ == "aux"} & FUTURE_OR_DEONTIC))
