"""Step 1, recognition (``recognise``): the toponyms and demonyms of a story with their candidate records,
from the model's place entities, the finders (``finders``, ``datelines``, ``lowercase``) and names surely
places outside any entity, less the people (``people``) and the names of other things (``not_places``); then
qualifiers and lists linked (``qualifiers``)."""

from __future__ import annotations

import re

from ..model import Span, Story
from . import index
from .datelines import dateline_mentions
from .finders import airports, big_airport, joined_names, listed_divisions, place_entities, repeats, town_and_division
from .index import Gazetteer
from .lowercase import lower_case_names
from .mention import Mention
from .metonymy import is_metonymic
from .not_places import (
    a_title, after_pan, after_place, body_of, direction_fragment, drop_loose_abbreviations, head_of_name,
    heads_a_firm, in_a_firm_name, in_a_water_name, names_a_disease, names_a_road, names_a_street, party_state,
    storm_names, tail_of_place)
from .people import (
    after_first_name, after_kin, as_written, first_name_of, first_names_listed, is_person, known_person,
    named_in_full, speaking_person, surnames_after_first_names)
from .qualifiers import link_lists, link_qualifiers, modifies_next
from .spelling import fit_case, other_spellings
from .tokens import (
    doc_ents, doc_tokens, entity_at, in_lower_case, listed_with_place, local_context, period_follows, possessive_follows,
    qualified, token_bounds, trim_entity, usable_at)
from .vocabulary import (
    COMPASS_WORDS, DIVISION_WORDS, ENT_LABELS, MISREAD_LABELS, ORG_HEAD_CITY, ORG_LABELS, SKIP_LABELS, word_list)


# a first-level division smaller than this ("Smith's", a parish of Bermuda; "Michael", a sheading of Man;
# "Nelson", a region of New Zealand) is surely a place outside a place entity only by its company ("in
# Nelson", "Nelson police", listed with a place), never as a lone name that may be someone's
SMALL_DIVISION = 200_000
MISREAD_CITY = 50_000  # a city this big after "in", "from" ... is a place though the model read a date or language
HYPHENED = re.compile(r"^([A-Z][A-Za-z.]+)-[a-z]{3,}$")  # "U.S.-led", "Canada-wide"


DASHES = {"-", "–", "—"}


def person_entities(doc) -> list:
    """The model's PERSON entities, each cut before a dash standing alone in it: a dash parts two phrases
    and a person's name holds none ("Mr Trump - Wisconsin and Pennsylvania": the person is "Mr Trump")."""
    out = []
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        cut = next((t.i for t in ent if t.text in DASHES), None)
        out.append(ent if cut is None else doc[ent.start:cut])
    return [ent for ent in out if len(ent)]


def recognise(story: Story, gaz: Gazetteer) -> list[Mention]:
    """Place names (spaCy place entities the gazetteer knows, and well-known names the model labelled
    otherwise or missed: "Edmonton" as ORG, "Tamil Nadu" as PERSON) and demonyms."""
    doc = story.doc
    tokens = doc_tokens(doc)
    found: list[Mention] = []
    taken: set[int] = set()

    def add(start, end, cands, kind="name", respelt=frozenset()):
        span = doc[start:end]
        found.append(Mention(Span.from_spacy(span), span.root, kind=kind, candidates=cands,
                             metonymic=kind == "name" and is_metonymic(story, span.root), respelt=set(respelt)))
        taken.update(range(start, end))

    # words of the people the article names ("Mayor Ryan Bingham" ... "Bingham said"): a lone such word is
    # the person, not a town that shares the name; a bigger place or a country too ("Georgia Stevens" ...
    # "Georgia's father"), unless the text says it is a place there ("in Georgia", "Georgia police")
    persons = person_entities(doc)
    person_words = {t.text for ent in persons if len(ent) > 1 for t in ent
                    if t.text[:1].isupper()}
    full_names = named_in_full(doc, gaz)
    surnames = surnames_after_first_names(doc)  # "Marcus Newton" labelled an organisation: "Newton" is him
    person_words |= surnames
    full_names |= surnames

    def a_person(start, end, cands) -> bool:
        if end - start == 1 and after_kin(doc, start) and not qualified(doc, end):
            return True  # "his wife, Tonya", "daughters Malia and Sasha"
        small = all(e.feature in ("city", "admin2") and e.population < 100_000 for e, _ in cands)
        if end - start == 1 and (after_first_name(doc, start, taken) or first_name_of(doc, start)) \
                and not qualified(doc, end) and small:
            return True  # "Editing by Bill Rigby", "a golfer in Brooke Henderson": a person, not Rigby, Idaho
        if end - start == 1 and small and first_names_listed(doc, start):
            return True  # "Helen, Clarence and Randy Kunz": the comma makes no town of a state
        # a comma and a word that modifies the noun after it is no qualifier ("Freeland, U.S. Trade
        # Representative Robert Lighthizer and ...": the person and another)
        if end - start != 1 or as_written(tokens[start].text) not in person_words or (
                qualified(doc, end) and not modifies_next(tokens[end + 1])):
            return False
        if all(e.feature in ("city", "admin2") and e.population < 100_000 for e, _ in cands):
            return True  # a town or a small county ("Machado", a municipality of Brazil, after "Alicia Machado")
        return as_written(tokens[start].text) in full_names and not (
            local_context(doc, start, end) or listed_with_place(doc[start:end], taken))

    for start, end, cands in dateline_mentions(story, gaz, taken):
        add(start, end, cands)
    for start, end, cands in listed_divisions(story, gaz, taken):
        add(start, end, cands)
    for start, end, cands in joined_names(story, gaz, taken):
        add(start, end, cands)
    for start, end, cands in airports(story, gaz, taken):
        add(start, end, cands)
    capitals = not in_lower_case(doc)
    for ent in place_entities(doc, gaz):
        if ent.label_ not in ENT_LABELS or not usable_at(story, ent.start_char):
            continue
        if capitals and ent.text.islower():
            continue  # a word in lower case in a text with capitals is no name ("denying us justice")
        start, end = trim_entity(ent)
        if body_of(doc, start, end):
            end -= 1  # "the Florida Department of Law Enforcement": the state, not Uruguay's department
        if start >= end or any(i in taken for i in range(start, end)):
            continue
        cands = fit_case(doc[start:end].text, gaz.lookup(doc[start:end].text), period_follows(doc, end),
                          possessive_follows(doc, end))
        if not cands and end - start > 1 and tokens[end - 1].lower_ in DIVISION_WORDS:
            cands = [(e, p) for e, p in gaz.lookup(doc[start:end - 1].text) if e.feature in ("admin1", "admin2")]
        respelt = other_spellings(doc[start:end].text, cands, gaz, ent.label_)
        cands = cands + respelt + big_airport(gaz, doc[start:end].text, cands)
        if (end - start == 1 and tokens[start].lower_ in COMPASS_WORDS) or direction_fragment(doc, start, end):
            # "the West", "Centre": a direction the model took for a place is never a division or town
            # abroad named by it
            cands = [(e, p) for e, p in cands if e.feature in ("country", "continent", "region")
                     or (e.feature == "city" and e.population >= 100_000)]
        if ent.label_ == "LOC" and not local_context(doc, start, end):
            # seas, mountains, regions: not a small town that shares the name, unless the text says it
            # is a locality ("near New Quay", "the Crown Heights neighborhood")
            cands = [(e, p) for e, p in cands if e.feature != "city" or e.population >= 100_000]
        if cands and not a_person(start, end, cands):
            add(start, end, cands, respelt={id(e) for e, _ in respelt})
    # names inside other entities or outside any: only names that are surely places
    ent_of = {t.i: t.ent_type_ for t in tokens}
    person_of = {i: ent for ent in persons if len(ent) > 1 for i in range(ent.start, ent.end)}
    i = 0
    while i < len(doc):
        tok = tokens[i]
        # a name the model took for an adjective before a division word ("in Kasese district") is read too
        named = tok.pos_ == "PROPN" or (tok.pos_ == "ADJ" and i + 1 < len(doc) and tokens[i + 1].lower_ in DIVISION_WORDS
                                        and gaz.demonym(tok.text) is None)
        if (i in taken or not tok.text[:1].isupper() or not named
                or (ent_of[i] in SKIP_LABELS and ent_of[i] not in MISREAD_LABELS) or not usable_at(story, tok.idx)):
            i += 1
            continue
        hit = None
        for n in range(min(4, len(doc) - i), 0, -1):
            words = tokens[i:i + n]  # the tokens read once: the cheap tests before the span is made
            # a possessive may stand inside a name ("Lee's Summit", "Prince George's County"), and the period
            # of an abbreviation the tokenizer split off ("Ft. Myers")
            if any(t.i in taken or not (t.text[:1].isupper() or t.lower_ in ("of", "de", "-", "'s", "’s")
                                        or (t.text == "." and t.i > i and len(tokens[t.i - 1]) <= 3)) for t in words):
                continue
            if words[-1].lower_ in ("of", "de", "-", "'s", "’s", ".") or body_of(doc, i, i + n):
                continue
            toks = doc[i:i + n]
            # a generic word is a name only as a state's abbreviation after a comma ("Harvey, La.")
            abbreviation = i > 0 and tokens[i - 1].text == "," and period_follows(doc, i + 1)
            if n == 1 and (tok.lower_ in word_list("generic_words.txt") or tok.lower_ in COMPASS_WORDS) and not abbreviation:
                continue
            if head_of_name(toks) or direction_fragment(doc, i, i + n) or tail_of_place(toks, gaz):
                continue
            cands = fit_case(toks.text, gaz.lookup(toks.text), period_follows(doc, i + n), possessive_follows(doc, i + n))
            nxt = tokens[i + n] if i + n < len(doc) else None
            surname = (nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper()
                       and nxt.lower_ not in word_list("name_words.txt") and not gaz.lookup(nxt.text)
                       and nxt.lower_ not in word_list("place_cue_nouns.txt")  # "Beaconsfield Mayor Georges Bourelle"
                       and all(e.feature == "city" for e, _ in cands)  # "David Petraeus"
                       # not a big city heading the name of one of its bodies ("the Boise Fire Department")
                       and not (ent_of[i] in ORG_LABELS and ent_of.get(i + n) == ent_of[i] and tokens[i + n].ent_iob_ == "I"
                                and nxt.lower_ in word_list("city_body_words.txt")
                                and any(p and e.population >= ORG_HEAD_CITY for e, p in cands)))
            whole = toks.start in person_of and (person_of[toks.start].start, person_of[toks.start].end) == (toks.start, toks.end)
            # the actors stage's guess that a lone word is a person ("Edmonton needs ...") counts only
            # when the article names that person in full somewhere ("Ryan Bingham" ... "Bingham")
            in_person = (any(t.i in person_of for t in toks) and not whole) or surname or (
                not whole and is_person(story, toks) and (n > 1 or as_written(tok.text) in person_words))
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
            cue = nxt is not None and nxt.lower_ in word_list("place_cue_nouns.txt")
            listed = listed_with_place(toks, taken)
            if (after_prep or cue or listed) and not surname and not any(t.i in person_of for t in toks):
                in_person = False  # a one-word "person" the model or the actors stage guessed
            if cue and toks.start in person_of and person_of[toks.start].start == toks.start \
                    and person_of[toks.start].end > toks.end:
                in_person = False  # "Calgary MLA Sandra Jansen": the place before a title, not the person
            if n > 1 and toks[-1].lower_ in DIVISION_WORDS and any(e.feature in ("admin1", "admin2") for e, _ in cands):
                in_person = False  # no person is named "Harrison County" ("Harrison County Sheriff's deputies")
            if n > 1 and any(p and e.feature in ("country", "admin1") for e, p in cands) and not surname \
                    and toks.start in person_of and person_of[toks.start].start == toks.start:
                in_person = False  # nor does a person's name begin with a state's of two words ("Nova Scotia RCMP")
            label = "PERSON" if ent_of[i] in MISREAD_LABELS else ent_of[i]
            if prev is not None and prev.lower_ == "of" and qualified(doc, i + n) and not surname:
                # "Leonard of Ada, Oklahoma": a qualified place the model put in a person's name
                in_person, after_prep, label = False, True, ""
            if ent_of[i] in MISREAD_LABELS:  # "in Aleppo" read as a language: only a big city by its own name,
                # or a city of ``MISREAD_CITY`` after a locative word when the date or language is the name alone
                # ("in Manbij near the Turkish border" read as a date)
                ent = entity_at(doc, i)
                if after_prep and ent is not None and (ent.start, ent.end) == (i, i + n) and prev.lower_ in (
                        "in", "at", "near", "outside", "from", "to", "into"):
                    label = "MISREAD"
                after_prep = after_prep and label == "MISREAD"
                cue = listed = False
            if heads_a_firm(doc, i, i + n, cands) and not (after_prep or cue):
                cands = []  # "Peabody Energy", "Blackhawk Mining": a firm named after a town, not the town
            # "the Karak district", "Peel Regional Police": a division word after the name
            division = nxt is not None and (nxt.lower_ in DIVISION_WORDS or nxt.lower_ == "regional")
            if cands and not a_person(i, i + n, cands) and _surely_place(
                    cands, label, in_person=in_person, after_prep=after_prep or cue or listed, written=toks.text,
                    division=division):
                hit = (i, i + n, cands, frozenset())
                break
            # a name the gazetteer knows by another spelling only, before a division word in lower case ("Yemen's
            # Hodeidah province": Al Hudaydah; not "Cloverhill District Court"), kept where the article's other places lie in its country
            # (``resolve.drop_far_respellings``)
            respelt = other_spellings(toks.text, [], gaz, "GPE") if (
                division and nxt.text.islower() and not cands and not in_person) else []
            if respelt and not a_person(i, i + n, respelt):
                hit = (i, i + n, respelt, frozenset(id(e) for e, _ in respelt))
                break
        if hit:
            add(hit[0], hit[1], hit[2], respelt=hit[3])
            i = hit[1]
        else:
            i += 1
    # a country or state joined to a word by a hyphen in one token ("the U.S.-led coalition")
    for tok in tokens:
        m = HYPHENED.match(tok.text)
        if m is None or tok.i in taken or not usable_at(story, tok.idx):
            continue
        cands = fit_case(m.group(1), gaz.lookup(m.group(1)))
        if _surely_place([(e, p) for e, p in cands if e.feature != "city"], "", in_person=False):
            found.append(Mention(Span.of(story.text, tok.idx, tok.idx + len(m.group(1))), tok, candidates=cands))
            taken.add(tok.i)
    for start, end, cands in repeats(story, found, taken, person_of, person_words):
        add(start, end, cands)
    for start, end, cands in town_and_division(story, gaz, found, taken):
        add(start, end, cands)
    if in_lower_case(doc):  # the model finds few names in such text
        for start, end, cands in lower_case_names(story, gaz, taken):
            add(start, end, cands)
    # demonyms: adjectives and nouns that imply a country ("Afghan government", "Iraqis")
    lower_case = in_lower_case(doc)
    for tok in tokens:
        if tok.i in taken or not (tok.text[:1].isupper() or lower_case) or not usable_at(story, tok.idx):
            continue
        if lower_case and not tok.is_alpha:
            continue
        if tok.ent_type_ in SKIP_LABELS and tok.ent_type_ != "LANGUAGE":
            continue
        if tok.ent_type_ in ENT_LABELS and not (tok.ent_iob_ == "B" and (tok.i + 1 == len(doc) or tokens[tok.i + 1].ent_iob_ != "I")):
            continue  # inside a longer place name: "Indian Ocean", "French Quarter"
        if after_pan(doc, tok.i):
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
    found = drop_loose_abbreviations(story, found)
    found = [m for m in found if not names_a_road(doc, m) and not in_a_water_name(doc, m)
             and not in_a_firm_name(doc, m) and not a_title(doc, m)]
    for m in found:
        m.street = names_a_street(doc, m)
    diseases = {index.fold(m.span.text) for m in found if names_a_disease(doc, m)}
    # a disease's name is that disease elsewhere in the article too ("the Ebola and Marburg outbreaks"
    # after "Marburg virus"), unless the text says it is a place there ("in Marburg")
    found = [m for m in found if index.fold(m.span.text) not in diseases or (
        not names_a_disease(doc, m)
        and (local_context(doc, *token_bounds(doc, m)) or after_place(doc, m, found)))]
    for m in found:
        m.affiliation = party_state(story.text, m)
    link_qualifiers(story, found)
    storms = storm_names(doc)
    found = [m for m in found if m.span.text not in storms or m.qualifier is not None or m.qualifies]
    found = [m for m in found if not speaking_person(doc, m) and not known_person(story, m)]
    link_lists(story, found)
    return found


def _names_people(tok) -> bool:
    """Whether a demonym names people or a language rather than qualifying a noun: "the French voted",
    "speaks French" (not "French troops", "a Russian official")."""
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i:
        return False
    if tok.ent_type_ == "LANGUAGE":
        return True
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "ROOT")


def _surely_place(cands, label: str, *, in_person: bool, after_prep: bool = False, written: str = "",
                  division: bool = False) -> bool:
    """Whether a name found outside a place entity is a place: a country, continent, region or state by
    its own name (a small state only by its company or a division word after it: ``SMALL_DIVISION``), or a county or a big city (bigger when labelled a person; any town after "in", "at",
    "near"), these two also by their name with a word abbreviated ("St. Tammany Parish" for Saint Tammany
    Parish; not a state so: "St. Michael" is no parish of Barbados)."""
    if in_person:
        return False
    if after_prep:
        need = MISREAD_CITY if label == "MISREAD" else 5_000 if label == "PERSON" else 2_000
    else:
        need = 200_000 if label == "PERSON" else 50_000
    respelt = set(index.abbreviated(index.fold(written))) if written else set()
    for e, primary in cands:
        if not primary and index.fold(e.name) not in respelt:
            continue
        if e.feature in ("country", "continent", "region") and primary:
            return True
        if e.feature == "admin1" and primary and (after_prep or division or e.population >= SMALL_DIVISION):
            return True  # a parish of Bermuda ("Smith said", "Paget told") or a sheading of Man ("Michael")
        if e.feature == "admin2" and set(e.name.lower().split()) & DIVISION_WORDS:  # "Montgomery County"
            return True
        if e.feature == "city" and e.population >= need:
            return True
    return False
