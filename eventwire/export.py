"""Export stored events: PLOVER 2.0 JSONL, a GDELT-style event CSV, and Parquet.

    with Store("news.duckdb", read_only=True) as store:
        export(store, "events.jsonl", fmt="plover", country="SDN")

All three take the filters of ``Store.query_events`` (actor, country, type, dates, place, text).

- **PLOVER JSONL** (``plover``): one event per line with the field names of the PLOVER manual's "Data
  Fields" chapter (``id``, ``date``, ``actor``/``recipient`` entity objects with ``code``, ``sector``,
  ``entity_text``, ``event``, ``mode``, ``context``, ``event_text``, ``quad_code``, ``event_scale``,
  ``event_loc``, ``link``, ``text_info``, ``cite_info``, ``coder``, ``coded_date``), plus eventwire's own
  fields (``cameo``, ``negated``, ``hypothetical``, ``confidence``, ``evidence``, ``num_mentions``,
  ``num_articles``, ...). ``link`` is the event cluster: records with the same link report one event.
- **GDELT CSV** (``gdelt``): one row per event *cluster* (the same event reported by several articles is
  one row, its first report, with ``NumMentions``/``NumArticles``/``NumSources``), with GDELT 2.0 event
  table column names. Country codes are ISO-3166 alpha-3 (GDELT's actor codes use the same; its
  ``ActionGeo_CountryCode`` uses FIPS, eventwire writes ISO alpha-3 there too). Extra columns at the end
  name the PLOVER type and mode and the eventwire record.
- **Parquet** (``parquet``): the ``events`` rows joined with their article and cluster, written by DuckDB
  ``COPY ... (FORMAT PARQUET)``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from . import __version__
from .errors import InputError
from .store import Store, _event_filters

FORMATS = ("plover", "gdelt", "parquet")

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    "PloverType", "PloverMode", "EventwireArticleID", "EventwireEventID", "EventwireClusterID",
]

_GEO_TYPE = {"country": 1, "admin1": 5, "state": 5, "region": 5, "city": 4}


def export(store: Store, out: str | Path, *, fmt: str = "plover", **filters) -> int:
    """Write the filtered events to ``out`` in ``fmt``; return the number of records written."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    out = Path(out)
    if fmt == "parquet":
        return export_parquet(store, out, **filters)
    if fmt == "gdelt":
        return export_gdelt(store, out, **filters)
    return export_plover(store, out, **filters)


# -- PLOVER ---------------------------------------------------------------------------------------------


def _stories(store: Store, article_ids) -> dict[str, dict]:
    out = {}
    for aid in dict.fromkeys(article_ids):
        out[aid] = store.get_story(aid)
    return out


def _entity(actor: dict | None) -> dict:
    if not actor:
        return {}
    mention = actor["mentions"][0]["text"] if actor.get("mentions") else actor.get("name")
    return {
        "code": actor.get("country"),
        "sector": actor.get("sector"),
        "entity_text": mention,
        "identifier_id": actor.get("kb_id"),
        "identifier_text": actor.get("name"),
        "office": actor.get("role"),
        "actor_code": actor.get("code"),
        "kind": actor.get("kind"),
        "eventwire_id": actor.get("id"),
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
            "resolution": {"country": 1, "admin1": 2, "city": 4}.get(place.get("feature") or ""),
        }
    coded = row.get("article_ingested_at")
    return {
        "id": f"{art['id']}-{event['id']}",
        "date": event.get("date"),
        "actor": [_entity(actors.get(i)) for i in event.get("source", [])],
        "recipient": [_entity(actors.get(i)) for i in event.get("target", [])],
        "event": [event["type"]],
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": list(event.get("context") or []),
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
        "article_id": art["id"],
        "event_id": event["id"],
        "cameo": event.get("cameo"),
        "negated": event.get("negated", False),
        "hypothetical": event.get("hypothetical", False),
        "confidence": event.get("confidence"),
        "date_precision": event.get("date_precision"),
        "evidence": evidence,
        "trigger": event.get("trigger"),
        "quote_id": event.get("quote"),
        "duplicate_of": row.get("article_duplicate_of"),
        "num_mentions": row.get("cluster_events"),
        "num_articles": row.get("cluster_articles"),
    }


def export_plover(store: Store, out: Path, **filters) -> int:
    rows = store.query_events(limit=None, **filters)
    stories = _stories(store, (r["article_id"] for r in rows))
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for row in rows:
            story = stories[row["article_id"]]
            event = next(e for e in story["events"] if e["id"] == row["id"])
            fh.write(json.dumps(plover_record(story, event, row), ensure_ascii=False, default=str) + "\n")
            n += 1
    return n


# -- GDELT ----------------------------------------------------------------------------------------------


def _first_actor(story: dict, ids: list[str]) -> dict:
    actors = {a["id"]: a for a in story["actors"]}
    for i in ids:
        if i in actors:
            return actors[i]
    return {}


def gdelt_row(story: dict, event: dict, row: dict, n_sources: int | None) -> dict:
    a1, a2 = _first_actor(story, event.get("source", [])), _first_actor(story, event.get("target", []))
    date = (event.get("date") or story["article"].get("date") or "")[:10]
    sqldate = date.replace("-", "") if len(date) == 10 else ""
    cameo = event.get("cameo") or ""
    first_body = next((p for p in story.get("paragraphs", []) if p.get("kind") == "body"), None)
    root = int(bool(first_body and first_body["start"] <= event["evidence"]["start"] < first_body["end"]))
    places = {p["id"]: p for p in story["places"]}
    place = places.get(event.get("place")) or {}
    added = row.get("article_ingested_at")
    cluster = row.get("cluster_id") or f"{row['article_id']}{row['id']}"
    fraction = ""
    if sqldate:
        import datetime as dt

        d = dt.date.fromisoformat(date)
        fraction = round(d.year + (d.timetuple().tm_yday - 1) / 365.0, 4)

    def code(actor):
        return actor.get("code") or ((actor.get("country") or "") + (actor.get("sector") or "")) or ""

    return {
        "GLOBALEVENTID": int(cluster[:15], 16) if all(c in "0123456789abcdef" for c in cluster[:15]) else cluster,
        "SQLDATE": sqldate, "MonthYear": sqldate[:6], "Year": sqldate[:4], "FractionDate": fraction,
        "Actor1Code": code(a1), "Actor1Name": (a1.get("name") or "").upper(), "Actor1CountryCode": a1.get("country") or "",
        "Actor1Type1Code": a1.get("sector") or "",
        "Actor2Code": code(a2), "Actor2Name": (a2.get("name") or "").upper(), "Actor2CountryCode": a2.get("country") or "",
        "Actor2Type1Code": a2.get("sector") or "",
        "IsRootEvent": root, "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": event.get("quad_class") if event.get("quad_class") is not None else "",
        "GoldsteinScale": event.get("goldstein") if event.get("goldstein") is not None else "",
        "NumMentions": row.get("cluster_events") or 1, "NumSources": n_sources or 1,
        "NumArticles": row.get("cluster_articles") or 1, "AvgTone": "",
        "ActionGeo_Type": _GEO_TYPE.get(place.get("feature") or "", "") if place else "",
        "ActionGeo_FullName": place.get("name") or "", "ActionGeo_CountryCode": place.get("country") or "",
        "ActionGeo_Lat": place.get("lat") if place.get("lat") is not None else "",
        "ActionGeo_Long": place.get("lon") if place.get("lon") is not None else "",
        "ActionGeo_FeatureID": place.get("geonameid") or "",
        "DATEADDED": added.strftime("%Y%m%d%H%M%S") if hasattr(added, "strftime") else "",
        "SOURCEURL": story["article"].get("url") or story["article"].get("source") or "",
        "PloverType": event["type"], "PloverMode": event.get("mode") or "",
        "EventwireArticleID": row["article_id"], "EventwireEventID": row["id"],
        "EventwireClusterID": row.get("cluster_id") or "",
    }


def export_gdelt(store: Store, out: Path, **filters) -> int:
    rows = store.query_events(limit=None, **filters)
    # one row per cluster: its first report (earliest date, then article id, event id), as query order gives
    firsts: dict[str, dict] = {}
    for row in rows:
        firsts.setdefault(row.get("cluster_id") or f"{row['article_id']}/{row['id']}", row)
    sources = dict(store.con.execute(
        "SELECT e.cluster_id, count(DISTINCT COALESCE(a.outlet, a.url, a.id)) FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IS NOT NULL GROUP BY e.cluster_id").fetchall())
    stories = _stories(store, (r["article_id"] for r in firsts.values()))
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=GDELT_COLUMNS)
        writer.writeheader()
        for row in firsts.values():
            story = stories[row["article_id"]]
            event = next(e for e in story["events"] if e["id"] == row["id"])
            writer.writerow(gdelt_row(story, event, row, sources.get(row.get("cluster_id"))))
    return len(firsts)


# -- Parquet --------------------------------------------------------------------------------------------


def export_parquet(store: Store, out: Path, **filters) -> int:
    where, params = _event_filters(**filters)
    path = str(out).replace("'", "''")
    query = (
        "SELECT e.*, a.title AS article_title, a.date AS article_date, a.url AS article_url, "
        "a.outlet AS article_outlet, a.duplicate_of AS article_duplicate_of, "
        "c.n_events AS cluster_events, c.n_articles AS cluster_articles "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        f"LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id {where} "
        "ORDER BY COALESCE(e.date, a.date) NULLS LAST, e.article_id, e.id"
    )
    store.con.execute(f"COPY ({query}) TO '{path}' (FORMAT PARQUET)", params)
    return store.con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
