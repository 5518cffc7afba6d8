"""Triggers: the words that name an event, found by the event lexicon (``event_lexicon.tsv``).

``match_token`` gives every lexicon entry whose pattern matches at a token (the head word plus the particles,
prepositions or objects the pattern names, which must hang off it in the parse); ``noun_event`` the event a
noun names, its own or that of its compound ("a mediation effort"). Two frames come from the parse rather than
a lexicon row: giving goods to someone is aid (``transfer.py``: "gave 300 rifles to the police") and forces
arriving at or sent to a place are a deployment (``arrival.py``); a longer lexicon pattern still wins over them.
Which match a sentence codes is decided in ``extract.py``; verbs outside the lexicon go to the vector fallback
(``fallback.py``).
"""

from __future__ import annotations

from ..data import word_set
from .draft import Match
from . import arrival, senses, stopping, transfer
from .lexicon import SPECIAL, by_head
from .resolve import agent_nouns, namable
from .syntax import LOCATIVE_WORDS, child, counted, counts, for_clause, lemma, near, pos_of


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
    Particles and prepositions must hang right off the head ("call for", not "called X a champion for");
    objects may sit deeper ("lifted a state of emergency")."""
    extra: list = []
    for w in words:
        hit = next((t for t in near(tok) if (lemma(t) == w or t.lower_ == w) and t not in extra
                    and (t.head.i == tok.i or (t.pos_ not in ("ADP", "PART", "ADV", "SCONJ") and w not in PARTICLES)
                         or for_clause(t, tok)) and not _of_time(t)),
                   None)
        if hit is None:
            return None
        extra.append(hit)
    return extra


def _second_object(tok) -> bool:
    """Whether the object has a noun hung on it as a prepositional object with no preposition: the parser's
    reading of a second object ("calls Horgos a mistake")."""
    obj = child(tok, "dobj")
    return obj is not None and obj.pos_ == "PROPN" and any(c.dep_ == "pobj" and c.i > obj.i and c.pos_ == "NOUN"
                                                             for c in obj.children)


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
    if tok.dep_ == "pobj" and tok.head.lower_ in CIRCUMSTANTIAL:
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
    if tok.dep_ == "nsubj" and tok.lemma_.lower() in agent_nouns() and \
            any(x.entry.type not in ("LIGHT", "NONE") for x in match_token(tok.head)):
        return False  # "Venezuela's opposition REJECTED the results": a body that acts, the verb its act
    if _acted_on(tok) and _person(tok):
        return False  # "fired on protesters", "arrested 20 demonstrators": the people acted on, not their protest
    return True


# Modes of harm done to a body: what they are done to must be someone.
BODILY = {"beat", "sexual", "torture"}

# Verbs of harm whose subject may be the deed itself ("the strikes killed", "the attack wounded"): the verb codes
# the act, and the deed noun names its doer.
HARM_VERBS = {"kill", "wound", "injure", "destroy", "damage", "flatten", "raze", "maim"}


def _object(tok):
    """A verb's direct object other than a reflexive pronoun ("committed ITSELF to the talks" has none) or a
    place the parse made an object ("protested outside parliament": a place word before it)."""
    obj = child(tok, "dobj")
    if obj is not None and obj.lower_.endswith(("self", "selves")):
        return None
    if obj is not None and obj.left_edge.lower_ in LOCATIVE_WORDS and obj.left_edge.dep_ == "amod":
        return None
    return obj


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


def _change_of_amount(tok) -> bool:
    """Whether a verb tells a change of amount: a "from"/"to"/"by" phrase on it gives a number, percentage or
    sum ("declined from 58 percent to 55 percent", "fell by 3 percent")."""
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("from", "to", "by"):
            for o in p.children:
                if o.dep_ == "pobj" and (o.like_num or o.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL")):
                    return True
    return False


LIFELESS = {"communication", "cognition", "act", "feeling", "artifact", "possession", "attribute", "state",
            "event", "time", "quantity", "substance", "food"}


def _lifeless(obj) -> bool:
    """Whether an object is no living thing by its commonest WordNet sense ("the bill", "a plan", "the
    tradition"), so that killing it is a figure; a name or a word WordNet does not class is taken as living."""
    if obj is not None and counts(obj):
        return _lifeless(counted(obj))  # "dozens OF CIVILIANS"
    return senses.noun_class(obj) in LIFELESS


def _figure_object(obj) -> bool:
    """Whether an object is a part of the body or a stretch of time by its commonest WordNet sense ("his legs",
    "the moment"): cutting or seizing it is no coercion or sanction. (Qualities are not excluded: "aid" and
    "access" are qualities by their commonest sense.)"""
    first = senses.noun_class(obj)
    # a body part is someone's ("his legs"); "the head of Amnesty" is a person
    return first == "time" or (first == "body" and any(c.dep_ == "poss" for c in obj.children))


def _words_given(obj) -> bool:
    """Whether what is given is words or knowledge (commonest WordNet sense: "information", "details",
    "evidence", "advice")."""
    return senses.noun_class(obj) in ("communication", "cognition")


def _for_someone(story, tok) -> bool:
    """Whether a verb of providing gives aid: its object names goods of aid (``events/aid_goods.tsv``), a
    participant ("provided KENYA with arms"), or a recipient is named ("to", "for", an indirect object)."""
    from .transfer import _goods_code, _recipient

    obj = child(tok, "dobj", "nsubjpass")
    if obj is None or _goods_code(obj) is not None or _recipient(tok, obj):
        return True
    if story.actor_at(obj.idx, obj.idx + len(obj)) is not None or _people_word(obj):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("for", "with") for c in list(tok.children) + list(obj.children))


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


def _end_before_place(x) -> int:
    """Where an object's own words end: before a phrase of where it is ("the outbreak IN MALAWI")."""
    for c in x.rights:
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "across", "throughout", "inside", "around"):
            return c.idx
    return x.right_edge.idx + len(x.right_edge)


def _frame_object(tok, entry):
    """What a predicate acts on for its frame: its object, or the object of the preposition its pattern ends in
    ("stood by UKRAINE", "stood by its DECISION")."""
    o = child(tok, "dobj", "nsubjpass")
    last = entry.pattern.split()[-1]
    if o is None and " " in entry.pattern:
        o = next((c for p in tok.children if p.dep_ == "prep" and p.lower_ == last
                  for c in p.children if c.dep_ == "pobj"), None)
    return o


def choose(story, tok, matches: list[Match]) -> Match | None:
    """The match a token codes: the first whose argument frame the parse bears out. A light verb ("held
    talks") gives way to the event noun that is its object."""
    for m in matches:
        frame = m.entry.frame
        if m.entry.type == "LIGHT":
            obj = child(tok, "dobj", "attr")
            if obj is not None and noun_event(obj) is not None:
                return Match(obj, noun_event(obj).entry, noun_event(obj).extra)
            continue
        if frame in ("obj", "actobj", "thingobj") and _frame_object(tok, m.entry) is None:
            continue
        if frame == "sv" and m.entry.extra and child(tok, "xcomp") is not None and \
                any(x.entry.frame == "ctl" for x in matches):
            continue  # "agreed with Iraq to reopen the border": the to-clause gives the event ("agree" ctl)
        if frame == "intr" and (_object(tok) is not None or child(tok, "auxpass", "nsubjpass", "ccomp") is not None):
            continue  # "demonstrated her skill" or "THAT it works" shows, "was struck by a vehicle" is hit: neither
            # protests; "committed a crime" or "committed troops" is no commitment ("committed itself to" is)
        if m.entry.type == "NOT" and _change_of_amount(tok):
            continue  # "the rating has declined slightly from 58 percent": a fall, not a refusal
        if m.entry.type in ("COERCE", "SANCTION") and m.entry.pos == "V" and _figure_object(child(tok, "dobj")):
            continue  # "cut off his legs", "seized the moment": no measure against anyone
        if lemma(tok) == "kill" and _lifeless(child(tok, "dobj")):
            continue  # "hoping to kill off its siesta", "the Senate killed the bill": a figure
        if frame in ("obj", "actobj", "thingobj") and (child(tok, "oprd") is not None or _second_object(tok)):
            continue  # "called Clinton a champion", "held him responsible": naming, not acting
        if frame in ("actobj", "thingobj"):
            o = _frame_object(tok, m.entry)
            objs = [o] + [c for c in o.children if c.dep_ == "conj"]  # "released politicians and activists"
            if any(x.lower_.endswith(("self", "selves")) for x in objs):
                continue  # "holding himself up as ...": no one arrests or fires on themselves
            someone = any(story.actor_at(x.idx, x.idx + len(x)) is not None or _people_word(x) for x in objs)
            if someone != (frame == "actobj"):
                continue  # "received guarantees" is no visit, "fired 300 employees" no shooting
        if frame == "recip" and m.entry.type in ("CONSULT", "ASSAULT") and m.entry.pos == "V" and not m.extra and \
                child(tok, "dobj") is not None and len(m.entry.pattern.split()) == 1:
            objs = [c for c in tok.children if c.dep_ == "dobj"]  # "meet his counterpart Italian President X"
            o = objs[0]
            if not any(story.actors_at(x.left_edge.idx, _end_before_place(x)) or _people_word(x)
                       or x.pos_ in ("PRON", "PROPN") for x in objs) and \
                    not any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                            for c in list(tok.children) + list(o.children)):
                continue  # "met the deadline", "conferred an honorary degree", "battled the blaze", "fight the
                # outbreak IN MALAWI": no one met, consulted or fought ("to discuss the budget WITH Cameron" names whom)
        if m.entry.type == "ASSAULT" and m.entry.pos == "N" and tok.dep_ == "attr" and lemma(tok.head) == "be" \
                and not any(c.dep_ in ("prep", "acl", "relcl") for c in tok.children):
            continue  # "Afghanistan is America's longest war": what something is called, no deed told
        if m.entry.mode in BODILY and m.entry.pos == "V" and senses.abstract(child(tok, "dobj", "nsubjpass")):
            continue  # "the president abused the POWER given to her": no body harmed
        if senses.quoted_title(tok):
            continue  # "he said on \u201cMeet the Press\u201d": a show's name
        if senses.unit(tok, m.entry):
            continue  # "gunmen fired on a security PATROL": the unit, not its patrolling
        if senses.figurative(story, tok, m.entry):
            continue  # "reinforces all the negative attributes", "defended himself", "when crisis strikes Paris"
        if m.entry.type == "ASSAULT" and m.entry.pos == "N" and senses.abstract_aim(tok):
            continue  # "attacks on his personal life", "an assault on democracy": words, not force
        if m.entry.type in ("SUPPORT", "REJECT", "AGREE") and m.entry.pos == "V" and senses.poll_share(tok):
            continue  # "47 percent of Cuban Americans say they will support Clinton": a poll, no act
        if m.entry.type == "AGREE" and lemma(tok) == "offer" and senses.speech(child(tok, "dobj")):
            continue  # "offered remarks at the event", "offered his thoughts": speaking
        if m.entry.type == "AGREE" and m.entry.pos == "V" and senses.goods(child(tok, "dobj")):
            continue  # "accepted $200,000 from Wall Street firms", "accepted a gift": goods taken, no agreement
        if m.entry.mode == "arrest" and lemma(tok) == "catch" and any(c.dep_ == "prep" and c.lower_ == "in"
                                                                      for c in tok.children):
            continue  # "was caught in a hail of gunfire", "caught in the crossfire": trapped, not arrested
        if m.entry.mode == "phone" and senses.quoted_name(tok):
            continue  # "called the Saudis 'free riders'": naming, no call
        if senses.inverted_attribution(tok):
            continue  # "'... off the radar,' RECALLED former reporter Bill Holland": who speaks, no recall
        if m.entry.mode == "arrest" and lemma(tok) == "hold" and senses.body_held(story, tok):
            continue  # "the Shangri-La Dialogue is being held", "Koch Industries is privately held"
        if m.entry.type == "SUPPORT" and m.entry.pos == "V" and child(tok, "ccomp") is not None and \
                child(tok, "dobj") is None:
            continue  # "Rubio recognized long ago that ...": knowing, not recognition of anyone
        if m.entry.type == "AID" and m.entry.pos == "V" and _words_given(child(tok, "dobj", "nsubjpass")):
            continue  # "provided limited information", "the motion was handed over": telling or filing, not aid
        if m.entry.type == "AID" and frame == "obj" and not _for_someone(story, tok):
            continue  # "will provide enough power", "provides educational workshops": no one is given aid
        if m.entry.pos == "N" and not noun_can_stand(tok):
            continue
        asked = [child(t.head, "nsubj") for t in m.extra if for_clause(t, tok)]
        if asked and not (story.actor_at(asked[0].idx, asked[0].idx + len(asked[0])) or _people_word(asked[0])):
            continue  # "called for Israel to halt", not "called for a court case to be opened": no one asked
        return m
    return None
