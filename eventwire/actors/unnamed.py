"""Titles with no name (step 4): "the French minister", "president of Armenia", "Quatar's emir", "the governor
of Kandahar province" are a person of that country; "the president" with no country joins the last person with that role."""

from __future__ import annotations

from .appositions import person_after_comma
from .nominals import agent_sector, city_country, modifiers, place_words
from .senses import other_sense
from .work import Mention, Work, role_of


def unnamed_roles(w: Work) -> None:
    """Titles without a name: "the French minister", "president of Armenia", "Quatar's emir" become a person
    of that country; "the president" with no country joins the last person with that role."""
    doc = w.doc
    used = w.used_roles
    roles_by_key = w.person_roles
    for i, (s, e) in sorted(w.roles.items()):
        if i != s or w.para_kind[s] != "body" or s in used or not w.free(s, e) or (e - 1) in w.agents:
            continue  # an actor noun ("officials", "envoy") is a body of actors: find_nominals
        role = role_of(w, s, e)
        head = doc[e - 1]
        if role is None or role.type == "honorific" or head.pos_ not in ("NOUN", "PROPN") or other_sense(w, head):
            continue  # "Argentina's CAPTAIN", "the oil MAJOR": no officer
        if e < len(doc) and any(m.start == e and m.kind == "person" for m in w.mentions):
            continue
        mods, left = modifiers(w, head)
        countries = [en for _, _, en in mods if en.kind == "country"]
        orgs = [en for _, _, en in mods if en.kind in ("organization", "group")]
        end = e
        for p in head.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "for"):
                for o in p.children:
                    if o.dep_ == "pobj" and o.i in w.name_at:
                        end = max(end, w.name_at[o.i][1])  # "president of Armenia", "spokesman for the RSF"
        place = None
        for p in head.children if not (countries or orgs) else ():
            if p.dep_ == "prep" and p.lower_ in ("of", "in", "for"):
                for o in p.children:  # "the governor of Kandahar province", "the mayor of New York"
                    name = place_words(o) if o.dep_ == "pobj" else None
                    country = city_country(name, w.focus) if name else None
                    if country and w.free(e, o.i + 1):
                        place, end = (name, country), max(end, o.i + 1)
        st = min([left] + [a for a, _, _ in mods if a < s])
        while st < s and doc[st].lower_ in ("the", "a", "an"):
            st += 1
        if not (countries or orgs):
            named = person_after_comma(w, end) or person_after_comma(w, max(t.i for t in head.subtree) + 1)
            if named is not None:  # "A ministry spokeswoman, Sara Qureshi,"; "Obama's spokesman, Josh Earnest,"
                owner = next((en for _, _, en in mods if en.kind == "person"), None) or next((
                    w.names[w.name_at[i]][0] for i in range(min(st, doc[s].left_edge.i), e) if i in w.name_at
                    and w.names[w.name_at[i]][0].kind != "country"), None)  # "the White House chief of staff"
                named.role = named.role or doc[st:e].text
                named.sector = named.sector or (role.sector if role.type == "title" else agent_sector(w, st, e)
                                                or (owner.sector if owner else None))
                named.country = named.country or (owner.country if owner else None)
                w.person_roles.setdefault(named.key, named.role)
                if w.free(st, end):
                    w.add(Mention(st, end, named.key, "person", "title"))
                continue
        if countries or orgs or place:
            country = countries[0].country if countries else orgs[0].country if orgs else place[1]
            org = orgs[0] if orgs else None
            sector = role.sector
            if role.type == "generic" and org is not None:
                sector = org.sector or sector
            named = person_after_comma(w, end)
            if named is not None:
                # "Quatar's emir, Sheikh Hamad bin Khalifa al-Thani": the title belongs to the name after it
                named.role = named.role or doc[s:e].text
                named.country = named.country or country
                named.sector = named.sector or sector
                named.affiliation = named.affiliation or (org.key if org else None)
                w.person_roles.setdefault(named.key, doc[s:e].text)
                span_s, span_e = (st, end) if w.free(st, end) else (s, e)
                w.add(Mention(span_s, span_e, named.key, "person", "title"))
                continue
            key = f"role:{role.text}:{country or (org.key if org else '-')}" + (f":{place[0]}" if place else "")
            # mentions inside the title (the country word) stay; the title as a whole names the person
            span_s, span_e = (st, end) if w.free(st, end) else (s, e)
            m = w.add(Mention(span_s, span_e, key, "person", "title", name=doc[st:end].text, country=country,
                              sector=sector, role=doc[s:e].text, affiliation=org.key if org else None))
            roles_by_key.setdefault(key, role.text)
        elif any(c.lower_ == "the" for c in head.children):
            holder = _holder(w, s, role.text)
            if holder is not None:
                w.add(Mention(s, e, holder.key, "person", "title"))


def _holder(w: Work, s: int, role: str) -> Mention | None:
    """Whom "the president" (a title with no name or country) stands for: of the people given that title
    before it, the one mentioned most so far, the latest on a tie. Someone named in the same sentence is not
    them ("The president said he had warned Mr Putin": the president is not Putin)."""
    sent = w.doc[s].sent
    here = {m.key for m in w.mentions if sent.start <= m.start < sent.end}
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    for m in w.mentions:
        if m.start < s and m.kind == "person" and m.body and role in (w.person_roles.get(m.key) or "").lower():
            counts[m.key] = counts.get(m.key, 0) + 1
            if m.key not in last or m.start > last[m.key].start:
                last[m.key] = m
    keys = [k for k in counts if k not in here]
    if not keys:
        return None
    return last[max(keys, key=lambda k: (counts[k], last[k].start))]
