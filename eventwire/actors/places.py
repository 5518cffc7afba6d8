"""The country of a city or region named in the text, for actors placed by it ("police in Nairobi",
"New Jersey police officers", "an armed group in Borno").

It reads the same gazetteer as the places stage (``places.index``: GeoNames cities, first- and second-level
divisions and countries), so an actor and the place it is named by never disagree about the country. Of the
places a name may mean:

1. one in the article's focus country that bears the name as its main name, when the caller knows the
   focus, wins;
2. then a record of which the name is the main name, over one that only lists it as an alternate name;
3. then a country, a first-level division (state, province) or a city of 500,000 over a smaller city or a county
   of that name;
4. then the most populous;
5. but a city of 500,000 under another spelling wins over a place ten times smaller ("Mansoura": Egypt's Al
   Mansurah, not Algeria's town).

A city counts only from 15,000 inhabitants, so a hamlet that shares a word with a common name never
places an actor.
"""

from __future__ import annotations

from functools import lru_cache

MIN_CITY = 15_000
BIG_CITY = 500_000
RANK = {"country": 2, "admin1": 2, "city": 1, "admin2": 0}


@lru_cache(maxsize=8192)
def city_country(name: str, focus: str | None = None) -> str | None:
    """ISO alpha-3 of the place called ``name`` by the rules above, or None when the gazetteer has none."""
    from ..places.index import load

    found = load().lookup(" ".join(name.split()))
    hits = [(e, primary) for e, primary in found
            if e.country and e.feature in RANK and (e.feature != "city" or e.population >= MIN_CITY)]
    region = max((e for e, primary in found if primary and e.feature in ("region", "continent")),
                 key=lambda e: e.population, default=None)
    if region is not None and (not hits or region.population > max(h.population for h, _p in hits)):
        # "the GULF" (not PNG's Gulf province), "the MIDDLE EAST", "ASIA" (not the Philippine town): none;
        # "MINDANAO": PHL
        return region.country
    if not hits:
        return None
    if focus and any(e.country == focus and primary for e, primary in hits):
        return focus
    best, _p = max(hits, key=lambda h: (h[1], _rank(h[0]), h[0].population))
    big = max(hits, key=lambda h: h[0].population)[0]
    if big.feature == "city" and big.population >= BIG_CITY and big.population >= 10 * best.population:
        return big.country  # "Mansoura": Egypt's city of 600,000 under another spelling, not Algeria's town
    return best.country


def _rank(entry) -> int:
    """``RANK`` of a feature; a city of ``BIG_CITY`` people ranks with countries and divisions, so that the
    more populous wins ("Charlotte": the city in North Carolina, not the parish of Saint Vincent)."""
    if entry.feature == "city" and entry.population >= BIG_CITY:
        return RANK["admin1"]
    return RANK[entry.feature]


@lru_cache(maxsize=4096)
def main_namesake(name: str) -> str | None:
    """ISO alpha-3 of the most populous place the gazetteer gives that name as its main name, or None."""
    from ..places.index import load

    hits = [e for e, primary in load().lookup(" ".join(name.split())) if primary and e.country]
    return max(hits, key=lambda e: e.population).country if hits else None


ACTING_CITY = 100_000


@lru_cache(maxsize=4096)
def acting_place(name: str) -> bool:
    """Whether a place name may stand for a government that acts ("Texas sued", "Phoenix supports"): the main
    name of a state or province, or of a city of ``ACTING_CITY`` people, so that a surname spaCy took for a
    town ("Kenzo OSHIMA said") acts as no place."""
    from ..places.index import load

    return any(primary and (e.feature == "admin1" or (e.feature == "city" and e.population >= ACTING_CITY))
               for e, primary in load().lookup(" ".join(name.split())))


def government_place(name: str) -> bool:
    """``acting_place``, but never a lone direction word ("Western", a region of Uganda, in "Western New England
    University"): a place named in a body's name or before a title ("Montana Department of Corrections", "Texas
    Gov.")."""
    from ..places.vocabulary import COMPASS_WORDS

    return not (" " not in name and name.lower() in COMPASS_WORDS) and acting_place(name)


@lru_cache(maxsize=4096)
def state_name(name: str) -> bool:
    """Whether ``name`` is the main name of a state or province ("Tamil Nadu", "Karnataka", "Ontario")."""
    from ..places.index import load

    return any(primary and e.feature == "admin1" for e, primary in load().lookup(" ".join(name.split())))


def place_before(w, lo: int, hi: int) -> tuple[str, str] | None:
    """(country, name) of a state, province or big city named by the capitalised words right before token ``hi``
    (from ``lo`` on, outside knowledge-base names), the longest such stretch first: "NEW YORK Gov.", "ONTARIO
    Premier", "the PUNJAB Police" (``government_place``), or None."""
    doc = w.doc
    k = hi
    while k > lo and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title and k - 1 not in w.name_at:
        k -= 1
    for start in range(k, hi):
        name = doc[start:hi].text
        if government_place(name):
            return city_country(name, w.focus), name
    return None


def qualified_country(doc, end: int, name: str) -> str | None:
    """The country of the place ``name`` ending before token ``end`` that a comma and a state, province or country
    after it say it lies in ("Birmingham, Alabama": the United States, not Britain; "Paris, Texas"; "Perth,
    Australia"), when the place has a reading inside that qualifier; None when no such qualifier follows. The
    qualifier wins over the name's commoner reading, as in the places stage (``places.qualifiers``)."""
    from ..places.areas import lies_within
    from ..places.index import load

    if end >= len(doc) or doc[end].text != "," or end + 1 >= len(doc):
        return None
    q = end + 1
    last = q
    while last < len(doc) and doc[last].pos_ == "PROPN" and doc[last].is_title:
        last += 1  # "New Hampshire", "South Australia"
    tail = doc[last - 1]
    if last == q or (tail.dep_ in ("compound", "amod", "nmod") and tail.head.i >= last):
        return None  # "in Russia, U.S. officials said": a new phrase, not a qualifier
    gaz = load()
    inner = gaz.lookup(" ".join(name.split()))
    if any(e.feature == "country" and p for e, p in inner):
        return None  # a country is qualified by nothing ("Russia, China")
    outer = [o for o, _p in gaz.lookup(doc[q:last].text) if o.feature in ("country", "admin1")]
    found = [e for e, _p in inner for o in outer if lies_within(e, o)]
    return max(found, key=lambda e: e.population).country if found else None


def holding_state(doc, s: int) -> str | None:
    """The country of the place a name at token ``s`` qualifies after a comma, when that place has a reading
    inside a state or country of that name (``qualified_country``): "Columbus, GEORGIA" lies in the United
    States, "Tbilisi, Georgia" in Georgia; None when no capitalised place stands before the comma."""
    if s < 2 or doc[s - 1].text != ",":
        return None
    k = s - 1
    while k > 0 and doc[k - 1].pos_ == "PROPN" and doc[k - 1].is_title:
        k -= 1
    return qualified_country(doc, s - 1, doc[k:s - 1].text) if k < s - 1 else None


def namesake_division(doc, s: int, e: int, country: str) -> str | None:
    """The country of a state or province that bears a country's name ("GEORGIA police arrested two men in
    Atlanta": the US state) when the article names a place inside that division and none inside the country,
    else None ("Georgia" alone, or with Tbilisi, stays the country)."""
    from ..places.areas import lies_within
    from ..places.index import load

    gaz = load()
    name = doc[s:e].text
    divisions = [d for d, p in gaz.lookup(name) if p and d.feature == "admin1" and d.country != country]
    if not divisions:
        return None
    inside = None
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC") or ent.text == name or s <= ent.start < e:
            continue
        for x, primary in gaz.lookup(" ".join(ent.text.split())):
            if not primary:
                continue
            if x.country == country:
                return None  # a place of the country itself ("Tbilisi", "Abkhazia")
            inside = inside or next((d.country for d in divisions if lies_within(x, d)), None)
    return inside



@lru_cache(maxsize=4096)
def region_adjective(text: str) -> bool:
    """Whether ``text`` is the adjective of a continent or region ("European", "Latin American", "Middle
    Eastern"; the gazetteer's, ``places/demonyms.tsv``)."""
    from ..places.index import load

    entry = load().demonym(text)
    return entry is not None and entry.feature in ("continent", "region")


def names_a_region(doc, lo: int, hi: int) -> bool:
    """Whether the capitalised words between ``lo`` and ``hi`` hold the adjective of a continent or region, one
    word or two ("EUROPEAN leaders", "LATIN AMERICAN governments"): people of several states, none of them the
    article's country."""
    return any(doc[k].is_title and region_adjective(doc[k:k + n].text)
               for k in range(lo, hi) for n in (1, 2) if k + n <= hi)


# titles held in a state or province, or for one in a national legislature, rather than in a country
# ("Texas Gov.", "Florida Sen.", "Ohio Attorney General", "Niger State Governor")
DIVISION_POSTS = frozenset({
    "governor", "gov.", "deputy governor", "lieutenant governor", "lt. gov.", "chief minister", "attorney general",
    "attorney-general",
    "secretary of state", "senator", "sen.", "state senator", "state representative", "state rep.", "rep.",
    "congressman", "congresswoman", "assemblyman", "assemblywoman", "assemblymember"})


def titled_division(name: str, country: str, post: str | None) -> str | None:
    """The country of a state or province of another country that bears a country's name, when the title that
    follows the name is one held in a division (``DIVISION_POSTS``): "GEORGIA Gov. Brian Kemp", "Georgia
    Sen." (the US state), "NIGER Governor" (the Nigerian state); None otherwise ("Georgia President")."""
    from ..places.index import load

    if post is None or post.lower() not in DIVISION_POSTS:
        return None
    divisions = [d for d, p in load().lookup(" ".join(name.split()))
                 if p and d.feature == "admin1" and d.country != country]
    return max(divisions, key=lambda d: d.population).country if divisions else None
