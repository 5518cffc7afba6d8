"""Recognisers beside the model's place entities: entities split at a comma or joined ("Baja" "California"),
"town, division" pairs ("Thruxton, Hampshire"), names read again where the article repeats them, names listed
before a plural division word ("Lee and Worth counties"), names joined by "and" ("Trinidad and Tobago") and
airports ("Pearson International Airport", "Heathrow")."""

from __future__ import annotations

from ..model import Story
from . import index
from .areas import lies_within
from .index import Entry, Gazetteer
from .mention import Mention
from .people import is_person
from .spelling import fit_case
from .tokens import doc_ents, doc_tokens, period_follows, scan, usable_at
from .vocabulary import COMPASS_WORDS, ENT_LABELS, PLURAL_DIVISIONS, word_list


def place_entities(doc, gaz: Gazetteer) -> list:
    """The model's entities, a place entity the gazetteer does not know that the model ran across a comma
    split into its parts ("Thruxton, Hampshire" as one entity: "Thruxton" and "Hampshire"), and two
    place entities side by side joined when together they are a name the gazetteer knows ("Baja" and
    "California")."""
    from spacy.tokens import Span as SpacySpan

    out = []
    for ent in doc_ents(doc):
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
    return [_extended(doc, ent, gaz) for ent in merged]


EXTENDED_CITY = 100_000  # a place entity and the capitalised words after it make a city this big ...


def _extended(doc, ent, gaz: Gazetteer):
    """A place entity and the capitalised words right after it that the model left out of any entity, when
    together they are the own name of a country, a state, a region or a city of ``EXTENDED_CITY`` ("U.S."
    "Virgin Islands", "Kansas" "City"): the longer name, the longest first (up to three words)."""
    from spacy.tokens import Span as SpacySpan

    tokens = doc_tokens(doc)
    if ent.label_ not in ENT_LABELS:
        return ent
    for n in range(3, 0, -1):
        end = ent.end + n
        if end > len(doc) or not all(t.text[:1].isupper() and t.is_alpha and t.ent_iob_ == "O"
                                     for t in tokens[ent.end:end]):
            continue
        key = index.fold(doc[ent.start:end].text)
        if any(p and index.fold(e.name) == key and (e.feature in ("country", "admin1", "region") or (
                e.feature == "city" and e.population >= EXTENDED_CITY)) for e, p in gaz.lookup(doc[ent.start:end].text)):
            return SpacySpan(doc, ent.start, end, label=ent.label_)
    return ent


def town_and_division(story: Story, gaz: Gazetteer, found: list[Mention], taken: set[int]) -> list[tuple[int, int, list]]:
    """A name, a comma and a division or country that has a town or county of that name ("Oulton Park,
    Cheshire", "Thruxton, Hampshire", "Matias Romero, Oaxaca"): each side says the other is a place, so
    both are read, whatever the model made of them (one already read gives the other). Each side is one
    to three capitalised words; the division side ends the phrase (a punctuation mark or a lower-case
    word after it)."""
    doc = story.doc
    tokens = doc_tokens(doc)
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
                cands = fit_case(toks.text, gaz.lookup(toks.text), period_follows(doc, b))
                if cands:
                    out.append((a, b, cands, False))
        return out

    hits = []
    for tok in tokens:
        if tok.text != "," or not usable_at(story, tok.idx):
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
                if any(lies_within(e, o) for e in inner for o in outer):
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


REPEAT_TOWN = 5_000  # a town read once is read again only when this big ...
REPEAT_PERSON_TOWN = 100_000  # ... and where the actors stage took the word for a person, this big


def repeats(story: Story, found: list[Mention], taken: set[int], person_of: dict, person_words: set[str]
             ) -> list[tuple[int, int, list]]:
    """One sense per article: a name surely read as a place once is a place wherever else the article
    writes it the same way, whatever the model made of it there ("the Cairns service" after "in Cairns",
    the "Winnipeg" of "the Winnipeg Free Press"). Surely read: the model labelled it a place (or it is the
    dateline, qualified, or after "in", "at", "near", "from") and its reading is a country, region,
    division or a town of 5,000 by its own name, or a city of 100,000 by another spelling ("Douma" for
    Duma, Syria). Not where it lies in the full name of a person the
    article names ("Georgia Stevens") or is a word of one ("Bingham" after "Ryan Bingham"), nor where the
    actors stage took it for a person, unless it is a city of 100,000."""
    doc = story.doc
    tokens = doc_tokens(doc)
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
        if not sure or (not primary and not (e.feature == "city" and e.population >= REPEAT_PERSON_TOWN)) \
                or (e.feature == "city" and e.population < REPEAT_TOWN):
            continue
        key = tuple(t.text for t in span)
        known.setdefault(key[0], {}).setdefault(key, (m.candidates, e))

    def at(i: int):
        for key, (cands, e) in sorted(known.get(tokens[i].text, {}).items(), key=lambda kv: -len(kv[0])):
            n = len(key)
            toks = doc[i:i + n]
            if tuple(t.text for t in toks) != key or any(j in taken or j in person_of for j in range(i, i + n)):
                continue
            if n == 1 and key[0] in person_words or not usable_at(story, tokens[i].idx):
                continue
            if is_person(story, toks) and (e.feature == "city" and e.population < REPEAT_PERSON_TOWN):
                continue
            return (i, i + n, cands)
        return None

    return scan(len(doc), at)


def listed_divisions(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Names listed before a plural division word ("Lee, Terrell and Worth counties", "Hubei and Hunan
    provinces", "Harris and Talbot counties"): each is a division of that kind ("Lee County"), whatever the
    model made of it (a person, an organisation, a town of that name elsewhere). Each name is one to
    three capitalised words, the names joined by commas, "and", "or"; read where the gazetteer has a
    division by the name and the word ("Terrell County"), or by the name alone."""
    doc = story.doc
    tokens = doc_tokens(doc)
    out = []
    for tok in tokens:
        word = PLURAL_DIVISIONS.get(tok.lower_)
        if word is None or not tok.text.islower() or not usable_at(story, tok.idx):
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


def joined_names(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Country and state names made of two names joined by "and" or "&" ("Trinidad and Tobago", "Antigua
    and Barbuda", "Bosnia and Herzegovina", "Trinidad & Tobago"): read whole, wherever the model split them
    (into a town of Bolivia and an island, or a person). Up to six capitalised words around the "and",
    known to the gazetteer by their whole writing as a country's or a first-level division's own name."""
    doc = story.doc
    tokens = doc_tokens(doc)
    out = []
    for tok in tokens:
        if tok.lower_ not in ("and", "&") or tok.i == 0 or not usable_at(story, tok.idx):
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


def airports(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Airports named before the word "Airport" or "airport" ("Toronto's Pearson International Airport",
    "O'Hare International Airport", "at Heathrow airport", "Amsterdam Airport Schiphol"): up to six
    capitalised words (and hyphens) right before it that name an airport of ``index.airport_key``, the
    longest first; "Airport" written with a capital belongs to the name. The word says it is an airport,
    so a town of that name is no reading ("Heathrow" is also a village of Florida)."""
    doc = story.doc
    tokens = doc_tokens(doc)
    out = []
    for tok in tokens:
        if tok.lower_ not in AIRPORT_WORDS or tok.i in taken or not usable_at(story, tok.idx):
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


def big_airport(gaz: Gazetteer, written: str, cands: list) -> list:
    """The airport of a city of a million that a one-word place name is the short name of ("Heathrow",
    "Schiphol", "Gatwick"), as a reading beside the towns of that name, unless one of them has 10,000
    people ("Narita", "Orly" and "Luton" are towns first)."""
    key = index.fold(written)
    if (" " in key or not written[:1].isupper() or key in word_list("generic_words.txt") or key in AIRPORT_PLAIN_WORDS
            or key in COMPASS_WORDS or any(e.feature != "city" or e.population >= AIRPORT_TOWN for e, _ in cands)):
        return []
    return [(e, True) for e in gaz.airport(written) if e.population >= BIG_AIRPORT_CITY]
