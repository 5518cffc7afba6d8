"""Stage ``dates.rules.v1``: each event dated by the time expression attached to its clause.

1. Time expressions: spaCy DATE and TIME entities, widened to their whole phrase ("the years prior to the
   9-11 attacks") and to the preposition that introduces them ("over the weekend", "last Tuesday").
2. Attachment: an expression dates an event when it hangs off the event's trigger or the verb of the
   trigger's clause (through a preposition, as an adverbial noun phrase "today", or inside the trigger's
   noun phrase "Tuesday's attack"). An expression attached to a reporting verb ("McCormack noted today
   that Karzai made ...") dates the reporting, not the reported event.
3. Resolution (``resolve.py``) against the publication date, with the clause's tense choosing between the
   last and the next Tuesday.

An event with no attached expression gets the publication date, precision ``day``, and
``attrs["date_source"] = "publication"``; otherwise ``attrs`` holds ``date_source = "text"``, the phrase
(``date_text``) and its offsets (``date_span``). An expression that names no one day, week, month or year
("in the years prior to the 9-11 attacks", "the 1990s", "in the months after the election", "over the past
decade") leaves the event undated rather than dated by a made-up day or by the publication date; what it does
say goes in ``attrs["date_bounds"]`` (``{"from": ..., "to": ...}``, either open) and historical expressions set
``attrs["historical"] = True``. An event the events stage marks historical with no time phrase ("had
sheltered ... for years") gets no date either, rather than the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..model import Story
from ..registry import stage
from ..tree import climb
from .resolve import When, resolve

TIME_LABELS = {"DATE", "TIME"}
TIME_PREPS = {"on", "in", "at", "during", "over", "since", "by", "until", "before", "after", "from", "of",
              "throughout", "within", "through"}
# An expression over several days, weeks, months or years that resolves to no date still says the event was
# not on the publication day ("in the months after the election", "over the past decade").
SPAN_WORDS = re.compile(r"\b(days|weeks|months|years|decades?|centur(y|ies)|era|period)\b", re.IGNORECASE)
FUTURE_AUX = {"will", "would", "shall", "'ll", "going", "plans", "plan", "expected", "scheduled"}


@dataclass
class TimeExpr:
    start: int
    end: int
    text: str
    head: object  # the token the expression attaches to
    root: object


def time_expressions(story: Story) -> list[TimeExpr]:
    doc = story.doc
    out = []
    for ent in doc.ents:
        if ent.label_ not in TIME_LABELS:
            continue
        root = ent.root
        toks = sorted(root.subtree, key=lambda t: t.i)
        start_tok, end_tok = min(toks[0].i, ent.start), max(toks[-1].i + 1, ent.end)
        head = root.head
        if root.dep_ == "pobj" and head.dep_ == "prep":
            if head.lower_ in TIME_PREPS or head.lower_ in ("prior", "before"):
                start_tok = min(start_tok, head.i)
            head = head.head
        span = doc[start_tok:end_tok]
        if len(span.text) > 120:  # a whole clause under a date word: keep the entity
            span, head = ent, root.head
        out.append(TimeExpr(span.start_char, span.end_char, span.text, head, root))
    return out


def _clause_verb(tok):
    return climb(tok, lambda t: t.pos_ not in ("VERB", "AUX"))


def _tense(verb) -> str:
    kids = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if kids & FUTURE_AUX or verb.lower_ in FUTURE_AUX:
        return "future"
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children) and verb.head.lower_ in FUTURE_AUX:
        return "future"
    return "past"


def _trigger_token(story: Story, event):
    if story.doc is None:
        return None
    span = event.trigger or event.evidence
    toks = story.doc.char_span(span.start, span.end, alignment_mode="expand")
    if toks is None or len(toks) == 0:
        return None
    for t in toks:
        if t.pos_ in ("VERB", "AUX", "NOUN"):
            return t
    return toks[0]


def attached(expr: TimeExpr, trigger) -> int | None:
    """How closely an expression attaches to an event's trigger: 0 on it, 1 its clause's verb, 2 a noun
    whose phrase holds the trigger, None not at all."""
    if expr.head.i == trigger.i or expr.root.head.i == trigger.i:
        return 0
    if trigger.pos_ == "NOUN" and expr.root.i in {t.i for t in trigger.subtree}:
        return 0  # "Tuesday's attack", "the talks on Monday"
    # climb through prepositions to the verb or noun the expression modifies
    t = climb(expr.head, lambda x: x.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"))
    if t.pos_ in ("VERB", "AUX"):
        return 1 if t.i == _clause_verb(trigger).i else None
    if t.i != trigger.i and trigger.i in {x.i for x in t.subtree}:
        return 2  # "remarks from over the weekend ... in which he offered": the weekend dates the offer
    return None


def date_event(story: Story, event, exprs: list[TimeExpr], pub: date | None) -> None:
    trigger = _trigger_token(story, event)
    best = None
    if trigger is not None and pub is not None:
        sent = story.sentence_at(trigger.idx)
        for x in exprs:
            if sent is None or not (sent.start <= x.start < sent.end):
                continue
            rank = attached(x, trigger)
            if rank is None:
                continue
            when = resolve(x.text, pub, tense=_tense(_clause_verb(trigger)))
            if when is None and SPAN_WORDS.search(x.text):
                when = When(None, None)
            if when is None:
                continue
            key = (rank, abs(x.root.i - trigger.i))
            if best is None or key < best[0]:
                best = (key, x, when)
    if best is not None:
        _, x, when = best
        event.attrs["date_source"] = "text"
        event.attrs["date_text"] = x.text
        event.attrs["date_span"] = {"start": x.start, "end": x.end}
        if when.historical:
            event.attrs["historical"] = True
        if when.bounds:
            event.attrs["date_bounds"] = {"from": when.bounds[0], "to": when.bounds[1]}
        if when.date is not None:
            event.date, event.date_precision = when.date, when.precision
        return  # an expression that names no one date: no date, for the publication date would be wrong
    if event.attrs.get("time") == "historical":
        return  # told as past history ("had sheltered ... for years"): the publication date would be wrong
    if event.date is None and pub is not None:
        event.date = pub.isoformat()
        event.date_precision = "day"
        event.attrs.setdefault("date_source", "publication")


def publication_date(story: Story) -> date | None:
    """The article's publication date, or None when it has none or it is not YYYY-MM-DD."""
    try:
        return date.fromisoformat((story.article.date or "")[:10])
    except ValueError:
        return None


@stage("dates.rules.v1", requires=["article", "doc", "sentences", "events"], assigns=["events.date"])
def make_dates(nlp, config):
    """Events dated by the time expression attached to their clause, else by the publication date."""

    def dates(story: Story) -> Story:
        pub = publication_date(story)
        exprs = time_expressions(story) if story.doc is not None else []
        for event in story.events:
            date_event(story, event, exprs, pub)
        return story

    return dates
