"""Circumstances: what an event happened in or after.

- An event told in a clause of time, cause or condition ("after", "since", "before", "once", "because",
  "while", "if", "even as") or in a phrase of what the news followed, answers or fears ("following", "amid", "in response
  to", "over fears") beside a main-clause event,
  or in a relative clause telling the background of a participant
  ("released Salih Muslim, who Turkey wanted extradited"), is its circumstance and is dropped
  (``circumstances_dropped``).
- A killing or wounding told in a clause beside an attack the sentence aims at someone else ("hit the enclave,
  killing 32 civilians", "an attack on the embassy that killed 17", "two people were killed when ISIL attacked
  the embassy") tells what the attack caused: it is folded into the attack, which keeps the casualties' words
  (``casualties``), and is not coded again (``casualties_folded``); an attack that names no target ("claimed
  responsibility for the bombing that killed 30 people") takes the casualties as its target. Verbs coordinated with the attack ("attacked
  the base and killed five"), attacks with no doer named and killings told in the active beside a clause below
  them ("killed 81, while 67 were abducted") are events of their own.
- A passive killing, attack or arrest with no "by" agent takes its source from the operation or attack it
  happened in ("killed in a police encounter", "killed in an Israeli air strike"; ``force_of_circumstance``);
  an arrest, investigation or sentence with none takes the country it happened in, whose state alone does such
  acts ("was arrested in Egypt", "has been put under investigation in Italy"; ``state_of_place``).
"""

from __future__ import annotations

from ..data import word_set
from .arguments import noun_agent
from .draft import Draft, Work
from .passive import is_passive
from .political import FORCE_SECTORS
from .resolve import Resolved, resolve
from .syntax import child, pobjs
from .triggers import noun_event
from ..word_classes import first_class


# Marks of a clause that tells what came before, led to, went on beside or would set off the sentence's news
# ("cancelled his visit AFTER a state of siege was declared", "urged ... BECAUSE it bars women", "released him
# on bail WHILE he appeals", "will withdraw IF it is asked to by X"): the circumstance, not the news, when the
# main clause codes an event itself.
CIRCUMSTANCE_MARKS = {"after", "since", "before", "once", "because", "while", "if"}
# Prepositions of a phrase on the main verb that tells what the news came after or amid ("cancelled his visit
# FOLLOWING a court order allowing ..."): an event told inside it is the circumstance too. ("after" with a
# noun or gerund is left alone: "was arrested after holding a hostage" tells the deed the news is about.)
CIRCUMSTANCE_PREPS = {"following", "amid", "amidst"}
# Nouns of a phrase on the main verb that tells what the news answers or fears ("IN RESPONSE to its invasion",
# "IN RETURN for its reopening of a probe", "OVER FEARS they were helping ..."): an event inside is its circumstance.
ANSWER_NOUNS = {"response", "return", "retaliation", "reaction", "fear", "concern"}


def _circumstance(tok) -> bool:
    """Whether a trigger sits in an adverbial clause of time marked by ``CIRCUMSTANCE_MARKS`` or in a relative
    clause on a participant (``_describes_participant``)."""
    for t in [tok, *tok.ancestors]:
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_MARKS for m in t.children):
            return True
        if t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as" and
                                     any(e.lower_ == "even" for e in [*m.children, *t.children]) for m in t.children):
            return True  # "launched an assault EVEN AS the Kurds said ...": what went on beside the news
        if t.dep_ == "pobj" and t.lemma_.lower() in ANSWER_NOUNS and t.head.head.pos_ in ("VERB", "AUX"):
            return True  # "imposed sanctions IN RESPONSE to its invasion", "suspended aid OVER FEARS they ..."
        if t.dep_ == "prep" and t.lower_ in CIRCUMSTANCE_PREPS and t.head.pos_ in ("VERB", "AUX"):
            return True  # "cancelled his visit FOLLOWING a court order allowing ...", "AMID an attack"
        if t.dep_ == "relcl" and _describes_participant(t):
            return True
        if t.dep_ == "acl" and t.tag_ == "VBN" and t.i != tok.i and _describes_participant(t):
            return True  # "a man SUSPECTED of carrying out an attack": the deed inside the description
    return False


def _describes_participant(clause) -> bool:
    """Whether a relative clause tells the background of a participant the main clause acts on ("released
    Salih Muslim, WHO TURKEY WANTED EXTRADITED", "condemned white farmers WHO STORMED a court"): not one on a
    deed, which tells the deed itself ("claimed an attack THAT KILLED 14"), nor on words said ("remarks in
    which he offered"), nor on the main clause's subject ("officials WHO ARE ACCUSED of fraud have been
    arrested"), nor one whose doer is a personal pronoun ("freed a reporter IT DETAINED"). A "who" clause is on
    people, whatever noun the parse hangs them on ("condemned a protest by white farmers WHO STORMED a court")."""
    subj = child(clause, "nsubj", "nsubjpass")
    if subj is not None and subj.pos_ == "PRON" and subj.lower_ not in ("who", "which", "that", "whom"):
        return False  # "freed a reporter IT DETAINED": the subject's own earlier deed, told as such
    head = clause.head
    while head.dep_ == "appos":  # "the Caucasus Emirate, a group THAT CARRIED OUT attacks, claimed"
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass"):
        return False
    if any(c.lower_ in ("who", "whom") for c in clause.children):
        return True  # "opened fire on protesters WHO DEFIED a curfew": a clause on people, not on a deed
    while True:  # "a suicide bombing at a mosque, WHICH KILLED 14": the parse hangs it on the deed's place
        if noun_event(head) is not None or any(noun_event(o) is not None for _p, o in pobjs(head, ("of",))):
            return False  # "in the wake OF two bombings ... that killed"
        if first_class("noun", head.lemma_) == "communication":
            return False  # "remarks IN WHICH HE OFFERED": what was said
        if head.dep_ in ("npadvmod", "compound") and head.head.i != head.i:  # "... early Sunday MORNING that"
            head = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head
        else:
            return True


def circumstances_dropped(drafts: list[Draft]) -> list[Draft]:
    """A sentence's drafts without those told as a circumstance of another of its events (``_circumstance``)
    or as what another's attack caused (``casualties_folded``)."""
    if len(drafts) < 2:
        return drafts
    drafts = casualties_folded(drafts)
    main = [d for d in drafts if not _circumstance(d.match.tok)]
    if not any(d.match.tok.dep_ not in ("nsubj", "nsubjpass") for d in main):
        return drafts  # "A strike ... took a new turn after the minister agreed": the main clause tells no act
    return main


def _clause_of(tok):
    """The verb whose clause a trigger sits in: the trigger itself, or the verb an event noun hangs on."""
    while tok.pos_ not in ("VERB", "AUX") and tok.dep_ in ("dobj", "pobj", "prep", "nsubj", "nsubjpass", "compound") \
            and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _linked(inner, outer) -> bool:
    """Whether clause ``inner`` hangs below ``outer`` through a subordinate clause (a participle, relative,
    time or "with" clause), not through coordination."""
    t = inner
    while t.head.i != t.i:
        if t.dep_ == "conj":
            return False
        t = t.head
        if t.i == outer.i:
            return True
    return False


def casualties_folded(drafts: list[Draft]) -> list[Draft]:
    """Drafts without the killings and woundings that tell what another draft's attack caused (see the
    module); the attack keeps their targets' words as ``casualties``."""
    casualty = word_set("events/casualty_verbs.txt")
    out = []
    for d in drafts:
        tok = d.match.tok
        attack = None
        if d.type == "ASSAULT" and d.match.entry.pos == "V" and tok.lemma_.lower() in casualty:
            for o in drafts:
                if o is d or o.type != "ASSAULT" or not o.source.actors or \
                        (o.target.actors and not set(o.target.ids()) - set(o.source.ids())) or \
                        o.match.tok.lemma_.lower() in casualty:
                    continue
                here = _clause_of(o.match.tok)
                # the attack told below the casualties only when they are the passive's subject ("two people
                # were killed when ISIL attacked"): "X killed 81, while 67 were abducted" tells two deeds
                if _linked(tok, here) or (o.match.tok.i != tok.i and is_passive(tok) and _linked(here, tok)):
                    attack = o
                    break
        if attack is None:
            out.append(d)
            continue
        victims = child(tok, "dobj", "nsubjpass")  # "killing 32 CIVILIANS", "AT LEAST TWO PEOPLE were killed"
        if victims is None and tok.dep_ == "xcomp":  # "with THREE LAWMAKERS reported killed"
            victims = child(tok.head, "nsubj", "nsubjpass")
        words = [victims.doc[victims.left_edge.i:victims.right_edge.i + 1].text] if victims is not None else \
            [tok.doc.text[s:e] for s, e in d.target.at.values()]
        attack.attrs.setdefault("casualties", []).extend(words)
        if not attack.target.actors and d.target.actors:  # "claimed responsibility for the bombing that killed
            attack.target = d.target  # 30 people": whom the attack hit, when it names no one itself
    return out


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


STATE_ACTS = {("COERCE", "arrest"), ("ACCUSE", "investigate"), ("SANCTION", "convict")}


def state_of_place(w: Work, d: Draft, where) -> None:
    """An agentless passive arrest, investigation or sentence done "in" a country ("a British journalist was
    arrested in Egypt", "was put under INVESTIGATION in Italy"): the country, whose state alone arrests,
    investigates or sentences there, is the source. (A city names no source here.)"""
    if (d.type, d.mode) not in STATE_ACTS or d.source.actors or d.match.entry.pos != "V":
        return
    kids = list(where.children)
    if not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return
    heads = kids + [c for t in d.match.extra for c in t.children]  # "put under investigation IN ITALY"
    for noun in (c for p in heads if p.dep_ == "prep" and p.lower_ == "in" for c in p.children if c.dep_ == "pobj"):
        if noun.ent_type_ != "GPE":
            continue
        countries = [a for a in resolve(w.story, noun).actors if a.kind == "country"]
        if countries and not set(a.id for a in countries) & set(d.target.ids()):
            d.source = Resolved(actors=countries[:1])
            d.attrs["source_from"] = "place"
            return
