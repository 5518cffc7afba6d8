"""Place names inside the names of other things: firms ("Peabody Energy", "Moore & Van Allen"), roads
("U.S. 41"), titles ("Del. Marcia Price"), streets and parks ("Texas Avenue"), waters the gazetteer lacks ("the
Gulf of Honduras"), diseases ("Marburg virus"), storms ("Hurricane Harvey"), bodies ("the Florida Department of
..."), abbreviations that are degrees or firms' endings ("M.D.", "NJ Advance Media"), and the head or tail words
of longer names ("Cancer Centre", "the Nile Delta")."""

from __future__ import annotations

import re

from ..model import Story
from . import index
from .index import Gazetteer
from .mention import Mention
from .tokens import doc_tokens, entity_at, token_bounds, trim_entity
from .vocabulary import DIRECTION_WORDS, DIVISION_WORDS, EVENT_PREPS, LOCAL_PREPS, ORG_HEAD_CITY, ORG_LABELS, word_list


def heads_a_firm(doc, start: int, end: int, cands) -> bool:
    """Whether a name that can only be a town below ``ORG_HEAD_CITY`` begins the longer name of an
    organisation ("Peabody Energy, the nation's largest coal company") without a word of a town's own bodies after it
    ("the Peabody Police Department" stays the town)."""
    tokens = doc_tokens(doc)
    if not cands or any(e.feature != "city" or e.population >= ORG_HEAD_CITY for e, _ in cands):
        return False
    first, nxt = tokens[start], tokens[end] if end < len(doc) else None
    if first.ent_type_ not in ORG_LABELS or first.ent_iob_ != "B" or nxt is None:
        return False
    if nxt.text in ("'s", "’s", "'", "’"):
        return False  # "Middletown's New Road": the town's
    return nxt.ent_type_ == first.ent_type_ and nxt.ent_iob_ == "I" and nxt.lower_ not in word_list("city_body_words.txt")


PARTY_STATE = re.compile(r"\((?:[RDI]\s?-\s?)?$")


def party_state(text: str, m: Mention) -> bool:
    """Whether a state stands in parentheses after a politician's name, alone or after the party's letter
    ("Paul Ryan (R-Wis.)", "Sen. Bernie Sanders (Vt.)"): the member's state, not a place the story is about,
    so it does not vote for where the story's other places lie."""
    return bool(PARTY_STATE.search(text[max(0, m.span.start - 4):m.span.start])) and \
        text[m.span.end:m.span.end + 1] in (")", ",")


def after_place(doc, m: Mention, found: list[Mention]) -> bool:
    """Whether a name stands right after a place found and a comma, as its qualifier ("Kikwit, Zaire")."""
    tokens = doc_tokens(doc)
    start, _ = token_bounds(doc, m)
    if start < 2 or tokens[start - 1].text != ",":
        return False
    return any(o is not m and o.span.end == tokens[start - 2].idx + len(tokens[start - 2].text) for o in found)


def body_of(doc, start: int, end: int) -> bool:
    """Whether words end in a capitalised division word followed by "of", the name of a body ("the Florida
    Department of Law Enforcement", "Lima Province of ..."): the division word is no part of the place's name
    there, whatever division a gazetteer lists as "Florida Department"."""
    tokens = doc_tokens(doc)
    return end - start > 1 and end < len(doc) and tokens[end - 1].lower_ in DIVISION_WORDS \
        and tokens[end - 1].text[:1].isupper() and tokens[end].lower_ == "of"


def after_pan(doc, i: int) -> bool:
    """Whether a word follows "Pan" ("Pan American", "Pan-African"): a demonym there names a whole
    continent's or people's body, not the country."""
    tokens = doc_tokens(doc)
    j = i - 1
    if j >= 0 and tokens[j].text == "-":
        j -= 1
    return j >= 0 and tokens[j].lower_ == "pan"


STORM_WORDS = {"hurricane", "typhoon", "cyclone", "storm", "superstorm"}  # and their plurals


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


def storm_names(doc) -> set[str]:
    """The names the article gives storms ("Hurricane Harvey", "Tropical Storm Irma", "Typhoon Haiyan"): such a
    name is the storm wherever the article writes it ("Harvey, Irma and Maria"), unless qualified as a
    town ("Harvey, La."). So are the names set beside a plural storm word ("three hurricanes striking US
    soil: Harvey, Irma and Maria")."""
    tokens = doc_tokens(doc)
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


def names_a_road(doc, m: Mention) -> bool:
    """Whether a country or state name begins a road's name or a number: "U.S. 41", "U.S. Route 1", "State
    Highway 27" (a road word and a number after it, or a number of up to three digits after "U.S."), or
    "No." is "number" ("No. 18-cr-10083")."""
    tokens = doc_tokens(doc)
    _, end = token_bounds(doc, m)
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


def a_title(doc, m: Mention) -> bool:
    """Whether a state's abbreviation with a period is a title before a person's name ("state Del. Marcia
    Price": a delegate, not Delaware): a person's name begins right after it, and no comma comes before it
    (a comma makes it a qualifier: "Dover, Del. Mayor ...")."""
    tokens = doc_tokens(doc)
    word = m.span.text.strip()
    if m.kind != "name" or not re.fullmatch(r"[A-Z][a-z]{1,4}\.", word):
        return False
    start, end = token_bounds(doc, m)
    if end < len(doc) and tokens[end].text == ".":
        end += 1
    return end < len(doc) and tokens[end].ent_type_ == "PERSON" and tokens[end].ent_iob_ == "B" and not (
        start > 0 and tokens[start - 1].text == ",")


def in_a_firm_name(doc, m: Mention) -> bool:
    """Whether a name that can only be a town stands in a run of capitalised words next to "&" ("Moore & Van
    Allen", "Dimond Kaplan & Rothstein"): partners' names of a firm, not towns."""
    tokens = doc_tokens(doc)
    if m.kind != "name" or not m.candidates or any(e.feature != "city" for e, _ in m.candidates):
        return False
    start, end = token_bounds(doc, m)
    while start > 0 and tokens[start - 1].text[:1].isupper() and tokens[start - 1].is_alpha:
        start -= 1  # the run of capitalised words the name stands in ("Van Allen")
    while end < len(doc) and tokens[end].text[:1].isupper() and tokens[end].is_alpha:
        end += 1
    return (start > 0 and tokens[start - 1].text == "&") or (end < len(doc) and tokens[end].text == "&")


def opens_a_longer_name(doc, m: Mention) -> bool:
    """Whether a name is followed, in the same sentence and with no mark between, by a capitalised word
    that is no place name nor a word of a division ("the Pacific Ocean", "Harvard Law School", "Wells
    Fargo", "Seton Hall"): the first word of a longer name, whatever it is read as. Such a reading says
    nothing of where the article's other places lie."""
    tokens = doc_tokens(doc)
    if m.kind != "name" or m.qualifier is not None:
        return False
    start, end = token_bounds(doc, m)
    if start >= end or end >= len(doc) or tokens[end - 1].whitespace_ == "" or tokens[end].is_sent_start:
        return False
    nxt = tokens[end]
    return nxt.is_alpha and nxt.text[:1].isupper() and not nxt.text.isupper() \
        and nxt.lower_ not in DIVISION_WORDS and nxt.ent_type_ not in ("GPE", "LOC") \
        and nxt.lower_ not in word_list("city_body_words.txt") and nxt.lower_ not in word_list("place_cue_nouns.txt")


EVENT_RUN = 5  # capitalised words read after a name for a word of ``event_name_words.txt``


def names_an_event(doc, m: Mention) -> bool:
    """Whether a name opens the name of an event or an accord named after the place it was held or signed
    in: a word of ``event_name_words.txt`` among the capitalised words right after it ("Venice International
    Film Festival", "Boston Marathon", "Paris Agreement")."""
    tokens = doc_tokens(doc)
    if m.kind != "name" or m.qualifier is not None:
        return False
    _, end = token_bounds(doc, m)
    for tok in tokens[end:end + EVENT_RUN] if 0 < end < len(doc) else []:
        if tok.is_sent_start or not (tok.is_alpha and tok.text[:1].isupper()):
            return False
        if tok.lower_ in word_list("event_name_words.txt"):
            return True
    return False


def names_a_street(doc, m: Mention) -> bool | str:
    """Whether a place name begins the name of a street, a square or a park: a capitalised word of
    ``street_words.txt`` right after it ("Texas Avenue", "Piedmont Park", "Hampton Road"; the gazetteer
    knows no streets). Such a name is kept only when it reads as a town near the article's other places
    ("Hertford Road" in a story of north London), as the street lies there (``resolve.drop_far_streets``).
    So is a name before a word of ``island_words.txt`` ("Vancouver Island"), and a town's name before a word
    of ``landform_words.txt`` ("Flint River": kind ``landform``), whose river may run far from the town; a
    state or country stays there ("the Mississippi River")."""
    tokens = doc_tokens(doc)
    if m.kind != "name":
        return False
    _, end = token_bounds(doc, m)
    nxt = tokens[end] if 0 < end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_.rstrip(".") in word_list("street_words.txt"):
        return True
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in word_list("landform_words.txt"):
        return "landform"  # "Flint River": a river named after a town
    if nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in word_list("island_words.txt"):
        return True  # "Vancouver Island", "Victoria Island": an island, kept as a street is
    # a name that ends in a street word itself ("Church Street", "Victoria Park", "Washington Square"): a
    # town so called elsewhere, or the street
    words = m.span.text.split()
    if len(words) > 1 and words[-1][:1].isupper() and words[-1].lower().rstrip(".") in word_list("street_words.txt"):
        return "own"
    return False


WATER_AFTER = {"sea", "ocean", "strait", "straits"}  # "the South China Sea", "the Beaufort Sea"
WATER_BEFORE = {"gulf", "sea", "bay", "strait", "straits"}  # "the Gulf of Mexico", "the Sea of Japan"


def in_a_water_name(doc, m: Mention) -> bool:
    """Whether a place name is a word of the name of a water the gazetteer does not know as a whole
    (``data/places/waters.tsv`` lists the seas and lakes it knows): a country's or state's name before a
    capitalised "Sea", "Ocean" or "Strait" ("the Beaufort Sea", "the Philippine Sea"), any place name after
    "Gulf of", "Sea of", "Bay of" ("the Gulf of Honduras", "the Sea of Marmara") or "Lake" ("Lake
    Winnebago"); and "Gulf" before "of" is no name of the Persian Gulf. The state, country or town is not
    the water. (Rivers are left to ``names_a_street``: "the Tijuana River" runs by Tijuana.)"""
    tokens = doc_tokens(doc)
    start, end = token_bounds(doc, m)
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


def names_a_disease(doc, m: Mention) -> bool:
    """Whether a place name or demonym begins the name of a disease ("Marburg virus", "Lassa fever",
    "Spanish flu", "Crimean-Congo hemorrhagic fever", "Middle East respiratory syndrome"): the next words,
    over a hyphenated name and the words of ``disease_name_words.txt``, end in a noun of
    ``disease_words.txt``."""
    tokens = doc_tokens(doc)
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.end
    while i < len(doc):
        t = tokens[i]
        if t.text == "-" and i + 1 < len(doc) and tokens[i + 1].text[:1].isupper():
            i += 2
            continue
        if t.lower_ in word_list("disease_name_words.txt") or (t.text[:1].isupper() and t.lower_ in ("east", "west")):
            i += 1
            continue
        return t.lower_ in word_list("disease_words.txt")
    return False


ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z]{2}$")  # "M.D.", "P.A.", "MD", "NC"


def drop_loose_abbreviations(story: Story, found: list[Mention]) -> list[Mention]:
    """A state written as a short abbreviation ("M.D.", "P.A.", "MD") right after a comma that follows a
    person's or an organisation's name, not a place, is a degree or a firm's ending ("Charles Hall,
    M.D.", "Smith & Jones, P.A."), not the state it abbreviates ("Frederick, Md." stays)."""
    doc = story.doc
    tokens = doc_tokens(doc)
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
    tokens = doc_tokens(story.doc)
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and prev.text == "," and i >= 2 and tokens[i - 2].text[:1].isupper():
        return True
    if prev is not None and prev.lower_ in LOCAL_PREPS | EVENT_PREPS:
        return True
    return bool(ZIP_AFTER.match(story.text[m.span.end:m.span.end + 8])) or party_state(story.text, m) \
        or bool(re.search(r"[RDI]\s?-\s?$", story.text[max(0, m.span.start - 3):m.span.start]))


def direction_fragment(doc, start: int, end: int) -> bool:
    """Whether words of direction only ("Far North", "South East", "North-West") stand inside a longer
    name: before a capitalised word ("Far North Queensland", "South East Asian") or after a hyphen
    ("Calgary-North West"). Such words name no division abroad that is called so."""
    tokens = doc_tokens(doc)
    toks = doc[start:end]
    if end - start < 2 or not all(t.lower_ in DIRECTION_WORDS or t.text == "-" for t in toks):
        return False
    after = tokens[end] if end < len(doc) else None
    return ((after is not None and after.text[:1].isupper() and after.is_alpha)
            or (start > 0 and tokens[start - 1].text == "-"))


PLACE_PREFIX_WORDS = DIRECTION_WORDS | {"greater", "metro", "metropolitan", "downtown", "upstate", "inner", "outer"}


def tail_of_place(toks, gaz: Gazetteer) -> bool:
    """Whether words end or lie inside a longer place name the model found and did not read as a whole
    ("Delta" of "the Nile Delta", "California" of "Baja California", "Islands" of "U.S. Virgin
    Islands", "Bay" of "Safety Bay"): the longer name is another place than the one its last words
    name. Not a country or a city of a million by its own name ("the British Embassy Tokyo"), nor where
    only direction words or the like come before ("Southern California", "Greater London")."""
    doc = toks.doc
    tokens = doc_tokens(doc)
    ent = entity_at(doc, toks.start)
    if ent is None or toks.end > ent.end or tokens[ent.start].ent_type_ not in ("GPE", "LOC", "FAC"):
        return False
    start, _ = trim_entity(ent)
    if toks.start <= start:
        return False  # a name that begins the entity ("Niger" of "the Niger Delta")
    key = index.fold(toks.text)
    if any(p and index.fold(e.name) == key and (e.feature == "country" or (
            e.feature == "city" and e.population >= 1_000_000)) for e, p in gaz.lookup(toks.text)):
        return False  # a country or a city of a million by its own name ("British Embassy Tokyo")
    return not all(t.lower_ in PLACE_PREFIX_WORDS or t.text in ("-", ".") for t in doc[start:toks.start])


def head_of_name(toks) -> bool:
    """Whether a word ends a longer name of something other than a place as its head noun (a word of
    ``name_words.txt``): "Centre" in "Northwest Cancer Centre", "Street" in "Royal Street" labelled an
    organisation, never a town of that name."""
    doc = toks.doc
    tokens = doc_tokens(doc)
    last = toks[-1]
    if len(toks) > 1 or last.lower_ not in word_list("name_words.txt") or not last.ent_type_ \
            or last.ent_type_ in ("GPE", "LOC", "PERSON") or last.ent_iob_ == "B":
        return False
    ent = entity_at(doc, last.i)
    return ent is not None and ent.end == last.i + 1 and ent.start < toks.start and \
        tokens[toks.start - 1].lower_ not in ("of", "de", "in", "at")
