"""Stage ``places.gazetteer.v1``: toponyms found, resolved to a point and a country, and events placed.

Steps, each a small function below:

1. **Recognise** (``recognise``): spaCy GPE/LOC/FAC entities whose name the gazetteer knows; a
   capitalised dateline and its state ("HOLLIDAY, Mo. -"); names the model labelled otherwise or missed
   when they are surely places or their company says so (after "in", before a local noun such as
   "police" or "mayor", listed with a found place); names listed before a plural division word ("Lee,
   Terrell and Worth counties") as those divisions; a name surely read as a place once, wherever else the
   article writes it (one sense per article: "the Winnipeg Free Press" after "in Winnipeg"); in text
   without capitals, a gazetteer scan. A lone
   word of a person the article names ("Ryan Bingham" ... "Bingham") is not a town, nor a country, state or
   big city when the person is named by a plain personal name ("Georgia Stevens" ... "Georgia's coach")
   and the text does not say it is a place there ("in Georgia"); a word of a person the actors stage
   knows from its knowledge base ("Obama") is no town or county below 100,000; a name right after a noun of kin
   (``kin_nouns.txt``: "his wife, Tonya") is a person; a lone word the
   actors stage took for a person is a place when it is a big city and no person of that name is named
   in full ("Winnipeg needs more buses"), and a big city the model labelled a language or a date ("in
   Aleppo") is still read. An acronym ("NATO") is never a town spelt the same, a direction ("the
   West") never a division abroad, and the head word of an organisation's name ("Cancer Centre") never
   a place on its own. A place name or demonym that begins a disease's name ("Marburg virus", "Lassa
   fever", "Spanish flu") is the disease there and wherever else the article writes it, unless the text
   says it is a place ("in Marburg", "Kikwit, Zaire"). A place name inside the name of a water the
   gazetteer lacks ("the Gulf of Honduras", "Lake Winnebago") is not that place; one that begins a street's
   or a park's name ("Texas Avenue") is kept only as a town near the article's other places; a division
   word before "of" belongs to a body's name ("the Florida Department of Law Enforcement": Florida, not a
   department of Uruguay); a demonym after "Pan" ("Pan American") is none. Demonyms that qualify a noun
   ("Afghan troops", kind ``demonym``) are places; those naming people or a language ("Iraqis", kind
   ``people``) only vote for the focus. A name used
   as the subject of a speech or action verb whose span the actors stage coded as an actor ("Washington said") is a government: it is still a
   toponym (resolved as any other, so "Washington" is the capital) but never an event's place.
2. **Resolve** (``resolve``): every candidate of the name (countries, first- and second-level divisions,
   cities and towns, by name or alternate name, accents folded) is scored by its size (population), its
   kind (a country or state name beats a town that shares it unless the text says "state" or "Gov."; an
   alternate name counts less than a primary one), a qualifier next to it ("Paris, Texas", "Albany, Ga.",
   "Quetta, Pakistan"; a country name is never narrowed to a town by another country, and a name that
   modifies the next noun starts a new phrase: "in Russia, U.S. officials said"; the qualifier itself is
   read as a place that holds the first name: "Albany, Georgia" is in the American state), the names it
   is listed with (a state among states: "California or Washington"), how many other names have a reading near
   each town reading (a town reading far from every reading of the article's other names is pushed
   down, unless it is a big city far ahead of its namesakes: "Jackson", "Canton" and "Madison County"
   together are in Mississippi), the states and countries the article's other places lie in (most for
   the state named most; a town dwarfed fifty times by a namesake abroad gets little for the country alone,
   with no place of the article in its state or near it: ``_dwarfed_stranger``), and nearness to its other
   towns. A city of 500,000 known by the name only by
   another spelling loses nothing for it when it is ten times bigger than every place bearing the name as
   its own ("Mansoura": Egypt's Al Mansurah); a town that shares a country's name is that town in a story
   of the county named after it ("Lebanon" with "Lebanon County"). Passes: qualifiers first, then every
   name, then each in the context of the article's other names (confident ones, then all). Then a town of the
   state the article is about that recognition left out ("fled to Perry" in a Macon story, the model
   taking Perry for a person) is read as that town (``_local_towns``). A place entity the gazetteer knows
   by no primary spelling is also read by another spelling of it ("Gharbiya" for Al Gharbiyah:
   ``index.skeleton``), kept only where the article's other places lie in that country
   (``_drop_far_respellings``); a name said to lie in a division ("the village of Karo in North
   Sumatra", "Gharbiya province of Egypt") is narrowed to it as a comma qualifier would; and a name the
   gazetteer lacks, written with a word of its kind and the place it lies in ("the villages of Foua and
   Kfraya in Idlib", "Giza's Haram district"), is read at that place's point (``_unlisted_places``).
3. **Focus** (``focus_country``): the country most of the article's places lie in.
4. **Event places** (``place_events``): a place named in a locative phrase ("in", "at", "near" ...)
   attached to the event's clause, else a dateline ("GENEVA -") for body events, else none.

Where each coordinate comes from is documented in ``index.py``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from ..data import read_lines
from ..model import Place, Span, Story
from ..registry import stage
from ..tree import climb
from . import index
from .index import Entry, Gazetteer

ENT_LABELS = {"GPE", "LOC", "FAC"}
ORG_LABELS = {"ORG", "FAC"}
ORG_HEAD_CITY = 100_000  # a city this big by its own name heading the name of one of its bodies is that city
EVENT_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "on",
               "along", "off", "amid", "during", "through"}
DIVISION_WORDS = {"county", "parish", "district", "borough", "province", "state", "region", "prefecture",
                  "governorate", "oblast", "department", "municipality", "krai", "kray", "okrug", "voivodeship",
                  "canton"}
FIRST_LEVEL_WORDS = {"state", "province", "region", "governorate", "oblast", "prefecture"}  # "the state of X"
PARTY_WORDS = {"democratic", "republican", "gop"}  # skipped before a state cue ("New York Republican primary")
TOWN_WORDS = {"city", "town", "village", "township", "borough", "hamlet", "municipality"}
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "centre", "center", "midwest", "northeast", "northwest", "southeast", "southwest"}
ACTION_DEPS = {"nsubj", "nsubjpass", "agent"}
# labels the model sometimes gives a city ("in Aleppo" as LANGUAGE, "in Winnipeg" as DATE): such a word is
# still read when it is a big city by its own name
MISREAD_LABELS = {"LANGUAGE", "DATE"}
SKIP_LABELS = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "LANGUAGE", "LAW"}
US_POSTAL = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
             "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
             "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
             "WI", "WY", "DC"}
# context weights (score points): a town in a state the article names, more in the state it names most; a
# state other places of the article lie in
ADMIN_NEAR = 1.5
ADMIN_FOCUS = 1.5
ADMIN_INSIDE = 1.0
COMPASS_STATE = 4.0  # points for a state after a direction word ("central Washington"), beyond "the state"'s
SHARED_NAME = 4.0  # points for the share of the article's places in a country whose name another country shares
LISTED = 3.0  # a state listed with other states of its country
COHERE = 1.0  # points per other name of the article with a town or county reading near this reading ...
COHERE_CAP = 2  # ... counted up to this many names
COHERE_BIG = 100_000  # the biggest town reading of a name, this big or bigger ...
COHERE_LEAD = 10  # ... and this many times the next one, is never pushed down
COHERE_MAX_READINGS = 300  # a name with more town readings than this says nothing about where others lie
HYPHENED = re.compile(r"^([A-Z][A-Za-z.]+)-[a-z]{3,}$")  # "U.S.-led", "Canada-wide"
NEAR_KM = 100.0  # a town within this distance of the article's other towns and counties ...
NEAR_BONUS = 2.0  # ... gets these points
KM_PER_DEGREE = 111.0  # a degree of latitude is at least this long (111.2 km) ...
NEAR_LAT = NEAR_KM / KM_PER_DEGREE  # ... so points this many degrees apart in latitude are farther than NEAR_KM


def _near(lat: float, lon: float, la: float, lo: float, km: float) -> bool:
    """Whether two points lie within ``km`` of each other; points farther apart in latitude alone are
    told apart without the great-circle distance."""
    return abs(lat - la) * KM_PER_DEGREE <= km and index.distance_km(lat, lon, la, lo) <= km
# "GENEVA -", "HOLLIDAY, Mo. —", "KABUL, Afghanistan (AP) —", "SOUTH WAZIRISTAN, April 5 (APP):"
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,40})(?:,\s*([A-Z][A-Za-z. ]{1,30}))?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                      r"\s*(?:\([^)]{1,30}\)\s*)?[-—–:]")


_LAST_DOC: tuple = (None, [], False, ())  # the doc read last, its tokens, whether it is written without
# capitals, its entities


def _tokens(doc) -> list:
    """The doc's tokens as a list, made once per doc: spaCy builds a new Token object on every ``doc[i]``
    and every step over the doc, which cost the stage a third of its time."""
    last = _LAST_DOC  # one read: a tuple is replaced whole, never changed
    if last[0] is doc and len(last[1]) == len(doc):
        return last[1]
    return _read_doc(doc)[1]


def _read_doc(doc) -> tuple:
    global _LAST_DOC
    toks = list(doc)
    words = [t for t in toks if t.is_alpha]
    lower = len(words) >= 8 and sum(t.text[0].isupper() for t in words) < 0.02 * len(words)
    _LAST_DOC = (doc, toks, lower, tuple(doc.ents))
    return _LAST_DOC


def _ents(doc) -> tuple:
    """The doc's entity spans, made once per doc (``doc.ents`` builds every span anew on each call)."""
    last = _LAST_DOC
    if last[0] is doc and len(last[1]) == len(doc):
        return last[3]
    return _read_doc(doc)[3]


@cache
def _words(name: str) -> frozenset[str]:
    """A word list from ``eventwire/data/places/``."""
    return frozenset(line.lower() for _, line in read_lines(f"places/{name}"))


@dataclass
class Mention:
    """A toponym in the text before and after resolution."""

    span: Span
    root: object  # the spaCy token heading the mention
    kind: str = "name"  # name, demonym (an adjective: "Afghan troops"), people ("Iraqis", "the French")
    qualifier: Mention | None = None  # "Texas" in "Paris, Texas"
    qualifies: bool = False  # this mention is the qualifier of the one before it
    metonymic: bool = False
    dateline: bool = False
    candidates: list[tuple[Entry, bool]] = field(default_factory=list)
    entry: Entry | None = None
    score_margin: float = 0.0
    listed: list = field(default_factory=list)  # names listed with this one ("California or Washington")
    cohere: dict = field(default_factory=dict)  # id(candidate) -> other names with a reading near it
    respelt: set = field(default_factory=set)  # ids of the candidates found by another spelling of the name
    # the name begins a street's or a park's name ("Texas Avenue", "Hertford Road"), or is one ("own": "Church
    # Street", "Victoria Park")
    street: bool | str = False
    affiliation: bool = False  # a politician's state in parentheses ("Paul Ryan (R-Wis.)")
    embedded: bool = False  # the name opens a longer name ("the Pacific Ocean", "Harvard Law School")


# -- 1. recognition ------------------------------------------------------------------------------------
def _trim(ent) -> tuple[int, int]:
    """Token bounds of an entity without a leading article or a trailing possessive."""
    start, end = ent.start, ent.end
    doc = ent.doc
    tokens = _tokens(doc)
    while start < end and tokens[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and tokens[end - 1].text in ("'s", "’s", "'", "’"):
        end -= 1
    return start, end


def _heads_a_firm(doc, start: int, end: int, cands) -> bool:
    """Whether a name that can only be a town below ``ORG_HEAD_CITY`` begins the longer name of an
    organisation ("Peabody Energy, the nation's largest coal company") without a word of a town's own bodies after it
    ("the Peabody Police Department" stays the town)."""
    tokens = _tokens(doc)
    if not cands or any(e.feature != "city" or e.population >= ORG_HEAD_CITY for e, _ in cands):
        return False
    first, nxt = tokens[start], tokens[end] if end < len(doc) else None
    if first.ent_type_ not in ORG_LABELS or first.ent_iob_ != "B" or nxt is None:
        return False
    if nxt.text in ("'s", "’s", "'", "’"):
        return False  # "Middletown's New Road": the town's
    return nxt.ent_type_ == first.ent_type_ and nxt.ent_iob_ == "I" and nxt.lower_ not in _words("city_body_words.txt")


def _as_written(word: str) -> str:
    """A word in capitals as the running text writes it ("GARLAND" in a heading: "Garland"), so that a
    heading's word is matched with the people the article names; other words as they are."""
    return word.title() if len(word) > 2 and word.isalpha() and word.isupper() else word


def _is_metonymic(story: Story, root) -> bool:
    """A name acting as a subject of a verb, coded as an actor: "Washington said", "Moscow warned"."""
    if root.dep_ not in ACTION_DEPS:
        return False
    if root.head.pos_ not in ("VERB", "AUX"):
        return False
    actor = story.actor_at(root.idx, root.idx + len(root.text))
    return actor is not None and actor.kind in ("country", "organization", "group")


def recognise(story: Story, gaz: Gazetteer) -> list[Mention]:
    """Place names (spaCy place entities the gazetteer knows, and well-known names the model labelled
    otherwise or missed: "Edmonton" as ORG, "Tamil Nadu" as PERSON) and demonyms."""
    doc = story.doc
    tokens = _tokens(doc)
    found: list[Mention] = []
    taken: set[int] = set()

    def add(start, end, cands, kind="name", respelt=frozenset()):
        span = doc[start:end]
        found.append(Mention(Span.from_spacy(span), span.root, kind=kind, candidates=cands,
                             metonymic=kind == "name" and _is_metonymic(story, span.root), respelt=set(respelt)))
        taken.update(range(start, end))

    # words of the people the article names ("Mayor Ryan Bingham" ... "Bingham said"): a lone such word is
    # the person, not a town that shares the name; a bigger place or a country too ("Georgia Stevens" ...
    # "Georgia's father"), unless the text says it is a place there ("in Georgia", "Georgia police")
    person_words = {t.text for ent in _ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent
                    if t.text[:1].isupper()}
    full_names = _full_names(doc, gaz)

    def a_person(start, end, cands) -> bool:
        if end - start == 1 and _after_kin(doc, start) and not _qualified(doc, end):
            return True  # "his wife, Tonya", "daughters Malia and Sasha"
        small = all(e.feature in ("city", "admin2") and e.population < 100_000 for e, _ in cands)
        if end - start == 1 and (_after_first_name(doc, start, taken) or _first_name_of(doc, start)) \
                and not _qualified(doc, end) and small:
            return True  # "Editing by Bill Rigby", "a golfer in Brooke Henderson": a person, not Rigby, Idaho
        if end - start == 1 and small and _first_names_listed(doc, start):
            return True  # "Helen, Clarence and Randy Kunz": the comma makes no town of a state
        if end - start != 1 or _as_written(tokens[start].text) not in person_words or _qualified(doc, end):
            return False
        if all(e.feature in ("city", "admin2") and e.population < 100_000 for e, _ in cands):
            return True  # a town or a small county ("Machado", a municipality of Brazil, after "Alicia Machado")
        return _as_written(tokens[start].text) in full_names and not (
            _local_context(doc, start, end) or _listed_with_place(doc[start:end], taken))

    for start, end, cands in _dateline_mentions(story, gaz, taken):
        add(start, end, cands)
    for start, end, cands in _listed_divisions(story, gaz, taken):
        add(start, end, cands)
    for start, end, cands in _joined_names(story, gaz, taken):
        add(start, end, cands)
    for start, end, cands in _airports(story, gaz, taken):
        add(start, end, cands)
    capitals = not _lower_case(doc)
    for ent in _place_entities(doc, gaz):
        if ent.label_ not in ENT_LABELS or not _usable(story, ent.start_char):
            continue
        if capitals and ent.text.islower():
            continue  # a word in lower case in a text with capitals is no name ("denying us justice")
        start, end = _trim(ent)
        if _body_of(doc, start, end):
            end -= 1  # "the Florida Department of Law Enforcement": the state, not Uruguay's department
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        cands = _fit_case(doc[start:end].text, gaz.lookup(doc[start:end].text), _period_after(doc, end),
                          _possessive_after(doc, end))
        if not cands and end - start > 1 and tokens[end - 1].lower_ in DIVISION_WORDS:
            cands = [(e, p) for e, p in gaz.lookup(doc[start:end - 1].text) if e.feature in ("admin1", "admin2")]
        respelt = _respelt(doc[start:end].text, cands, gaz, ent.label_)
        cands = cands + respelt + _big_airport(gaz, doc[start:end].text, cands)
        if (end - start == 1 and tokens[start].lower_ in COMPASS_WORDS) or _direction_fragment(doc, start, end):
            # "the West", "Centre": a direction the model took for a place is never a division or town
            # abroad named by it
            cands = [(e, p) for e, p in cands if e.feature in ("country", "continent", "region")
                     or (e.feature == "city" and e.population >= 100_000)]
        if ent.label_ == "LOC" and not _local_context(doc, start, end):
            # seas, mountains, regions: not a small town that shares the name, unless the text says it
            # is a locality ("near New Quay", "the Crown Heights neighborhood")
            cands = [(e, p) for e, p in cands if e.feature != "city" or e.population >= 100_000]
        if cands and not a_person(start, end, cands):
            add(start, end, cands, respelt={id(e) for e, _ in respelt})
    # names inside other entities or outside any: only names that are surely places
    ent_of = {t.i: t.ent_type_ for t in tokens}
    person_of = {i: ent for ent in _ents(doc) if ent.label_ == "PERSON" and len(ent) > 1
                 for i in range(ent.start, ent.end)}
    i = 0
    while i < len(doc):
        tok = tokens[i]
        if (i in taken or not tok.text[:1].isupper() or tok.pos_ != "PROPN"
                or (ent_of[i] in SKIP_LABELS and ent_of[i] not in MISREAD_LABELS) or not _usable(story, tok.idx)):
            i += 1
            continue
        hit = None
        for n in range(min(4, len(doc) - i), 0, -1):
            toks = doc[i:i + n]
            # a possessive may stand inside a name ("Lee's Summit", "Prince George's County"), and the period
            # of an abbreviation the tokenizer split off ("Ft. Myers")
            if any(t.i in taken or not (t.text[:1].isupper() or t.lower_ in ("of", "de", "-", "'s", "’s")
                                        or (t.text == "." and t.i > i and len(tokens[t.i - 1]) <= 3)) for t in toks):
                continue
            if toks[-1].lower_ in ("of", "de", "-", "'s", "’s", ".") or _body_of(doc, i, i + n):
                continue
            # a generic word is a name only as a state's abbreviation after a comma ("Harvey, La.")
            abbreviation = i > 0 and tokens[i - 1].text == "," and _period_after(doc, i + 1)
            if n == 1 and (tok.lower_ in _words("generic_words.txt") or tok.lower_ in COMPASS_WORDS) and not abbreviation:
                continue
            if _head_of_name(toks) or _direction_fragment(doc, i, i + n) or _tail_of_place(toks, gaz):
                continue
            cands = _fit_case(toks.text, gaz.lookup(toks.text), _period_after(doc, i + n), _possessive_after(doc, i + n))
            nxt = tokens[i + n] if i + n < len(doc) else None
            surname = (nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()
                       and nxt.lower_ not in _words("name_words.txt") and not gaz.lookup(nxt.text)
                       and nxt.lower_ not in _words("place_cue_nouns.txt")  # "Beaconsfield Mayor Georges Bourelle"
                       and all(e.feature == "city" for e, _ in cands)  # "David Petraeus"
                       # not a big city heading the name of one of its bodies ("the Boise Fire Department")
                       and not (ent_of[i] in ORG_LABELS and ent_of.get(i + n) == ent_of[i] and tokens[i + n].ent_iob_ == "I"
                                and nxt.lower_ in _words("city_body_words.txt")
                                and any(p and e.population >= ORG_HEAD_CITY for e, p in cands)))
            whole = toks.start in person_of and (person_of[toks.start].start, person_of[toks.start].end) == (toks.start, toks.end)
            # the actors stage's guess that a lone word is a person ("Edmonton needs ...") counts only
            # when the article names that person in full somewhere ("Ryan Bingham" ... "Bingham")
            in_person = (any(t.i in person_of for t in toks) and not whole) or surname or (
                not whole and _is_person(story, toks) and (n > 1 or _as_written(tok.text) in person_words))
            prev = tokens[i - 1] if i > 0 else None
            after_prep = prev is not None and prev.lower_ in ("in", "at", "near", "outside", "of") and (
                not ent_of[i] or tokens[i].ent_iob_ == "B")
            # "moved to Middlestown", "a tour to Cirencester", "from Misrata": a place, unless the word is a
            # word of a person the article names ("offered the job to Bolton") or names what is
            # someone's ("taken from Wilson's Farm")
            if (prev is not None and prev.lower_ in ("from", "to", "into") and (not ent_of[i] or tokens[i].ent_iob_ == "B")
                    and tok.text not in person_words
                    and not (nxt is not None and nxt.text in ("'s", "’s"))):
                after_prep = True
            # a place by its company: a local noun after it ("the Cairns police"), or listed with a place
            cue = nxt is not None and nxt.lower_ in _words("place_cue_nouns.txt")
            listed = _listed_with_place(toks, taken)
            if (after_prep or cue or listed) and not surname and not any(t.i in person_of for t in toks):
                in_person = False  # a one-word "person" the model or the actors stage guessed
            if cue and toks.start in person_of and person_of[toks.start].start == toks.start \
                    and person_of[toks.start].end > toks.end:
                in_person = False  # "Calgary MLA Sandra Jansen": the place before a title, not the person
            if n > 1 and toks[-1].lower_ in DIVISION_WORDS and any(e.feature in ("admin1", "admin2") for e, _ in cands):
                in_person = False  # no person is named "Harrison County" ("Harrison County Sheriff's deputies")
            label = "PERSON" if ent_of[i] in MISREAD_LABELS else ent_of[i]
            if prev is not None and prev.lower_ == "of" and _qualified(doc, i + n) and not surname:
                # "Leonard of Ada, Oklahoma": a qualified place the model put in a person's name
                in_person, after_prep, label = False, True, ""
            if ent_of[i] in MISREAD_LABELS:  # "in Aleppo" read as a language: only a big city by its own name
                after_prep = cue = listed = False
            if _heads_a_firm(doc, i, i + n, cands) and not (after_prep or cue):
                cands = []  # "Peabody Energy", "Blackhawk Mining": a firm named after a town, not the town
            if cands and not a_person(i, i + n, cands) and _surely_place(
                    cands, label, in_person=in_person, after_prep=after_prep or cue or listed, written=toks.text):
                hit = (i, i + n, cands)
                break
        if hit:
            add(*hit)
            i = hit[1]
        else:
            i += 1
    # a country or state joined to a word by a hyphen in one token ("the U.S.-led coalition")
    for tok in tokens:
        m = HYPHENED.match(tok.text)
        if m is None or tok.i in taken or not _usable(story, tok.idx):
            continue
        cands = _fit_case(m.group(1), gaz.lookup(m.group(1)))
        if _surely_place([(e, p) for e, p in cands if e.feature != "city"], "", in_person=False):
            found.append(Mention(Span.of(story.text, tok.idx, tok.idx + len(m.group(1))), tok, candidates=cands))
            taken.add(tok.i)
    for start, end, cands in _repeats(story, found, taken, person_of, person_words):
        add(start, end, cands)
    for start, end, cands in _town_and_division(story, gaz, found, taken):
        add(start, end, cands)
    if _lower_case(doc):  # the model finds few names in such text
        for start, end, cands in _lower_case_names(story, gaz, taken):
            add(start, end, cands)
    # demonyms: adjectives and nouns that imply a country ("Afghan government", "Iraqis")
    lower_case = _lower_case(doc)
    for tok in tokens:
        if tok.i in taken or not (tok.text[:1].isupper() or lower_case) or not _usable(story, tok.idx):
            continue
        if lower_case and not tok.is_alpha:
            continue
        if tok.ent_type_ in SKIP_LABELS and tok.ent_type_ != "LANGUAGE":
            continue
        if tok.ent_type_ in ENT_LABELS and not (tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or tokens[tok.i + 1].ent_iob_ != "I")):
            continue  # inside a longer place name: "Indian Ocean", "French Quarter"
        if _after_pan(doc, tok.i):
            continue  # "the Pan American Health Organization", "Pan-African": many countries, not this one
        words = [tok.text]
        if tok.i + 1 < len(doc) and tokens[tok.i + 1].text[:1].isupper() and tok.pos_ != "DET":
            words.insert(0, f"{tok.text} {tokens[tok.i + 1].text}")  # "South Korean"
        for w in words:
            entry = gaz.demonym(w)
            plural = entry is None and w.endswith("s") and gaz.demonym(w[:-1]) is not None
            if plural:
                entry = gaz.demonym(w[:-1])
            if entry is not None:
                n = len(w.split())
                last = tokens[tok.i + n - 1]
                add(tok.i, tok.i + n, [(entry, True)], kind="people" if plural or _names_people(last) else "demonym")
                break
    found.sort(key=lambda m: m.span.start)
    found = _drop_loose_abbreviations(story, found)
    found = [m for m in found if not _names_a_road(doc, m) and not _in_a_water_name(doc, m)
             and not _in_a_firm_name(doc, m) and not _a_title(doc, m)]
    for m in found:
        m.street = _names_a_street(doc, m)
    diseases = {index.fold(m.span.text) for m in found if _names_a_disease(doc, m)}
    # a disease's name is that disease elsewhere in the article too ("the Ebola and Marburg outbreaks"
    # after "Marburg virus"), unless the text says it is a place there ("in Marburg")
    found = [m for m in found if index.fold(m.span.text) not in diseases or (
        not _names_a_disease(doc, m)
        and (_local_context(doc, *_token_bounds(doc, m)) or _after_place(doc, m, found)))]
    for m in found:
        m.affiliation = _party_state(story.text, m)
    _link_qualifiers(story, found)
    storms = _storm_names(doc)
    found = [m for m in found if m.span.text not in storms or m.qualifier is not None or m.qualifies]
    found = [m for m in found if not _speaking_person(doc, m) and not _known_person(story, m)]
    _link_lists(story, found)
    return found


PARTY_STATE = re.compile(r"\((?:[RDI]\s?-\s?)?$")


def _party_state(text: str, m: Mention) -> bool:
    """Whether a state stands in parentheses after a politician's name, alone or after the party's letter
    ("Paul Ryan (R-Wis.)", "Sen. Bernie Sanders (Vt.)"): the member's state, not a place the story is about,
    so it does not vote for where the story's other places lie."""
    return bool(PARTY_STATE.search(text[max(0, m.span.start - 4):m.span.start])) and \
        text[m.span.end:m.span.end + 1] in (")", ",")


def _after_place(doc, m: Mention, found: list[Mention]) -> bool:
    """Whether a name stands right after a place found and a comma, as its qualifier ("Kikwit, Zaire")."""
    tokens = _tokens(doc)
    start, _ = _token_bounds(doc, m)
    if start < 2 or tokens[start - 1].text != ",":
        return False
    return any(o is not m and o.span.end == tokens[start - 2].idx + len(tokens[start - 2].text) for o in found)


def _body_of(doc, start: int, end: int) -> bool:
    """Whether words end in a capitalised division word followed by "of", the name of a body ("the Florida
    Department of Law Enforcement", "Lima Province of ..."): the division word is no part of the place's name
    there, whatever division a gazetteer lists as "Florida Department"."""
    tokens = _tokens(doc)
    return end - start > 1 and end < len(doc) and tokens[end - 1].lower_ in DIVISION_WORDS \
        and tokens[end - 1].text[:1].isupper() and tokens[end].lower_ == "of"


def _after_pan(doc, i: int) -> bool:
    """Whether a word follows "Pan" ("Pan American", "Pan-African"): a demonym there names a whole
    continent's or people's body, not the country."""
    tokens = _tokens(doc)
    j = i - 1
    if j >= 0 and tokens[j].text == "-":
        j -= 1
    return j >= 0 and tokens[j].lower_ == "pan"


@cache
def _speech_verbs() -> frozenset[str]:
    """The reporting verbs of ``speech_verbs.txt`` (kind ``speech``: "say", "tell", "continue")."""
    out = set()
    for _, line in read_lines("speech_verbs.txt"):
        lemma, _, kind = line.partition("\t")
        if kind.strip() == "speech":
            out.add(lemma.strip().lower())
    return frozenset(out)


KNOWN_PERSON_TOWN = 100_000  # a name of a person the actors stage knows is a town only when a city this big


def _known_person(story: Story, m: Mention) -> bool:
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


def _speaking_person(doc, m: Mention) -> bool:
    """Whether a one-word name that can only be a town (no country, state, capital or city of a million
    by that name) is someone speaking: the subject of a reporting verb ("said Logan", "Brent told CTV",
    "Conrad continues") or the source after "according to" ("according to Conrad"). A town does not
    speak; a capital or a country that does is a government ("Moscow said") and stays."""
    tokens = _tokens(doc)
    word = m.span.text.strip()
    if m.kind != "name" or m.qualifier is not None or m.qualifies or " " in word or not word[:1].isupper() \
            or word.isupper():
        return False  # not in text without capitals ("the us said"), nor an abbreviation
    if any(p and (e.feature in ("country", "admin1", "continent", "region") or e.capital or e.population >= 1_000_000)
           for e, p in m.candidates):
        return False
    tok = m.root
    if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in _speech_verbs():
        return True
    return (tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.i > 0
            and tokens[tok.head.i - 1].lower_ == "according")


STORM_WORDS = {"hurricane", "typhoon", "cyclone", "storm", "superstorm"}  # and their plurals


def _respelt(text: str, cands: list, gaz: Gazetteer, label: str) -> list:
    """Records of another spelling of a place entity's name ("Gharbiya" for Al Gharbiyah, "Qamishli" for
    Al Qamishli: ``index.skeleton``) when the gazetteer knows the name by no primary spelling; read as
    alternate names (they score lower than a record's own name). Kept only when the article's other
    places lie in the same country (``_drop_far_respellings``)."""
    if label not in ("GPE", "LOC") or any(p for _, p in cands) or not text[:1].isupper():
        return []
    have = {id(e) for e, _ in cands}
    return [(e, False) for e, _ in _fit_case(text, gaz.variants(text))
            if id(e) not in have and e.feature in ("city", "admin1", "admin2")]


def _drop_far_respellings(mentions: list[Mention], text: str) -> list[Mention]:
    """A name read by another spelling whose reading lies in no country of the article's other places
    (read by their own names) is not kept: its other readings if it has any, else the name is dropped."""
    countries = {m.entry.country for m in mentions if m.entry is not None and id(m.entry) not in m.respelt}
    out = []
    for m in mentions:
        if m.entry is not None and id(m.entry) in m.respelt and m.entry.country not in countries:
            m.candidates = [(e, p) for e, p in m.candidates if id(e) not in m.respelt]
            m.respelt = set()
            if not m.candidates:
                continue
            resolve([m], text, others=mentions)
        out.append(m)
    return out


def _drop_far_streets(mentions: list[Mention]) -> list[Mention]:
    """A name that begins a street's or a park's name (``_names_a_street``) is dropped unless it reads as a
    town or county within ``NEAR_KM`` of another place of the article: "Texas Avenue", "Piedmont Park" (a
    state, a region of Italy) and "Eglinton Avenue" in a Toronto story (a town in Northern Ireland) are no
    places the gazetteer knows; "Hertford Road" in a story of Enfield runs towards that town. A whole name
    that is a street's or a park's ("Victoria Park", "Church Street", towns of Hong Kong and England) read
    so far is that street or park in the town the article names most, at the town's point (the gazetteer
    knows no streets); it is dropped when the article names no town. (Moving the first kind there too
    found four more GeoWebNews streets but would add every street name of a story to its places.)"""
    points = [(id(m), m.entry.lat, m.entry.lon) for m in mentions if m.entry is not None and m.kind == "name"
              and not m.street and m.entry.feature in ("city", "admin2") and m.entry.lat is not None]
    towns = Counter(id(m.entry) for m in mentions if m.entry is not None and m.kind == "name" and not m.street
                    and m.entry.feature == "city")
    entry_of = {id(m.entry): m.entry for m in mentions if m.entry is not None}
    main = entry_of[towns.most_common(1)[0][0]] if towns else None
    out = []
    for m in mentions:
        e = m.entry
        if m.street and e is not None and not (e.feature in ("city", "admin2") and e.lat is not None and any(
                i != id(m) and index.distance_km(e.lat, e.lon, la, lo) <= NEAR_KM for i, la, lo in points)):
            if m.street == "own" and main is not None:
                # "Victoria Park" in a story of London, Ontario: a park of the town the story is about, not
                # a town of that name abroad
                m.entry = main
                out.append(m)
            continue
        out.append(m)
    return out


def _conj_chain(tok) -> list:
    """A word and the words coordinated with it ("Harvey, Irma and Maria"), in text order."""
    root = tok
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    out, todo = [], [root]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    return sorted(out, key=lambda t: t.i)


def _storm_names(doc) -> set[str]:
    """The names the article gives storms ("Hurricane Harvey", "Tropical Storm Irma", "Typhoon Haiyan"): such a
    name is the storm wherever the article writes it ("Harvey, Irma and Maria"), unless qualified as a
    town ("Harvey, La."). So are the names set beside a plural storm word ("three hurricanes striking US
    soil: Harvey, Irma and Maria")."""
    tokens = _tokens(doc)
    out = set()
    for t in tokens[:-1]:
        if t.lower_.endswith("s") and t.lower_[:-1] in STORM_WORDS:
            # "three hurricanes striking US soil: Harvey, Irma and Maria": the names set beside the plural
            for a in t.children:
                if a.dep_ == "appos" and a.i > t.i:
                    out.update(c.text for c in _conj_chain(a) if c.text[:1].isupper() and c.is_alpha)
        if t.lower_.rstrip("s") not in STORM_WORDS or not t.text[:1].isupper():
            continue
        j = t.i + 1
        while j < len(doc) and tokens[j].text[:1].isupper() and tokens[j].is_alpha:
            out.add(tokens[j].text)  # "Hurricanes Irma and Maria": each name of the list
            if t.lower_.endswith("s") and j + 2 < len(doc) and tokens[j + 1].lower_ in (",", "and"):
                j += 2
                continue
            break
    return out


ROAD_WORDS = {"route", "highway", "hwy", "interstate"}


def _names_a_road(doc, m: Mention) -> bool:
    """Whether a country or state name begins a road's name or a number: "U.S. 41", "U.S. Route 1", "State
    Highway 27" (a road word and a number after it, or a number of up to three digits after "U.S."), or
    "No." is "number" ("No. 18-cr-10083")."""
    tokens = _tokens(doc)
    _, end = _token_bounds(doc, m)
    if end < len(doc) and tokens[end].text == "." and end + 1 < len(doc):  # "U.S" then a period token
        end += 1
    nxt = tokens[end] if end < len(doc) else None
    if nxt is None:
        return False
    word = m.span.text.rstrip(".")
    if word == "No" and nxt.text[:1].isdigit():
        return True
    if not any(e.feature in ("country", "admin1") for e, _ in m.candidates):
        return False
    if word in ("U.S", "US") and nxt.text.isdigit() and len(nxt.text) <= 3:
        return True
    return nxt.lower_ in ROAD_WORDS and end + 1 < len(doc) and tokens[end + 1].text[:1].isdigit()


def _a_title(doc, m: Mention) -> bool:
    """Whether a state's abbreviation with a period is a title before a person's name ("state Del. Marcia
    Price": a delegate, not Delaware): a person's name begins right after it, and no comma comes before it
    (a comma makes it a qualifier: "Dover, Del. Mayor ...")."""
    tokens = _tokens(doc)
    word = m.span.text.strip()
    if m.kind != "name" or not re.fullmatch(r"[A-Z][a-z]{1,4}\.", word):
        return False
    start, end = _token_bounds(doc, m)
    if end < len(doc) and tokens[end].text == ".":
        end += 1
    return end < len(doc) and tokens[end].ent_type_ == "PERSON" and tokens[end].ent_iob_ == "B" and not (
        start > 0 and tokens[start - 1].text == ",")


def _in_a_firm_name(doc, m: Mention) -> bool:
    """Whether a name that can only be a town stands in a run of capitalised words next to "&" ("Moore & Van
    Allen", "Dimond Kaplan & Rothstein"): partners' names of a firm, not towns."""
    tokens = _tokens(doc)
    if m.kind != "name" or not m.candidates or any(e.feature != "city" for e, _ in m.candidates):
        return False
    start, end = _token_bounds(doc, m)
    while start > 0 and tokens[start - 1].text[:1].isupper() and tokens[start - 1].is_alpha:
        start -= 1  # the run of capitalised words the name stands in ("Van Allen")
    while end < len(doc) and tokens[end].text[:1].isupper() and tokens[end].is_alpha:
        end += 1
    return (start > 0 and tokens[start - 1].text == "&") or (end < len(doc) and tokens[end].text == "&")


def _opens_a_longer_name(doc, m: Mention) -> bool:
    """Whether a name is followed, in the same sentence and with no mark between, by a capitalised word
    that is no place name nor a word of a division ("the Pacific Ocean", "Harvard Law School", "Wells
    Fargo", "Seton Hall"): the first word of a longer name, whatever it is read as. Such a reading says
    nothing of where the article's other places lie."""
    tokens = _tokens(doc)
    if m.kind != "name" or m.qualifier is not None:
        return False
    start, end = _token_bounds(doc, m)
    if start >= end or end >= len(doc) or tokens[end - 1].whitespace_ == "" or tokens[end].is_sent_start:
        return False
    nxt = tokens[end]
    return nxt.is_alpha and nxt.text[:1].isupper() and not nxt.text.isupper() \
        and nxt.lower_ not in DIVISION_WORDS and nxt.ent_type_ not in ("GPE", "LOC") \
        and nxt.lower_ not in _words("city_body_words.txt") and nxt.lower_ not in _words("place_cue_nouns.txt")


def _names_a_street(doc, m: Mention) -> bool:
    """Whether a place name begins the name of a street, a square or a park: a capitalised word of
    ``street_words.txt`` right after it ("Texas Avenue", "Piedmont Park", "Hampton Road"; the gazetteer
    knows no streets). Such a name is kept only when it reads as a town near the article's other places
    ("Hertford Road" in a story of north London), as the street lies there (``_drop_far_streets``)."""
    tokens = _tokens(doc)
    if m.kind != "name":
        return False
    _, end = _token_bounds(doc, m)
    nxt = tokens[end] if 0 < end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_.rstrip(".") in _words("street_words.txt"):
        return True
    # a name that ends in a street word itself ("Church Street", "Victoria Park", "Washington Square"): a
    # town so called elsewhere, or the street
    words = m.span.text.split()
    if len(words) > 1 and words[-1][:1].isupper() and words[-1].lower().rstrip(".") in _words("street_words.txt"):
        return "own"
    return False


WATER_AFTER = {"sea", "ocean", "strait", "straits"}  # "the South China Sea", "the Beaufort Sea"
WATER_BEFORE = {"gulf", "sea", "bay", "strait", "straits"}  # "the Gulf of Mexico", "the Sea of Japan"


def _in_a_water_name(doc, m: Mention) -> bool:
    """Whether a place name is a word of the name of a water the gazetteer does not know as a whole
    (``data/places/waters.tsv`` lists the seas and lakes it knows): a country's or state's name before a
    capitalised "Sea", "Ocean" or "Strait" ("the Beaufort Sea", "the Philippine Sea"), any place name after
    "Gulf of", "Sea of", "Bay of" ("the Gulf of Honduras", "the Sea of Marmara") or "Lake" ("Lake
    Winnebago"); and "Gulf" before "of" is no name of the Persian Gulf. The state, country or town is not
    the water. (Rivers are left alone: "the Tijuana River" runs by Tijuana.)"""
    tokens = _tokens(doc)
    start, end = _token_bounds(doc, m)
    if start >= end:
        return False
    nxt = tokens[end] if end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in WATER_AFTER and any(
            e.feature in ("country", "admin1", "region", "continent") for e, _ in m.candidates):
        return True
    if m.span.text == "Gulf" and nxt is not None and nxt.lower_ == "of":
        return True
    if start >= 1 and tokens[start - 1].text == "Lake":
        return True
    return start >= 2 and tokens[start - 1].lower_ == "of" and tokens[start - 2].text[:1].isupper() \
        and tokens[start - 2].lower_ in WATER_BEFORE


def _token_bounds(doc, m: Mention) -> tuple[int, int]:
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _names_a_disease(doc, m: Mention) -> bool:
    """Whether a place name or demonym begins the name of a disease ("Marburg virus", "Lassa fever",
    "Spanish flu", "Crimean-Congo hemorrhagic fever", "Middle East respiratory syndrome"): the next words,
    over a hyphenated name and the words of ``disease_name_words.txt``, end in a noun of
    ``disease_words.txt``."""
    tokens = _tokens(doc)
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.end
    while i < len(doc):
        t = tokens[i]
        if t.text == "-" and i + 1 < len(doc) and tokens[i + 1].text[:1].isupper():
            i += 2
            continue
        if t.lower_ in _words("disease_name_words.txt") or (t.text[:1].isupper() and t.lower_ in ("east", "west")):
            i += 1
            continue
        return t.lower_ in _words("disease_words.txt")
    return False


ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z]{2}$")  # "M.D.", "P.A.", "MD", "NC"


def _drop_loose_abbreviations(story: Story, found: list[Mention]) -> list[Mention]:
    """A state written as a short abbreviation ("M.D.", "P.A.", "MD") right after a comma that follows a
    person's or an organisation's name, not a place, is a degree or a firm's ending ("Charles Hall,
    M.D.", "Smith & Jones, P.A."), not the state it abbreviates ("Frederick, Md." stays)."""
    doc = story.doc
    tokens = _tokens(doc)
    out = []
    for m in found:
        if m.kind == "name" and ABBREVIATION.match(m.span.text) and m.candidates \
                and all(e.feature == "admin1" for e, _ in m.candidates):
            first = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            i = first.start if first is not None else 0
            if i >= 2 and tokens[i - 1].text == "," and tokens[i - 2].ent_type_ in ("PERSON", "ORG") \
                    and not any(o.span.start <= tokens[i - 2].idx < o.span.end for o in out):
                continue
            if POSTAL_CODE.match(m.span.text) and all(e.country == "USA" for e, _ in m.candidates) \
                    and not _state_code_place(story, m, i):
                continue
        out.append(m)
    return out


POSTAL_CODE = re.compile(r"^[A-Z]{2}$")
ZIP_AFTER = re.compile(r"^,?\s*\d{5}\b")


def _state_code_place(story: Story, m: Mention, i: int) -> bool:
    """Whether a state's two capitals ("NC", "PA") stand where a place is written: after a capitalised name
    and a comma ("Durham, NC"), after a locative preposition ("in NC"), before a ZIP code, or as a
    member's state ("R-NC"). Elsewhere two capitals are a firm's, a team's or an agency's ("NJ Advance
    Media", "the NC Dinos", "Metropolitan Police/PA", "GA passes": general admission)."""
    tokens = _tokens(story.doc)
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.text == "," and i >= 2 and tokens[i - 2].text[:1].isupper():
        return True
    if prev is not None and prev.lower_ in LOCAL_PREPS | EVENT_PREPS:
        return True
    return bool(ZIP_AFTER.match(story.text[m.span.end:m.span.end + 8])) or _party_state(story.text, m) \
        or bool(re.search(r"[RDI]\s?-\s?$", story.text[max(0, m.span.start - 3):m.span.start]))


def _place_entities(doc, gaz: Gazetteer) -> list:
    """The model's entities, a place entity the gazetteer does not know that the model ran across a comma
    split into its parts ("Thruxton, Hampshire" as one entity: "Thruxton" and "Hampshire"), and two
    place entities side by side joined when together they are a name the gazetteer knows ("Baja" and
    "California")."""
    from spacy.tokens import Span as SpacySpan

    out = []
    for ent in _ents(doc):
        if ent.label_ not in ENT_LABELS or "," not in [t.text for t in ent] or gaz.lookup(ent.text):
            out.append(ent)
            continue
        start = ent.start
        for t in list(ent) + [None]:
            if t is None or t.text == ",":
                stop = t.i if t is not None else ent.end
                if stop > start:
                    out.append(SpacySpan(doc, start, stop, label=ent.label_))
                start = stop + 1
    # two place entities side by side that make one known name ("Baja" "California")
    merged = []
    for ent in out:
        prev = merged[-1] if merged else None
        if (prev is not None and prev.end == ent.start and prev.label_ in ENT_LABELS and ent.label_ in ENT_LABELS
                and any(p for _, p in gaz.lookup(doc[prev.start:ent.end].text))):
            merged[-1] = SpacySpan(doc, prev.start, ent.end, label=prev.label_)
            continue
        merged.append(ent)
    return merged


def _town_and_division(story: Story, gaz: Gazetteer, found: list[Mention], taken: set[int]) -> list[tuple[int, int, list]]:
    """A name, a comma and a division or country that has a town or county of that name ("Oulton Park,
    Cheshire", "Thruxton, Hampshire", "Matias Romero, Oaxaca"): each side says the other is a place, so
    both are read, whatever the model made of them (one already read gives the other). Each side is one
    to three capitalised words; the division side ends the phrase (a punctuation mark or a lower-case
    word after it)."""
    doc = story.doc
    tokens = _tokens(doc)
    known = {}
    for m in found:
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is not None:
            known[(span.start, span.end)] = m.candidates

    def sides(i: int, step: int):
        """(start, end, candidates) of the names of one to three words on one side of the comma at i."""
        out = []
        for n in range(1, 4):
            a, b = (i - n, i) if step < 0 else (i + 1, i + 1 + n)
            if a < 0 or b > len(doc):
                break
            toks = doc[a:b]
            if not all(t.text[:1].isupper() and t.is_alpha or t.text in (".", "-") for t in toks) \
                    or not toks[0].text[:1].isupper():
                break
            if (a, b) in known:
                out.append((a, b, known[(a, b)], True))
            elif not any(j in taken for j in range(a, b)):
                cands = _fit_case(toks.text, gaz.lookup(toks.text), _period_after(doc, b))
                if cands:
                    out.append((a, b, cands, False))
        return out

    hits = []
    for tok in tokens:
        if tok.text != "," or not _usable(story, tok.idx):
            continue
        i = tok.i
        for a1, b1, c1, k1 in sides(i, -1):
            for a2, b2, c2, k2 in sides(i, 1):
                if k1 and k2:
                    continue
                after = tokens[b2] if b2 < len(doc) else None
                if after is not None and not (after.is_punct or after.text[:1].islower()):
                    continue
                outer = [e for e, p in c2 if p and e.feature in ("country", "admin1", "admin2")]
                inner = [e for e, _ in c1 if e.feature in ("city", "admin2")]
                if any(_within(e, o) for e in inner for o in outer):
                    if not k1:
                        hits.append((a1, b1, c1))
                    if not k2:
                        hits.append((a2, b2, c2))
                    break
            else:
                continue
            break
    seen, out = set(), []
    for a, b, c in sorted(hits):
        if not any(j in seen for j in range(a, b)):
            out.append((a, b, c))
            seen.update(range(a, b))
    return out


DIRECTION_WORDS = COMPASS_WORDS | {"far", "upper", "lower", "middle"}


def _direction_fragment(doc, start: int, end: int) -> bool:
    """Whether words of direction only ("Far North", "South East", "North-West") stand inside a longer
    name: before a capitalised word ("Far North Queensland", "South East Asian") or after a hyphen
    ("Calgary-North West"). Such words name no division abroad that is called so."""
    tokens = _tokens(doc)
    toks = doc[start:end]
    if end - start < 2 or not all(t.lower_ in DIRECTION_WORDS or t.text == "-" for t in toks):
        return False
    after = tokens[end] if end < len(doc) else None
    return ((after is not None and after.text[:1].isupper() and after.is_alpha)
            or (start > 0 and tokens[start - 1].text == "-"))


REPEAT_TOWN = 5_000  # a town read once is read again only when this big ...
REPEAT_PERSON_TOWN = 100_000  # ... and where the actors stage took the word for a person, this big


def _after_kin(doc, i: int) -> bool:
    """Whether a name follows a noun of kin, or is listed right after a name that does ("his wife, Tonya",
    "daughters Malia and Sasha", "girlfriend Olivia")."""
    tokens = _tokens(doc)
    j = i - 1
    while j >= 0 and tokens[j].text in (",", "and"):
        j -= 1
    if j < 0:
        return False
    if tokens[j].lower_ in _words("kin_nouns.txt"):
        return True
    return j < i - 1 and tokens[j].text[:1].isupper() and j > 0 and tokens[j - 1].lower_ in _words("kin_nouns.txt")


FIRST_NAME_RANK = 500  # the census first names this common ...


@cache
def _first_names() -> frozenset[str]:
    """The ``FIRST_NAME_RANK`` most common women's and men's first names of the US Census 1990 lists the
    ``names`` package ships (lower case; ``actors.first_names.common``); none when it is missing."""
    from ..actors.first_names import common

    return common(FIRST_NAME_RANK)


def _after_first_name(doc, i: int, taken: set[int]) -> bool:
    """Whether a word follows a common first name written as a name, outside any place entity ("Bill Rigby",
    "Brooke Henderson"): a surname then, not a town."""
    tokens = _tokens(doc)
    if i == 0:
        return False
    prev = tokens[i - 1]
    return (prev.i not in taken and prev.pos_ == "PROPN" and prev.text.istitle() and prev.is_alpha
            and prev.ent_type_ not in ("GPE", "LOC", "FAC") and prev.lower_ in _first_names())


def _first_names_listed(doc, i: int) -> bool:
    """Whether a common first name stands in a list of first names that ends in a person's full name ("Brent
    and Lynnette Hain", "Helen, Clarence, Irene and Randy Kunz"): people of one family, not towns."""
    tokens = _tokens(doc)
    names = _first_names()
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


def _first_name_of(doc, i: int) -> bool:
    """Whether a word is a common first name that one entity joins to the name after it ("Brooke Henderson"
    labelled a place as a whole)."""
    tokens = _tokens(doc)
    nxt = tokens[i + 1] if i + 1 < len(doc) else None
    return (tokens[i].lower_ in _first_names() and tokens[i].ent_iob_ == "B" and nxt is not None and nxt.ent_iob_ == "I"
            and nxt.pos_ == "PROPN" and nxt.text.istitle() and nxt.is_alpha)


def _full_names(doc, gaz: Gazetteer) -> set[str]:
    """The words of the people the article names in full by a plain personal name of two or three words
    ("Georgia Stevens", "Fidel Castro"): no word in capitals ("Henry Lazenby US"), no other word of it an
    ordinary English word ("US President", "Miami Herald Nuiry") or a country or state."""
    from ..word_classes import ordinary

    out = set()
    for ent in _ents(doc):
        if ent.label_ != "PERSON" or not 2 <= len(ent) <= 3 or not all(
                t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in ent):
            continue
        for t in ent:
            others = [o for o in ent if o.i != t.i]
            if not any(ordinary(o.text) or any(e.feature in ("country", "admin1") and p for e, p in gaz.lookup(o.text))
                       for o in others):
                out.add(t.text)
    return out


def _repeats(story: Story, found: list[Mention], taken: set[int], person_of: dict, person_words: set[str]
             ) -> list[tuple[int, int, list]]:
    """One sense per article: a name surely read as a place once is a place wherever else the article
    writes it the same way, whatever the model made of it there ("the Cairns service" after "in Cairns",
    the "Winnipeg" of "the Winnipeg Free Press"). Surely read: the model labelled it a place (or it is the
    dateline, qualified, or after "in", "at", "near", "from") and its reading is a country, region,
    division or a town of 5,000 by its own name. Not where it lies in the full name of a person the
    article names ("Georgia Stevens") or is a word of one ("Bingham" after "Ryan Bingham"), nor where the
    actors stage took it for a person, unless it is a city of 100,000."""
    doc = story.doc
    tokens = _tokens(doc)
    known: dict[str, dict[tuple[str, ...], tuple[list, Entry]]] = {}
    for m in found:
        e = m.entry
        if m.kind != "name" or not m.candidates:
            continue
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None or not span.text[:1].isupper():
            continue
        prev = tokens[span.start - 1].lower_ if span.start > 0 else ""
        sure = (span[0].ent_type_ in ("GPE", "LOC") or m.dateline or m.qualifier is not None
                or prev in ("in", "at", "near", "from"))
        best = max(m.candidates, key=lambda c: (c[0].feature != "city", c[0].population))
        e, primary = best
        if not sure or not primary or (e.feature == "city" and e.population < REPEAT_TOWN):
            continue
        key = tuple(t.text for t in span)
        known.setdefault(key[0], {}).setdefault(key, (m.candidates, e))

    def at(i: int):
        for key, (cands, e) in sorted(known.get(tokens[i].text, {}).items(), key=lambda kv: -len(kv[0])):
            n = len(key)
            toks = doc[i:i + n]
            if tuple(t.text for t in toks) != key or any(j in taken or j in person_of for j in range(i, i + n)):
                continue
            if n == 1 and key[0] in person_words or not _usable(story, tokens[i].idx):
                continue
            if _is_person(story, toks) and (e.feature == "city" and e.population < REPEAT_PERSON_TOWN):
                continue
            return (i, i + n, cands)
        return None

    return _scan(len(doc), at)


def _scan(length: int, at) -> list[tuple[int, int, list]]:
    """Left to right over the tokens, the match ``at(i)`` gives at each (start, end, candidates), resuming
    after it; a token with none is skipped."""
    out = []
    i = 0
    while i < length:
        hit = at(i)
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def _period_after(doc, end: int) -> bool:
    """Whether a name is written with a period ("Mass.", or "Mass" then a period token)."""
    tokens = _tokens(doc)
    return tokens[end - 1].text.endswith(".") or (end < len(doc) and tokens[end].text == ".")


def _possessive_after(doc, end: int) -> bool:
    """Whether a name is followed by a possessive ("St. John's", "Smith's")."""
    tokens = _tokens(doc)
    return end < len(doc) and tokens[end].text in ("'s", "’s", "ʼs")


POSSESSIVE_NAME = re.compile(r"['’ʼ]s$")


def _fit_case(text: str, cands: list, period_after: bool = False, possessive_after: bool = False) -> list:
    """An acronym ("NATO", "OAS", "MoD": up to five letters, no period, more than one capital) names a
    country, division or region by its abbreviation ("UK", "NY", "BC") or a city of a million by its
    short name ("NYC"), never a town whose name is spelt the same ("Nato", "Oas"). A short word (four
    letters or fewer) names a country, region or division by an abbreviation only when written as one:
    in capitals ("NC", "ACT"), or for a division with a period ("Mass.", "Man."), never as a plain word
    ("Mass", "the Act", "No", "Rd."), unless it is a word of the place's own name ("Kef" for Le Kef)."""
    if not possessive_after and not POSSESSIVE_NAME.search(text):
        # a place whose own name ends in a possessive ("Smith's" parish, "St. John's") is not named by
        # the bare word ("Christina Smith")
        cands = [(e, p) for e, p in cands if not POSSESSIVE_NAME.search(e.name)]
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) <= 4 and text == text.lower() and letters:
        # in text without capitals a short word the model took for a place is a country or region ("the us",
        # "u.k.", "eu"), a state only with periods ("n.y.", "la."), or a city of 100,000; never a village
        # spelt so ("Us", France; "Uk", Russia)
        return [(e, p) for e, p in cands if (p and e.feature in ("country", "region"))
                or (e.feature == "admin1" and (DOTTED.fullmatch(text.strip()) or period_after))
                or (e.feature == "city" and e.population >= 100_000)]
    if len(letters) <= 4 and not all(ch.isupper() for ch in letters):
        key = index.fold(text)
        cands = [(e, p) for e, p in cands if e.feature == "city" or key in index.fold(e.name).split()
                 or (period_after and e.feature in ("admin1", "admin2"))]
    if re.fullmatch(r"[A-Z]\.[A-Z]\.", text.strip()):
        # "N.Y.", "S.C.": a state by two letters with periods only as news writes them ("P.A." after a firm's
        # name is a professional association, not Pennsylvania)
        cands = [(e, p) for e, p in cands if e.feature != "admin1" or e.country != "USA"
                 or (e.admin1 or "").removeprefix("US.").lower() in _words("dotted_state_letters.txt")]
    if re.fullmatch(r"(?:[A-Z]\.){2,4}", text.strip()):
        # "U.N.", "E.U.", "I.R.S.": an abbreviation with periods names what it abbreviates (an alias: "D.C.",
        # "L.A.": the initials of Los Angeles), never a city whose own name or an alternate one is just those
        # letters ("Un", India; "Irs" for Eruh, Turkey; "Pa" for Chongqing)
        key = index.fold(text)
        cands = [(e, p) for e, p in cands if e.feature != "city" or (p and index.fold(e.name) != key)
                 or "".join(w[0] for w in index.fold(e.name).split()) == key]
    if ("." not in text and len(letters) <= 5 and sum(ch.isupper() for ch in letters) > 1
            and not re.search(r"[a-z]{2}", text)):  # an abbreviation with periods ("D.C.") or "McKee" is a name
        return [(e, p) for e, p in cands if e.feature != "city" or e.population >= 1_000_000]
    return cands


PLACE_PREFIX_WORDS = DIRECTION_WORDS | {"greater", "metro", "metropolitan", "downtown", "upstate", "inner", "outer"}


def _entity_at(doc, i: int):
    """The entity span that holds token ``i``, or None, read from the tokens' IOB tags (``doc.ents`` builds
    every entity span anew on each call, which cost the places stage half its time)."""
    tokens = _tokens(doc)
    if tokens[i].ent_iob_ not in ("B", "I"):
        return None
    s = i
    while s > 0 and tokens[s].ent_iob_ == "I":
        s -= 1
    e = i + 1
    while e < len(doc) and tokens[e].ent_iob_ == "I":
        e += 1
    return doc[s:e]


def _tail_of_place(toks, gaz: Gazetteer) -> bool:
    """Whether words end or lie inside a longer place name the model found and did not read as a whole
    ("Delta" of "the Nile Delta", "California" of "Baja California", "Islands" of "U.S. Virgin
    Islands", "Bay" of "Safety Bay"): the longer name is another place than the one its last words
    name. Not a country or a city of a million by its own name ("the British Embassy Tokyo"), nor where
    only direction words or the like come before ("Southern California", "Greater London")."""
    doc = toks.doc
    tokens = _tokens(doc)
    ent = _entity_at(doc, toks.start)
    if ent is None or toks.end > ent.end or tokens[ent.start].ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    start, _ = _trim(ent)
    if toks.start <= start:
        return False  # a name that begins the entity ("Niger" of "the Niger Delta")
    key = index.fold(toks.text)
    if any(p and index.fold(e.name) == key and (e.feature == "country" or (
            e.feature == "city" and e.population >= 1_000_000)) for e, p in gaz.lookup(toks.text)):
        return False  # a country or a city of a million by its own name ("British Embassy Tokyo")
    return not all(t.lower_ in PLACE_PREFIX_WORDS or t.text in ("-", ".") for t in doc[start:toks.start])


def _head_of_name(toks) -> bool:
    """Whether a word ends a longer name of something other than a place as its head noun (a word of
    ``name_words.txt``): "Centre" in "Northwest Cancer Centre", "Street" in "Royal Street" labelled an
    organisation, never a town of that name."""
    doc = toks.doc
    tokens = _tokens(doc)
    last = toks[-1]
    if len(toks) > 1 or last.lower_ not in _words("name_words.txt") or not last.ent_type_ \
            or last.ent_type_ in ("GPE", "LOC", "PERSON") or last.ent_iob_ == "B":
        return False
    ent = _entity_at(doc, last.i)
    return ent is not None and ent.end == last.i + 1 and ent.start < toks.start and \
        tokens[toks.start - 1].lower_ not in ("of", "de", "in", "at")


def _names_people(tok) -> bool:
    """Whether a demonym names people or a language rather than qualifying a noun: "the French voted",
    "speaks French" (not "French troops", "a Russian official")."""
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i:
        return False
    if tok.ent_type_ == "LANGUAGE":
        return True
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "ROOT")


def _lower_case(doc) -> bool:
    """Whether a text is written without capitals (the model then finds few names)."""
    last = _LAST_DOC
    if last[0] is doc and len(last[1]) == len(doc):
        return last[2]
    return _read_doc(doc)[2]


DOTTED = re.compile(r"(?:[a-z]\.){2,3}")  # "u.s.", "u.k.", "u.a.e." in text without capitals
LOWER_CASE_CITY = 300_000  # a city this big is read anywhere in text without capitals, if its name is no plain word


@cache
def _common_words() -> frozenset[str]:
    """English words used as verbs, adjectives or adverbs (lower case): WordNet's lists as the spaCy model's
    rule lemmatizer ships them (``lemma_index``); none when the model has no such table."""
    from ..nlp import load
    from ..word_classes import lemma_index

    return lemma_index(load(), ("verb", "adj", "adv"))


def _lower_case_names(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Place names in a text without capitals: the longest run of up to four words the gazetteer knows
    (not a verb, pronoun or function word, not in a person's name), kept when it is a country, region or
    continent by its own name, a state after a locative preposition or tagged as a proper noun, a county or
    district written with its division word ("troup county"), a city of
    100,000 tagged as a proper noun, any town of 5,000 after a locative preposition ("flooding in
    albany"), or a city of a million anywhere. Abbreviations ("man." for Manitoba) are not read here."""
    doc = story.doc
    tokens = _tokens(doc)

    def at(i: int):
        tok = tokens[i]
        if i not in taken and _usable(story, tok.idx) and (DOTTED.fullmatch(tok.text) or tok.lower_ == "us" and (
                tok.pos_ == "PROPN" or (i > 0 and tokens[i - 1].lower_ == "the"))):
            # "u.s.", "u.k.", and "us" read as a name ("us officials", "the us"), not the pronoun
            cands = [(e, p) for e, p in gaz.lookup(tok.text) if p and e.feature == "country"]
            if cands:
                return (i, i + 1, cands)
        if i in taken or not tok.is_alpha or tok.is_stop or not _usable(story, tok.idx):
            return None
        for n in range(min(4, len(doc) - i), 0, -1):
            toks = doc[i:i + n]
            # a short word the model took for a person is still a country's or region's abbreviation when it is
            # no first name ("eu officials", "the uae"; not "chad")
            short = n == 1 and len(tok) <= 4 and tok.lower_ not in _first_names()
            if any(t.i in taken or not (t.is_alpha or t.text in (".", "-")) or (t.ent_type_ == "PERSON" and not short)
                   for t in toks) or toks[-1].is_stop:
                continue
            if tok.ent_type_ == "PERSON":
                cands_abbr = [(e, p) for e, p in gaz.lookup(toks.text) if p and e.feature in ("country", "region")]
                if cands_abbr:
                    return (i, i + 1, cands_abbr)
                continue
            if toks[-1].pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM") or (
                    n == 1 and tok.lower_ in _words("generic_words.txt")):
                continue
            cands = gaz.lookup(toks.text)
            if not cands:
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

    return _scan(len(doc), at)


def _qualified(doc, end: int) -> bool:
    """A comma and a capitalised word right after a name ("Bingham, Utah")."""
    tokens = _tokens(doc)
    return end + 1 < len(doc) and tokens[end].text == "," and tokens[end + 1].text[:1].isupper()


def _local_context(doc, start: int, end: int) -> bool:
    """A locative preposition before a name, or a local noun after it."""
    tokens = _tokens(doc)
    prev = tokens[start - 1] if start > 0 else None
    nxt = tokens[end] if end < len(doc) else None
    return (prev is not None and prev.lower_ in ("in", "at", "near", "outside", "from")) or (
        nxt is not None and nxt.lower_ in _words("place_cue_nouns.txt"))


def _listed_with_place(toks, taken: set[int]) -> bool:
    """Whether a name is coordinated with a place already found ("Hilversum and Almelo", "Wisconsin and
    Pennsylvania")."""
    root = toks.root
    if root.dep_ == "conj" and root.head.i in taken:
        return True
    return any(c.dep_ == "conj" and c.i in taken for c in root.children)


def _dateline_mentions(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Token bounds and candidates of a dateline's place and its qualifier ("HOLLIDAY, Mo. -",
    "TORRINGTON -"), which the model often leaves unlabelled in capitals: at the start of the first body
    paragraph, and a name in capitals opening a later sentence the same way (a dateline after a headline
    or a byline, or of a second story on the page: "By Nate Raymond. BOSTON (Reuters) -", "The Canadian
    Press. TORONTO —"; there an acronym is read as for any name)."""
    doc = story.doc
    out: list[tuple[int, int, list]] = []
    used = set(taken)

    def read(start_char: int, text: str, later: bool) -> None:
        m = DATELINE.match(text)
        if not m:
            return
        for g, features in ((1, ("city", "admin2")), (2, ("admin1", "country"))):
            if not m.group(g):
                continue
            name = m.group(g).strip(" .,") if g == 1 else m.group(g).strip(" ,")
            start = start_char + m.start(g)
            span = doc.char_span(start, start + len(name), alignment_mode="expand")
            if span is None or any(t.i in used for t in span):
                continue
            cands = [(e, pr) for e, pr in gaz.lookup(name) if e.feature in features]
            county = re.fullmatch(r"(.+?)\s+(CO|COUNTY|PARISH)", name.upper()) if g == 1 else None
            if county and not cands:  # "PLYMOUTH CO. -", "WAYNE COUNTY -"
                word = "Parish" if county.group(2) == "PARISH" else "County"
                cands = [(e, pr) for e, pr in gaz.lookup(f"{county.group(1)} {word}") if e.feature == "admin2"]
            if g == 2 and not cands and name.upper() in US_POSTAL:
                e = gaz.admin(f"US.{name.upper()}")
                cands = [(e, True)] if e is not None else []
            if later and g == 1:
                cands = _fit_case(name, cands)
            if cands:
                out.append((span.start, span.end, cands))
                used.update(range(span.start, span.end))

    first = next((p for p in story.paragraphs if p.kind == "body"), None)
    if first is not None:
        read(first.span.start, first.span.text, False)
        if _lower_case(doc):
            out.extend(_lower_case_dateline(story, gaz, first, used))
    text = doc.text  # built from every token on each access: read once
    for sent in doc.sents:
        head = text[sent.start_char:sent.start_char + 120]
        if head[:2].isupper() and (first is None or sent.start_char > first.span.start) and _usable(story, sent.start_char):
            read(sent.start_char, head, True)
    return out


# "columbia, ky. (wbko) -", "laurel county, ky. -": a dateline written without capitals
LOWER_DATELINE = re.compile(r"^\s*([a-z][a-z .'\-]{2,40}?),\s*([a-z][a-z.]{1,14}?)(?:,\s*[a-z]{3,9}\.?\s+\d{1,2})?"
                            r"\s*(?:\([^)]{1,30}\)\s*)?[-—–:]")


def _lower_case_dateline(story: Story, gaz: Gazetteer, first, used: set[int]) -> list[tuple[int, int, list]]:
    """The place and its state or country of a dateline in a text without capitals ("columbia, ky. (wbko) -"):
    read only when the first name has a town or county reading inside the second's state or country."""
    m = LOWER_DATELINE.match(first.span.text)
    if not m:
        return []
    doc = story.doc
    outer = [e for e, p in gaz.lookup(m.group(2)) if p and e.feature in ("admin1", "country")]
    inner = [(e, p) for e, p in gaz.lookup(m.group(1).strip()) if e.feature in ("city", "admin2")
             and any(_within(e, o) for o in outer)]
    if not inner:
        return []
    out = []
    for g, cands in ((1, inner), (2, [(e, True) for e in outer])):
        name = m.group(g).strip()
        start = first.span.start + m.start(g)
        span = doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is None or any(t.i in used for t in span):
            return out
        out.append((span.start, span.end, cands))
        used.update(range(span.start, span.end))
    return out


PLURAL_DIVISIONS = {"counties": "County", "parishes": "Parish", "districts": "District", "provinces": "Province",
                    "states": "State", "boroughs": "Borough", "regions": "Region", "governorates": "Governorate",
                    "prefectures": "Prefecture", "oblasts": "Oblast", "townships": "Township"}


def _listed_divisions(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Names listed before a plural division word ("Lee, Terrell and Worth counties", "Hubei and Hunan
    provinces", "Harris and Talbot counties"): each is a division of that kind ("Lee County"), whatever the
    model made of it (a person, an organisation, a town of that name elsewhere). Each name is one to
    three capitalised words, the names joined by commas, "and", "or"; read where the gazetteer has a
    division by the name and the word ("Terrell County"), or by the name alone."""
    doc = story.doc
    tokens = _tokens(doc)
    out = []
    for tok in tokens:
        word = PLURAL_DIVISIONS.get(tok.lower_)
        if word is None or not tok.text.islower() or not _usable(story, tok.idx):
            continue
        names, j = [], tok.i
        while j > 0:
            k = j
            while k > 0 and j - k < 3 and (tokens[k - 1].text[:1].isupper() and tokens[k - 1].is_alpha or (
                    tokens[k - 1].text == "-" and k >= 2 and tokens[k - 2].text[:1].isupper() and k < j)):
                k -= 1  # "Lee, Terrell and Worth counties", "Miami-Dade and Broward counties"
            if k == j:
                break
            names.append((k, j))
            if k >= 1 and tokens[k - 1].lower_ in ("and", "or", "&"):
                k -= 1
                if k >= 1 and tokens[k - 1].text == ",":
                    k -= 1
            elif k >= 1 and tokens[k - 1].text == "," and len(names) >= 1:
                k -= 1
            else:
                break
            j = k
        if len(names) < 2:  # one name before the word is no list ("the Hubei provinces" is rare; "the Gulf states")
            continue
        for a, b in names:
            if any(i in taken for i in range(a, b)):
                continue
            name = doc[a:b].text
            cands = [(e, p) for e, p in gaz.lookup(f"{name} {word}") if e.feature in ("admin1", "admin2")]
            if not cands:
                cands = [(e, p) for e, p in gaz.lookup(name) if p and e.feature in ("admin1", "admin2")]
            if cands:
                out.append((a, b, cands))
                taken.update(range(a, b))
    return out


def _joined_names(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Country and state names made of two names joined by "and" or "&" ("Trinidad and Tobago", "Antigua
    and Barbuda", "Bosnia and Herzegovina", "Trinidad & Tobago"): read whole, wherever the model split them
    (into a town of Bolivia and an island, or a person). Up to six capitalised words around the "and",
    known to the gazetteer by their whole writing as a country's or a first-level division's own name."""
    doc = story.doc
    tokens = _tokens(doc)
    out = []
    for tok in tokens:
        if tok.lower_ not in ("and", "&") or tok.i == 0 or not _usable(story, tok.idx):
            continue
        for a in range(tok.i - 1, max(-1, tok.i - 4), -1):
            if not (tokens[a].text[:1].isupper() and tokens[a].is_alpha):
                break
            hit = None
            for b in range(tok.i + 2, min(len(doc), tok.i + 4) + 1):
                if not (tokens[b - 1].text[:1].isupper() and tokens[b - 1].is_alpha):
                    break
                if any(i in taken for i in range(a, b)):
                    continue
                name = doc[a:b].text.replace("&", "and")
                cands = [(e, p) for e, p in gaz.lookup(name) if p and e.feature in ("country", "admin1")]
                if cands:
                    hit = (a, b, cands)
            if hit:
                out.append(hit)
                taken.update(range(hit[0], hit[1]))
                break
    return out


AIRPORT_WORDS = {"airport", "airfield"}
BIG_AIRPORT_CITY = 1_000_000  # the airport of a city this big is known by its short name alone ("Heathrow")
AIRPORT_TOWN = 10_000  # ... unless a town this big bears that name
# words the short names of airports share with plain English ("London City", "Beijing Capital", "Avalon",
# "Dallas Executive"): never an airport on their own
AIRPORT_PLAIN_WORDS = {"executive", "gateway", "intercontinental", "international", "national", "metropolitan",
                       "county", "field", "municipal", "regional", "afb", "avalon", "sphinx"}


def _airports(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Airports named before the word "Airport" or "airport" ("Toronto's Pearson International Airport",
    "O'Hare International Airport", "at Heathrow airport", "Amsterdam Airport Schiphol"): up to six
    capitalised words (and hyphens) right before it that name an airport of ``index.airport_key``, the
    longest first; "Airport" written with a capital belongs to the name. The word says it is an airport,
    so a town of that name is no reading ("Heathrow" is also a village of Florida)."""
    doc = story.doc
    tokens = _tokens(doc)
    out = []
    for tok in tokens:
        if tok.lower_ not in AIRPORT_WORDS or tok.i in taken or not _usable(story, tok.idx):
            continue
        first = tok.i
        while first > 0 and tok.i - first < 6 and first - 1 not in taken and (
                tokens[first - 1].text[:1].isupper() or tokens[first - 1].text in ("-", "/")):
            first -= 1
        after = tok.i + 1 < len(doc) and tok.text[:1].isupper() and tokens[tok.i + 1].text[:1].isupper()
        # "the New Jersey airport": with "airport" in lower case, the whole run of names or nothing
        for start in range(first, tok.i if tok.text[:1].isupper() else min(first + 1, tok.i)):
            if not tokens[start].text[:1].isupper():
                continue
            hits = gaz.airport(doc[start:tok.i].text)
            end = tok.i + 1 if tok.text[:1].isupper() else tok.i
            if not hits and after:  # "Amsterdam Airport Schiphol"
                hits = gaz.airport(doc[start:tok.i + 2].text)
                end = tok.i + 2 if hits else end
            if hits:
                out.append((start, end, [(e, True) for e in hits]))
                taken.update(range(start, end))
                break
    return out


def _big_airport(gaz: Gazetteer, written: str, cands: list) -> list:
    """The airport of a city of a million that a one-word place name is the short name of ("Heathrow",
    "Schiphol", "Gatwick"), as a reading beside the towns of that name, unless one of them has 10,000
    people ("Narita", "Orly" and "Luton" are towns first)."""
    key = index.fold(written)
    if (" " in key or not written[:1].isupper() or key in _words("generic_words.txt") or key in AIRPORT_PLAIN_WORDS
            or key in COMPASS_WORDS or any(e.feature != "city" or e.population >= AIRPORT_TOWN for e, _ in cands)):
        return []
    return [(e, True) for e in gaz.airport(written) if e.population >= BIG_AIRPORT_CITY]


def _is_person(story: Story, toks) -> bool:
    actor = story.actor_at(toks.start_char, toks.end_char)
    return actor is not None and actor.kind == "person"


def _surely_place(cands, label: str, *, in_person: bool, after_prep: bool = False, written: str = "") -> bool:
    """Whether a name found outside a place entity is a place: a country, continent, region or state by
    its own name, or a county or a big city (bigger when labelled a person; any town after "in", "at",
    "near"), these two also by their name with a word abbreviated ("St. Tammany Parish" for Saint Tammany
    Parish; not a state so: "St. Michael" is no parish of Barbados)."""
    if in_person:
        return False
    if after_prep:
        need = 20_000 if label == "PERSON" else 2_000
    else:
        need = 200_000 if label == "PERSON" else 50_000
    respelt = set(index.abbreviated(index.fold(written))) if written else set()
    for e, primary in cands:
        if not primary and index.fold(e.name) not in respelt:
            continue
        if e.feature in ("country", "continent", "region", "admin1") and primary:
            return True
        if e.feature == "admin2" and set(e.name.lower().split()) & DIVISION_WORDS:  # "Montgomery County"
            return True
        if e.feature == "city" and e.population >= need:
            return True
    return False


def _usable(story: Story, offset: int) -> bool:
    p = story.paragraph_at(offset)
    return p is None or p.kind != "boilerplate"


# "X in Y", "X province of Y", "X county in the Y": the words between a name and the place it lies in
LIES_IN = re.compile(r"\s+(?:(?:%s)\s+(?:of|in)|in)\s+(?:the\s+)?" % "|".join(sorted(DIVISION_WORDS | TOWN_WORDS)),
                     re.IGNORECASE)


# "Kenya's ", "Angola's northern ": a country's possessive and up to two words before a name
COUNTRY_OWNS = re.compile(r"['’]s\s+(?:[A-Za-z][a-z-]*\s+){0,2}")


def _link_qualifiers(story: Story, mentions: list[Mention]) -> None:
    """"Paris, Texas" / "Quetta, Pakistan": the second name narrows the first. So does a division or
    country the name is said to lie in ("the village of Karo in North Sumatra", "Gharbiya province of
    Egypt", "Puge county of Sichuan province") when the first name has a reading inside it."""
    text = story.text
    names = [m for m in mentions if m.kind == "name"]
    for a, b in pairwise(names):
        between = text[a.span.end:b.span.start]
        owner = [e for e, p in a.candidates if e.feature == "country" and p]
        if COUNTRY_OWNS.fullmatch(between) and owner and not any(e.feature == "country" for e, _ in b.candidates):
            # "Angola's northern Uige province": the country narrows the name that follows, as "Uige,
            # Angola" would, when the name has a reading there or names a division ("Kenya's North
            # Eastern Province": that country); never "Russia's London embassy"
            last = b.span.text.split()[-1].lower()
            nxt = text[b.span.end:b.span.end + 16].split()
            division = last in DIVISION_WORDS or (bool(nxt) and nxt[0].lower().strip(".,") in DIVISION_WORDS)
            if division or any(_within(e, o) for e, _ in b.candidates for o in owner):
                b.qualifier = a
                a.qualifies = True
            continue
        if LIES_IN.fullmatch(between):
            if not any(e.feature == "country" and p for e, p in a.candidates) and any(
                    _within(e, o) for e, _ in a.candidates for o, _ in b.candidates
                    if o.feature in ("country", "admin1", "admin2")):
                a.qualifier = b
                b.qualifies = True
            continue
        if between.strip() != ",":
            continue
        state = _postal_entry(b.span.text) if b.span.text in US_POSTAL else None
        if state is not None and any(_within(e, state) for e, _ in a.candidates):
            # "Spokane, WA": the state by its postal code after a town of it, not Western Australia or Wa,
            # Ghana ("Perth, WA" stays Australian: no Perth lies in Washington)
            b.candidates = [(state, True)]
        if _modifies_next(b.root):  # "in Russia, U.S. officials said": a new phrase, not a qualifier
            continue
        outer = [e for e, _ in b.candidates if e.feature in ("country", "admin1", "admin2")]
        if any(e.feature == "country" and p for e, p in a.candidates):
            outer = [o for o in outer if o.feature != "country"]  # "Lebanon, Pa." but never "Russia, U.S."
        same = {id(e) for e, _ in a.candidates} & {id(e) for e, _ in b.candidates}  # "Washington, D.C."
        # "Holliday, Mo.": a town the gazetteer lacks in that state, a comma and a state alone
        lone_state = (b.candidates and all(e.feature == "admin1" for e, _ in b.candidates)
                      and len({e.admin1 for e, _ in b.candidates}) == 1
                      and all(e.feature == "city" for e, _ in a.candidates))
        if same or lone_state or (outer and any(_within(e, o) for e, _ in a.candidates for o in outer)):  # not "Russia, China"
            a.qualifier = b
            b.qualifies = True
    # "Paris, TX": a US postal code right after a comma
    for m in names:
        if m.qualifier is None:
            tail = re.match(r",\s*([A-Z]{2})\b", text[m.span.end:m.span.end + 6])
            if tail and tail.group(1) in US_POSTAL:
                m.qualifier = Mention(Span.of(text, m.span.end + tail.start(1), m.span.end + tail.end(1)), None,
                                      candidates=[])
                m.qualifier.entry = _postal_entry(tail.group(1))


LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*")


def _link_lists(story: Story, mentions: list[Mention]) -> None:
    """Names listed together ("Iowa, Nebraska and Washington", "Alabama or Georgia"): each one's
    neighbours in the list, which say what kind of place it is."""
    text = story.text
    names = [m for m in mentions if m.kind == "name"]
    for a, b in pairwise(names):
        if a.qualifier is b or b.qualifies or a.qualifies:
            continue
        if LIST_GAP.fullmatch(text[a.span.end:b.span.start]):
            a.listed.append(b)
            b.listed.append(a)


def _modifies_next(tok) -> bool:
    """Whether a name modifies a noun after it ("U.S. officials", "Texas police")."""
    return tok is not None and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i \
        and tok.head.pos_ in ("NOUN", "PROPN")


def _postal_entry(code: str) -> Entry | None:
    return index.load().admin(f"US.{code}")


# -- 2. resolution -------------------------------------------------------------------------------------
@dataclass
class Context:
    countries: Counter = field(default_factory=Counter)
    admins: Counter = field(default_factory=Counter)
    focus: str | None = None
    admin_focus: str | None = None  # the state or province the article's places lie in most
    members: set = field(default_factory=set)  # ids of the mentions that voted
    points: list = field(default_factory=list)  # (lat, lon) of the article's other towns and counties
    counties: dict = field(default_factory=dict)  # admin2 code -> folded name of the counties the article names
    local: list = field(default_factory=list)  # (lat, lon, km) of the towns the text places itself, its counties


def _within(entry: Entry, place: Entry) -> bool:
    """Whether ``entry`` lies in ``place`` (a country or division)."""
    if place.feature == "country":
        return entry.country == place.country and entry.feature != "country"
    if place.feature == "admin1":
        return entry.admin1 == place.admin1 and entry.geonameid != place.geonameid
    if place.feature == "admin2":
        return entry.admin2 == place.admin2 and entry.geonameid != place.geonameid
    return False


def score(m: Mention, entry: Entry, primary: bool, ctx: Context, text: str) -> float:
    s = 1.3 * math.log10(entry.population + 10)
    follows = text[m.span.end:m.span.end + 28].lower().split()
    nxt = follows[0].strip(".,'\u2019") if follows else ""
    if nxt in PARTY_WORDS and len(follows) > 1:
        nxt = follows[1].strip(".,'\u2019")  # "New York Democratic voters": the voters of the state
    division_word = nxt in DIVISION_WORDS or (entry.feature == "admin1" and nxt in _words("state_cue_words.txt"))
    if entry.feature == "admin1" and _compass_before(m, text):
        division_word = True
        s += COMPASS_STATE
    before = text[max(0, m.span.start - 24):m.span.start].lower().split()
    if entry.feature == "admin1" and len(before) >= 2 and before[-1] in ("of", "from") \
            and before[-2].rstrip(".") in _words("state_office_words.txt"):
        division_word = True  # "the attorney general of Oklahoma", "a senator from Washington"
    # "the city of Turkey", "the town of Poland": a town, not the country or state of that name
    town_word = len(before) >= 2 and before[-1] == "of" and before[-2] in TOWN_WORDS
    if town_word:
        s += 7.0 if entry.feature == "city" and primary else -6.0
    # "the state of Veracruz", "the province of Hubei", "the provinces of Cavite and Laguna": a division,
    # as "Hubei province" says
    # ("the county of Kent": a county or a state)
    kind = (PLURAL_DIVISIONS.get(before[-2], "").lower() or before[-2]) if len(before) >= 2 else ""
    if len(before) >= 2 and before[-1] == "of" and kind in DIVISION_WORDS and kind not in TOWN_WORDS:
        division_word = division_word or entry.feature == "admin1" or (
            entry.feature == "admin2" and kind not in FIRST_LEVEL_WORDS)
    if entry.feature in ("country", "continent", "region"):
        s += 5.0 if primary else 2.0
        if entry.feature == "country" and sum(e.feature == "country" for e, _ in m.candidates) > 1:
            # a name two countries share ("Congo"): the one the article's other places lie in
            s += SHARED_NAME * ctx.countries.get(entry.country, 0) / (sum(ctx.countries.values()) or 1)
    elif entry.feature == "admin1":
        s += 1.5 + (2.0 if division_word else 0.0)
        if not division_word and not (ADMIN_INSIDE and ctx.admins.get(entry.admin1)) and any(
                e.feature == "city" and e.country == entry.country
                and (e.population >= 600_000 or (e.admin1 == entry.admin1 and e.population >= 0.25 * entry.population))
                for e, _ in m.candidates):
            s -= 4.0  # "New York", "Washington", "Geneva": the city unless the text says "state"
    elif entry.feature == "admin2":
        # "state" after a name makes it a state, never a county or municipality ("Rio de Janeiro state")
        s += -2.0 + (4.0 if (division_word and nxt != "state") or any(w in m.span.text.lower() for w in DIVISION_WORDS)
                     else 0.0)
    if entry.capital:
        s += 1.5
    if entry.feature == "city" and any(e.feature == "country" and p for e, p in m.candidates):
        if _in_namesake_county(entry, ctx) or (
                (nxt in _words("place_cue_nouns.txt") or nxt in _words("city_body_words.txt"))
                and entry.admin1 and ctx.admins.get(entry.admin1)):
            # "Lebanon" in a story of Lebanon County, Pa.: the town the county is named after; so is a town
            # of the state the story lies in, before a town's noun ("Lebanon police", "the Lebanon council")
            s += COUNTY_NAMESAKE
        else:
            s -= 3.0  # "Mexico", "Kuwait": the country unless qualified
    if not primary and not _big_by_other_name(m, entry, ctx):
        s -= 2.5
        if entry.feature == "city" and entry.population < BIG_NAMESAKE and any(
                p and e.feature == "city" and e.population >= entry.population for e, p in m.candidates) \
                and index.fold(entry.name) not in index.abbreviated(index.fold(m.span.text)):
            # a town by an old or other name, while a bigger town bears it as its own ("Charleston" is not
            # Charlestown, Mass.; "Florence" not Munroe Falls, Ohio, once called so); a big city keeps its
            # short name ("Newcastle" upon Tyne), and a town its name abbreviated ("Mt. Pleasant")
            s -= ALT_SMALLER
    if entry.feature == "admin1" and any(
            o.entry is not None and o.entry.feature == "admin1" and o.entry.country == entry.country
            for o in m.listed if o.entry is not entry):
        s += LISTED  # a state listed with other states of its country ("California or Washington")
    if m.qualifier is not None:
        q = m.qualifier.entry
        if q is not None:
            s += 20.0 if _within(entry, q) or entry is q else -5.0
        elif m.qualifier.candidates:
            s += 20.0 if any(_within(entry, e) or entry is e for e, _ in m.qualifier.candidates) else -5.0
    if entry.feature not in ("country", "continent", "region"):
        total = sum(ctx.countries.values()) or 1
        if entry.country == ctx.focus:
            s += 3.5 if not _dwarfed_stranger(m, entry, ctx) else DWARFED_FOCUS
        elif ctx.countries.get(entry.country):
            s += 1.0 + ctx.countries[entry.country] / total
        shadow = _overshadowed(m, entry, ctx)
        if entry.feature == "admin1":
            if ctx.admins.get(entry.admin1):  # other places of the article lie in this state
                s += ADMIN_INSIDE
        elif shadow:
            pass  # "Cleveland" in a story of Charlotte: the big city, unless the text says otherwise
        elif entry.admin1 and ctx.admins.get(entry.admin1):
            s += ADMIN_NEAR + (ADMIN_FOCUS if entry.admin1 == ctx.admin_focus else 0.0)
        if entry.feature in ("city", "admin2") and entry.lat is not None and ctx.points and not shadow:
            near = any(abs(entry.lat - la) <= NEAR_LAT and index.distance_km(entry.lat, entry.lon, la, lo) <= NEAR_KM
                       for la, lo in ctx.points)  # (NEAR_LAT: a first test without the distance)
            s += NEAR_BONUS if near else 0.0  # a town near the article's other towns
        if entry.feature in ("city", "admin2"):  # among its town readings, those near readings of other names
            s -= COHERE * (m.cohere.get("best", 0) - (0 if shadow else m.cohere.get(id(entry), 0)))
    return s


BIG_NAMESAKE = 100_000  # a city this big by its own name ...
OVERSHADOW = 100  # ... and this many times bigger than a town of that name overshadows the town
SUBURB_KM = 30.0  # a big city the text places itself lends support to the towns this close, its suburbs


def _overshadowed(m: Mention, entry: Entry, ctx: Context) -> bool:
    """Whether a town bears the name of a well-known city ``OVERSHADOW`` times its size (a city of
    ``BIG_NAMESAKE`` or more by its own name, or a capital): "Cleveland" is Ohio's city of 370,000, not a
    town of 873 in North Carolina, though the story lies in Charlotte. Such a town gets no points for the
    article's other places lying in its state or near it; only what the text says of the name itself (a
    qualifier, "Cleveland, N.C.", a dateline, the name read so elsewhere in the article) or a local story
    around it makes it the town: its county named, or within ``NEAR_KM`` of a town the text places itself,
    by a qualifier or a dateline ("COLUMBIA, Ky." and "Edmonton": Edmonton, Kentucky, not Alberta's city),
    within ``SUBURB_KM`` when that is a big city ("Buffalo, New York" and "Hamburg": the town by Buffalo;
    "Tulsa, Oklahoma" lends nothing to Cleveland, Oklahoma, 60 km away)."""
    if entry.feature != "city" or m.qualifier is not None or m.dateline:
        return False
    if not any(p and e.feature == "city" and e is not entry and (e.population >= BIG_NAMESAKE or e.capital)
               and e.population >= OVERSHADOW * max(entry.population, 1) for e, p in m.candidates):
        return False
    if entry.admin2 and entry.admin2 in ctx.counties:
        return False
    return not (entry.lat is not None and any(_near(entry.lat, entry.lon, la, lo, km) for la, lo, km in ctx.local))


DWARFED = 50  # a town this many times smaller than a namesake city abroad ...
DWARFED_FOCUS = 1.0  # ... gets only these points for lying in the article's country, unless near its places


def _dwarfed_stranger(m: Mention, entry: Entry, ctx: Context) -> bool:
    """Whether a town is dwarfed by a namesake city in another country (``DWARFED`` times bigger, bearing the
    name as its own: "White House" is no more than a translation of Casablanca's name) and has
    nothing of the article near it: no other place of the article in its state, none within ``NEAR_KM``.
    Lying in the country the article is about is then little reason to prefer it ("flew to Hamburg" in a story
    of Chicago and Boston is the German city, not Hamburg, New York; in a story of Buffalo it is the town)."""
    if entry.feature != "city" or not any(
            p and e.feature == "city" and e.country != entry.country
            and e.population >= DWARFED * max(entry.population, 1) for e, p in m.candidates):
        return False
    if entry.admin1 and ctx.admins.get(entry.admin1):
        return False
    return not (entry.lat is not None and any(abs(entry.lat - la) <= NEAR_LAT and index.distance_km(
        entry.lat, entry.lon, la, lo) <= NEAR_KM for la, lo in ctx.points))


ALT_BIG_CITY = 500_000  # a city this big under another spelling of the name ...
ALT_BIG_LEAD = 10  # ... and this many times bigger than every place that bears the name as its main name


def _big_by_other_name(m: Mention, entry: Entry, ctx: Context) -> bool:
    """Whether a city known by the name only as an alternate spelling is so much bigger than every place that
    bears it as its main name that it is the one meant ("Mansoura": Egypt's Al Mansurah of 600,000, not an
    Algerian town of that name): a city of ``ALT_BIG_CITY`` and ``ALT_BIG_LEAD`` times the biggest of them,
    none of which lies in a country of the article's other places (in an American story "White House" is
    no translation of Casablanca's name). Such a reading loses no points for being an alternate name."""
    if entry.feature != "city" or entry.population < ALT_BIG_CITY:
        return False
    main = [e for e, p in m.candidates if p]
    return bool(main) and entry.population >= ALT_BIG_LEAD * max(e.population for e in main) and not any(
        ctx.countries.get(e.country) for e in main)


COUNTY_NAMESAKE = 2.0
ALT_SMALLER = 3.0  # more points off a town by another name when a bigger town bears the name as its own


def _in_namesake_county(entry: Entry, ctx: Context) -> bool:
    """Whether a town lies in a county the article names after it ("Lebanon" in Lebanon County): there a
    name that a country shares is the town."""
    county = ctx.counties.get(entry.admin2 or "")
    return county is not None and county.split()[0] == index.fold(entry.name).split()[0]


def _without(ctx: Context, m: Mention) -> Context:
    """The context less what a mention itself put in (so a name does not vote for its own reading)."""
    e = m.entry
    if e is None or id(m) not in ctx.members:
        return ctx
    w = 0.5 if m.kind != "name" else 1.0
    out = Context(ctx.countries.copy(), ctx.admins.copy(), None)
    out.countries[e.country] -= w
    if e.admin1 and e.feature != "country":
        out.admins[e.admin1] -= w
    out.countries = +out.countries
    out.admins = +out.admins
    out.focus = out.countries.most_common(1)[0][0] if out.countries else None
    out.admin_focus = out.admins.most_common(1)[0][0] if out.admins else None
    out.counties = {k: v for k, v in ctx.counties.items() if not (e.feature == "admin2" and k == e.admin2)}
    return out


def resolve(mentions: list[Mention], text: str, ctx: Context | None = None, *, others: list[Mention] | None = None,
            confident_only: bool = False) -> None:
    """Pick each mention's entry. With ``others``, the context of a name is built from the other names
    of the article only (so that "London" said five times does not vote for its own reading)."""
    from .index import fold

    contexts: dict[str, Context] = {}
    for m in mentions:
        if not m.candidates:
            continue
        if others is not None:
            key = fold(m.span.text)
            if key not in contexts:
                contexts[key] = build_context([o for o in others if fold(o.span.text) != key],
                                              confident_only=confident_only)
            own = contexts[key]
        else:
            own = _without(ctx or Context(), m)
        ranked = sorted(((score(m, e, p, own, text), i) for i, (e, p) in enumerate(m.candidates)), reverse=True)
        best = ranked[0]
        m.entry = m.candidates[best[1]][0]
        m.score_margin = best[0] - ranked[1][0] if len(ranked) > 1 else 99.0
        outer = _qualifying_division(m)
        if outer is not None and not (_within(m.entry, outer) or m.entry is outer):
            # "Holliday, Mo.", a village the gazetteer lacks there: the state it is said to lie in, not a
            # namesake elsewhere
            m.entry = outer


def _qualifying_division(m: Mention) -> Entry | None:
    """The state or country a qualifier says a town lies in ("Mo." of "Holliday, Mo."), when it reads as one."""
    q = m.qualifier
    if q is None:
        return None
    e = q.entry
    if e is None and len(q.candidates) == 1:
        e = q.candidates[0][0]
    return e if e is not None and e.feature in ("admin1", "country") else None


def build_context(mentions: list[Mention], *, confident_only: bool) -> Context:
    ctx = Context()
    for m in mentions:
        e = m.entry
        if e is None or (confident_only and m.score_margin < 2.0) or m.affiliation:
            continue
        if m.embedded and e.feature == "city" and e.population < BIG_NAMESAKE and m.score_margin < 2.0:
            continue  # "the Pacific Ocean" read, barely, as Pacific, Missouri votes for nothing
        w = 0.5 if m.kind != "name" else 1.0
        ctx.members.add(id(m))
        ctx.countries[e.country] += w
        if e.feature in ("admin1", "admin2", "city") and e.admin1:
            ctx.admins[e.admin1] += w
        if e.feature in ("city", "admin2") and m.kind == "name" and e.lat is not None:
            ctx.points.append((e.lat, e.lon))
        if e.feature == "admin2" and m.kind == "name" and e.admin2:
            ctx.counties[e.admin2] = index.fold(e.name)
        if m.kind == "name" and e.lat is not None and (e.feature == "admin2" or (
                e.feature == "city" and (m.qualifier is not None or m.dateline))):
            # "COLUMBIA, Ky.", "Metcalfe County": a local story's own places; a big city's suburbs only
            ctx.local.append((e.lat, e.lon, SUBURB_KM if e.population >= BIG_NAMESAKE else NEAR_KM))
    if ctx.countries:
        ctx.focus = ctx.countries.most_common(1)[0][0]
    if ctx.admins:
        ctx.admin_focus = ctx.admins.most_common(1)[0][0]
    return ctx


def focus_country(mentions: list[Mention]) -> str | None:
    """The country the article is about: the most frequent country of its resolved places (a name counts
    1, a demonym or a country acting as a government, "The U.S. is downplaying", 0.5; ties go to the
    country named first)."""
    votes: Counter = Counter()
    for m in mentions:
        if m.dateline and m.entry is not None:
            votes[m.entry.country] += 1.0  # the dateline counts double
        if m.entry is not None and m.entry.country:
            votes[m.entry.country] += 0.5 if (m.kind != "name" or m.metonymic) else 1.0
    if not votes:
        return None
    top = votes.most_common(2)
    if len(top) > 1 and top[0][1] == top[1][1]:
        first = {c: min(i for i, m in enumerate(mentions) if m.entry and m.entry.country == c) for c, _ in top}
        return min(first, key=first.get)
    return top[0][0]


# -- 4. event places -----------------------------------------------------------------------------------
def _clause_verb(tok):
    """The nearest verb at or above a token."""
    return climb(tok, lambda t: t.pos_ not in ("VERB", "AUX"))


def _locative_head(tok):
    """For a place token inside a locative prepositional phrase, the word the phrase attaches to."""
    tok = climb(tok, lambda t: t.dep_ in ("compound", "appos", "conj", "amod", "nmod"))
    # "through the streets of Lahore", "on the outskirts of Kabul": climb out of the "of" phrase
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in EVENT_PREPS:
        return tok.head.head
    return None


def dateline(story: Story, by_start: dict[int, Mention]) -> Mention | None:
    """A dateline place at the start of the first body paragraph: "GENEVA -", "KABUL, Afghanistan (AP) —"."""
    for p in story.paragraphs:
        if p.kind != "body":
            continue
        m = DATELINE.match(p.span.text)
        if m:
            start = p.span.start + m.start(1)
            for s, men in by_start.items():
                if start <= s < p.span.start + m.end(1):
                    return men
        return None
    return None


def place_events(story: Story, mentions: list[Mention], place_of: dict[int, str]) -> None:
    doc = story.doc
    usable = [m for m in mentions if m.entry is not None and m.kind == "name" and not m.metonymic
              and not m.qualifies and id(m) in place_of]
    by_tok = {}
    for m in usable:
        by_tok[m.root.i] = m
    line = dateline(story, {m.span.start: m for m in usable})
    for event in story.events:
        trig = event.trigger or event.evidence
        toks = [t for t in doc.char_span(trig.start, trig.end, alignment_mode="expand") or []]
        if not toks:
            continue
        trigger = toks[0]
        for t in toks:
            if t.pos_ in ("VERB", "AUX", "NOUN"):
                trigger = t
                break
        verb = _clause_verb(trigger)
        best, best_rank = None, None
        for m in usable:
            if not event.evidence.contains(m.span) and story.sentence_at(m.span.start) != story.sentence_at(trig.start):
                continue
            head = _locative_head(m.root)
            if head is None:
                continue
            if head.i == trigger.i:
                rank = 0
            elif _clause_verb(head).i == verb.i:
                rank = 1
            elif head.i in {a.i for a in trigger.ancestors} or trigger.i in {a.i for a in head.ancestors}:
                rank = 2
            else:
                continue
            rank = (rank, abs(m.root.i - trigger.i))
            if best_rank is None or rank < best_rank:
                best, best_rank = m, rank
        if best is not None:
            event.place = place_of[id(best)]
            event.attrs["place_source"] = "clause"
        elif line is not None and story.in_body(event.evidence.start) and id(line) in place_of:
            event.place = place_of[id(line)]
            event.attrs["place_source"] = "dateline"


# -- the stage -----------------------------------------------------------------------------------------
def geoparse(story: Story, gaz: Gazetteer) -> list[Mention]:
    """Recognised and resolved toponyms of a parsed story (the stage without writing the story)."""
    mentions = recognise(story, gaz)
    text = story.text
    line = dateline(story, {m.span.start: m for m in mentions if m.kind == "name"})
    if line is not None and any(e.feature == "city" for e, _ in line.candidates):
        line.candidates = [(e, p) for e, p in line.candidates if e.feature == "city"]  # a dateline names a city
        line.dateline = True
    for m in _outlet_mentions(story, mentions):
        # "Moberly" in an article of moberlymonitor.com: the outlet's own town, as a dateline says
        m.candidates = [(e, p) for e, p in m.candidates if e.feature == "city"]
        m.dateline = True
    for m in mentions:
        m.embedded = _opens_a_longer_name(story.doc, m)
    _cohere(mentions)
    _narrow_qualifiers(mentions, text)
    qualifiers = [m for m in mentions if m.qualifies]
    resolve(qualifiers, text, Context())
    resolve(mentions, text, Context())
    outlet = _outlet_place(story, gaz)
    voters = mentions
    if outlet is not None:
        resolve([outlet], text, others=mentions)
        voters = mentions + [outlet]
    resolve(mentions, text, others=voters, confident_only=True)
    resolve(mentions, text, others=voters)
    mentions = _drop_far_respellings(mentions, text)
    mentions = _drop_far_streets(mentions)
    local = _local_towns(story, gaz, mentions)
    unlisted = _unlisted_places(story, gaz, mentions + local)
    if unlisted:
        mentions = sorted(mentions + unlisted, key=lambda m: m.span.start)
    if local:
        mentions = sorted(mentions + local, key=lambda m: m.span.start)
        resolve(local, text, others=mentions)
    _one_sense(mentions, text)
    return mentions


def _outlet_label(story: Story) -> str:
    """The first label of the host of the article's web address, letters only ("moberlymonitor")."""
    from urllib.parse import urlparse

    url = (story.article.url or "").strip()
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower().removeprefix("www.")
    return re.sub(r"[^a-z]", "", host.split(".")[0]) if host else ""


def _outlet_place(story: Story, gaz: Gazetteer) -> Mention | None:
    """The town or county the outlet is named after, read from the host of its web address even where the
    article does not write it: a one-word name of five letters or more followed by a newspaper's word
    (``outlet_words.txt``: "brantnews.com", "enfield-today.co.uk", "moberlymonitor.com"), never a
    country's or state's name ("chinapost.com.tw"). A mention at the end of the text, resolved like any
    other name, that takes part in the context of the article's names as a dateline would (a local
    story's own place) and is no place of the story itself."""
    label = _outlet_label(story)
    words = _words("outlet_words.txt")
    for k in range(len(label) - 2, 4, -1):
        rest = label[k:]
        if not any(rest.startswith(w) for w in words):
            continue
        cands = [(e, p) for e, p in gaz.lookup(label[:k]) if p]
        if cands and not any(e.feature in ("country", "admin1", "continent", "region") for e, _ in cands) and any(
                e.feature in ("city", "admin2") for e, _ in cands):
            end = len(story.text)
            return Mention(Span.of(story.text, end, end), None, candidates=cands, dateline=True)
    return None


def _outlet_mentions(story: Story, mentions: list[Mention]) -> list[Mention]:
    """The mentions of the town the article's outlet is named after, read from its web address: the first
    label of the host, a town's name followed by a newspaper's word (``outlet_words.txt``) or alone
    ("moberlymonitor.com", "lemarssentinel.com", "www.enfield-today.co.uk", "amarillo.com"), the name
    written in the article as a town of four letters or more and no country's or state's name. Such a name is
    the outlet's town, as a dateline's is; a host naming no town the article writes ("cnn.com",
    "nationalpost.com") says nothing."""
    label = _outlet_label(story)
    if len(label) < 4:
        return []
    words = _words("outlet_words.txt")
    out = []
    for m in mentions:
        key = re.sub(r"[^a-z]", "", index.fold(m.span.text))
        rest = label[len(key):]
        if (m.kind == "name" and len(key) >= 4 and label.startswith(key) and not m.dateline
                and (not rest or any(rest.startswith(w) for w in words))
                and any(e.feature == "city" for e, _ in m.candidates)
                and not any(e.feature in ("country", "admin1", "continent", "region") for e, _ in m.candidates)):
            out.append(m)  # never a country's or state's name: "chinapost.com.tw" is no paper of China, Mexico
    return out


LIST_AFTER = re.compile(r"\s*,?\s*(?:and|or)\s")


def _narrow_qualifiers(mentions: list[Mention], text: str) -> None:
    """A qualifier means a place that holds a reading of the name it qualifies: "Georgia" of "Albany,
    Georgia" is the American state that has an Albany, not the country, which has none ("Tbilisi,
    Georgia" keeps the country). Its other readings are dropped when one such reading exists, one that
    bears the name as its main name. Not where the second name goes on into a list ("stops in Washington,
    New York and Boston")."""
    for m in mentions:
        q = m.qualifier
        if q is None or not q.candidates or not m.candidates or LIST_AFTER.match(text[q.span.end:q.span.end + 12]):
            continue
        inside = [(o, p) for o, p in q.candidates if any(_within(e, o) or e is o for e, pe in m.candidates if pe)]
        if inside and len(inside) < len(q.candidates):
            q.candidates = inside


LOCAL_PREPS = {"in", "at", "near", "outside", "from", "to", "into", "toward", "towards", "through", "of"}
LOCAL_VOTES = 2.0  # the article's state must hold this many of its places (a dateline's state counts double)


def _local_towns(story: Story, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Towns of the state or province the article is about that recognition left out: a capitalised name
    after a locative or directional preposition ("fled to Perry"), the object of a verb that takes places
    (``place_object_verbs.txt``: "visited Valdosta") or before a local noun ("Perry police"),
    or listed with a place found ("Lindale and Cave Spring"), which the model took for a person or left
    unlabelled, is a place when the gazetteer has a town of that
    name (by its own name) in the division most of the article's places lie in (the dateline's counts
    double; at least ``LOCAL_VOTES``), and is then read as that town. Not a word of a person the article
    names in full ("Rick Perry" ... "Perry"), a name followed by a possessive ("to Perry's house"), a
    word of ``generic_words.txt``, nor a name inside a longer entity. Likewise a name before a division
    word ("Kibaale district", "Kasai province") that names a division of a country the article's places
    lie in."""
    doc = story.doc
    tokens = _tokens(doc)
    votes: Counter = Counter()
    countries = {m.entry.country for m in mentions if m.entry is not None and m.entry.country}
    for m in mentions:
        e = m.entry
        if e is None or m.kind != "name" or e.feature not in ("city", "admin1", "admin2") or not e.admin1 \
                or m.affiliation:
            continue
        votes[e.admin1] += 2.0 if m.dateline else 1.0
    state, n = votes.most_common(1)[0] if votes else (None, 0)
    if n < LOCAL_VOTES:
        state = None
    if state is None and not countries:
        return []
    taken = {t.i for m in mentions for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or [])}
    person_spans: dict[str, set] = {}  # a word of a person's name -> the names it is in
    for ent in _ents(doc):
        if ent.label_ == "PERSON" and len(ent) > 1:
            for t in ent:
                person_spans.setdefault(t.text, set()).add((ent.start, ent.end))
    ents = {t.i: ent for ent in _ents(doc) for t in ent}
    ends = {m.span.end for m in mentions if m.kind == "name"}
    starts = {m.span.start for m in mentions if m.kind == "name"}
    text = story.text
    out = []

    def at(i: int):
        tok = tokens[i]
        if i in taken or not tok.text[:1].isupper() or tok.pos_ != "PROPN" or not _usable(story, tok.idx):
            return None
        prev = tokens[i - 1].lower_ if i > 0 else ""
        for n in range(min(3, len(doc) - i), 0, -1):
            toks = doc[i:i + n]
            if any(t.i in taken or not t.text[:1].isupper() or person_spans.get(t.text, {(i, i + n)}) != {(i, i + n)}
                   for t in toks):
                continue  # a word of another person's name ("Rick Perry" ... "Perry")
            ent = ents.get(i)
            nxt = tokens[i + n] if i + n < len(doc) else None
            # "the Moultrie City Council", "the Tifton Police Department": a town opening the name of one of
            # its own bodies
            opens_body = (ent is not None and ent.label_ == "ORG" and ent.end > i + n and nxt is not None
                          and (ent.start == i or (ent.start == i - 1 and prev == "the"))
                          and nxt.text[:1].isupper() and nxt.lower_ != "county"
                          and nxt.lower_ in _words("city_body_words.txt"))
            if ent is not None and (ent.start < i or ent.end > i + n) and ent.label_ != "PERSON" and not opens_body:
                continue  # a word of a longer name: "the Perry Foundation"
            if ent is not None and ent.label_ == "PERSON" and (ent.start, ent.end) != (i, i + n):
                continue
            if n == 1 and (tok.lower_ in _words("generic_words.txt") or tok.lower_ in COMPASS_WORDS):
                continue
            if nxt is not None and nxt.text in ("'s", "’s"):
                continue
            key = index.fold(toks.text)
            if nxt is not None and nxt.lower_ in DIVISION_WORDS and nxt.text.islower():
                # "Kibaale district", "Kasai province": a division of a country the article's places lie in
                cands = [(e, p) for e, p in _fit_case(toks.text, gaz.lookup(toks.text))
                         if p and e.feature in ("admin1", "admin2") and e.country in countries]
                if cands:
                    return (i, i + n, cands)
            cue = nxt is not None and (nxt.lower_ in _words("place_cue_nouns.txt")
                                       or nxt.lower_ in _words("city_body_words.txt"))  # "Belleview schools"
            # "Lindale and Cave Spring": right after a place found, in a list
            listed = any(LIST_GAP.fullmatch(text[e:toks.start_char]) for e in ends if e < toks.start_char) or any(
                LIST_GAP.fullmatch(text[toks.end_char:b]) for b in starts if b > toks.end_char)  # "Utica and Rome"
            # "visited Valdosta", "the storm hit Moultrie": the object of a verb that takes places
            obj = (n == 1 and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _words("place_object_verbs.txt")
                   and (nxt is None or not (nxt.text[:1].isupper() or nxt.text == "&")))  # not "visit Dimond Kaplan & Co" 
            if state is None or (prev not in LOCAL_PREPS and not cue and not listed and not obj):
                continue
            cands = [(e, p) for e, p in _fit_case(toks.text, gaz.lookup(toks.text))
                     if p and e.feature in ("city", "admin2") and e.admin1 == state and index.fold(e.name) == key]
            if cands:
                return (i, i + n, cands)
        return None

    for start, end, cands in _scan(len(doc), at):
        span = doc[start:end]
        out.append(Mention(Span.from_spacy(span), span.root, candidates=cands))
    return out


def _unlisted_places(story: Story, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Places the gazetteer lacks or knows only elsewhere, written with a word of their kind
    (``locality_words.txt``) and said to lie in a place found: "the town of Qatraneh in the Karak
    district", "the villages of Foua and Kfraya in Idlib", "Maoxian county in Sichuan province", "Giza's
    Haram district", "Cairo's gated suburb of Madinaty"; or one the gazetteer has no reading of at all
    after "in", "near" or "outside" ("near Bardoun in Idlib province", not an organisation or person
    the model names). Each name (one to three capitalised words, not
    a word of a person's name) is read as its gazetteer reading inside that place when it has one, else
    as a place of that name at the containing place's point (a town, county or state found in the
    article, never a country or a region: too far from most of their towns)."""
    doc = story.doc
    tokens = _tokens(doc)
    kinds = _words("locality_words.txt")
    by_start: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is not None:
            by_start.setdefault(span.start, m)
    taken = {t.i for m in mentions for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or [])}
    person = {t.i for ent in _ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    ent_of = {t.i: ent for ent in _ents(doc) for t in ent}

    def container(i: int) -> Mention | None:
        """The place found right after "in", "of" or a comma (and "the") at token i."""
        if i >= len(doc) or tokens[i].lower_ not in ("in", "of", ","):
            return None
        i += 1
        if i < len(doc) and tokens[i].lower_ == "the":
            i += 1
        m = by_start.get(i)
        if m is None or m.entry is None or m.kind != "name" or m.entry.feature not in ("admin1", "admin2", "city"):
            return None
        return m

    def name_at(i: int) -> int:
        """The end of a run of one to three capitalised words starting at i, not found and no person's
        (i when there is none)."""
        j = i
        while j < len(doc) and j - i < 3 and tokens[j].is_alpha and tokens[j].text[:1].isupper() and j not in taken \
                and j not in person and tokens[j].lower_ not in kinds and tokens[j].lower_ not in _words("generic_words.txt"):
            j += 1
        # the model's label on a name it does not know says little ("Foua" as ORG, "Maoxian" as NORP), but
        # a name inside a longer entity ("the Karak Development Corporation") is no place on its own
        if any(k in ent_of and (ent_of[k].start < i or ent_of[k].end > j) for k in range(i, j)):
            return i
        return j

    found: list[tuple[int, int, Mention]] = []
    for tok in tokens:
        if tok.lower_ in ("in", "near", "outside") and tok.text.islower() and _usable(story, tok.idx):
            # "near Bardoun in Idlib province", "in Zawrah, Karak": a name the gazetteer has no reading
            # of at all, right after a locative word and before the place it lies in
            end = name_at(tok.i + 1)
            if end > tok.i + 1 and tokens[tok.i + 1].ent_type_ not in ("ORG", "PERSON") and container(end) is not None:
                text = doc[tok.i + 1:end].text
                if not gaz.lookup(text) and not gaz.variants(text):
                    found.append((tok.i + 1, end, container(end)))
            continue
        if tok.lower_ not in kinds or not tok.text.islower() or not _usable(story, tok.idx):
            continue
        i = tok.i
        # "the town of X [and Y] in Z", "Z's [gated] suburb of X"
        if i + 1 < len(doc) and tokens[i + 1].lower_ == "of":
            names, j = [], i + 2
            while True:
                end = name_at(j)
                if end == j:
                    break
                names.append((j, end))
                j = end
                if j + 1 < len(doc) and tokens[j].lower_ in ("and", ",", "or") and name_at(j + 1) > j + 1:
                    j += 1
                    continue
                break
            if not names:
                continue
            outer = container(j) or _possessor(doc, i, by_start)
            if outer is not None:
                found += [(a, b, outer) for a, b in names]
            continue
        # "X county in Z", "X village of Z", "Z's X district"
        k = i
        while k > 0 and tokens[k - 1].is_alpha and tokens[k - 1].text[:1].isupper() and i - k < 3:
            k -= 1
        if k == i or name_at(k) != i:
            continue
        outer = container(i + 1) or _possessor(doc, k, by_start)
        if outer is not None:
            found.append((k, i, outer))
    out = []
    for a, b, outer in found:
        span = doc[a:b]
        o = outer.entry
        inside = [(e, p) for e, p in gaz.lookup(span.text) + gaz.variants(span.text)
                  if e.feature in ("city", "admin2") and (_within(e, o) or (o.feature == "city" and e.lat is not None
                  and index.distance_km(e.lat, e.lon, o.lat, o.lon) <= NEAR_KM))]
        if not inside:
            inside = [(Entry(0, span.text, "city", o.country, o.lat, o.lon, 0, o.admin1,
                             o.admin2 if o.feature != "admin1" else None), False)]
        m = Mention(Span.from_spacy(span), span.root, candidates=inside)
        m.entry = max(inside, key=lambda c: c[0].population)[0]
        out.append(m)
    return out


def _possessor(doc, i: int, by_start: dict[int, Mention]) -> Mention | None:
    """The place found before a possessive that a locality word (token i, with an adjective or two before
    it) follows: "Giza's Haram district", "Cairo's gated suburb of Madinaty"."""
    tokens = _tokens(doc)
    j = i - 1
    while j >= 0 and (tokens[j].pos_ == "ADJ" or tokens[j].tag_ == "VBN") and i - j <= 2:
        j -= 1
    if j < 1 or tokens[j].text not in ("'s", "’s"):
        return None
    for start, m in by_start.items():
        if m.entry is not None and m.kind == "name" and m.entry.feature in ("admin1", "admin2", "city") \
                and doc.char_span(m.span.start, m.span.end, alignment_mode="expand").end == j:
            return m
    return None


def _cells(e: Entry) -> list[tuple[int, int]]:
    """The one-degree grid cell of a point and its eight neighbours (about 100-200 km around it)."""
    la, lo = math.floor(e.lat), math.floor(e.lon)
    return [(la + i, (lo + j + 180) % 360 - 180) for i in (-1, 0, 1) for j in (-1, 0, 1)]


def _cohere(mentions: list[Mention]) -> None:
    """For every town or county reading of a name, how many of the article's other names have some
    town or county reading near it ("Jackson", "Canton" and "Madison County" all have readings in
    Mississippi close together): the readings that make the article's places lie together."""
    from .index import fold

    near: dict[str, set] = {}
    for m in mentions:
        if m.kind != "name":
            continue
        key = fold(m.span.text)
        pts = [e for e, _ in m.candidates if e.feature in ("city", "admin2") and e.lat is not None]
        if m.embedded and len(pts) > 1:
            continue  # "Harvard Law School": which Harvard says nothing of where the other places lie
        if key in near or not pts or len(pts) > COHERE_MAX_READINGS:
            continue

        near[key] = {c for e in pts for c in _cells(e)}
    for m in mentions:
        key = fold(m.span.text)
        for e, _ in m.candidates:
            if e.feature in ("city", "admin2") and e.lat is not None:
                cell = (math.floor(e.lat), math.floor(e.lon))
                m.cohere[id(e)] = min(COHERE_CAP, sum(1 for k, cells in near.items() if k != key and cell in cells))
        m.cohere["best"] = max(m.cohere.values(), default=0)
        towns = sorted((e for e, _ in m.candidates if e.feature in ("city", "admin2") and e.lat is not None),
                       key=lambda e: -e.population)
        # its namesakes: the readings elsewhere (Paris's own département, Paris, is no rival of Paris)
        rivals = [e for e in towns[1:] if index.distance_km(e.lat, e.lon, towns[0].lat, towns[0].lon) > NEAR_KM]
        if towns and towns[0].population >= COHERE_BIG and (
                not rivals or towns[0].population >= COHERE_LEAD * rivals[0].population):
            for e in towns:  # "Nashville", "Paris": a big city far ahead of its namesakes (and its own county)
                if e is towns[0] or index.distance_km(e.lat, e.lon, towns[0].lat, towns[0].lon) <= NEAR_KM:
                    m.cohere[id(e)] = m.cohere["best"]


def _compass_before(m: Mention, text: str) -> bool:
    """Whether a direction word stands before a name that no country shares ("central Washington",
    "eastern Oregon"): a part of a state, as "the state" would say."""
    before = text[max(0, m.span.start - 24):m.span.start].lower().split()
    return bool(before) and before[-1] in COMPASS_WORDS and not any(e.feature == "country" for e, _ in m.candidates)


def _one_sense(mentions: list[Mention], text: str = "") -> None:
    """A name means one place throughout an article: a name qualified once ("London, Ky.") or used as
    the dateline keeps that meaning where it stands alone, unless a direction word there makes it a
    state ("central Washington" in an article that also names "Washington, D.C.")."""
    from .index import fold

    sense = {}
    for m in mentions:
        if (m.qualifier is not None or m.dateline) and m.entry is not None and m.kind == "name":
            sense.setdefault(fold(m.span.text), m.entry)
    for m in mentions:
        e = sense.get(fold(m.span.text))
        if e is not None and m.qualifier is None and any(c is e for c, _ in m.candidates):
            if m.entry is not None and m.entry.feature == "admin1" and _compass_before(m, text):
                continue
            m.entry = e
        elif e is not None and m.qualifier is None and e.feature in ("admin1", "country") and m.entry is not None \
                and m.entry.feature == "city" and not any(_within(c, e) for c, _ in m.candidates):
            m.entry = e  # "Holliday" after "HOLLIDAY, Mo.", a village the gazetteer lacks: still that state


def to_places(mentions: list[Mention]) -> tuple[list[Place], dict[int, str]]:
    out: dict[tuple, Place] = {}
    place_of: dict[int, str] = {}
    for m in mentions:
        e = m.entry
        if e is None or m.kind == "people":  # "Iraqis", "the French": people, not a place mentioned
            continue
        key = (e.feature, e.geonameid, e.name)
        place = out.get(key)
        if place is None:
            place = Place(id=f"p{len(out) + 1}", name=e.name, country=e.country, lat=e.lat, lon=e.lon,
                          feature=e.feature, geonameid=e.geonameid or None)
            out[key] = place
        place.mentions.append(m.span)
        place_of[id(m)] = place.id
    return list(out.values()), place_of


@stage("places.gazetteer.v1", requires=["doc", "sentences", "paragraphs", "actors", "events"],
       assigns=["places", "events.place", "focus_country"])
def make_places(nlp, config):
    """Toponyms resolved to a point, a feature type and a country; each event's place; the country focus."""
    gaz = index.load()

    def places(story: Story) -> Story:
        mentions = geoparse(story, gaz)
        story.places, place_of = to_places(mentions)
        story.focus_country = focus_country(mentions)
        place_events(story, mentions, place_of)
        return story

    return places
