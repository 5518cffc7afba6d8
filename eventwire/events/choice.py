"""Which lexicon match a token codes (``choose``): the first whose argument frame and sense the parse bears out.

The matches come from ``triggers.match_token``. A light verb ("held talks") gives way to the event noun it takes;
a match is passed over when its frame finds no object, when what it acts on is no one ("fired 300 employees"),
lifeless ("killed the bill"), words ("provided information") or a figure ("seized the moment"), and for the
everyday senses ``senses.py`` tells apart.
"""

from __future__ import annotations

from . import senses
from .calls import not_called_on, phone_call
from .campaign import appeal_as_draw, own_race
from .draft import Match
from .passive import conj_patient
from .syntax import LOCATIVE_WORDS, child, counted, counts, for_clause, lemma
from .triggers import _people_word, noun_can_stand, noun_event


def _second_object(tok) -> bool:
    """Whether the object has a noun hung on it as a prepositional object with no preposition: the parser's
    reading of a second object ("calls Horgos a mistake")."""
    obj = child(tok, "dobj")
    return obj is not None and obj.pos_ == "PROPN" and any(c.dep_ == "pobj" and c.i > obj.i and c.pos_ == "NOUN"
                                                             for c in obj.children)


# Modes of harm done to a body: what they are done to must be someone.
BODILY = {"beat", "sexual", "torture"}


def _object(tok):
    """A verb's direct object other than a reflexive pronoun ("committed ITSELF to the talks" has none) or a
    place the parse made an object ("protested outside parliament": a place word before it)."""
    obj = child(tok, "dobj")
    if obj is not None and obj.lower_.endswith(("self", "selves")):
        return None
    if obj is not None and obj.left_edge.lower_ in LOCATIVE_WORDS and obj.left_edge.dep_ == "amod":
        return None
    return obj


# Sectors of the state, whose protest at a thing is a complaint made in office, not dissent in public.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}


def _crowd(story, subj) -> bool:
    """Whether a subject names people in public life rather than a state or one person: a group or a body outside
    the state ("students", "farmers", "the teachers' union", "thousands of workers")."""
    if subj is None:
        return False
    a = story.actor_at(subj.idx, subj.idx + len(subj))
    if a is None and counts(subj):
        x = counted(subj)  # "thousands OF WORKERS"
        a = story.actor_at(x.idx, x.idx + len(x))
    return a is not None and a.kind in ("group", "organization") and a.sector not in STATE_SECTORS


def _bare_event_noun(tok) -> Match | None:
    """The event noun a light verb with no object takes bare, which the tagger read as an adjective or adverb
    ("Rebels mount OFFENSIVE on capital", "Army launches COUNTEROFFENSIVE"): the first word after the verb that
    hangs on it as a complement and is a one-word event noun of the lexicon."""
    from .lexicon import by_head

    for c in tok.children:
        if c.i > tok.i and c.dep_ in ("acomp", "advmod", "oprd") and c.pos_ in ("ADJ", "ADV", "NOUN"):
            e = next((x for x in by_head().get((c.lower_, "N"), ()) if not x.extra and x.type not in ("LIGHT", "NONE")),
                     None)
            return Match(c, e, []) if e is not None else None
    return None


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


def _end_before_place(x) -> int:
    """Where an object's own words end: before a phrase of where it is ("the outbreak IN MALAWI")."""
    for c in x.rights:
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "across", "throughout", "inside", "around"):
            return c.idx
    return x.right_edge.idx + len(x.right_edge)


def _of_object(tok):
    """The object of a noun's "of" phrase ("the release OF A LETTER"), or None."""
    return next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), None)


def _name_read_as_predicate(tok):
    """A name the parser took for what the verb calls its object, when the verb has no object at all
    ("Tillerson called Russian Foreign Minister Sergey LAVROV to discuss ..."): the object itself. "Called him
    Bob" has an object, "called Trump 'unhinged'" an adjective, and "a group called Our Future" is named."""
    o = child(tok, "oprd")
    if o is None or o.pos_ != "PROPN" or tok.tag_ == "VBN" or child(tok, "dobj", "dative") is not None or \
            any(c.dep_ in ("det", "poss") for c in o.children) or \
            o.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    return o


def _frame_object(tok, entry):
    """What a predicate acts on for its frame: its object, or the object of the preposition its pattern ends in
    ("stood by UKRAINE", "stood by its DECISION")."""
    o = child(tok, "dobj", "nsubjpass") or conj_patient(tok) or _name_read_as_predicate(tok)
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
            bare = _bare_event_noun(tok) if obj is None else None
            if bare is not None:
                return bare  # a headline's "Army launches OFFENSIVE": the noun, read as an adjective or adverb
            if obj is not None and noun_event(obj) is not None:
                nm = noun_event(obj)
                if m.entry.pos == "V" and nm.entry.type == "ASSAULT" and senses.dispute(obj):
                    continue  # "make the election a battle ABOUT competence": a dispute, as the noun alone is
                if nm.entry.mode == "release" and _words_given(_of_object(obj)):
                    continue  # "ordered the release OF DOCUMENTS": publishing, as the noun alone
                return phone_call(story, nm) or Match(obj, nm.entry, nm.extra)  # "made calls TO members"
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
        if frame in ("obj", "actobj", "thingobj") and (child(tok, "oprd") not in (None, _name_read_as_predicate(tok))
                                                       or _second_object(tok)):
            continue  # "called Clinton a champion", "held him responsible": naming, not acting
        if frame in ("actobj", "thingobj"):
            o = _frame_object(tok, m.entry)
            objs = [o] + [c for c in o.children if c.dep_ == "conj"]  # "released politicians and activists"
            if any(x.lower_.endswith(("self", "selves")) for x in objs):
                continue  # "holding himself up as ...": no one arrests or fires on themselves
            someone = any(story.actor_at(x.idx, x.idx + len(x)) is not None or _people_word(x) and
                          not (frame == "thingobj" and _lifeless(x)) for x in objs)
            if someone != (frame == "actobj"):
                continue  # "received guarantees" is no visit, "fired 300 employees" no shooting; "fired IRANIAN
                # rockets" and "protested the US arms SALE" act on things whoever the modifier names
            if m.entry.type == "PROTEST" and not _crowd(story, child(tok, "nsubj")):
                continue  # "students protested the tuition hike": public dissent; "China protested the sale", "she
                # protested her innocence": a complaint or a claim
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
        if senses.trailing_allegation(tok):
            continue  # "a prisoner was beaten to death, his family alleged": the beating is the news
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
        if m.entry.mode == "release" and m.entry.pos == "N" and _words_given(_of_object(tok)):
            continue  # "the release of a letter", "the release of the findings": publishing, no one set free
        if m.entry.pos == "N" and not noun_can_stand(tok):
            continue
        if appeal_as_draw(tok, m.entry):
            continue  # "the party's declining appeal to women": a draw, no plea
        if own_race(story, tok, m.entry):
            continue  # "suspended his campaign", "withdrew from the race", "defend more seats": campaigning
        if not_called_on(story, m):
            continue  # "calling friends ON THEIR CELLPHONES": no one called on to act
        if phone_call(story, m) is not None:
            return phone_call(story, m)  # "making calls TO COMMITTEE MEMBERS": contacts, nothing asked
        asked = [child(t.head, "nsubj") for t in m.extra if for_clause(t, tok)]
        if asked and not (story.actor_at(asked[0].idx, asked[0].idx + len(asked[0])) or _people_word(asked[0])):
            continue  # "called for Israel to halt", not "called for a court case to be opened": no one asked
        return m
    return None
