"""Names of people that look like towns: a word of a person the article names ("Ryan Bingham" ...
"Bingham"), a name after a noun of kin ("his wife, Tonya") or a common first name ("Bill Rigby"), a person the
actors stage knows ("Obama"), and a one-word name that speaks ("said Logan"; speech verbs of the quotes cue
lexicon)."""

from __future__ import annotations

from ..model import Story
from .index import Gazetteer
from .mention import Mention
from .tokens import doc_ents, doc_tokens
from .vocabulary import first_names, word_list


def as_written(word: str) -> str:
    """A word in capitals as the running text writes it ("GARLAND" in a heading: "Garland"), so that a
    heading's word is matched with the people the article names; other words as they are."""
    return word.title() if len(word) > 2 and word.isalpha() and word.isupper() else word


KNOWN_PERSON_TOWN = 100_000  # a name of a person the actors stage knows is a town only when a city this big


def known_person(story: Story, m: Mention) -> bool:
    """Whether a name is a word of a person the actors stage found in its knowledge base ("Obama", Barack
    Obama, is no town in Japan; "from Obama being ..."): a person, unless the name is qualified ("Obama,
    Japan") or has a reading that is no town or county, or a city of ``KNOWN_PERSON_TOWN``."""
    if m.kind != "name" or m.qualifier is not None or m.qualifies or not m.candidates:
        return False
    if any(e.feature not in ("city", "admin2") or e.population >= KNOWN_PERSON_TOWN for e, _ in m.candidates):
        return False
    word = m.span.text.strip()
    for a in story.actors:
        if a.kind != "person" or not a.kb_id or word not in a.name.split():
            continue
        if any(x.start <= m.span.start and m.span.end <= x.end for x in a.mentions):
            return True
    return False


def speaking_person(doc, m: Mention) -> bool:
    """Whether a one-word name that can only be a town (no country, state, capital or city of a million
    by that name) is someone speaking: the subject of a reporting verb ("said Logan", "Brent told CTV",
    "Conrad continues") or the source after "according to" ("according to Conrad"). A town does not
    speak; a capital or a country that does is a government ("Moscow said") and stays."""
    tokens = doc_tokens(doc)
    word = m.span.text.strip()
    if m.kind != "name" or m.qualifier is not None or m.qualifies or " " in word or not word[:1].isupper() \
            or word.isupper():
        return False  # not in text without capitals ("the us said"), nor an abbreviation
    if any(p and (e.feature in ("country", "admin1", "continent", "region") or e.capital or e.population >= 1_000_000)
           for e, p in m.candidates):
        return False
    from ..quotes.lexicon import speech_verbs  # the quotes stage's cue lexicon, read once (imported here: no cycle)

    tok = m.root
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in speech_verbs():
        return True
    return (tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0
            and tokens[tok.head.i - 1].lower_ == "according")


def after_kin(doc, i: int) -> bool:
    """Whether a name follows a noun of kin, or is listed right after a name that does ("his wife, Tonya",
    "daughters Malia and Sasha", "girlfriend Olivia")."""
    tokens = doc_tokens(doc)
    j = i - 1
    while j >= 0 and tokens[j].text in (",", "and"):
        j -= 1
    if j < 0:
        return False
    if tokens[j].lower_ in word_list("kin_nouns.txt"):
        return True
    return j < i - 1 and tokens[j].text[:1].isupper() and j > 0 and tokens[j - 1].lower_ in word_list("kin_nouns.txt")


def after_first_name(doc, i: int, taken: set[int]) -> bool:
    """Whether a word follows a common first name written as a name, outside any place entity ("Bill Rigby",
    "Brooke Henderson"): a surname then, not a town."""
    tokens = doc_tokens(doc)
    if i == 0:
        return False
    prev = tokens[i - 1]
    return (prev.i not in taken and prev.pos_ == "PROPN" and prev.text.istitle() and prev.is_alpha
            and prev.ent_type_ not in ("GPE", "LOC", "FAC") and prev.lower_ in first_names())


def first_names_listed(doc, i: int) -> bool:
    """Whether a common first name stands in a list of first names that ends in a person's full name ("Brent
    and Lynnette Hain", "Helen, Clarence, Irene and Randy Kunz"): people of one family, not towns."""
    tokens = doc_tokens(doc)
    names = first_names()
    if tokens[i].lower_ not in names:
        return False
    j = i + 1
    while j + 1 < len(doc) and tokens[j].text in (",", "and"):
        j += 1
        if tokens[j].text in (",", "and"):
            continue
        t = tokens[j]
        if not (t.text.istitle() and t.is_alpha and t.lower_ in names):
            return False
        if t.ent_type_ == "PERSON" and t.ent_iob_ == "B" and j + 1 < len(doc) and tokens[j + 1].ent_iob_ == "I":
            return True
        j += 1
    return False


def first_name_of(doc, i: int) -> bool:
    """Whether a word is a common first name that one entity joins to the name after it ("Brooke Henderson"
    labelled a place as a whole)."""
    tokens = doc_tokens(doc)
    nxt = tokens[i + 1] if i + 1 < len(doc) else None
    return (tokens[i].lower_ in first_names() and tokens[i].ent_iob_ == "B" and nxt is not None and nxt.ent_iob_ == "I"
            and nxt.pos_ == "PROPN" and nxt.text.istitle() and nxt.is_alpha)


def named_in_full(doc, gaz: Gazetteer) -> set[str]:
    """The words of the people the article names in full by a plain personal name of two or three words
    ("Georgia Stevens", "Fidel Castro"): no word in capitals ("Henry Lazenby US"), no other word of it an
    ordinary English word ("US President", "Miami Herald Nuiry") or a country or state."""
    from ..word_classes import ordinary

    out = set()
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" or not 2 <= len(ent) <= 3 or not all(
                t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in ent):
            continue
        for t in ent:
            others = [o for o in ent if o.i != t.i]
            if not any(ordinary(o.text) or any(e.feature in ("country", "admin1") and p for e, p in gaz.lookup(o.text))
                       for o in others):
                out.add(t.text)
    return out


def is_person(story: Story, toks) -> bool:
    actor = story.actor_at(toks.start_char, toks.end_char)
    return actor is not None and actor.kind == "person"


def surnames_after_first_names(doc) -> set[str]:
    """The words that follow a common first name as a person's surname anywhere in the article, whatever
    the model labelled the pair ("identified as Marcus Newton", read as an organisation): outside any place
    entity ("Virginia Beach"), both words capitalised names. A lone such word elsewhere ("Newton was later
    arrested") is that person, as a surname of a person the model found is (``recognise``)."""
    tokens = doc_tokens(doc)
    names = first_names()
    out = set()
    for a, b in zip(tokens, tokens[1:]):
        if a.lower_ in names and a.text.istitle() and a.is_alpha and b.text.istitle() and b.is_alpha \
                and a.pos_ == "PROPN" and b.pos_ == "PROPN" and a.whitespace_ \
                and a.ent_type_ not in ("GPE", "LOC", "FAC") and b.ent_type_ not in ("GPE", "LOC", "FAC"):
            out.add(b.text)
    return out
