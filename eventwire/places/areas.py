"""Where gazetteer records lie relative to each other: one inside a country or division (``lies_within``),
and two points within some kilometres (``within_km``)."""

from __future__ import annotations

from . import index
from .index import Entry


NEAR_KM = 100.0  # near: within this distance (a town near the article's other towns and counties)
KM_PER_DEGREE = 111.0  # a degree of latitude is at least this long (111.2 km) ...
NEAR_LAT = NEAR_KM / KM_PER_DEGREE  # ... so points this many degrees apart in latitude are farther than NEAR_KM


def within_km(lat: float, lon: float, la: float, lo: float, km: float) -> bool:
    """Whether two points lie within ``km`` of each other; points farther apart in latitude alone are
    told apart without the great-circle distance."""
    return abs(lat - la) * KM_PER_DEGREE <= km and index.distance_km(lat, lon, la, lo) <= km


def lies_within(entry: Entry, place: Entry) -> bool:
    """Whether ``entry`` lies in ``place`` (a country or division)."""
    if place.feature == "country":
        return entry.country == place.country and entry.feature != "country"
    if place.feature == "admin1":
        return entry.admin1 == place.admin1 and entry.geonameid != place.geonameid
    if place.feature == "admin2":
        return entry.admin2 == place.admin2 and entry.geonameid != place.geonameid
    return False
