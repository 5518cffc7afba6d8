"""A killing, shooting or wounding of people singled out for who they are is a targeted killing (PLOVER 2.0
ASSAULT "targeted", assassination): "gunmen shot dead a JOURNALIST", "a LAWMAKER was killed in an attack",
"security forces killed a HOSTAGE", "the killing of a rebel COMMANDER", "a MEMBER of parliament was shot",
"gunmen killed JOHN SMITH" (``targeted_modes``).

An attack whose trigger or weapon gives a mode of its own keeps it (a drone strike, a car bomb, a beating, an
abduction); one told only with guns (firearms) or with no means takes "targeted" when whom it hit is a person of
note (``data/events/targeted_persons.txt``) or a person named. Soldiers, police, civilians and crowds are shot
in fighting and riots, and keep their mode.
"""

from __future__ import annotations

from ..data import word_set
from . import ontology
from .draft import Draft
from .passive import is_passive, patient_of

# Modes an attack on a person of note gives way to: told by guns alone, or by nothing.
PLAIN = ("", "firearms")
# Bodies whose "member" is a person of note ("a member of parliament", "a member of the ruling party").
MEMBERSHIP = {"parliament", "party", "congress", "senate", "assembly", "council", "cabinet", "government"}
# Prepositions of an event noun that name whom it hit ("the killing OF a hostage", "an attack ON a lawmaker").
HIT = ("of", "on", "against")
# Prepositions of a verb that name whom it was aimed at ("opened fire AT the reporter", "fired ON a journalist").
AIMED = ("at", "on")


def targeted_persons() -> frozenset[str]:
    """Nouns for people of note (``data/events/targeted_persons.txt``)."""
    return word_set("events/targeted_persons.txt")


def _victims(tok) -> list:
    """Whom an attack hit as the parse tells it: a passive verb's patient, an active verb's object, an event
    noun's "of", "on" or "against" object or possessor; each with the nouns coordinated with it."""
    if tok.pos_ == "VERB" and is_passive(tok):
        first = [patient_of(tok)]
    elif tok.pos_ == "VERB":  # "shot A REPORTER", "opened fire AT THE REPORTER", "fired on A JOURNALIST"
        first = [c for c in tok.children if c.dep_ == "dobj"] + \
            [g for p in tok.children if p.dep_ == "prep" and p.lower_ in AIMED for g in p.children if g.dep_ == "pobj"]
    else:
        first = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in HIT for g in p.children
                 if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "poss"]
    out = []
    for v in first:
        if v is not None:
            out += [v, *v.conjuncts]
    return out


def of_note(noun) -> bool:
    """Whether a noun names a person of note: a word of the list, a member of a parliament or party, a name."""
    low = noun.lemma_.lower()
    if low in targeted_persons():
        return True
    if low == "member":
        return any(g.lemma_.lower() in MEMBERSHIP for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pobj")
    return noun.pos_ == "PROPN" and noun.ent_type_ == "PERSON"


def targeted_modes(drafts: list[Draft]) -> None:
    """Give each ASSAULT of a sentence told by guns or by nothing on a person of note the "targeted" mode. One
    act told with coordinated verbs is read whole: "gunmen SHOT and KILLED a journalist" (the victim is the
    object of the last verb) is one targeted killing; "KIDNAPPED and killed a mayor" stays the abduction."""
    assaults = [d for d in drafts if d.type == "ASSAULT"]
    pronoun_only = []
    for d in assaults:
        if (d.mode or "") not in PLAIN:
            continue
        tok = d.match.tok
        told = [tok, *(tok.conjuncts if tok.pos_ == "VERB" else ())]
        if any((o.mode or "") not in PLAIN for o in assaults if o is not d and
               (o.match.tok in told or d.target.actors and set(o.target.ids()) == set(d.target.ids()))):
            continue  # an abduction, beating or bombing told beside it, or done to the same people, is what the
            # act was ("Mayor Kidnapped, Killed")
        victims = [v for t in told for v in _victims(t)]
        if any(of_note(v) for v in victims):
            d.mode, d.cameo = "targeted", ontology.cameo_for("ASSAULT", "targeted")  # CAMEO 186, assassinate
        elif victims and all(v.pos_ == "PRON" for v in victims):
            pronoun_only.append(d)
    if any(d.mode == "targeted" for d in assaults):
        for d in pronoun_only:  # "a LEADER was killed when gunmen shot HIM down": the same killing
            d.mode, d.cameo = "targeted", ontology.cameo_for("ASSAULT", "targeted")
