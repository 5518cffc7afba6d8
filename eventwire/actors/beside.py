"""What stands beside an actor noun and decides whose it is (for ``nominals``): a body or an unknown leader
named right before it ("the KRG government", "the Maltravers administration"), a place before it ("Texas
lawmakers"), the body of its sector named last ("Hamas militants ... the militants"), and whether the article's
focus country does something to it ("U.S. troops killed two militants": not American)."""

from __future__ import annotations

from .places import city_country, place_before
from .senses import body_sector
from .work import Mention, Work


def named_body_before(w: Work, head, s: int) -> Mention | None:
    """An organisation named by spaCy (not the knowledge base) right before an actor noun and modifying it:
    "the KRG government" is the KRG's, not the article's country's."""
    for m in w.mentions:
        if m.end == s and m.how == "name" and m.kind in ("organization", "group") and m.entry is None and \
                w.doc[m.end - 1].dep_ in ("compound", "nmod") and w.doc[m.end - 1].head.i == head.i:
            return m
    return None


def unknown_leader(w: Work, head, s: int) -> Mention | None:
    """A person's name of no known country right before a government noun and modifying it ("the Maltravers
    administration", "the Okafor government")."""
    for m in w.mentions:
        if m.end == s and m.kind == "person" and m.how == "name" and not (m.entry and m.entry.country) and \
                not m.country and w.doc[m.end - 1].dep_ in ("compound", "nmod") and w.doc[m.end - 1].head.i == head.i:
            return m
    return None


def done_to_by_focus(w: Work, head) -> bool:
    """Whether a noun is the object of a verb whose subject is of the article's focus country: "U.S. troops
    killed two MILITANTS" are not American for being in an American story (the focus country is the doer's)."""
    for _ in range(4):  # "freed 74 leaders and MEMBERS of a rebel group": as the first of them
        head = head.head if head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN") else head
    if head.dep_ != "dobj" or head.head.pos_ != "VERB":
        return False
    verb = head.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for _ in range(3):  # "Ethiopia let FREE 74 political leaders", "troops stormed and OCCUPIED": the doer above
        if subj is not None or verb.dep_ not in ("ccomp", "xcomp", "conj") or verb.head.pos_ not in ("VERB", "AUX") \
                or any(c.dep_ == "dobj" for c in verb.head.children):
            break
        verb = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    lo, hi = subj.left_edge.i, subj.i + 1
    return any(lo <= m.start and m.end <= hi and (m.entry.country if m.entry else m.country) == w.focus
               for m in w.mentions)


def place_before_noun(w: Work, left: int, s: int) -> tuple[str, str] | None:
    """The country of a place named before an actor noun that the knowledge base does not know as a country
    ("New Jersey police officers", "Texas lawmakers"): (the gazetteer's country of spaCy's place entity, the
    place's name)."""
    doc = w.doc
    for t in doc[left:s]:
        if t.ent_type_ in ("GPE", "LOC") and t.i not in w.name_at:
            ent = next((x for x in doc.ents if x.start <= t.i < x.end), None)
            if ent is not None and ent.end <= s:
                country = city_country(ent.text, w.focus)
                if country:
                    return country, ent.text
    return place_before(w, left, s)  # no place entity: capitalised words naming a state ("the PUNJAB Police")


def same_sector_before(w: Work, before: int, sector: str | None) -> Mention | None:
    """The last body (not a person) of this sector (any organisation or group for None) mentioned before a
    token, within five sentences."""
    doc = w.doc
    sent_start = doc[before].sent.start
    best = None
    for m in w.mentions:
        if m.start >= before or not m.body or m.kind in ("person", "place"):  # "Texas sued the administration"
            continue
        if sector is None and (m.kind not in ("organization", "group") or m.how == "nominal"):
            continue
        if sector and (body_sector(w, m) != sector or (m.entry and m.entry.kind == "country" and sector != "GOV")):
            continue  # "Queensland Police ... the officers": the police's sector
        if best is None or m.start > best.start:
            best = m
    if best is None:
        return None
    sents, k = 0, sent_start
    while k > best.start and sents <= 5:
        k = doc[k - 1].sent.start
        sents += 1
    return best if sents <= 5 else None
