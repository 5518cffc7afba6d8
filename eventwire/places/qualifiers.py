"""What the text says a name lies in: "Paris, Texas", "Spokane, WA", "the village of Karo in North
Sumatra", "Angola's northern Uige province" (``link_qualifiers``, ``narrow_qualifiers``), and the names listed
together ("California or Washington": ``link_lists``)."""

from __future__ import annotations

import re
from itertools import pairwise

from ..model import Span, Story
from . import index
from .areas import lies_within
from .index import Entry
from .mention import Mention
from .vocabulary import DIVISION_WORDS, TOWN_WORDS, US_POSTAL


# "X in Y", "X province of Y", "X county in the Y": the words between a name and the place it lies in
LIES_IN = re.compile(r"\s+(?:(?:%s)\s+(?:of|in)|in)\s+(?:the\s+)?" % "|".join(sorted(DIVISION_WORDS | TOWN_WORDS)),
                     re.IGNORECASE)
# "Kenya's ", "Angola's northern ": a country's possessive and up to two words before a name
COUNTRY_OWNS = re.compile(r"['’]s\s+(?:[A-Za-z][a-z-]*\s+){0,2}")


def link_qualifiers(story: Story, mentions: list[Mention]) -> None:
    """"Paris, Texas" / "Quetta, Pakistan": the second name narrows the first. So does a division or
    country the name is said to lie in ("the village of Karo in North Sumatra", "Gharbiya province of
    Egypt", "Puge county of Sichuan province") when the first name has a reading inside it."""
    text = story.text
    names = [m for m in mentions if m.kind == "name"]
    for a, b in pairwise(names):
        between = text[a.span.end:b.span.start]
        owner = [e for e, p in a.candidates if e.feature == "country" and p]
        if COUNTRY_OWNS.fullmatch(between) and owner and not any(e.feature == "country" for e, _ in b.candidates):
            # "Angola's northern Uige province": the country narrows the name that follows, as "Uige,
            # Angola" would, when the name has a reading there or names a division ("Kenya's North
            # Eastern Province": that country); never "Russia's London embassy"
            last = b.span.text.split()[-1].lower()
            nxt = text[b.span.end:b.span.end + 16].split()
            division = last in DIVISION_WORDS or (bool(nxt) and nxt[0].lower().strip(".,") in DIVISION_WORDS)
            if division or any(lies_within(e, o) for e, _ in b.candidates for o in owner):
                b.qualifier = a
                a.qualifies = True
            continue
        if LIES_IN.fullmatch(between):
            if not any(e.feature == "country" and p for e, p in a.candidates) and any(
                    lies_within(e, o) for e, _ in a.candidates for o, _ in b.candidates
                    if o.feature in ("country", "admin1", "admin2")):
                a.qualifier = b
                b.qualifies = True
            continue
        if between.strip() != ",":
            continue
        state = _postal_entry(b.span.text) if b.span.text in US_POSTAL else None
        if state is not None and any(lies_within(e, state) for e, _ in a.candidates):
            # "Spokane, WA": the state by its postal code after a town of it, not Western Australia or Wa,
            # Ghana ("Perth, WA" stays Australian: no Perth lies in Washington)
            b.candidates = [(state, True)]
        if modifies_next(b.root):  # "in Russia, U.S. officials said": a new phrase, not a qualifier
            continue
        outer = [e for e, _ in b.candidates if e.feature in ("country", "admin1", "admin2")]
        if any(e.feature == "country" and p for e, p in a.candidates):
            outer = [o for o in outer if o.feature != "country"]  # "Lebanon, Pa." but never "Russia, U.S."
        same = {id(e) for e, _ in a.candidates} & {id(e) for e, _ in b.candidates}  # "Washington, D.C."
        # "Holliday, Mo.": a town the gazetteer lacks in that state, a comma and a state alone
        lone_state = (b.candidates and all(e.feature == "admin1" for e, _ in b.candidates)
                      and len({e.admin1 for e, _ in b.candidates}) == 1
                      and all(e.feature == "city" for e, _ in a.candidates))
        if same or lone_state or (outer and any(lies_within(e, o) for e, _ in a.candidates for o in outer)):  # not "Russia, China"
            a.qualifier = b
            b.qualifies = True
    # "Paris, TX": a US postal code right after a comma
    for m in names:
        if m.qualifier is None:
            tail = re.match(r",\s*([A-Z]{2})\b", text[m.span.end:m.span.end + 6])
            if tail and tail.group(1) in US_POSTAL:
                m.qualifier = Mention(Span.of(text, m.span.end + tail.start(1), m.span.end + tail.end(1)), None,
                                      candidates=[])
                m.qualifier.entry = _postal_entry(tail.group(1))


LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*")


def link_lists(story: Story, mentions: list[Mention]) -> None:
    """Names listed together ("Iowa, Nebraska and Washington", "Alabama or Georgia"): each one's
    neighbours in the list, which say what kind of place it is."""
    text = story.text
    names = [m for m in mentions if m.kind == "name"]
    for a, b in pairwise(names):
        if a.qualifier is b or b.qualifies or a.qualifies:
            continue
        if LIST_GAP.fullmatch(text[a.span.end:b.span.start]):
            a.listed.append(b)
            b.listed.append(a)


def modifies_next(tok) -> bool:
    """Whether a name modifies a noun after it ("U.S. officials", "Texas police")."""
    return tok is not None and tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i \
        and tok.head.pos_ in ("NOUN", "PROPN")


def _postal_entry(code: str) -> Entry | None:
    return index.load().admin(f"US.{code}")


def qualifying_division(m: Mention) -> Entry | None:
    """The state or country a qualifier says a town lies in ("Mo." of "Holliday, Mo."), when it reads as one."""
    q = m.qualifier
    if q is None:
        return None
    e = q.entry
    if e is None and len(q.candidates) == 1:
        e = q.candidates[0][0]
    return e if e is not None and e.feature in ("admin1", "country") else None


LIST_AFTER = re.compile(r"\s*,?\s*(?:and|or)\s")


def narrow_qualifiers(mentions: list[Mention], text: str) -> None:
    """A qualifier means a place that holds a reading of the name it qualifies: "Georgia" of "Albany,
    Georgia" is the American state that has an Albany, not the country, which has none ("Tbilisi,
    Georgia" keeps the country). Its other readings are dropped when one such reading exists, one that
    bears the name as its main name. Not where the second name goes on into a list ("stops in Washington,
    New York and Boston")."""
    for m in mentions:
        q = m.qualifier
        if q is None or not q.candidates or not m.candidates or LIST_AFTER.match(text[q.span.end:q.span.end + 12]):
            continue
        inside = [(o, p) for o, p in q.candidates if any(lies_within(e, o) or e is o for e, pe in m.candidates if pe)]
        if inside and len(inside) < len(q.candidates):
            q.candidates = inside
