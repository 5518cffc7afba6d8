"""Headline verbs read as plural nouns: in "Zelensky thanks Biden for support" or "Ukraine's president thanks
Germany" the tagger reads "thanks" as a noun and the parse has no verb to hang the actors on. A sentence the
lexicon coded nothing in gets one event from a plural-noun token whose singular is a verb of the lexicon (one
word, the plain subject-acts-on-object frame) when an actor is named right before it and another right after
it: the first is the source, the second the target."""

from __future__ import annotations

from .draft import Match
from .lexicon import SPECIAL, by_head
from .resolve import Resolved


def _verb_entry(tok):
    """The lexicon's one-word, subject-acts-on-object verb entry for a plural-noun token's singular, or None."""
    if tok.tag_ not in ("NNS", "NNPS") or not tok.lower_.endswith("s"):
        return None
    for stem in (tok.lower_[:-1], tok.lower_[:-2] if tok.lower_.endswith("es") else None):
        for e in by_head().get((stem, "V"), ()) if stem else ():
            if not e.extra and e.type not in SPECIAL and e.frame == "sv":
                return e
    return None


def _named(story, tok) -> Resolved:
    """The actors whose mention covers a token, with that mention as where they are named."""
    out = Resolved()
    for a in story.actors_at(tok.idx, tok.idx + len(tok.text)):
        m = next((m for m in a.mentions if m.start <= tok.idx < m.end), None)
        if m is not None:
            out.actors.append(a)
            out.at[a.id] = (m.start, m.end)
    return out


def verb_read_as_noun(story, sent) -> tuple[Match, Resolved, Resolved] | None:
    """(match, source, target) of a headline verb read as a plural noun between two actors, or None."""
    for tok in list(sent)[1:-1]:
        entry = _verb_entry(tok)
        if entry is None:
            continue
        src, tgt = _named(story, tok.nbor(-1)), _named(story, tok.nbor(1))
        if src.actors and tgt.actors and not set(src.ids()) & set(tgt.ids()):
            return Match(tok, entry), src, tgt
    return None
