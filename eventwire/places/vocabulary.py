"""The words and limits the places steps share: entity labels, division and town words, compass words,
prepositions, US postal codes, the word lists of ``eventwire/data/places/`` (``word_list``) and the common first
names (``first_names``)."""

from __future__ import annotations

from functools import cache

from ..data import read_lines


ENT_LABELS = {"GPE", "LOC", "FAC"}
ORG_LABELS = {"ORG", "FAC"}
ORG_HEAD_CITY = 100_000  # a city this big by its own name heading the name of one of its bodies is that city
EVENT_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "on",
               "along", "off", "amid", "during", "through"}
DIVISION_WORDS = {"county", "parish", "district", "borough", "province", "state", "region", "prefecture",
                  "governorate", "oblast", "department", "municipality", "krai", "kray", "okrug", "voivodeship",
                  "canton"}
FIRST_LEVEL_WORDS = {"state", "province", "region", "governorate", "oblast", "prefecture"}  # "the state of X"
TOWN_WORDS = {"city", "town", "village", "township", "borough", "hamlet", "municipality"}
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "centre", "center", "midwest", "northeast", "northwest", "southeast", "southwest"}
DIRECTION_WORDS = COMPASS_WORDS | {"far", "upper", "lower", "middle"}
# labels the model sometimes gives a city ("in Aleppo" as LANGUAGE, "in Winnipeg" as DATE): such a word is
# still read when it is a big city by its own name
MISREAD_LABELS = {"LANGUAGE", "DATE"}
SKIP_LABELS = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY", "LANGUAGE", "LAW"}
US_POSTAL = {"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
             "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
             "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
             "WI", "WY", "DC"}
PLURAL_DIVISIONS = {"counties": "County", "parishes": "Parish", "districts": "District", "provinces": "Province",
                    "states": "State", "boroughs": "Borough", "regions": "Region", "governorates": "Governorate",
                    "prefectures": "Prefecture", "oblasts": "Oblast", "townships": "Township"}
LOCAL_PREPS = {"in", "at", "near", "outside", "from", "to", "into", "toward", "towards", "through", "of"}


@cache
def word_list(name: str) -> frozenset[str]:
    """A word list from ``eventwire/data/places/``."""
    return frozenset(line.lower() for _, line in read_lines(f"places/{name}"))


FIRST_NAME_RANK = 500  # the census first names this common ...


@cache
def first_names() -> frozenset[str]:
    """The ``FIRST_NAME_RANK`` most common women's and men's first names of the US Census 1990 lists the
    ``names`` package ships (lower case; ``actors.first_names.common``); none when it is missing."""
    from ..actors.first_names import common

    return common(FIRST_NAME_RANK)


@cache
def person_titles() -> frozenset[str]:
    """The titles and courtesy titles before a person's name in ``data/roles.tsv`` (the actors stage's list:
    "mr", "mayor", "sen.", "prime minister"; lower case)."""
    out = set()
    for _, line in read_lines("roles.tsv"):
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2] in ("title", "honorific"):
            out.add(cols[0].lower())
    return frozenset(out)
