"""Everyday senses of event words, told by what they are said of: checks ``triggers.choose`` runs before it
lets a lexicon match code an event.

- an attack aimed at something abstract is words, not force ("attacks on his personal LIFE", ``abstract_aim``),
  and abuse of something abstract harms no body ("abused the POWER given to her", ``abstract``)
- support or opposition told of a percentage of people is a poll, not an act ("47 percent say they will support
  Clinton", ``poll_share``)
- what is offered may be words, not an offer ("offered remarks", ``speech``)
- what is accepted may be goods, not an offer ("accepted $200,000", "accepted a gift", ``goods``)
- what is "held" may be a gathering or a firm, not people ("the Dialogue is being held", ``body_held``)
- a call whose object is a quoted word names, it phones no one ("called the Saudis 'free riders'",
  ``quoted_name``)
- a reporting verb after a closing quotation mark attributes the quote ("'...,' recalled the reporter",
  ``inverted_attribution``)
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines, word_set
from ..word_classes import first_class
from .syntax import child, counted, counts, lemma

ABSTRACT = {"communication", "cognition", "attribute", "state", "feeling"}
CLOSING_QUOTES = {'"', "\u201d", "'", "\u2019", "''"}
OWNERSHIP = {"privately", "publicly", "closely", "jointly"}


def noun_class(tok) -> str | None:
    """The WordNet class of a common noun's commonest sense (``word_classes``), or None."""
    return first_class("noun", tok.lemma_) if tok is not None and tok.pos_ == "NOUN" else None


def abstract(tok) -> bool:
    """Whether a noun is no body, place or thing by its commonest WordNet sense ("power", "the truth"), and not
    people's own ("the rights OF THEIR CITIZENS" are theirs)."""
    return noun_class(tok) in ABSTRACT and not any(
        p.dep_ == "prep" and p.lower_ == "of" and any(noun_class(o) in ("person", "group") or o.pos_ == "PROPN"
                                                      for o in p.children if o.dep_ == "pobj") for p in tok.children)


def abstract_aim(tok) -> bool:
    """Whether an attack noun is aimed "on"/"against" something that is no body, place or thing by its commonest
    WordNet sense ("attacks on his personal LIFE", "an assault on DEMOCRACY", "attacks against the PRESS")."""
    return any(p.dep_ == "prep" and p.lower_ in ("on", "against") and
               any(o.dep_ == "pobj" and noun_class(o) in ABSTRACT for o in p.children) for p in tok.children)


SHARES = {"percent", "%", "pct"}


def poll_share(tok) -> bool:
    """Whether a verb, or a verb it is said under, has a percentage of people as subject ("47 PERCENT of Cuban
    Americans say they will support Clinton"): a poll's finding. "A majority of lawmakers rejected the bill" is a
    vote and stays."""
    for v in [tok] + list(tok.ancestors)[:3]:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in SHARES for c in v.children):
            return True
    return False


def speech(obj) -> bool:
    """Whether an object is words said or a view held (``events/speech_nouns.txt``: "remarks", "thoughts")."""
    return obj is not None and obj.pos_ == "NOUN" and obj.lemma_.lower() in word_set("events/speech_nouns.txt")


def goods(obj) -> bool:
    """Whether an object is money or goods owned by its commonest WordNet sense ("$200,000", "millions of
    dollars", "a gift", "donations")."""
    if obj is not None and obj.ent_type_ != "MONEY" and counts(obj):
        obj = counted(obj)
    return obj is not None and (obj.ent_type_ == "MONEY" or noun_class(obj) == "possession")


def body_held(story, tok) -> bool:
    """Whether what is "held" is an organisation or gathering rather than people: an actor of the organization
    kind with no sector ("the Dialogue is being held"), or owned "privately"/"publicly"."""
    if any(c.dep_ == "advmod" and c.lower_ in OWNERSHIP for c in tok.children):
        return True
    obj = child(tok, "dobj", "nsubjpass")
    a = story.actor_at(obj.idx, obj.idx + len(obj)) if obj is not None else None
    return a is not None and a.kind == "organization" and not a.sector


OPENING_QUOTES = {'"', "\u201c", "'", "\u2018", "``"}


def quoted_name(tok) -> bool:
    """Whether a verb's object is a word in quotation marks ("called the Saudis \u201cfree riders\u201d"): a name
    given, as "calls ISIS violence 'genocide'"."""
    obj = child(tok, "dobj", "oprd")
    return obj is not None and any(c.dep_ == "punct" and c.text in OPENING_QUOTES and c.i < obj.i
                                   for c in obj.children)


def inverted_attribution(tok) -> bool:
    """Whether a reporting verb follows a closing quotation mark (and its comma) with no subject before it: the
    speaker comes after it ("'...,' recalled the reporter", "'...,' warned the minister"), and the verb only
    attributes the quote."""
    if tok.i < 1 or lemma(tok) not in _reporting():
        return False
    prev = tok.doc[tok.i - 1]
    if prev.text == "," and tok.i >= 2:
        prev = tok.doc[tok.i - 2]
    return prev.text in CLOSING_QUOTES and not any(c.dep_ == "nsubj" and c.i < tok.i for c in tok.children)


@lru_cache(maxsize=1)
def _reporting() -> frozenset[str]:
    """Speech verbs (``speech_verbs.txt``, events or not: "said", "warned", "recalled") and the verbs of
    indicating and believing of ``events/reporting_verbs.txt``."""
    speech = {line.split("\t")[0] for _, line in read_lines("speech_verbs.txt") if line.split("\t")[-1] == "speech"}
    return frozenset(speech | word_set("events/reporting_verbs.txt"))
