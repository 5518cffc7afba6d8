"""Triggers: the words that name an event, found by the event lexicon (``event_lexicon.tsv``).

``match_token`` gives every lexicon entry whose pattern matches at a token (the head word plus the particles,
prepositions or objects the pattern names, which must hang off it in the parse); ``noun_event`` the event a
noun names, its own or that of its compound ("a mediation effort"). Two frames come from the parse rather than
a lexicon row: giving goods to someone is aid (``transfer.py``: "gave 300 rifles to the police") and forces
arriving at or sent to a place are a deployment (``arrival.py``); a longer lexicon pattern still wins over them.
Which match a token codes is ``choice.choose``, which predicates a sentence codes ``extract.py``; verbs outside
the lexicon go to the vector fallback (``fallback.py``).
"""

from __future__ import annotations

from ..data import word_set
from .draft import Match
from . import arrival, senses, stopping, transfer
from .lexicon import SPECIAL, by_head
from .resolve import agent_nouns, namable
from .syntax import counts, for_clause, lemma, near, pos_of


def match_token(tok) -> list[Match]:
    """Lexicon entries whose pattern matches at this token, longest first."""
    pos = pos_of(tok)
    if pos is None or stopping.stopped_gerund(tok):
        return []  # the lexicon has only V, N and A heads; "agreed to halt FIGHTING": the fighting is what stops
    out = []
    keys = [(lemma(tok), pos)]
    if pos == "A":
        keys.append((tok.lower_, "A"))
    if pos == "V" and tok.dep_ == "acomp":
        keys.append((lemma(tok), "A"))
    for key in keys:
        for e in by_head().get(key, ()):
            extra = _pattern_words(tok, e.extra)
            if extra is not None:
                out.append(Match(tok, e, extra))
    if pos == "N" and not out and lemma(tok) == "fire" and _under(tok) is not None and \
            any(c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") for c in (*tok.children, *_under(tok).children)):
        # "the convoy came UNDER FIRE FROM rebels": gunfire, or words (``political.figurative_force``) by who
        # fires; "under fire" with no one firing may be either, and a house fire is none
        out = [Match(tok, e, []) for e in by_head().get(("gunfire", "N"), ())]
    if pos == "V":
        # "gave 300 rifles to the police": aid; "troops arrived in Mali": a deployment; "suspended its protests":
        # a concession (unless a longer pattern matched)
        given = transfer.match(tok) or arrival.match(tok) or stopping.match(tok)
        if given is not None:
            out.insert(len([m for m in out if m.extra and m.entry.type not in SPECIAL]), given)
    return out


# Pattern words that are particles or prepositions whatever tag the parser gives them: they must hang right off
# the head ("beat up", not "beat Trump in a match-UP", where "up" is tagged a noun).
PARTICLES = {"up", "down", "out", "off", "over", "in", "on", "away", "back", "for", "with", "to", "into", "from",
             "against", "about", "around", "through", "at", "of"}


def _pattern_words(tok, words) -> list | None:
    """The tokens below ``tok`` that match the pattern's other words, or None when one is missing.
    Particles and prepositions must hang right off the head ("call for", not "called X a champion for") and,
    for a verb, follow it ("ON Twitter, Bush called Trump unhinged" is no "call on"); objects may sit deeper
    ("lifted a state of emergency")."""
    extra: list = []
    verb = pos_of(tok) == "V"
    for w in words:
        hit = next((t for t in near(tok) if (lemma(t) == w or t.lower_ == w) and t not in extra
                    and (t.head.i == tok.i or (t.pos_ not in ("ADP", "PART", "ADV", "SCONJ") and w not in PARTICLES)
                         or for_clause(t, tok)) and not _of_time(t)
                    and not (verb and w in PARTICLES and t.i < tok.i)),
                   None)
        if hit is None:
            return None
        extra.append(hit)
    return extra


def _of_time(t) -> bool:
    """A preposition whose object is a date or time ("called Putin ON FRIDAY"), or "in" a place ("gave a speech
    IN WASHINGTON" is no "give in"), is no particle of a pattern; nor is "out" of a share ("rule 21 OUT of 29
    states" is no "rule out")."""
    if t.lower_ == "out" and t.i > 0 and t.doc[t.i - 1].like_num:
        return True
    return t.pos_ == "ADP" and any(c.dep_ == "pobj" and (c.ent_type_ in ("DATE", "TIME") or
                                                         t.lower_ == "in" and c.ent_type_ in ("GPE", "LOC", "FAC"))
                                   for c in t.children)


DURATIONS = {"hour", "day", "night", "week", "month", "year"}


def noun_event(tok) -> Match | None:
    """The event a noun names: its own lexicon entry, that of its compound ("a mediation effort"), or, for a
    sum of money, that of what it is in ("$33 million IN ASSISTANCE": the sum is the aid)."""
    if tok.ent_type_ == "MONEY" and tok.dep_ in ("dobj", "nsubjpass", "attr"):
        for p in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
            for c in (g for g in p.children if g.dep_ == "pobj" and pos_of(g) == "N"):
                cm = [x for x in match_token(c) if x.entry.type not in SPECIAL]
                if cm:
                    return Match(tok, cm[0].entry, [c])
    if pos_of(tok) != "N":
        return None
    m = [x for x in match_token(tok) if x.entry.type != "LIGHT"]
    if m:
        return m[0] if m[0].entry.type != "NONE" else None
    carrier = tok.lemma_.lower() in word_set("events/carrier_nouns.txt")
    if carrier or (counts(tok) or tok.lemma_.lower() in DURATIONS) and not tok.like_num and tok.dep_ == "dobj" and \
            any(x.entry.type == "LIGHT" for x in match_token(tok.head)):
        # "a mediation effort", and "a round of talks", "the transfer of humanitarian aid"; an amount or a time
        # of deeds a light verb takes stands where they do: "carried out DOZENS of air strikes", "held three
        # DAYS of talks"
        inner = [c for c in tok.children if c.dep_ == "compound" and carrier] + \
            [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        for c in inner:
            cm = [x for x in match_token(c) if x.entry.type not in SPECIAL] if pos_of(c) == "N" else []
            if cm:
                return Match(tok, cm[0].entry, [c])
    return None


def names_deed(tok) -> bool:
    """Whether an argument noun names a deed, which stands for whoever carries it out ("rejected Karzai's
    OFFER"), rather than people acted on that a lexicon noun also names ("PROTESTERS were dispersed")."""
    return noun_event(tok) is not None and not (_acted_on(tok) and _person(tok))


# Prepositions that make a noun a circumstance of another event, not an event reported on its own:
# "offered to negotiate following the invasions", "since last month's invasion".
CIRCUMSTANTIAL = {"after", "following", "since", "during", "before", "amid", "amidst", "despite", "in", "into",
                  "over", "because", "from", "until", "without", "under", "through", "throughout", "across", "of",
                  "by", "at", "as", "like", "than", "within", "near", "behind", "between", "among"}


# Verbs whose subject is "under" what an event noun names ("the convoy CAME under attack", "the town HAS BEEN under
# siege"), and nouns for whom a deed is aimed at ("the village was the TARGET of an attack by X").
UNDERGOING_VERBS = {"come", "be", "remain", "stay", "fall"}
VICTIM_NOUNS = {"target", "victim"}
UNDERGONE_FORCE = {"ASSAULT", "COERCE"}  # deeds of force; "under investigation", "under pressure" are left as they were


def _under(tok):
    """The verb of "came / was UNDER <tok>" ("came under attack", "was under fire"), or None."""
    p = tok.head
    if tok.dep_ == "pobj" and p.lower_ == "under" and p.head.pos_ in ("VERB", "AUX") and \
            lemma(p.head) in UNDERGOING_VERBS:
        return p.head
    return None


def undergoing_verb(tok):
    """The verb whose subject undergoes the deed of force an event noun ``tok`` names: "came UNDER ATTACK from
    X", "was under siege", "was the target OF AN ATTACK by X", or None."""
    if tok.dep_ != "pobj" or not any(x.entry.type in UNDERGONE_FORCE for x in match_token(tok)):
        return None
    if _under(tok) is not None:
        return _under(tok)
    p = tok.head
    if p.lower_ == "of" and lemma(p.head) in VICTIM_NOUNS and p.head.dep_ == "attr" and \
            p.head.head.pos_ in ("VERB", "AUX"):
        return p.head.head
    return None


def undergone_gerund(tok):
    """The verb whose subject undergoes a gerund of force the parse made a clause under "under": "troops came
    UNDER SHELLING by rebels", "the base came under renewed SHELLING from X" (``undergoing_verb`` for the noun
    reading), or None."""
    if tok.tag_ != "VBG" or tok.dep_ not in ("advcl", "pcomp"):
        return None
    if tok.dep_ == "pcomp":
        p = tok.head
    else:  # "came UNDER (renewed) SHELLING": the childless "under" of the same verb, right before the gerund
        p = next((c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "under" and c.i < tok.i
                  and not list(c.children) and all(t.dep_ in ("amod", "advmod") for t in tok.doc[c.i + 1:tok.i])), None)
    if p is None or p.lower_ != "under" or p.head.pos_ not in ("VERB", "AUX") or lemma(p.head) not in UNDERGOING_VERBS:
        return None
    return p.head if any(x.entry.type in UNDERGONE_FORCE for x in match_token(tok)) else None


def participation_verb(tok):
    """The verb of taking part whose "in" an event noun follows ("took part in a strike", "participated in
    protests"; ``events/participation_verbs.txt``), or None."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return None
    verb = tok.head.head
    if verb.lower_ == "part" and verb.head.pos_ == "VERB" and lemma(verb.head) == "take":
        return verb.head
    if verb.pos_ == "VERB" and lemma(verb) in word_set("events/participation_verbs.txt"):
        if lemma(verb) != "take" or any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children):
            return verb
    return None


# Verbs of dying whose cause an event noun in a circumstance phrase names: "died IN an attack by gunmen", "died
# after torture": the attack is the news. (A passive "was killed in an air strike" is coded at "killed".)
DYING = {"die", "perish", "succumb"}


def death_by(tok):
    """The verb of dying whose cause an event noun names through a chain of at most three
    prepositions ("died as a result OF THE TORTURE", "died due TO TORTURE"), or None."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("pobj", "pcomp") or t.head.dep_ not in ("prep", "pcomp", "amod", "advmod"):
            return None
        t = t.head.head
        if t.pos_ == "VERB":
            return t if lemma(t) in DYING else None
    return None


def noun_can_stand(tok) -> bool:
    """An event noun codes an event of its own unless it is the circumstance of another clause
    ("following the invasions", "since last month's invasion"), a modifier, not (yet) real ("a possible war")
    or what is being planned ("preparing a major offensive"). After a verb of taking part it stands ("took part
    in a strike")."""
    if participation_verb(tok) is not None:
        return True
    if tok.dep_ == "pobj" and death_by(tok) is not None:
        return True
    if tok.dep_ == "pobj" and undergoing_verb(tok) is not None:
        return True  # "came under attack", "was the target of an attack": the subject undergoes it
    if tok.dep_ == "pobj" and tok.head.lower_ in CIRCUMSTANTIAL and not _counted_people(tok):
        return False
    if tok.dep_ in ("compound", "amod", "npadvmod", "poss"):
        return False
    if any(c.dep_ == "amod" and c.lower_ in word_set("events/unreal_adjectives.txt") for c in tok.children):
        return False
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in word_set("events/planning_verbs.txt"):
        return False
    if tok.dep_ in ("dobj", "nsubjpass") and stopping.stopping_verb(tok.head):
        return False  # "halted the offensive": the offensive is what stops
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in HARM_VERBS:
        return False  # "Israeli strikes KILLED hundreds", "the blast wounded 12": the verb tells the act
    at = tok.head.head if tok.dep_ == "pobj" and _counted_people(tok) else tok  # "THOUSANDS of protesters"
    if at.dep_ == "nsubj" and tok.lemma_.lower() in agent_nouns() and \
            any(x.entry.type not in ("LIGHT", "NONE") for x in match_token(at.head)):
        return False  # "Venezuela's opposition REJECTED the results": a body that acts, the verb its act
    if _acted_on(tok) and _person(tok):
        return False  # "fired on protesters", "arrested 20 demonstrators": the people acted on, not their protest
    return True


def _counted_people(tok) -> bool:
    """Whether a noun for people is what a count word counts ("THOUSANDS OF protesters"): it stands where the
    count does, not as a circumstance."""
    return tok.head.lower_ == "of" and counts(tok.head.head) and (_person(tok) or _a_person_first(tok))


# Verbs of harm whose subject may be the deed itself ("the strikes killed", "the attack wounded"): the verb codes
# the act, and the deed noun names its doer.
HARM_VERBS = {"kill", "wound", "injure", "destroy", "damage", "flatten", "raze", "maim"}


def _acted_on(tok, depth: int = 0) -> bool:
    """Whether a noun is what a clause acts on (an object, a passive subject, a preposition's object), or
    coordinated with one."""
    if tok.dep_ == "conj" and depth < 4:
        return _acted_on(tok.head, depth + 1)
    head = tok.head.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and depth < 4 and counts(head):
        return _acted_on(head, depth + 1)  # "THOUSANDS of protesters gathered": where the count stands
    if tok.dep_ == "nsubjpass":  # "protesters were arrested"; not "protesters are expected TO hand over"
        return not any(c.dep_ in ("xcomp", "ccomp") for c in tok.head.children)
    return tok.dep_ in ("dobj", "pobj", "dative")


def _people_word(tok) -> bool:
    """A noun that names a participant: a named entity or noun for people or bodies (``resolve.namable``), a
    person acted on (``_person``) or a noun whose commonest sense is a person (``_a_person_first``)."""
    return namable(tok) or _person(tok) or _a_person_first(tok)


def _a_person_first(tok) -> bool:
    """A common noun whose commonest WordNet sense is a person ("the fugitive", "a suspect")."""
    return senses.noun_class(tok) == "person"


def _person(tok) -> bool:
    """A noun for a person acted on ("held a woman", "caught a revenue inspector"; ``events/person_nouns.txt``)."""
    from .resolve import person_nouns

    return tok.pos_ in ("NOUN", "PROPN") and bool({tok.lemma_.lower(), tok.lower_} & person_nouns())
