"""Step 2's points (``score``): a candidate record of a name scored by its size, its kind, the words
around the name, its qualifier, the names it is listed with and the article's context (``context``)."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from . import index
from .areas import KM_PER_DEGREE, lies_within, within_km
from .context import BIG_NAMESAKE, Context
from .index import Entry
from .mention import Mention
from .vocabulary import COMPASS_WORDS, DIVISION_WORDS, FIRST_LEVEL_WORDS, PLURAL_DIVISIONS, TOWN_WORDS, word_list


PARTY_WORDS = {"democratic", "republican", "gop"}  # skipped before a state cue ("New York Republican primary")
# context weights (score points): a town in a state the article names, more in the state it names most; a
# state other places of the article lie in
ADMIN_NEAR = 1.5
ADMIN_FOCUS = 1.5
ADMIN_INSIDE = 1.0
COMPASS_STATE = 4.0  # points for a state after a direction word ("central Washington"), beyond "the state"'s
SHARED_NAME = 4.0  # points for the share of the article's places in a country whose name another country shares
LISTED = 3.0  # a state listed with other states of its country
COHERE = 1.0  # points per other name of the article with a town or county reading near this reading
NEAR_BONUS = 2.0  # ... gets these points


def score(m: Mention, entry: Entry, primary: bool, ctx: Context, text: str) -> float:
    s = 1.3 * math.log10(entry.population + 10)
    follows = text[m.span.end:m.span.end + 28].lower().split()
    nxt = follows[0].strip(".,'\u2019") if follows else ""
    if nxt in PARTY_WORDS and len(follows) > 1:
        nxt = follows[1].strip(".,'\u2019")  # "New York Democratic voters": the voters of the state
    division_word = nxt in DIVISION_WORDS or (entry.feature == "admin1" and nxt in word_list("state_cue_words.txt"))
    if entry.feature == "admin1" and compass_before(m, text):
        division_word = True
        s += COMPASS_STATE
    before = text[max(0, m.span.start - 24):m.span.start].lower().split()
    if entry.feature == "admin1" and len(before) >= 2 and before[-1] in ("of", "from") \
            and before[-2].rstrip(".") in word_list("state_office_words.txt"):
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
                (nxt in word_list("place_cue_nouns.txt") or nxt in word_list("city_body_words.txt"))
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
            s += 20.0 if lies_within(entry, q) or entry is q else -5.0
        elif m.qualifier.candidates:
            s += 20.0 if any(lies_within(entry, e) or entry is e for e, _ in m.qualifier.candidates) else -5.0
    if entry.feature not in ("country", "continent", "region") and not m.event_name:
        # the name of an event held there ("the Venice Film Festival"), the name never written alone: the
        # story's other places say nothing of which namesake it is (a story of Hollywood is no reason for
        # Venice, California)
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
            near = near_point(ctx, entry.lat, entry.lon)
            s += NEAR_BONUS if near else 0.0  # a town near the article's other towns
        if entry.feature in ("city", "admin2"):  # among its town readings, those near readings of other names
            s -= COHERE * (m.cohere.get("best", 0) - (0 if shadow else m.cohere.get(id(entry), 0)))
    return s


OVERSHADOW = 100  # ... and this many times bigger than a town of that name overshadows the town


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
    return not (entry.lat is not None and any(within_km(entry.lat, entry.lon, la, lo, km) for la, lo, km in ctx.local))


DWARFED = 50  # a town this many times smaller than a namesake city abroad ...
DWARFED_NAMED = 4  # ... or this many times, abroad in a country the article names itself
DWARFED_FOCUS = 1.0  # ... gets only these points for lying in the article's country, unless near its places


def _dwarfed_stranger(m: Mention, entry: Entry, ctx: Context) -> bool:
    """Whether a town is dwarfed by a namesake city in another country (``DWARFED`` times bigger, bearing the
    name as its own: "White House" is no more than a translation of Casablanca's name) and has
    nothing of the article near it: no other place of the article in its state, none within ``NEAR_KM``.
    Lying in the country the article is about is then little reason to prefer it ("flew to Hamburg" in a story
    of Chicago and Boston is the German city, not Hamburg, New York; in a story of Buffalo it is the town).
    In a country the article names itself ("British", "in England") a namesake ``DWARFED_NAMED`` times bigger
    is enough: "born in Manchester" in a story of an American and a British soldier is England's city, not
    New Hampshire's, when no other place of the article lies in New Hampshire."""
    if entry.feature != "city" or not any(
            p and e.feature == "city" and e.country != entry.country
            and e.population >= (DWARFED_NAMED if ctx.countries.get(e.country) else DWARFED) * max(entry.population, 1)
            for e, p in m.candidates):
        return False
    if entry.admin1 and ctx.admins.get(entry.admin1):
        return False
    return not (entry.lat is not None and near_point(ctx, entry.lat, entry.lon))


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


def compass_before(m: Mention, text: str) -> bool:
    """Whether a direction word stands before a name that no country shares ("central Washington",
    "eastern Oregon"): a part of a state, as "the state" would say."""
    before = text[max(0, m.span.start - 24):m.span.start].lower().split()
    return bool(before) and before[-1] in COMPASS_WORDS and not any(e.feature == "country" for e, _ in m.candidates)


def near_point(ctx: Context, lat: float, lon: float) -> bool:
    """Whether a point lies within its distance (``within_km``) of one of the context's points. Only the
    points in a band of latitude around it are measured (sorted once per context, each point once): a long
    article's every reading against its every town was a square."""
    known = ctx.by_lat
    if known is None or known[0] != len(ctx.points):
        pts = sorted(set(ctx.points))  # a name said a hundred times is one point to measure
        widest = max((km for _, _, km in pts), default=0.0)
        known = (len(ctx.points), [p[0] for p in pts], pts, widest / KM_PER_DEGREE + 1e-6)
        ctx.by_lat = known
    _, lats, pts, band = known
    return any(within_km(lat, lon, la, lo, km) for la, lo, km in pts[bisect_left(lats, lat - band):
                                                                     bisect_right(lats, lat + band)])
