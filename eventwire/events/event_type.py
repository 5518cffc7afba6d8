"""The type, mode and CAMEO code an event gets beyond its trigger's lexicon entry, from who acts and from the
event's modality. (What a control verb takes from its clause is ``control.py``.)

- who acts retypes: a charge brought by the police is an arrest in CAMEO's sense (``legal_action``), a strike
  by fighters an attack (``armed_strike``), an arrest of a place a seizure (``place_seized``); what is acted on
  too: expelling a journalist is deporting him (``people_expelled``), withdrawing a complaint giving in
  (``claim_withdrawn``)
- modality retypes: a negated cooperative intention is a REJECT ("we are not going to negotiate"), a stated
  intention to cooperate an AGREE ("said they would meet"), a stated or conditional intention to use force,
  sanctions or protest a THREATEN ("would blockade Paris") (``by_modality``)
"""

from __future__ import annotations

from ..data import word_set
from . import modality
from .draft import Draft, Work
from .holders import stated_by_source
from .lexicon import Entry
from .modes import request_mode, threat_mode
from .resolve import Resolved, resolve
from .subjects import subject_of
from .syntax import child
from .triggers import match_token
from .type_groups import COOPERATIVE, FUTURE_AGREE, MATERIAL_CONFLICT

# Cue words of a hypothetical that still make a stated intention to use force a THREATEN; and of a plan ("announced
# a PLAN to invade Fiji", "is PREPARING to attack the town"), which states the intention as "intends to" does.
THREAT_CUES = ("if", "unless", "may", "might", "could", "would")
# Modal cues that make a threat only when the source's own side says them ("the rebels said they COULD attack"), not
# when someone else guesses them ("analysts said Russia COULD attack": ``holders.py``).
GUESS_CUES = ("may", "might", "could", "would")
PLAN_CUES = ("plan", "plans", "planned", "planning", "prepare", "prepares", "prepared", "preparing")


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


# Sectors of people a state deports when it expels them (CAMEO 174); expelling diplomats (a country, GOV),
# peacekeepers (MIL), a mission (IGO) or aid agencies (NGO) is CAMEO 166, a SANCTION.
DEPORTED_SECTORS = {"JRN", "CVL", "REL", "EDU", "MED", "BUS", "REF", "OPP", "LAB", "CRM", "AGR", "SOC", "ELI", "NGO"}


def people_expelled(d: Draft) -> None:
    """Expelling people of private life ("expelled a British journalist", "expelled two rights activists", "a
    priest", "two aid workers") is deporting them, CAMEO 174: COERCE with the deport mode; expelling diplomats,
    peacekeepers, a mission or aid agencies (an organisation) stays a SANCTION (CAMEO 166)."""
    if d.type != "SANCTION" or d.mode != "expel" or not d.target.actors:
        return
    if all(a.kind in ("person", "group") and a.sector in DEPORTED_SECTORS for a in d.target.actors):
        d.type, d.mode, d.cameo = "COERCE", "deport", "174"


def claim_withdrawn(d: Draft) -> None:
    """Withdrawing a claim made on another side ("will withdraw its complaint at the WTO", "withdrew its objection",
    ``events/claim_nouns.txt``) is giving in to that side, CONCEDE (CAMEO 080), not a withdrawal of forces."""
    if d.type != "RETREAT" or d.mode != "withdraw" or d.match.entry.pos != "V":
        return
    obj = child(d.match.tok, "dobj", "nsubjpass")
    if obj is not None and obj.lemma_.lower() in word_set("events/claim_nouns.txt"):
        d.type, d.mode, d.cameo = "CONCEDE", "", "080"


def truce_signed(d: Draft) -> None:
    """Signing a truce ("signed a ceasefire agreement", "signed a truce with the rebels") is declaring it, a
    RETREAT of the truce's mode (CAMEO 0871); signing another pact stays SUPPORT (CAMEO 057)."""
    if d.type != "SUPPORT" or d.match.entry.head != "sign" or d.match.entry.pos != "V":
        return
    obj = child(d.match.tok, "dobj", "nsubjpass")
    if obj is None:
        return
    for word in [obj] + [c for c in obj.children if c.dep_ in ("compound", "amod")]:
        truce = next((m.entry for m in match_token(word) if m.entry.type == "RETREAT" and m.entry.pos == "N"), None)
        if truce is not None and truce.mode == "ceasefire":
            d.type, d.mode, d.cameo = "RETREAT", truce.mode, truce.cameo or None
            return


def _truce_noun(noun):
    """The RETREAT "ceasefire" entry a noun or the words modifying it name ("a ceasefire", "a truce deal", a
    headline's "Ceasefire")."""
    from .lexicon import by_head

    for word in [noun] + [c for c in noun.children if c.dep_ in ("compound", "amod")]:
        truce = next((e for e in by_head().get((word.lemma_.lower(), "N"), ()) if e.type == "RETREAT"
                      and not e.extra), None)
        if truce is not None and truce.mode == "ceasefire":
            return truce
    return None


AGREEING = {"agree", "accept"}


def truce_agreed(d: Draft) -> None:
    """Agreeing to a truce ("agreed to a ceasefire", "agreed to implement a truce", "accepted the ceasefire") is
    declaring it, a RETREAT of the truce's mode (CAMEO 0871, PLOVER 2.0 "agree to a truce"), as signing one is
    (``truce_signed``); agreeing to another deed stays what ``control`` makes it."""
    tok = d.match.tok
    if d.type != "AGREE" or tok.lemma_.lower() not in AGREEING or d.match.entry.pos != "V":
        return
    nouns = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("to", "on") for g in p.children
             if g.dep_ == "pobj"] + [c for c in tok.children if c.dep_ == "dobj"]
    for x in (c for c in tok.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
              and any(a.tag_ == "TO" for a in c.children)):  # "agreed TO IMPLEMENT a truce"
        if not any(n.dep_ == "neg" for n in x.children):  # not "agreed not to respect the truce"
            nouns += [c for c in x.children if c.dep_ == "dobj"]
    truce = next((t for t in map(_truce_noun, nouns) if t is not None), None)
    if truce is not None:
        d.type, d.mode, d.cameo = "RETREAT", truce.mode, truce.cameo or None


def guest_welcomed(d: Draft) -> None:
    """Welcoming a person or a side ("the president welcomed the Chinese premier at the airport") is hosting a
    visit (CAMEO 043, CONSULT); welcoming a deed or a decision ("welcomed the ceasefire agreement") stays an
    approval."""
    tok = d.match.tok
    if d.type != "AGREE" or tok.lemma_.lower() != "welcome" or d.match.entry.pos != "V" or not d.target.actors:
        return
    from .triggers import noun_event

    obj = child(tok, "dobj")
    # the object itself names the side welcomed ("the Chinese PREMIER"), not what it did or has ("the decision BY
    # X", "the administration's PLANS")
    if obj is not None and noun_event(obj) is None and not any(c.dep_ in ("poss", "case") for c in obj.children) and \
            any(lo <= obj.idx < hi for lo, hi in d.target.at.values()):
        d.type, d.mode, d.cameo = "CONSULT", "visit", "043"


CROWDS = {"crowd", "mob", "group", "gang", "throng"}


def thrown_by_one(d: Draft) -> None:
    """Stones or bottles thrown at someone by a crowd ("demonstrators threw stones at police") are a violent
    protest (CAMEO 145); thrown by one person ("the suspect threw a bottle at her") an attack."""
    if d.type != "PROTEST" or d.mode != "riot" or d.match.tok.lemma_.lower() not in ("throw", "hurl", "pelt"):
        return
    subj = subject_of(d.match.tok)
    if subj is not None and subj.tag_ in ("NN", "NNP") and subj.lemma_.lower() not in CROWDS:
        d.type, d.mode, d.cameo = "ASSAULT", "", "180"


ARMED_SECTORS = {"MIL": "troops", "COP": "police", "PRM": "militia"}
ARMED_WORDS = {"guard", "army", "police", "militia", "reserve", "reservist"}


def forces_called_out(d: Draft) -> None:
    """Armed forces or police called out are mobilized ("called out the National Guard", "called out the
    army"), not criticised as people called out are ("called out Republicans")."""
    if d.type != "ACCUSE" or d.match.entry.pattern != "call out":
        return
    obj = child(d.match.tok, "dobj")
    sectors = [ARMED_SECTORS[a.sector] for a in d.target.actors if a.sector in ARMED_SECTORS]
    armed = obj is not None and (obj.lemma_.lower() in ARMED_WORDS or obj.lemma_.lower() in word_set(
        "events/force_nouns.txt"))
    if sectors or armed:
        d.type, d.cameo = "MOBILIZE", "154"
        d.mode = sectors[0] if sectors else ("police" if obj.lemma_.lower() == "police" else "troops")


def refused_thing(d: Draft) -> None:
    """A refusal whose object is an event noun takes its mode from what is refused ("rejected talks with Chile":
    meet; "refused medical aid": assist); of an offer, request or invitation, from what it offers or asks
    ("declined a request for a meeting": meet; "rejected calls to withdraw": yield). Refusing anything else
    ("rejected the accusations") gives no mode."""
    if d.type != "REJECT" or d.mode or d.match.entry.pos != "V":
        return
    from .complements import complement, complement_event
    from .triggers import noun_event

    obj = child(d.match.tok, "dobj", "nsubjpass")
    m = noun_event(obj) if obj is not None else None
    if m is None:
        return
    if m.entry.mode and m.entry.type == "REQUEST":
        d.mode = m.entry.mode  # "rejected an invitation": REQUEST and REJECT share their modes
        return
    ctype = m.entry.type
    if ctype in ("REQUEST", "AGREE") and m.entry.frame == "ctl":
        comp = complement(obj)
        inner = complement_event(comp) if comp is not None else None
        ctype = inner.entry.type if inner is not None else None
    if ctype in COOPERATIVE:
        d.mode = request_mode(ctype)


def by_doer_and_object(d: Draft) -> None:
    """The retypings that follow from who acts and what they act on (``legal_action``, ``armed_strike``,
    ``place_seized``, ``people_expelled``, ``claim_withdrawn``, ``truce_signed``, ``truce_agreed``, ``thrown_by_one``,
    ``guest_welcomed``, ``forces_called_out``, ``refused_thing``)."""
    legal_action(d)
    armed_strike(d)
    place_seized(d)
    people_expelled(d)
    claim_withdrawn(d)
    truce_signed(d)
    truce_agreed(d)
    thrown_by_one(d)
    guest_welcomed(d)
    forces_called_out(d)
    refused_thing(d)


# -- retyping by modality ----------------------------------------------------------------------------------

INABILITY = {"able", "unable", "could"}  # "were not able to provide details", "could not hold a meeting": no refusal


def by_modality(w: Work, d: Draft, where, hyp_why: str | None) -> str | None:
    """Retype a refusal, a stated intention or a threat from the event's modality (``d.negated``,
    ``d.hypothetical``, the time in ``d.attrs``); returns the hypothetical cue that still applies."""
    etype, cue = d.type, cue_word(hyp_why)
    if modality.counterfactual(where):  # "would HAVE attacked the town if ...": it did not happen, no threat
        d.hypothetical = True
        return hyp_why or "would have"
    if etype == "THREATEN" and d.match.entry.type == "THREATEN" and cue in ("if", "unless") and \
            modality.conditional(where) is not None and not _in_condition(w, where) and \
            d.attrs.get("time") != "future" and \
            not {c.lower_ for c in where.children if c.dep_ == "aux"} & set(modality.HYPO_MODALS):
        # "threatened war IF the talks fail", "warned of a response UNLESS ...": the condition is the threatened
        # act's; the threat itself was made (the condition stays in ``attrs``)
        d.hypothetical = False
        return hyp_why
    future = d.attrs.get("time") == "future"
    if d.negated and etype in COOPERATIVE and (future or d.hypothetical) and cue not in INABILITY:
        # "we are not going to negotiate", "will not withdraw": a refusal, which did happen
        d.attrs["refused"] = etype
        d.mode = request_mode(etype)
        d.type, d.cameo, d.negated, d.hypothetical = "REJECT", None, False, False
        return None
    if not d.negated and (not d.hypothetical or cue == "if") and d.source.actors and future \
            and (etype in FUTURE_AGREE or (etype == "RETREAT" and self_announced(w, where, d.source))):
        # a stated intention to cooperate is AGREE (PLOVER: future CONSULT, SUPPORT, COOPERATE and AID):
        # "will meet", "said they would meet". A future RETREAT stays what it is ("troops will withdraw next
        # month") unless the actor announces it itself, which is CAMEO's "express intent to yield" (03x, AGREE):
        # "the RUF announced it will return weapons". A future CONCEDE stays CONCEDE, as the PLOVER 2.0 manual
        # says ("the mayor announced he will lift the curfew")
        d.attrs["future_of"] = etype
        d.type, d.mode, d.cameo = "AGREE", "", None  # a conditional offer stays hypothetical
    elif etype == "SANCTION" and not d.negated and cue in ("", "would") and decided(w, where, d.source):
        # "the United States announced it would prohibit all aid to the rebels": a sanction its author announces
        # as decided, with no condition, is the sanction itself (CAMEO 16x), not a threat of one
        d.hypothetical = False
        return None
    elif not d.negated and d.source.actors and ((future and not d.hypothetical) or cue in THREAT_CUES + PLAN_CUES) \
            and not _in_condition(w, where) \
            and (cue not in GUESS_CUES or stated_by_source(w.story, where, d.source, w.reporting)) \
            and (etype in MATERIAL_CONFLICT - {"MOBILIZE"} or (etype == "RETREAT" and cue == "unless")):
        # a stated or conditional intention to use force, sanctions or protest is a THREATEN:
        # "would blockade Paris", "may halt mediation if ...", "will withdraw unless ..."; a guess someone else
        # makes ("analysts said Russia could attack") stays a hypothetical attack
        d.attrs["threat_of"] = etype
        # the threatened act's own word tells a threat to territory ("would INVADE Fiji")
        d.mode = threat_mode(Entry(d.match.entry.head, (), "V", etype, d.mode, "", "sv", 0))
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


DECISION_VERBS = {"announce", "decide", "declare"}


def decided(w: Work, tok, src: Resolved) -> bool:
    """Whether the clause is what its own source announces or decides ("X announced it would ...", "X decided to
    ..."), with no condition on it."""
    if not src.actors or _in_condition(w, tok) or any(c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children) for c in tok.children):
        return False
    last = None
    for g in modality.governors(tok, w.reporting):
        last = g
    if last is None or last.dep_ not in ("ccomp", "xcomp") or last.head.lemma_.lower() not in DECISION_VERBS:
        return False
    speaker = resolve(w.story, subject_of(last.head))
    return bool(speaker.actors) and set(speaker.ids()) == set(src.ids())


def cue_word(why: str | None) -> str:
    """The first word of a hypothetical cue ("if", "may", ...)."""
    return why.split()[0].lower() if why else ""
