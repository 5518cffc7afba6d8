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
