"""Acronyms that stand for a body the article names in full.

News defines an acronym once, in brackets after the full name ("the International Renewable Energy Agency
(IRENA)"), or uses the common initials of a name it gives elsewhere ("the International Energy Agency ... the
IEA said"). Either way the acronym is the same actor, not a new organisation with no country or sector. A
knowledge-base organisation already lists its own abbreviations; this step links the ones it does not know.
"""

from __future__ import annotations

from .work import Mention, Work

# words an acronym usually skips ("Department OF Homeland Security", "Food AND Agriculture Organization")
SKIPPED = frozenset({"of", "the", "and", "for", "on", "in", "to", "&", "'s", "’s", "de", "du", "des", "la", "le"})
BODY_KINDS = ("organization", "group")


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 7 and letters.isalpha() and letters.isupper()


def initials(doc, s: int, e: int) -> str:
    """The initials of a name's words, hyphenated parts counted apart ("Non-Governmental" gives NG)."""
    out = []
    for t in doc[s:e]:
        if t.lower_ in SKIPPED or t.is_punct:
            continue
        out.extend(part[0] for part in t.text.split("-") if part[:1].isalpha())
    return "".join(out).upper()


def _bracketed(doc, bodies: list[Mention]) -> dict[str, Mention]:
    """For each bracketed word in the article, the body named right before its first such place: "Agency
    (IRENA)" gives IRENA that agency (one pass over the article, not one per acronym)."""
    ends = {o.end: o for o in bodies}
    out: dict[str, Mention] = {}
    for t in doc:
        if 2 <= t.i < len(doc) - 1 and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")" \
                and t.i - 1 in ends and t.text not in out:
            out[t.text] = ends[t.i - 1]
    return out


def link_acronyms(w: Work) -> None:
    """Re-key every mention of an acronym that no knowledge-base entry knows to the body it abbreviates, and
    every body of people an acronym modifies to that body ("an IS member", "NLD leaders")."""
    doc = w.doc
    bodies = [m for m in w.mentions if m.kind in BODY_KINDS and m.end - m.start >= 2
              and not is_acronym(doc[m.start:m.end].text)]
    _owned_by_acronym(w, bodies)
    unknown = [m for m in w.mentions if m.entry is None and m.key.startswith(("org:", "participant:"))
               and is_acronym(doc[m.start:m.end].text)]
    if not unknown:
        return
    target: dict[str, Mention] = {}
    bracketed = _bracketed(doc, bodies)
    letters_of = [initials(doc, o.start, o.end) for o in bodies]
    for m in unknown:
        text = doc[m.start:m.end].text
        full = bracketed.get(text)
        if full is None:
            letters = text.replace(".", "")
            named = [o for o, lt in zip(bodies, letters_of) if lt == letters]
            if len({o.key for o in named}) != 1:
                continue  # no body or several with these initials: leave the acronym alone
            full = named[0]
        target.setdefault(m.key, full)
    if not target:
        return
    for m in w.mentions:
        full = target.get(m.key)
        if full is not None and m is not full:
            m.key, m.entry, m.kind, m.how = full.key, full.entry, full.kind, "alias"
            m.name = full.name
            m.country = m.country or full.country
            m.sector = m.sector or full.sector


def _owned_by_acronym(w: Work, bodies: list[Mention]) -> None:
    """A noun for a body's people modified by an acronym the tagger took for a common word, with the initials of
    one body the article names, is that body's: "an unknown IS member" after "the Islamic State group" (it was
    a member of the government, the noun's own sector)."""
    doc = w.doc
    letters_of: list[str] = []  # the bodies' initials, worked out at the first acronym
    for m in w.mentions:
        if m.how != "nominal" or m.entry is not None or not m.key.startswith("nominal:"):
            continue
        head = doc[m.end - 1]
        acro = next((c for c in head.children if c.dep_ == "compound" and m.start <= c.i < head.i
                     and c.i not in w.name_at and is_acronym(c.text)), None)
        if acro is None:
            continue
        letters = acro.text.replace(".", "")
        letters_of = letters_of or [initials(doc, o.start, o.end) for o in bodies]
        named = {o.key: o for o, lt in zip(bodies, letters_of) if o.start < m.start and lt == letters}
        if len(named) == 1:
            full = next(iter(named.values()))
            m.key, m.entry, m.kind, m.name = full.key, full.entry, full.kind, full.name
            m.country, m.sector = full.country, full.sector
