"""Stage ``actors.rules.v1``: named entities grouped into actors, with titles, countries and sectors.

A first working version: spaCy's PERSON, ORG, GPE and NORP entities; a person's later surname-only mentions
join the earlier full name; a title right before a name ("President Hamid Karzai") becomes the role;
countries and demonyms resolve to ISO alpha-3 through pycountry.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines
from ..model import Actor, Span, Story
from ..registry import stage

LABEL_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


@lru_cache(maxsize=1)
def roles() -> dict[str, str]:
    out = {}
    for n, line in read_lines("roles.tsv"):
        cols = line.split("\t")
        if cols[0] == "role":
            continue
        out[cols[0]] = cols[1] if len(cols) > 1 else None
    return out


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO alpha-3 for a country name or common alias; None when it is not a country."""
    import pycountry

    key = name.strip().rstrip("'s").strip()
    aliases = {"U.S.": "USA", "US": "USA", "U.S.A.": "USA", "America": "USA", "United States": "USA",
               "U.K.": "GBR", "UK": "GBR", "Britain": "GBR", "Russia": "RUS", "Iran": "IRN", "Syria": "SYR"}
    if key in aliases:
        return aliases[key]
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None


def _strip_possessive(span):
    end = span.end
    while end > span.start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_space):
        end -= 1
    start = span.start
    while start < end and span.doc[start].lower_ in ("the",):
        start += 1
    return span.doc[start:end]


def _role_before(span) -> str | None:
    doc = span.doc
    words = [t.text for t in doc[max(0, span.start - 4):span.start]]
    table = roles()
    for k in range(len(words), 0, -1):
        cand = " ".join(words[-k:]).lower()
        if cand in table:
            return " ".join(words[-k:])
    return None


@stage("actors.rules.v1", requires=["doc"], assigns=["actors"])
def make_actor_rules(nlp, config):
    """Named entities grouped into actors with roles, countries and sectors."""

    def actors(story: Story) -> Story:
        doc = story.doc
        found: list[Actor] = []
        by_key: dict[str, Actor] = {}
        for ent in doc.ents:
            if ent.label_ not in LABEL_KIND:
                continue
            span = _strip_possessive(ent)
            if not len(span):
                continue
            name = span.text
            kind = LABEL_KIND[ent.label_]
            words = name.split()
            key = name.lower()
            actor = by_key.get(key)
            if actor is None and len(words) == 1:
                # a surname alone joins the person whose full name ends with it
                for a in found:
                    if a.kind == "person" and a.name.split()[-1].lower() == key:
                        actor = a
                        break
            if actor is None and kind == "person":
                for a in found:
                    if a.kind == "person" and len(a.name.split()) == 1 and words[-1].lower() == a.name.lower():
                        a.name = name  # the fuller name wins
                        actor = a
                        break
            if actor is None:
                actor = Actor(id=f"a{len(found) + 1}", name=name, kind=kind)
                if kind in ("country", "group"):
                    actor.country = country_code(name)
                    if kind == "country" and actor.country is None:
                        actor.kind = "organization"  # a city or region acting: kept, not a country
                    if actor.country and kind == "country":
                        actor.sector = "GOV"
                found.append(actor)
            by_key[name.lower()] = actor
            role = _role_before(span)
            if role and actor.role is None:
                actor.role = role
                actor.sector = roles().get(role.lower())
            actor.mentions.append(Span.from_spacy(span))
        story.actors = found
        return story

    return actors
