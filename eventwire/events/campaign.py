"""Campaign reporting: what a candidate does with their own race is no event between actors.

"Rubio suspended his campaign", "she withdrew from the race", "Christie opted to suspend his bid" (a SANCTION or
RETREAT by the word alone) and "the party had to defend more seats" (a SUPPORT) tell a candidate or party
campaigning, not one side acting on another (``events/race_words.txt``). "The party's declining appeal to women" is how
much voters like it, no request (an appeal qualified by how broad, great or electoral it is). "Quit giving paid
speeches" stops a habit,
no resignation. A race word that names another actor inside its phrase ("suspended his campaign against Rivas")
or another's race ("endorsed her candidacy", a SUPPORT of a candidate) stays.
"""

from __future__ import annotations

from ..data import word_set
from .syntax import lemma

LEAVING = {"SANCTION", "RETREAT", "CONCEDE"}
OWN = {"his", "her", "their", "its", "my", "our"}
# Participles that work as prepositions ("Leader Quits FOLLOWING Corruption Accusations" resigns).
PREPOSITIONAL = {"following", "including", "regarding", "concerning", "amid", "pending", "during"}


def _race_object(tok):
    """The race word a verb acts on: its object or the object of its "from" ("withdrew from the race")."""
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            return c
        if c.dep_ == "prep" and c.lower_ == "from":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def own_race(story, tok, entry) -> bool:
    """Whether a verb's event is a candidate's own campaigning (see the module docstring)."""
    if entry.pos != "V":
        return False
    if entry.type == "RETREAT" and entry.mode == "resign" and \
            any(c.dep_ in ("xcomp", "ccomp", "dobj") and c.tag_ == "VBG" and c.i == tok.i + 1
                and c.lower_ not in PREPOSITIONAL for c in tok.children):
        return True  # "quit giving paid speeches": a habit stopped
    if entry.type not in LEAVING and not (entry.type == "SUPPORT" and lemma(tok) == "defend"):
        return False
    obj = _race_object(tok)
    if obj is None or obj.lemma_.lower() not in word_set("events/race_words.txt"):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("against", "for", "on", "to") for c in obj.children):
        return False  # "suspended its campaign against the rebels"
    poss = next((c for c in obj.children if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ not in OWN:
        return False  # "suspended Kasich's campaign": done to another
    lo = poss.idx + len(poss) if poss is not None else obj.left_edge.idx
    hi = obj.idx + len(obj)  # "defend more SEATS than its rivals": the seats only
    return not any(lo <= m.start and m.end <= hi for a in story.actors for m in a.mentions)


# Words that grade an appeal as a draw, not a plea ("broad appeal", "the party's DECLINING appeal to women").
DRAW = {"broad", "broader", "wide", "wider", "widespread", "growing", "declining", "waning", "fading", "limited",
        "popular", "mass", "electoral", "enduring", "crossover", "universal", "general", "sex", "emotional"}


def appeal_as_draw(tok, entry) -> bool:
    """Whether the noun "appeal" names how much people like someone (see the module docstring)."""
    if entry.pos != "N" or entry.type != "REQUEST" or lemma(tok) != "appeal":
        return False
    return any(c.dep_ in ("amod", "compound") and c.lower_ in DRAW for c in tok.children) and \
        not any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children)
