"""Clause-level event extraction: predicates from the lexicon, their arguments from the parse, their modes.

For each body sentence, predicates are visited from the top of the parse down (``order.visit_order``), so
that a verb that takes a clause ("offered to provide security to Omar", "urged Iran to halt", "refused to
negotiate") consumes the clause below it: the offer is one AGREE whose target comes from "to Omar", not an
AGREE and an AID. Coding one predicate (``Extractor.code``) is a row of named steps, each in the module of its
concern:

1. arguments: ``arguments.verb_args`` for verbs, ``nominal.noun_frame`` for event nouns and light verbs
2. control verbs: ``control.control`` takes type, mode and target from the clause a verb takes
3. modality: ``modality`` (negation, hypothetical and conditional, future and historical time)
4. retyping by modality: ``event_type.by_modality`` (refusals, stated intentions, threats)
5. participants the actors stage has no actor for are kept as text in ``attrs`` (``source_text``,
   ``target_text``), never invented as actors here; descriptions and one-sided meetings are dropped, and so
   are killings done by weather, disasters, accidents or disease (``natural.natural_cause``), beatings of
   a country (a match result) and the story of a film or novel (``fiction.py``); a passive arrest or use of
   force on a person with no agent is kept (``reportable.py``: "the accused was arrested")
6. targets the arguments did not give (``targets.py``): a facility attacked, an actor named further down what
   the predicate acts on (``deep.deep_target``), whom a refusal defies, else the place acted in
7. confidence (``confidence.py``): 0.8 for a verb, 0.7 for a noun or adjective, 0.25-0.55 for the vector
   fallback; less when the source is missing or guessed, the object frame is loose or the event sits in a
   subordinate clause

Which lexicon match a token codes is ``choice.choose``; verbs outside the lexicon go to the vector
fallback when the ``vector_fallback`` setting asks for it; the sentence classifier never types a predicate,
it only drops the events of sentences it calls NONE (``classifier.arbitrate``); "X said Y must ..." is a
REQUEST from X to Y (``reported.obligation``); what a speech act is about (its object, clause, purpose or
condition) is not coded again (``consume.consume_content``). An event told in a clause of time ("after",
"since", "before") beside a main-clause event is its circumstance and is dropped (``circumstance.py``).
Events inside a quotation link the quote, and "we" in it is the speaker's organisation (``resolve.py``).
"""

from __future__ import annotations

from ..model import Story
from . import event_type, fallback, modality, ontology
from .arguments import verb_args
from .passive import source_gap
from .arrival import HOST_RECEIVES, visit_by_travel
from .circumstance import circumstances_dropped, force_of_circumstance, state_of_place
from .complements import condition_mark
from .confidence import confidence
from .control import control
from .consume import consume_content, consume_means, deed_subject, prevented_act
from .draft import Draft, Match, Work
from .fiction import in_fiction
from .missions import mission_place
from .money import political_giving
from .natural import natural_cause
from .nominal import noun_frame
from .order import visit_order
from .political import figurative_force, idioms, match_score, political_act, reports_political_act
from .reportable import force_on_someone, halted_for_no_one, reports_event
from .press import press_contact
from .reported import obligation
from .stance import (accepted_thing, opinion_clause, permission_as_effect, stance_as_description, standing_opinion,
                     wished)
from .resolve import named_subject, namable, person_nouns
from .syntax import np_text, pos_of
from .targets import (deep_as_target, defied_as_target, earlier_deed_as_target, facility_as_target,
                      place_as_target, stray_as_target, struck_as_target)
from .choice import choose
from .triggers import match_token
from .unidentified import unidentified_source
from .targeted import targeted_modes
from .weapons import weapon_mode


def _inner_need(d: Draft) -> str | None:
    """What closing in the clause a control verb took needs of a political act: "the president vowed to CLOSE
    the detention camp" shuts no one out, as "closed the camp" does not."""
    need = idioms().get(d.inner.entry.pattern) if d.inner is not None else None
    return need if need == "closed" else None


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
            w.consumed.update(t.i for t in chosen.extra)  # "imposed a CURFEW on Hebron": the pattern's own words
            if len(w.drafts) > before:
                d = w.drafts[-1]
                consume_content(w.consumed, chosen.tok, d.type)
                if pos_of(chosen.tok) == "V":
                    means = consume_means(w.consumed if d.source.actors else None, chosen.tok, d.type)
                    # "was killed in a drone strike": the noun keeps its event, and tells how the killing was done
                    means = means or deed_subject(chosen.tok, d.type)  # "a suicide bombing killed 14"
                    if means is not None and means.mode and not d.mode:  # "killed ... with a drone strike"
                        d.mode, d.cameo = means.mode, means.cameo or d.cameo
                weapon_mode(d)  # "attacked by militiamen armed with machetes": primitive (``weapons.py``)
                if chosen.tok.i != tok.i:
                    consume_content(w.consumed, tok, d.type)
        targeted_modes(w.drafts[before_sentence:])  # "gunmen shot dead a journalist": targeted (``targeted.py``)
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
        if (e.frame == "ctl" or d.type == "NOT") and not control(w, d):
            return
        if d.type == "NOT":
            d.type, d.cameo = "REJECT", (None if d.mode else d.cameo)
        event_type.by_doer_and_object(d)
        hyp_why = self._modality(d, where)
        hyp_why = event_type.by_modality(w, d, where, hyp_why)
        self._conditions(d, where, hyp_why)
        force_of_circumstance(w, d, where)
        state_of_place(w, d, where)
        self._participant_texts(d)
        if not reports_event(d) or in_fiction(where):
            return  # no participant, a description; or a story told in a film or novel (``fiction.py``)
        if permission_as_effect(d) or stance_as_description(d) or opinion_clause(d) or accepted_thing(d) or \
                wished(d) or standing_opinion(d) or press_contact(d):
            return  # "..., allowing his skills to shine", "people who oppose X", "they agree that ..." (``stance.py``);
            # "talking to reporters" (``press.py``)
        visit_by_travel(d)  # "flew to London to discuss the crisis": a visit (``arrival.py``)
        need = idioms().get(e.pattern) or _inner_need(d)
        if need and not political_act(d, need, w.story) and not force_on_someone(d) and \
                not (need in ("force", "armed") and figurative_force(w.story, d) == "criticize"):
            return  # an idiom needs a political actor, unless it is done to a person ("the accused was booked")
            # or is words of force said against someone ("Trump hit Clinton over trade", an ACCUSE below)
        if d.mode == "beat" and (d.target.actors and all(a.kind == "country" for a in d.target.actors)
                                 or match_score(where)):
            return  # a beating is done to people: "Afghanistan thrashed Ireland", "thrashed their rivals 5-0"
        cause = natural_cause(where)  # "a quake struck", "snow blocked the passes": done by no one
        if cause == "doer" or (cause and not d.source.actors and (d.type == "ASSAULT" or d.mode == "strike")):
            return  # "lightning killed three farmers", "six people were killed in landslides": no one acted
        unidentified_source(w, d)  # "a car bomb killed two": unidentified attackers (``unidentified.py``)
        if not d.source.actors:
            d.attrs["source_missing"] = source_gap(d, where)
        facility_as_target(w, d, early=True)
        deep_as_target(w, d, where)
        stray_as_target(w, d, where)
        earlier_deed_as_target(w, d)
        defied_as_target(w, d, where)
        place_as_target(w, d, where)
        facility_as_target(w, d, early=False)
        struck_as_target(w, d, where)
        mission_place(w, d)
        if e.cameo == HOST_RECEIVES:  # peacekeepers arriving: the host receives them (``arrival.py``)
            if not d.target.actors:
                return
            d.source, d.target = d.target, d.source
        # an actor is not its own target (reciprocal "X and Y agreed" keeps both as source)
        d.target.actors = [a for a in d.target.actors if a not in d.source.actors]
        if halted_for_no_one(d):
            return  # "suspended his campaign": no one sanctioned
        if political_giving(d):
            return  # "gave $5 million to a super PAC": political giving, no aid (``money.py``)
        d.confidence = confidence(w, d, where)
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
        left_open = d.attrs.get("not_ruled_out")  # "would not rule out talks": a stance, stated (``control``)
        d.negated = modality.negated(where, reporting) and not left_open
        if e.pos == "N" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children) and e.extra == ():
            d.negated = True
        d.hypothetical, hyp_why = modality.hypothetical(where, reporting)
        d.attrs = modality.time_attrs(where, tok.sent.text, reporting)
        if left_open:
            d.attrs["not_ruled_out"], d.hypothetical, hyp_why = left_open, False, None
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
