"""Stage ``events.rules.v1``: subject-verb-object clauses whose verb is in the event lexicon.

A first working version: the verb's subject is the source, its direct or prepositional object the target,
a ``neg`` child marks the event negated, and the evidence is the sentence.
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines
from ..model import Event, Span, Story
from ..registry import stage


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, str | None, str | None]]:
    out = {}
    for _, line in read_lines("event_lexicon.tsv"):
        cols = line.split("\t")
        if cols[0] == "lemma":
            continue
        cols += [""] * (4 - len(cols))
        out[cols[0]] = (cols[1], cols[2] or None, cols[3] or None)
    return out


def _actor_of(story: Story, token):
    if token is None:
        return None
    span = story.doc[token.left_edge.i:token.right_edge.i + 1]
    head = story.actor_at(token.idx, token.idx + len(token.text))
    return head or story.actor_at(span.start_char, span.end_char)


@stage("events.rules.v1", requires=["doc", "actors"], assigns=["events"])
def make_event_rules(nlp, config):
    """Subject-verb-object events for verbs in the starter lexicon."""

    def events(story: Story) -> Story:
        out = []
        for tok in story.doc:
            if tok.pos_ != "VERB" or tok.lemma_ not in lexicon() or not story.in_body(tok.idx):
                continue
            etype, mode, cameo = lexicon()[tok.lemma_]
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
            if obj is None:
                for prep in (c for c in tok.children if c.dep_ == "prep"):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        break
            src, tgt = _actor_of(story, subj), _actor_of(story, obj)
            if src is None and tgt is None:
                continue
            sent = tok.sent
            out.append(Event(
                id=f"e{len(out) + 1}",
                type=etype,
                mode=mode,
                cameo=cameo,
                source=[src.id] if src else [],
                target=[tgt.id] if tgt else [],
                negated=any(c.dep_ == "neg" for c in tok.children),
                evidence=Span.from_spacy(sent),
                trigger=Span.from_spacy(tok),
                confidence=0.5,
            ))
        story.events = out
        return story

    return events
