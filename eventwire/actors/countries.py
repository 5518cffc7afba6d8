"""Countries: demonyms no noun phrase took ("Palestinians", "ethnic Albanians", "an Indian proposal")
and the article's focus country (the country its mentions, demonyms and datelines point to most)."""

from __future__ import annotations

from collections import Counter

from .work import Mention, Work, drop


def demonym_actors(w: Work) -> None:
    """Demonyms left over: "Palestinians" is a civilian group of Palestine, "ethnic Albanians" a civilian
    group of the focus country, and an adjective ("an Indian proposal", "Hungarian") the country itself."""
    doc = w.doc
    used = w.used_roles
    for (s, e), (entry, how) in sorted(w.names.items()):
        if how != "demonym" or w.para_kind[s] != "body" or not w.free(s, e) or s in used:
            continue
        tok = doc[e - 1]
        ethnic = s > 0 and doc[s - 1].lower_ in ("ethnic", "fellow")
        plural = tok.tag_ in ("NNS", "NNPS") or (tok.pos_ in ("NOUN", "PROPN") and tok.lower_.endswith("s")
                                                 and tok.dep_ not in ("amod", "compound"))
        if plural or ethnic:
            country = (w.focus or entry.country) if ethnic else entry.country
            st = s - 1 if ethnic else s
            for c in tok.children:
                # "Bosnian Serbs" live in Bosnia, "Albanians of southern Serbia" in Serbia
                where = None
                if c.dep_ in ("amod", "compound") and c.i < s and c.i in w.name_at:
                    where = w.names[w.name_at[c.i]][0]
                    st = min(st, w.name_at[c.i][0])
                elif c.dep_ == "prep" and c.lower_ in ("of", "in", "from"):
                    objs = [o for o in c.children if o.dep_ == "pobj" and o.i in w.name_at]
                    where = w.names[w.name_at[objs[0].i]][0] if objs else None
                if where is not None and where.kind == "country":
                    country = where.country
            drop(w, lambda m: st <= m.start and m.end <= e)
            w.add(Mention(st, e, f"nominal:{country or '-'}:CVL", "group", "nominal", country=country,
                          sector="CVL", name=doc[st:e].text))
        else:
            w.add(Mention(s, e, entry.key, "country", "demonym", entry))


def focus_country(w: Work) -> str | None:
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for m in w.mentions:
        c = m.entry.country if m.entry else m.country
        if not c or m.how == "stance":
            continue
        weight = 1 if m.body else 2
        counts[c] += weight if (m.entry and m.entry.kind == "country") else weight * 0.5
        first.setdefault(c, m.start)
    for (s, e), (entry, how) in w.names.items():
        if how == "demonym" and entry.country:
            counts[entry.country] += 1 if w.para_kind[s] == "body" else 2
            first.setdefault(entry.country, s)
    for loc in w.locations:
        if loc["country"]:
            counts[loc["country"]] += 2 if loc.get("dateline") else 0.5  # "NEW DELHI -" places the story
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first.get(c, 0)))
