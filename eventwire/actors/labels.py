"""What kind of name a spaCy entity is: the model's label, corrected where the words around it say otherwise.

- a name a title or an organisation stands before is a person's ("Vice-President Moody Awori" tagged ORG);
- a name a title renames in apposition is a person's ("Tantan, the Minister of Interior" tagged GPE);
- what a place noun names is a place ("the southern city of Shiraz" tagged PERSON), as is a town the gazetteer
  knows after a place preposition ("travelling to Cirencester") and a state or province that is no first name
  ("Tamil Nadu accused" tagged PERSON);
- a name that ends in a word for a company or venue is an organisation's ("Trump Plaza", "Boca West Country Club"
  tagged PERSON), and one that opens with a first name and ends as no organisation does is a person's ("Carly
  Fiorina" tagged ORG);
- a lone word that is a big city's name and no first name or surname is a place ("Trump Addresses Munich
  Attack" tagged PERSON).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import read_lines, word_set
from ..tree import climb
from ..word_classes import first_class
from .first_names import census, first_names, surnames
from .places import acting_place, city_country, state_name
from .work import Work, role_of

LOCATIVE = {"in", "at", "near", "from", "to", "into", "inside", "outside", "across", "around", "within",
            "through", "toward", "towards", "throughout", "via", "on", "off", "beyond"}



def locative(tok) -> bool:
    """Whether a name token is the object of a place preposition ("in Washington")."""
    head = climb(tok, lambda t: t.dep_ in ("compound", "conj", "appos", "amod", "flat"))
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE



# nouns for a kind of place, before "of" and its name ("the city of Shiraz", "the province of Helmand")
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "district", "region", "county", "capital", "port",
                         "island", "municipality", "governorate", "prefecture", "suburb", "neighbourhood",
                         "neighborhood", "hamlet", "township"})


def entity_label(w: Work, ent, trimmed: tuple[int, int], fs: int, fe: int) -> str:
    """spaCy's label for the entity's free part ``fs:fe``, corrected to PERSON where a title or an
    organisation before it shows that it is a person's name."""
    doc, label = w.doc, ent.label_
    if label in ("PERSON", "ORG") and fs >= 2 and doc[fs - 1].lower_ == "of" and doc[fs - 2].lemma_ in PLACE_NOUNS:
        return "GPE"  # "the southern city of SHIRAZ" tagged PERSON: what a place noun names is a place
    if label == "PERSON" and _after_place_word(doc, fs, fe) and city_country(doc[fs:fe].text):
        return "GPE"  # "to Cirencester from Gloucester and CHELTENHAM" tagged PERSON: a town the gazetteer knows
    if (label == "PERSON" or (label == "ORG" and fe - fs >= 2)) and (fs, fe) == (ent.start, ent.end) \
            and doc[fs].lower_ not in w.kb.gender and not doc[fs:fe].text.isupper() and state_name(doc[fs:fe].text):
        return "GPE"  # "TAMIL NADU accused" tagged PERSON, "BLUE NILE agreed" ORG; not "Georgia", "GAO", "Meta"
    if label == "PERSON" and fe - fs >= 2 and doc[fe - 1].lower_ in word_set(ENDINGS) \
            and surnames().get(doc[fe - 1].lower_, COMMON_SURNAME + 1) > COMMON_SURNAME:
        return "ORG"  # "Trump PLAZA", "Boca West Country CLUB" tagged PERSON: a company's or a venue's name
    if label == "PERSON" and fe - fs >= 2 and doc[fe - 1].is_title and doc[fe - 1].lower_ in word_set("places/street_words.txt") \
            and surnames().get(doc[fe - 1].lower_, COMMON_SURNAME + 1) > COMMON_SURNAME:
        return "FAC"  # "Dubonet DRIVE" tagged PERSON: a street ("Penny Lane" stays: Lane is a common surname)
    if label in ("PERSON", "GPE", "LOC", "NORP") and fe - fs >= 2 and doc[fs].lower_ in openers():
        return "ORG"  # "JAISH al-Islam" tagged PERSON: its first word says what kind of body it is
    whole = (fs, fe) == (ent.start, ent.end)
    if label == "ORG" and whole and _first_and_last_name(w, doc[fs:fe]):
        return "PERSON"  # "Carly Fiorina" tagged ORG: a first name and a word no organisation ends in
    if label == "PERSON" and whole and fe - fs == 1 and _lone_city(w, doc[fs]):
        return "GPE"  # "Trump Addresses MUNICH Attack" tagged PERSON: a city's name, no person's
    if label in ("ORG", "PERSON") and whole and fe - fs <= 3 and _place_before_actor_noun(w, fs, fe):
        return "GPE"  # "AN EDMONTON man who ...", "a DURBAN court" tagged ORG: a place before a noun for people
    before = w.roles.get(fs - 1)
    if label == "ORG" and before and doc[before[0]].is_title and fe - fs <= 4 \
            and all(t.is_title and t.pos_ in ("PROPN", "NOUN", "ADJ") for t in doc[fs:fe]) \
            and (role_of(w, *before) is not None and role_of(w, *before).type != "honorific"):
        return "PERSON"  # "Vice-President Moody Awori" tagged ORG: a title before it makes it a person
    if label in ("GPE", "LOC", "NORP") and fe - fs <= 3 and fs not in w.name_at and _titled_apposition(w, doc[fe - 1]):
        return "PERSON"  # "Tantan, the Minister of Interior": a name a title renames is a person's
    if label in ("GPE", "LOC") + MISREAD_LABELS and unplaced_person(w, fs, fe, by=label in ("GPE", "LOC")):
        return "PERSON"  # "Farid Castellanos, who had led" tagged WORK_OF_ART, "accusations by Okafor" GPE
    s = trimmed[0]
    if (fs, fe) != trimmed and label != "PERSON" and fe - fs >= 2 and all(t.is_title for t in doc[fs:fe]) \
            and (fs, fe) != (ent.start, ent.end) and fs > s:
        return "PERSON"  # "CENTCOM David Petraeus": what follows the organisation is a person's name
    return label


ENDINGS = "actors/organization_endings.txt"


def body_ending(w: Work, s: int, e: int) -> bool:
    """Whether a name's last word names a body ("the United States Special Operations COMMAND", tagged GPE)."""
    last = w.doc[e - 1]
    return e - s >= 2 and last.is_title and (last.lower_ in w.kb.state_bodies or last.lower_ in word_set(ENDINGS))


@lru_cache(maxsize=1)
def openers() -> dict[str, str]:
    """First word of an armed or political body's name -> its sector (``data/actors/organization_openers.tsv``)."""
    return {cols[0]: cols[1] for _n, line in read_lines("actors/organization_openers.tsv")
            for cols in [line.split("\t")]}


BUILDINGS = frozenset({"house", "hall", "building", "tower", "towers", "court", "place"})  # "Agnes Jones HOUSE"
COMMON_SURNAME = 5000  # a census rank: "Church" (763) ends a person's name as often as a congregation's


_LAST_WORDS: tuple = (None, {})  # the doc read last, and where each of its words stands


def _word_positions(doc) -> dict[str, list[int]]:
    """Each word of a doc -> the indices of its tokens, found once per doc (a scan of the whole article for each
    name it asks about took seconds on a long page)."""
    global _LAST_WORDS
    last = _LAST_WORDS  # one read: the tuple is replaced whole, never changed
    if last[0] is doc:
        return last[1]
    where: dict[str, list[int]] = {}
    for t in doc:
        where.setdefault(t.text, []).append(t.i)
    _LAST_WORDS = (doc, where)
    return where


def _first_and_last_name(w: Work, span) -> bool:
    """Whether an organisation's name of two or three capitalised words reads as a person's: it opens with a
    first name the census lists give one gender ("Carly", not "Morgan" of "Morgan Stanley"), that is no place,
    it ends in a census surname or in a word the article also writes alone ("Fiorina said"), not in a word for a
    body, a company or a street, and the knowledge base knows no organisation by it."""
    first, last = span[0], span[-1]

    def alone() -> bool:  # only when the cheaper tests leave it to decide
        return any(not span.start <= i < span.end for i in _word_positions(span.doc).get(last.text, ()))

    return 2 <= len(span) <= 3 and all(t.is_title and t.is_alpha for t in span) \
        and first.lower_ in census() and city_country(first.text) is None \
        and (last.lower_ in surnames() or alone()) and last.lower_ not in word_set("places/street_words.txt") | BUILDINGS \
        and last.lower_ not in word_set(ENDINGS) and last.lower_ not in w.kb.state_bodies \
        and last.lower_ not in w.kb.agents and not w.kb.lookup(span.text) \
        and not (span.start and span.doc[span.start - 1].lower_ == "the")


def _place_before_actor_noun(w: Work, fs: int, fe: int) -> bool:
    """Whether a name is a place the gazetteer knows that modifies the noun for a person or a body right after it
    ("an Edmonton man", "a Lagos resident": WordNet's noun.person; "a Durban court": an actor noun)."""
    doc = w.doc
    last = doc[fe - 1]
    return fe < len(doc) and last.dep_ == "compound" and last.head.i == fe and doc[fe].pos_ == "NOUN" \
        and (first_class("noun", doc[fe].lemma_) == "person" or w.agents.get(fe, (0, 0))[0] == fe) \
        and city_country(doc[fs:fe].text) is not None


def _lone_city(w: Work, tok) -> bool:
    """Whether a lone word tagged as a person is a big city's or a state's name that no census list knows as a
    first name or a surname, and no longer person's name in the article ends in."""
    word = tok.lower_
    if not tok.is_title or word in first_names() or word in surnames() or not acting_place(tok.text):
        return False
    return not any(e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ == word for e in tok.doc.ents)


# labels spaCy gives unfamiliar people's names now and then ("Farid Castellanos, who led ..." a WORK_OF_ART)
MISREAD_LABELS = ("WORK_OF_ART", "PRODUCT")


def unplaced_person(w: Work, fs: int, fe: int, by: bool = False) -> bool:
    """Whether a name of one to three capitalised words that no gazetteer or list knows as a place stands where
    only a person does: renamed by "who" ("Farid Castellanos, WHO had led the protests") or, with ``by`` (a
    name tagged a place, not a work or product: "hit by Tomahawk missiles"), the doer a "by" names after a
    deed ("accusations BY Okafor", "was arrested BY Brannigan")."""
    doc = w.doc
    if not 1 <= fe - fs <= 3 or not all(t.is_title and t.pos_ == "PROPN" for t in doc[fs:fe]) or \
            city_country(doc[fs:fe].text) or state_name(doc[fs:fe].text):
        return False
    nxt = doc[fe + 1] if fe + 1 < len(doc) and doc[fe].text == "," else doc[fe] if fe < len(doc) else None
    if nxt is not None and nxt.lower_ in ("who", "whom", "whose") and nxt.head.head.i in range(fs, fe):
        return True
    head = doc[fe - 1]
    by_ = head.head if head.dep_ == "pobj" else None
    return by and by_ is not None and by_.lower_ == "by" and (by_.dep_ == "agent" or by_.head.pos_ == "NOUN")


def _titled_apposition(w: Work, tok) -> bool:
    """Whether a name is renamed by a title in apposition right after it ("Tantan, the Minister of
    Interior", "Kabila, a former president"): the apposition's head is a title the roles matcher knows."""
    return any(c.dep_ == "appos" and c.i > tok.i and c.i in w.roles and w.roles[c.i][1] == c.i + 1
               and role_of(w, *w.roles[c.i]) is not None and role_of(w, *w.roles[c.i]).type == "title"
               for c in tok.children)


def _after_place_word(doc, fs: int, fe: int) -> bool:
    """Whether a name stands where a place does: after "in", "from", "near", or "to" (not to a person one talks,
    writes or gives to: "talked TO Jackson"), by the parse or, where the parse fails, right after the word."""
    prep = doc[fs - 1] if fs else None
    if prep is None or prep.lower_ not in ("to", "from", "in", "near"):
        return locative(doc[fe - 1]) and doc[fe - 1].head.lower_ != "to"
    verb = prep.head
    return not (prep.lower_ == "to" and verb.pos_ == "VERB"
                and first_class("verb", verb.lemma_) in ("communication", "possession", "social"))


TIME_ZONES = {"GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST", "EET",
              "EEST", "IST", "JST", "KST", "AEST", "AEDT", "SGT", "HKT", "WAT", "EAT", "CAT", "PKT", "MSK"}
CURRENCY = re.compile(r"(USD|EUR|GBP|JPY|CNY|RMB|INR|AUD|CAD|CHF|NZD|ZAR|NGN|KES|RUB|US\$)\d[\d.,]*(bn|m|k)?$")


def unit_word(doc, s: int, e: int) -> bool:
    """Whether a one-word entity is the zone of a clock time ("1300 GMT", "4 p.m. EST") or a sum written with
    its currency code ("USD1 million"): a measure, not an organisation."""
    if e - s != 1:
        return False
    tok = doc[s]
    if CURRENCY.match(tok.text):
        return True
    prev = doc[s - 1] if s > 0 else None
    clock = prev is not None and (prev.like_num or prev.lower_ in ("a.m.", "p.m.", "am", "pm") or
                                  re.fullmatch(r"\d{1,2}(:\d\d)?([ap]\.?m\.?)?", prev.lower_) is not None)
    return tok.text in TIME_ZONES and clock
