"""Clause-level event extraction: predicates from the lexicon, their arguments from the parse, their modes.

For each body sentence, predicates are visited from the top of the parse down (``clauses.visit_order``), so
that a verb that takes a clause ("offered to provide security to Omar", "urged Iran to halt", "refused to
negotiate") consumes the clause below it: the offer is one AGREE whose target comes from "to Omar", not an
AGREE and an AID. Coding one predicate (``Extractor.code``) is a row of named steps, each in the module of its
concern:

1. arguments: ``arguments.verb_args`` for verbs, ``nominal.noun_frame`` for event nouns and light verbs; with
   no target there, an actor named further down what the predicate acts on (``deep.deep_target``), else
   the place acted in (``place_targets.place_target``)
2. control verbs: ``event_type.control`` takes type, mode and target from the clause a verb takes
3. modality: ``modality`` (negation, hypothetical and conditional, future and historical time)
4. retyping by modality: ``event_type.by_modality`` (refusals, stated intentions, threats)
5. participants the actors stage has no actor for are kept as text in ``attrs`` (``source_text``,
   ``target_text``), never invented as actors here; descriptions and one-sided meetings are dropped, and so
   are killings done by weather, disasters, accidents or disease (``natural.natural_cause``) and beatings of
   a country (a match result); a passive arrest or use of force on a person with no agent is kept
   (``Extractor._force_on_someone``: "the accused was arrested")
6. confidence: 0.8 for a verb, 0.7 for a noun or adjective, 0.25-0.55 for the vector fallback; less when
   the source is missing or guessed, the object frame is loose or the event sits in a subordinate clause

Which lexicon match a token codes is ``triggers.choose``; verbs outside the lexicon go to the vector
fallback when the ``vector_fallback`` setting asks for it; the sentence classifier never types a predicate,
it only drops the events of sentences it calls NONE (``classifier.arbitrate``); "X said Y must ..." is a
REQUEST from X to Y (``reported.obligation``); what a speech act is about (its object, clause, purpose or
condition) is not coded again (``clauses.consume_content``). An event told in a clause of time ("after",
"since", "before") beside a main-clause event is its circumstance and is dropped (``circumstance.py``).
Events inside a quotation link the quote, and "we" in it is the speaker's organisation (``resolve.py``).
"""

from __future__ import annotations


from ..data import word_set
from ..model import Story
from . import event_type, fallback, modality, ontology
from .arrival import HOST_RECEIVES
from .arguments import deep_target, source_gap, verb_args
from .clauses import (condition_mark, consume_content, consume_means, deed_subject, is_passive,
                      main_verb_of_noun_root, prevented_act, prominence, visit_order)
from .circumstance import circumstances_dropped, force_of_circumstance
from .defied import defied
from .draft import Draft, Match, Work
from .facilities import FACILITY_TYPES, facility_target, struck_in_result
from .missions import mission_place
from .natural import natural_cause
from .nominal import noun_frame
from .place_targets import deep_from, place_object, place_target, place_target_types, takes_place
from .unidentified import place_read, unidentified_source
from .political import figurative_force, idioms, match_score, political_act, reports_political_act
from .reported import obligation
from .resolve import named_subject, namable, person_nouns
from .syntax import child, np_text, pos_of
from .triggers import choose, match_token


# Modes of force, arrest and charging that someone must have done on purpose: their passive, agentless telling
# is still an event (``Extractor._force_on_someone``); killing, wounding and blasts may be accidents.
DELIBERATE_MODES = {"firearms", "beat", "torture", "crowd-control", "targeted", "abduct", "sexual", "arrest", "allege"}


# Types of acts that answer what someone did or made: aimed at a thing, they are aimed at its author
# ("a hunger strike to protest the policy imposed by X": X; ``deep.deep_target``).
ANSWERING = {"PROTEST", "ACCUSE", "REJECT"}


def purpose_clause(tok) -> bool:
    """Whether a verb is a "to" clause of purpose on another verb ("summoned the envoy TO COMPLAIN")."""
    return tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB" and tok.head.i < tok.i and \
        any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _pact(obj) -> bool:
    """Whether a noun names a written pact between parties (``events/pact_nouns.txt``: treaty, deal, accord), or
    a text signed jointly ("a joint statement")."""
    return obj is not None and (obj.lemma_.lower() in word_set("events/pact_nouns.txt") or
                                any(c.lower_ == "joint" for c in obj.children))


def _several(tok) -> bool:
    """Whether a verb's subject is a plural noun counted as several ("THE TWO leaders met", "BOTH sides
    talked")."""
    from .clauses import subject_of

    subj = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else None
    if subj is None or subj.tag_ != "NNS":
        return False
    return any((c.dep_ == "nummod" and c.lower_ not in ("one", "1")) or c.lower_ == "both" for c in subj.children)


class Extractor:
    """Codes one story. ``use_vectors`` turns the vector fallback on (the ``vector_fallback`` setting)."""

    def __init__(self, story: Story, reporting: set[str], use_vectors: bool):
        self.w = Work(story, reporting, use_vectors)

    def run(self) -> list[Draft]:
        story = self.w.story
        for sent in story.doc.sents:
            if not story.in_body(sent.start_char) or len(sent) < 3:
                continue
            self.sentence(sent)
        return self.w.drafts

    # -- a sentence -------------------------------------------------------------------------------------
    def sentence(self, sent) -> None:
        w = self.w
        before_sentence = len(w.drafts)
        for tok in visit_order(sent):
            if tok.i in w.consumed or prevented_act(tok):
                continue
            if tok.lemma_.lower() in w.reporting and pos_of(tok) == "V" and obligation(w, tok):
                continue
            ms = match_token(tok)
            chosen = choose(w.story, tok, ms)
            if chosen is None and w.use_vectors and pos_of(tok) == "V" and not ms:
                chosen = fallback.match(w, tok)
            if chosen is None:
                continue
            before = len(w.drafts)
            self.code(chosen)
            w.consumed.add(chosen.tok.i)
            if len(w.drafts) > before:
                d = w.drafts[-1]
                consume_content(w.consumed, chosen.tok, d.type)
                if pos_of(chosen.tok) == "V":
                    means = consume_means(w.consumed, chosen.tok, d.type) if d.source.actors else None
                    means = means or deed_subject(chosen.tok, d.type)  # "a suicide bombing killed 14"
                    if means is not None and means.mode and not d.mode:  # "killed ... with a drone strike"
                        d.mode, d.cameo = means.mode, means.cameo or d.cameo
                if chosen.tok.i != tok.i:
                    consume_content(w.consumed, tok, d.type)
        w.drafts[before_sentence:] = circumstances_dropped(w.drafts[before_sentence:])

    # -- one predicate ---------------------------------------------------------------------------------
    def code(self, m: Match) -> None:
        """Code one predicate into a draft (appended to the drafts), or nothing when it reports no event."""
        w = self.w
        tok, e = m.tok, m.entry
        if tok.i in w.consumed:
            return
        if e.pos == "N":
            src, tgt, where = noun_frame(w, m)
        else:
            src, tgt, _obj = verb_args(w, tok, e)
            where = tok
        if e.type in ("LIGHT", "NONE"):
            return
        d = Draft(m, e.type, e.mode, e.cameo or None, src, tgt)
        if (e.frame == "ctl" or d.type == "NOT") and not event_type.control(w, d):
            return
        if d.type == "NOT":
            d.type, d.cameo = "REJECT", (None if d.mode else d.cameo)
        event_type.by_doer_and_object(d)
        hyp_why = self._modality(d, where)
        hyp_why = event_type.by_modality(w, d, where, hyp_why)
        self._conditions(d, where, hyp_why)
        force_of_circumstance(w, d, where)
        self._participant_texts(d)
        if not self._reports_event(d):
            return
        need = idioms().get(e.pattern)
        if need and not political_act(d, need, w.story) and not self._force_on_someone(d) and \
                not (need in ("force", "armed") and figurative_force(w.story, d) == "criticize"):
            return  # an idiom needs a political actor, unless it is done to a person ("the accused was booked")
            # or is words of force said against someone ("Trump hit Clinton over trade", an ACCUSE below)
        if d.mode == "beat" and (d.target.actors and all(a.kind == "country" for a in d.target.actors)
                                 or match_score(where)):
            return  # a beating is done to people: "Afghanistan thrashed Ireland", "thrashed their rivals 5-0"
        cause = natural_cause(where) if d.type == "ASSAULT" or d.mode == "strike" else None  # "a quake struck"
        if cause == "doer" or (cause and not d.source.actors):
            return  # "lightning killed three farmers", "six people were killed in landslides": no one acted
        unidentified_source(w, d)  # "a car bomb killed two": unidentified attackers (``unidentified.py``)
        if not d.source.actors:
            d.attrs["source_missing"] = source_gap(d, where)
        self._facility_target(d, early=True)
        self._deep_target(d, where)
        self._defied(d, where)
        self._place_as_target(d, where)
        self._facility_target(d, early=False)
        self._struck_in_result(d, where)
        mission_place(w, d)
        if e.cameo == HOST_RECEIVES:  # peacekeepers arriving: the host receives them (``arrival.py``)
            if not d.target.actors:
                return
            d.source, d.target = d.target, d.source
        # an actor is not its own target (reciprocal "X and Y agreed" keeps both as source)
        d.target.actors = [a for a in d.target.actors if a not in d.source.actors]
        d.confidence = self._confidence(d, where)
        if not reports_political_act(w.story, d):
            return  # an agentless verbal act, a figurative attack
        info = ontology.event_types().get(d.type)
        if info is None:  # only PLOVER types leave the stage (a special lexicon type never does)
            return
        if d.mode and info and d.mode not in info.modes:
            d.mode = ""
        w.drafts.append(d)

    def _modality(self, d: Draft, where) -> str | None:
        """Negation, hypothetical and time of the predicate's clause; returns the hypothetical cue."""
        tok, e = d.match.tok, d.match.entry
        reporting = self.w.reporting
        d.negated = modality.negated(where, reporting)
        if e.pos == "N" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) and e.extra == ():
            d.negated = True
        d.hypothetical, hyp_why = modality.hypothetical(where, reporting)
        d.attrs = modality.time_attrs(where, tok.sent.text, reporting)
        return hyp_why

    @staticmethod
    def _conditions(d: Draft, where, hyp_why: str | None) -> None:
        """The condition clause and hypothetical cue, for ``attrs``."""
        for c in where.children:
            if c.dep_ == "advcl" and condition_mark(c):
                d.attrs["condition"] = c.doc[c.left_edge.i:c.right_edge.i + 1].text
        if hyp_why:
            d.attrs["hypothetical_cue"] = hyp_why
            if hyp_why.split()[0].lower() in modality.CONDITION_MARKS:
                d.attrs["conditional"] = True

    def _participant_texts(self, d: Draft) -> None:
        """Participants with no actor, kept as text when the words name one ("Swiss doctors")."""
        subj_tok, obj_tok = self.w.last_args
        subj_tok = named_subject(subj_tok)  # "Maltravers says HE will ...": the unknown teller
        named = lambda t: namable(t) or t is not None and t.lemma_.lower() in person_nouns()  # noqa: E731
        if not d.source.actors and named(subj_tok):
            d.attrs["source_text"], d.named_at["source"] = np_text(subj_tok), subj_tok  # "Karzai's BROTHER met"
        if not d.target.actors and named(obj_tok):
            d.attrs["target_text"], d.named_at["target"] = np_text(obj_tok), obj_tok  # "the minister's WIFE was held"

    @staticmethod
    def _reports_event(d: Draft) -> bool:
        """False for a predicate with no participant, a description ("a bill signed by the minister") or a
        one-sided meeting ("we're talking about a Senate that ...")."""
        tok, e = d.match.tok, d.match.entry
        if not d.source.actors and not d.target.actors and "source_text" not in d.attrs \
                and not Extractor._force_on_someone(d):
            return False
        if not d.source.actors and d.target.actors and Extractor._maybe_accident(d):
            return False
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and d.type not in ("ASSAULT", "COERCE") and \
                not main_verb_of_noun_root(tok):
            return False  # "militiamen armed with machetes": description, not news
        if (d.type == "CONSULT" or d.type == "COOPERATE" and e.pos == "V" or d.type == "AGREE" and e.pos == "N") \
                and e.frame == "recip" and \
                len(d.source.actors) < 2 and not d.target.actors and "target_text" not in d.attrs and \
                d.mode != "multilateral" and not _several(tok):
            return False  # a meeting, a deal or working together needs two sides ("the two leaders met" names
            # them together; "the bank lost 0.9% on two deals", "a pleasure to work with such drivers" name one)
        if d.type == "SUPPORT" and e.pos == "N" and not d.target.actors and "target_text" not in d.attrs and \
                not any(c.dep_ == "prep" and c.lower_ in ("for", "of", "behind", "to", "with", "on") or
                        c.dep_ in ("relcl", "acl") for c in
                        list(tok.children) + (list(tok.head.children) if tok.dep_ == "dobj" else [])):
            return False  # "his life support was turned off", "the right support at a hard time": no one backed
            # ("threw his support BEHIND Clinton" backs her)
        if d.mode == "visit" and e.pos == "V" and not Extractor._has_host(d):
            return False
        if e.pattern == "sign" and e.pos == "V" and len(d.source.actors) < 2 and \
                not d.target.actors and not _several(tok) and not _pact(child(tok, "dobj", "nsubjpass")):
            return False  # "signed a proclamation", "has signed 18 bills": no one to agree with
        return True

    @staticmethod
    def _has_host(d: Draft) -> bool:
        """Whether a visit names whom or where it visits: an actor, or a named place as its object ("visited
        Hiroshima"); "a woman visiting from Canada" and "soldiers visiting a local market" name no host."""
        tok = d.match.tok
        host = child(tok, "dobj") or next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                                           for p in c.children if p.dep_ == "pobj"), None)
        if host is None:
            return bool(d.target.actors) and tok.dep_ != "acl"
        return bool(d.target.actors) or host.ent_type_ in ("GPE", "LOC", "FAC")

    @staticmethod
    def _maybe_accident(d: Draft) -> bool:
        """A killing or injury told in the passive with no agent, done only to people the text names by a
        common noun alone ("a woman was injured when a gas cylinder exploded"): it may be an accident, so it is
        no event, as when no actor is named (``_force_on_someone``); soldiers, police or civilians (a sector)
        and named people keep it."""
        tok = d.match.tok
        if d.type != "ASSAULT" or d.mode in DELIBERATE_MODES or d.match.entry.pos != "V" or not is_passive(tok):
            return False
        if child(tok, "agent") is not None or Extractor._in_attack(tok):
            return False
        return all(getattr(a, "generic", False) and not a.sector and not a.country for a in d.target.actors)

    @staticmethod
    def _in_attack(tok) -> bool:
        """Whether a passive killing or injury is told as done in or by an attack ("were killed IN THE AIRSTRIKE
        on the school", "wounded in clashes"): someone did it, so it is no accident."""
        from .triggers import noun_event

        return any(c.dep_ == "prep" and c.lower_ in ("in", "by", "during") and
                   any(p.dep_ == "pobj" and (ev := noun_event(p)) is not None and ev.entry.type == "ASSAULT"
                       for p in c.children) for c in tok.children)

    @staticmethod
    def _force_on_someone(d: Draft) -> bool:
        """A use of force or an arrest told in the passive with no agent, done to a person the actors stage has
        no actor for ("the accused was arrested on Monday", "a youth was shot dead"): regional crime news tells
        police action this way, and the act is an event although no actor is named. Only modes that name a
        deliberate act (``DELIBERATE_MODES``): "a man was killed when his car hit a truck" is no event."""
        tok = d.match.tok
        if d.mode not in DELIBERATE_MODES or d.match.entry.pos != "V" or not is_passive(tok) or d.source.actors:
            return False
        patient = child(tok, "nsubjpass")
        return patient is not None and (patient.pos_ == "PRON" and patient.lower_ not in ("it", "this", "that")
                                        or namable(patient)
                                        or {patient.lemma_.lower(), patient.lower_} & person_nouns())

    def _facility_target(self, d: Draft, early: bool) -> None:
        """No target: a structure, site or vehicle an attack or a seizure is aimed at stands for it, or the actor
        or place its phrase names ("attacked an army camp", "an attack on the SDF headquarters", "seized a base
        in Kadugli"; ``facilities.py``); marked ``target_is_place``. An attack (place only as its object) reads
        it ``early``, before the deep read; a seizure, which may be done to the place it is done in ("seized two
        buildings in Guam": Guam), after the place step."""
        if d.type not in FACILITY_TYPES or not d.source.actors or set(d.target.ids()) - set(d.source.ids()):
            return
        if early != (place_target_types().get(d.type) == "object"):
            return  # a seizure "in" a place is done to the place (``_place_as_target``) before the facility
        tgt = facility_target(self.w, d.match.tok, d.match.entry.pos, d.source)
        if tgt.actors:
            d.target = tgt
            d.attrs["target_is_place"] = True

    def _struck_in_result(self, d: Draft, where) -> None:
        """Still no target: whom an attack named by a noun struck, told by a participle clause after it ("carried
        out air strikes in the city, KILLING dozens of fighters"; ``facilities.struck_in_result``)."""
        if d.type not in FACILITY_TYPES or d.match.entry.pos != "N" or not d.source.actors or \
                set(d.target.ids()) - set(d.source.ids()):
            return
        tgt = struck_in_result(self.w, where, d.source)
        if tgt.actors:
            d.target = tgt
            d.attrs["target_from"] = "deep"

    def _deep_target(self, d: Draft, where) -> None:
        """No target but the source's own ("closed ITS borders with Benin") or none at all: an actor named
        further down what the predicate acts on (``deep.deep_target``), or, for a clause of purpose, what
        the governing verb acts on ("summoned the envoy to complain"); marked ``target_from: "deep"``."""
        if set(d.target.ids()) - set(d.source.ids()) or d.match.entry.frame == "recip" and len(d.source.actors) > 1:
            return
        tok = d.match.tok
        authors = d.type in ANSWERING
        tgt = deep_target(self.w, tok, d.source, authors=authors)
        if not tgt.actors and where.i != tok.i:
            tgt = deep_target(self.w, where, d.source, exclude={tok.i}, authors=authors)
        if not tgt.actors and purpose_clause(where):
            # "summoned the Russian ambassador to complain": who the governing act is aimed at
            tgt = deep_target(self.w, where.head, d.source, exclude={where.i})
        if tgt.actors:
            d.target = tgt
            d.attrs["target_from"] = "deep"

    def _defied(self, d: Draft, where) -> None:
        """A refusal with no target made despite or under someone's request or pressure defies them, a concession
        after a deal is made to the other side (``defied.py``: "declined to resign despite the president's
        request", "called off the strike after a deal with the government"); marked ``target_from: "defied"``."""
        if d.type not in ("REJECT", "CONCEDE") or set(d.target.ids()) - set(d.source.ids()):
            return
        tgt = defied(self.w, d.match.tok, where, conceding=d.type == "CONCEDE")
        if tgt.actors and set(tgt.ids()) - set(d.source.ids()):
            d.target = tgt
            d.attrs["target_from"] = "defied"

    def _place_as_target(self, d: Draft, where) -> None:
        """No recipient named: the place acted in stands for it ("set up a research centre in Tokyo",
        "threatened to impose a curfew in Algiers")."""
        if takes_place(d):
            where, places = place_read(d, where, place_target_types().get(d.type))
            place = place_target(self.w, where, places == "in")
            if not place.actors and places:
                place = place_object(self.w, d.match.tok, deep_from(d, where, places), d.source.ids())
            if place.actors and set(place.ids()) != set(d.source.ids()):
                d.target = place
                d.attrs["target_is_place"] = True

    def _confidence(self, d: Draft, where) -> float:
        m, e = d.match, d.match.entry
        conf = 0.8 if e.pos == "V" else 0.7
        if e.extra:
            conf += 0.05
        if m.similarity is not None:
            conf = 0.25 + 0.3 * m.similarity
            d.attrs["fallback"] = {"nearest": e.pattern, "similarity": round(m.similarity, 3)}
        if not d.source.actors:
            conf -= 0.15
        if "source_text" in d.attrs or "target_text" in d.attrs:
            conf -= 0.1
        if d.source.guessed or d.target.guessed:
            conf -= 0.1
            d.attrs["argument_guessed"] = True
        if e.frame in ("obj", "actobj", "thingobj"):
            conf -= 0.05
        conf += prominence(where, self.w.reporting)
        info = ontology.event_types().get(d.type)
        if info and info.needs_target and not d.target.actors:
            conf -= 0.1
        return max(0.05, min(0.95, conf))
