"""Stage ``quotes.rules.v1``: direct quotations in double quotes, with the reporting verb and its subject.

A first working version: a quoted stretch inside one paragraph, the nearest reporting verb in the same or
the adjacent sentence, and its subject resolved to an actor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import read_lines
from ..model import Quote, Span, Story
from ..registry import stage

_QUOTED = re.compile(r'["“]([^"“”]{2,}?)["”]')


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    return frozenset(line for _, line in read_lines("speech_verbs.txt"))


def _cue_near(story: Story, start: int, end: int):
    """The reporting verb closest to the quote, looking outside the quoted characters in the same
    paragraph."""
    doc = story.doc
    para = story.paragraph_at(start)
    lo, hi = (para.span.start, para.span.end) if para else (0, len(story.text))
    best = None
    for tok in doc:
        if tok.idx < lo or tok.idx >= hi or start <= tok.idx < end:
            continue
        if tok.pos_ == "VERB" and tok.lemma_ in speech_verbs():
            dist = start - tok.idx if tok.idx < start else tok.idx - end
            if best is None or dist < best[0]:
                best = (dist, tok)
    return best[1] if best else None


def _subject(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


@stage("quotes.rules.v1", requires=["doc", "actors"], assigns=["quotes"])
def make_quote_rules(nlp, config):
    """Direct quotations with a reporting verb and a speaker."""

    def quotes(story: Story) -> Story:
        text = story.text
        out = []
        for m in _QUOTED.finditer(text):
            s, e = m.start(1), m.end(1)
            if not story.in_body(s):
                continue
            if "\n" in text[s:e] and story.paragraph_at(s) is not story.paragraph_at(e):
                continue
            cue = _cue_near(story, m.start(), m.end())
            if cue is None:
                continue
            subj = _subject(cue)
            speaker_span = None
            speaker = None
            if subj is not None:
                sub = story.doc[subj.left_edge.i:subj.right_edge.i + 1]
                speaker_span = Span.from_spacy(sub)
                actor = story.actor_at(speaker_span.start, speaker_span.end)
                speaker = actor.id if actor else None
            out.append(Quote(
                id=f"q{len(out) + 1}",
                kind="direct",
                cue=Span.from_spacy(cue),
                content=[Span.of(text, s, e)],
                speaker=speaker,
                speaker_text=speaker_span.text if speaker_span else None,
                speaker_span=speaker_span,
            ))
        story.quotes = out
        return story

    return quotes
