"""Whose a nominal deed is: a person's possessive on a deed done to people names who undergoes it.

"Navalny's ARREST sparked protests", "his DETENTION", "the general's KILLING angered Iran": the possessor is
the deed's target and no source is read from it (``undergone_nouns.txt``). The possessor stays the doer when
the noun names its own object ("the regime's arrest OF the journalist"), when a "by" phrase names the doer
anyway, and when it is no person ("Iran's executions", "the army's capture of the town").
"""

from __future__ import annotations

from ..data import word_set
from .syntax import child, pobjs

PERSONAL = {"his", "her", "their", "my", "our", "your"}


def undergoer(tok, story=None):
    """The possessor token of an event noun when that possessor undergoes the deed, else None. With the story,
    a name the actors stage knows as a person counts too ("NAVALNY's arrest", which the parser tags ORG)."""
    poss = child(tok, "poss")
    if poss is None or tok.lemma_.lower() not in word_set("events/undergone_nouns.txt"):
        return None
    if any(p == "of" for p, _c in pobjs(tok, ("of",))):
        return None
    if poss.lower_ in PERSONAL or poss.ent_type_ == "PERSON" or \
            (poss.pos_ == "NOUN" and any(c.dep_ in ("det", "poss", "amod") for c in poss.children)
             and poss.ent_type_ == "" and _person_noun(poss)):
        return poss
    if story is not None and poss.pos_ == "PROPN" and poss.ent_type_ not in ("GPE", "NORP", "LOC"):
        from .resolve import resolve

        found = resolve(story, poss).actors
        return poss if found and all(a.kind == "person" for a in found) else None
    return None


def _person_noun(tok) -> bool:
    from .senses import noun_class

    return noun_class(tok) == "person"


def own_possessor(tok, story=None):
    """The possessor token of an event noun that does the deed: none for someone's kin ("Karzai's BROTHER") or
    a person undergoing it ("Navalny's ARREST")."""
    from .resolve import kin_noun

    return None if kin_noun(tok) or undergoer(tok, story) is not None else child(tok, "poss")


def undergone_by(tok, story=None) -> list:
    """[("'s", possessor)] when a person's possessive names who undergoes an event noun, else []."""
    under = undergoer(tok, story)
    return [("'s", under)] if under is not None else []
