"""Subjects: the token that names who acts for a predicate (``subject_of``).

It looks through control ("urged Iran to halt": Iran; ``events/purpose_verbs.txt`` for "summoned the envoy to
complain"), coordination, relative clauses, participles and purpose clauses, and past parse slips: a subject
hung on the auxiliary, a main verb read as a modifier of its subject noun (``main_verb_of_noun_root``), a
subordinate clause read as a prepositional phrase (``subordinate_subject``) and a clause the parse split in
two (``continues_clause``).
"""

from __future__ import annotations

from ..data import word_set
from ..tree import ancestors, is_root
from ..word_classes import first_class
from .complements import purpose_aux
from .passive import agent_of, is_passive
from .resolve import RELATIVE, namable
from .syntax import child

# Verbs that tell who said the news ("X overran a base, officials SAID, killing 17 soldiers"): a participle
# clause the parse hung on them continues the news they report, not the saying.
SAYING = {"say", "tell", "add", "report", "state", "announce", "confirm"}
PERSONAL = {"me", "you", "him", "her", "us", "them"}  # pronouns for people urged or asked to act


def main_verb_of_noun_root(tok) -> bool:
    """A sentence the parser rooted on its subject noun: "The air force carried out three strikes" read as a
    noun phrase with the verb as its modifier. A participle with an object of its own, a participle of a verb
    that takes none (``_only_intransitive``), or a finite verb, on such a root is the sentence's main verb and
    the root noun its subject."""
    head = tok.head
    return tok.dep_ == "acl" and is_root(head) and head.pos_ in ("NOUN", "PROPN") and head.i < tok.i \
        and agent_of(tok) is None and (tok.tag_ in ("VBD", "VBZ", "VBP") or child(tok, "dobj") is not None
                                       or (tok.tag_ == "VBN" and _only_intransitive(tok)))


def _only_intransitive(tok) -> bool:
    """Whether a participle is of an event verb the lexicon takes only without an object ("Up to 20,000 people
    PROTESTED across the country", read as "people protested" the modifier): it cannot be a passive on its noun."""
    from .lexicon import by_head

    return child(tok, "dobj") is None and any(e.frame == "intr" and e.type != "NONE" and not e.extra
                                              for e in by_head().get((tok.lemma_.lower(), "V"), ()))


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
        up = subject_of(tok.head, seen + 1)
        if up is None and tok.tag_ in ("VBZ", "VBP") and child(tok.head, "nsubjpass") is not None:
            return child(tok.head, "nsubjpass")  # "X was taken to A and IS now on hunger strike": a present
            # tense verb is active, its subject the one the passive before it was done to
        return up
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
        sender = message_sender(tok, seen)
        return sender if sender is not None else tok.head
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


def object_or_sender(tok, s, named):
    """Who does a clause its governing verb's object is read to control: an object that names no actor
    (``named`` tells) leaves the act to the sender ("sent 21 PERSONNEL to investigate"), unless it is a
    person or a pronoun urged, asked or encouraged to act ("encouraged THE DEFENDANT to attack a police
    station", "urged HIM to"); a verb that only sends or deploys (no control frame in the lexicon) sends them."""
    if s is None or tok.dep_ != "xcomp" or s.i == tok.i or s.dep_ != "dobj" or named(s):
        return s
    if s.lower_ in PERSONAL or first_class("noun", s.lemma_.lower()) == "person":  # not "WHAT I have seen working"
        from .lexicon import by_head

        frames = {e.frame for e in by_head().get((tok.head.lemma_.lower(), "V"), ())}
        if "ctl" in frames or not frames:
            return s
    return subject_of(tok.head) or s


def message_sender(tok, seen: int = 0):
    """The sender of a message a participle describes, when the parse hung the participle on the message's
    recipient: "sent a letter TO THE UGANDAN LEADER condemning the attack", "wrote to the UN chief urging
    him to act" (the sender condemns and urges, not the recipient). The recipient is the object of a "to"
    phrase on a word for a message ("letter", "statement": WordNet communication nouns) or on a verb that
    sends one (a communication verb, or a verb whose object before "to" is such a noun). Else None."""
    noun = tok.head
    prep = noun.head
    if tok.tag_ != "VBG" or noun.dep_ not in ("pobj",) or prep.lower_ != "to" or prep.dep_ not in ("prep", "dative"):
        return None
    carrier = prep.head
    if carrier.pos_ == "NOUN" and _message_noun(carrier):
        verb = carrier.head if carrier.dep_ in ("dobj", "nsubjpass") else None
    elif carrier.pos_ == "VERB":
        obj = child(carrier, "dobj")
        verb = carrier if (obj is not None and obj.i < prep.i and _message_noun(obj)) or \
            (obj is None and first_class("verb", carrier.lemma_.lower()) == "communication") else None
    else:
        verb = None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    return subject_of(verb, seen + 1)


def _message_noun(tok) -> bool:
    """Whether a noun names a message (its commonest WordNet sense is a communication: "letter", "note")."""
    return first_class("noun", tok.lemma_.lower()) == "communication"


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
    FOR criticizing"), or the object itself the parse hung it on ("blacklisted three COMPANIES for supplying
    drones"), or None."""
    n = noun
    while n.dep_ in ("conj", "appos") and n.head.pos_ in ("NOUN", "PROPN") and n.head.i < n.i:
        n = n.head
    return n if n.dep_ == "dobj" and n.head.pos_ == "VERB" else None


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
