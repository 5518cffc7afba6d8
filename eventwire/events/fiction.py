"""Events told of the story of a work of fiction: "In the film, aliens invade New York", "the thriller follows a
hitman who kills a gang boss", "the actor plays a police officer who shoots a suspect", "the horror film, in
which a family is held hostage, earned 40 million dollars". They happened to no one: ``in_fiction`` says so, and
the extractor codes no event there.

A work is a noun of ``events/fiction_nouns.txt`` ("film", "crime drama", "video game"), but not one that is a
count of something else ("a SERIES of raids", "a SHOW of force"). Works that tell of real events (a documentary,
a report, a video) are none.
"""

from __future__ import annotations

from ..data import word_set

# Words for those who play in a work: "the actor plays a police officer who ...".
PLAYERS = {"actor", "actress", "star", "cast", "character", "hero", "heroine", "protagonist", "villain"}


def work_noun(tok) -> bool:
    """Whether a token names a work of fiction ("the film", "a spy thriller", "the video game"), and not a
    count of other things ("a series of raids", "a show of force")."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN") or tok.lemma_.lower() not in word_set("events/fiction_nouns.txt"):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            if any(p.dep_ == "pobj" and p.pos_ != "PROPN" and not work_noun(p) for p in c.children):
                return False
    return True


def _told_by_work(verb) -> bool:
    """Whether a verb of depiction has a work of fiction, one who plays in it, or a character of a work ("the
    film's hero") as its subject."""
    if verb.lemma_.lower() not in word_set("events/depiction_verbs.txt"):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and _of_work(subj)


def _of_work(tok) -> bool:
    """A work, one who plays in one, or someone a work's possessive names ("the spy film's HERO")."""
    if work_noun(tok) or tok.lemma_.lower() in PLAYERS:
        return True
    return any(c.dep_ == "poss" and work_noun(c) for c in tok.children)


def _set_in_work(tok) -> bool:
    """Whether a predicate is told as happening in a work: "IN THE FILM, aliens invade ...", "in the novel's
    last chapter"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "throughout"):
            for p in c.children:
                if p.dep_ == "pobj" and (work_noun(p) or any(q.dep_ == "poss" and work_noun(q) for q in p.children)):
                    return True
    return False


def in_fiction(tok) -> bool:
    """Whether a predicate (a verb, or an event noun) is told as part of a work of fiction's story: set in a
    work, in a clause a work or its player tells (a verb of ``events/depiction_verbs.txt``), or in a clause
    that describes a work ("the film, in which ..."); or its own subject is a character of a work."""
    if _set_in_work(tok):
        return True
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and any(c.dep_ == "poss" and work_noun(c) for c in subj.children):
        return True  # "the spy film's hero hunts down a traitor"
    child = tok
    while child.head.i != child.i:
        head = child.head
        if work_noun(head) and child.dep_ in ("relcl", "acl", "prep", "appos"):
            return True  # "the horror film, in which a family is held hostage"
        if child.dep_ not in ("nsubj", "nsubjpass") and _told_by_work(head):
            return True  # "the thriller follows a hitman who kills ..."
        if _set_in_work(head):
            return True  # "In the play, two brothers fight ... until one of them is killed"
        child = head
    return False
