"""Whether a coded predicate reports an event at all, once its arguments are read.

``reports_event`` drops a predicate with no participant, a description ("militiamen armed with machetes"), a
meeting, deal or signing with one side only ("the bank lost 0.9% on two deals"), a support no one gives
("his life support was turned off") and a visit with no host. A killing told in the passive with no agent,
done only to people named by a common noun, may be an accident (``maybe_accident``), unless it was done in an
attack (``in_attack``). A passive, agentless use of force or arrest on a person is still an event
(``force_on_someone``: "the accused was arrested"), for the modes that name a deliberate act
(``DELIBERATE_MODES``), also when the people are only counted ("more than 200 were detained", the headline
"Hundreds detained after riots"); so is a protest told as breaking out (``outbreak``: "protests erupted in the capital"). A
halt done to no one is no sanction (``halted_for_no_one``: "suspended his campaign").
"""

from __future__ import annotations

from ..data import word_set
from .draft import Draft
from .passive import headline_passive, is_passive, patient_of
from .resolve import namable, person_nouns
from .subjects import main_verb_of_noun_root, subject_of
from .syntax import child, counted, counts
from ..word_classes import first_class
from .triggers import noun_event

# Modes of force, arrest and charging that someone must have done on purpose: their passive, agentless telling
# is still an event (``force_on_someone``); killing, wounding and blasts may be accidents.
DELIBERATE_MODES = {"firearms", "beat", "torture", "crowd-control", "targeted", "abduct", "sexual", "arrest", "allege"}


def pact(obj) -> bool:
    """Whether a noun names a written pact between parties (``events/pact_nouns.txt``: treaty, deal, accord), or
    a text signed jointly ("a joint statement")."""
    return obj is not None and (obj.lemma_.lower() in word_set("events/pact_nouns.txt") or
                                any(c.lower_ == "joint" for c in obj.children))


def several(tok) -> bool:
    """Whether a verb's subject is a plural noun counted as several ("THE TWO leaders met", "BOTH sides
    talked")."""
    subj = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.tag_ != "NNS":
        return False
    return any((c.dep_ == "nummod" and c.lower_ not in ("one", "1")) or c.lower_ == "both" for c in subj.children)


def reports_event(d: Draft) -> bool:
    """False for a predicate with no participant, a description ("a bill signed by the minister") or a
    one-sided meeting ("we're talking about a Senate that ...")."""
    tok, e = d.match.tok, d.match.entry
    if not d.source.actors and not d.target.actors and "source_text" not in d.attrs \
            and not force_on_someone(d) and not outbreak(d) and not force_told_by_noun(d):
        return False
    if not d.source.actors and d.target.actors and maybe_accident(d):
        return False
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and d.type not in ("ASSAULT", "COERCE") and \
            not main_verb_of_noun_root(tok):
        return False  # "militiamen armed with machetes": description, not news
    if (d.type == "CONSULT" or d.type == "COOPERATE" and e.pos == "V" or d.type == "AGREE" and e.pos == "N") \
            and e.frame == "recip" and \
            len(d.source.actors) < 2 and not d.target.actors and "target_text" not in d.attrs and \
            d.mode != "multilateral" and not several(tok):
        return False  # a meeting, a deal or working together needs two sides ("the two leaders met" names
        # them together; "the bank lost 0.9% on two deals", "a pleasure to work with such drivers" name one)
    if d.type == "SUPPORT" and e.pos == "N" and not d.target.actors and "target_text" not in d.attrs and \
            not any(c.dep_ == "prep" and c.lower_ in ("for", "of", "behind", "to", "with", "on") or
                    c.dep_ in ("relcl", "acl") for c in
                    list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" else [])):
        return False  # "his life support was turned off", "the right support at a hard time": no one backed
        # ("threw his support BEHIND Clinton" backs her)
    if d.mode == "visit" and e.pos == "V" and not has_host(d):
        return False
    if e.pattern == "sign" and e.pos == "V" and len(d.source.actors) < 2 and \
            not d.target.actors and not several(tok) and not pact(child(tok, "dobj", "nsubjpass")):
        return False  # "signed a proclamation", "has signed 18 bills": no one to agree with
    return True


# Verbs that say a protest broke out, told of the protest itself (not "unrest CONTINUES": no new event): "protests ERUPTED in the capital", "a strike
# BEGAN on Monday".
OUTBREAK_VERBS = {"erupt", "break", "begin", "start", "spread", "resume", "flare", "escalate"}


OWN = {"his", "her", "its", "their", "our", "my"}


def halted_for_no_one(d: Draft) -> bool:
    """A halt of one's own doings, done to no one ("suspended HIS campaign", "halted all paid SPEECHES", "cancelled
    the rest of ITS tour"): a sanction withholds something from someone (relations, aid, talks, deliveries), so
    with no target, named or kept as text, and an object that is the actor's own or is words, it is no event
    ("Russia halted gas deliveries" stays). So is a closing of one's own words ("closed HER SPEECH with a
    tribute"; "closed its borders", "shut down the newspaper" stay). Checked once the targets are all found."""
    from .senses import speech

    obj = child(d.match.tok, "dobj", "nsubjpass") if d.match.entry.pos == "V" else None
    if d.type == "COERCE" and d.mode == "restrict":  # whoever the words are about; "shut the newspaper" stays
        return speech(obj) and any(c.dep_ == "poss" and c.lower_ in OWN for c in obj.children)
    if d.type != "SANCTION" or d.mode != "discontinue" or d.target.actors or "target_text" in d.attrs:
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("with", "to", "for", "from", "on", "against", "between")
           for c in list(d.match.tok.children) + (list(obj.children) if obj is not None else [])):
        return False  # "suspended its cooperation WITH the agency": a party it is withheld from
    if obj is None:
        return d.match.entry.pos == "V"
    return any(t.dep_ == "poss" and t.lower_ in OWN for t in obj.subtree) or speech(obj)


def outbreak(d: Draft) -> bool:
    """A protest told as breaking out, with no one named ("protests erupted across the capital", "a general
    strike began on Monday"): the crowd is the source, unnamed, and the protest still an event."""
    tok = d.match.tok
    return d.type == "PROTEST" and d.match.entry.pos == "N" and tok.dep_ == "nsubj" and \
        tok.head.lemma_.lower() in OUTBREAK_VERBS or gathering(d)


# Verbs of gathering, beside those WordNet files first as verbs of motion ("poured", "flocked", "marched").
GATHERING_VERBS = {"gather", "assemble", "congregate", "converge", "mass", "rally", "crowd"}
# Verbs of motion that tell a crowd going away, not coming together.
LEAVING_VERBS = {"leave", "flee", "escape", "disperse", "retreat", "withdraw", "return", "evacuate", "scatter", "go",
                 "run", "quit", "depart", "vanish", "fall", "drive", "fly", "travel", "move"}


def gathering(d: Draft) -> bool:
    """Protesters told as gathering or moving in a crowd, with no one named ("thousands of protesters GATHERED in
    the capital", "demonstrators POURED into the streets"): the crowd is the source, unnamed, and the protest an
    event. The verb is one of gathering or, by WordNet's first sense, of motion, and not one of going away."""
    tok = d.match.tok
    if d.type != "PROTEST" or d.match.entry.pos != "N" or not {tok.lemma_.lower(), tok.lower_} & person_nouns():
        return False
    subj = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and counts(tok.head.head):
        subj = tok.head.head  # "THOUSANDS of protesters gathered"
    verb = subj.head
    if subj.dep_ != "nsubj" or verb.pos_ != "VERB":
        return False
    word = verb.lemma_.lower()
    return word not in LEAVING_VERBS and (word in GATHERING_VERBS or first_class("verb", word) == "motion")


def has_host(d: Draft) -> bool:
    """Whether a visit names whom or where it visits: an actor, or a named place as its object ("visited
    Hiroshima"); "a woman visiting from Canada" and "soldiers visiting a local market" name no host."""
    tok = d.match.tok
    host = child(tok, "dobj") or next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                                       for p in c.children if p.dep_ == "pobj"), None)
    if host is None:
        return bool(d.target.actors) and tok.dep_ != "acl"
    return bool(d.target.actors) or host.ent_type_ in ("GPE", "LOC", "FAC")


def maybe_accident(d: Draft) -> bool:
    """A killing or injury told in the passive with no agent, done only to people the text names by a
    common noun alone ("a woman was injured when a gas cylinder exploded"): it may be an accident, so it is
    no event, as when no actor is named (``force_on_someone``); soldiers, police or civilians (a sector)
    and named people keep it."""
    tok = d.match.tok
    if d.type != "ASSAULT" or d.mode in DELIBERATE_MODES or d.match.entry.pos != "V" or not is_passive(tok):
        return False
    if child(tok, "agent") is not None or in_attack(tok):
        return False
    return all(getattr(a, "generic", False) and not a.sector and not a.country for a in d.target.actors)


def in_attack(tok) -> bool:
    """Whether a passive killing or injury is told as done in or by an attack ("were killed IN THE AIRSTRIKE
    on the school", "wounded in clashes"): someone did it, so it is no accident."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "by", "during") and
               any(p.dep_ == "pobj" and (ev := noun_event(p)) is not None and ev.entry.type == "ASSAULT"
                   for p in c.children) for c in tok.children)


def force_on_someone(d: Draft) -> bool:
    """A use of force or an arrest told in the passive with no agent, done to a person the actors stage has
    no actor for ("the accused was arrested on Monday", "a youth was shot dead"): regional crime news tells
    police action this way, and the act is an event although no actor is named. Only modes that name a
    deliberate act (``DELIBERATE_MODES``): "a man was killed when his car hit a truck" is no event."""
    tok = d.match.tok
    reduced = tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN", "NUM")
    if d.mode not in DELIBERATE_MODES or d.match.entry.pos != "V" or d.source.actors or \
            not (reduced or is_passive(tok)):
        return False
    patient = tok.head if reduced else patient_of(tok) if headline_passive(tok) else child(tok, "nsubjpass")
    return patient is not None and (patient.pos_ == "PRON" and patient.lower_ not in ("it", "this", "that")
                                    or namable(patient) or people(patient))


def people(tok) -> bool:
    """Whether a noun names people: a person noun ("the accused", "protesters"), or an amount of them that
    counts nothing else ("HUNDREDS were detained", "more than 200 were arrested", "dozens of students"; not
    "hundreds of rounds")."""
    if {tok.lemma_.lower(), tok.lower_} & person_nouns():
        return True
    if not counts(tok):
        return False
    what = counted(tok)
    return what is None or people(what)


def force_told_by_noun(d: Draft) -> bool:
    """An arrest or a deliberate use of force told by its noun with no one named ("human rights groups reported
    arbitrary ARRESTS in the north", "mass DETENTIONS continue"): only a state's forces do it, and the deed is an
    event although no actor is named, as its agentless passive is (``force_on_someone``)."""
    return d.match.entry.pos == "N" and d.type in ("COERCE", "ASSAULT") and d.mode in DELIBERATE_MODES
