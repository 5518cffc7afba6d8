"""Unidentified attackers: a killing, an injury or an attack whose doer the text names only by the device or the
attack that did it ("a car bomb in Kiev killed ...", "killed by a roadside bomb", "wounded in a grenade attack",
"a minefield explosion near Samarra killed ...") is done by unidentified armed forces, as event data codes it
(the UAF sector of PLOVER and CAMEO). The source is then one actor per country, "unidentified attackers",
generic, named in the event by the device's words; its country is that of the place the device's own phrase
names, else of the place its sentence names, else of the dateline; the event is marked ``source_unidentified``.

Three readings come first. A device with a doer of its own ("killed in an attack BY MILITANTS", "ISIS carried out
an ATTACK that killed 17") or one who claimed it ("claimed responsibility for the attack, which killed") is that
doer's. A
definite attack ("THE ATTACK killed 12 soldiers") after an attack whose doer the story named ("Militants stormed
the base") is that doer's: the same act told again. An explosion or a blast is an attack only with a device or
an attack word among its modifiers (``data/events/blast_modifiers.txt``: "a car bomb explosion", "a suicide
blast"); "an explosion at a chemical plant" may be an accident and names no doer. Devices are listed in
``data/events/device_nouns.txt``.

A claim of responsibility for an attack that names nothing struck is aimed at the place the attack was in
("claimed responsibility for the bombing in Mogadishu"; ``place_read`` tells the events stage where to read it).
"""

from __future__ import annotations

from ..data import word_set
from ..model import Actor
from .draft import Draft, Work
from .passive import agent_of, is_passive, passive_agent
from .place_targets import stage_actor
from .resolve import Resolved, resolve
from .subjects import subject_of
from .syntax import pobjs
from .triggers import noun_event

UAF_TYPES = ("ASSAULT",)
# Prepositions of a passive killing that name the attack it was done in ("killed IN a car bomb explosion",
# "wounded BY a grenade", "died FROM a roadside bomb").
IN_PREPS = ("in", "by", "during", "from")
DEFINITE = ("the", "this", "that", "these", "those")
LEADING = ("det", "predet", "nummod", "quantmod", "poss", "advmod", "case", "punct")
NAME = "unidentified attackers"
CLAIM_NOUNS = ("responsibility", "credit")  # "claimed RESPONSIBILITY for the attack"
CLAIM_VERBS = ("claim", "accept", "take", "admit")


def device(tok) -> bool:
    """Whether a noun names an attack or a device of one (``device_nouns.txt``), or an explosion that one of
    them or an attack word modifies ("a minefield explosion", "a bomb blast")."""
    if tok is None or tok.pos_ not in ("NOUN", "PROPN"):
        return False
    devices = word_set("events/device_nouns.txt")
    low = tok.lemma_.lower()
    if low in devices:
        return True
    if low not in word_set("events/blast_words.txt"):
        return False
    words = devices | word_set("events/blast_modifiers.txt")
    return any(t.i < tok.i and t.lemma_.lower() in words for t in tok.subtree)


def doer_device(tok, pos: str):
    """The device or attack that a killing verb names as its doer: its subject ("a car bomb killed"), its "by"
    agent ("killed by a roadside bomb"), or the attack a passive was done in ("killed in a suicide bombing")."""
    if pos != "V":
        return None
    if not is_passive(tok):
        subj = subject_of(tok)
        return subj if device(subj) else None
    ag = passive_agent(tok)
    if ag is not None:
        return ag if device(ag) else None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in IN_PREPS:
            p = next((x for x in c.children if x.dep_ == "pobj"), None)
            if p is not None and p.lower_ in ("which", "that") and tok.dep_ == "relcl":
                p = tok.head  # "an attack IN WHICH five soldiers were killed": the attack
            if device(p):
                return p
    return None


def unidentified_source(w: Work, d: Draft) -> None:
    """Give an attack with no source the doer its device names (``device_nouns.txt``): the device's own doer,
    the doer of the same attack told before, or unidentified attackers of the place's country."""
    if d.type not in UAF_TYPES or d.source.actors or not d.target.actors:  # "and wounded two others": no one named
        return
    dev = doer_device(d.match.tok, d.match.entry.pos)
    if dev is None:
        return
    lo, hi = _words(dev)
    ag = agent_of(dev)  # "an attack BY MILITANTS"
    own = resolve(w.story, ag) if ag is not None else Resolved()
    if not own.actors:
        own = _claimed(w, dev)
    if not own.actors:  # "ISIS carried out an ATTACK ... that killed 17": the attack's own doer
        own = next((x.source for x in w.drafts if x.match.tok.i == dev.i and x.source.actors), Resolved())
    if own.actors:
        d.source = Resolved(list(own.actors), own.guessed, {a.id: own.at.get(a.id, (lo, hi)) for a in own.actors})
        return
    if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in dev.children):
        before = _told_before(w, d)
        if before is not None:
            d.source = Resolved(list(before), False, {a.id: (lo, hi) for a in before})
            d.attrs["source_from"] = "earlier attack"
            return
    a = _attackers(w, _country(w, dev), lo, hi)
    d.source = Resolved([a], False, {a.id: (lo, hi)})
    d.attrs["source_unidentified"] = True


def claimer(dev):
    """The subject that claims an attack: "X claimed responsibility for THE ATTACK", "took credit for", or
    None."""
    p = dev.head
    if dev.dep_ != "pobj" or p.lower_ != "for" or p.head.lemma_.lower() not in CLAIM_NOUNS:
        return None
    verb = p.head.head
    if verb.lemma_.lower() not in CLAIM_VERBS or p.head.dep_ != "dobj":
        return None
    return subject_of(verb)


def _claimed(w: Work, dev) -> Resolved:
    """Who claimed the attack: the subject of "claimed responsibility for the attack", "took credit for"."""
    subj = claimer(dev)
    return resolve(w.story, subj) if subj is not None else Resolved()


def _words(dev) -> tuple[int, int]:
    """The characters of a device's words, from its first modifier to the noun ("car bomb explosion")."""
    doc = dev.doc
    start = dev.left_edge.i
    while start < dev.i and doc[start].dep_ in LEADING:
        start += 1
    return doc[start].idx, dev.idx + len(dev.text)


def _told_before(w: Work, d: Draft):
    """The source actors of the last attack or seizure before this one that names a doer, if any."""
    at = d.match.tok.idx
    for prev in reversed(w.drafts):
        if prev.type in ("ASSAULT", "COERCE") and prev.source.actors and prev.match.tok.idx < at and \
                not prev.attrs.get("source_unidentified"):
            return prev.source.actors
    return None


def _country(w: Work, dev) -> str | None:
    """The country of the place the device's phrase names, else of the place its sentence names nearest to
    it, else of the dateline. A place is one the actors stage located, a country actor, or a place name the
    gazetteer places (``actors.places.city_country``)."""
    from ..actors.places import city_country

    story = w.story
    places = [(x["start"], x["country"]) for x in story.ext["actors.locations"]
              if x.get("country") and not x.get("dateline")]
    for ent in dev.sent.ents:
        if ent.label_ in ("GPE", "LOC"):
            a = story.actor_at(ent.start_char, ent.end_char)
            country = a.country if a is not None and a.kind in ("country", "place") else \
                (city_country(ent.text) if a is None else None)
            if country:
                places.append((ent.start_char, country))
    for t in dev.sent:  # a place the model took for no place: "near the town of SAMARRA", "the KARACHI bombing"
        a = story.actor_at(t.idx, t.idx + len(t.text))
        if t.pos_ == "PROPN" and (t.dep_ == "pobj" and a is None or t.dep_ == "compound" and t.head.i == dev.i
                                  and (a is None or a.kind == "organization" and not a.country)):
            first = min([c.i for c in t.children if c.dep_ == "compound"] + [t.i])
            country = city_country(t.doc[first:t.i + 1].text)
            if country:
                places.append((t.idx, country))
    lo, hi = dev.left_edge.idx, dev.right_edge.idx + len(dev.right_edge.text)
    inside = [c for at, c in places if lo <= at < hi]
    if inside:
        return inside[0]
    sent = dev.sent
    near = [(abs(at - dev.idx), c) for at, c in places if sent.start_char <= at < sent.end_char]
    if near:
        return min(near)[1]
    line = [x["country"] for x in story.ext["actors.locations"] if x.get("dateline") and x.get("country")]
    return line[0] if line else None


def _attackers(w: Work, country: str | None, lo: int, hi: int) -> Actor:
    """The story's unidentified attackers of ``country`` (one actor per country), with this mention."""
    return stage_actor(w.story, lambda x: x.name == NAME and x.sector == "UAF" and x.country == country, lo, hi,
                       name=NAME, kind="group", country=country, sector="UAF", code=f"{country or ''}UAF",
                       generic=True)


def place_read(d, where, places: str | None) -> tuple:
    """(words, how) a draft's place target is read from: the predicate's clause and the type's way
    (``place_target_types``), or for a claim of responsibility the deed claimed, read "in" ("claimed
    responsibility for the attack IN KANDAHAR", "for arson at a ski resort IN VAIL"): a claimed attack that
    names nothing struck was done to the place, as CAMEO coders code it."""
    tok = d.match.tok
    if d.type != "ASSAULT" or tok.lemma_.lower() not in CLAIM_VERBS:
        return where, places
    heads = [tok] + [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS]
    deed = next((c for h in heads for p, c in pobjs(h, ("for",)) if noun_event(c) is not None), None)
    return (deed, "in") if deed is not None else (where, places)
