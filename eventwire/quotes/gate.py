"""The attribution gate: a small learned model that keeps or drops each indirect or mixed draft.

The parse rules propose attributions generously (every reporting verb, every stated position of an actor);
PolNeAR, whose annotators mark attributions news readers would recognise, counts only some of them. The gate
is a logistic regression over plain features of a draft (how it was read, the cue's lemma, WordNet class
(``word_classes.py``) and place in the parse, the speaker's kind and distance, the content's shape and the
actors it names, quotation marks in the sentence, the paragraph's first sentence and its place in the article,
whether it lies inside another draft or holds one) that gives the probability that a draft is an attribution.
Drafts below ``THRESHOLD`` are dropped; direct quotations never pass through it.

The weights are one JSON file, ``data/models/quote_gate.json`` (feature -> weight, a bias and the threshold
chosen when it was trained), trained by ``python -m eventwire.train quotes`` on PolNeAR train articles and
loaded offline. Without the file the gate keeps every draft.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from ..data import data_path
from .direct import sentence_bounds  # Token.sent walks the whole Doc: this walks the sentence
from ..word_classes import classes

MODEL = data_path("models/quote_gate.json")
GATE = True  # the default; the ``quote_gate`` setting decides per pipeline (``using``)
WIDE = True  # with the gate on, the rules propose more (relative clauses, any noun subject, short objects)
_MODE: ContextVar[str | None] = ContextVar("quote_gate", default=None)  # "on", "off", "propose"; None: GATE


@contextmanager
def _mode(value: str):
    token = _MODE.set(value)
    try:
        yield
    finally:
        _MODE.reset(token)


def using(on: bool):
    """Turn the gate on or off for the quotes coded inside the block (the stage's ``quote_gate`` setting)."""
    return _mode("on" if on else "off")


def proposing():
    """Inside the block the rules propose widely and the gate keeps everything: what training weighs."""
    return _mode("propose")


def active() -> bool:
    mode = _MODE.get()
    return (GATE if mode is None else mode == "on") and model() is not None


def proposes_widely() -> bool:
    """Whether the rules should propose the drafts they would otherwise leave out, for the gate to weigh:
    when the gate is on and has a model (it is trained on what the rules propose with this on), and while
    training (``proposing``)."""
    return WIDE and (_MODE.get() == "propose" or active())


_OVERRIDE: ContextVar[dict | None] = ContextVar("quote_gate_model", default=None)


@contextmanager
def using_model(m: dict):
    """Weigh drafts with this model (weights, bias, threshold) inside the block: training tries thresholds on the
    pipeline's output (``train_gate.pipeline_threshold``)."""
    token = _OVERRIDE.set(m)
    try:
        yield
    finally:
        _OVERRIDE.reset(token)


def model() -> dict | None:
    m = _OVERRIDE.get()
    return m if m is not None else _shipped()


@lru_cache(maxsize=1)
def _shipped() -> dict | None:
    if not MODEL.exists():
        return None
    return json.loads(MODEL.read_text(encoding="utf-8"))


def _bucket(n: int) -> str:
    for top in (1, 2, 4, 8, 16, 32):
        if n <= top:
            return str(top)
    return "more"


def features(story, draft) -> list[str]:
    """The draft's features, as strings (one-hot)."""
    doc = story.doc
    tok = draft.cue_tok
    out = [f"kind={draft.cue_kind}", f"shape={draft.kind}"]
    if tok is not None:
        lemma = tok.lemma_.lower()
        out += [f"lemma={lemma}", f"kind_lemma={draft.cue_kind}|{lemma}", f"pos={tok.pos_}", f"tag={tok.tag_}",
                f"dep={tok.dep_}", f"head_pos={tok.head.pos_}",
                f"neg={any(c.dep_ == 'neg' for c in tok.children)}",
                f"aux={','.join(sorted(c.lower_ for c in tok.children if c.dep_ == 'aux'))[:20]}"]
        out += [f"child={c.dep_}" for c in tok.children if not c.is_punct]
        # the kind of word the cue is (WordNet class: communication, cognition, social, contact, ...), for cue
        # lemmas training never saw
        pos = "verb" if tok.pos_ in ("VERB", "AUX") else "noun" if tok.pos_ == "NOUN" else None
        cl = classes(pos, lemma) if pos else ()
        out += [f"cue_class1={cl[0] if cl else '-'}", f"kind_cue_class1={draft.cue_kind}|{cl[0] if cl else '-'}"]
        out += [f"cue_class={c}" for c in cl]
    sp = draft.speaker_tok
    if sp is None:
        out.append("speaker=none")
    else:
        actor = story.actor_at(sp.idx, sp.idx + len(sp.text))
        out += [f"speaker_pos={sp.pos_}", f"speaker_ent={sp.ent_type_ or '-'}",
                f"speaker_actor={actor.kind if actor else '-'}",
                f"speaker_pron={sp.lower_ if sp.pos_ == 'PRON' else '-'}",
                f"speaker_dep={sp.dep_}", f"speaker_before={sp.i < tok.i if tok is not None else '-'}",
                f"speaker_lemma={sp.lemma_.lower() if sp.pos_ in ('NOUN', 'PRON') else sp.pos_}"]
        if sp.pos_ == "NOUN":
            cl = classes("noun", sp.lemma_)
            out.append(f"speaker_class={cl[0] if cl else '-'}")
    spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in draft.content]
    spans = [s for s in spans if s is not None and len(s)]
    words = sum(1 for s in spans for t in s if not t.is_punct)
    out.append(f"words={_bucket(words)}")
    out.append(f"pieces={min(len(spans), 3)}")
    if spans:
        first = spans[0]
        root = first.root
        out += [f"first={first[0].lower_ if first[0].lower_ in ('that', 'to', 'if', 'whether', 'the') else first[0].pos_}",
                f"content_root_pos={root.pos_}", f"content_root_dep={root.dep_}",
                f"content_root_lemma={root.lemma_.lower() if root.pos_ in ('VERB', 'AUX', 'ADJ') else root.pos_}",
                f"content_verb={any(t.pos_ in ('VERB', 'AUX') for s in spans for t in s)}",
                f"content_propn={all(t.pos_ == 'PROPN' for t in first if not t.is_punct)}"]
        if root.pos_ == "NOUN":
            cl = classes("noun", root.lemma_)
            out.append(f"root_class={cl[0] if cl else '-'}")
    if tok is not None:
        out.append(f"sent_pos={_bucket(tok.i - sentence_bounds(tok)[0])}")
    out.append(f"medium={draft.medium is not None}")
    if KIND_PAIRS:  # how the draft was read, with its size, its speaker's kind and how its content opens
        out += [f"kind_words={draft.cue_kind}|{_bucket(words)}",
                f"kind_speaker={draft.cue_kind}|{next((f for f in out if f.startswith('speaker_actor=')), 'none')}",
                f"kind_first={draft.cue_kind}|{next((f for f in out if f.startswith('first=')), 'none')}"]
    if CONTEXT:
        out += _context(story, draft)
    return out


# Pairs of the draft's kind (how the rules read it: a reporting verb, a stance, a noun, a "for" phrase, ...) with its
# content's size, its speaker's kind and its content's first word: a logistic regression weighs each feature alone,
# and a short content or an unnamed speaker means one thing for a stance and another for a reporting verb.
# Measured with the gate retrained (the PolNeAR benchmark, unrounded from the counts): with the three holder rules of
# indirect.py (FOR_HOLDER, IN_NOUN_HOLDER, PERSON_CLASS_HOLDERS) all F1 dev 0.8067 -> 0.8079, train_unseen 0.7874 ->
# 0.7881, all speaker accuracy 0.931 -> 0.934 / 0.916 -> 0.917. Pairing the kind with the cue's dep and tag too
# lowered dev (0.8079 -> 0.8061; train_unseen 0.7879): not kept.
KIND_PAIRS = True
CONTEXT = True  # where the cue stands (its head, a relative clause, the paragraph's first sentence, quotation
# marks in its sentence), how far the speaker is from it and how many actors the content names
_QUOTE_MARKS = frozenset('“”"')


_LAST_MARKS: tuple = (None, [])  # the doc read last and the token indices of its quotation marks


def _quote_marks(doc) -> list[int]:
    """The token indices of a doc's quotation marks, found once per doc (not once per draft, in its sentence)."""
    global _LAST_MARKS
    last = _LAST_MARKS  # one read: the tuple is replaced whole, never changed
    if last[0] is doc:
        return last[1]
    marks = [t.i for t in doc if t.text in _QUOTE_MARKS or t.tag_ in ("``", "''")]
    _LAST_MARKS = (doc, marks)
    return marks


_LAST_BODY: tuple = (None, 0, [], None)


def _body_index(story, offset: int) -> int | None:
    """The place among the story's body paragraphs of the first that holds ``offset`` (None if none): a binary
    search by start when the paragraphs follow each other without overlap (found once per story, not once per
    draft), else a scan."""
    global _LAST_BODY
    last = _LAST_BODY  # one read: the tuple is replaced whole, never changed
    if last[0] is not story.paragraphs or last[1] != len(story.paragraphs):
        body = [p for p in story.paragraphs if p.kind == "body"]
        ordered = all(a.span.end <= b.span.start for a, b in zip(body, body[1:]))
        last = _LAST_BODY = (story.paragraphs, len(story.paragraphs), body,
                             [p.span.start for p in body] if ordered else None)
    _, _, body, starts = last
    if starts is None:
        return next((i for i, p in enumerate(body) if p.span.start <= offset < p.span.end), None)
    k = bisect_right(starts, offset) - 1
    return k if k >= 0 and offset < body[k].span.end else None


def _context(story, draft) -> list[str]:
    doc = story.doc
    tok = draft.cue_tok
    out = []
    if tok is not None:
        start, end = sentence_bounds(tok)
        ancestors = [a.dep_ for a in tok.ancestors]
        out += [f"head_dep={tok.head.dep_}",
                f"head_lemma={tok.head.lemma_.lower() if tok.head.pos_ in ('VERB', 'AUX') else tok.head.pos_}",
                f"in_relcl={'relcl' in ancestors or tok.dep_ == 'relcl'}",
                f"depth={min(len(ancestors), 4)}"]
        marks = _quote_marks(doc)
        k = bisect_left(marks, start)
        quoted = k < len(marks) and marks[k] < end
        out.append(f"sent_quote={quoted}")
        para = story.paragraph_at(tok.idx)
        if para is not None:
            span = doc.char_span(para.span.start, para.span.end, alignment_mode="expand")
            out.append(f"para_first_sent={span is not None and span[0].i >= start}")
    sp = draft.speaker_tok
    if sp is not None and tok is not None:
        out.append(f"spk_dist={_bucket(abs(sp.i - tok.i))}")
    out.append(f"content_actors={min(sum(len(story.actors_at(s, e)) for s, e in draft.content), 3)}")
    if PARAGRAPH_INDEX and tok is not None:
        idx = _body_index(story, tok.idx)
        out.append(f"para_idx={_bucket(idx + 1) if idx is not None else '-'}")
    if NESTING and draft.nesting:
        inside, holds, quoted = draft.nesting
        out += [f"nested={inside}", f"holds_cue={holds}", f"touches_quote={quoted}",
                f"kind_nested={draft.cue_kind}|{inside}"]
    return out


# Where a draft stands among the others the rules proposed in its story (``Draft.nesting``, set by
# ``rules.drafts`` before the gate weighs them): its content lies inside a longer draft's content, it holds
# another draft's cue, it shares characters with a direct quotation; the gate learns which of two nested readings
# PolNeAR keeps. Measured with the gate retrained (the PolNeAR benchmark): dev all F1 0.8013 -> 0.8028,
# train_unseen 0.7802 -> 0.7818, direct F1 and speaker accuracy unchanged or up.
NESTING = True
# The body paragraph the cue stands in (1, 2, 3-4, 5-8, ...): the lede is told by the writer, later paragraphs by
# sources. With NESTING: dev all F1 0.8028 -> 0.8042, train_unseen 0.7818 -> 0.7825.
PARAGRAPH_INDEX = True


def probability(story, draft) -> float | None:
    m = model()
    if m is None:
        return None
    w = m["weights"]
    z = m["bias"] + sum(w.get(f, 0.0) for f in features(story, draft))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep(story, draft) -> bool:
    """Whether the gate keeps an indirect or mixed draft (always, without a model or with the gate off)."""
    if draft.kind == "direct" or not active():
        return True
    p = probability(story, draft)
    if p is None:
        return True
    draft.confidence = round(p, 3)
    return p >= model()["threshold"]
