"""The weapon an attack is told with gives its mode when the trigger gives none (``weapon_mode``): "attacked by
militiamen ARMED WITH MACHETES" (primitive), "killed in a CAR BOMB explosion", "a MINEFIELD explosion killed two"
(explosives), "fighter JETS struck the town" (aerial). The weapons and their modes are
``data/events/weapon_modes.tsv``, after the PLOVER 2.0 manual's table of ASSAULT modes.

Only the attack's own means and doer are read: a "with", "using", "by", "in" or "from" phrase of the trigger, the
attack whose responsibility is claimed ("claimed responsibility for the ROCKET attack"), its subject or "by"
agent, the words that modify them, and what that doer is "armed with". The object is what was
attacked ("attacked a TANK"), never a weapon.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines
from .consume import CLAIMED
from .draft import Draft

MEANS = ("with", "using", "by", "in", "from")
MODIFIERS = ("compound", "amod", "nmod")


@lru_cache(maxsize=1)
def weapon_modes() -> dict[str, str]:
    """Weapon lemma -> PLOVER ASSAULT mode (``data/events/weapon_modes.tsv``)."""
    return dict(line.split("\t")[:2] for _, line in read_lines("events/weapon_modes.tsv"))


def _named(noun) -> str | None:
    """The mode of the weapon a noun or the words modifying it name ("a car BOMB explosion", "RUSSIAN JETS")."""
    table = weapon_modes()
    for t in (noun, *(c for c in noun.children if c.dep_ in MODIFIERS)):
        if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            continue
        mode = table.get(t.lemma_.lower()) or table.get(t.lower_)
        if mode:
            return mode
    return None


def _means(tok):
    """The nouns of the "with", "using", "by", "in" or "from" phrases of a word (the "by" agent too)."""
    for p in tok.children:
        if p.dep_ in ("prep", "agent") and p.lower_ in MEANS or p.dep_ == "acl" and p.lower_ == "using":
            yield from (c for c in p.children if c.dep_ in ("pobj", "dobj"))


def _armed_with(noun):
    """What a doer is "armed with" ("militiamen ARMED WITH machetes")."""
    for c in noun.children:
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() == "arm":
            yield from _means(c)


def weapon_mode(d: Draft) -> None:
    """Give an ASSAULT with no mode the mode of the weapon its means or doer names."""
    if d.type != "ASSAULT" or d.mode:
        return
    tok = d.match.tok
    doers = [c for c in tok.children if c.dep_ == "nsubj"] + \
        [g for p in tok.children if p.dep_ == "agent" for g in p.children if g.dep_ == "pobj"]
    claimed = [g for o in tok.children if o.dep_ == "dobj" and o.lemma_.lower() in CLAIMED
               for p in o.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children if g.dep_ == "pobj"]
    for noun in [*_means(tok), *claimed, *doers]:
        mode = _named(noun) or next((m for w in _armed_with(noun) if (m := _named(w))), None)
        if mode:
            d.mode = mode
            return
