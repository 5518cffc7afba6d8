"""Modes that decide whether an event happened: negation, hypothetical and conditional, future and historical.

Each check walks the parse of one predicate and the clause chain above it (an ``xcomp`` or ``ccomp`` inherits
"not going to", "may be willing to", "if he would come" from the verbs that govern it), and stops at a
reporting verb: "McCormack said X attacked Y" is not made hypothetical by anything above "said".
"""

from __future__ import annotations

import re

from ..data import word_set
from ..tree import ancestors

HYPO_MODALS = {"may", "might", "could", "would", "should", "must", "ought", "can"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CONDITION_MARKS = {"if", "unless", "provided", "providing", "whether"}
# Clause links along which modality is inherited from the governing predicate.
INHERIT_DEPS = {"xcomp", "ccomp", "conj", "acomp", "advcl", "relcl", "pcomp", "pobj", "prep", "acl"}
HISTORICAL = re.compile(
    r"\b(in the (?:years|months|decades|days) (?:prior to|before|after|following)|prior to|years ago|decades ago|"
    r"in (?:1[89]\d\d|20[0-2]\d)|during the (?:war|struggle|occupation|conflict|\d{4}s)|formerly|once again|"
    r"back in|at the time|in the past|previously|historically)\b",
    re.I,
)
FUTURE = re.compile(r"\b(next (?:week|month|year|day|spring|summer|autumn|fall|winter)|tomorrow|later this (?:week|month|year)|"
                    r"in the coming (?:days|weeks|months|years)|soon)\b", re.I)


def irrealis_governors() -> frozenset[str]:
    """Verbs, adjectives and nouns whose to-clause or content has not happened (yet): wanting, trying, needing,
    readiness ("want to", "ready to", "the idea of peace talks"); ``data/events/irrealis_governors.txt``."""
    return word_set("events/irrealis_governors.txt")


def _aux_words(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


NO_ONE = {"nobody", "none", "noone"}


def _has_neg(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")) or \
                (c.dep_ == "preconj" and c.lower_ == "neither"):
            return True
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(d.lower_ == "no" for d in c.children):
            return True  # "would NO LONGER fight the release": it will not be done
        if c.lower_ == "nor" and c.i < tok.i and tok.dep_ != "conj" and c.i == tok.sent.start:
            return True  # "NOR have they warned him away": a clause opened by "nor" is denied
    if any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NO_ONE or any(d.dep_ == "det" and d.lower_ == "no"
                                                                          for d in c.children))
           for c in tok.children):
        return True  # "NO GROUP has admitted carrying out the attack", "nobody was arrested"
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True  # "won WITHOUT investing in a single ad", "came in WITHOUT us picking him up"
    if any(c.dep_ in ("oprd", "acomp") and any(d.dep_ == "neg" for d in c.children) for c in tok.children):
        return True  # "was found NOT guilty", "declared not fit": the predicate said of the object is denied
    # "did not invite him NOR do we endorse his views": the conjunct after "nor" is denied too
    return tok.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" and c.i < tok.i for c in tok.head.children)


def governors(tok, reporting: set[str]):
    """The predicate and the predicates above it in the same chain of clauses, nearest first; stops above a
    reporting verb (whose modality belongs to the report, not to what is reported)."""
    cur = tok
    yield cur
    for head in ancestors(tok):
        if cur.dep_ not in INHERIT_DEPS:
            return
        if head.lemma_.lower() in reporting and cur.dep_ in ("ccomp", "conj", "advcl"):
            return
        if cur.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
            return
        if cur.dep_ == "ccomp" and cur.i < head.i and any(t.text in (":", ";") for t in tok.doc[cur.right_edge.i:head.i]):
            return  # "Clinton has apologized: 'I should have used two addresses'": the quote is no clause above
        cur = head
        yield cur


def reported(tok, reporting: set[str]) -> bool:
    """Whether the predicate's clause is what a reporting verb reports ("Iraq said it would allow ...")."""
    last = None
    for g in governors(tok, reporting):
        last = g
    return last is not None and last.dep_ in ("ccomp", "conj", "advcl") and last.head.lemma_.lower() in reporting


def _negated_conjunct(tok) -> bool:
    """A verb joined to a negated one that shares its subject, auxiliary and negation ("will not negotiate OR
    MEET with them", "did not attack or SEIZE the town"); not one with its own ("did not attack but SEIZED")."""
    head = tok.head
    if tok.dep_ != "conj" or head.pos_ not in ("VERB", "AUX") or tok.tag_ != head.tag_:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in tok.children):
        return False
    if any(c.dep_ in ("cc", "preconj") and c.lower_ in ("but", "yet") for c in list(head.children) + list(tok.children)):
        return False
    return _has_neg(head)


def negated(tok, reporting: set[str], stop=None) -> bool:
    """Whether the predicate, or a verb that governs it through control ("not going to negotiate",
    "did not agree to meet"), is negated. ``stop`` ends the walk at a matrix predicate already coded."""
    for g in governors(tok, reporting):
        if stop is not None and g.i == stop.i:
            return False
        if _has_neg(g) or _negated_conjunct(g):
            return True
        if g.dep_ not in ("xcomp", "acomp") and g.i != tok.i:
            # negation does not cross into a that-clause or an adverbial clause
            return False
        if g.dep_ not in ("xcomp", "acomp"):
            break
    return False


def future_intent(tok, reporting: set[str]) -> bool:
    """A future or an intention: "will meet", "are going to negotiate", "is to visit"."""
    for g in governors(tok, reporting):
        aux = _aux_words(g)
        if aux & FUTURE_AUX:
            return True
        if "would" in aux and reported(tok, reporting):
            return True  # future in the past: "Iraq said it would allow inspectors"
        if g.lemma_ == "go" and any(c.dep_ == "xcomp" for c in g.children) and "be" in {a.lemma_ for a in g.children if a.dep_ == "aux"}:
            return True
        if g.dep_ not in ("xcomp", "acomp", "conj"):
            break
    return False


def conditional(tok):
    """The "if"/"unless" clause attached to a predicate, if any."""
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children):
            return c
    return None


def hypothetical(tok, reporting: set[str]) -> tuple[bool, str | None]:
    """Whether the predicate is hypothetical or conditional, and the words that make it so. "would" in what a
    reporting verb reports, with no condition, is a future ("said they would meet"), not a hypothetical."""
    in_report = reported(tok, reporting)
    first = True
    came_by = None  # the dependency through which the walk reached g
    for g in governors(tok, reporting):
        for c in g.children:
            if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
                return True, c.text
        cond = conditional(g)
        if cond is not None:
            return True, cond.doc[cond.left_edge.i:cond.right_edge.i + 1].text
        aux = {c for c in g.children if c.dep_ in ("aux", "auxpass")}
        for a in aux:
            if a.lower_ in HYPO_MODALS and not (a.lower_ == "would" and in_report):
                return True, a.text
        content = came_by in ("ccomp", "acl", "xcomp", "acomp", "pobj", "prep", "pcomp")
        if not first and content and (_has_neg(g) or (g.pos_ == "NOUN" and _has_neg(g.head) and g.dep_ in ("dobj", "attr"))):
            # "we're not seeing any indication that he is ready to ...": not asserted
            return True, "not " + g.text
        if not first and content and g.lemma_.lower() in irrealis_governors():
            # "have" only as "have to": "would have to renounce"
            if g.lemma_ != "have" or any(c.dep_ == "xcomp" for c in g.children):
                return True, g.text
        first = False
        came_by = g.dep_
        if g.dep_ not in ("xcomp", "acomp", "ccomp", "conj", "advcl", "relcl", "pcomp", "pobj", "prep", "acl"):
            break
    return False, None


def own_clause_text(tok) -> str:
    """The words of the predicate's own clause, without coordinated, relative or subordinate clauses (so "next
    week" in "... and called for a strike next week" does not date the accusation before it)."""
    keep = []

    def walk(t):
        keep.append(t)
        for c in t.children:
            if c.dep_ in ("conj", "relcl", "advcl", "ccomp", "parataxis") and c.pos_ in ("VERB", "AUX"):
                continue
            walk(c)

    walk(tok)
    keep.sort(key=lambda t: t.i)
    return " ".join(t.text for t in keep)


def time_attrs(tok, sent_text: str, reporting: set[str]) -> dict:
    """Future or historical time phrases around the predicate, for ``event.attrs``."""
    out = {}
    clause = own_clause_text(tok)
    m = HISTORICAL.search(clause) or HISTORICAL.search(sent_text)
    if m:
        out["time"] = "historical"
        out["time_phrase"] = m.group(0)
    if future_intent(tok, reporting):
        out["time"] = "future"
    m = FUTURE.search(clause)
    told_as_past = tok.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
    if m and "time" not in out and not told_as_past:  # "police soon arrested him" happened
        out["time"] = "future"
        out["time_phrase"] = m.group(0)
    return out


COUNTERFACTUAL_MODALS = {"would", "could", "might", "should", "'d"}


def counterfactual(tok) -> bool:
    """Whether a predicate is told as what would have been: a modal and "have" before it ("would HAVE attacked",
    "might have been saved"): no act, no threat."""
    lows = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    return "have" in lows and bool(lows & COUNTERFACTUAL_MODALS)
