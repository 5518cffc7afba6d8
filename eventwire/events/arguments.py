"""Arguments of a predicate: who acts (source) and who is acted on (target), from the parse.

- a verb's subject is the source, its object, indirect object or prepositional object the target; a passive
  takes the source from the "by" agent; a verb with no subject of its own takes it from its controller or its
  coordinated verb (``subjects.subject_of``)
- an event noun in argument position stands for whoever carries it out ("rejected Karzai's offer": target
  Karzai), and is then not coded again on its own
- with no recipient named, a place the predicate acts in may stand for it (``place_targets.py``)

Heads are resolved to actors by ``resolve.py``. Every function takes the ``Work`` of the story being coded;
``verb_args`` records the (subject, object) tokens it read in ``w.last_args``."""

from __future__ import annotations

from ..data import word_set
from . import modality
from .passive import agent_of, is_passive, passive_agent, patient_of
from .subjects import main_verb_of_noun_root, object_or_sender, subject_of
from .draft import Work
from .lexicon import Entry
from .conjuncts import place_conjuncts, shared_object, stray_conjuncts
from .deep import deep_target
from .handover import CONVEYING, RECIPIENT_PREPS, conveyed, force_noun, forces
from .owners import made_by, owner_source
from .place_targets import place_actor
from .senses import noun_class
from .resolve import THIRD_PLURAL, Resolved, all_at, city_word, kin_noun, namable, resolve
from .syntax import ally_phrase, child, pobjs
from .triggers import names_deed, noun_event, undergone_gerund
from .undergone import own_possessor, undergone_by

# Prepositions whose object is acted on; "in", "at" and "near" mostly give the place, unless the lexicon
# pattern names them ("fire at", "shoot at").
TARGET_PREPS = ("to", "with", "against", "on", "into", "toward", "towards", "upon", "over", "for", "from")
NOUN_TARGET_PREPS = ("on", "against", "to", "with", "at", "toward", "towards", "for", "of", "upon", "into")
RELATIVE_SUBJECTS = {"who", "which", "that"}


# -- arguments of an event noun ----------------------------------------------------------------------------

def noun_agent(w: Work, tok) -> Resolved:
    """Who carries out a nominal event: "Karzai's offer", "the offer by Karzai", "Israeli strikes", and a
    "by" phrase the parse hung on the noun's object ("the arrest of the leader BY POLICE")."""
    candidates = [own_possessor(tok, w.story), agent_of(tok)]  # not "Karzai's BROTHER", "Navalny's ARREST"
    # a deed it is aimed at has a doer of its own: "a protest against the killing BY POLICE" is not theirs
    candidates += [agent_of(c) for p, c in pobjs(tok, ("of", "on", "against")) if p == "of" or noun_event(c) is None]
    candidates += [agent_of(c) for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                   and not _own_event(c)]  # "the offer made BY X"; not "the attack, condemned BY X"
    candidates += [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                   and not city_word(c)]  # "Israeli strikes", "US raids"; "a Kabul bombing" is where, not who
    candidates += [c for _p, c in pobjs(tok, ("from",))]  # "an offer from Afghanistan"
    candidates += [c for _p, c in pobjs(tok, ("between", "among"))]
    for c in candidates:
        if c is None:
            continue
        r = resolve(w.story, c)
        if r.actors and c.dep_ == "poss":
            r = _shared_possessor(w, tok, c, r)
        if r.actors:
            return r
    return Resolved()


def _own_event(verb) -> bool:
    """Whether a participle names an event of its own ("the attack, CONDEMNED by the UN"), so its agent is
    not the doer of the noun it describes."""
    from .lexicon import by_head

    return any(e.type not in ("LIGHT", "NONE") and not e.extra for e in by_head().get((verb.lemma_.lower(), "V"), ()))


def _shared_possessor(w: Work, tok, poss, r: Resolved) -> Resolved:
    """"Russia and China's veto", parsed as "Russia" and "China's veto" coordinated: the name before "and" owns
    the deed too."""
    first = tok.head
    if tok.dep_ != "conj" or first.pos_ != "PROPN" or not (first.i < poss.i) or \
            any(t.lower_ not in ("and", ",") for t in tok.doc[first.i + 1:poss.left_edge.i]):
        return r
    more = resolve(w.story, first)
    out = Resolved(list(more.actors) + [a for a in r.actors if a not in more.actors], r.guessed, dict(r.at))
    out.at.update(more.at)
    return out


def noun_target(w: Work, tok, exclude=()) -> Resolved:
    """Who a nominal event is aimed at: "Israel's attack ON GAZA", "talks WITH the rebels", a target phrase the parse
    hung on the "by" agent ("the attack by rebels ON THE CITY") or on a clause on the noun ("sanctions imposed ON
    IRAN by X", "the sanctions it imposed ON BELARUS": not X, who imposed them)."""
    found = undergone_by(tok, w.story) + list(pobjs(tok, NOUN_TARGET_PREPS))  # "Navalny's ARREST": done to him
    ag = agent_of(tok)
    found += [(p, c) for p, c in pobjs(ag, ("on", "against", "upon", "into")) if c.i > ag.i] if ag is not None else []
    found += [x for v in tok.children if v.dep_ in ("acl", "relcl") for x in pobjs(v, ("on", "against", "upon"))]
    for _p, c in found:
        if c.i in exclude:
            continue
        r = arg_np(w, c)
        if r.actors:
            return r
    return Resolved()


def arg_np(w: Work, tok, depth: int = 0) -> Resolved:
    """The actors of an argument noun phrase. An event noun stands for whoever carries it out
    ("rejected Karzai's offer": Karzai) and is not coded again on its own; a noun with no actor of its
    own may name one through "by" ("remarks by President Karzai")."""
    if tok is None:
        return Resolved()
    if names_deed(tok):
        r = noun_agent(w, tok)
        if not r.actors:
            r = noun_target(w, tok)
        if r.actors:
            w.consumed.add(tok.i)
        return r
    r = resolve(w.story, tok)
    if not r.actors and tok.pos_ == "NOUN":
        ag = agent_of(tok)
        if ag is not None:
            r = resolve(w.story, ag)
    if not r.actors and tok.pos_ == "NOUN":
        r = made_by(w.story, tok)
    if not r.actors and tok.pos_ == "NOUN" and depth < 2 and not kin_noun(tok):  # not "the BROTHER of X"
        # "threatened further action against Russia", "offered its troops to Lebanon's President",
        # "provide 70 million dollars of aid for Romania": the object's own recipient
        for _p, c in pobjs(tok, ("against", "to", "for", "on", "of", "toward", "towards")):
            r = arg_np(w, c, depth + 1)
            if r.actors:
                break
    return r


# -- arguments of a verb -----------------------------------------------------------------------------------

def verb_args(w: Work, tok, entry: Entry):
    """(source, target, object token) of a verbal predicate."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN", "PRON") and \
            not main_verb_of_noun_root(tok):
        # "people shot and killed by police": a passive participle on its patient
        ag = agent_of(tok)
        w.last_args = (ag, tok.head)
        src, tgt = resolve(w.story, ag), arg_np(w, tok.head)
        return src, tgt, tok.head
    if is_passive(tok):
        ag = passive_agent(tok)
        obj = patient_of(tok)
        against = next((c for _p, c in pobjs(tok, ("against",))), None)
        if against is not None and obj is not None and (obj.lower_ in entry.extra or obj.lemma_.lower() in entry.extra):
            obj = against  # "an FIR has been registered AGAINST THE SARPANCH": the pattern's own noun is no target
        src, tgt = resolve(w.story, ag), arg_np(w, obj)
        if obj is not None and entry.type in CONVEYING and (not tgt.actors or conveyed(w, obj, src)):
            # "a sarcophagus was returned TO EGYPT", "a bookmark, a gift from X, was returned TO THE AUTHORITIES"
            rec = _recipient(w, tok, obj, src, True)
            tgt = rec if rec.actors else tgt
        tgt = _deed_target(w, tok, obj, tgt)
        if not src.actors:  # "UN sanctions against Iran were lifted": the deed's own doer ends it
            src = _deed_source(w, tok, obj, tgt)
        w.last_args = (ag, obj)
        return src, tgt, obj
    under = undergone_gerund(tok)
    if under is not None:
        # "troops came under shelling BY REBELS": the subject undergoes it, the "by" / "from" phrase does it
        s_tok, ag = subject_of(under), next((c for _p, c in pobjs(tok, ("by", "from"))), None)
        w.last_args = (ag, s_tok)
        return arg_np(w, ag), arg_np(w, s_tok), s_tok
    s, src = _verb_source(w, tok)
    obj = (child(tok, "dobj", "attr") or shared_object(tok, entry.type)) if entry.type != "LIGHT" else None
    if obj is not None and obj.lower_ in ("which", "whom", "who") and tok.dep_ == "relcl":
        obj = tok.head  # "sanctions on Moscow, WHICH it accuses of meddling": the noun the clause is on
    tgt = _verb_target(w, tok, entry, obj, src)
    w.last_args = (s, obj)
    return src, tgt, obj


def _verb_source(w: Work, tok) -> tuple:
    """(subject token, its actors) of an active verb."""
    story = w.story
    s = object_or_sender(tok, subject_of(tok), lambda t: resolve(story, t).actors)
    src = Resolved()
    direct = story.actor_at(s.idx, s.idx + len(s)) if s is not None else None
    if s is not None and s.lower_ in THIRD_PLURAL and len(all_at(story, s)) > 1:
        src = resolve(story, s)
    elif s is not None and s.lower_ in THIRD_PLURAL and (direct is None or direct.kind == "person"):
        src = _plural_antecedent(w, tok, s, direct)
    if not src.actors:
        src = resolve(story, s, doer=True)
    if src.actors and all(a.kind == "place" for a in src.actors) and s is not None and s.i != tok.i and \
            any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in tok.children):
        src = Resolved()  # "a bombing at a mosque in MANSOURA, which killed 14": the place kills no one
    if src.actors and s is not None and s.pos_ == "PRON" and tok.dep_ == "relcl" and \
            any(c.dep_ == "dobj" and c.lower_ in ("which", "whom", "that") for c in tok.children) and \
            set(src.ids()) <= {a.id for a in all_at(story, tok.head)}:
        # "talks with the Afghan government, which IT dismisses": the subject of a relative clause whose object
        # is the noun the clause is on is someone else; the governing clause's subject is its likelier antecedent
        gov = tok.head
        while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
            gov = gov.head
        up = subject_of(gov) if gov.pos_ in ("VERB", "AUX") else None
        if up is not None and up.i != s.i and up.i != tok.head.i:
            r = resolve(story, up)
            src = Resolved(r.actors, guessed=True, at=dict(r.at)) if r.actors else src
    if not src.actors and s is not None and s.pos_ == "NOUN":
        # a subject that is a deed or a weapon names its doer: "a car bombing BY THE GROUP killed",
        # "missiles fired BY THE ARMY struck", "SYRIAN air strikes hit"
        src = noun_agent(w, s)
        if not src.actors:
            fired = next((c for c in s.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
            src = resolve(story, agent_of(fired)) if fired is not None else src
    if not src.actors:
        s, src = owner_source(w, tok, s, src, noun_agent)
    return s, src


def _plural_antecedent(w: Work, tok, s, direct) -> Resolved:
    """A plural pronoun resolved to one person (or none) is likely short of the coordinated antecedent:
    "Obama and Petraeus indicated they may be willing": they = the governing clause's subject."""
    for g in modality.governors(tok, set()):
        up = subject_of(g) if g.i != tok.i else None
        if up is not None and up.i != s.i:
            r = resolve(w.story, up)
            if len(r.actors) > 1 or (r.actors and r.actors[0].kind != "person" and direct is None):
                return Resolved(r.actors, guessed=direct is None, at=dict(r.at))
    return Resolved()


def _verb_target(w: Work, tok, entry: Entry, obj, src: Resolved) -> Resolved:
    """The actors an active verb acts on: object, indirect object, prepositional object, or the "by" phrase
    of its object."""
    tgt = Resolved()
    if obj is not None and obj.i != tok.i:
        tgt = arg_np(w, obj)
        if tgt.actors and set(tgt.ids()) <= set(src.ids()) and noun_event(obj) is not None:
            # "the union called off ITS boycott OF THE MINISTRY": the deed is the source's own; its
            # target is the act's
            tgt = noun_target(w, obj)
        deed = _deed_target(w, tok, obj, Resolved())
        tgt = deed if deed.actors else tgt
        if tgt.actors:
            tgt = stray_conjuncts(w, tok, obj, tgt, src)
            tgt = place_conjuncts(w, obj, tgt, src)
        hands_over = entry.type in CONVEYING
        # a deed ended is aimed at its own target, nothing is handed over: "lifted sanctions on X linked TO Y"
        ended = deed.actors or unnamed_aim(w, tok, obj)
        if (tgt.actors or hands_over) and not ended and conveyed(w, obj, src):
            rec = _recipient(w, tok, obj, src, hands_over, froms=entry.type == "RETREAT" and (forces(tgt) or force_noun(obj)))
            if rec.actors:
                tgt = rec
            elif entry.type == "MOBILIZE":  # own forces raised are no target: "mobilized troops FOR A WAR AGAINST X"
                tgt = deep_target(w, tok, src, exclude={obj.i})
    if not tgt.actors:
        dat = child(tok, "dative")
        if dat is not None:
            tgt = arg_np(w, child(dat, "pobj") or dat)
    if not tgt.actors:
        # "against VISITING Saudi Crown Prince X": a participle read as the preposition's clause
        named = [(c.lower_, g) for c in tok.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                 for v in c.children if v.dep_ == "pcomp" and v.tag_ == "VBG" and v.i == c.i + 1
                 for g in v.children if g.dep_ == "dobj" and g.pos_ == "PROPN"]
        for _p, p in list(pobjs(tok, TARGET_PREPS + entry.extra)) + named:
            r = arg_np(w, p) if not ally_phrase(p.head) else Resolved()  # not "fought ON THE SIDE OF X"
            if r.actors:
                tgt = r
                break
    if not tgt.actors and obj is not None and entry.frame == "recip":
        # "discussed the crisis WITH Cameron": the parse hangs the partner on the topic of the talks
        for p in (g for c in obj.children if c.dep_ == "prep" and c.lower_ == "with"
                  for g in c.children if g.dep_ == "pobj"):
            r = arg_np(w, p)
            if r.actors and set(r.ids()) != set(src.ids()):
                tgt = r
                break
    if not tgt.actors and obj is None and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN") and \
            child(tok, "nsubj") is not None and child(tok, "nsubj").lower_ not in RELATIVE_SUBJECTS and \
            not any(c.dep_ == "prep" and not any(p.dep_ == "pobj" for p in c.children) for c in tok.children):
        # "freed a journalist it detained": the relative clause's object is the noun it modifies
        r = arg_np(w, tok.head)
        if set(r.ids()) != set(src.ids()):
            tgt = r
    if not tgt.actors and obj is not None and obj.pos_ == "NOUN":
        # "downplaying remarks from the weekend by President Karzai": a "by" phrase the parse hung on the
        # active verb belongs to its object, and names whose remarks they are
        ag = agent_of(tok)
        if ag is not None:
            r = resolve(w.story, ag)
            if r.actors and set(r.ids()) != set(src.ids()):
                tgt = r
    if not tgt.actors and entry.frame == "ctl":  # "allowed X to bring out a rally", parsed with X the to-clause's subject
        s = next((child(c, "nsubj") for c in tok.children if c.dep_ == "ccomp" and child(c, "aux") is not None
                  and child(c, "aux").lower_ == "to"), None)
        if s is not None and (s.pos_ == "PROPN" or noun_class(s) in ("person", "group")):
            tgt = arg_np(w, s) if set(arg_np(w, s).ids()) - set(src.ids()) else tgt
    if not tgt.actors:
        tgt = _office_of(w, tok, src)
    return tgt


def _office_of(w: Work, tok, src: Resolved) -> Resolved:
    """The body whose office the subject acts in, when nothing else is acted on: "resigned as president OF
    INDONESIA", "stepped down as head of THE PARTY" (an "as <noun> of X" phrase of the verb)."""
    for _p, office in pobjs(tok, ("as",)):
        if office.pos_ != "NOUN":
            continue
        for _q, c in pobjs(office, ("of",)):
            r = resolve(w.story, c)
            if r.actors and set(r.ids()) - set(src.ids()):
                return r
    return Resolved()


def doer_verbs() -> frozenset[str]:
    """Verbs whose subject carries out the event their object names (``data/events/doer_verbs.txt``)."""
    return word_set("events/doer_verbs.txt")


def _does_deed(tok, obj) -> bool:
    """Whether a verb carries out, steers or ends the deed its object names (``doer_verbs.txt``)."""
    return obj is not None and noun_event(obj) is not None and tok.lemma_.lower() in doer_verbs()


def _deed_target(w: Work, tok, obj, tgt: Resolved) -> Resolved:
    """A verb that carries out, steers or ends the deed its object names (``doer_verbs.txt``) acts on the
    deed's target, not on its doer: "lifted UN sanctions AGAINST IRAN", "UN sanctions against Iran were lifted"
    (Iran)."""
    if not _does_deed(tok, obj):
        return tgt
    r = noun_target(w, obj)
    return r if r.actors else tgt


AIM_PREPS = ("on", "against", "upon")


def unnamed_aim(w: Work, tok, obj) -> bool:
    """Whether a verb ends or carries out a deed (``doer_verbs.txt``) aimed "on"/"against" someone the actors
    stage gave no actor ("lifted the sanctions on A SMALL TRADING FIRM tied to X"): that one is the target, not
    an actor named further down its phrase (X), so no target is read past it."""
    if not _does_deed(tok, obj):
        return False
    return any((namable(c) or noun_class(c) in ("person", "group")) and not resolve(w.story, c).actors
               for h in (obj, tok) for _p, c in pobjs(h, AIM_PREPS))  # the parse may hang "on" on the verb


def _deed_source(w: Work, tok, obj, tgt: Resolved) -> Resolved:
    """An agentless passive of a verb that ends or carries out a deed (``doer_verbs.txt``) is done by the deed's
    own doer when the deed names one: "UN sanctions against Iran were lifted" (the UN)."""
    if not _does_deed(tok, obj):
        return Resolved()
    r = noun_agent(w, obj)
    return r if r.actors and not set(r.ids()) & set(tgt.ids()) else Resolved()


def _recipient(w: Work, tok, obj, src: Resolved, deep: bool = False, froms: bool = False) -> Resolved:
    """Who the object goes to: a "to" / "into" phrase of the verb or of its object that names someone other
    than the source ("returned the artifacts TO THE GOVERNMENT OF IRAQ", "sent troops TO LIBERIA"), or an
    actor named further down that phrase ("sent troops to the peacekeeping mission in LIBERIA"); else a "to"
    phrase the parse hung deeper in the object, with ``deep`` ("returned a pendant engraved with an image of X
    TO RUSSIAN AUTHORITIES"); with ``froms`` (people withdrawn or returned), else the place they are taken
    from ("withdrew peacekeepers FROM RWANDA"). With ``deep`` (a thing handed over), a "to" place the actors
    stage left a place is the recipient too ("transferring helicopters TO DARFUR"), and with ``froms`` the place
    forces leave ("withdraw its troops FROM ABYEI")."""
    found = list(pobjs(tok, RECIPIENT_PREPS)) + list(pobjs(obj, RECIPIENT_PREPS))
    if obj is not None and deep:
        found += [(p.lower_, c) for p in obj.subtree if p.dep_ == "prep" and p.lower_ in ("to", "into")
                  and p.head.i != obj.i and p.i > obj.i for c in p.children if c.dep_ == "pobj"]
    if froms:  # "withdrew peacekeepers FROM RWANDA", "withdrew the batch of 200 peacekeepers FROM LIBERIA"
        found += [("from", c) for p in [*tok.children, *(obj.subtree if obj is not None else ())]
                  if p.dep_ == "prep" and p.lower_ == "from" for c in p.children if c.dep_ == "pobj"]
    for _p, c in found:
        r = arg_np(w, c)
        if not r.actors:  # "sent troops to the peacekeeping mission IN LIBERIA"
            r = deep_target(w, c, src)
        if r.actors and set(r.ids()) - set(src.ids()):
            return r
    for p, c in found:
        # "transferring helicopters TO DARFUR": a region or city the actors stage left a place
        # a thing handed over to a place; forces withdrawn from one ("withdraw its troops FROM ABYEI")
        r = place_actor(w, c) if (p in ("to", "into") and deep) or (p == "from" and froms) else Resolved()
        if r.actors and set(r.ids()) - set(src.ids()):
            return r
    return Resolved()
