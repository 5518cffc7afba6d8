"""The nearest actor named inside what a predicate acts on, when the usual argument positions name none
("provided funding TO LEBANON", "an assault on the last ISIS group bastion"): a breadth-first read down the
predicate's object and prepositional phrases (``deep_target``), and into the subject of a small clause the parse
hung on the predicate as its complement ("help NORTH KOREA cope", ``small_clause``)."""

from __future__ import annotations

from ..data import word_set
from .draft import Work
from .owners import made_by
from .resolve import Resolved, coordinated_owners, kin_noun
from .syntax import ally_phrase, aside
from .triggers import noun_event
from ..word_classes import first_class

# Relations followed down from a predicate to the words it acts on; prepositions whose phrase is a time, a
# cause or a comparison are not entered.
DEEP_DEPS = ("dobj", "dative", "prep", "pobj", "compound", "nmod", "poss", "appos", "conj", "acl", "xcomp", "oprd",
             "attr")
NOT_TARGET_PREPS = {"after", "before", "since", "until", "during", "amid", "despite", "following", "according",
                    "because", "than", "like", "as", "by", "via", "through", "within", "throughout", "under"}
MODIFIERS = ("compound", "nmod", "poss")
DEEP_DEPTH = 6
AUTHOR_DEPTH = 3  # a thing's author counts only near the predicate, not in the thing's own background


def deep_target(w: Work, tok, src: Resolved, exclude=(), authors: bool = False) -> Resolved:
    """No target in the usual places: the nearest actor named inside what the predicate acts on, reading down
    its object and prepositional phrases ("provided funding TO LEBANON", "lifted a ban imposed ON CHADIAN
    CITIZENS", "an assault on the last ISIS group bastion", "meet his counterpart, President X"), with the
    names coordinated with it, and into a purpose clause ("donated seed to help FARMERS in Malawi"). Subjects,
    "by" agents, other clauses, adjectives and time or cause phrases are not entered; a name modifying a noun
    ("ISIS bastion") counts one step further than a phrase head, and one modifying an event noun names its doer,
    not a target ("U.S. assistance to EGYPT"). The source's actors and tokens in ``exclude`` are skipped.
    With ``authors`` (acts that answer what someone did: protests, condemnations, refusals), a thing met on
    the way stands for whoever made it, one step further ("a hunger strike to protest the policy IMPOSED BY
    X", ``owners.made_by``)."""
    story = w.story
    seen = set(src.ids())
    best = None
    frontier = [c for c in tok.children if _deep_step(c)]
    for depth in range(DEEP_DEPTH):
        nxt = []
        for t in frontier:
            if t.i in exclude or sent_forces(t):
                continue  # not the sender's own forces, nor what their phrase names
            # not past someone's kin: "arrested the BROTHER of the leader" is not done to the leader
            nxt.extend(c for c in t.children if _deep_step(c) and not (t.pos_ == "NOUN" and kin_noun(t)
                                                                       and c.dep_ != "appos"))
            if t.pos_ == "PRON" or (t.dep_ in MODIFIERS and noun_event(t.head) is not None):
                continue  # "U.S. military assistance to Egypt": the deed's modifier names its doer
            a = story.actor_at(t.idx, t.idx + len(t.text))
            at, step = (t.idx, t.idx + len(t.text)), int(t.dep_ in MODIFIERS)
            if a is None and authors and t.pos_ == "NOUN" and depth <= AUTHOR_DEPTH:  # "a policy imposed BY X"
                r = made_by(story, t)
                a = next((x for x in r.actors if x.id not in seen), None)
                at, step = (r.at.get(a.id, at) if a is not None else at), 1
            if a is None or a.id in seen:
                continue
            rank = (depth + step, t.i)
            if best is None or rank < best[0]:
                best = (rank, a, t, at)
        if best is not None and best[0][0] <= depth:
            break
        frontier = nxt
    if best is None:
        return Resolved()
    _, a, t, at = best
    out = Resolved([a], at={a.id: at})
    if at != (t.idx, t.idx + len(t.text)):
        return out  # the author of a thing: no names coordinated with the thing
    for c in t.conjuncts:  # "help farmers and herders"
        b = story.actor_at(c.idx, c.idx + len(c.text))
        if b is not None and b.id not in seen and b not in out.actors:
            out.actors.append(b)
            out.at[b.id] = (c.idx, c.idx + len(c.text))
    # "help people in Somalia, Ethiopia and Kenya": the places coordinated in the group's own phrase
    return coordinated_owners(story, t, a, out)


def sent_forces(t) -> bool:
    """Whether a verb's object is forces no country word marks as anyone else's ("offered to send 3,000 TROOPS
    to Somalia", ``events/force_nouns.txt``): the sender's own, sent, never the target."""
    return t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.lemma_.lower() in word_set("events/force_nouns.txt") \
        and not any(c.ent_type_ in ("NORP", "GPE") for c in t.lefts)


def small_clause(c) -> bool:
    """Whether a clause the parse hung on a verb as its complement is a bare infinitive or participle after
    the verb's object ("help NORTH KOREA cope", "accept REFUGEES fleeing the war"): no marker, no auxiliary,
    so its subject is what the verb acts on."""
    return c.dep_ == "ccomp" and c.tag_ in ("VB", "VBG") and c.i > c.head.i and \
        not any(x.dep_ in ("mark", "aux", "auxpass") for x in c.children)


def _deep_step(c) -> bool:
    if c.dep_ in ("advcl", "relcl", "acl") and c.i > c.head.i and any(x.dep_ == "aux" and x.tag_ == "TO"
                                                                     for x in c.children):
        return True  # a purpose clause: "donated seed TO HELP farmers in Malawi", "2 million dollars TO PROMOTE ..."
    if small_clause(c) or c.dep_ == "nsubj" and small_clause(c.head):
        return True  # "sending aid to help NORTH KOREA cope", "will not accept REFUGEES fleeing the war"
    if c.dep_ == "amod" and c.i > c.head.i:
        return True  # an adjective phrase after its noun: "a ceasefire effective from Sunday in Somalia"
    if c.dep_ not in DEEP_DEPS:
        return False
    if c.dep_ == "prep" and (c.lower_ in NOT_TARGET_PREPS or ally_phrase(c)):
        return False  # "fought alongside X", "on the side of X": allies, not targets
    if c.dep_ == "pobj" and c.head.lower_ == "in" and first_class("noun", c.lemma_.lower()) == "communication" \
            and noun_event(c) is None:
        return False  # "warned against ..., IN AN INTERVIEW with CNN", "in a statement sent to media": the medium
    if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
        return False
    return not (c.dep_ == "pobj" and aside(c))  # "on behalf of X", "for its part": no one acted on
