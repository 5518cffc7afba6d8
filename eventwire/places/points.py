"""Points and distances: the great-circle distance between two points (``distance_km``), the middle of a
range of coordinates (``mid``) and the point of a division from its places (``division_point``)."""

from __future__ import annotations

import math


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def mid(values: list[float], *, lon: bool = False) -> float:
    """The middle of the range of values (a bounding box's centre); longitudes across the antimeridian
    are shifted first."""
    lo, hi = min(values), max(values)
    if lon and hi - lo > 180:
        shifted = [v + 360 if v < 0 else v for v in values]
        mid = (min(shifted) + max(shifted)) / 2
        return round(mid - 360 if mid > 180 else mid, 5)
    return round((lo + hi) / 2, 5)


ISOLATED_KM = 400.0  # a place of a division with no other within this distance is taken for a wrong link
CELL_DEG = 0.5  # grid cells (about 50 km) for telling how evenly a division's places cover its box ...
CELL_COVER = 0.4  # ... when they occupy this share of the box's cells, the point is the mean of those cells


def division_point(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The point of a division from its places (lat, lon, population): the centre of their bounding box,
    without places of no population (when three have one) and without a place at an edge of the box that
    has no other place within ``ISOLATED_KM`` (while five remain)."""
    keep = [p for p in pts if p[2] > 0]
    if len(keep) < 3:
        keep = list(pts)
    for _ in range(20):
        if len(keep) < 5:
            break
        edges = {min(keep, key=lambda p: p[0]), max(keep, key=lambda p: p[0]),
                 min(keep, key=lambda p: p[1]), max(keep, key=lambda p: p[1])}
        lone = [e for e in edges if not any(o is not e and abs(o[0] - e[0]) <= 4
                                            and distance_km(e[0], e[1], o[0], o[1]) <= ISOLATED_KM for o in keep)]
        if not lone:
            break
        keep = [p for p in keep if p not in lone]
    cells = {(math.floor(p[0] / CELL_DEG), math.floor(p[1] / CELL_DEG)) for p in keep}
    rows = max(c[0] for c in cells) - min(c[0] for c in cells) + 1
    cols = max(c[1] for c in cells) - min(c[1] for c in cells) + 1
    if len(cells) > 1 and cols * CELL_DEG <= 180 and len(cells) >= CELL_COVER * rows * cols:
        # places spread over the whole box: the mean of the cells they occupy is the middle of the area
        # (each cell once, however many towns crowd into it)
        return (round(sum((c[0] + 0.5) * CELL_DEG for c in cells) / len(cells), 5),
                round(sum((c[1] + 0.5) * CELL_DEG for c in cells) / len(cells), 5))
    return mid([x[0] for x in keep]), mid([x[1] for x in keep], lon=True)
