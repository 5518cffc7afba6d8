"""Participants no earlier step named (after the nominal steps, before actors are built): a subject, "by"
agent or direct object of a verb, or a noun coordinated with one, that is a name ("Papandreou agreed", "ICE
returned the paintings") or a noun for people or bodies ("a female rebel commander surrendered", "released
journalists and several detainees", "freed a candidate WHO was jailed") is an actor of its own. A name takes
the kind spaCy's entity label gives it; a common noun makes a generic actor. Neither gets a country the text
does not give (no focus-country guess); "the group" and "the country" are left to the pronoun step."""

from __future__ import annotations

from ..data import word_set
from ..people_cues import who_clause
from ..word_classes import first_class
from .labels import unit_word
from .senses import other_sense
from .peoplewords import names_people
from .pronouns import BODY_NOUNS, COUNTRY_NOUNS
from .work import Mention, Work, drop, role_of

ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj")
RELATIVES = {"who", "that", "which"}
QUANTIFIERS = {"several", "many", "some", "few", "dozens", "hundreds", "thousands", "numerous", "both"}
NOT_NAMES = {"TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LAW", "WORK_OF_ART", "EVENT",
             "PRODUCT", "LANGUAGE", "FAC", "LOC", "GPE"}
MODIFIERS = ("compound", "amod", "nmod", "flat")


def _argument(tok, depth: int = 0) -> bool:
    """A subject, object or "by" agent of a verb, or a noun coordinated with one ("Nepal's government and
    former rebel Maoists accepted")."""
    if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN") and depth < 4:
        return _argument(tok.head, depth + 1)
    if tok.dep_ in ARGUMENT_DEPS and tok.head.pos_ in ("VERB", "AUX"):
        return True
    return (tok.dep_ == "pobj" and tok.head.dep_ == "agent") or _clause_subject(tok) or _noun_doer(tok) or \
        _deed_undergoer(tok)


# Prepositions after an event noun whose object undergoes the deed: "the arrest OF the minister", "an attack ON
# the convoy", "sanctions AGAINST the regime".
DEED_PREPS = ("of", "on", "against", "upon")


def _deed_undergoer(tok) -> bool:
    """Whom an event noun of the events lexicon is done to: the object of its "of", "on" or "against" phrase
    ("announced the arrest OF THE INTERIOR MINISTER", "demanded the release of the detained journalists"), or of
    a participle on it ("sanctions imposed ON A FIRM")."""
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep" or tok.head.lower_ not in DEED_PREPS:
        return False
    from ..events.lexicon import SPECIAL, by_head
    noun = tok.head.head
    if noun.dep_ == "acl" and noun.tag_ == "VBN" and tok.head.lower_ != "of" and noun.head.i < noun.i:
        noun = noun.head  # "sanctions IMPOSED on a firm": the deed the participle tells of
    return noun.pos_ == "NOUN" and noun.i < tok.i and any(
        e.type not in SPECIAL for e in by_head().get((noun.lemma_.lower(), "N"), ()))


def _noun_doer(tok) -> bool:
    """Who a verb's object or subject noun comes from: the "by" phrase of that noun, or its "from" phrase when
    the noun's commonest WordNet sense is a said or done thing ("rejected accusations BY THE OPPOSITION
    PARTY", "rejects demands FROM A REBEL GROUP"; not "curb the threat FROM DEVELOPING NATIONS"): the doer of
    the deed or word the noun names."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("by", "from") or tok.head.dep_ != "prep":
        return False
    noun = tok.head.head
    if noun.pos_ != "NOUN" or noun.dep_ not in ARGUMENT_DEPS or noun.head.pos_ not in ("VERB", "AUX"):
        return False
    return tok.head.lower_ == "by" or first_class("noun", noun.lemma_) in ("communication", "act")


def _clause_subject(tok) -> bool:
    """The noun a clause on it has for its doer: "voters WHO accepted", "countries THAT violate", "one of the
    states SUING the agency" (a participle clause on a plural noun). Not a title in apposition to a name
    ("Tantan, the minister WHO told ..." is Tantan), nor a noun that says what the subject is ("Lopez is a
    populist WHO pledged ..." is Lopez; "there are many people WHO ..." are the people)."""
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" or _describes_subject(tok):
        return False
    return any(_doer_clause(c) or _doing(tok, c) for c in tok.children)


def _doing(tok, c) -> bool:
    """A participle clause on a plural noun, which the noun does ("the states SUING the agency")."""
    return c.dep_ == "acl" and c.tag_ == "VBG" and c.i > tok.i and tok.tag_ == "NNS"


def _joins_named(w: Work, tok) -> bool:
    """A name or noun coordinated with a name an earlier step made an actor, wherever the pair stands:
    "mediation between the National Democratic Alliance AND HADAS", "the rift between Qatar and OTHER GULF
    STATES". The pair are parties of one kind; the noun still has to name people (``_participant``)."""
    if tok.dep_ != "conj" or tok.pos_ not in ("PROPN", "NOUN"):
        return False
    first = tok
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.i != tok.i and first.i in w.taken and any(
        m.start <= first.i < m.end and m.how == "name" and m.kind != "place" for m in w.mentions)


def _given_to(tok) -> bool:
    """A noun a verb hands its object to: "donated medical supplies TO VARIOUS AFRICAN COUNTRIES", "gave a
    voucher TO EVERY HOUSEHOLD" (a "to" phrase of a verb that has a direct object)."""
    if tok.dep_ == "conj":
        return tok.head.pos_ in ("NOUN", "PROPN") and _given_to(tok.head)
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.dep_ in ("prep", "dative") and \
        tok.head.head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in tok.head.head.children)


def _counted_doer(tok) -> bool:
    """Where a noun for people found by its ending stands as a participant: a doer ("subject", "by" agent or
    clause subject) that is counted or named by its people or party ("TWO DEMOCRATIC speechwriters implored",
    "veterans WHO came"). A bare "forecasters warned" or "the retailer closed" is left out (sport, weather
    and business doers would make events), and so is an object ("sent experts to Riyadh" would take the
    place of the deed's real target)."""
    if _clause_subject(tok):
        return True
    if tok.dep_ != "nsubj" and not (tok.dep_ == "pobj" and tok.head.dep_ == "agent"):
        return False
    return any(c.dep_ == "nummod" or (c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP") or
               c.lower_ in QUANTIFIERS for c in tok.children)


def _describes_subject(tok, depth: int = 0) -> bool:
    if tok.dep_ == "conj" and depth < 4:
        return _describes_subject(tok.head, depth + 1)
    return tok.dep_ == "attr" and not any(c.dep_ == "expl" for c in tok.head.children)


def _doer_clause(c) -> bool:
    """A relative clause whose subject is the relative pronoun: the noun it is on does the clause's deed."""
    return c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX") and \
        any(g.dep_ == "nsubj" and g.lower_ in RELATIVES for g in c.children)


def _titled_name(tok) -> tuple[int, int] | None:
    """The words of a name written in title case with a capitalised preposition inside ("Action Against
    Hunger", "Voices For Peace", "Lawyers Without Borders"), which spaCy's small model often leaves no entity:
    the noun, its capitalised modifiers, a capitalised preposition and its capitalised object."""
    if not tok.is_title or tok.pos_ not in ("NOUN", "PROPN"):
        return None
    for p in tok.children:
        if p.dep_ == "prep" and p.i == tok.i + 1 and p.is_title and p.pos_ == "ADP":
            objs = [o for o in p.children if o.dep_ == "pobj" and o.is_title]
            if objs and all(t.is_title or t.is_punct for t in tok.doc[p.i + 1:objs[0].i + 1]):
                start = tok.i
                while start > 0 and tok.doc[start - 1].is_title and tok.doc[start - 1].head.i == tok.i \
                        and tok.doc[start - 1].dep_ in MODIFIERS:
                    start -= 1
                return start, objs[0].i + 1
    return None


def _anaphor(tok) -> bool:
    """A definite "the group" / "the country" with no other modifier: an anaphor, not a new actor."""
    return tok.lower_ in BODY_NOUNS | COUNTRY_NOUNS and \
        [c.lower_ for c in tok.children if c.dep_ in ("det", "amod", "compound", "poss")] == ["the"]


def _extent(tok) -> tuple[int, int]:
    """The words of the noun's own phrase, without the nouns coordinated with it, nor, for a doer, the clause
    it does ("veterans WHO WORKED WITH JONES praised him"; an object's clause stays: on the roles set it
    mostly makes a second, uncoded event of the sentence)."""
    lo, hi = tok.i, tok.i + 1
    for c in tok.children:
        done = (_doer_clause(c) or _doing(tok, c)) and tok.dep_ != "dobj"
        if c.dep_ not in ("conj", "cc", "punct") and not done:
            lo, hi = min(lo, c.left_edge.i), max(hi, c.right_edge.i + 1)
    return lo, hi


def _span(tok) -> tuple[int, int]:
    """The words naming the participant: the head and its modifiers to the left, without determiners."""
    start = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in MODIFIERS:
            start = min(start, c.left_edge.i)
    doc = tok.doc
    while start < tok.i and (doc[start].dep_ in ("det", "punct") or doc[start].is_punct):
        start += 1
    return start, tok.i + 1


def named_participants(w: Work, verbs: frozenset = frozenset(), nouns: frozenset = frozenset()) -> None:
    people_nouns = word_set("events/agent_nouns.txt")
    places = {x["start"]: x for x in w.locations}
    for tok in w.doc:
        # only a noun or a name makes a participant (``_participant``): other words are passed over at once
        if tok.pos_ not in ("NOUN", "PROPN") or w.para_kind[tok.i] != "body" or tok.i in w.taken or \
                not (_argument(tok) or _joins_named(w, tok) or _given_to(tok)):
            continue
        if _anaphor(tok):
            continue  # "the group", "the country": the pronoun step resolves them to the last one named
        # "two IRAQI strategists": the demonym the country step made the country is the people's country
        demonym = None
        if tok.pos_ == "NOUN" and _names_people(w, tok, verbs, people_nouns):
            lo = _span(tok)[0]
            demonym = next((m for m in w.mentions if lo <= m.start and m.end <= tok.i and m.how == "demonym"
                            and m.entry is not None and m.entry.kind == "country"), None)
        if demonym is not None:
            drop(w, lambda m: m is demonym)
        country = demonym.entry.country if demonym else None
        if demonym is None and tok.pos_ == "NOUN" and _names_people(w, tok, verbs, people_nouns):
            country = _place_before(w, places, _span(tok)[0], tok.i)  # "an EDMONTON man", "a Lagos trader"
        n = len(w.mentions)
        _participant(w, tok, verbs, people_nouns, country, nouns)
        if demonym is not None and len(w.mentions) == n:
            w.add(demonym)


def _place_before(w: Work, places: dict, lo: int, hi: int) -> str | None:
    """The country of a town or state the text names inside a noun phrase, before its noun ("an Edmonton man");
    ``places`` are the located places by first token."""
    from .places import city_country

    loc = next((places[i] for i in range(lo, hi) if i in places and places[i]["end"] <= hi), None)
    if loc is None:
        return None
    return loc["country"] or city_country(w.doc[loc["start"]:loc["end"]].text, w.focus)


def _names_people(w: Work, tok, verbs, people_nouns) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in ("party", "major", "captain") and other_sense(w, tok):
        return False  # "a dinner PARTY" is a gathering (a press officer is still a person, of no sector)
    return w.roles.get(tok.i) is not None or lemma in w.kb.agents or lemma in people_nouns or who_clause(tok) \
        or ((_counted_doer(tok) or _joins_named(w, tok) or _given_to(tok)) and names_people(lemma, verbs)) \
        or (_counted_victims(tok) and (names_people(lemma, verbs) or first_class("noun", lemma) == "person"))


# Verbs of harm or arrest whose counted object is people acted on, whoever they are ("killed ten GUARDS", "two
# TOURISTS were wounded", "arrested three PERSONS").
HARM_VERBS = {"kill", "wound", "injure", "shoot", "stab", "kidnap", "abduct", "behead", "execute", "massacre",
              "torture", "slaughter", "murder", "maim", "arrest", "detain", "nab", "apprehend", "round"}


def _counted_victims(tok) -> bool:
    """Whether a noun is the counted object of a verb of harm or arrest (``HARM_VERBS``): they are participants."""
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in HARM_VERBS and \
        any(c.dep_ == "nummod" or c.lower_ in QUANTIFIERS for c in tok.children)


def _condition(tok) -> bool:
    """A noun of ``actors/condition_nouns.txt`` whose "of" phrase is a common noun for a happening or condition
    (its commonest WordNet sense): "lifted the STATE of emergency" names no body of people."""
    if tok.lemma_.lower() not in word_set("actors/condition_nouns.txt"):
        return False
    return any(o.pos_ == "NOUN" and first_class("noun", o.lemma_) in ("event", "act", "state")
               for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")


def _unplaced_acronym(span) -> bool:
    """Whether a one-word name in capitals (three letters or more) is no place the gazetteer knows."""
    from .places import city_country

    return len(span) == 1 and span.text.isupper() and len(span.text) >= 3 and span.text.isalpha() \
        and city_country(span.text) is None


def _participant(w: Work, tok, verbs, people_nouns, country: str | None, nouns: frozenset = frozenset()) -> None:
    """The participant ``tok`` heads, if it is a name or a noun for people that no step named."""
    doc = w.doc
    titled = _titled_name(tok)
    if titled is not None:  # "Action Against Hunger accused ...": a name spaCy did not see
        if w.free(*titled):
            text = doc[titled[0]:titled[1]].text
            w.add(Mention(titled[0], titled[1], f"participant:{text.lower()}", "organization", "name", name=text))
        return
    if _condition(tok):
        return
    s, e = _span(tok)
    while s < e and s in w.taken:
        s += 1
    if s >= e or not w.free(s, e):
        return
    # a phrase that already names someone inside it is theirs: "a group of Moroccan diplomats",
    # "their forces", "the religious leader, Ayatollah ...", "its peacekeeping force from Chad"
    lo, hi = _extent(tok)
    if not w.free(lo, hi) or any(c.dep_ == "poss" for c in tok.children):
        return
    text = doc[s:e].text
    if tok.pos_ == "PROPN" and e - s == 1 and tok.is_sent_start and not tok.ent_type_ and not tok.is_upper \
            and tok.lower_ in nouns:
        return  # "Curfew lifted, but ...": a common noun capitalised as the sentence's first word names no one
    if unit_word(doc, s, e):
        return  # "donated USD1 million", "(1300 GMT)": a sum or a time zone names no one
    if tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_upper and len(tok.text) > 1 and tok.is_alpha):
        # a name, or an acronym the tagger took for a common noun ("ICE returned ...")
        label = tok.ent_type_
        if label in ("GPE", "LOC") and _unplaced_acronym(doc[s:e]):
            label = "ORG"  # "UNDOF withdrew peacekeepers": an acronym no gazetteer places is a body, not a place
        if label in NOT_NAMES or (label == "DATE" and not any(doc[i].pos_ == "PROPN" and doc[i].ent_type_ != "DATE"
                                                                for i in range(s, e - 1))):
            return
        if any(doc[i].ent_type_ == "PERSON" for i in range(s, e)) or (label == "DATE" and e - s > 1):
            w.add(Mention(s, e, f"name:{text}", "person", "name", name=text))
        else:
            kind = "group" if label == "NORP" else "organization"
            same = next((m.key for m in w.mentions if m.kind == kind and (m.name or "").lower() == text.lower()), None)
            w.add(Mention(s, e, same or f"participant:{text.lower()}", kind, "name", name=text))  # one body, one key
    elif tok.pos_ == "NOUN":
        lemma = tok.lemma_.lower()
        role = w.roles.get(tok.i)
        if _names_people(w, tok, verbs, people_nouns):
            # one person: a title, a "who" clause or a noun for a person ("a woman", "the accused"), in the singular
            kind = "person" if (role is not None or who_clause(tok) or lemma in word_set("events/person_nouns.txt")) \
                and tok.tag_ == "NN" else "group"
            key = f"nominal:{country or '-'}:-:{text.lower()}"
            sector = w.kb.agents.get(lemma, (None, None))[0] if not other_sense(w, tok) else None
            title = role_of(w, *role) if role is not None else None
            if title is not None and title.type != "title":
                title = None  # "the director", "the chief": the sector is the named body's, and none is named
            if sector is None and title is not None:
                sector = title.sector  # "the president", "the mayor": a title says the office's sector
            w.add(Mention(s, e, key, kind, "nominal", name=text, sector=sector, country=country,
                          role=w.doc[role[0]:role[1]].text if title is not None else None))
