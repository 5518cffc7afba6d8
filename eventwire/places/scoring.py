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


class _Facts:
    """What scoring asks of a mention that no context changes, read once per mention and candidate list
    (``_facts``): the words around the name, and for each candidate the namesakes among the others that
    matter to it. ``score`` is called for every candidate in every pass (a third of the stage's time)."""

    __slots__ = ("cands", "span", "nxt", "before", "compass", "state_office", "country_primary", "countries",
                 "abbreviated", "per_entry")

    def __init__(self, m: Mention, text: str):
        self.cands, self.span = m.candidates, (m.span.start, m.span.end)
        follows = text[m.span.end:m.span.end + 28].lower().split()
        nxt = follows[0].strip(".,'\u2019") if follows else ""
        if nxt in PARTY_WORDS and len(follows) > 1:
            nxt = follows[1].strip(".,'\u2019")  # "New York Democratic voters": the voters of the state
        self.nxt = nxt
        before = text[max(0, m.span.start - 24):m.span.start].lower().split()
        self.before = before
        self.compass = compass_before(m, text)
        # "the attorney general of Oklahoma", "a senator from Washington"
        self.state_office = len(before) >= 2 and before[-1] in ("of", "from") \
            and before[-2].rstrip(".") in word_list("state_office_words.txt")
        self.country_primary = any(e.feature == "country" and p for e, p in m.candidates)
        self.countries = sum(e.feature == "country" for e, _ in m.candidates)
        self.abbreviated = None
        self.per_entry: dict[int, tuple] = {}

    def of(self, m: Mention, entry: Entry) -> tuple:
        """For one candidate: (a city of its country that makes a state's name the city's, a bigger town
        bearing the name as its own, a well-known city overshadowing it, its namesake cities abroad at least
        ``DWARFED_NAMED`` times bigger as (country, population))."""
        got = self.per_entry.get(id(entry))
        if got is None:
            cands = m.candidates
            city_of_state = entry.feature == "admin1" and any(
                e.feature == "city" and e.country == entry.country
                and (e.population >= 600_000 or (e.admin1 == entry.admin1 and e.population >= 0.25 * entry.population))
                for e, _ in cands)
            bigger_own = entry.feature == "city" and entry.population < BIG_NAMESAKE and any(
                p and e.feature == "city" and e.population >= entry.population for e, p in cands)
            overshadowing = entry.feature == "city" and any(
                p and e.feature == "city" and e is not entry and (e.population >= BIG_NAMESAKE or e.capital)
                and e.population >= OVERSHADOW * max(entry.population, 1) for e, p in cands)
            abroad = tuple((e.country, e.population) for e, p in cands if entry.feature == "city" and p
                           and e.feature == "city" and e.country != entry.country
                           and e.population >= DWARFED_NAMED * max(entry.population, 1))
            got = self.per_entry[id(entry)] = (city_of_state, bigger_own, overshadowing, abroad)
        return got


def _facts(m: Mention, text: str) -> _Facts:
    f = m.__dict__.get("_scoring_facts")
    if f is None or f.cands is not m.candidates or f.span != (m.span.start, m.span.end):
        f = _Facts(m, text)
        m.__dict__["_scoring_facts"] = f
    return f


def score(m: Mention, entry: Entry, primary: bool, ctx: Context, text: str) -> float:
    s = 1.3 * math.log10(entry.population + 10)
    facts = _facts(m, text)
    city_of_state, bigger_own, overshadowing, abroad = facts.of(m, entry)
    nxt = facts.nxt
    division_word = nxt in DIVISION_WORDS or (entry.feature == "admin1" and nxt in word_list("state_cue_words.txt"))
    if entry.feature == "admin1" and facts.compass:
        division_word = True
        s += COMPASS_STATE
    before = facts.before
    if entry.feature == "admin1" and facts.state_office:
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
        if entry.feature == "country" and facts.countries > 1:
            # a name two countries share ("Congo"): the one the article's other places lie in
            s += SHARED_NAME * ctx.countries.get(entry.country, 0) / (sum(ctx.countries.values()) or 1)
    elif entry.feature == "admin1":
        s += 1.5 + (2.0 if division_word else 0.0)
        if not division_word and not (ADMIN_INSIDE and ctx.admins.get(entry.admin1)) and city_of_state:
            s -= 4.0  # "New York", "Washington", "Geneva": the city unless the text says "state"
    elif entry.feature == "admin2":
        # "state" after a name makes it a state, never a county or municipality ("Rio de Janeiro state")
        s += -2.0 + (4.0 if (division_word and nxt != "state") or any(w in m.span.text.lower() for w in DIVISION_WORDS)
                     else 0.0)
    if entry.capital:
        s += 1.5
    if entry.feature == "city" and facts.country_primary:
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
        if bigger_own and index.fold(entry.name) not in _abbreviated(facts, m):
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
            s += 3.5 if not _dwarfed_stranger(m, entry, ctx, abroad) else DWARFED_FOCUS
        elif ctx.countries.get(entry.country):
            s += 1.0 + ctx.countries[entry.country] / total
        shadow = overshadowing and _overshadowed(m, entry, ctx)
        if entry.feature == "admin1":
            if ctx.admins.get(entry.admin1):  # other places of the article lie in this state
                s += ADMIN_INSIDE
        elif shadow:
            pass  # "Cleveland" in a story of Charlotte: the big city, unless the text says otherwise
        elif entry.admin1 and ctx.admins.get(entry.admin1):
            s += ADMIN_NEAR + (ADMIN_FOCUS if entry.admin1 == ctx.admin_focus else 0.0)
        if entry.feature in ("city", "admin2") and entry.lat is not None and (ctx.points or ctx.shared_points) \
                and not shadow:
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
    "Tulsa, Oklahoma" lends nothing to Cleveland, Oklahoma, 60 km away). Asked only of a town that such a
    city's name overshadows (``_Facts.of``, in ``score``)."""
    if entry.feature != "city" or m.qualifier is not None or m.dateline:
        return False
    if entry.admin2 and entry.admin2 in ctx.counties:
        return False
    return not (entry.lat is not None and any(within_km(entry.lat, entry.lon, la, lo, km) for la, lo, km in ctx.local))


DWARFED = 50  # a town this many times smaller than a namesake city abroad ...
DWARFED_NAMED = 4  # ... or this many times, abroad in a country the article names itself
DWARFED_FOCUS = 1.0  # ... gets only these points for lying in the article's country, unless near its places


def _abbreviated(facts: _Facts, m: Mention):
    if facts.abbreviated is None:
        facts.abbreviated = index.abbreviated(index.fold(m.span.text))
    return facts.abbreviated


def _dwarfed_stranger(m: Mention, entry: Entry, ctx: Context, abroad: tuple) -> bool:
    """Whether a town is dwarfed by a namesake city in another country (``DWARFED`` times bigger, bearing the
    name as its own: "White House" is no more than a translation of Casablanca's name) and has
    nothing of the article near it: no other place of the article in its state, none within ``NEAR_KM``.
    Lying in the country the article is about is then little reason to prefer it ("flew to Hamburg" in a story
    of Chicago and Boston is the German city, not Hamburg, New York; in a story of Buffalo it is the town).
    In a country the article names itself ("British", "in England") a namesake ``DWARFED_NAMED`` times bigger
    is enough: "born in Manchester" in a story of an American and a British soldier is England's city, not
    New Hampshire's, when no other place of the article lies in New Hampshire. ``abroad``: (country, population)
    of the namesake cities abroad at least ``DWARFED_NAMED`` times bigger (``_Facts.of``)."""
    if entry.feature != "city" or not any(
            pop >= (DWARFED_NAMED if ctx.countries.get(country) else DWARFED) * max(entry.population, 1)
            for country, pop in abroad):
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
    if ctx.shared_points is not None:  # the pass's points then, less the name's own (``context.NameContexts``)
        pts, key, version, band = ctx.shared_points
        return any(within_km(lat, lon, *r[2]) for _, _, r in pts[bisect_left(pts, (lat - band,)):
                                                                bisect_right(pts, (lat + band, math.inf))]
                   if r[1] != key and r[3] <= version < r[4])
    known = ctx.by_lat
    if known is None or known[0] != len(ctx.points):
        pts = sorted(set(ctx.points))  # a name said a hundred times is one point to measure
        widest = max((km for _, _, km in pts), default=0.0)
        known = (len(ctx.points), [p[0] for p in pts], pts, widest / KM_PER_DEGREE + 1e-6)
        ctx.by_lat = known
    _, lats, pts, band = known
    return any(within_km(lat, lon, la, lo, km) for la, lo, km in pts[bisect_left(lats, lat - band):
                                                                     bisect_right(lats, lat + band)])
