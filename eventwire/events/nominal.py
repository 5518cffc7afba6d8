"""Nominal and light-verb events: "Karzai's offer", "Israel's attack on Gaza", "talks between X and Y",
"held talks with X", "launched a mediation effort between X and Y".

An event noun takes its source from its possessor, "by" phrase, modifier or "from" phrase and its target from
its prepositional objects (``arguments.noun_agent`` / ``noun_target``). As the object of a light verb
("held", "launched", "made") the verb's subject is the source: the mediator acts and the parties are the
targets. As the object of a verb of receiving ("won concessions FROM the government", "received aid from X",
"gained the backing OF Rwanda") the verb's subject is the target and the giver the source (``_received``).
Whether a noun codes an event of its own at all is ``triggers.noun_can_stand``.
"""

from __future__ import annotations

from ..data import word_set
from .arguments import doer_verbs, noun_agent, noun_target, verb_args
from .handover import CONVEYING, RECIPIENT_PREPS
from .draft import Match, Work
from .lexicon import Entry
from .passive import is_passive, passive_agent
from .resolve import Resolved, resolve
from .subjects import subject_of
from .syntax import hyphen_pair, pobjs
from .triggers import death_by, match_token, participation_verb, undergoing_verb
from .unidentified import claimer
from .syntax import child


# Verbs whose subject causes what their phrase names, not does it ("the decision LED TO the protests").
CAUSING = {"lead", "result", "contribute", "give", "cause", "spark", "trigger", "prompt", "provoke", "fuel"}
# Verbs whose subject answers what their "to" phrase names, someone else's deed ("RESPONDED TO accusations").
RESPONDING = {"respond", "react", "reply", "retort"}


# Relations a headline's bare object may get from the tagger ("launches offensive": acomp, "mount offensive": advmod).
BARE_OBJECT = ("acomp", "advmod", "oprd")


def noun_frame(w: Work, m: Match) -> tuple[Resolved, Resolved, object]:
    """(source, target, the token whose clause carries the event's modality) of an event noun."""
    tok = m.tok
    src = noun_agent(w, tok)
    tgt = noun_target(w, tok)
    src, tgt = _hyphen_pair(w, tok, m.entry, src, tgt)
    where = tok
    w.last_args = (None, None)
    obj = first_conjunct(tok)  # "launched air and artillery strikes on X": the strikes are launched too
    if not tgt.actors and obj.i != tok.i:
        tgt = noun_target(w, obj)
    bare = obj.dep_ in BARE_OBJECT and obj.i > obj.head.i  # "Army launches OFFENSIVE": read as an adjective
    if (obj.dep_ in ("dobj", "attr") or bare) and obj.head.i not in w.consumed:
        verb = obj.head
        light = [x for x in match_token(verb) if x.entry.type == "LIGHT"]
        if not light and not src.actors and verb.pos_ == "VERB" and verb.lemma_.lower() in doer_verbs() \
                and not [x for x in match_token(verb) if x.entry.type not in ("LIGHT", "NONE")]:
            light = [Match(verb, DOER)]
        if light:
            src, tgt = _light_verb(w, verb, light[0], src, tgt)
            where = verb
        elif verb.pos_ == "VERB" and verb.lemma_.lower() in word_set("events/undergoer_verbs.txt"):
            # "the former minister faces charges", "the town suffered an attack": the subject undergoes it
            s_tok = subject_of(verb)
            under = resolve(w.story, s_tok)
            if under.actors and set(under.ids()) - set(src.ids()):
                tgt, where = under, verb
                w.consumed.add(verb.i)
                w.last_args = (None, s_tok)
    elif tok.dep_ == "pobj" and not src.actors and claimer(tok) is not None:
        # "Hamas claimed responsibility for AN ATTACK on soldiers": the attack is theirs
        s_tok = claimer(tok)
        src, where = resolve(w.story, s_tok), s_tok.head
        w.last_args = (s_tok, None)
    elif tok.dep_ == "pobj" and not src.actors and tok.head.head.dep_ == "acomp" \
            and tok.head.head.lemma_.lower() in ANSWERABLE:
        # "Kony and the LRA are responsible for mass killings": the subject did it
        s_tok = subject_of(tok.head.head.head)
        src = resolve(w.story, s_tok)
        where = tok.head.head.head
        w.last_args = (s_tok, None)
    elif tok.dep_ == "pobj" and death_by(tok) is not None:
        # "died in a targeted attack by gunmen", "died after torture": the one who died is its target
        verb = death_by(tok)
        v_tok = child(verb, "nsubj", "nsubjpass")
        if not tgt.actors and v_tok is not None:
            tgt = resolve(w.story, v_tok)
        where = verb
        w.last_args = (None, v_tok)
        if not src.actors:
            src = _custodian(w, verb)
    elif tok.dep_ == "pobj" and not src.actors and tok.head.lower_ == "on" \
            and tok.head.head.pos_ in ("NOUN", "PROPN") and tok.head.dep_ == "prep":
        # "an activist ON HUNGER STRIKE", "workers on strike": the people the phrase describes do it
        src = resolve(w.story, tok.head.head)
        w.last_args = (tok.head.head, None)
    elif undergoing_verb(tok) is not None:
        # "the convoy came under attack from X", "the village was the target of an attack by X": the subject
        # undergoes the deed; its doer is the noun's, or the verb's "from"/"by" phrase
        verb = undergoing_verb(tok)
        s_tok = subject_of(verb)
        tgt = resolve(w.story, s_tok) if not tgt.actors else tgt
        for _p, c in pobjs(verb, ("from", "by")) if not src.actors else ():
            src = resolve(w.story, c)
        where = verb
        w.last_args = (None, s_tok)
    elif tok.dep_ == "pobj" and (not src.actors and tok.head.head.pos_ in ("VERB", "AUX")
                                 and tok.head.head.lemma_.lower() not in CAUSING
                                 or participation_verb(tok) is not None):
        # "were converging for a rally in Lagos", "took part in a strike": the rally, the strike is theirs
        verb = participation_verb(tok) or tok.head.head
        if verb.lemma_.lower() in RESPONDING and tok.head.lower_ == "to" and verb.i == tok.head.head.i:
            # "the senator responded to accusations that he lied": the accusations are aimed at him, not his
            s_tok = subject_of(verb)
            if not tgt.actors:
                tgt = resolve(w.story, s_tok)
            w.last_args = (None, s_tok)
            return src, tgt, where
        # a passive verb's subject undergoes it: "was arrested ON CHARGES" are not the arrested man's
        s_tok = passive_agent(verb) if is_passive(verb) else subject_of(verb)
        src = resolve(w.story, s_tok)
        w.last_args = (s_tok, None)
    if where is tok and obj.dep_ == "dobj" and obj.head.pos_ == "VERB" and obj.head.lemma_.lower() in RECEIVING \
            and not any(d.match.tok.i == obj.head.i for d in w.drafts):
        got = _received(w, obj, obj.head, src, m.entry.type)  # "Ukraine RECEIVED military aid from Japan": Japan's aid
        src, tgt, where = got if got is not None else (src, tgt, where)
    if m.entry.type in CONVEYING:
        tgt = _destination(w, tok, m.entry.type, src) or tgt
    if m.entry.frame == "recip" and not tgt.actors and len(src.actors) < 2:
        for _p, c in pobjs(tok, ("with",)):
            tgt = resolve(w.story, c)
    return src, tgt, where


# Verbs whose subject gets what their object names from someone else ("WON concessions from the government",
# "RECEIVED military aid from Japan", "GAINED the support of Uganda").
RECEIVING = {"receive", "win", "gain", "secure", "obtain", "get", "extract", "wring", "earn", "garner"}
STANCES = {"SUPPORT", "AGREE"}  # event nouns whose "of" phrase names who takes the stance ("the backing OF the army")


def _received(w: Work, obj, verb, src: Resolved, etype: str) -> tuple[Resolved, Resolved, object] | None:
    """(source, target, where) of an event noun its verb's subject receives: the subject is the target; the giver
    is the verb's "from" phrase, the "of" phrase of a stance ("the support OF Uganda") or the noun's own doer
    ("Uganda's support"). A side the subject already is is no source. None when the subject names no actor, or
    when the "of" phrase is what the deed is done to ("secured the release OF the detainees": not the
    subject's)."""
    of = [c for _p, c in pobjs(obj, ("of",))]
    if of and etype not in STANCES:
        return None
    s_tok = subject_of(verb)
    under = resolve(w.story, s_tok)
    if not under.actors:
        return None
    giver = next((r for _p, c in [*pobjs(verb, ("from",)), *pobjs(obj, ("from",))] + [(None, c) for c in of]
                  if (r := resolve(w.story, c)).actors), src)
    if set(giver.ids()) & set(under.ids()):
        giver = Resolved()
    w.consumed.add(verb.i)
    w.last_args = (None, s_tok)
    return giver, under, verb


def _destination(w: Work, tok, etype: str, src: Resolved) -> Resolved | None:
    """Where a deployment, withdrawal or hand-over named by a noun goes, or what it leaves: "the deployment of
    230 troops TO LIBERIA", "its withdrawal of troops FROM IRAQ" (the troops are what is sent), or None."""
    preps = RECIPIENT_PREPS + (("from",) if etype == "RETREAT" else ())
    heads = [tok] + [c for _p, c in pobjs(tok, ("of",))]
    if tok.dep_ == "dobj":  # "announced the deployment of troops ... TO LIBERIA"
        heads.append(tok.head)
    for h in heads:
        for _p, c in pobjs(h, preps):
            r = resolve(w.story, c)
            if r.actors and set(r.ids()) - set(src.ids()):
                return r
    return None


# Adjectives that make the subject of "be" the doer of the event noun they govern ("are responsible for the
# killings", "was guilty of torture").
ANSWERABLE = {"responsible", "accountable", "guilty", "culpable"}

# Where people are held: who holds them did what they died of ("died of torture while in ISRAELI POLICE
# custody", "died after torture in a prison in Iran").
CUSTODY = {"custody", "detention", "captivity", "prison", "jail", "cell", "centre", "center"}


def _custodian(w: Work, verb) -> Resolved:
    """The actor holding someone who died: named on, or in, the place of custody under the verb of dying."""
    for t in verb.subtree:
        if t.lemma_.lower() in CUSTODY and t.pos_ == "NOUN":
            r = resolve(w.story, t)
            if not r.actors:
                r = next((resolve(w.story, c) for _p, c in pobjs(t, ("in", "of")) if resolve(w.story, c).actors),
                         Resolved())
            if r.actors:
                return r
    return Resolved()


DOER = Entry("", (), "V", "LIGHT", "", "", "sv", 0)


def _hyphen_pair(w: Work, tok, e: Entry, src: Resolved, tgt: Resolved) -> tuple[Resolved, Resolved]:
    """The sides of an event noun a hyphenated pair of actors modifies: both are its sources when the act is
    reciprocal ("India-Pakistan talks resumed": they met), else the first acts on the second ("the
    U.S.-China trade war")."""
    pair = hyphen_pair(tok)
    if pair is None:
        return src, tgt
    one, two = (resolve(w.story, t) for t in pair)
    if not one.actors or not two.actors or set(one.ids()) & set(two.ids()) or \
            set(src.ids()) - set(one.ids()) - set(two.ids()):
        return src, tgt  # "Saudi-led", "the Turkish-backed rebels": one actor; or the noun has a doer of its own
    if e.frame == "recip":
        both = Resolved(one.actors + two.actors, False, {**two.at, **one.at})
        return both, tgt
    return one, (tgt if tgt.actors else two)


def first_conjunct(tok):
    """The first of coordinated nouns ("air and artillery STRIKES": air), which carries their relation."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i < tok.i:
        tok = tok.head
    return tok


def _light_verb(w: Work, verb, light: Match, src: Resolved, tgt: Resolved) -> tuple[Resolved, Resolved]:
    """The object of a light verb takes the verb's subject as its source ("held talks with X"); the noun's
    own agent then becomes the target when it names someone else ("launched a mediation effort between X and
    Y")."""
    vsrc, vtgt, _ = verb_args(w, verb, light.entry)
    if vsrc.actors:
        if not tgt.actors and src.actors and set(src.ids()) != set(vsrc.ids()):
            tgt = src
        src = vsrc
    if not tgt.actors:
        tgt = vtgt
    w.consumed.add(verb.i)
    w.last_args = (w.last_args[0], None)
    return src, tgt
