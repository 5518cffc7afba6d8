"""Sides of a reciprocal event: who met, talked, signed or agreed with whom, when the text gives the act no
direction.

A meeting ("X met Y", "X held talks with Y", "the summit between X and Y"), a pact signed with a partner ("X
signed an agreement with Y"), and an agreement, cooperation or failure to agree told of several parties
together with no one else acted on ("X and Y agreed to share information", "UK and EU negotiators failed to
reach a deal", "the two armies began joint exercises") are acts of both sides alike: neither is the source of
the other. News annotation marks such participants as sides, not as source and target, and so does the event
record: ``attrs["reciprocal"]`` is set and the participants' mentions and phrases are ``side_spans`` and
``side_phrases`` instead of ``source_*`` / ``target_*``. The event's ``source`` and ``target`` actor ids are
unchanged (PLOVER codes a dyad for them, the first side named as its source).

What counts as reciprocal is read from the lexicon's argument frame ("recip": meet, talks, sign, cooperate,
joint exercise, ...), also on the clause a control verb takes ("failed TO REACH AGREEMENT") and on a pact a verb
acts on ("X and Y violated THE CEASEFIRE", but not one they criticize, condemn or protest), and from "agree" itself, which is reciprocal only when several
parties agree and no one else is named ("Meyer and Reives agree with Scott" agree with a third party, "Mexico and
Canada agreed to lift tariffs on American products" act on someone: both keep their direction). A meeting or a
pact signed keeps both sides when the other is named as a partner ("with", "between", or the object of "meet");
other acts done "with" someone ("shared evidence with", "a ceasefire with") keep their direction, as the news
annotation does. An actor acted on that is not a side keeps the event directed.
"""

from __future__ import annotations

from .complements import complement, complement_event
from .draft import Draft
from .triggers import match_token

MEETING_TYPES = {"CONSULT"}  # a meeting is between its sides, whoever is named first
AGREEING = {"agree"}  # verbs of agreeing, reciprocal when several agree on their own
SIGNING = {"sign"}  # a pact is signed by its sides alike: "X signed an agreement WITH Y", "X and Y signed a deal"
JUDGING = {"ACCUSE", "PROTEST"}  # "X and Y criticized THE DEAL", "blame trade deals": each judges it, no side acts
PARTNER_PREPS = {"with", "between"}  # "signed an agreement WITH China", "cooperation BETWEEN X and Y"


def _frames(d: Draft) -> set[str]:
    """The argument frames of the predicate and of the clause it takes (a control verb's complement)."""
    out = {d.match.entry.frame}
    if d.match.entry.frame == "ctl":
        comp = complement(d.match.tok)
        inner = complement_event(comp) if comp is not None else None
        if inner is not None:
            out.add(inner.entry.frame)
            if inner.entry.type in MEETING_TYPES and d.type in MEETING_TYPES | {"AGREE"}:
                out.add("meeting")  # agreeing to meet, not refusing or demanding to ("refused to meet X")
    obj = next((c for c in d.match.tok.children if c.dep_ == "dobj"), None)
    if obj is not None and d.type not in JUDGING and any(m.entry.pos == "N" and m.entry.frame == "recip" for m in match_token(obj)):
        out.add("recip")  # done to a pact between parties: "violated the ceasefire", "signed the accord"
    return out


def _several(d: Draft) -> bool:
    """Whether the source names several parties: two actors or more, a coordination inside one phrase
    ("UK and EU negotiators", "the Russian and US navies") or a counted plural ("the two leaders", "both
    sides")."""
    if len({a.id for a in d.source.actors}) > 1:
        return True
    doc = d.match.tok.doc
    for start, end in d.source.at.values():
        sp = doc.char_span(start, end, alignment_mode="expand")
        if sp is None:
            continue
        head = sp.root
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i and \
                head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        words = [t for t in head.subtree if t.i <= head.i]
        for p in head.children:  # "the armies OF BRAZIL AND ARGENTINA"
            if p.dep_ == "prep" and p.lower_ == "of" and p.i > head.i:
                words += [t for o in p.children if o.dep_ == "pobj" for t in o.children if t.dep_ == "cc"]
        if any(t.dep_ == "cc" and t.lower_ in ("and", "&") for t in words):
            return True
        if head.tag_ in ("NNS", "NNPS") and any(
                (c.dep_ == "nummod" and c.lower_ not in ("one", "1")) or c.lower_ == "both" for c in head.children):
            return True
    return False


def _partners(d: Draft) -> bool:
    """Whether every target actor is named as a partner: "with" or "between" on the predicate, on the pact or
    talks it takes, or as the object of a verb of meeting ("X met Y")."""
    doc = d.match.tok.doc
    tok = d.match.tok
    near = {tok.i} | {t.i for t in d.match.extra} | {c.i for c in tok.children if c.dep_ in ("dobj", "attr")}
    spans = [d.target.at.get(a.id) for a in d.target.actors if a not in d.source.actors]
    if not spans or any(s is None for s in spans):
        return False
    for start, end in spans:
        sp = doc.char_span(start, end, alignment_mode="expand")
        if sp is None:
            return False
        t = sp.root
        while t.dep_ in ("conj", "appos", "compound", "amod", "nmod", "poss") and t.head.i != t.i:
            t = t.head
        if t.dep_ == "pobj" and t.head.lower_ in PARTNER_PREPS and t.head.head.i in near:
            continue
        if t.dep_ == "dobj" and t.head.i == tok.i and d.match.entry.type in MEETING_TYPES:
            continue
        return False
    return True


def reciprocal(d: Draft) -> bool:
    """Whether a draft's participants are sides of one reciprocal act rather than a source and a target."""
    if not d.source.actors and "source_text" not in d.attrs:
        return False  # a side named by no actor still is one ("Rautio will meet his counterpart ...")
    frames = _frames(d)
    others = [a for a in d.target.actors if a not in d.source.actors]
    meeting = d.match.entry.type in MEETING_TYPES and d.match.entry.frame == "recip" or "meeting" in frames
    if meeting and (not others or _partners(d)):
        return True
    if d.match.tok.lemma_.lower() in SIGNING and "recip" in frames and (not others or _partners(d)):
        return True
    agreeing = "recip" in frames or d.match.tok.lemma_.lower() in AGREEING and d.type == "AGREE"
    return agreeing and not others and _several(d)


def mark(d: Draft) -> None:
    """Set ``attrs["reciprocal"]`` on a draft whose participants are sides of one act."""
    if reciprocal(d):
        d.attrs["reciprocal"] = True
