"""Giving goods to someone is aid: "gave 300 rifles to the police" (military aid, 072), "sent food, tents and
medicine to Chad" (humanitarian aid, 073), "gave $5 million to Uganda" (economic aid, 071).

A verb of handing over (``events/transfer_verbs.txt``) codes AID when its object names goods
(``events/aid_goods.tsv``: the object itself, a coordinated noun, or what follows "of" in "13 tons of medicine",
"a team of medical experts, equipment and drugs") and a recipient is named ("to"/"into" or an indirect object).
Without a recipient ("the firm shipped 300 rifles") nothing is coded here. The CAMEO code is that of the first
goods word found; the type is always AID.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines, word_set
from .draft import Match
from .lexicon import Entry, by_head
from .syntax import child, lemma

CURRENCY = {"$", "€", "£", "¥", "us$"}
NAMED = ("GPE", "NORP", "ORG", "LOC")  # entities that name a recipient in a clause of purpose
HELPING = ("AID", "SUPPORT", "LIGHT")  # types of a clause of purpose that says what a gift is for
# Nouns for an amount or a batch of something: the goods are what follows "of" ("tons of medicine").
CONTAINERS = {"ton", "tonne", "team", "shipment", "consignment", "batch", "package", "load", "truckload",
              "planeload", "kilogram", "kg", "box", "crate", "bag", "lot", "range", "quantity", "amount",
              "number", "dozen", "hundred", "thousand", "million", "billion", "worth", "set", "convoy", "round",
              "%", "percent", "share", "half", "third", "most", "all", "part",  # "94% OF military equipment"
              "some", "many", "much", "several", "more", "rest", "bulk", "majority"}  # "SOME OF its drones"


@lru_cache(maxsize=1)
def goods() -> dict[str, str]:
    """Goods noun lemma -> CAMEO code of giving it (``events/aid_goods.tsv``)."""
    out = {}
    header = True
    for _n, line in read_lines("events/aid_goods.tsv"):
        if header:
            header = False
            continue
        word, code = (c.strip() for c in line.split("\t"))
        out[word] = code
    return out


def _goods_code(obj) -> str | None:
    """The CAMEO code of the goods an object names, or None."""
    seen, todo = set(), [obj]
    while todo:
        t = todo.pop(0)
        if t.i in seen or len(seen) > 12:
            continue
        seen.add(t.i)
        if t.lower_ in CURRENCY or t.tag_ == "$":
            return "071"
        code = goods().get(lemma(t)) or goods().get(t.lower_)
        if code:
            return code
        todo.extend(c for c in t.children if c.dep_ in ("conj", "appos"))
        todo.extend(c for c in t.children if c.dep_ == "nmod" or c.dep_ == "compound" and c.lower_ in CURRENCY)
        if lemma(t) in CONTAINERS or t.like_num or t.pos_ == "NUM":
            todo.extend(g for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children if g.dep_ == "pobj")
        if t.pos_ == "NUM":
            todo.extend(c for c in t.children)
    return None


def _recipient(tok, obj) -> bool:
    """Whether the giving names a recipient: "to"/"into" on the verb or the object, an indirect object, or a
    clause of purpose that names a country, people or a body ("gave 5 million euros TO HELP FLOOD VICTIMS IN
    SOMALIA"; not "paid $500 to buy a car")."""
    if any(_purpose(c) and any(t.ent_type_ in NAMED for t in c.subtree) for c in (*tok.children, *obj.children)):
        return True
    for c in obj.subtree:  # "sent supplies and personnel such as doctors to Nepal"
        if c.dep_ == "prep" and c.lower_ in ("to", "into") and child(c, "pobj") is not None:
            return True
    for head in (tok, obj):
        for c in head.children:
            if c.dep_ == "dative" and c.pos_ != "ADP":
                return True
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into") and child(c, "pobj") is not None:
                return True
    return False


def _purpose(c) -> bool:
    """Whether a clause is a "to" clause of purpose after what is given that tells what the gift is for ("gave
    money TO HELP ...", "2 million dollars TO PROMOTE investment"), not an act of its own ("provided experts TO
    TRAIN the police": a cooperation)."""
    if c.dep_ not in ("advcl", "xcomp", "relcl", "acl") or c.i < c.head.i or \
            not any(x.dep_ == "aux" and x.tag_ == "TO" for x in c.children):
        return False
    return all(e.type in HELPING for e in by_head().get((lemma(c), "V"), ()))


def match(tok) -> Match | None:
    """An AID match for a verb of handing over with goods and a recipient, or None."""
    if tok.pos_ != "VERB" or lemma(tok) not in word_set("events/transfer_verbs.txt"):
        return None
    obj = child(tok, "dobj", "nsubjpass")
    if obj is None:
        return None
    code = _goods_code(obj)
    if code is None or not _recipient(tok, obj):
        return None
    forces = word_set("events/force_nouns.txt")
    if any(lemma(t) in forces for t in obj.subtree if t.pos_ == "NOUN"):
        return None  # "sent vehicles and a team of paratroopers to Lebanon": a deployment, not aid
    return Match(tok, Entry(lemma(tok), (), "V", "AID", "", code, "sv", 0), [])
