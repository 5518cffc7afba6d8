"""Clauses: who a predicate's subject is, whether it is passive, what clause a control verb takes, which
clauses a coded predicate accounts for, and in what order a sentence's predicates are visited.

- ``subject_of`` looks through control ("urged Iran to halt": Iran), coordination, relative clauses,
  participles and purpose clauses; ``agent_of`` gives the "by" agent; ``is_passive`` tells a passive from a
  stative participle ("Israel is opposed to").
- ``complement`` / ``complement_event``: the clause or event noun a control verb takes ("offered TO PROVIDE",
  "called FOR TALKS") and the lexicon predicate heading it.
- ``consume_content``: what a speech act is about, its purpose and its condition are not coded again.
- ``visit_order``: tokens from the top of the parse down, so a control verb is coded before its clause;
  ``prominence``: main clauses are what a sentence reports, subordinate ones background.
"""

from __future__ import annotations

from ..data import word_set
from ..tree import ancestors, is_root
from .resolve import RELATIVE, namable
from .syntax import child
from .triggers import match_token, noun_event
from .type_groups import VERBAL

CONDITION_WORDS = {"if", "unless", "until", "before", "provided", "once"}


def stative_participles() -> frozenset[str]:
    """Participles that read as states, not passives, when no "by" agent follows: "Israel is opposed to"."""
    return word_set("events/stative_participles.txt")


def is_passive(tok) -> bool:
    if shares_passive(tok) or complement_passive(tok):
        return True
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return False
    if tok.lemma_.lower() in stative_participles() and agent_of(tok) is None:
        return False
    return True


def shares_passive(tok) -> bool:
    """A participle coordinated with a passive verb and with no subject of its own is passive too: "were
    ambushed and ATTACKED by militants"."""
    return tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.tag_ == "VBN" and \
        not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children) and \
        any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.head.children)


def passive_agent(tok):
    """The "by" agent of a passive verb, shared by coordinated participles ("were ambushed and attacked by
    militants": both by the militants)."""
    ag = agent_of(tok)
    if ag is None and shares_passive(tok):
        ag = agent_of(tok.head)
    for c in ([] if ag is not None else tok.children):
        if c.dep_ == "conj" and c.tag_ == "VBN" and shares_passive(c):
            ag = agent_of(c) or ag
    return ag


# Verbs that tell who said the news ("X overran a base, officials SAID, killing 17 soldiers"): a participle
# clause the parse hung on them continues the news they report, not the saying.
SAYING = {"say", "tell", "add", "report", "state", "announce", "confirm"}


def complement_passive(tok) -> bool:
    """A past participle the parse made the complement of a verb with no object of its own is passive: its
    patient is that verb's subject ("at least two people REPORTED KILLED", "three soldiers were feared CAPTURED",
    "the activists got ARRESTED")."""
    return tok.dep_ == "xcomp" and tok.tag_ == "VBN" and tok.head.i != tok.i and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent") for c in tok.children) and \
        child(tok.head, "dobj") is None and child(tok.head, "nsubj", "nsubjpass") is not None


def patient_of(tok):
    """The patient of a passive verb: its own passive subject, or that of the participle it is coordinated
    with, or the subject of the verb a participle complements ("two people reported KILLED")."""
    objs = [c for c in tok.children if c.dep_ == "nsubjpass"]
    obj = objs[-1] if objs else None  # "HOLLIDAY, Mo. - A 25-year-old MAN was arrested": the dateline is no patient
    if obj is None and shares_passive(tok):
        obj = child(tok.head, "nsubjpass")
    if obj is None and complement_passive(tok):
        obj = child(tok.head, "nsubj", "nsubjpass")
    return obj


def agent_of(tok):
    """The "by" agent of a passive verb or of an event noun."""
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            p = child(c, "pobj")
            if p is not None:
                return p
    return None


def main_verb_of_noun_root(tok) -> bool:
    """A sentence the parser rooted on its subject noun: "The air force carried out three strikes" read as a
    noun phrase with the verb as its modifier. A participle with an object of its own, or a finite verb, on
    such a root is the sentence's main verb and the root noun its subject."""
    head = tok.head
    return tok.dep_ == "acl" and is_root(head) and head.pos_ in ("NOUN", "PROPN") and head.i < tok.i \
        and agent_of(tok) is None and (tok.tag_ in ("VBD", "VBZ", "VBP") or child(tok, "dobj") is not None)


def subject_of(tok, seen=0):
    """The token that names who acts for a verb, looking through control, coordination and relative clauses,
    and past three parse slips: a subject hung on the auxiliary ("The UK and France however have opposed"),
    a main verb read as a modifier of its subject (``main_verb_of_noun_root``), and an unlabelled ("dep")
    verb that continues the clause before it ("Hackers linked to X launched attacks")."""
    if seen > 4:
        return None
    subj = child(tok, "nsubj", "csubj")
    if subj is not None:
        # a title and a name the parse made two subjects ("... frontrunner Hillary Clinton is calling"): the
        # one next to the verb is the name
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj") and (c.i < tok.i or c.i == subj.i)][-1]
    if subj is None:
        for a in tok.children:
            if a.dep_ in ("aux", "auxpass") and a.i < tok.i:
                subj = child(a, "nsubj") or subj
    if subj is None and not is_passive(tok):
        subj = child(tok, "nsubjpass")  # stative participle: "Israel is opposed to"
    if subj is not None and subj.lower_ not in RELATIVE:
        return subj
    if tok.dep_ == "relcl":
        return tok.head
    if subj is not None:
        return subj
    if tok.dep_ in ("xcomp", "acomp") and tok.head.i != tok.i:
        return _controller(tok.head, seen)
    if tok.dep_ == "ccomp" and tok.tag_ == "VB" and tok.head.lemma_.lower() in ("let", "help", "make") \
            and not any(c.dep_ == "aux" for c in tok.children):
        return subject_of(tok.head, seen + 1)  # "Egypt let FREE the activist": a bare infinitive, no subject
    if tok.dep_ == "conj" and (tok.head.pos_ in ("VERB", "AUX", "ADJ") or child(tok.head, "nsubj") is not None):
        # a head with a subject of its own is a verb even when tagged a noun ("X, thus, REJECTS and condemns")
        return subject_of(tok.head, seen + 1)
    inner = subordinate_subject(tok)
    if inner is not None:
        return inner
    if tok.dep_ in ("advcl",) and (tok.tag_ == "VBG" or purpose_aux(tok) or continues_clause(tok)):
        # participle or purpose clause: "..., saying it would", "sent personnel to investigate"; a verb with
        # an auxiliary of its own the parse hung below the clause before it ("jets with their lights turned
        # off HAVE BUZZED ...")
        head = tok.head
        told = next((c for c in head.children if c.dep_ == "ccomp" and c.i < head.i), None)
        if told is not None and head.lemma_.lower() in SAYING:
            head = told  # "X overran a base, officials said, KILLING 17 soldiers": X killed them
        return subject_of(head, seen + 1) if head.pos_ in ("VERB", "AUX") else None
    if tok.dep_ == "acl" and (tok.tag_ == "VBG" or main_verb_of_noun_root(tok)):
        return tok.head
    if tok.dep_ == "dep" and tok.pos_ == "VERB" and tok.head.i < tok.i:
        up = child(tok.head, "nsubj")
        return up if up is not None else None
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        verb = tok.head.head
        obj = child(verb, "dobj") if verb.pos_ == "VERB" else _listed_object(verb)
        if tok.head.lower_ in ("for", "of") and obj is not None and namable(obj):
            return obj  # "mocked the senator FOR CRITICIZING ...": who is blamed or thanked
        return subject_of(verb, seen + 1)
    return None


SUBORDINATORS = {"as", "while", "when", "after", "before", "since", "until", "because", "though", "although",
                 "whereas", "once"}


def subordinate_subject(tok):
    """The subject of a subordinate clause the parse read as a prepositional phrase: in "..., as the United
    States, Britain and France support some groups" "as" took "the United States" as its object and left
    "support" with no subject. A finite verb with no subject whose words just before it are such a phrase takes
    its object as subject."""
    if tok.tag_ not in ("VBP", "VBZ", "VBD") or tok.i == 0 or \
            any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in tok.children):
        return None
    last = tok.doc[tok.i - 1]
    for np in [last, *ancestors(last, limit=8)]:
        if np.dep_ == "pobj" and np.head.dep_ == "prep" and np.head.lower_ in SUBORDINATORS and \
                np.right_edge.i == tok.i - 1 and np.pos_ in ("NOUN", "PROPN", "PRON"):
            return np
    return None


def continues_clause(tok) -> bool:
    """An adverbial clause with no subject or subordinator of its own but an auxiliary ("have buzzed",
    "will attend") or a finite verb: the parse split one clause and the verb shares the subject before it."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children) or tok.head.i > tok.i:
        return False
    if any(t.dep_ == "mark" for t in tok.doc[tok.head.i + 1:tok.i]):
        return False  # a subordinator between them opened a clause of its own ("a sign THAT officials ... are")
    return tok.tag_ in ("VBD", "VBZ", "VBP") or \
        any(c.dep_ == "aux" and c.tag_ != "TO" and c.i < tok.i for c in tok.children)


def _listed_object(noun):
    """The object a list of names heads when the parse hung a phrase on its last name ("ridiculed X, Y, and Z
    FOR criticizing"), or None."""
    n = noun
    while n.dep_ in ("conj", "appos") and n.head.pos_ in ("NOUN", "PROPN") and n.head.i < n.i:
        n = n.head
    return n if n.i != noun.i and n.dep_ == "dobj" and n.head.pos_ == "VERB" else None


def _controller(head, seen: int):
    """Who acts in the clause a verb controls: its object ("urged Iran to halt") unless the verb commits its
    own subject ("offered to help") or the clause is the subject's purpose ("summoned the envoy to complain",
    ``purpose_verbs.txt``), the patient of a passive, else the verb's own subject."""
    obj = child(head, "dobj")
    if obj is not None and head.lemma_ not in ("offer", "promise", "agree", "vow", "pledge") and \
            head.lemma_.lower() not in word_set("events/purpose_verbs.txt"):
        return obj
    if is_passive(head):
        return child(head, "nsubjpass")
    return subject_of(head, seen + 1)


def purpose_aux(clause) -> bool:
    """Whether a clause is a to-infinitive (its auxiliary is "to")."""
    aux = child(clause, "aux")
    return aux is not None and aux.lower_ == "to"


def purpose(clause) -> bool:
    """A to-clause with no subject of its own: "blocked roads to press their demands"."""
    aux = child(clause, "aux")
    return aux is not None and aux.lower_ == "to" and child(clause, "nsubj") is None


def condition_mark(clause) -> str | None:
    """The "if" / "unless" / "until" ... that makes an adverbial clause a condition, if any."""
    for m in clause.children:
        if m.dep_ == "mark" and m.lower_ in CONDITION_WORDS:
            return m.lower_
    return None


# -- the clause a control verb takes -------------------------------------------------------------------------

def complement(tok):
    """The clause or event noun a control verb takes: "offered TO PROVIDE", "refused TO NEGOTIATE",
    "called FOR TALKS", "made it clear THAT ... HAVE TO RENOUNCE", "offer OF SAFETY"."""
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp", "acl") and c.pos_ in ("VERB", "AUX", "ADJ"):
            return c
    for c in tok.children:
        if c.dep_ == "advcl" and purpose(c):
            return c  # "have sworn to fight", parsed as an adverbial to-clause
    for c in tok.children:
        if c.dep_ in ("acomp", "oprd") and c.pos_ == "ADJ":
            inner = complement(c)
            if inner is not None:
                return inner
        if c.dep_ == "advcl" and tok.pos_ == "ADJ":
            return c
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "to", "on"):
            for p in c.children:
                if p.dep_ == "pcomp":
                    return p
                if p.dep_ == "pobj" and noun_event(p) is not None:
                    return p
    return None


def complement_event(comp):
    """The lexicon predicate heading a complement, descending through "have to", "be willing to"."""
    seen = 0
    cur = comp
    while cur is not None and seen < 3:
        ms = [m for m in match_token(cur) if m.entry.type not in ("LIGHT",)]
        if ms:
            return ms[0]
        nxt = None
        for c in cur.children:
            if c.dep_ in ("xcomp", "acomp", "ccomp") or (c.dep_ == "advcl" and cur.pos_ == "ADJ"):
                nxt = c
                break
        cur = nxt
        seen += 1
    return None


# -- what a coded predicate accounts for ---------------------------------------------------------------------

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


def prevented_act(tok) -> bool:
    """Whether a verb is the act a verb of keeping someone from it names in its "from" phrase ("banned X FROM
    HOLDING office", "prevented agencies FROM PROVIDING aid"; ``events/preventing_verbs.txt``): it does not
    happen, so it is no event."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "from" or tok.head.dep_ != "prep":
        return False
    gov = tok.head.head
    if gov.pos_ == "NOUN" and gov.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):  # "banned X from ...": the
        gov = gov.head  # parse may hang the phrase on the object
    return gov.lemma_.lower() in word_set("events/preventing_verbs.txt")


MEANS_PREPS = ("with", "in", "by", "through", "using")


def consume_means(consumed: set[int], tok, etype: str):
    """An event noun of the same type that tells how a verb's act was done is that act, not a second one:
    "killed a commander WITH A DRONE STRIKE", "attacked the town IN A RAID". Only for a verb whose doer is named
    (a passive "was killed in an Israeli air strike" keeps the strike, which names the doer). Returns the
    lexicon entry of the last such noun (its mode says how: "drone"), or None."""
    found = None
    obj = child(tok, "dobj")
    # the parse may hang the means on the object ("killed a commander WITH a drone strike")
    for p in [*tok.children, *(obj.children if obj is not None else ())]:
        if p.dep_ != "prep" or p.lower_ not in MEANS_PREPS:
            continue
        for noun in (c for c in p.children if c.dep_ == "pobj"):
            m = noun_event(noun)
            if m is not None and m.entry.type == etype:
                consumed.add(noun.i)
                found = m.entry
    return found


def deed_subject(tok, etype: str):
    """The lexicon entry of an event noun of the same type that is a verb's subject ("a SUICIDE BOMBING killed
    14"): its mode says how the verb's act was done. None when there is none."""
    subj = child(tok, "nsubj")
    m = noun_event(subj) if subj is not None else None
    return m.entry if m is not None and m.entry.type == etype else None


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


# -- order and weight of the clauses of a sentence ---------------------------------------------------------

def visit_order(sent) -> list:
    """The tokens of a sentence from the top of the parse down (then in text order)."""
    depth = depths(sent)
    return sorted(sent, key=lambda t: (depth[t.i], t.i))


def depths(sent) -> dict[int, int]:
    """Depth in the parse tree of every token of a sentence, each computed once from its head's."""
    out: dict[int, int] = {}
    for tok in sent:
        chain = []
        top = tok
        if top.i not in out:
            for head in ancestors(tok, limit=50):
                chain.append(top.i)
                top = head
                if top.i in out:
                    break
        d = out.get(top.i, 0)
        out.setdefault(top.i, d)
        for i in reversed(chain):
            d += 1
            out[i] = d
    return out


def prominence(tok, reporting) -> float:
    """Main-clause events are what a sentence reports; events in relative or adverbial clauses are
    background, and more often mis-typed."""
    for cur in [tok, *ancestors(tok, limit=40)]:
        if is_root(cur):
            break
        if cur.dep_ in ("relcl", "acl", "advcl", "pobj", "pcomp"):
            return -0.1
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() not in reporting:
            return -0.05
    return 0.05
