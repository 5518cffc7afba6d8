"""The article's context for resolving a name: the countries and states its other places lie in, their
points and counties (``Context``, ``build_context``; for each name of a pass, from one tally of the article's
names: ``NameContexts``), the country focus (``focus_country``) and, for every town
reading, how many other names have a reading near it (``mark_coherence``)."""

from __future__ import annotations

import math
from collections import Counter
from bisect import insort
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import index
from .areas import KM_PER_DEGREE, NEAR_KM
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
    # the whole article's points sorted, less those of the name the context is for (``NameContexts``)
    shared_points: tuple | None = field(default=None, repr=False, compare=False)


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


def _votes(m: Mention, confident_only: bool):
    """What one name puts into the context of the others: None, or (country, weight, state, point, county,
    local point)."""
    e = m.entry
    if e is None or (confident_only and m.score_margin < 2.0) or m.affiliation or m.event_name:
        return None
    if m.embedded and e.feature == "city" and e.population < BIG_NAMESAKE and m.score_margin < 2.0:
        return None  # "the Pacific Ocean" read, barely, as Pacific, Missouri votes for nothing
    w = 0.5 if m.kind != "name" else 1.0
    admin = e.admin1 if e.feature in ("admin1", "admin2", "city") and e.admin1 else None
    point = county = local = None
    if e.feature in ("city", "admin2") and m.kind == "name" and e.lat is not None:
        # a national capital lends nearness to its suburbs only: "Washington" is named as the seat of
        # government far more often than as the neighbour of a town 90 km away ("Cambridge" is not
        # Cambridge, Maryland for it)
        point = (e.lat, e.lon, SUBURB_KM if e.capital else NEAR_KM)
    if e.feature == "admin2" and m.kind == "name" and e.admin2:
        county = (e.admin2, index.fold(e.name))
    if m.kind == "name" and e.lat is not None and (e.feature == "admin2" or (
            e.feature == "city" and (m.qualifier is not None or m.dateline))):
        # "COLUMBIA, Ky.", "Metcalfe County": a local story's own places; a big city's suburbs only
        local = (e.lat, e.lon, SUBURB_KM if e.population >= BIG_NAMESAKE else NEAR_KM)
    return e.country, w, admin, point, county, local


def build_context(mentions: list[Mention], *, confident_only: bool) -> Context:
    ctx = Context()
    for m in mentions:
        v = _votes(m, confident_only)
        if v is None:
            continue
        country, w, admin, point, county, local = v
        ctx.members.add(id(m))
        ctx.countries[country] += w
        if admin:
            ctx.admins[admin] += w
        if point:
            ctx.points.append(point)
        if county:
            ctx.counties[county[0]] = county[1]
        if local:
            ctx.local.append(local)
    if ctx.countries:
        ctx.focus = ctx.countries.most_common(1)[0][0]
    if ctx.admins:
        ctx.admin_focus = ctx.admins.most_common(1)[0][0]
    return ctx


class _Others(Mapping):
    """The article's counties (code -> name) or local points (iterated) as a pass has them when a name's
    context is made, less those the name itself put in: a view of the pass's tally, not a copy per name."""

    def __init__(self, tally: "NameContexts", rows: list, key: str, mapping: bool):
        self.tally, self.rows, self.key, self.mapping = tally, rows, key, mapping
        self.version = tally.version

    def _alive(self):
        for r in self.rows:  # r: [voter index, name, item, born, died]
            if r[1] != self.key and r[3] <= self.version < r[4]:
                yield r

    def __getitem__(self, code):
        got = max((r for r in self._alive() if r[2][0] == code), default=None)  # the last name's, as a dict keeps
        if got is None:
            raise KeyError(code)
        return got[2][1]

    def __iter__(self):
        for r in self._alive():
            yield r[2][0] if self.mapping else r[2]

    def __len__(self):
        return sum(1 for _ in self._alive())

    def __contains__(self, code):
        return any(r[2][0] == code for r in self._alive())


NEVER = float("inf")


class NameContexts:
    """The context of each name as ``build_context`` of the article's other names gives it when the pass
    comes to the name (``resolve`` with ``others``), from one tally of all the names kept as the pass reads
    each anew, less the name's own votes: a long article's names are read once a pass, not once per name (the
    build per name was a square: 400 names, 11 s)."""

    def __init__(self, voters: list[tuple[Mention, str]], *, confident_only: bool):
        self.keys = [key for _, key in voters]
        self.at = {id(m): i for i, (m, _) in enumerate(voters)}
        self.confident_only = confident_only
        self.votes: list = [None] * len(voters)
        self.rows: list = [None] * len(voters)  # each voter's point, county and local rows
        self.countries, self.admins = Counter(), Counter()
        self.own: dict[str, tuple] = {}
        # (lat, id, row) sorted by latitude; a row: [voter, name, (lat, lon, km), version born, version gone]
        self.points: list = []
        self.counties: list = []
        self.local: list = []
        self.widest = 0.0
        self.version = self.alive = 0  # the tally's changes so far; the points not yet read anew
        for i, (m, _) in enumerate(voters):
            self._add(i, _votes(m, confident_only))

    def _add(self, i: int, v) -> None:
        self.votes[i], self.rows[i] = v, []
        if v is None:
            return
        key = self.keys[i]
        country, w, admin, point, county, here = v
        own = self.own.setdefault(key, (Counter(), Counter(), Counter()))
        _count(self.countries, country, w)
        _count(own[0], country, w)
        if admin:
            _count(self.admins, admin, w)
            _count(own[1], admin, w)
        for item, where in ((point, self.points), (county, self.counties), (here, self.local)):
            if item:
                row = [i, key, item, self.version, NEVER]
                self.rows[i].append(row)
                if where is self.points:
                    insort(where, (item[0], id(row), row))
                    self.widest = max(self.widest, item[2])
                    _count(own[2], "points", 1)
                    self.alive += 1
                else:
                    where.append(row)

    def update(self, m: Mention) -> None:
        """A voter read anew in the pass: its votes changed in the tally (the names whose context is made after
        see them)."""
        i = self.at.get(id(m))
        if i is None:
            return
        v = _votes(m, self.confident_only)
        if v == self.votes[i]:
            return
        self.version += 1
        if self.votes[i] is not None:
            country, w, admin, point = self.votes[i][:4]
            own = self.own[self.keys[i]]
            _count(self.countries, country, -w)
            _count(own[0], country, -w)
            if admin:
                _count(self.admins, admin, -w)
                _count(own[1], admin, -w)
            if point:
                _count(own[2], "points", -1)
                self.alive -= 1
            for row in self.rows[i]:
                row[4] = self.version
        self._add(i, v)

    def __call__(self, key: str) -> Context:
        own = self.own.get(key) or (Counter(), Counter(), Counter())
        ctx = Context()
        ctx.countries, ctx.admins = _less(self.countries, own[0]), _less(self.admins, own[1])
        ctx.focus = self._top(ctx.countries, key, 0)
        ctx.admin_focus = self._top(ctx.admins, key, 2)
        if self.alive > own[2]["points"]:
            ctx.shared_points = (self.points, key, self.version, self.widest / KM_PER_DEGREE + 1e-6)
        ctx.counties = _Others(self, self.counties, key, True)
        ctx.local = _Others(self, self.local, key, False)
        return ctx

    def _top(self, counts: Counter, key: str, at: int):
        """The most voted, a tie going to the one voted first by another name (as ``most_common`` of the
        counter a pass builds)."""
        if not counts:
            return None
        top = max(counts, key=counts.__getitem__)
        if list(counts.values()).count(counts[top]) == 1:
            return top
        tied = {c for c, n in counts.items() if n == counts[top]}
        return next(v[at] for i, v in enumerate(self.votes)
                    if v is not None and self.keys[i] != key and v[at] in tied)


def _count(counts: Counter, key, w: float) -> None:
    counts[key] += w
    if counts[key] <= 0:
        del counts[key]


def _less(counts: Counter, own: Counter) -> Counter:
    """The votes less a name's own, none left at nought (as a counter of the other names' votes)."""
    out = Counter(counts)
    for c, w in own.items():
        out[c] -= w
        if out[c] <= 0:
            del out[c]
    return out


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
    names_at: dict[tuple, set] = {}  # a cell -> the names with a reading near it (each name's cells read once)
    for k, cells in near.items():
        for c in cells:
            names_at.setdefault(c, set()).add(k)
    for m in mentions:
        key = fold(m.span.text)
        for e, _ in m.candidates:
            if e.feature in ("city", "admin2") and e.lat is not None:
                there = names_at.get((math.floor(e.lat), math.floor(e.lon)), ())
                m.cohere[id(e)] = min(COHERE_CAP, len(there) - (key in there))
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
