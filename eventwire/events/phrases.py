"""The noun phrase an argument is named in: "the head of rights group Amnesty International" around the mention
"head", "dozens of Islamic State fighters" around "fighters", "the Saudi airport of Abha" around "Saudi".

An event records, beside the mention of each source and target actor (``source_spans``, ``target_spans``), the
whole phrase that mention heads or modifies (``source_phrases``, ``target_phrases``): from the mention up
through the words that modify a noun (compounds, adjectives, possessors, appositions, numbers) and an "of" phrase
("the head of the group", "dozens of fighters"), never into an event noun ("Karzai's OFFER" stays "Karzai"); then
the head's words to the left, and to the right its words up to the first comma, clause, coordination or
prepositional phrase other than "of", "including", "from" (where people come from: "refugees from Myanmar") and
"in"/"at" a named place ("a court in Bishkek", "militants in South Waziristan"; a time, "in June", is not). A
"from" or place phrase stops before names coordinated with its object ("diplomats from Poland, Germany and
Sweden": the others are participants of their own). This is how news annotation marks participants (whole noun
phrases), while the mention is how the actors stage names them.
"""

from __future__ import annotations

from ..word_classes import first_class
from .syntax import hyphen_pair
from .triggers import noun_event

CLIMB = ("compound", "amod", "nmod", "poss", "flat", "nummod", "appos")
RIGHT_PREPS = ("of", "including", "from")  # "the Government OF TURKEY", "groups INCLUDING X and Y", "refugees FROM
# Myanmar" (where people come from names them); besides these only "in"/"at" a named place (``_named_place``)
CUT = ("relcl", "acl", "advcl", "cc", "conj", "punct", "parataxis")


def _noun(tok, trigger_i) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.i != trigger_i and noun_event(tok) is None


def phrase_around(doc, start: int, end: int, trigger_i: int = -1) -> tuple[int, int]:
    """(start, end) characters of the noun phrase around the mention at ``start``-``end``."""
    sp = doc.char_span(start, end, alignment_mode="expand")
    if sp is None or not len(sp):
        return start, end
    t = sp.root
    if trigger_i >= 0 and t in (hyphen_pair(doc[trigger_i]) or ()):
        return start, end  # a side of "Kenya-Uganda talks" is its own word
    while t.head.i != t.i:
        h = t.head
        if t.dep_ in CLIMB and _noun(h, trigger_i):
            t = h
        elif t.dep_ == "pobj" and h.lower_ == "of" and _noun(h.head, trigger_i) and h.head.i < h.i:
            t = h.head
        else:
            break
    lo = t.left_edge
    hi = t
    for c in t.rights:
        if c.dep_ in CUT or (c.dep_ == "prep" and c.lower_ not in RIGHT_PREPS and not _named_place(c)) or \
                c.left_edge.i != hi.i + 1 or _deed_of(c) and not c.left_edge.idx <= start < c.right_edge.idx + 1:
            break  # a clause, a coordination, another phrase, or words of the clause in between
        hi = _origin_end(c) if c.lower_ in ("from", "in", "at") else c.right_edge
    if trigger_i >= 0 and lo.i <= trigger_i <= hi.i:  # never across the event's own word
        return start, end
    return min(start, lo.idx), max(end, hi.idx + len(hi.text))


def _deed_of(prep) -> bool:
    """Whether an "of" phrase names a deed, not a part or a whole: what someone is accused of, which the parse
    hung on the accused ("accused the army OF KILLING CIVILIANS", "accused the government OF ECONOMIC
    MISMANAGEMENT"): a gerund, or a common noun for an act that is no event of the lexicon (not "the victims OF THE
    ATTACK")."""
    if prep.lower_ != "of":
        return False
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None or obj.dep_ == "pcomp":
        return obj is not None
    return obj.pos_ == "NOUN" and noun_event(obj) is None and \
        (obj.tag_ == "VBG" or first_class("noun", obj.lemma_.lower()) == "act")


def _origin_end(prep):
    """The last token of a "from" or place phrase, before any names coordinated with its object ("diplomats from POLAND,
    Germany and Sweden": the others are participants of their own)."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None:
        return prep.right_edge
    hi = obj
    for c in obj.rights:
        if c.dep_ in CUT:
            break
        hi = c.right_edge
    return hi


def _named_place(prep) -> bool:
    """Whether a prepositional phrase names the place a participant is in ("a court IN BISHKEK", "militants IN
    SOUTH WAZIRISTAN", "people in SERB-HELD PARTS OF BOSNIA"): "in"/"at" with an object whose own words name a
    place, and that is no time and no event ("killed 52 people in coordinated ATTACKS in London")."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ not in ("in", "at") or obj is None or obj.ent_type_ in ("DATE", "TIME") or noun_event(obj):
        return False
    return any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in _within(obj))


def _within(tok):
    """A noun's own words, not those of a clause on it ("the situation WHICH HE FACES IN BOLIVIA")."""
    yield tok
    for c in tok.children:
        if c.dep_ not in CUT:
            yield from _within(c)
