"""Step 2, resolution: each mention's best-scoring record (``resolve``), then what the whole article says:
a reading by another spelling far from the article's places dropped, streets and parks kept only near them, and
one sense per article (``one_sense``)."""

from __future__ import annotations

from collections import Counter

from . import index
from .areas import NEAR_KM, lies_within
from .context import Context, NameContexts, context_without
from .mention import Mention
from .qualifiers import qualifying_division
from .scoring import compass_before, score
from .vocabulary import COMPASS_WORDS


def drop_far_respellings(mentions: list[Mention], text: str) -> list[Mention]:
    """A name read by another spelling whose reading lies in no country of the article's other places
    (read by their own names) is not kept: its other readings if it has any, else the name is dropped."""
    countries = {m.entry.country for m in mentions if m.entry is not None and id(m.entry) not in m.respelt}
    out = []
    for m in mentions:
        if m.entry is not None and id(m.entry) in m.respelt and m.entry.country not in countries:
            m.candidates = [(e, p) for e, p in m.candidates if id(e) not in m.respelt]
            m.respelt = set()
            if not m.candidates:
                continue
            resolve([m], text, others=mentions)
        out.append(m)
    return out


def drop_far_streets(mentions: list[Mention]) -> list[Mention]:
    """A name that begins a street's or a park's name (``names_a_street``) is dropped unless it reads as a
    town or county within ``NEAR_KM`` of another place of the article: "Texas Avenue", "Piedmont Park" (a
    state, a region of Italy) and "Eglinton Avenue" in a Toronto story (a town in Northern Ireland) are no
    places the gazetteer knows; "Hertford Road" in a story of Enfield runs towards that town. A whole name
    that is a street's or a park's ("Victoria Park", "Church Street", towns of Hong Kong and England) read
    so far is that street or park in the town the article names most, at the town's point (the gazetteer
    knows no streets); it is dropped when the article names no town. (Moving the first kind there too
    found four more GeoWebNews streets but would add every street name of a story to its places.) So is a
    name that begins an island's ("Vancouver Island"), and a town's name that begins a river's ("Flint River"
    in a story of southwest Georgia: Flint, Michigan is far); a state or country that begins a river's name
    stays ("the Mississippi River")."""
    points = [(id(m), m.entry.lat, m.entry.lon) for m in mentions if m.entry is not None and m.kind == "name"
              and not m.street and m.entry.feature in ("city", "admin2") and m.entry.lat is not None]
    towns = Counter(id(m.entry) for m in mentions if m.entry is not None and m.kind == "name" and not m.street
                    and m.entry.feature == "city")
    entry_of = {id(m.entry): m.entry for m in mentions if m.entry is not None}
    main = entry_of[towns.most_common(1)[0][0]] if towns else None
    out = []
    for m in mentions:
        e = m.entry
        if m.street == "landform" and e is not None and e.feature not in ("city", "admin2"):
            out.append(m)  # "the Mississippi River", "the Niger River": the river runs through the state or country
            continue
        if m.street and e is not None and not (e.feature in ("city", "admin2") and e.lat is not None and any(
                i != id(m) and index.distance_km(e.lat, e.lon, la, lo) <= NEAR_KM for i, la, lo in points)):
            if m.street == "own" and main is not None:
                # "Victoria Park" in a story of London, Ontario: a park of the town the story is about, not
                # a town of that name abroad
                m.entry = main
                out.append(m)
            continue
        out.append(m)
    return out


STRAY_TOWN = 40_000  # a town smaller than this in no country of the article's other places is a misreading


def drop_stray_towns(mentions: list[Mention], text: str) -> list[Mention]:
    """A name read as a town of fewer than ``STRAY_TOWN`` people, or as a town or division by another name than
    its own, in a country where none of the article's other places lies (no other name, demonym or people of
    it), with no qualifier or dateline to say so, is no place the article speaks of: a word that a small town
    abroad happens to bear ("Conservation", "Olympic", "Salt"), a river the gazetteer lacks ("the Thames" in
    a London story is no town of New Zealand), a landmark's first word, a firm ("Ora Media": no other name of
    Oran, Algeria) or a people ("Roma"). Its readings in the article's countries are kept, if any; else it
    is dropped."""
    out = []
    for m in mentions:
        e = m.entry
        small = e is not None and e.feature == "city" and e.population < STRAY_TOWN
        other_name = e is not None and e.feature in ("city", "admin1", "admin2") and not any(
            c is e and p for c, p in m.candidates)
        # the first word of a longer name ("the Carolina Panthers", "Delta Air Lines", "Man City") read as a
        # place of any size abroad: a team or a firm named after a place, not a place the article speaks of
        # (an event's name is held there: "the Venice Film Festival"); only the article's names that stand
        # alone say where it lies
        firm = e is not None and m.embedded and not m.event_name and e.feature in ("city", "admin1", "admin2")
        # a coast, a side or a part named by its direction ("the West Coast": a region of New Zealand, another
        # name of Western Australia; "north west London", "far north Queensland") is that of a place the article
        # names, which the gazetteer lacks
        coast = e is not None and e.country is not None and e.feature not in ("country", "continent") \
            and _compass_coast(m.span.text)
        if e is None or m.kind != "name" or not (small or other_name or firm or coast) or m.dateline \
                or m.qualifier is not None or m.qualifies:
            out.append(m)
            continue
        key = index.fold(m.span.text)
        countries = {o.entry.country for o in mentions if o.entry is not None and index.fold(o.span.text) != key
                     and not (firm and not (small or other_name) and o.embedded)}
        if not countries or e.country in countries:
            out.append(m)
            continue
        m.candidates = [(c, p) for c, p in m.candidates if c.country in countries and not (
            ((firm and not small) or coast) and c.feature == "city" and c.population < STRAY_TOWN)]  # nor a hamlet at home
        if m.candidates:
            resolve([m], text, others=mentions)
            out.append(m)
    return out


def resolve(mentions: list[Mention], text: str, ctx: Context | None = None, *, others: list[Mention] | None = None,
            confident_only: bool = False, memo: dict | None = None) -> float:
    """Pick each mention's entry. With ``others``, the context of a name is built from the other names
    of the article only (so that "London" said five times does not vote for its own reading). Returns the
    sum of the picked readings' points. ``memo`` (with ``others``, over passes in which no name's candidates,
    qualifier or list change: ``agree_on_country``) keeps each context built and each name's ranked readings
    in it: a pass whose other names read as in an earlier one scores nothing anew."""
    from .index import fold

    contexts: dict[str, tuple] = {}
    by_name = made = None  # the other names' contexts, tallied once a pass (``NameContexts``)
    total = 0.0
    for m in mentions:
        if not m.candidates:
            continue
        ranked = scores = None
        if others is not None:
            key = fold(m.span.text)
            if key not in contexts:
                if by_name is None:
                    # every name's context from the readings the pass starts from
                    by_name = NameContexts([(o, fold(o.span.text)) for o in others], confident_only=confident_only)
                    if memo is not None:  # what the contexts read of the names that a pass may change
                        made = memo.setdefault(
                            (confident_only, tuple((id(o), id(o.entry), o.score_margin < 2.0) for o in others)), {})
                if memo is None:
                    contexts[key] = (by_name(key), None)
                else:
                    if key not in made:
                        made[key] = (by_name(key), {})
                    contexts[key] = made[key]
            own, scores = contexts[key]
            if scores is not None:
                mine = (id(m), id(m.qualifier.entry) if m.qualifier is not None else None,
                        tuple(id(o.entry) for o in m.listed))
                ranked = scores.get(mine)
        else:
            own = context_without(ctx or Context(), m)
        if ranked is None:
            ranked = sorted(((score(m, e, p, own, text), i) for i, (e, p) in enumerate(m.candidates)), reverse=True)
            if scores is not None:
                scores[mine] = ranked
        best = ranked[0]
        total += best[0]
        m.entry = m.candidates[best[1]][0]
        m.score_margin = best[0] - ranked[1][0] if len(ranked) > 1 else 99.0
        outer = qualifying_division(m)
        if outer is not None and not (lies_within(m.entry, outer) or m.entry is outer):
            # "Holliday, Mo.", a village the gazetteer lacks there: the state it is said to lie in, not a
            # namesake elsewhere
            m.entry = outer
        if by_name is not None:
            by_name.update(m)  # the names whose context is made after see this reading
    return total


COAST_WORDS = {"coast", "shore", "side", "end", "country", "far"}


def _compass_coast(name: str) -> bool:
    """Whether a name is made of directions and words of a coast or a side: "West Coast", "the North Shore",
    "East End", "Far North", "north-west", "Centre" (regions of New Zealand, Cameroon, South Africa, Burkina
    Faso)."""
    words = name.lower().replace("-", " ").split()
    if words[:1] == ["the"]:
        words = words[1:]
    return bool(words) and any(w in COMPASS_WORDS for w in words) \
        and all(w in COMPASS_WORDS or w in COAST_WORDS for w in words)


AGREE_MAX = 4  # countries tried as one reading of the article's free names (those most of them can lie in)


def agree_on_country(mentions: list[Mention], text: str, voters: list[Mention]) -> None:
    """The article's names read in one country where that reading scores more in all than the one the
    passes settled on. Names read one at a time in the context of the others can hold each other in a
    wrong country: "Bristol" and "Somerset" each lean to the American town while the other is read there,
    though read together in England, a city of 480,000 and its county, they score more. For each country
    (up to ``AGREE_MAX``) where two or more free names (no qualifier, no dateline) have a reading, those
    names start at their biggest reading there and every name is resolved once more with the others as
    context; a reading is kept when its sum of points beats the current one's by more than the points it
    loses on the names' own points, without context (``_prior``: a bigger place, a name's primary
    reading), so that a country is not chosen only because every name read there votes for it: "Edmonton"
    and "Enfield" lying together in north London beat Alberta's city and a Connecticut town far apart."""
    free = [m for m in mentions if m.kind == "name" and m.entry is not None and len(m.candidates) > 1
            and m.qualifier is None and not m.qualifies and not m.dateline and not m.affiliation]
    if len(free) < 2:
        return
    have = Counter(c for m in free for c in {e.country for e, _ in m.candidates if e.country})
    tried = [c for c, k in have.most_common() if k >= 2][:AGREE_MAX]
    if len(tried) < 2:
        return
    live = [m for m in mentions if m.candidates]
    start = [(m.entry, m.score_margin) for m in live]
    memo: dict = {}
    resolve(live, text, others=voters, memo=memo)
    best_total, best_state = resolve(live, text, others=voters, memo=memo), [(m.entry, m.score_margin) for m in live]
    for c in tried:
        for m, (e, margin) in zip(live, start):
            m.entry, m.score_margin = e, margin
        for m in free:
            here = [e for e, _ in m.candidates if e.country == c]
            if here:
                m.entry = max(here, key=lambda e: e.population)
        resolve(live, text, others=voters, memo=memo)
        total = resolve(live, text, others=voters, memo=memo)  # the second pass scores each name against the others' final readings
        lost = _prior(live, best_state, text) - _prior(live, [(m.entry, 0) for m in live], text)
        if total > best_total + max(0.0, lost) + 1e-9:
            best_total, best_state = total, [(m.entry, m.score_margin) for m in live]
    for m, (e, margin) in zip(live, best_state):
        m.entry, m.score_margin = e, margin


def _prior(mentions: list[Mention], state: list, text: str) -> float:
    """The points of a reading of the article's names without their context (size, kind, the words
    around each name)."""
    empty = Context()
    return sum(score(m, e, any(c is e and p for c, p in m.candidates), empty, text)
               for m, (e, _) in zip(mentions, state) if e is not None)


def one_sense(mentions: list[Mention], text: str = "") -> None:
    """A name means one place throughout an article: a name qualified once ("London, Ky.") or used as
    the dateline keeps that meaning where it stands alone, unless a direction word there makes it a
    state ("central Washington" in an article that also names "Washington, D.C.")."""
    from .index import fold

    sense = {}
    for m in mentions:
        if (m.qualifier is not None or m.dateline) and m.entry is not None and m.kind == "name":
            sense.setdefault(fold(m.span.text), m.entry)
    for m in mentions:
        e = sense.get(fold(m.span.text))
        if e is not None and m.qualifier is None and any(c is e for c, _ in m.candidates):
            if m.entry is not None and m.entry.feature == "admin1" and compass_before(m, text):
                continue
            m.entry = e
        elif e is not None and m.qualifier is None and e.feature in ("admin1", "country") and m.entry is not None \
                and m.entry.feature == "city" and not any(lies_within(c, e) for c, _ in m.candidates):
            m.entry = e  # "Holliday" after "HOLLIDAY, Mo.", a village the gazetteer lacks: still that state
