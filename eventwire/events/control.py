"""Control verbs: the type, mode and target a verb that takes a clause or event noun ("offered to provide
security", "urged Iran to halt", "refused to negotiate", "called for talks") gets from what it takes, which is
not coded again (``control``).

- an offer of something forceful is a THREATEN, a refusal of a meeting a REJECT with mode "meet", a request
  takes the mode of what is asked (``modes.py``)
- the clause's own object or subject is the target when the verb has none ("threatened to deliver blows to
  the United States", "allowed Ouattara to run")
- an order given to armed forces or police is a MOBILIZE ("ordered troops to stand guard")
- some report no event at all (``empty_control.py``: "agreed with McLenny", "a request for comment")
"""

from __future__ import annotations

from ..data import word_set
from .arguments import arg_np, noun_agent, noun_target, verb_args
from .complements import complement, complement_event
from .deep import sent_forces
from .draft import Draft, Match, Work
from .empty_control import (fact_admitted, names_event, names_other_actor, nothing_asked, opinion_agreement,
                            press_formula, question, unfulfilled)
from . import senses
from .lexicon import Entry
from .modes import request_mode, threat_mode
from .natural import forecast, natural_danger
from .resolve import Resolved, resolve
from .syntax import child, for_clause
from .triggers import noun_event
from .type_groups import COOPERATIVE, FORCEFUL


def control(w: Work, d: Draft) -> bool:
    """Type, mode and target of a control verb from the clause it takes. False when the verb reports no
    event after all: "Anderson largely agreed with McLenny", "analysts agree the top 1 percent would ...
    benefit" (opinions shared, not agreements)."""
    tok, e = d.match.tok, d.match.entry
    comp = complement(tok)
    comp_match = complement_event(comp) if comp is not None else None
    if comp is None and d.type == "NOT" and _negated(tok):
        comp_match = _ruled_out(w, tok)  # "has not ruled out a military STRIKE": what is left open
        comp = comp_match.tok if comp_match is not None else None
    elif d.type == "NOT" and comp_match is not None and comp_match.entry.type == "NOT" and not _negated(tok):
        inner = _ruled_out(w, comp_match.tok)  # "refused to rule out TALKS": a refusal refused leaves it open
        if inner is not None:
            w.consumed.add(comp_match.tok.i)
            d.attrs["refused_refusal"] = True
            comp, comp_match = inner.tok, inner
    if comp_match is not None and comp_match.entry.pos == "V" and comp_match.entry.type not in ("NONE", "NOT"):
        from .choice import choose
        from .triggers import match_token

        chosen = choose(w.story, comp_match.tok, match_token(comp_match.tok))
        if chosen is None:
            comp_match = None  # "vowed to fight corruption", "wants to meet the deadline": the clause's verb is
            # no event here, as it would be none on its own
        elif chosen.tok.i == comp_match.tok.i and chosen.entry.type not in ("NONE", "NOT", "LIGHT"):
            comp_match = chosen  # the sense its frame bears out: "intends to strike Iran's nuclear sites" (an
            # attack, not a labour strike)
        elif chosen.entry.type not in ("NONE", "NOT", "LIGHT") and chosen.entry.pos == "N" and \
                chosen.tok.head.i == comp_match.tok.i and not resolve(w.story, chosen.tok).actors:
            comp_match = chosen  # "threatened to HOLD a general STRIKE": the light verb's noun, not "held" (arrested);
            # "to hold THE PROTESTERS" names people held
    if opinion_agreement(tok, d.type, comp, comp_match) or question(tok, d.type, comp) or \
            fact_admitted(tok, d.type, comp, comp_match):
        return False
    if comp_match is None and (unfulfilled(tok, d.type) or press_formula(tok, comp)):
        return False
    danger = natural_danger(tok, d)
    if danger is not None:
        w.consumed.update(t.i for t in danger.subtree)  # "of FREEZING drizzle" is weather, not a freeze
        return False
    if comp_match is None and comp is None and nothing_asked(tok, d):
        return False
    if comp is None and e.pos == "A" and not names_event(tok):
        return False  # "should be ready for questions", "prepared for the worst": willing to do nothing named
    if forecast(w, tok, d, comp, named_act=comp_match is not None):
        return False
    if comp_match is None and e.pos == "N" and d.type == "AGREE" and not d.target.actors:
        return False  # "its commitment to the Turkish market", "their shared commitment on policy goals"
    if comp is None and d.type == "AGREE" and e.pos == "V" and _nothing_offered(w, d):
        return False  # "she offers reasonableness", "accepted the position of superintendent"
    if comp_match is not None and comp_match.entry.type == "NONE":
        # "is intended to make sure that ...": the clause is an idiom that names no event, so neither does
        # the verb that takes it
        return False
    if comp_match is None and comp is not None:
        if d.type == "AGREE" and tok.lemma_.lower() != "agree" and len(d.source.actors) < 2 and \
                comp.pos_ in ("VERB", "AUX") and not names_event(comp) and not names_other_actor(w, comp, d.source):
            # "was prepared to face emergencies", "vowed not to repeat that mistake": one side's intention to do
            # something that is no event and involves no other actor is no agreement ("Iceland and Benin agreed to
            # set new limits" is one)
            return False
        _clause_target(w, d, comp)
    if comp_match is not None and comp_match.tok.i != tok.i:
        _take_complement(w, d, comp_match, e)
    if comp_match is None or comp_match.entry.type == "MOBILIZE" or comp_match.entry.type in ("ASSAULT", "COERCE") \
            and comp_match.entry.mode != "arrest":
        _order_of_force(w, d, comp_match)  # "ordered police to disperse the protesters": force sent against them;
        # "ordered the army to withdraw" stays a request to withdraw, "ordered police to arrest him" one to arrest
    return True


def _ruled_out(w: Work, tok) -> Match | None:
    """The event noun a negated refusal takes as its object, in the sense the noun's own frame bears out ("a military
    STRIKE": an attack)."""
    from .choice import choose
    from .triggers import match_token

    obj = child(tok, "dobj")
    if obj is None or noun_event(obj) is None:
        return None
    chosen = choose(w.story, obj, match_token(obj))
    return chosen if chosen is not None and chosen.tok.i == obj.i else noun_event(obj)


OFFERING = {"offer", "accept"}
# Commonest senses of what is accepted that make it no proposal: "the POSITION of superintendent", "speaking
# OPPORTUNITIES", "the award".
PLACES_AND_STATES = {"location", "state", "attribute", "artifact", "possession"}


def _nothing_offered(w: Work, d: Draft) -> bool:
    """Whether an offer or acceptance with no clause offers or accepts no deed to or from anyone: its object is no
    event noun, names no one, and no side is its target ("she offers reasonableness", "numbers that offer a
    window into", "accepted the position of superintendent"). "Offered concessions", "offered its troops to X"
    and "accepted the plan of Y" stay."""
    from .triggers import noun_event

    tok = d.match.tok
    obj = child(tok, "dobj", "nsubjpass")
    if tok.lemma_.lower() not in OFFERING or obj is None or d.target.actors or "target_text" in d.attrs:
        return False
    if noun_event(obj) is not None or resolve(w.story, obj).actors:
        return False
    if tok.lemma_.lower() == "accept" and senses.noun_class(obj) not in PLACES_AND_STATES:
        return False  # "accepted the peace plan", "a formula", "the terms": a proposal agreed to
    return not any(c.dep_ in ("prep", "dative") for c in tok.children if c.lower_ in ("to", "with", "from"))


ORDER_VERBS = {"order", "command", "instruct", "direct"}
FORCE_MODES = {"COP": "police", "PRM": "militia", "MIL": "troops"}


def _order_of_force(w: Work, d: Draft, comp_match: Match | None = None) -> None:
    """An order given to armed forces or police ("ordered troops to stand guard at the Colosseum", "ordered
    additional police forces into the state", "ordered police to disperse the protesters") raises force:
    MOBILIZE, the mode from who is ordered; where they go is said by the clause or preposition that follows,
    against whom by the force they are ordered to use."""
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
    if comp_match is not None and comp_match.entry.type in ("ASSAULT", "COERCE"):
        d.target = args_of(w, comp_match)[1]  # "ordered troops to attack THE REBELS": whom the force is sent against


def _clause_target(w: Work, d: Draft, comp) -> None:
    """The target of a control verb whose clause is no event of the lexicon."""
    if d.type == "REQUEST" and not d.target.actors and any(for_clause(m, d.match.tok) for m in comp.children):
        r = arg_np(w, child(comp, "nsubj"))  # "called for BRITAIN to join the bloc": who is asked
        d.target = r if set(r.ids()) - set(d.source.ids()) else d.target
    if not d.target.actors and comp.pos_ in ("VERB", "AUX"):
        # "threatened to deliver blows to the United States": the clause's own object or recipient
        saved = w.last_args
        _cs, ctgt, co = verb_args(w, comp, Entry("", (), "V", d.type, "", "", "sv", 0))
        w.last_args = saved
        if ctgt.actors and set(ctgt.ids()) != set(d.source.ids()) and not (co is not None and sent_forces(co)):
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
    d.inner = comp_match
    w.consumed.add(comp_match.tok.i)
    # coordinated content is part of the same offer, demand or refusal
    for c in comp_match.tok.conjuncts:
        w.consumed.add(c.i)
    if ct == "LIGHT" or ct == "NOT":
        ct = "REJECT" if ct == "NOT" else None
    if not ct:
        return
    csrc, ctgt = args_of(w, comp_match)
    asked = d.type == "REQUEST" and any(for_clause(m, d.match.tok) for m in comp_match.tok.children)
    if not d.target.actors and asked and set(csrc.ids()) - set(d.source.ids()):
        d.target = csrc  # "called for EGYPT to release the journalists": who is asked, the for-clause's subject
    if not d.target.actors:
        d.target = ctgt
        other = csrc.actors and set(csrc.ids()) != set(d.source.ids())
        if d.type == "REQUEST" and not d.target.actors and other or d.type == "CONCEDE" and other:
            d.target = csrc  # "urged THE REBELS to ...", "allowed OPPOSITION PARTIES to hold rallies": who is
            # asked or let
    if d.type == "NOT" and (_negated(d.match.tok) or d.attrs.pop("refused_refusal", False)) and \
            ct in FORCEFUL | COOPERATIVE | {"PROTEST"}:
        # "did not rule out sanctions", "would not rule out talks", "refused to rule out talks": the act is left
        # open, a veiled threat of
        # force or a stated willingness to cooperate (PLOVER AGREE: "indicate willingness"); the negation and
        # the hedge are the stance's own (``extract``: ``not_ruled_out``)
        d.attrs["not_ruled_out"] = ct
        if ct in COOPERATIVE:
            d.type, d.mode, d.cameo = "AGREE", "", None
        else:
            d.type, d.mode, d.cameo = "THREATEN", threat_mode(comp_match.entry), None
    elif d.type == "AGREE" and e.pos != "N" and _negated(comp_match.tok):
        if ct in COOPERATIVE:
            # "vowed not to withdraw from the Golan", "promised never to release them": declining to yield or
            # cooperate is a refusal (CAMEO 12x), not an agreement
            d.attrs["refused"] = ct
            d.type, d.mode, d.cameo = "REJECT", request_mode(ct), None
        elif ct in FORCEFUL:
            # "vowed not to attack the town": a pledge to hold back force is no threat (CAMEO 035, intent to yield)
            d.type, d.mode, d.cameo = "AGREE", "", "035"
    elif d.type == "AGREE" and ct in ("CONCEDE", "RETREAT") and comp_match.entry.pos == "V":
        # "agreed to suspend their protests", "vowed to end the curfew", "promised to withdraw from the border
        # posts": the PLOVER 2.0 manual codes promised concessions and declared (not carried out) ceasefires,
        # withdrawals and releases as CONCEDE, not AGREE
        d.type, d.mode, d.cameo = "CONCEDE", comp_match.entry.mode if ct == "CONCEDE" else "", None
    elif d.type == "AGREE" and e.pos != "N" and ct not in COOPERATIVE:
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


def _negated(tok) -> bool:
    """Whether a complement's predicate is negated ("not to withdraw", "never to attack")."""
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in tok.children)


def args_of(w: Work, m: Match) -> tuple[Resolved, Resolved]:
    """(source, target) of a match, noun or verb; ``w.last_args`` stays the coded event's ("X urged IRAN to ...")."""
    if m.entry.pos == "N":
        return noun_agent(w, m.tok), noun_target(w, m.tok)
    saved, (src, tgt, _) = w.last_args, verb_args(w, m.tok, m.entry)
    w.last_args = saved
    return src, tgt
