"""Step 4, event places (``place_events``): a place named in a locative phrase attached to the event's
clause, else the dateline for body events, else none."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model import Story
from ..tree import climb
from .datelines import dateline
from .mention import Mention
from .vocabulary import EVENT_PREPS


def _clause_verb(tok):
    """The nearest verb at or above a token."""
    return climb(tok, lambda t: t.pos_ not in ("VERB", "AUX"))


def _locative_head(tok):
    """For a place token inside a locative prepositional phrase, the word the phrase attaches to."""
    tok = climb(tok, lambda t: t.dep_ in ("compound", "appos", "conj", "amod", "nmod"))
    # "through the streets of Lahore", "on the outskirts of Kabul": climb out of the "of" phrase
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in EVENT_PREPS:
        return tok.head.head
    return None


def place_events(story: Story, mentions: list[Mention], place_of: dict[int, str]) -> None:
    doc = story.doc
    usable = [m for m in mentions if m.entry is not None and m.kind == "name" and not m.metonymic
              and not m.qualifies and id(m) in place_of]
    by_tok = {}
    for m in usable:
        by_tok[m.root.i] = m
    line = dateline(story, {m.span.start: m for m in usable})
    # the names each event may take, found without a scan of all names for each event (quadratic on a long
    # article): those of the trigger's sentence, and those inside the event's evidence; tried in list order
    in_sentence: dict = {}
    for k, m in enumerate(usable):
        in_sentence.setdefault(story.sentence_at(m.span.start), []).append(k)
    by_start = sorted(range(len(usable)), key=lambda k: usable[k].span.start)
    starts = [usable[k].span.start for k in by_start]
    for event in story.events:
        trig = event.trigger or event.evidence
        toks = [t for t in doc.char_span(trig.start, trig.end, alignment_mode="expand") or []]
        if not toks:
            continue
        trigger = toks[0]
        for t in toks:
            if t.pos_ in ("VERB", "AUX", "NOUN"):
                trigger = t
                break
        verb = _clause_verb(trigger)
        best, best_rank = None, None
        ev = event.evidence
        near = set(in_sentence.get(story.sentence_at(trig.start), ()))
        near.update(k for k in by_start[bisect_left(starts, ev.start):bisect_right(starts, ev.end)]
                    if ev.contains(usable[k].span))
        above = {a.i for a in trigger.ancestors}
        for m in (usable[k] for k in sorted(near)):
            head = _locative_head(m.root)
            if head is None:
                continue
            if head.i == trigger.i:
                rank = 0
            elif _clause_verb(head).i == verb.i:
                rank = 1
            elif head.i in above or trigger.i in {a.i for a in head.ancestors}:
                rank = 2
            else:
                continue
            rank = (rank, abs(m.root.i - trigger.i))
            if best_rank is None or rank < best_rank:
                best, best_rank = m, rank
        if best is not None:
            event.place = place_of[id(best)]
            event.attrs["place_source"] = "clause"
        elif line is not None and story.in_body(event.evidence.start) and id(line) in place_of:
            event.place = place_of[id(line)]
            event.attrs["place_source"] = "dateline"
