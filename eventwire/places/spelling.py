"""Which records a name as written can mean (``fit_case``: an acronym is no town spelt the same, a short
word names a state only as an abbreviation ...) and the records of another spelling of a place entity's name
(``other_spellings``: "Gharbiya" for Al Gharbiyah)."""

from __future__ import annotations

import re

from . import index
from .index import Gazetteer
from .vocabulary import word_list


def other_spellings(text: str, cands: list, gaz: Gazetteer, label: str) -> list:
    """Records of another spelling of a place entity's name ("Gharbiya" for Al Gharbiyah, "Qamishli" for
    Al Qamishli: ``index.skeleton``) when the gazetteer knows the name by no primary spelling; read as
    alternate names (they score lower than a record's own name). Kept only when the article's other
    places lie in the same country (``drop_far_respellings``)."""
    if label not in ("GPE", "LOC") or any(p for _, p in cands) or not text[:1].isupper():
        return []
    have = {id(e) for e, _ in cands}
    return [(e, False) for e, _ in fit_case(text, gaz.variants(text))
            if id(e) not in have and e.feature in ("city", "admin1", "admin2")]


POSSESSIVE_NAME = re.compile(r"['’ʼ]s$")


def fit_case(text: str, cands: list, period_after: bool = False, possessive_after: bool = False) -> list:
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
                 or (e.admin1 or "").removeprefix("US.").lower() in word_list("dotted_state_letters.txt")]
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


DOTTED = re.compile(r"(?:[a-z]\.){2,3}")  # "u.s.", "u.k.", "u.a.e." in text without capitals
