"""Small reads of the dependency parse that every events module uses: a token's word class for the lexicon,
its lemma, a child by relation, prepositional objects, the tokens just below it and a noun phrase's words."""

from __future__ import annotations

from ..data import word_set
from ..word_classes import first_class


def pos_of(tok) -> str | None:
    """The lexicon's part of speech for a token: V (verb), N (noun), A (adjective) or None."""
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass")):
        return "V"
    if tok.pos_ == "NOUN":
        deps = {c.dep_ for c in tok.children}
        if "nsubj" in deps and deps & {"dobj", "prt", "dative"}:
            return "V"  # a verb the tagger read as a noun, with a subject and an object ("EU and UN HAND over aid")
        return "N"
    if tok.pos_ == "PROPN" and tok.lower_ in ("talks",):
        return "N"
    if tok.pos_ == "ADJ" or (tok.pos_ == "VERB" and tok.dep_ == "acomp"):
        return "A"
    return None


# The model's own irregular verb forms ("overran" -> "overrun"), read once from its lemmatizer by the events
# stage (``use_verb_forms``): a past form the tagger took for a present one keeps itself as its lemma.
_VERB_FORMS: dict[str, str] = {}


def use_verb_forms(nlp) -> None:
    """Read the irregular verb forms of the model's lemmatizer (its ``lemma_exc`` table), once."""
    if _VERB_FORMS:
        return
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    except (KeyError, ValueError, AttributeError):
        return
    from ..word_classes import lemma_index

    verbs = lemma_index(nlp, ("verb",))  # "lay" is a verb of its own, not only the past of "lie"
    _VERB_FORMS.update({form: lemmas[0] for form, lemmas in table.items() if lemmas and form not in verbs})


def lemma(tok) -> str:
    """The token's lemma; for a verb the lemmatizer left as it is, the lemma of its irregular form ("overran");
    for a past form the lemmatizer cut to another word ("staged": "stag"), the lexicon's verb in "-e"."""
    low = tok.lemma_.lower()
    if tok.pos_ == "VERB" and low == tok.lower_:
        return _VERB_FORMS.get(low, low)
    if tok.pos_ == "VERB" and tok.lower_.endswith("ed") and tok.lower_[:-1] == low + "e":
        from .lexicon import by_head

        if (low + "e", "V") in by_head() and (low, "V") not in by_head():
            return low + "e"
    return low


# Prepositions of place the small model tags as adjectives of a following noun it then makes an object
# ("rallied OUTSIDE parliament": "parliament" the object of "rallied").
LOCATIVE_WORDS = frozenset({"outside", "inside", "near", "opposite", "beside", "behind", "across", "around", "along"})


def counts(tok) -> bool:
    """Whether a word is an amount ("thousands", "dozens", "300"; ``events/quantity_nouns.txt``)."""
    return tok.lemma_.lower() in word_set("events/quantity_nouns.txt") or tok.like_num


def counted(tok):
    """What a word for an amount counts ("THOUSANDS of workers": workers), or None."""
    if tok is None or not counts(tok):
        return None
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return child(of, "pobj") if of is not None else None


def near(tok, depth: int = 3):
    """Tokens attached to ``tok`` within ``depth`` arcs below it."""
    frontier = [tok]
    for _ in range(depth):
        nxt = []
        for t in frontier:
            nxt.extend(t.children)
        yield from nxt
        frontier = nxt


def child(tok, *deps):
    """The first child of ``tok`` attached by one of ``deps`` (or None)."""
    return next((c for c in tok.children if c.dep_ in deps), None)


def pobjs(tok, preps):
    """(preposition, object) for each prepositional object of ``tok`` whose preposition is in ``preps``; an
    indirect object ("gave Iran") counts as "to". "On behalf of X" and "for its part" name no one the act is
    done to or with, and are skipped."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj" and not aside(p):
                    yield c.lower_, p
        if c.dep_ == "dative" and c.pos_ != "ADP":
            yield "to", c


def aside(p) -> bool:
    """Whether a prepositional object is "behalf" ("on behalf of X": whom the act is for) or someone's "part"
    ("for its part, X said")."""
    return p.lower_ == "behalf" or p.lower_ == "part" and any(c.dep_ == "poss" for c in p.children)


def np_text(tok) -> str:
    """The words of the noun phrase headed by ``tok``, from its leftmost modifier to the head."""
    end = tok.i + 1
    start = min([tok.i] + [c.left_edge.i for c in tok.children if c.i < tok.i])
    return tok.doc[start:end].text


def for_clause(mark, tok) -> bool:
    """Whether a token is the "for" of an active for-to clause a verb takes ("called FOR Israel to halt its
    offensive"): the clause's subject is who is asked. Not in a passive or copular clause ("called for the agency
    to be wound down", "for Assad to be tried"): its subject is what is to be done to, not who is asked."""
    clause = mark.head
    return mark.dep_ == "mark" and mark.lower_ == "for" and clause.head.i == tok.i and clause.i != tok.i and \
        any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children) and clause.lemma_ != "be" and \
        child(clause, "nsubj") is not None and child(clause, "auxpass") is None


def ally_phrase(prep) -> bool:
    """Whether a prepositional phrase names allies, not whom an act is aimed at: "fought ALONGSIDE government
    forces", "fought ON THE SIDE OF Ukraine", "ON THE UKRAINIAN SIDE"; not things given besides others ("provide
    ammunition alongside humanitarian assistance TO TURKEY")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.lower_ == "alongside":
        return any(o.pos_ in ("PROPN", "PRON") or o.lemma_.lower() in word_set("events/force_nouns.txt")
                   or first_class("noun", o.lemma_.lower()) in ("person", "group") for o in objs)
    return prep.lower_ == "on" and any(o.lemma_.lower() == "side" for o in objs)


def hyphen_pair(tok):
    """The two words of a hyphenated pair that modifies a noun ("INDIA-PAKISTAN talks", "ISRAELI-PALESTINIAN
    talks", "the U.S.-CHINA trade war"), left one first, or None."""
    for c in tok.children:
        if c.dep_ not in ("compound", "amod", "nmod") or c.i > tok.i or c.i < 2:
            continue
        x = c.doc[c.i - 2]
        if c.doc[c.i - 1].tag_ == "HYPH" and x.head.i == c.i and x.dep_ in ("compound", "amod", "nmod"):
            return x, c
    return None
