"""From mentions to Actors (steps 5 and 7): mentions grouped by key into Actors with canonical name, kind,
country, sector, role, CAMEO-style code and affiliation; then headline mentions join actors found in the
body, never making new ones."""

from __future__ import annotations

from ..model import Actor

from .countries import own_focus
from .labels import openers
from .places import city_country, government_place
from .work import Mention, Work, char_span

# first words of a body's name that make it no single state's ('the International Energy Agency')
INTERNATIONAL = frozenset({"international", "world", "global", "intergovernmental", "multilateral"})


def build(w: Work) -> dict[str, Actor]:
    doc, kb = w.doc, w.kb
    by_key: dict[str, Actor] = {}
    body_keys = {m.key for m in w.mentions if m.body}
    order = sorted(w.mentions, key=lambda m: (m.start, -m.end))
    for m in order:
        if m.key not in body_keys:
            continue
        a = by_key.get(m.key)
        if a is None:
            a = Actor(id=f"a{len(by_key) + 1}", name="", kind=m.kind)
            by_key[m.key] = a
            entry = m.entry or kb.entries.get(m.key)
            if entry is not None:
                a.name, a.kind, a.country, a.sector, a.code, a.kb_id = (
                    entry.name, entry.kind, entry.country, entry.sector, entry.code, entry.key)
                a.role = entry.role
            elif m.key.startswith("name:"):
                a.name = w.person_names.get(m.key, m.name or doc[m.start:m.end].text)
                a.kind = "person"
            elif m.key.startswith("nominal:"):
                a.name, a.kind, a.country, a.sector = m.name or "", m.kind, m.country, m.sector
                a.generic = True  # "officials", "Texas lawmakers", "protesters in Lagos"
            elif m.key.startswith("place:"):  # a city or state acting: its government ("Texas sued")
                a.name, a.kind, a.country, a.sector = m.name or "", "place", m.country, m.sector
            elif m.key.startswith("role:"):
                a.name, a.kind, a.country, a.sector = m.name or "", "person", m.country, m.sector
            else:
                a.name, a.kind, a.sector = m.name or doc[m.start:m.end].text, m.kind, m.sector
                _org_guess(w, a, m)
            if m.key in w.person_names and a.kind == "person":
                a.name = w.person_names[m.key] if not entry else entry.name
        # text beats the knowledge base for roles
        if m.role and (a.role is None or a.role == (kb.entries.get(m.key).role if m.key in kb.entries else None)):
            a.role = m.role
            a.sector = m.sector or a.sector
        elif m.sector and a.sector is None:
            a.sector = m.sector
        if m.country and (a.country is None or (a.kind == "person" and m.how != "alias" and m.role)):
            a.country = m.country
        if m.affiliation and a.affiliation is None:
            a.affiliation = m.affiliation  # a key for now
        span = char_span(w, m.start, m.end)
        if span not in a.mentions:
            a.mentions.append(span)
    return by_key


def _org_guess(w: Work, a: Actor, m: Mention) -> None:
    """Country and sector of an organisation not in the knowledge base, from the words in its name."""
    doc = w.doc
    for i in range(m.start, m.end):
        if i in w.name_at:
            entry, how = w.names[w.name_at[i]]
            if entry.country and a.country is None:
                a.country = entry.country
        if i in w.agents and (w.agents[i][1] == m.end or doc[w.agents[i][1]].lower_ in ("of", "on", "for") or (
                w.agents[i][1] == m.end - 1 and doc[m.end - 1].lower_ in w.kb.state_bodies)):
            # the head noun ("Punjab POLICE", "Ontario MINISTRY of Forests"), or the noun before a word for any
            # state body ("the Glasgow POLICE Department"), not "NATIONAL" inside a name
            s, e = w.agents[i]
            a.sector = w.kb.agents.get(doc[s:e].text.lower(), (a.sector,))[0]
    party = _party_of(w, m)
    if party is not None and doc[m.end - 1].lower_ in PARTY_WORDS:
        a.sector = "PTY"  # "the Democratic Left ALLIANCE", "the Democratic Unionist PARTY": a party of its own
    elif party is not None:  # "the REPUBLICAN National Committee", "the Democratic Governors Association"
        a.sector, a.country = "PTY", a.country or party.country
        return
    first = (m.name or doc[m.start:m.end].text).split()[0].lower() if m.end > m.start else ""
    if a.sector is None and first in openers():
        a.sector = openers()[first]  # "(the rebel group) Jaish al-Islam", "Lashkar-e-Taiba": of no state
        return
    if a.sector is None and m.end > m.start:
        a.sector = w.kb.state_bodies.get(_body_word(doc, m.start, m.end, w.kb.state_bodies))  # "the Securities and Exchange Commission"
        if a.sector and doc[m.start].lower_ in INTERNATIONAL:
            a.sector = "IGO"  # "the INTERNATIONAL Energy Agency", "the WORLD Health Organization": no state's body
            return
    if a.country is None:
        # "the MONTANA Department of Corrections", "the TEXAS Railroad Commission", "the TEXAS National Guard"
        a.country = _place_in_name(w, m, whole=a.sector is not None)
    if a.sector and a.country is None:
        # the article's country, reckoned without a clause partner that names a state ("Harvard University
        # accused the Chinese government": not Chinese; countries.own_focus)
        a.country = own_focus(w, doc[m.end - 1])


# Last words of a party's own name: a body named so is no committee of the party its first word names.
PARTY_WORDS = {"party", "alliance", "front", "union", "league", "movement", "coalition", "bloc", "congress"}


def _party_of(w: Work, m: Mention):
    """The party a body's first word names, when that word and "Party" are a party the knowledge base knows
    ("Republican" in "Republican National Committee": the Republican Party), or None."""
    first = w.doc[m.start]
    if not first.is_title or m.end - m.start < 2:
        return None
    return next((e for e, _how in w.kb.lookup(f"{first.text} Party") if e.sector == "PTY"), None)


def _body_word(doc, s: int, e: int, bodies: dict[str, str]) -> str:
    """The word that says what kind of body a name is: its last word, or else the head before "of" ("the
    Department of Public Safety", "the Commission on Elections")."""
    last = doc[e - 1].lower_
    if last in bodies:
        return last
    of = next((i for i in range(s + 1, e - 1) if doc[i].lower_ in ("of", "on", "for")), None)
    return doc[of - 1].lower_ if of is not None else last


def _place_in_name(w: Work, m: Mention, whole: bool = True) -> str | None:
    """The country of a state, province or city whose name opens an organisation's name, when that place may
    stand for a government ("Montana", "Ontario", "Los Angeles"; not a town that shares a word). Unless
    ``whole``, not when the place is the whole name: a body of no known kind named only by a place ("the
    KARACHI bombing" read as a body) is a misread place, whose country the events stage reads itself."""
    doc = w.doc
    words = []
    for t in doc[m.start:m.end]:
        if not (t.is_title or t.is_upper) or t.lower_ in w.kb.state_bodies or t.i in w.agents:
            break
        words.append(t.text)
    for n in range(len(words), 0, -1):
        if not whole and n == m.end - m.start:
            continue
        name = " ".join(words[:n])
        if government_place(name):
            return city_country(name, w.focus)
    return None


def finish(w: Work, by_key: dict[str, Actor]) -> list[Actor]:
    kb = w.kb
    first_body, first_head = {}, {}
    for m in w.mentions:
        if m.body and m.key in by_key and m.start < first_body.get(m.key, 10**9):
            first_body[m.key], first_head[m.key] = m.start, m.end - 1
    keys = {id(a): k for k, a in by_key.items()}
    actors = sorted(by_key.values(), key=lambda a: first_body.get(keys[id(a)], 10**9))
    for n, a in enumerate(actors, 1):
        a.id = f"a{n}"
    text_roles = set(w.person_roles.values()) | {m.role for m in w.mentions if m.role}
    by_id = {a.id: a for a in actors}
    for a in actors:
        a.mentions.sort(key=lambda s: (s.start, s.end))
        if a.affiliation:
            body = by_key.get(a.affiliation)
            entry = kb.entries.get(a.affiliation)
            a.affiliation = body.id if body else None
            src = body or entry
            if src is not None:
                a.country = a.country or src.country
                if a.sector is None:
                    a.sector = src.sector
                if a.kind == "person" and a.sector == src.sector and getattr(src, "code", None):
                    a.code = src.code
        elif a.kind in ("organization", "group") and a.country and a.kind != "country":
            country = by_key.get(f"country:{a.country}")
            if country is not None and country is not a:
                a.affiliation = country.id
        stateless_body = a.affiliation is not None and (by_id.get(a.affiliation) is None
                                                        or by_id[a.affiliation].country is None)
        if a.kind == "person" and a.country is None and a.role and a.sector not in ("IGO", "NGO") \
                and a.role in text_roles and not stateless_body:
            # a titled person the text does not place: the article's country (not the state its clause partner
            # names: countries.own_focus)
            a.country = own_focus(w, w.doc[first_head[keys[id(a)]]])
        if a.code is None and a.country:
            a.code = f"{a.country}{a.sector or ''}"
        elif a.code is None and a.sector in ("IGO", "NGO"):
            a.code = a.sector
    return actors


def headlines(w: Work, by_key: dict[str, Actor]) -> None:
    """Non-body mentions join body actors; entity fragments shrink to the name they contain."""
    doc = w.doc
    for m in w.mentions:
        if m.body:
            continue
        a = by_key.get(m.key)
        if a is not None:
            span = char_span(w, m.start, m.end)
            if span not in a.mentions:
                a.mentions.append(span)
            continue
        # "Karzai Offer": the longest stretch that is a known alias
        best = None
        for s in range(m.start, m.end):
            for e in range(m.end, s, -1):
                key = w.people.get(doc[s:e].text.lower())
                if key and key in by_key and (best is None or e - s > best[1] - best[0]):
                    best = (s, e, key)
        if best:
            span = char_span(w, best[0], best[1])
            a = by_key[best[2]]
            if span not in a.mentions:
                a.mentions.append(span)
