"""Whose words or thoughts a clause is, and whether that is the side of the event's own source.

A clause with a modal ("X could attack", "X may impose sanctions") is a threat only when X's own side says it:
"the rebels said they could attack the capital" is one; "analysts said Russia could attack", "experts fear the
army might arrest them" and a writer's own "Russia could attack within weeks" are guesses about X (the event
stays hypothetical). ``holder`` finds who holds a clause: the subject of the verb or noun whose content it is
("analysts SAID", "experts FEAR", "officials' WARNING that"), the teller of a report set beside it ("Russia could
attack, analysts SAID"), or the speaker of the quotation it stands in. ``own_side`` tells whether two
participants are one side: the same actor, one belonging to the other, or actors of the same country.
"""

from __future__ import annotations

from ..model import Story
from .resolve import FIRST_PLURAL, FIRST_SINGULAR, Resolved, quote_at, resolve
from .subjects import subject_of

# Links along which a clause is still part of the same statement ("said it would try to attack", "said it was
# ready to attack and would do so").
WITHIN = ("xcomp", "acomp", "conj", "advcl", "aux", "prep", "pcomp", "pobj")


class Holder:
    """Who holds a clause: ``token`` the subject that names them (None for a quotation's speaker), ``actors``
    what it resolves to; ``found`` False when the clause is the writer's own."""

    def __init__(self, found: bool, actors: Resolved | None = None, token=None):
        self.found, self.actors, self.token = found, actors or Resolved(), token

    def unknown(self) -> bool:
        """A holder no actor was found for, named by a pronoun ("he said it could ...") or the unnamed speaker
        of a quotation: who it is is not known, so it may be the source."""
        return self.found and not self.actors.actors and (self.token is None or self.token.pos_ == "PRON")


def _report_beside(tok, reporting: set[str]):
    """A reporting verb hung beside the clause ("Russia could attack, analysts SAID")."""
    return next((c for c in tok.children if c.dep_ in ("parataxis", "ccomp") and c.i > tok.i
                 and c.lemma_.lower() in reporting), None)


def holder(story: Story, tok, reporting: set[str]) -> Holder:
    """Who holds the clause of the predicate ``tok`` (see the module docstring)."""
    cur = tok
    for _ in range(8):
        beside = _report_beside(cur, reporting)
        if beside is not None:
            return _subject_holder(story, beside)
        head = cur.head
        if head.i == cur.i:
            break
        content = cur.dep_ == "ccomp" or (cur.dep_ == "acl" and any(c.dep_ == "mark" for c in cur.children))
        if content or (cur.dep_ in ("conj", "advcl") and head.lemma_.lower() in reporting and head.pos_ == "VERB"):
            if head.pos_ in ("VERB", "AUX", "NOUN"):
                return _subject_holder(story, head)
            break
        if cur.dep_ not in WITHIN:
            break
        cur = head
    q = quote_at(story, tok.idx)
    if q is not None and q.speaker and story.actor(q.speaker) is not None:
        sp = story.actor(q.speaker)
        return Holder(True, Resolved([sp], False, {}))
    return Holder(q is not None)


def _subject_holder(story: Story, verb) -> Holder:
    if verb.pos_ == "NOUN":  # "the officials' warning that ...", "a warning by the ministry that ..."
        who = next((c for c in verb.children if c.dep_ == "poss"), None)
        if who is None:
            who = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
                        for p in c.children if p.dep_ == "pobj"), None)
        if who is None:  # "warned followers in INTERVIEWS that ...": the verb the noun's phrase hangs on
            h = verb
            while h.dep_ in ("pobj", "prep", "conj", "dobj", "appos") and h.head.i != h.i and \
                    h.pos_ not in ("VERB", "AUX"):
                h = h.head
            if h.pos_ in ("VERB", "AUX") and h.i != verb.i:
                return _subject_holder(story, h)
    else:
        who = subject_of(verb)
    if who is None:
        return Holder(True)
    return Holder(True, named_side(story, who), who)


def named_side(story: Story, tok) -> Resolved:
    """The actors a participant's words name. A bare common noun the actors stage gave a country it does not name
    ("OFFICIALS warned that Russia could attack": the story's country, guessed) names no side here, so that a
    guess does not make the warner one with whom the clause names."""
    r = resolve(story, tok)
    if tok is not None and tok.pos_ == "NOUN" and r.actors and all(a.kind == "country" for a in r.actors) and \
            not any(c.dep_ in ("amod", "compound", "poss", "prep", "nmod", "appos") for c in tok.children):
        return Resolved()
    return r


def own_side(story: Story, src: Resolved, other: Resolved) -> bool:
    """Whether ``other`` is of the side of ``src``: a shared actor, one belonging to the other, or a shared
    country."""
    ids = set(src.ids())
    oids = set(other.ids())
    if ids & oids:
        return True
    for a in src.actors:
        for b in other.actors:
            if a.affiliation == b.id or b.affiliation == a.id:
                return True
            if a.country and a.country == b.country:
                return True
    return False


def stated_by_source(story: Story, tok, src: Resolved, reporting: set[str]) -> bool:
    """Whether the clause of ``tok`` is said, thought or warned by its own source's side (or by someone named
    only by a pronoun, who may be that side)."""
    subj = subject_of(tok)
    if subj is not None and subj.lower_ in FIRST_SINGULAR | FIRST_PLURAL:
        return True  # "we could strike back"
    h = holder(story, tok, reporting)
    if not h.found:
        return False  # the writer's own guess: "Russia could attack within weeks"
    if h.unknown() or (h.token is not None and h.token.lower_ in FIRST_SINGULAR | FIRST_PLURAL):
        return True
    return bool(src.actors) and own_side(story, src, h.actors)
