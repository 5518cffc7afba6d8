"""The article's context for resolving a name: the countries and states its other places lie in, their
points and counties (``Context``, ``build_context``), the country focus (``focus_country``) and, for every town
reading, how many other names have a reading near it (``mark_coherence``)."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from . import index
from .areas import NEAR_KM
from .index import Entry
from .mention import Mention


COHERE_CAP = 2  # the other names with a reading near a town reading are counted up to this many
COHERE_BIG = 100_000  # the biggest town reading of a name, this big or bigger ...
COHERE_LEAD = 10  # ... and this many times the next one, is never pushed down
COHERE_MAX_READINGS = 300  # a name with more town readings than this says nothing about where others lie


@dataclass
class Context:
    countries: Counter = field(default_factory=Counter)
    admins: Counter = field(default_factory=Counter)
    focus: str | None = None
    admin_focus: str | None = None  # the state or province the article's places lie in most
    members: set = field(default_factory=set)  # ids of the mentions that voted
    points: list = field(default_factory=list)  # (lat, lon, km) of the article's other towns and counties
    counties: dict = field(default_factory=dict)  # admin2 code -> folded name of the counties the article names
    local: list = field(default_factory=list)  # (lat, lon, km) of the towns the text places itself, its counties
    by_lat: tuple | None = field(default=None, repr=False, compare=False)  # points sorted (scoring.near_point)


BIG_NAMESAKE = 100_000  # a city this big by its own name is known well beyond its state (``scoring``)
SUBURB_KM = 30.0  # a big city the text places itself lends support to the towns this close, its suburbs


def context_without(ctx: Context, m: Mention) -> Context:
    """The context less what a mention itself put in (so a name does not vote for its own reading)."""
    e = m.entry
    if e is None or id(m) not in ctx.members:
        return ctx
    w = 0.5 if m.kind != "name" else 1.0
    out = Context(ctx.countries.copy(), ctx.admins.copy(), None)
    out.countries[e.country] -= w
    if e.admin1 and e.feature != "country":
        out.admins[e.admin1] -= w
    out.countries = +out.countries
    out.admins = +out.admins
    out.focus = out.countries.most_common(1)[0][0] if out.countries else None
    out.admin_focus = out.admins.most_common(1)[0][0] if out.admins else None
    out.counties = {k: v for k, v in ctx.counties.items() if not (e.feature == "admin2" and k == e.admin2)}
    return out


def build_context(mentions: list[Mention], *, confident_only: bool) -> Context:
    ctx = Context()
    for m in mentions:
        e = m.entry
        if e is None or (confident_only and m.score_margin < 2.0) or m.affiliation or m.event_name:
            continue
        if m.embedded and e.feature == "city" and e.population < BIG_NAMESAKE and m.score_margin < 2.0:
            continue  # "the Pacific Ocean" read, barely, as Pacific, Missouri votes for nothing
        w = 0.5 if m.kind != "name" else 1.0
        ctx.members.add(id(m))
        ctx.countries[e.country] += w
        if e.feature in ("admin1", "admin2", "city") and e.admin1:
            ctx.admins[e.admin1] += w
        if e.feature in ("city", "admin2") and m.kind == "name" and e.lat is not None:
            # a national capital lends nearness to its suburbs only: "Washington" is named as the seat of
            # government far more often than as the neighbour of a town 90 km away ("Cambridge" is not
            # Cambridge, Maryland for it)
            ctx.points.append((e.lat, e.lon, SUBURB_KM if e.capital else NEAR_KM))
        if e.feature == "admin2" and m.kind == "name" and e.admin2:
            ctx.counties[e.admin2] = index.fold(e.name)
        if m.kind == "name" and e.lat is not None and (e.feature == "admin2" or (
                e.feature == "city" and (m.qualifier is not None or m.dateline))):
            # "COLUMBIA, Ky.", "Metcalfe County": a local story's own places; a big city's suburbs only
            ctx.local.append((e.lat, e.lon, SUBURB_KM if e.population >= BIG_NAMESAKE else NEAR_KM))
    if ctx.countries:
        ctx.focus = ctx.countries.most_common(1)[0][0]
    if ctx.admins:
        ctx.admin_focus = ctx.admins.most_common(1)[0][0]
    return ctx


def focus_country(mentions: list[Mention]) -> str | None:
    """The country the article is about: the most frequent country of its resolved places (a name counts
    1, a demonym or a country acting as a government, "The U.S. is downplaying", 0.5; ties go to the
    country named first)."""
    votes: Counter = Counter()
    for m in mentions:
        if m.dateline and m.entry is not None:
            votes[m.entry.country] += 1.0  # the dateline counts double
        if m.entry is not None and m.entry.country:
            votes[m.entry.country] += 0.5 if (m.kind != "name" or m.metonymic) else 1.0
    if not votes:
        return None
    top = votes.most_common(2)
    if len(top) > 1 and top[0][1] == top[1][1]:
        first = {c: min(i for i, m in enumerate(mentions) if m.entry and m.entry.country == c) for c, _ in top}
        return min(first, key=first.get)
    return top[0][0]


def _cells(e: Entry) -> list[tuple[int, int]]:
    """The one-degree grid cell of a point and its eight neighbours (about 100-200 km around it)."""
    la, lo = math.floor(e.lat), math.floor(e.lon)
    return [(la + i, (lo + j + 180) % 360 - 180) for i in (-1, 0, 1) for j in (-1, 0, 1)]


def mark_coherence(mentions: list[Mention]) -> None:
    """For every town or county reading of a name, how many of the article's other names have some
    town or county reading near it ("Jackson", "Canton" and "Madison County" all have readings in
    Mississippi close together): the readings that make the article's places lie together."""
    from .index import fold

    near: dict[str, set] = {}
    for m in mentions:
        if m.kind != "name":
            continue
        key = fold(m.span.text)
        pts = [e for e, _ in m.candidates if e.feature in ("city", "admin2") and e.lat is not None]
        if m.embedded and len(pts) > 1:
            continue  # "Harvard Law School": which Harvard says nothing of where the other places lie
        if key in near or not pts or len(pts) > COHERE_MAX_READINGS:
            continue

        near[key] = {c for e in pts for c in _cells(e)}
    for m in mentions:
        key = fold(m.span.text)
        for e, _ in m.candidates:
            if e.feature in ("city", "admin2") and e.lat is not None:
                cell = (math.floor(e.lat), math.floor(e.lon))
                m.cohere[id(e)] = min(COHERE_CAP, sum(1 for k, cells in near.items() if k != key and cell in cells))
        m.cohere["best"] = max(m.cohere.values(), default=0)
        towns = sorted((e for e, _ in m.candidates if e.feature in ("city", "admin2") and e.lat is not None),
                       key=lambda e: -e.population)
        # its namesakes: the readings elsewhere (Paris's own département, Paris, is no rival of Paris)
        rivals = [e for e in towns[1:] if index.distance_km(e.lat, e.lon, towns[0].lat, towns[0].lon) > NEAR_KM]
        if towns and towns[0].population >= COHERE_BIG and (
                not rivals or towns[0].population >= COHERE_LEAD * rivals[0].population):
            for e in towns:  # "Nashville", "Paris": a big city far ahead of its namesakes (and its own county)
                if e is towns[0] or index.distance_km(e.lat, e.lon, towns[0].lat, towns[0].lon) <= NEAR_KM:
                    m.cohere[id(e)] = m.cohere["best"]
