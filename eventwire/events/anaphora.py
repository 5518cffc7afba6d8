"""A deed named again: "Iran seized a tanker in the Gulf, and Britain condemned THE SEIZURE". A condemnation,
refusal or protest aimed at a deed the text told before, named now by a definite event noun with no doer of its
own, is aimed at whoever did that deed (``earlier_doer``): the doer is named only in the earlier clause or
sentence. The earlier deed is the latest draft of the noun's event type, in the same sentence or the two
before it, that has a source.
"""

from __future__ import annotations

from .draft import Draft, Work
from .resolve import Resolved
from .syntax import child
from .triggers import noun_event

# Acts that answer what someone did: aimed at a deed, they are aimed at its doer (``targets.ANSWERING``).
ANSWERING = {"PROTEST", "ACCUSE", "REJECT"}
DEFINITE = {"the", "this", "that", "these", "those"}
SENTENCES_BACK = 2
OWN_WORDS = ("poss", "prep", "compound", "nmod", "acl", "relcl")  # a phrase that tells of its own deed


def earlier_doer(w: Work, d: Draft) -> Resolved:
    """Who did the earlier deed the predicate's object names again, or nothing."""
    if d.type not in ANSWERING:
        return Resolved()
    tok = d.match.tok
    obj = child(tok, "dobj", "nsubjpass") if d.match.entry.pos == "V" else None
    deed = noun_event(obj) if obj is not None else None
    if deed is None or not any(c.dep_ == "det" and c.lower_ in DEFINITE for c in obj.children):
        return Resolved()
    if any(c.dep_ in OWN_WORDS or c.dep_ == "amod" and c.ent_type_ for c in obj.children):
        return Resolved()  # "the Saudi seizure", "the seizure of the tanker by X": the phrase says whose
    lo = tok.sent.start  # back from the token's sentence, not a list of all the article's sentences per deed
    for _ in range(SENTENCES_BACK):
        lo = tok.doc[lo - 1].sent.start if lo > 0 else lo
    own = set(d.source.ids())
    for earlier in reversed(w.drafts):
        at = earlier.match.tok.i
        if at < lo or at >= tok.i or earlier is d:
            continue
        if earlier.type == deed.entry.type and earlier.source.actors and not set(earlier.source.ids()) & own:
            return Resolved(list(earlier.source.actors), earlier.source.guessed, dict(earlier.source.at))
    return Resolved()
