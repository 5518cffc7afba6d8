"""Bodies named by who leads or backs them (step 4, before the nominal step): "a Saudi-led military
coalition", "Vietnamese-led forces", "U.S.-backed forces", "Iranian-backed militias", "Pakistan-based groups". The whole phrase is one
actor, a group: of the named country when the participle says it leads the body (CAMEO codes "Vietnamese-led
forces" as Vietnam's), of no country when it only backs it (``data/actors/led_by.tsv``); its sector is the
noun's ("forces": MIL), or MIL for a "military coalition". The named country is then no actor of its own there."""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import read_lines
from ..word_classes import first_class
from .work import Mention, Work, drop

HYPHENATED = re.compile(r"^(.+)-([a-z]+)$")


@lru_cache(maxsize=1)
def participles() -> dict[str, bool]:
    out = {}
    for _n, line in read_lines("actors/led_by.tsv"):
        word, of_country = line.split("\t")
        out[word] = of_country == "yes"
    return out


def _named(w: Work, doc, i: int):
    """(start token, the country entry) of "Saudi" + "-" + "led" at participle token ``i``, or of "U.S.-backed"
    as one token."""
    tok = doc[i]
    m = HYPHENATED.match(tok.text)
    if m and m.group(2).lower() in participles():
        entry = next((e for e, _how in w.kb.lookup(m.group(1)) if e.country), None)
        return (i, entry, m.group(2).lower()) if entry or m.group(1)[:1].isupper() else None
    if tok.lower_ in participles() and i >= 2 and doc[i - 1].text == "-":
        if (i - 2) in w.name_at:
            s, _e = w.name_at[i - 2]
            entry, _how = w.names[w.name_at[i - 2]]
            return (s, entry if entry.country else None, tok.lower_)
        if doc[i - 2].is_title:  # "Kurdish-led fighters": named, of no country the knowledge base gives
            return (i - 2, None, tok.lower_)
    return None


def led_bodies(w: Work) -> None:
    doc = w.doc
    for tok in doc:
        if w.para_kind[tok.i] != "body" or tok.dep_ not in ("amod", "compound", "npadvmod"):
            continue
        hit = _named(w, doc, tok.i)
        head = tok.head
        if hit is None or head.pos_ not in ("NOUN", "PROPN") or head.i <= tok.i:
            continue
        if head.pos_ == "NOUN" and first_class("noun", head.lemma_) in ("act", "event", "communication"):
            continue  # "the Russian-backed offensive", "Saudi-led talks": a deed, not a body; its maker stays
        s, entry, word = hit
        e = head.i + 1
        # the name before the hyphen is no actor of its own there ("IRAN-allied militias", "PAKISTAN-based groups")
        drop(w, lambda m: s <= m.start and m.end <= tok.i and m.how == "name")
        if not w.free(s, e):
            continue
        sector = w.kb.agents.get(head.lemma_.lower(), w.kb.agents.get(head.lower_, (None,)))[0]
        if sector is None and any(c.lower_ == "military" for c in head.children):
            sector = "MIL"
        country = entry.country if entry is not None and participles()[word] else None
        text = doc[s:e].text
        w.add(Mention(s, e, f"nominal:{country or '-'}:{sector or '-'}:{text.lower()}", "group", "nominal",
                      name=text, country=country, sector=sector))
