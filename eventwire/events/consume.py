"""What a coded predicate accounts for, so that it is not coded again.

- ``consume_content``: what a speech act is about, its purpose and its condition ("rejected an invitation to
  attend a meeting", "blocked roads to press their demands")
- ``consume_means``: an event noun of the same type that tells how a verb's act was done ("killed a commander
  WITH A DRONE STRIKE"); ``deed_subject``: one that is its subject ("a SUICIDE BOMBING killed 14")
- ``consume_tree``: a clause, except the clauses in it that say something of their own
- ``prevented_act``: the act a verb of keeping someone from it names ("banned X FROM HOLDING office") is none
"""

from __future__ import annotations

from ..data import word_set
from .complements import condition_mark, purpose
from .syntax import child
from .triggers import noun_event
from .type_groups import VERBAL


def consume_content(consumed: set[int], tok, etype: str) -> None:
    """What a speech act is about is not asserted by it: "rejected an invitation to attend a meeting",
    "accused X of violating ...". Participial elaborations ("..., saying he would only welcome him") belong
    to the clause they hang off. Relative clauses keep their own events."""
    deps = ("dobj", "ccomp", "xcomp", "prep", "dative", "attr", "oprd", "acomp", "pcomp", "acl") \
        if etype in VERBAL else ()
    for c in tok.children:
        if c.dep_ in deps or (c.dep_ == "advcl" and c.tag_ == "VBG" and child(c, "nsubj") is None):
            consume_tree(consumed, c)
        elif c.dep_ == "advcl" and purpose(c):
            consume_tree(consumed, c)  # "blocked roads to press their demands": the aim, not a second act
        elif c.dep_ == "advcl" and condition_mark(c):
            consume_tree(consumed, c)  # "will withdraw unless X arranges a ceasefire": the condition
        elif c.dep_ == "prep" and c.lower_ in ("for", "over") and etype in ("SANCTION", "COERCE"):
            consume_tree(consumed, c)  # "sentenced 21 men FOR THE ATTACK on tourists": the grounds, not a deed
            # the report asserts (nor one the court did)


# Nouns of a rule that forbids or limits what its "on" phrase names ("a BAN ON demonstrations", "RESTRICTIONS ON
# rallies"): that act is not told as done.
FORBIDDING_NOUNS = {"ban", "prohibition", "moratorium", "restriction", "curb"}


def prevented_act(tok) -> bool:
    """Whether a verb is the act a verb of keeping someone from it names in its "from" phrase ("banned X FROM
    HOLDING office", "prevented agencies FROM PROVIDING aid"; ``events/preventing_verbs.txt``), or an event noun
    is what a ban or restriction forbids ("lifted its BAN ON DEMONSTRATIONS"): it does not happen, so it is no
    event."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "against") and tok.head.dep_ == "prep" and \
            tok.head.head.pos_ == "NOUN" and tok.head.head.lemma_.lower() in FORBIDDING_NOUNS:
        return True
    if tok.dep_ != "pcomp" or tok.head.lower_ != "from" or tok.head.dep_ != "prep":
        return False
    gov = tok.head.head
    if gov.pos_ == "NOUN" and gov.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):  # "banned X from ...": the
        gov = gov.head  # parse may hang the phrase on the object
    return gov.lemma_.lower() in word_set("events/preventing_verbs.txt")


MEANS_PREPS = ("with", "in", "by", "through", "using")
CLAIMED = {"responsibility", "credit"}  # "claimed RESPONSIBILITY for the attack"


def consume_means(consumed: set[int] | None, tok, etype: str):
    """An event noun of the same type that tells how a verb's act was done is that act, not a second one:
    "killed a commander WITH A DRONE STRIKE", "attacked the town IN A RAID", "claimed responsibility FOR A SUICIDE
    BOMBING". Only for a verb whose doer is named
    (a passive "was killed in an Israeli air strike" keeps the strike, which names the doer: with ``consumed``
    None nothing is consumed). Returns the lexicon entry of the last such noun (its mode says how: "drone"), or
    None."""
    found = None
    obj = child(tok, "dobj")
    # "claimed responsibility FOR a suicide bombing": the act claimed is the claim's deed
    preps = MEANS_PREPS + (("for",) if obj is not None and obj.lemma_.lower() in CLAIMED else ())
    # the parse may hang the means on the object ("killed a commander WITH a drone strike")
    for p in [*tok.children, *(obj.children if obj is not None else ())]:
        if p.dep_ not in ("prep", "agent") or p.lower_ not in preps:  # "was killed BY a drone strike"
            continue
        for noun in (c for c in p.children if c.dep_ == "pobj"):
            m = noun_event(noun)
            if m is not None and m.entry.type == etype:
                if consumed is not None:
                    consumed.add(noun.i)
                found = m.entry
    return found


def deed_subject(tok, etype: str):
    """The lexicon entry of an event noun of the same type that is a verb's subject ("a SUICIDE BOMBING killed
    14", "the suicide bombings that killed 35"): its mode says how the verb's act was done. None when there is
    none."""
    subj = child(tok, "nsubj")
    nouns = [subj] if subj is not None else []
    if subj is not None and subj.tag_ == "WDT" and tok.dep_ == "relcl":
        # "two suicide bombings THAT killed 35 people": the bombings killed them, also when the parse hangs the
        # clause on the place they were done at ("bombings at a mosque that killed 35")
        nouns = [tok.head] + ([tok.head.head.head] if tok.head.dep_ == "pobj" and tok.head.head.dep_ == "prep"
                              else [])
    for noun in nouns:
        m = noun_event(noun)
        if m is not None and m.entry.type == etype:
            return m.entry
    return None


def consume_tree(consumed: set[int], tok) -> None:
    """Mark a clause as accounted for, except the clauses in it that say something of their own (relative
    clauses, parataxis, and adverbial or coordinated clauses with their own subject). A relative clause of what
    the thing would do ("vetoed a resolution that WOULD HAVE pressured Iran", "a resolution TO EXTEND an
    inquiry") is its content too."""
    consumed.add(tok.i)
    for c in tok.children:
        if c.dep_ == "relcl" and any(a.dep_ == "aux" and (a.lower_ == "would" or a.tag_ == "TO") for a in c.children):
            consume_tree(consumed, c)
            continue
        if c.dep_ in ("relcl", "parataxis") or (c.dep_ in ("advcl", "conj") and child(c, "nsubj") is not None
                                                and not (c.dep_ == "advcl" and condition_mark(c))):
            continue
        consume_tree(consumed, c)
