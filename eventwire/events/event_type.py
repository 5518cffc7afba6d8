"""The type, mode and CAMEO code an event gets, beyond its trigger's lexicon entry.

- control verbs ("offered to provide security", "urged Iran to halt", "refused to negotiate") take their
  target and mode from the clause or noun they take, which is not coded again: an offer to do something
  forceful is a THREATEN, a refusal of a meeting a REJECT with mode "meet" (``control``)
- who acts retypes: a charge brought by the police is an arrest in CAMEO's sense (``legal_action``)
- modality retypes: a negated cooperative intention is a REJECT ("we are not going to negotiate"), a stated
  intention to cooperate an AGREE ("said they would meet"), a stated or conditional intention to use force,
  sanctions or protest a THREATEN ("would blockade Paris") (``by_modality``)
"""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines, word_set
from . import modality
from .arguments import arg_np, noun_agent, noun_target, verb_args
from .clauses import complement, complement_event, subject_of
from .draft import Draft, Match, Work
from .lexicon import Entry
from .natural import forecast, natural_danger
from .resolve import Resolved, resolve
from .syntax import child
from .type_groups import COOPERATIVE, FORCEFUL, FUTURE_AGREE, MATERIAL_CONFLICT

FUTURE_OR_DEONTIC = {"should", "will", "would", "must", "shall", "'ll", "wo", "to", "ought"}
# Cue words of a hypothetical that still make a stated intention to use force a THREATEN.
THREAT_CUES = ("if", "unless", "may", "might", "could", "would")


# -- control verbs -----------------------------------------------------------------------------------------

def control(w: Work, d: Draft) -> bool:
    """Type, mode and target of a control verb from the clause it takes. False when the verb reports no
    event after all: "Anderson largely agreed with McLenny", "analysts agree the top 1 percent would ...
    benefit" (opinions shared, not agreements)."""
    tok, e = d.match.tok, d.match.entry
    comp = complement(tok)
    comp_match = complement_event(comp) if comp is not None else None
    if comp_match is not None and comp_match.entry.pos == "V" and comp_match.entry.type not in ("NONE", "NOT"):
        from .triggers import choose, match_token

        if choose(w.story, comp_match.tok, match_token(comp_match.tok)) is None:
            comp_match = None  # "vowed to fight corruption", "wants to meet the deadline": the clause's verb is
            # no event here, as it would be none on its own
    if _opinion_agreement(tok, d.type, comp, comp_match) or _question(tok, d.type, comp):
        return False
    if comp_match is None and (_unfulfilled(tok, d.type) or _press_formula(tok, comp)):
        return False
    danger = natural_danger(tok, d)
    if danger is not None:
        w.consumed.update(t.i for t in danger.subtree)  # "of FREEZING drizzle" is weather, not a freeze
        return False
    if comp_match is None and comp is None and _nothing_asked(tok, d):
        return False
    if comp is None and e.pos == "A" and not _names_event(tok):
        return False  # "should be ready for questions", "prepared for the worst": willing to do nothing named
    if comp_match is None and forecast(w, tok, d, comp):
        return False
    if comp_match is None and e.pos == "N" and d.type == "AGREE" and not d.target.actors:
        return False  # "its commitment to the Turkish market", "their shared commitment on policy goals"
    if comp_match is not None and comp_match.entry.type == "NONE":
        # "is intended to make sure that ...": the clause is an idiom that names no event, so neither does
        # the verb that takes it
        return False
    if comp_match is None and comp is not None:
        if d.type == "AGREE" and tok.lemma_.lower() != "agree" and len(d.source.actors) < 2 and \
                comp.pos_ in ("VERB", "AUX") and not _names_event(comp) and not _names_other_actor(w, comp, d.source):
            # "was prepared to face emergencies", "vowed not to repeat that mistake": one side's intention to do
            # something that is no event and involves no other actor is no agreement ("Iceland and Benin agreed to
            # set new limits" is one)
            return False
        _clause_target(w, d, comp)
    if comp_match is not None and comp_match.tok.i != tok.i:
        _take_complement(w, d, comp_match, e)
    if comp_match is None or comp_match.entry.type == "MOBILIZE":
        _order_of_force(w, d)  # "ordered the army to withdraw" stays a request to withdraw
    return True


FAILING = {"fail"}  # not doing what was due: a refusal only of an act that is an event
ASKED_PREPS = {"for", "to"}  # "pushed for reforms", "appealed to the UN"


@lru_cache(maxsize=1)
def press_formulas() -> dict[str, str]:
    """Lemma -> where it must stand, "noun" or "passive" (``events/press_formulas.txt``)."""
    return dict(line.split("\t")[:2] for _, line in read_lines("events/press_formulas.txt"))


def _press_formula(tok, comp) -> bool:
    """Whether a verb or noun of asking asks only what news writing asks of every source ("a request for
    comment", "asked not to be named"): no event."""
    formulas = press_formulas()
    if comp is not None and formulas.get(comp.lemma_.lower()) == "passive" and \
            any(c.dep_ == "auxpass" for c in comp.children):
        return True
    return tok.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "for" and
                                      any(p.dep_ == "pobj" and formulas.get(p.lemma_.lower()) == "noun"
                                          for p in c.children) for c in tok.children)


def _unfulfilled(tok, etype: str) -> bool:
    """Whether a verb of failing takes no event: "failed to reach agreement" is a refusal, "failed to disclose
    her company" or "failed to frame a scheme in time" is no event."""
    return etype == "NOT" and tok.lemma_.lower() in FAILING


def _nothing_asked(tok, d: Draft) -> bool:
    """Whether a verb or noun of asking asks nothing of anyone: no object, no clause, no "for" or "to" phrase or
    clause and no target ("migrants pushing past each other", "the message he keeps pushing", "officers
    responding to the call")."""
    if d.type != "REQUEST" or d.match.entry.pos not in ("V", "N") or d.match.extra or d.target.actors:
        return False
    if d.match.entry.pos == "N":  # "responding to the call", "an invitation call on your land line"
        return not any(c.dep_ in ("acl", "ccomp", "relcl") and c.i > tok.i and
                       any(m.lower_ in ("to", "that") for m in c.children) or
                       (c.dep_ == "prep" and c.lower_ in ASKED_PREPS) for c in tok.children)
    return not any(c.dep_ in ("dobj", "dative", "ccomp", "xcomp", "oprd", "nsubjpass") or
                   (c.dep_ == "prep" and c.lower_ in ASKED_PREPS) or
                   (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ASKED_PREPS for m in c.children))
                   for c in tok.children)  # "pushing hard FOR the US (to) support its plan"


ORDER_VERBS = {"order", "command", "instruct", "direct"}
FORCE_MODES = {"COP": "police", "PRM": "militia", "MIL": "troops"}


def _order_of_force(w: Work, d: Draft) -> None:
    """An order given to armed forces or police ("ordered troops to stand guard at the Colosseum", "ordered
    additional police forces into the state") raises force: MOBILIZE, the mode from who is ordered; where they
    go is said by the clause or preposition that follows."""
    tok = d.match.tok
    if d.type != "REQUEST" or tok.lemma_.lower() not in ORDER_VERBS:
        return
    obj = child(tok, "dobj")
    if obj is None:
        return
    sectors = [a.sector for a in resolve(w.story, obj).actors if a.sector in FORCE_MODES]
    words = {t.lemma_.lower() for t in obj.subtree if t.pos_ == "NOUN"}
    if words & {"police", "policeman", "officer"}:
        mode = "police"
    elif words & {"militia", "militiaman"}:
        mode = "militia"
    elif sectors:
        mode = FORCE_MODES[sectors[0]]
    elif words & word_set("events/force_nouns.txt"):
        mode = "troops"
    else:
        return
    d.type, d.mode, d.cameo = "MOBILIZE", mode, None


def _names_event(comp) -> bool:
    """Whether a clause holds a lexicon predicate or event noun anywhere below its head."""
    from .triggers import match_token

    return any(m.entry.type not in ("LIGHT", "NONE") for t in comp.subtree if t.i != comp.i for m in match_token(t))


def _names_other_actor(w: Work, comp, source: Resolved) -> bool:
    """Whether an actor other than the source is named inside a clause ("ready to contribute troops to ... in
    Liberia")."""
    mine = set(source.ids())
    start, end = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge)
    return any(a.id not in mine and any(start <= m.start and m.end <= end for m in a.mentions)
               for a in w.story.actors)


def _question(tok, etype: str, comp) -> bool:
    """Whether "ask" asks a question rather than for something: "asked why he had issues", "Graham asked.",
    "asking her, 'where do we go from here?'". A request asks someone to do something ("asked Iran to halt")
    or for something ("asked for aid", "asked the UN for help")."""
    if etype != "REQUEST" or tok.lemma_.lower() != "ask":
        return False
    objs = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
    if any(c.dep_ == "prep" and c.lower_ == "for" for t in (tok, *objs) for c in t.children):
        return False  # "asked for aid", "asked other countries for tents" (the parse hangs "for" on the object)
    if comp is not None and (comp.dep_ == "xcomp" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in comp.children)
                             or comp.pos_ in ("NOUN", "PROPN")):
        return False
    return True


def _opinion_agreement(tok, etype: str, comp, comp_match) -> bool:
    if etype != "AGREE" or tok.lemma_.lower() not in ("agree", "concur"):
        return False
    if comp is None:
        if any((c.dep_ == "prep" and c.lower_ in ("on", "to")) or c.dep_ == "dobj" for c in tok.children):
            return False
        # "Anderson agreed with McLenny"; "Meirmaridou, a psychologist, agrees": one person shares a view
        subj = subject_of(tok)
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) or \
            (subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in ("he", "she", "i"))
             and not any(c.dep_ == "conj" for c in subj.children))
    # "agreed that their countries should cooperate" is an agreement
    return comp.dep_ == "ccomp" and comp_match is None and \
        (comp.lemma_ == "be" or not ({a.lower_ for a in comp.children if a.dep_ == "aux"} & FUTURE_OR_DEONTIC))


def _clause_target(w: Work, d: Draft, comp) -> None:
    """The target of a control verb whose clause is no event of the lexicon."""
    if not d.target.actors and comp.pos_ in ("VERB", "AUX"):
        # "threatened to deliver blows to the United States": the clause's own object or recipient
        saved = w.last_args
        _cs, ctgt, _co = verb_args(w, comp, Entry("", (), "V", d.type, "", "", "sv", 0))
        w.last_args = saved
        if ctgt.actors and set(ctgt.ids()) != set(d.source.ids()):
            d.target = ctgt
    if d.type in ("REQUEST", "CONCEDE") and not d.target.actors:
        # "made it clear that the Taliban would have to renounce ...": who is asked is the clause subject, as
        # who is let ("allowed Ouattara to run")
        inner = None
        for g in (comp, *[c for c in comp.children if c.dep_ in ("advcl", "ccomp", "xcomp")]):
            cand = child(g, "nsubj", "nsubjpass")
            if cand is not None and cand.lower_ not in ("it", "there", "this", "that"):
                inner = cand
                break
        r = arg_np(w, inner) if inner is not None else Resolved()
        if r.actors and set(r.ids()) != set(d.source.ids()):
            d.target = r


def _take_complement(w: Work, d: Draft, comp_match: Match, e: Entry) -> None:
    """The clause's event is part of the control verb's: its target, and for an offer of force, a request
    or a refusal, the type or mode it gives."""
    ct = comp_match.entry.type
    w.consumed.add(comp_match.tok.i)
    # coordinated content is part of the same offer, demand or refusal
    for c in comp_match.tok.conjuncts:
        w.consumed.add(c.i)
    if ct == "LIGHT" or ct == "NOT":
        ct = "REJECT" if ct == "NOT" else None
    if not ct:
        return
    csrc, ctgt = args_of(w, comp_match)
    if not d.target.actors:
        d.target = ctgt
        other = csrc.actors and set(csrc.ids()) != set(d.source.ids())
        if d.type == "REQUEST" and not d.target.actors and other or d.type == "CONCEDE" and other:
            d.target = csrc  # "urged THE REBELS to ...", "allowed OPPOSITION PARTIES to hold rallies": who is
            # asked or let
    if d.type == "AGREE" and e.pos != "N" and ct not in COOPERATIVE:
        if ct in FORCEFUL:
            d.type, d.mode, d.cameo = "THREATEN", threat_mode(comp_match.entry), None
        elif ct == "REQUEST" and comp_match.entry.pos == "N":
            # "agreed to the protesters' demands": yielding to a demand, as "accept demand" in the lexicon
            d.type, d.mode, d.cameo = "CONCEDE", "", "080"
        else:
            # "willing to appeal to X": the complement is the event, not yet carried out
            d.type, d.mode, d.cameo = ct, comp_match.entry.mode, comp_match.entry.cameo or None
    elif d.type in ("REQUEST", "REJECT", "NOT"):
        d.mode = d.mode or request_mode(ct)
        d.cameo = None if not e.mode else d.cameo
    elif d.type == "THREATEN":
        d.mode = d.mode or threat_mode(comp_match.entry)
        d.cameo = None


def args_of(w: Work, m: Match) -> tuple[Resolved, Resolved]:
    """(source, target) of a match, noun or verb; ``w.last_args`` stays the coded event's ("X urged IRAN to ...")."""
    if m.entry.pos == "N":
        return noun_agent(w, m.tok), noun_target(w, m.tok)
    saved, (src, tgt, _) = w.last_args, verb_args(w, m.tok, m.entry)
    w.last_args = saved
    return src, tgt


# -- retyping by who acts -------------------------------------------------------------------------------

def legal_action(d: Draft) -> None:
    """A charge brought by the police or another law-enforcement agency ("police charged the former MLA with
    cheating", "police booked the village head") is CAMEO 173, "arrest, detain, or charge with legal action":
    COERCE with the arrest mode. Charges from anyone else stay accusations."""
    if d.type != "ACCUSE" or d.match.tok.lemma_.lower() not in word_set("events/legal_charges.txt"):
        return
    if any(a.sector == "COP" for a in d.source.actors):
        d.type, d.mode, d.cameo = "COERCE", "arrest", "173"


ARMED = {"MIL", "REB", "UAF", "PRM", "SPY", "CRM"}


def armed_strike(d: Draft) -> None:
    """A strike by fighters, soldiers or gunmen ("the terrorists struck in coordinated attacks") is an attack
    (CAMEO 190), not a labour strike; by anyone else it stays a strike."""
    if d.type == "PROTEST" and d.mode == "strike" and d.match.entry.pos == "V" \
            and any(a.sector in ARMED for a in d.source.actors):
        d.type, d.mode, d.cameo = "ASSAULT", "", "190"


def place_seized(d: Draft) -> None:
    """An arrest whose only object is a place ("rebels captured Kidal": a place the parser or the gazetteer
    knows) is a seizure of territory."""
    if d.type != "COERCE" or d.mode != "arrest" or not d.target.actors or \
            d.match.tok.lemma_.lower() not in ("capture", "recapture", "take", "seize", "overrun"):
        return
    from ..actors.places import city_country

    obj = child(d.match.tok, "dobj") or child(d.match.tok, "nsubjpass")
    if (obj is not None and obj.ent_type_ in ("GPE", "LOC", "FAC")) or \
            all(a.kind in ("country", "place") or (a.kind != "person" and city_country(a.name))
                for a in d.target.actors):
        d.mode, d.cameo = "seize", None


def by_doer_and_object(d: Draft) -> None:
    """The retypings that follow from who acts and what they act on (``legal_action``, ``armed_strike``,
    ``place_seized``)."""
    legal_action(d)
    armed_strike(d)
    place_seized(d)


# -- retyping by modality ----------------------------------------------------------------------------------

INABILITY = {"able", "unable", "could"}  # "were not able to provide details", "could not hold a meeting": no refusal


def by_modality(w: Work, d: Draft, where, hyp_why: str | None) -> str | None:
    """Retype a refusal, a stated intention or a threat from the event's modality (``d.negated``,
    ``d.hypothetical``, the time in ``d.attrs``); returns the hypothetical cue that still applies."""
    etype, cue = d.type, cue_word(hyp_why)
    future = d.attrs.get("time") == "future"
    if d.negated and etype in COOPERATIVE and (future or d.hypothetical) and cue not in INABILITY:
        # "we are not going to negotiate", "will not withdraw": a refusal, which did happen
        d.attrs["refused"] = etype
        d.mode = request_mode(etype)
        d.type, d.cameo, d.negated, d.hypothetical = "REJECT", None, False, False
        return None
    if not d.negated and (not d.hypothetical or cue == "if") and d.source.actors and future \
            and (etype in FUTURE_AGREE or (etype in ("RETREAT", "CONCEDE") and self_announced(w, where, d.source))):
        # a stated intention to cooperate is AGREE (PLOVER: future CONSULT, SUPPORT, COOPERATE and AID):
        # "will meet", "said they would meet". Future RETREAT and CONCEDE stay what they are ("troops will
        # withdraw next month") unless the actor announces them itself, which is CAMEO's "express intent to
        # yield" (03x, AGREE): "the RUF announced it will return weapons"
        d.attrs["future_of"] = etype
        d.type, d.mode, d.cameo = "AGREE", "", None  # a conditional offer stays hypothetical
    elif not d.negated and d.source.actors and ((future and not d.hypothetical) or cue in THREAT_CUES) \
            and not _in_condition(w, where) \
            and (etype in MATERIAL_CONFLICT - {"MOBILIZE"} or (etype == "RETREAT" and cue == "unless")):
        # a stated or conditional intention to use force, sanctions or protest is a THREATEN:
        # "would blockade Paris", "may halt mediation if ...", "will withdraw unless ..."
        d.attrs["threat_of"] = etype
        d.mode = threat_mode(Entry("", (), "V", etype, d.mode, "", "sv", 0))
        d.type, d.cameo, d.hypothetical = "THREATEN", None, False
    return hyp_why


def _in_condition(w: Work, tok) -> bool:
    """Whether a predicate is itself the condition of another ("IF Israel attacks Iran, oil prices will soar"):
    what is supposed, not what anyone threatens."""
    return any(c.dep_ == "mark" and c.lower_ in modality.CONDITION_MARKS
               for g in modality.governors(tok, w.reporting) for c in g.children)


def self_announced(w: Work, tok, src: Resolved) -> bool:
    """Whether the clause is reported by a verb whose own subject is the event's source."""
    last = None
    for g in modality.governors(tok, w.reporting):
        last = g
    if last is None or last.dep_ not in ("ccomp", "conj", "advcl"):
        return False
    head = last.head
    if head.lemma_.lower() not in w.reporting:
        return False
    speaker = resolve(w.story, subject_of(head))
    return bool(speaker.actors) and set(speaker.ids()) == set(src.ids())


def cue_word(why: str | None) -> str:
    """The first word of a hypothetical cue ("if", "may", ...)."""
    return why.split()[0].lower() if why else ""


# -- modes -------------------------------------------------------------------------------------------------

def request_mode(ctype: str | None) -> str:
    """The REQUEST/REJECT mode from the kind of action asked for or refused."""
    if ctype in ("CONSULT",):
        return "meet"
    if ctype in ("AID", "COOPERATE", "SUPPORT", "AGREE"):
        return "assist"
    if ctype in ("RETREAT", "CONCEDE"):
        return "yield"
    return "change" if ctype else ""


def threat_mode(entry: Entry) -> str:
    """The THREATEN mode from the kind of action threatened."""
    if entry.type == "ASSAULT":
        return "violence"
    if entry.type == "SANCTION":
        return "expel" if entry.mode == "expel" else "relations"
    if entry.type == "COERCE":
        return {"arrest": "arrest", "seize": "territory", "deport": "expel"}.get(entry.mode, "restrict")
    if entry.type == "MOBILIZE":
        return "violence"
    return ""
