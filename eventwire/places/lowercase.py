"""Place names in a text written without capitals, where the model finds few: a gazetteer scan that keeps
a name only where its size and its company make it a place ("flooding in albany", "vancouver police")."""

from __future__ import annotations

from functools import cache

from ..model import Story
from . import index
from .index import Gazetteer
from .spelling import DOTTED
from .tokens import doc_tokens, scan, usable_at
from .vocabulary import DIVISION_WORDS, first_names, person_titles, word_list


SURNAME_TOWN = 200_000  # a town smaller than this is no place where its name is a surname of the article
LOWER_CASE_CITY = 300_000  # a city this big is read anywhere in text without capitals, if its name is no plain word


@cache
def _common_words() -> frozenset[str]:
    """English words used as verbs, adjectives or adverbs (lower case): WordNet's lists as the spaCy model's
    rule lemmatizer ships them (``lemma_index``); none when the model has no such table."""
    from ..nlp import load
    from ..word_classes import lemma_index

    return lemma_index(load(), ("verb", "adj", "adv"))


def lower_case_names(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Place names in a text without capitals: the longest run of up to four words the gazetteer knows
    (not a verb, pronoun or function word, not in a person's name nor after a person's title, not a town's
    name the article writes after a common first name, "ashley sutton", unless after "in", "at"), kept when it is a country, region or
    continent by its own name, a state after a locative preposition or tagged as a proper noun, a county or
    district written with its division word ("troup county"), a city of
    100,000 tagged as a proper noun, any town of 5,000 after a locative preposition ("flooding in
    albany"), or a city of a million anywhere. Abbreviations ("man." for Manitoba) are not read here."""
    doc = story.doc
    tokens = doc_tokens(doc)
    text = story.text

    def _after_title(i: int) -> bool:
        # "mr paterson", "mayor virginia raggi", "lt. gov. ...": a person's name after a title (of one to
        # three tokens; not a word English also uses otherwise: "a major texas city", "general")
        for k in (1, 2, 3):
            if i - k < 0:
                break
            words = text[tokens[i - k].idx:tokens[i - 1].idx + len(tokens[i - 1])].lower()
            if words in person_titles() and words.strip(".") not in _common_words():
                return True
        return False

    # the words written after a common first name ("ashley sutton", "scott pruitt"): surnames, wherever else
    # the article writes them alone ("sutton goes into the season")
    names = first_names()
    surnames = {tokens[j + 1].lower_ for j in range(len(doc) - 1) if tokens[j].lower_ in names
                and tokens[j + 1].is_alpha and not tokens[j + 1].is_stop and tokens[j + 1].lower_ not in names}

    def a_surname(i: int, cands: list) -> bool:
        prev = tokens[i - 1].lower_ if i > 0 else ""
        return tokens[i].lower_ in surnames and prev not in ("in", "at", "near", "outside") and all(
            e.feature in ("city", "admin2") and e.population < SURNAME_TOWN for e, _ in cands)

    def at(i: int):
        tok = tokens[i]
        if i not in taken and usable_at(story, tok.idx) and (DOTTED.fullmatch(tok.text) or tok.lower_ == "us" and (
                tok.pos_ == "PROPN" or (i > 0 and tokens[i - 1].lower_ == "the"))):
            # "u.s.", "u.k.", and "us" read as a name ("us officials", "the us"), not the pronoun
            cands = [(e, p) for e, p in gaz.lookup(tok.text) if p and e.feature == "country"]
            if cands:
                return (i, i + 1, cands)
        if i in taken or not tok.is_alpha or tok.is_stop or not usable_at(story, tok.idx) or _after_title(i):
            return None
        for n in range(min(4, len(doc) - i), 0, -1):
            toks = doc[i:i + n]
            # a short word the model took for a person is still a country's or region's abbreviation when it is
            # no first name ("eu officials", "the uae"; not "chad")
            short = n == 1 and len(tok) <= 4 and tok.lower_ not in first_names()
            if any(t.i in taken or not (t.is_alpha or t.text in (".", "-")) or (t.ent_type_ == "PERSON" and not short)
                   for t in toks) or toks[-1].is_stop:
                continue
            if tok.ent_type_ == "PERSON":
                cands_abbr = [(e, p) for e, p in gaz.lookup(toks.text) if p and e.feature in ("country", "region")]
                if cands_abbr:
                    return (i, i + 1, cands_abbr)
                continue
            if toks[-1].pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM") or (
                    n == 1 and tok.lower_ in word_list("generic_words.txt")):
                continue
            cands = gaz.lookup(toks.text)
            if not cands or (n == 1 and a_surname(i, cands)):
                continue
            prev = tokens[i - 1].lower_ if i > 0 else ""
            after_prep = prev in ("in", "at", "near", "outside", "from", "to", "of")
            need = 5_000 if after_prep else 100_000
            named = toks[-1].pos_ == "PROPN" or prev not in ("a", "an", "some", "this", "that", "my", "his", "her")
            if toks.text == "us":  # the pronoun
                continue
            key = index.fold(toks.text)
            propn = all(t.pos_ == "PROPN" for t in toks)
            # a word English uses as a verb, adjective or adverb ("time", "young", "date", "federal") is no town
            # on its own; a city's name English has no other use for is one when the city is big ("a winnipeg
            # jail", "vancouver police")
            one = sum(t.is_alpha for t in toks) == 1  # one word ("sale." is one too)
            plain = one and (tok.lower_ in _common_words() or tok.lemma_.lower() in _common_words())
            # ... when it modifies a noun or is listed, not as a noun of its own ("for sale", "a van")
            modifier = toks[-1].dep_ in ("compound", "poss", "nmod", "amod", "conj", "appos")
            big = LOWER_CASE_CITY if not plain and (not one or propn or modifier) else 1_000_000
            if any(p and (index.fold(e.name) == key or (len(key) >= 5 and propn)) and (
                    e.feature in ("country", "continent", "region") and (after_prep or named)
                    or e.feature == "admin1" and (after_prep or propn and e.population >= 100_000)
                    or e.feature == "admin2" and n > 1 and toks[-1].lower_ in DIVISION_WORDS  # "troup county"
                    or e.feature == "city" and (e.population >= need and (propn or after_prep) and not plain
                                                or e.population >= big))
                   for e, p in cands):
                return (i, i + n, cands)
        return None

    return scan(len(doc), at)
