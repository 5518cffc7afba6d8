"""Appositions: the title between commas after a name (", a White House spokesman,") and the name
between commas after a title ("A ministry spokeswoman, Sara Qureshi,")."""

from __future__ import annotations

from .work import Mention, Work, role_of

def right_apposition(w: Work, e: int) -> tuple[int, int] | None:
    """", a White House spokesman," after a name: the words between the commas (at most 8)."""
    doc = w.doc
    if e >= len(doc) or doc[e].text != ",":
        return None
    j = e + 1
    send = doc[e].sent.end
    while j < send and j - e <= 9 and doc[j].text not in (",", ";", ".", "(", ")", '"', "“", "”") \
            and not (doc[j].pos_ in ("VERB", "AUX") and doc[j].tag_ not in ("VBN",)):
        j += 1
    if j - e > 9 or (j < send and doc[j].text not in (",", ".", ";", '"', "“", "”")):
        return None
    s = e + 1
    while s < j and doc[s].lower_ in ("the", "a", "an"):
        s += 1
    return (s, j) if s < j else None


def person_after_comma(w: Work, end: int) -> Mention | None:
    doc = w.doc
    if end + 1 < len(doc) and doc[end].text == ",":
        j = end + 1
        while j < len(doc) and j - end <= 2 and (j in w.roles and role_of(w, *w.roles[j])
                                                 and role_of(w, *w.roles[j]).type == "honorific"):
            j = w.roles[j][1]
        for m in w.mentions:
            if m.kind == "person" and m.start == j and m.how in ("name", "alias"):
                return m
    return None
