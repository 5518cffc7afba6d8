"""Titles of named people (step 3): a person's role, country and affiliation from the words before the
name ("State Department spokesman Sean McCormack", "the new commander of CENTCOM David Petraeus") and after
it ("President Hamid Karzai of Afghanistan", "Gordon Johndroe, a White House spokesman"). An appositive
title is also a mention of the person."""

from __future__ import annotations

from dataclasses import dataclass

from ..data import word_set
from ..word_classes import first_class, ordinary
from .appositions import first_title, right_apposition
from .kb import Entry
from .places import place_before
from .work import Mention, Work, drop, role_of




@dataclass
class RoleInfo:
    role: str | None = None
    sector: str | None = None
    country: str | None = None
    org: Entry | None = None
    start: int = 0
    end: int = 0


# titles held for one's own state at an international body ("the U.N. AMBASSADOR", "NATO ambassador")
NATIONAL_POSTS = frozenset({"ambassador", "permanent representative"})


def _analyse(w: Work, s: int, e: int) -> RoleInfo | None:
    """Role, country and body named by the words s..e ("the new commander of CENTCOM")."""
    doc = w.doc
    info = RoleInfo(start=s, end=e)
    role_span, agent_sector, first, owner = None, None, None, None
    i = s
    while i < e:
        if i in w.name_at:
            ns, ne = w.name_at[i]
            entry, how = w.names[(ns, ne)]
            if entry.kind == "country":
                info.country = info.country or entry.country
            elif entry.kind in ("organization", "group"):
                info.org = info.org or entry
                first = ns if first is None else first
            elif entry.kind == "person" and ne < e and doc[ne].tag_ == "POS":
                owner = owner or entry  # "Obama's chief of staff": of the owner's country and side
            i = ne
            continue
        if i in w.roles:
            rs, re_ = w.roles[i]
            role = role_of(w, rs, re_)
            if role and role.type != "honorific":
                role_span = (rs, re_, role)
                first = rs if first is None else first
            i = re_
            continue
        if i in w.agents:
            a_s, a_e = w.agents[i]
            agent_sector = w.kb.agents.get(doc[a_s:a_e].text.lower(), (None,))[0]
            first = a_s if first is None else first
            i = a_e
            continue
        i += 1
    if role_span is None:
        return None
    rs, re_, role = role_span
    k = rs - 1
    while k >= s and (doc[k].lower_ in ("the", "a", "an") or doc[k].pos_ == "ADJ" or k in w.name_at):
        k -= 1
    if k >= s and doc[k].lower_ in ("of", "to", "for", "with"):
        return None  # "a brother of the president": the title is someone else's
    if first is None or first == rs:
        # "Transport Minister", "Interior Ministry spokesman": capitalised words glued before the role
        k = rs
        while k > s and doc[k - 1].pos_ in ("PROPN", "NOUN") and doc[k - 1].is_title and k - 1 not in w.name_at:
            k -= 1
        first = k
    end = re_
    # "commander of CENTCOM": keep a following "of <body>" in the role
    if end < e and doc[end].lower_ in ("of", "for") and end + 1 < e:
        end = e
    info.role = doc[first if first is not None else rs:end].text
    info.start = first if first is not None else rs
    after = any(t.lower_ in ("of", "for", "at") for t in doc[re_:e])  # "chief counsel OF the ACLJ"
    body = None
    if not (info.org or agent_sector):
        body = _unknown_body(w, s, rs) or (_unknown_body(w, re_, e) if after else None)
    info.body = body  # type: ignore[attr-defined]
    if role.type == "generic":
        # a role of a country ("Libyan leader") is its state's; of no body named ("spokeswoman Haley Morris" of a
        # campaign, a firm or the state), the body last named decides, or nothing does
        of_state = next((w.kb.state_bodies[t.lower_] for t in doc[re_:e] if t.lower_ in w.kb.state_bodies), None) \
            if after else None  # "director-general of the AGENCY"
        info.sector = (info.org.sector if info.org else None) or agent_sector or of_state or (owner and owner.sector) \
            or (role.sector if info.country and not body else None)
    else:
        info.sector = None if body is not None and role.sector in ("GOV", "LEG") else role.sector
        if info.org and info.org.sector in ("REB", "PRM", "UAF", "IGO") and role.sector in ("GOV", "MIL") \
                and not (info.org.sector == "IGO" and role.text in NATIONAL_POSTS):
            info.sector = info.org.sector
    if info.country is None and (info.org or owner) is not None:
        info.country = (info.org or owner).country
    if info.country is None and info.org is not None and info.org.sector == "IGO" and role.text in NATIONAL_POSTS:
        info.country = w.focus  # "U.N. Ambassador John Bolton": his own country's envoy to the body
    if info.country is None:
        place = place_before(w, s, rs)  # "Texas Gov. Greg Abbott", "Calgary MLA Sandra Jansen"
        info.country = place[0] if place else None
    info.generic = role.type == "generic"  # type: ignore[attr-defined]
    info.agent = agent_sector  # type: ignore[attr-defined]
    return info


def _party_state(doc, e: int) -> bool:
    """Whether the party-and-state tag of an American politician follows a name at token ``e``: "(R-AL)",
    "(D-N.Y.)", ", I-Vt.,": a party letter, a dash and a US state the gazetteer knows."""
    from ..places.index import load

    j = e + (e < len(doc) and doc[e].text in ("(", ","))
    if j + 2 >= len(doc) or doc[j].text not in ("R", "D", "I") or doc[j + 1].text not in ("-", "–"):
        return False
    state = doc[j + 2].text + ("." if j + 3 < len(doc) and doc[j + 3].text == "." else "")
    if len(state) == 2 and state.isupper():  # a postal code: GeoNames' code of the state ("US.AL")
        return load().admin(f"US.{state}") is not None
    return any(x.feature == "admin1" and x.country == "USA" for name in {state, state.rstrip(".")}
               for x, _p in load().lookup(name))


def _unknown_body(w: Work, s: int, rs: int):
    """The mention of a body the knowledge base does not know, named with a title ("FIFA President", "Microsoft
    President", "chief counsel of the ACLJ"): an organisation spaCy found there whose name is an acronym or no
    ordinary word (so not the "Transport" of "Transport Minister"), or None."""
    return next((m for m in w.mentions if m.kind == "organization" and m.entry is None and s <= m.start
                 and m.end <= rs and any(t.is_upper or not ordinary(t.lower_) for t in w.doc[m.start:m.end])), None)


def _left_phrase(w: Work, s: int) -> tuple[int, int]:
    """The title words right before a name: roles, names, demonyms, adjectives, "of", "'s"."""
    doc = w.doc
    lo = doc[s].sent.start
    i = s
    while i > lo and s - i < 9:
        t = doc[i - 1]
        ok = (i - 1 in w.roles or i - 1 in w.name_at or i - 1 in w.agents
              or t.lower_ in word_set("actors/role_adjectives.txt")
              or t.lower_ in ("of", "for", "-") or t.tag_ == "POS" or t.pos_ in ("ADJ", "PROPN")
              or (t.lower_ == "the" and i - 2 >= lo and doc[i - 2].lower_ in ("of", "for")))
        if not ok or (i - 1 in w.taken and i - 1 not in w.name_at and _person_token(w, i - 1)):
            break
        i -= 1
    while i < s and (doc[i].lower_ in ("of", "for", "-") or doc[i].tag_ == "POS"):
        i += 1
    return i, s


def _person_token(w: Work, i: int) -> bool:
    return any(m.kind == "person" and m.start <= i < m.end for m in w.mentions if m.start <= i)


def _apposed_to_country_noun(w: Work, m) -> str | None:
    """The country of a noun for a person that a name stands in apposition to, before it ("Saudi Arabia's de
    facto ruler, Crown Prince X"): a country named as the noun's possessor or modifier."""
    head = w.doc[m.end - 1]
    noun = head.head
    if head.dep_ != "appos" or noun.i >= m.start or noun.pos_ != "NOUN" or first_class("noun", noun.lemma_) != "person":
        return None
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod") and c.i in w.name_at:
            entry, _how = w.names[w.name_at[c.i]]
            if entry.kind == "country" and entry.country:
                return entry.country
    return None


def read_titles(w: Work) -> None:
    doc = w.doc
    done: set[str] = set()
    used_roles: set[int] = set()
    for m in sorted([m for m in w.mentions if m.kind == "person" and m.body], key=lambda m: m.start):
        infos = []
        ls, le = _left_phrase(w, m.start)
        if ls < le:
            info = _analyse(w, ls, le)
            if info:
                infos.append(info)
                used_roles.update(range(ls, le))
                if info.country is None and ls > 0 and doc[ls - 1].lower_ in ("his", "her"):
                    info.country = _owner_country(w, ls - 1)  # "Macron and HIS foreign minister X": French
        e = m.end
        while e < len(doc) and doc[e].tag_ == "POS":
            e += 1
        # "President Hamid Karzai of Afghanistan"
        if e + 1 < len(doc) and doc[e].lower_ == "of" and e + 1 in w.name_at:
            ns, ne = w.name_at[e + 1]
            entry, _ = w.names[(ns, ne)]
            if infos:
                infos[0].country = infos[0].country or entry.country
                if entry.kind != "country" and infos[0].org is None:
                    infos[0].org = entry
            else:
                infos.append(RoleInfo(None, None, entry.country, entry if entry.kind != "country" else None))
        if _party_state(doc, e):  # "Sen. Jeff Sessions (R-AL)", "Ted Cruz, R-Texas,": an American lawmaker's tag
            infos.append(RoleInfo(None, None, "USA", None))
        app = right_apposition(w, e)
        if app:
            whole, app = app, first_title(w, *app)  # "the secretary of state and a former senator": the first
            for i in range(app[1] + 1, whole[1]):  # the other titles are hers too, not someone unnamed
                if i in w.roles and w.roles[i][0] == i and w.free(*w.roles[i]):
                    used_roles.update(range(*w.roles[i]))
                    w.add(Mention(*w.roles[i], m.key, "person", "title", body=m.body))
            info = _analyse(w, *app)
            if info:
                infos.append(info)
                used_roles.update(range(*app))
                # the appositive title is a mention of the person ("Mullah Brother, the deputy leader")
                s0 = info.start
                if w.free(s0, app[1]):
                    w.add(Mention(s0, app[1], m.key, "person", "title", body=m.body))
                elif s0 < app[1] and app[1] - 1 in w.roles:
                    # a body's name sits inside the title ("the exiled Taliban leader"): the role noun only,
                    # never a name that ends the apposition ("an analyst in New York CITY")
                    rs, re_ = w.roles[app[1] - 1]
                    if w.free(rs, re_):
                        w.add(Mention(rs, re_, m.key, "person", "title", body=m.body))
        owner = _apposed_to_country_noun(w, m)
        if owner is not None:  # "Saudi Arabia's de facto RULER, Crown Prince X,": Saudi
            infos.append(RoleInfo(None, None, owner, None, m.start, m.start))
        for info in infos:
            for other in w.mentions:
                if other.kind != "person" and info.start <= other.start < info.end:
                    other.how = "intitle"  # "White House" in "a White House spokesman"
            # an unknown ORG entity inside a title is part of the title ("Transport" in "Transport Minister"),
            # unless it names the body the title is of ("FIFA President")
            drop(w, lambda o: o.entry is None and o.kind == "organization" and info.start <= o.start
                  and o.end <= info.end and o is not getattr(info, "body", None))
        if m.key in done:
            continue
        for info in infos:
            if info.role and m.role is None:
                m.role = info.role
                w.person_roles.setdefault(m.key, info.role)
            if info.sector and m.sector is None:
                m.sector = info.sector
            if info.country and m.country is None:
                m.country = info.country
            if info.org and m.affiliation is None:
                m.affiliation = info.org.key
            if getattr(info, "body", None) is not None and m.affiliation is None:
                m.affiliation = info.body.key  # "FIFA President Sepp Blatter": FIFA's, of no state
            if m.affiliation is None and getattr(info, "generic", False) and info.org is None \
                    and not getattr(info, "agent", None):  # "Foreign ministry spokesman": a government
                org = _last_body(w, m.start)
                if org is not None:
                    m.affiliation = org.key
                    m.country = m.country or org.country
                    if info.sector in (None, "GOV") or info.role and "leader" in info.role.lower():
                        m.sector = org.sector or m.sector
        if m.role or m.country or m.affiliation:
            done.add(m.key)
    w.used_roles = used_roles


def _owner_country(w: Work, pron: int) -> str | None:
    """The country of the person a possessive before a title stands for: the person named last before it in
    its sentence, whose country is known by then ("French President Emmanuel Macron and HIS foreign minister")."""
    lo = w.doc[pron].sent.start
    before = [m for m in w.mentions if m.kind == "person" and lo <= m.start and m.end <= pron]
    if not before:
        return None
    last = max(before, key=lambda m: m.start)
    known = [m.country or (m.entry.country if m.entry else None) for m in w.mentions if m.key == last.key]
    return next((c for c in known if c), None)


def _last_body(w: Work, before: int) -> Entry | None:
    """The organisation or group mentioned last before a token, within three sentences."""
    doc = w.doc
    limit_sent = doc[before].sent.start
    sents = 0
    best = None
    for m in w.mentions:
        if m.start >= before or not m.body or m.entry is None:
            continue
        if m.entry.kind not in ("organization", "group") or m.entry.sector in ("JRN",):
            continue
        if best is None or m.start > best[0]:
            best = (m.start, m.entry)
    if best is None:
        return None
    # within three sentences
    k = best[0]
    while limit_sent > k and sents < 4:
        limit_sent = doc[limit_sent - 1].sent.start
        sents += 1
    return best[1] if sents <= 3 else None
