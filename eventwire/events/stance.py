"""Stances and side effects told with the words of acts: no event of one actor on another.

- ``permission_as_effect``: a permission told as the effect or purpose of something else ("moved past the
  scandal, ALLOWING his skills to shine", "must leave by May TO ALLOW the works to begin", "instead of ALLOWING the
  opposition to break the story") is no concession; a permission granted ("Israel allowed aid convoys into Gaza",
  "the court decided to allow him to run", "refused to allow") is one.
- ``stance_as_description``: a stance verb in a clause that describes who a noun names ("people WHO OPPOSE
  same-sex marriage", "groups SUPPORTING candidates", "a family staunchly OPPOSED to the dam") says who they are,
  not what they did.
- ``standing_opinion``: a stance verb in the simple present whose doers are only an unnamed group of the public or
  of politicians ("Democratic
  politicians typically OPPOSE taxing consumption", "younger Americans REJECT those positions") tells what a
  kind of people think, not what anyone did. "Rebels reject the peace deal", "protesters reject the new
  constitution" (contenders) stay.
- ``opinion_clause``: "agree" or "accept" in the simple present with a clause or a pronoun after it ("they
  generally AGREE THAT taxes should rise", "he AGREES WITH me"; "they agree with Scott that ..." stays) and "concede" / "admit" with a clause ("strategists
  CONCEDE THAT a loss could hurt") share or admit a view; "Russia and Turkey agree to a ceasefire", "agreed that
  the envoys would meet" and "conceded defeat" stay. Accepting an honour, a nomination or a view
  (``events/accepted_things.txt``: "accepting awards", "they accept climate science") agrees with no one.
- ``wished``: an act named by a participle under a verb of wanting ("wanted all the migrants DEPORTED", "they want
  the police SUPPORTED") is a wish, not an act.
"""

from __future__ import annotations

from .syntax import child, lemma

PERMITTING = {"allow", "permit", "let", "enable"}
STANCE_VERBS = {"support", "oppose", "back", "favor", "favour", "endorse", "reject", "accept", "agree"}
STANCE_TYPES = {"SUPPORT", "REJECT", "AGREE"}
OPINION_VERBS = {"agree", "accept"}
ADMITTING = {"concede", "admit", "acknowledge"}
PRESENT = {"VBP", "VBZ"}
# Sectors of people named as the public or its parts ("Americans", "voters", "politicians"), not of contenders.
PUBLIC = {None, "CVL", "PTY"}
# People of the public named for taking a side in a dispute: what they reject or back is their act.
CONTENDERS = {"protester", "protestor", "demonstrator", "activist", "striker", "rioter", "marcher", "campaigner"}
# Verbs whose infinitive is what was decided, even after a phrase ("voted on Monday to allow").
DECIDING = {"decide", "vote", "choose", "opt", "resolve", "move", "elect", "agree", "promise", "pledge", "vow"}


def permission_as_effect(draft) -> bool:
    """Whether a concession named by a verb of letting is the effect or purpose of another clause (see the module
    docstring): a gerund hung on a clause or a preposition, or a to-infinitive hung on a verb that names no event
    and takes no clause of its own ("leave", "rely"), not on "decided", "agreed", "voted"."""
    tok = draft.match.tok
    if draft.type != "CONCEDE" or draft.match.entry.pos != "V" or lemma(tok) not in PERMITTING:
        return False
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "pcomp"):
        return True  # "..., allowing his skills to shine", "instead of allowing"
    aux = child(tok, "aux")
    if aux is None or aux.lower_ != "to" or tok.dep_ not in ("advcl", "xcomp") or child(tok, "nsubj"):
        return False
    from .triggers import match_token
    from ..data import word_set

    head = tok.head
    if head.pos_ not in ("VERB", "AUX"):
        return False
    if any(m.entry.frame == "ctl" for m in match_token(head)) or \
            head.lemma_.lower() in word_set("events/irrealis_governors.txt"):
        return False  # "agreed to allow", "wants to allow", "refused to allow"
    if tok.dep_ == "advcl":
        return True
    # an infinitive right after its verb is what the verb says ("decided to allow"); after the verb's object or
    # a phrase of time or place it is its purpose ("must leave BY MAY to allow", "rely ON DONATIONS to allow")
    return head.lemma_.lower() not in DECIDING and \
        any(c.dep_ in ("dobj", "prep") and head.i < c.i < tok.i for c in head.children)


def stance_as_description(draft) -> bool:
    """Whether a stance verb describes the noun its clause hangs on (see the module docstring)."""
    tok = draft.match.tok
    if draft.type not in STANCE_TYPES or draft.match.entry.pos not in ("V", "A") or lemma(tok) not in STANCE_VERBS:
        return False
    if tok.dep_ == "relcl":
        return tok.tag_ in PRESENT | {"VBG"} and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    return tok.dep_ in ("acl", "amod") and tok.tag_ in ("VBG", "VBN") and tok.head.pos_ in ("NOUN", "PROPN")


def opinion_clause(draft) -> bool:
    """Whether "agree" / "accept" (simple present) or "concede" / "admit" takes a view (see the module docstring)."""
    tok = draft.match.tok
    if draft.match.entry.pos != "V":
        return False
    low = lemma(tok)
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and
                   (child(c, "nsubj", "nsubjpass", "expl") is not None or child(c, "mark") is not None)), None)
    if low in ADMITTING:
        return clause is not None  # "concede that a loss could hurt"
    if low not in OPINION_VERBS or tok.tag_ not in PRESENT or any(c.dep_ == "aux" for c in tok.children):
        return False
    if any(c.dep_ in ("xcomp", "dobj") for c in tok.children):
        return False  # "agree to withdraw", "accepts the offer"
    withs = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
             if p.dep_ == "pobj"]
    if withs:  # "agrees with ME": a view shared; "agree with Scott that ...": one side agrees with another
        return all(p.pos_ == "PRON" for p in withs)
    return clause is not None


WANTING = {"want", "need", "like", "prefer", "wish", "expect"}


def wished(draft) -> bool:
    """Whether an act is named by a participle a verb of wanting takes (see the module docstring)."""
    tok = draft.match.tok
    if draft.match.entry.pos != "V" or tok.tag_ not in ("VBN", "VBD") or child(tok, "aux", "auxpass") is not None:
        return False
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.dep_ == "dobj":
        return tok.head.head.lemma_.lower() in WANTING  # "wanted [all the migrants] deported"
    return tok.dep_ in ("ccomp", "xcomp", "oprd") and tok.head.lemma_.lower() in WANTING  # "want police supported"


def accepted_thing(draft) -> bool:
    """Whether "accept" takes an honour, a nomination or a view (``events/accepted_things.txt``) as its object."""
    from ..data import word_set

    tok = draft.match.tok
    if draft.match.entry.pos != "V" or lemma(tok) != "accept" or draft.type != "AGREE":
        return False
    obj = child(tok, "dobj")
    return obj is not None and obj.lemma_.lower() in word_set("events/accepted_things.txt")


def standing_opinion(draft) -> bool:
    """Whether a stance verb in the simple present is said of unnamed groups only (see the module docstring)."""
    tok = draft.match.tok
    if draft.type not in STANCE_TYPES or draft.match.entry.pos != "V" or lemma(tok) not in STANCE_VERBS or \
            tok.tag_ not in PRESENT or child(tok, "aux", "auxpass") is not None or not draft.source.actors:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
        return False  # "Americans agree with what Republicans propose": one side with another, as in ``opinion_clause``
    return all(a.kind == "group" and a.generic and not a.role and a.sector in PUBLIC and not _contender(a)
               for a in draft.source.actors)


def _contender(actor) -> bool:
    words = (actor.name or "").lower().split()
    return bool(words) and words[-1].rstrip("s") in CONTENDERS
