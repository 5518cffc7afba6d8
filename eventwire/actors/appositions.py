"""Appositions: the title between commas after a name (", a White House spokesman,") and the name
between commas after a title ("A ministry spokeswoman, Sara Qureshi,")."""

from __future__ import annotations

from ..word_classes import ordinary
from .work import Mention, Work, alpha_name, role_of


def right_apposition(w: Work, e: int) -> tuple[int, int] | None:
    """", a White House spokesman," after a name: the words between the commas (at most 8, or 17 with an
    "and")."""
    doc = w.doc
    if e >= len(doc) or doc[e].text != ",":
        return None
    j = e + 1
    send = doc[e].sent.end
    while j < send and j - e <= 18 and doc[j].text not in (",", ";", ".", "(", ")", '"', "“", "”") \
            and not (doc[j].pos_ in ("VERB", "AUX") and doc[j].tag_ not in ("VBN",)):
        j += 1
    # two titles joined by "and" may run to twice the length ("the former governor of Maryland and former
    # mayor of Baltimore")
    if j - e > (18 if any(t.lower_ == "and" for t in doc[e + 1:j]) else 9) or (
            j < send and doc[j].text not in (",", ".", ";", '"', "“", "”")):
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


def apposed_people(w: Work) -> None:
    """A name the entity recogniser took for an organisation and the knowledge base does not know is a person
    when a person's title stands in apposition after it ("Halvard Rautio, the foreign minister, said ...": the
    small model reads many unfamiliar personal names as ORG). The apposition's head must be a role of the
    knowledge base ("the foreign minister", "a spokesman for ..."), not an honorific, and the name must be of
    capitalised words."""
    doc = w.doc
    for m in w.mentions:
        if m.kind != "organization" or m.entry is not None or m.how != "name" or not m.body:
            continue
        words = doc[m.start:m.end]
        if not all(t.is_title and (t.is_alpha or alpha_name(t.text)) for t in words) or len(words) > 3:
            continue
        if _titled_after(w, m.end):
            m.kind = "person"
    # a capitalised name the recogniser did not see at all: "Maddox, the party's chairman, denied it"
    for t in doc:
        if not _unseen_name_word(t) or t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") \
                or w.para_kind[t.i] != "body":
            continue
        s = t.left_edge.i
        while s < t.i and not _unseen_name_word(doc[s]):
            s += 1
        words = doc[s:t.i + 1]
        if len(words) > 3 or not all(_unseen_name_word(x) for x in words) \
                or not w.free(s, t.i + 1) or any(i in w.roles or i in w.agents for i in range(s, t.i + 1)):
            continue
        if _titled_after(w, t.i + 1):
            text = words.text
            w.add(Mention(s, t.i + 1, f"name:{text.lower()}", "person", "name", None, name=text))


def _unseen_name_word(t) -> bool:
    """A capitalised word outside any entity that is a name, or no ordinary word the tagger may have called
    an adjective ("BRIMBLE, the party's chairman")."""
    return t.is_title and (t.is_alpha or alpha_name(t.text)) and not t.ent_type_ and (
        t.pos_ == "PROPN" or (t.pos_ in ("NOUN", "ADJ") and not ordinary(t.lower_)))


def _titled_after(w: Work, e: int) -> bool:
    """Whether a person's title stands in apposition right after token ``e``: a role of the knowledge base
    heading it ("a SPOKESMAN for the ministry", "the foreign MINISTER"), not an honorific."""
    doc = w.doc
    app = right_apposition(w, e)
    if app is None:
        return False
    app = first_title(w, *app)
    head = doc[app[0]:app[1]].root.i
    span = next((w.roles[i] for i in range(app[0], app[1])
                 if i in w.roles and w.roles[i][0] <= head < w.roles[i][1]), None)
    role = role_of(w, *span) if span is not None else None
    return role is not None and role.type != "honorific"


def first_title(w: Work, s: int, e: int) -> tuple[int, int]:
    """The first of titles joined by "and" in an apposition ("the secretary of state AND a former senator"):
    the words before the "and" when a title follows it, else the whole span. The first is the one held now."""
    for k in range(s + 1, e - 1):
        if w.doc[k].lower_ == "and" and any(i in w.roles for i in range(k + 1, e)) and \
                any(i in w.roles for i in range(s, k)):
            return s, k
    return s, e
