"""Noun phrases that name a body of actors (step 4): "Israeli soldiers", "Afghan government", "police in
Nairobi", "Hungarian and Romanian officials" (two actors, recorded in ``actors.conjuncts``). The country comes
from a demonym, country name or place next to the noun, else the article's focus country; a government noun
is a mention of its country."""

from __future__ import annotations

from ..data import word_set

from .countries import STATE_SECTORS, doer_focus, own_focus
from .groups import names_a_pair
from .kb import Entry
from .places import names_a_region, qualified_country
from .pronouns import body_anaphor
from .senses import context_sector, other_sense
from .beside import done_to_by_focus, named_body_before, place_before_noun, same_sector_before, unknown_leader
from .work import Mention, MentionStarts, Work, drop


NO_COUNTRY = {"coalition", "international", "foreign", "western", "allied", "multinational", "western-led",
              "nato-led", "u.n.-led", "un-led", "regional", "global", "world"}

COLLECTIVE = {"group", "groups", "organization", "organizations", "organisation", "organisations", "movement",
              "movements", "faction", "factions", "coalition", "alliance", "network", "cell", "cells"}

RELATIONAL = {"ally", "counterpart", "partner"}  # nouns for another side: never the focus country's body

RELATED_PEOPLE = {"opponent", "critic", "supporter", "relative", "family"}  # people named by whom they stand with or against


GENERIC_HEADS = {"leader", "leaders", "member", "members", "official", "officials", "officer", "officers",
                 "spokesman", "spokesmen", "chief", "chiefs", "commander", "commanders", "head", "heads"}


def modifiers(w: Work, head) -> tuple[list[tuple[int, int, Entry]], int]:
    """Country / organisation names that modify a noun, with the leftmost token of the phrase.

    Looks at the noun's own modifiers and, for a noun that is itself a modifier ("Israeli army bulldozers"),
    at the modifiers of its head to its left; then at "of / in / from <name>" after it."""
    doc = w.doc
    found: list[tuple[int, int, Entry]] = []
    left = head.i
    stack = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod")]
    for c in [c for c in stack if coordinated_body(w, c)]:
        # "the Philippine GOVERNMENT and communist rebels", parsed as modifiers of "rebels": two phrases
        stack.remove(c)
        stack += [x for x in c.children if x.dep_ == "conj" and x.i < head.i]
    if head.dep_ == "compound":
        stack += [c for c in head.head.children
                  if c.i < head.i and c.dep_ in ("amod", "compound", "nmod", "poss") and c.i != head.i]
    while stack:
        c = stack.pop()
        if c.i in w.name_at:
            ns, ne = w.name_at[c.i]
            entry, how = w.names[(ns, ne)]
            if how == "seat" and c.dep_ != "poss":
                continue  # "NEW DELHI - Indian troops": a dateline, not the troops' country
            if ns >= 2 and doc[ns - 1].text == "-" and doc[ns - 2].lower_ in ("anti", "pro"):
                continue  # "an anti-Syria journalist" is not Syrian
            if all(f[:2] != (ns, ne) for f in found):
                found.append((ns, ne, entry))
            left = min(left, ns)
        elif c.i < head.i and c.i >= left - 3:
            left = min(left, c.i)
        stack.extend(cc for cc in c.children if cc.dep_ in ("conj", "compound", "amod"))
    # "police in Nairobi", "government of Sindh province"
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
    for p in head.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "in", "from", "for") and not (owned and p.lower_ == "from"):
            # "recalled ITS ambassador FROM ROME": the place he leaves, not his country
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                ent = w.name_at.get(o.i)
                if ent is None:  # "diplomats of the member states OF ASEAN"
                    ent = next((w.name_at[x.i] for q in o.children if q.dep_ == "prep" and q.lower_ == "of"
                                for x in q.children if x.dep_ == "pobj" and x.i in w.name_at), None)
                if ent is None and p.lower_ == "of" and o.pos_ == "NOUN":  # "members of MYANMAR's community"
                    ent = next((w.name_at[x.i] for x in o.children if x.dep_ in ("poss", "compound", "amod")
                                and x.i in w.name_at and not w.name_at[x.i][0] <= o.i < w.name_at[x.i][1]), None)
                if ent:
                    entry, _ = w.names[ent]
                    found.append((ent[0], ent[1], entry))
    found.sort(key=lambda f: f[0])
    return found, left


def coordinated_body(w: Work, c) -> bool:
    """Whether a noun the parse made a modifier heads a phrase of its own coordinated with the noun's: an
    actor noun with a conjunction after it ("the army AND rebel fighters", "the government AND communist
    rebels")."""
    return c.pos_ == "NOUN" and c.dep_ in ("nmod", "compound") and c.i in w.agents and \
        any(x.dep_ == "cc" for x in c.children) and any(x.dep_ == "conj" and x.i < c.head.i for x in c.children)


def crowds(doc) -> dict[int, tuple[int, int]]:
    """Crowds named by their size alone, as who acts or is acted on: "THOUSANDS rallied", "TENS OF THOUSANDS
    marched", "HUNDREDS were arrested" (first token -> span). An amount that counts something ("thousands of
    dollars", "hundreds of protesters") is not one: what it counts is the actor."""
    from ..events.syntax import counted, counts

    out = {}
    for t in doc:
        if t.dep_ not in ("nsubj", "nsubjpass") or t.tag_ != "NNS" or not counts(t) or t.like_num:
            continue
        last = t
        while (inner := counted(last)) is not None and counts(inner) and inner.tag_ == "NNS":
            last = inner  # "tens of thousands"
        if counted(last) is None and not any(c.dep_ in ("prep", "relcl", "acl") and c.i > last.i
                                             for c in last.children):
            out[t.left_edge.i] = (t.left_edge.i, last.i + 1)
    return out


def find_nominals(w: Work) -> None:
    doc = w.doc
    conjuncts = w.story.ext["actors.conjuncts"]
    used = w.used_roles
    crowd = crowds(doc)
    people = MentionStarts(w, "person")  # a scan of every mention per actor noun was quadratic
    for i, (s, e) in sorted(list(w.agents.items()) + list(crowd.items())):
        if i != s or w.para_kind[s] != "body" or not w.free(s, e) or s in used:
            continue
        head = doc[e - 1]
        # a title right before a person's name is that person's title ("U.S. negotiator Paul Nitze")
        if e < len(doc) and e in people:
            continue
        if any(c.dep_ == "poss" and (c.pos_ == "PRON" or c.tag_ == "WP$") for c in head.children) \
                and not modifiers(w, head)[0]:
            continue  # "its troops", "the squad WHOSE members": the pronoun's actor, not a new one ("their
            # Chinese counterparts" is China's)
        # an actor noun modifying another actor noun: the head speaks ("government officials")
        if head.dep_ == "compound" and head.head.i in w.agents:
            continue
        sector, kind = w.kb.agents.get(doc[s:e].text.lower(), (None, None))
        if sector is None and crowd.get(s) == (s, e):
            sector, kind = "CVL", "group"  # a crowd is people, not a body of the state
        if sector is None:
            continue
        if head.dep_ in ("compound", "amod") and head.head.lower_ in COLLECTIVE and head.head.i > head.i \
                and w.free(e, head.head.i + 1):
            # "opposition groups in Zimbabwe": the collective noun heads the phrase
            head = head.head
            e = head.i + 1
        if head.lower_ in GENERIC_HEADS:  # "Afghan rebel leaders", "opposition members"
            for c in head.children:
                if c.i < head.i and c.dep_ in ("compound", "amod") and c.lower_ in w.kb.agents \
                        and c.i not in w.name_at:
                    sector = w.kb.agents[c.lower_][0]
                elif c.i < head.i and c.dep_ in ("compound", "amod") and head.lemma_ in ("leader", "member") \
                        and c.lower_ in word_set("actors/faith_words.txt"):
                    sector = "REL"  # "MUSLIM leaders", "Evangelical leaders": of a faith, not of the state
        if other_sense(w, head):
            continue  # "the chief executive OFFICER", "holiday PARTIES": no soldier, no political party
        sector = context_sector(w, head, s, sector)  # "the Delhi Police ... OFFICERS": policemen
        mods, left = modifiers(w, head)
        left = min(left, s)
        if sector == "MIL" and any(t.ent_type_ == "NORP" and t.i not in w.name_at for t in doc[left:s]):
            sector = "REB"  # "Moslem forces", "Kurdish fighters": armed men named by faith or people
        countries = [(a, b, en) for a, b, en in mods if en.kind == "country"]
        if not countries and (any(t.lower_ in NO_COUNTRY for t in doc[left:s]) or names_a_region(doc, left, s)):
            if w.free(left, e):
                # "coalition forces", "foreign workers", "European allies": a body of no one country, one
                # per phrase ("foreign governments" are not "Western officials")
                words = " ".join(t.lower_ for t in doc[left:e] if t.pos_ != "DET")
                w.add(Mention(left, e, f"nominal:-:{sector}:{words}", kind if kind in ("organization", "group")
                              else "group", "nominal", sector=sector, name=doc[left:e].text))
            continue
        if head.lemma_.lower() in RELATED_PEOPLE:
            # "opponents of President Assad", "Hamas supporters": people named by whom they stand with or
            # against are of that one's country, never that one
            related = [en.country for _a, _b, en in mods if en.country]
            if head.dep_ in ("attr", "appos"):
                continue  # "Lopez is a fierce critic", "Lopez, a critic of the plan": says who someone is
            if w.free(s, e):
                w.add(_nominal(w, s, e, related[0] if related else w.focus, sector, kind))
            continue
        orgs = [(a, b, en) for a, b, en in mods if en.kind in ("organization", "group")]
        if orgs:
            a, b, en = orgs[0]
            st = left if w.free(left, e) else b
            if w.free(st, e):
                w.add(Mention(st, e, en.key, en.kind, "nominal", en))
            continue
        owner = same_sector_before(w, s, None) if body_anaphor(head) else None
        if owner is not None:  # "the militant GROUP's leaders": of the body "the group" stands for
            st = left if w.free(left, e) else s
            if w.free(st, e):
                w.add(Mention(st, e, owner.key, owner.kind, "nominal", owner.entry, name=owner.name,
                              country=owner.country, sector=owner.sector))
            continue
        named = named_body_before(w, head, s) if not countries else None
        if named is not None:
            # "the KRG government", "Wagner fighters": a body spaCy named (no knowledge-base entry) heads it
            if w.free(named.end, e):
                w.add(Mention(named.end, e, named.key, named.kind, "nominal", named.entry, name=named.name,
                              country=named.country, sector=named.sector))
            continue
        leaders = [en for _a, _b, en in mods if en.kind == "person" and en.country and sector == "GOV"]
        if not countries and leaders:
            # "the Bush administration", "the Modi government": the leader's country
            if w.free(s, e):
                w.add(_nominal(w, s, e, leaders[0].country, sector, kind))
            continue
        leader = unknown_leader(w, head, s) if not countries and sector == "GOV" else None
        if leader is not None:
            # "the Maltravers administration": a government named by a leader no list places has no country
            # to take from the sentence ("lifted sanctions on China" would make it China's)
            if w.free(s, e):
                w.add(Mention(s, e, f"nominal:-:GOV:{leader.key}", "group", "nominal", sector=sector,
                              name=f"{leader.name or doc[leader.start:leader.end].text} {doc[s:e].text}"))
            continue
        if not countries:
            before = place_before_noun(w, left, s)  # "Texas officials", "Chicago police"
            if before is not None:
                st = left if w.free(left, e) else s
                if w.free(st, e):
                    # a body of a state or city: of that country, but not its national government
                    w.add(Mention(st, e, f"nominal:{before[0]}:{sector}:{before[1].lower()}",
                                  kind if kind in ("organization", "group") else "group", "nominal",
                                  country=before[0], sector=sector, name=doc[st:e].text))
                continue
            # a place after the noun: "police in Nairobi"
            place_country, end = None, e
            for p in head.children:
                if p.dep_ == "prep" and p.lower_ in ("in", "of", "from") and not (
                        p.lower_ == "from" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)):
                    for o in p.children:
                        name = place_words(o) if o.dep_ == "pobj" else None
                        if name:
                            place_country = qualified_country(doc, o.i + 1, name) or city_country(name, w.focus)
                            end = max(end, o.i + 1)
            plural = head.tag_ in ("NNS", "NNPS") or head.lower_ in ("police", "military", "people") \
                or head.pos_ == "ADJ"  # "a REBEL attack" (``names.find_names``): the rebels'
            definite = any(c.lower_ in ("the", "this", "that", "these", "those") for c in head.children) \
                or head.dep_ in ("nsubj", "nsubjpass")  # "a terror group claims ..." acts
            # one person acted on: "tortured a 35-year-old inmate", "arrested a journalist"
            definite = definite or (kind == "group" and head.dep_ == "dobj" and head.head.pos_ == "VERB")
            if place_country is None and not (plural or definite):
                continue
            # someone's allies or counterparts, and "other governments", are by their name not of the article's
            # country; a state body is not of the state its clause partner names (own_focus)
            relational = head.lemma_.lower() in RELATIONAL or any(t.lower_ == "other" for t in doc[left:s]) or names_a_pair(head)
            country = place_country or (None if relational or done_to_by_focus(w, head) else
                                       own_focus(w, head) if sector in STATE_SECTORS else doer_focus(w, head))
            if place_country is None:
                end = e
            st = left if w.free(left, end) else s
            if not w.free(st, end):
                continue
            if place_country is None and definite and left == s and not relational:
                earlier = same_sector_before(w, s, sector)
                if earlier is not None:  # "Hamas militants ... the militants": the body named before
                    w.add(Mention(st, end, earlier.key, earlier.kind, "nominal", earlier.entry,
                                  name=earlier.name, country=earlier.country, sector=earlier.sector))
                    continue
            w.add(_nominal(w, st, end, country, sector, kind))
            continue
        if len(countries) == 1:
            a, b, en = countries[0]
            st = min(left, a)
            if not w.free(st, e) and a < s:
                # "Russia troops", "Israel's high court": the country's name is part of this actor's mention
                drop(w, lambda m: st <= m.start and m.end <= e and m.key == en.key)
            if w.free(st, e):
                w.add(_nominal(w, st, e, en.country, sector, kind, en))
            elif b < e and w.free(b, e):  # the noun after the country's name ("Russia troops": "troops")
                w.add(_nominal(w, b, e, en.country, sector, kind, en))
            continue
        parts = []
        for a, b, en in countries:
            if w.free(a, b):
                part = w.add(_nominal(w, a, b, en.country, sector, kind, en))
                part.name = f"{doc[a:b].text} {doc[s:e].text}"  # "Pakistani troops" for "Indian and Pakistani troops"
                parts.append(part)
        if len(parts) > 1:
            lo = min(m.start for m in parts)
            conjuncts[(doc[lo].idx, doc[e - 1].idx + len(doc[e - 1]))] = parts  # ids once actors exist


def place_words(o) -> str | None:
    """The name of the place a noun's "in"/"of" phrase names, whole ("police in NEW YORK", "the government of
    SINDH province", "the governor of the TYUMEN region"), or None when it names no place."""
    parts = [c for c in o.children if c.dep_ == "compound" and c.i < o.i]
    if o.ent_type_ in ("GPE", "LOC"):
        return o.doc[min([c.i for c in parts] + [o.i]):o.i + 1].text
    named = [c for c in parts if c.ent_type_ in ("GPE", "LOC")]
    if named:  # "Sindh province": the name before the division's word
        return o.doc[min(c.i for c in parts):o.i].text
    return None


def _nominal(w: Work, s: int, e: int, country: str | None, sector: str, kind: str, entry: Entry | None = None):
    """A mention of a body of actors: its country's government, or a (country, sector) group. A people or
    faith that is no country's name before the noun makes a body of its own, of that country but never its
    government ("KURDISH leaders", "SHIITE clerics in Iraq")."""
    people = next((t for t in w.doc[s:e] if t.ent_type_ == "NORP" and t.i not in w.name_at), None)
    if people is not None:
        return Mention(s, e, f"nominal:{country or '-'}:{sector}:{people.lower_}", "group", "nominal",
                       country=country, sector=sector, name=w.doc[s:e].text)
    if country and sector == "GOV":
        key = f"country:{country}"
        if key in w.kb.entries:
            return Mention(s, e, key, "country", "nominal", w.kb.entries[key])
    key = f"nominal:{country or '-'}:{sector}"
    return Mention(s, e, key, kind if kind in ("organization", "group") else "group", "nominal",
                   country=country, sector=sector, name=w.doc[s:e].text)


def agent_sector(w: Work, s: int, e: int) -> str | None:
    for i in range(s, e):
        if i in w.agents:
            a, b = w.agents[i]
            return w.kb.agents.get(w.doc[a:b].text.lower(), (None,))[0]
    return None


def city_country(name: str, focus: str | None = None) -> str | None:
    from .places import city_country

    return city_country(name, focus)
