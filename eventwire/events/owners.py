"""Who acts in a clause hung on a thing: the doer a participle, gerund or to-clause on a noun takes from the
noun's owner when the clause has no subject of its own.

- "X issued a paper CALLING FOR ...", "X unleashed a series of tweets CRITICIZING Y", "X issued a paper
  welcoming ... and CALLING FOR ...", "X is exploring the possibility of TRANSFERRING ...": the thing (paper,
  tweets, possibility) names no actor; whoever issued, unleashed or explores it acts (``governing_verb``).
  Only verbs the lexicon does not code reach here: a coded verb ("rejected a law banning ...") accounts for
  its object's clause itself (``consume.consume_content``).
- "X is a serial liar and birther WHO HAS PLEDGED ...", "Y, a young man WHO COMMITTED ...": a relative clause
  on a noun that describes someone is done by them (``described``).
- "rejected a proposal SUBMITTED BY INDIA": a thing an act is aimed at stands for its author (``made_by``).
- "the FBI and Justice Department decision NOT TO PROSECUTE ...", "Iran's plan to build ...": a to-clause on a
  noun is done by the noun's own agent (possessor, "by" phrase, modifiers: ``arguments.noun_agent``); on a
  noun of an "in" phrase ("... in a bid TO STEM", "in a rush TO INVESTIGATE") by the clause's subject; on a
  noun that names no deed, by whoever the noun's verb says has it ("Germany announced plans TO HELP train").
"""

from __future__ import annotations

from .complements import purpose_aux
from .passive import agent_of
from .resolve import Resolved, resolve
from .subjects import subject_of
from .syntax import pobjs
from .triggers import noun_event


def clause_top(tok):
    """The first of coordinated verbs ("welcoming ... and CALLING"), which carries their relation."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and tok.head.i < tok.i:
        tok = tok.head
    return tok


def thing_of(tok, s):
    """The noun a subjectless clause hangs on, or None: a participle or to-clause on a noun (``acl``), or a
    gerund after a noun's preposition ("the possibility OF transferring"), also through the clauses it is
    the complement of ("his plans to help HOST": plans)."""
    top = clause_top(tok)
    while s is None and top.dep_ == "xcomp" and top.head.pos_ in ("VERB", "AUX") and top.head.i < top.i:
        top = clause_top(top.head)
    if top.dep_ == "acl" and top.head.pos_ == "NOUN" and (s is None or s.i == top.head.i):
        return top.head
    if top.dep_ == "pcomp" and top.head.dep_ == "prep" and top.head.head.pos_ == "NOUN" and top.tag_ == "VBG" \
            and s is None:
        return top.head.head
    return None


def governing_verb(noun):
    """The verb whose object a thing is, through "a series OF" and coordination: "unleashed a series of TWEETS"
    (unleashed), or None."""
    for _ in range(4):
        if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
            noun = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
            noun = noun.head.head
        else:
            break
    if noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB":
        return noun.head
    return None


def described(noun):
    """The name a describing noun is said of: "Trump is a serial liar and BIRTHER who pledged" (Trump),
    "Kalief Browder, a young MAN who committed" (Browder), or None."""
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i < noun.i:
        noun = noun.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        return subject_of(noun.head)
    if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN"):
        return noun.head
    return None


def owner_source(w, tok, s, src, noun_agent):
    """(subject token, its actors) of a clause on a thing, from the thing's owner (``noun_agent`` reads a
    noun's own agent), or of a relative clause on a describing noun, from whom it describes (``described``);
    ``(s, src)`` unchanged when there is none."""
    if tok.dep_ == "relcl" and s is not None and s.i == tok.head.i and s.pos_ == "NOUN":
        up = described(s)
        r = resolve(w.story, up) if up is not None else src
        return (up, r) if r.actors else (s, src)
    noun = thing_of(tok, s)
    if noun is None:
        return s, src
    top = clause_top(tok)
    while s is None and top.dep_ == "xcomp" and top.head.pos_ in ("VERB", "AUX") and top.head.i < top.i:
        top = clause_top(top.head)
    if top.dep_ == "acl" and purpose_aux(top):
        r = noun_agent(w, noun)  # "the FBI's decision not to prosecute"
        if r.actors:
            return noun, r
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.pos_ in ("VERB", "AUX"):
            # "sent teams into Libya IN A RUSH TO INVESTIGATE", "in a bid to": the purpose of the clause's doer
            up = subject_of(noun.head.head)
            r = resolve(w.story, up) if up is not None else r
            return (up, r) if r.actors else (s, src)
        if noun_event(noun) is not None:
            return s, src  # "issued an order to withdraw": a directive's clause is someone else's deed
    elif top.tag_ != "VBG" and top.dep_ == "acl":
        return s, src
    verb = governing_verb(noun)
    up = subject_of(verb) if verb is not None else None
    if up is None:
        return s, src
    r = resolve(w.story, up)
    return (up, r) if r.actors else (s, src)


def made_by(story, tok) -> Resolved:
    """A thing named by who made it: "rejected a proposal SUBMITTED BY INDIA", "an appeal lodged by the
    party" (the act is aimed at its author); a thing aimed at someone by its author is aimed at them
    ("lifted restrictions imposed by X ON Y": Y)."""
    for c in tok.children:
        if c.dep_ != "acl" or c.tag_ != "VBN":
            continue
        ag = agent_of(c)
        if ag is None:
            continue
        for _p, p in pobjs(c, ("on", "against", "to", "upon")):
            r = resolve(story, p)
            if r.actors:
                return r
        return resolve(story, ag)
    return Resolved()
