"""Walks over the dependency parse that always end.

spaCy makes a new ``Token`` object on every ``.head`` access, so ``tok.head is tok`` is never true, even at a
sentence root; a loop that climbs "while tok.head is not tok" runs forever at a root that does not meet its
other condition. Every upward walk in eventwire goes through ``climb`` or ``ancestors``: they compare token
indices (a root is its own head) and take at most as many steps as the document has tokens.

    verb = climb(tok, lambda t: t.pos_ not in ("VERB", "AUX"))   # nearest verb at or above tok (or the root)
    head = climb(tok, lambda t: t.dep_ in ("compound", "flat"))  # the head of a flat name
"""

from __future__ import annotations

from typing import Callable, Iterator


def is_root(tok) -> bool:
    """Whether a token heads its sentence (spaCy makes a root its own head)."""
    return tok.head.i == tok.i


def climb(tok, while_: Callable, *, limit: int | None = None):
    """Go up from ``tok`` to its head while ``while_(current)`` holds; stop at the sentence root.

    Returns the first token (``tok`` itself included) for which ``while_`` is false, or the root. At most
    ``limit`` steps (default: the number of tokens in the document), so a malformed tree cannot loop."""
    steps = len(tok.doc) if limit is None else limit
    for _ in range(steps):
        if not while_(tok):
            return tok
        head = tok.head
        if head.i == tok.i:
            return tok
        tok = head
    return tok


def ancestors(tok, *, limit: int | None = None) -> Iterator:
    """The heads above ``tok``, nearest first, up to and including the sentence root (not ``tok``)."""
    steps = len(tok.doc) if limit is None else limit
    for _ in range(steps):
        head = tok.head
        if head.i == tok.i:
            return
        yield head
        tok = head


def analysis(doc) -> dict[str, list]:
    """A Doc's analysis as plain lists, one item per token, for a step that mends part of it and builds the Doc
    again (``rebuilt``): tags, pos, morphs, lemmas, heads, deps, sentence starts and entity tags."""
    return {"tags": [t.tag_ for t in doc], "pos": [t.pos_ for t in doc], "morphs": [str(t.morph) for t in doc],
            "lemmas": [t.lemma_ for t in doc], "heads": [t.head.i for t in doc], "deps": [t.dep_ for t in doc],
            "sent_starts": [bool(t.is_sent_start) for t in doc], "ents": [entity_tag(t) for t in doc]}


def entity_tag(tok) -> str:
    """A token's entity tag as ``Doc(ents=...)`` reads it ("B-GPE", "I-ORG", "O")."""
    return f"{tok.ent_iob_}-{tok.ent_type_}" if tok.ent_iob_ in ("B", "I") else "O"


def rebuilt(nlp, doc, lists: dict[str, list]):
    """A Doc over the same words and spaces carrying the analysis ``lists`` (``analysis``), with the first
    Doc's tensor; the first Doc itself should the text ever differ."""
    from spacy.tokens import Doc

    out = Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], **lists)
    if out.text != doc.text:  # pragma: no cover - same words and spaces give the same text
        return doc
    out.tensor = doc.tensor
    return out
