"""From an argument's head token to the actors it names.

The parse positions of arguments are found in ``arguments.py`` (verbs) and ``nominal.py`` (event nouns); here
a noun phrase is resolved to actors only through the Story's public lookups (``story.actor_at``,
``story.actors_at``, ``story.actors``) and the quotes (``story.quotes``). A noun phrase resolves to every actor of its coordinated heads
("Hungarian and Romanian officials", "Obama and Petraeus"). First-person pronouns inside a quotation are the
quote's speaker ("I") or the speaker's organisation ("we", through ``actor.affiliation``).

When the actors stage gave a pronoun no actor, ``pronoun_fallback`` makes a local guess (the subject of the
governing clause, or the nearest earlier person in the sentence or the one before). It is a stop-gap for the
actors stage's own coreference and marks the argument as guessed, which lowers the event's confidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data import word_set
from ..model import Actor, Story
from ..people_cues import who_clause
from ..word_classes import first_class, ordinary
from .syntax import counted, counts

FIRST_SINGULAR = {"i", "me", "my", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
THIRD_SINGULAR = {"he", "him", "his", "she", "her", "it", "its"}
THIRD_PLURAL = {"they", "them", "their"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
# Children whose actors describe the head noun itself ("Israeli soldiers", "Afghanistan's government",
# "officials of the Afghan government", "elements within the Taliban").
MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "npadvmod")
OF_PREPS = {"of", "within", "from", "in", "inside", "among", "like", "including"}  # "partners LIKE SAUDI ARABIA"
PLACE_PREPS = {"in", "inside"}
SUBJECTS = ("nsubj", "nsubjpass")


@dataclass
class Resolved:
    """The actors an argument names; ``at`` gives, per actor id, the characters (start, end) of the words that
    name it in this argument (the argument's mention, recorded on the event as ``source_spans`` /
    ``target_spans``)."""

    actors: list[Actor] = field(default_factory=list)
    guessed: bool = False
    at: dict = field(default_factory=dict)

    def ids(self) -> list[str]:
        seen = []
        for a in self.actors:
            if a.id not in seen:
                seen.append(a.id)
        return seen


def _at(story: Story, tok) -> Actor | None:
    return story.actor_at(tok.idx, tok.idx + len(tok.text))


def chars(tok) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)


def named_at(actors: list[Actor], tok, guessed: bool = False) -> Resolved:
    """Actors named by the words at ``tok``."""
    return Resolved(list(actors), guessed, {a.id: chars(tok) for a in actors})


def all_at(story: Story, tok) -> list[Actor]:
    """Every actor a plural pronoun or a compound phrase at the token stands for (``story.actors_at``)."""
    return story.actors_at(tok.idx, tok.idx + len(tok.text))


def quote_at(story: Story, offset: int):
    return story.quote_at(offset)


def speaker_actor(story: Story, quote, plural: bool) -> Actor | None:
    """The actor a first-person pronoun in a quote stands for: the speaker, or for "we" the speaker's
    organisation when the actors stage recorded one."""
    if quote is None or not quote.speaker:
        return None
    speaker = story.actor(quote.speaker)
    if speaker is None:
        return None
    if plural and speaker.affiliation:
        return story.actor(speaker.affiliation) or speaker
    return speaker


def pronoun_fallback(story: Story, tok) -> Actor | None:
    """A local guess for a third-person pronoun the actors stage left unresolved.

    "they" in a clause governed by a verb whose subject is coordinated ("Obama and Petraeus indicated they
    may be willing") is left to the caller (see ``resolve``); here: the nearest earlier actor mention in this
    sentence or the previous one, a person for he/she, anything but a person for it/they.
    """
    low = tok.lower_
    want_person = low in ("he", "him", "his", "she", "her")
    sent = tok.sent
    lo = sent.start_char
    prev = story.sentence_at(lo - 2) if lo > 1 else None
    if prev is not None:
        lo = prev.start
    best = None
    doc = tok.doc
    for a in story.actors:
        if (a.kind == "person") != want_person:
            continue
        for m in a.mentions:
            if lo <= m.start and m.end <= tok.idx:
                # a mention that is a clause subject is the likelier antecedent ("reconcilable Taliban will
                # lay down their arms ... they continue to attack")
                head = doc.char_span(m.start, m.end, alignment_mode="expand")
                subj = head is not None and head.root.dep_ in ("nsubj", "nsubjpass")
                score = (subj, m.start)
                if best is None or score > best[0]:
                    best = (score, a)
    return best[1] if best else None


def coordinated_owners(story: Story, h, a: Actor, r: Resolved) -> Resolved:
    """A noun whose actor is the place or body its "from"/"of"/"in" phrase names stands for every actor
    coordinated there, of the same kind and another country: "expelled diplomats from POLAND, GERMANY and
    SWEDEN" are the three countries'; "St. Vincent and the Grenadines" is one place. A group placed by its
    phrase ("people in SOMALIA, ETHIOPIA and KENYA": the group is Somalia's; "the foreign MINISTERS of India and
    Pakistan", several people under one title) stands for the group and for each further country or place
    coordinated there."""
    for c in h.children:
        if c.dep_ != "prep" or c.lower_ not in ("from", "of", "in"):
            continue
        for p in c.children:
            first = _at(story, p) if p.dep_ == "pobj" else None
            placed = first is not None and first is not a and first.kind in ("country", "place") and \
                (a.kind == "group" or a.kind == "person" and h.tag_ == "NNS") and a.country is not None \
                and first.country == a.country
            if first is None or (first is not a and not placed):
                continue
            for x in p.conjuncts:
                b = _at(story, x)
                same = b is not None and b.country and b.country == a.country
                if b is not None and b not in r.actors and b.kind == first.kind and not same:
                    r.actors.append(b)
                    r.at[b.id] = chars(x)
    return r


def _titled_person(story: Story, h):
    """(person, token) when a title noun heads a phrase the parser ended on the titled person's name, hung on
    "for" or "of" ("the Minister for Interior Pedro X": the actors stage read the whole title as X's role);
    "the spokesman for President X" is not X (his role has no "spokesman")."""
    for p in h.children:
        if p.dep_ == "prep" and p.lower_ in ("for", "of"):
            for o in p.children:
                a = _at(story, o) if o.dep_ == "pobj" and o.i - h.i <= 6 else None
                if a is not None and a.kind == "person" and a.role and h.lower_ in a.role.lower().split():
                    return a, o
    return None


def _head_actors(story: Story, h, depth: int = 0, doer: bool = False) -> Resolved:
    low = h.lower_
    if low in THIRD_PLURAL and h.pos_ == "PRON":
        many = all_at(story, h)
        if many:
            return named_at(many, h)
    a = _at(story, h)
    if a is not None:
        # "the then president, Goodluck Jonathan, ...": the name in apposition is where the actor is named
        same = next((c for c in h.children if c.dep_ == "appos" and c.pos_ == "PROPN" and _at(story, c) is a), None)
        r = coordinated_owners(story, h, a, named_at([a], same if same is not None else h))
        for c in h.children:  # "the army AND rebel fighters" parsed as modifiers of "fighters": both act
            b = _at(story, c) if c.dep_ in ("nmod", "compound") and any(x.dep_ == "cc" for x in c.children) and \
                any(x.dep_ == "conj" and x.i < h.i for x in c.children) else None
            if b is not None and b not in r.actors:
                r.actors.insert(0, b)
                r.at[b.id] = chars(c)
        return r
    many = all_at(story, h)
    if len(many) > 1:  # a group phrase: "the two governments", "officials on both sides"
        return named_at(many, h)
    if h.pos_ == "PRON" or low in RELATIVE:
        q = quote_at(story, h.idx)
        if low in FIRST_SINGULAR | FIRST_PLURAL:
            sp = speaker_actor(story, q, low in FIRST_PLURAL)
            return named_at([sp] if sp else [], h)
        if low in RELATIVE and h.head.dep_ == "relcl":  # "an attack in Iraq THAT killed": the attack does it
            return _head_actors(story, h.head.head, depth + 1, doer=h.dep_ in SUBJECTS)
        if low in THIRD_SINGULAR | THIRD_PLURAL and low != "it":  # "it" is mostly a thing or expletive
            guess = pronoun_fallback(story, h)
            return named_at([guess] if guess else [], h, guessed=guess is not None)
        return Resolved()
    if depth > 2:
        return Resolved()
    if h.dep_ == "appos" and h.pos_ == "NOUN" and _at(story, h.head) is not None and h.head.ent_type_ == "PERSON":
        return named_at([_at(story, h.head)], h.head)  # "Jimmy Ghazal, a Lebanese MAN visiting Nice": Ghazal
    if h.pos_ in ("VERB", "AUX"):
        # a mis-parsed argument headed by a verb ("The Red Cross operating in Iraq said"): its own subject
        inner = next((c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return _head_actors(story, inner, depth + 1) if inner is not None else Resolved()
    titled = _titled_person(story, h)
    if titled is not None:  # "The Federal MINISTER for Interior X allowed": X, whose title the head is
        return named_at([titled[0]], titled[1])
    for c in h.children:
        if c.dep_ == "appos":
            # the apposition names the head itself, its modifiers name whose it is: "Zelmanov's rival,
            # Papandreou, agreed" is Papandreou's act
            r = _head_actors(story, c, depth + 1)
            if r.actors:
                return r
    if any(c.dep_ == "poss" and c.lower_ == "whose" for c in h.children) and h.head.dep_ == "relcl":
        return _head_actors(story, h.head.head, depth + 1)  # "the squad WHOSE MEMBERS met Steele": the squad's
    found = Resolved()
    for c in h.children:
        if c.dep_ == "poss" and h.pos_ == "NOUN" and kin_noun(h):
            continue  # "his MOTHER, father and sister were detained": someone else than him
        if c.dep_ in MODIFIER_DEPS and not (_happening_done(h, doer) and city_word(c)):  # "the PARIS attacks"
            for x in [c] + list(c.conjuncts):
                a = _at(story, x)
                if a is not None and a not in found.actors:
                    found.actors.append(a)
                    found.at[a.id] = chars(x)
    if found.actors:
        return found
    for c in h.children if not (h.pos_ == "NOUN" and kin_noun(h)) else ():  # "the BROTHER of the leader"
        if c.dep_ == "prep" and c.lower_ in OF_PREPS and not (c.lower_ in PLACE_PREPS and _happening_done(h, doer)):
            for p in c.children:
                if p.dep_ == "pobj":
                    r = resolve(story, p, depth + 1)
                    if r.actors:
                        return r
    return found


BIG_CITY = 500_000


def kin_noun(tok) -> bool:
    """A noun for someone's kin, friends or housemates (``events/kin_nouns.txt``): "her HUSBAND" is not her."""
    return tok.lemma_.lower() in word_set("events/kin_nouns.txt")


def city_word(tok) -> bool:
    """Whether a name before an event noun is a city the gazetteer knows and no country ("the Paris attacks"):
    it tells where the deed happened."""
    tagged = tok.ent_type_ == "GPE"  # or a big city the small model tags ORG ("the Karachi bombing")
    if tok.dep_ != "compound" or not (tagged or tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "")):
        return False
    from ..places.index import load

    found = [(e.feature, e.population) for e, primary in load().lookup(tok.text) if primary]
    return any(f == "city" and (tagged or n >= BIG_CITY) for f, n in found) and all(f != "country" for f, _n in found)


def _happening_done(h, doer: bool) -> bool:
    """Whether a doer is a common noun naming an act or happening (its commonest WordNet sense: "attack",
    "bombing", "explosion") or a device of attack ("a car BOMB"): the place it is "in" is where it happened,
    not who did it ("a rocket attack IN IRAQ killed", "a suicide car bomb IN CENTRAL TURKEY"). As what is acted
    on, the place stays ("reimposed blockades IN THE WEST BANK")."""
    return doer and h.pos_ == "NOUN" and (first_class("noun", h.lemma_) in ("act", "event", "phenomenon")
                                          or h.lemma_.lower() in word_set("events/device_nouns.txt"))


def coordinated_heads(tok) -> list:
    """The heads of a coordinated noun phrase: the token and its later conjuncts, and a list the parse hung on
    it as an apposition ("The United States, INDIA, ISRAEL and other governments": "India" an apposition with
    conjuncts; "the government, A NUMBER OF parties and the Taliban", the conjuncts of what the apposition
    counts). A lone apposition renames its head ("Zelmanov's rival, Papandreou") and is not a new head."""
    heads = [tok] + [c for c in tok.conjuncts if c.i > tok.i]
    for h in list(heads):
        for c in h.children:
            inner = counted(c) if c.dep_ == "appos" else None  # "..., A NUMBER OF parties and the Taliban"
            for x in (c, inner):
                if x is not None and c.dep_ == "appos" and c.i > h.i and any(y.i > x.i for y in x.conjuncts):
                    heads += [c] + [y for y in x.conjuncts if y.i > x.i and y not in heads]
    return heads


def resolve(story: Story, tok, depth: int = 0, doer: bool = False) -> Resolved:
    """Every actor a noun phrase names, through its coordinated heads; ``doer`` when the phrase is who acts
    (``_happening_done``)."""
    if tok is None:
        return Resolved()
    out = Resolved()
    for h in coordinated_heads(tok):
        r = _head_actors(story, h, depth, doer)
        for a in r.actors:
            if a not in out.actors:
                out.actors.append(a)
            if a.id in r.at:
                out.at.setdefault(a.id, r.at[a.id])
        out.guessed |= r.guessed
    return out


def agent_nouns() -> frozenset[str]:
    """Nouns that name people or bodies acting (``data/events/agent_nouns.txt``)."""
    return word_set("events/agent_nouns.txt")


def person_nouns() -> frozenset[str]:
    """Nouns for a person or people acted on, not acting as a body ("the accused", "a youth", "two men";
    ``data/events/person_nouns.txt``)."""
    return word_set("events/person_nouns.txt")


# Argument roles in which a capitalised word no dictionary knows is taken for a name.
NAME_ROLES = {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"}


def unfamiliar_name(tok) -> bool:
    """Whether a token is a name that neither the entity recogniser nor the tagger knew: a capitalised word of
    letters, no ordinary English noun or verb (WordNet), standing as a verb's subject or object ("Rautio urged
    Iran to ...", "Maltravers says he will ...": the small model tags such a surname JJ or NNS at a sentence
    start). Familiar names are entities; this keeps an unfamiliar one a participant."""
    return tok.dep_ in NAME_ROLES and tok.is_title and tok.is_alpha and len(tok) > 2 and tok.ent_type_ == "" \
        and not ordinary(tok.text) and not ordinary(tok.lemma_) \
        and not (tok.i == tok.sent.start and tok.tag_ in ("RB", "IN", "DT", "CC"))


def named_subject(tok):
    """The token that names a verb's subject when the subject read is none: "he"/"she" saying what its teller
    says (``pronoun_teller``), or another subject the parse hung on the same verb when the one read names no one
    ("Cocos [Keeling] Islands Asks ...": "Cocos"); else the token itself."""
    if tok is None or namable(tok) or tok.lemma_.lower() in person_nouns():
        return tok
    teller = pronoun_teller(tok)
    if teller is not None:
        return teller
    if tok.dep_ == "nsubj" and tok.pos_ != "PRON":
        other = [c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.i and namable(c)]
        if other:
            return other[-1]
    return tok


def pronoun_teller(tok):
    """For "he"/"she" subject of a clause someone says, that teller when it names a participant the actors stage
    has no actor for ("Maltravers says HE will seek support": Maltravers), else None."""
    if tok is None or tok.lower_ not in ("he", "she") or tok.dep_ != "nsubj" or tok.head.dep_ != "ccomp":
        return None
    say = tok.head.head
    teller = next((c for c in say.children if c.dep_ == "nsubj" and c.i < tok.i), None)
    return teller if teller is not None and namable(teller) else None


def namable(tok) -> bool:
    """Whether a noun phrase names a participant: a named entity, a noun for people or bodies, or a noun a
    "who" clause describes. An argument headed by one is a real participant even when the actors stage gave
    it no actor ("Swiss doctors")."""
    if tok is None or tok.pos_ == "PRON":
        return False
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN" or unfamiliar_name(tok):
        return True
    if tok.lemma_.lower() in agent_nouns() or who_clause(tok):
        return True
    if tok.lower_ in person_nouns() and any(c.dep_ == "det" for c in tok.children):
        return True  # "THE ACCUSED was booked": a participle used as a noun, which the tagger may call a verb
    if counts(tok):
        return namable(counted(tok))  # "thousands of Tamil refugees", "dozens of protesters"
    return any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in tok.children if c.dep_ in ("amod", "compound", "poss"))
