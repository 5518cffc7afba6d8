"""Which sense an actor noun has here: a civil "officer" or a soldier or a policeman, a political "party" or a
gathering, an oil "major" or an army one. Nouns of the knowledge base's ``agents.tsv`` name actors in most news,
but the words around them can say otherwise."""

from __future__ import annotations

from ..data import word_set
from ..word_classes import first_class

from .work import Work


def civil_office(w: Work, head) -> bool:
    """Whether a word right before "officer" names a civil office: one not in ``actors/officer_words.txt``,
    no name or demonym, no number ("press officer", "chief executive officer", "food safety officer")."""
    keep = word_set("actors/officer_words.txt")
    return any(c.dep_ in ("compound", "amod") and c.i < head.i and c.lower_ not in keep and c.i not in w.name_at
               and c.i not in w.agents  # "STATION HOUSE officer" is a police rank of its own
               and c.ent_type_ not in ("NORP", "GPE", "CARDINAL") and c.pos_ in ("NOUN", "ADJ")
               for c in head.children)


def other_sense(w: Work, head) -> bool:
    """Whether an actor noun names no actor here: a civil "officer", a gathering "party", an oil "major"."""
    lemma = head.lemma_.lower()
    return (lemma == "officer" and civil_office(w, head)) or (lemma == "party" and social_party(head)) \
        or (lemma in ("major", "captain") and any(c.dep_ in ("compound", "poss") and c.i not in w.agents
                                                  and (c.is_lower or c.dep_ == "poss") for c in head.children))


def social_party(head) -> bool:
    """Whether "party" is a gathering: a lower-case noun before it whose commonest WordNet sense is a time,
    food, thing or happening ("holiday", "birthday", "dinner", "pool", "victory party"; not "opposition",
    "labour", "ruling" or a capitalised name like "Tea Party"; "Christmas", a date, counts)."""
    return any(c.dep_ == "compound" and c.i < head.i and (c.is_lower or c.ent_type_ in ("DATE", "EVENT"))
               and first_class("noun", c.lemma_) in ("time", "food", "artifact", "event") for c in head.children)


SECURITY = ("COP", "MIL")


def context_sector(w: Work, head, s: int, sector: str) -> str:
    """The sector of an "officer" the text does not qualify: the police's when the last police or military body
    named before it, within five sentences, is the police ("The Delhi Police registered a case. OFFICERS later
    detained two men"), or with none before, the first named after it in its sentence; else the knowledge
    base's (a soldier, as in "the army said officers had been sent")."""
    if sector not in SECURITY or head.lemma_.lower() != "officer" or head.i != s:
        return sector
    doc = w.doc
    first = doc[s].sent.start
    for _ in range(5):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    found = [(m.start, body_sector(w, m)) for m in w.mentions if m.kind != "place"] + \
        [(a, w.kb.agents.get(doc[a:b].text.lower(), (None,))[0]) for a, b in w.agents.values()]
    before = [(a, x) for a, x in found if first <= a < s and x in SECURITY]
    if before:
        return max(before)[1]
    end = doc[s].sent.end  # "Two OFFICERS were hurt, police said": a body later in the same sentence
    return min([(a, x) for a, x in found if s < a < end and x in SECURITY], default=(0, sector))[1]


def body_sector(w: Work, m) -> str | None:
    """A mention's sector, or for a body named by spaCy and not yet placed, its head noun's ("Queensland
    POLICE", "the Glasgow POLICE Department")."""
    sector = m.entry.sector if m.entry else m.sector
    if sector is None and m.kind in ("organization", "group"):
        last = w.doc[m.end - 1]
        if last.lower_ in w.kb.state_bodies and m.end - m.start > 1:
            last = w.doc[m.end - 2]  # the word before "Department", "Bureau"
        sector = w.kb.agents.get(last.lemma_.lower(), (None,))[0] if last.pos_ in ("NOUN", "PROPN") else None
    return sector
