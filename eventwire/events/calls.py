"""A call that is a telephone call, not an appeal.

"Call" names a request when it is for something ("called for talks", "calls for his resignation") or on someone
to act ("called on the rebels to disarm"); it names a telephone call, a contact (CONSULT, mode phone), when it is
made to people with nothing asked ("began making calls to committee members", "calling friends on their
cellphones"). ``phone_call`` tells the second from the first; ``not_called_on`` tells that "call on" has no one
it calls on ("on their cellphones", "on the radio").
"""

from __future__ import annotations

from .draft import Match
from .lexicon import by_head
from .syntax import child, lemma

ASKING_PREPS = {"for"}


def _people(story, tok) -> bool:
    from .triggers import _people_word

    return tok is not None and (story.actor_at(tok.idx, tok.idx + len(tok)) is not None or _people_word(tok))


def _asks(tok) -> bool:
    """Whether a call asks for something: a "for" phrase or a to-clause on it."""
    if any(c.dep_ == "prep" and c.lower_ in ASKING_PREPS for c in tok.children):
        return True
    return any(c.dep_ in ("acl", "relcl", "advcl", "xcomp", "ccomp") and
               any(a.tag_ == "TO" or a.lower_ == "that" for a in c.children) for c in tok.children)


def phone_call(story, m: Match) -> Match | None:
    """The phone-call match of a request noun "call" made to people with nothing asked ("making calls to
    committee members"), else None."""
    tok = m.tok
    if m.entry.type != "REQUEST" or m.entry.pos != "N" or lemma(tok) != "call" or _asks(tok):
        return None
    to = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    if not to or not _people(story, to[0]):
        return None
    phone = next((e for e in by_head().get(("call", "N"), ()) if e.mode == "phone"), None)
    return Match(tok, phone) if phone is not None else None


def not_called_on(story, m: Match) -> bool:
    """Whether "call on" calls on no one: what its "on" phrase names is no participant ("calling friends ON THEIR
    CELLPHONES", "called on the radio for calm" is a call for calm)."""
    tok = m.tok
    if m.entry.type != "REQUEST" or m.entry.pos != "V" or m.entry.pattern not in ("call on", "call upon"):
        return False
    on = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
          for p in c.children if p.dep_ == "pobj"]
    return bool(on) and not _people(story, on[0]) and child(tok, "xcomp") is None
