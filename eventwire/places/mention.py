"""A toponym of the text (``Mention``), before and after resolution, and the story's places made of the
resolved ones (``to_places``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Place, Span
from .index import Entry


@dataclass
class Mention:
    """A toponym in the text before and after resolution."""

    span: Span
    root: object  # the spaCy token heading the mention
    kind: str = "name"  # name, demonym (an adjective: "Afghan troops"), people ("Iraqis", "the French")
    qualifier: Mention | None = None  # "Texas" in "Paris, Texas"
    qualifies: bool = False  # this mention is the qualifier of the one before it
    metonymic: bool = False
    dateline: bool = False
    candidates: list[tuple[Entry, bool]] = field(default_factory=list)
    entry: Entry | None = None
    score_margin: float = 0.0
    listed: list = field(default_factory=list)  # names listed with this one ("California or Washington")
    cohere: dict = field(default_factory=dict)  # id(candidate) -> other names with a reading near it
    respelt: set = field(default_factory=set)  # ids of the candidates found by another spelling of the name
    # the name begins a street's or a park's name ("Texas Avenue", "Hertford Road"), or is one ("own": "Church
    # Street", "Victoria Park")
    street: bool | str = False  # "landform": the name begins a river's ("Flint River")
    affiliation: bool = False  # a politician's state in parentheses ("Paul Ryan (R-Wis.)")
    embedded: bool = False  # the name opens a longer name ("the Pacific Ocean", "Harvard Law School")
    # the name only ever opens an event's or accord's name in the article ("the Venice Film Festival")
    event_name: bool = False


def to_places(mentions: list[Mention]) -> tuple[list[Place], dict[int, str]]:
    out: dict[tuple, Place] = {}
    place_of: dict[int, str] = {}
    for m in mentions:
        e = m.entry
        if e is None or m.kind == "people":  # "Iraqis", "the French": people, not a place mentioned
            continue
        key = (e.feature, e.geonameid, e.name)
        place = out.get(key)
        if place is None:
            place = Place(id=f"p{len(out) + 1}", name=e.name, country=e.country, lat=e.lat, lon=e.lon,
                          feature=e.feature, geonameid=e.geonameid or None)
            out[key] = place
        place.mentions.append(m.span)
        place_of[id(m)] = place.id
    return list(out.values()), place_of
