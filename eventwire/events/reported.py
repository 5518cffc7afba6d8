"""Events that reported speech makes: "Russia said Sudan must return the helicopter" is a REQUEST from Russia
to Sudan (``obligation``), and a speaker who says in a direct quotation that others use force ACCUSEs them
(``reported_accusations``). A government official who reports what "the government" will do is its source
(``speaker_acts_for_government``)."""

from __future__ import annotations

from ..data import word_set
from ..model import Story
from .arguments import arg_np
from .complements import complement_event
from .consume import consume_tree
from .draft import Draft, Match, Work
from .lexicon import Entry
from .modes import request_mode
from .resolve import Resolved, quote_at, resolve
from .subjects import subject_of
from .syntax import child
from .political import FORCE_SECTORS
from .type_groups import MATERIAL_CONFLICT


def obligation(w: Work, tok) -> bool:
    """"Russia said Sudan must return the helicopter": a demand by the speaker on the clause's subject.
    Adds the REQUEST to ``w.drafts`` and returns True when the reporting verb ``tok`` makes one."""
    for c in tok.children:
        if c.dep_ != "ccomp" or c.i in w.consumed:
            continue
        aux = {a.lower_ for a in c.children if a.dep_ == "aux"}
        inner = c
        if not aux & {"must", "should", "ought"}:
            if c.lemma_ in ("have", "need") and c.tag_ != "VBN" and any(x.dep_ == "xcomp" for x in c.children):
                # "X said Y has to / needs to ..."; "have already HAD to change" tells what was done
                inner = child(c, "xcomp")
                if any(x.dep_ == "auxpass" for x in inner.children):
                    continue  # "two people had to be evacuated": what had to happen to them, asked of no one
            else:
                continue
        if tok.lemma_.lower() in word_set("events/opinion_verbs.txt"):
            continue
        if any(x.dep_ == "auxpass" for x in inner.children) or \
                inner.lemma_ == "be" and any(x.dep_ in ("acomp", "attr") and not any(
                    y.dep_ == "xcomp" for y in x.children) for x in inner.children):
            continue  # "Iran should be punished", "Clinton should be ready for questions": what should befall or
            # be true of someone, asked of no one ("the EU must be ready TO MEDIATE" asks it to act)
        who = child(c, "nsubj")
        if who is None or who.lower_ in ("it", "this", "that", "there", "i", "we", "you"):
            continue
        speaker = resolve(w.story, subject_of(tok))
        addressee = arg_np(w, who)
        if not speaker.actors or not addressee.actors or set(speaker.ids()) == set(addressee.ids()):
            continue
        cm = complement_event(inner)
        ctype = cm.entry.type if cm is not None else None
        mode = request_mode(ctype) if ctype not in (None, "LIGHT", "NOT") else "change"
        entry = Entry("must", (), "V", "REQUEST", mode, "", "ctl", 0)
        w.drafts.append(Draft(Match(inner, entry), "REQUEST", mode, None, speaker, addressee,
                              False, False, {"obligation": True}, 0.7))
        consume_tree(w.consumed, c)
        return True
    return False


# Sectors of actors whose words about others' use of force are a political accusation.
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD", "IGO", "NGO", "OPP", "PTY", "REB", "SPY", "PRM", "UAF"}


def _state_side(actor) -> bool:
    """A country, or an actor of a government, armed, party, court or international sector."""
    return actor.kind == "country" or actor.sector in STATE_SECTORS


def reported_accusations(story: Story, drafts: list[Draft]) -> list[Draft]:
    """A speaker who says in a direct quotation that others use force accuses them: in Johndroe's "they
    continue to attack innocent civilians" the attack is the Taliban's and the statement is the White House's
    ACCUSE against the Taliban. Only direct quotations with a known speaker, only material conflict that is
    asserted (not negated, hypothetical or future), never against the speaker's own side, and only between
    political sides: the accuser a country or of a state, armed, party or international sector, the accused
    that or a force ("Mohanna was shot by two gunmen", said by a witness, accuses no one)."""
    out = []
    for d in drafts:
        if d.type not in MATERIAL_CONFLICT or d.negated or d.hypothetical or d.attrs.get("time") == "future":
            continue
        quote = quote_at(story, d.match.tok.idx)
        if quote is None or quote.kind != "direct" or not quote.speaker or not d.source.actors:
            continue
        speaker = story.actor(quote.speaker)
        if speaker is None:
            continue
        side = story.actor(speaker.affiliation) if speaker.affiliation else None
        accuser = side or speaker
        own = {speaker.id} | ({side.id} if side else set())
        accused = [a for a in d.source.actors if a.id not in own]
        if not accused or len(accused) < len(d.source.actors):
            continue
        if not (_state_side(accuser) and all(_state_side(a) or a.sector in FORCE_SECTORS for a in accused)):
            continue  # a witness, a candidate or a company telling of violence accuses no one in PLOVER's sense
        entry = Entry("say", (), "V", "ACCUSE", "allege", "", "sv", 0)
        out.append(Draft(Match(d.match.tok, entry), "ACCUSE", "allege", None,
                         Resolved([accuser]), Resolved(accused), False, False,
                         {"reported_accusation_of": d.type}, round(d.confidence * 0.7, 3)))
    return out


def speaker_acts_for_government(story: Story, d: Draft, quote) -> None:
    """A government's own official who reports what "the government" does or will do is the one who acts, as
    CAMEO coders code it ("Prime Minister Holness announced that the government will extend the curfew", "the
    spokesman said the government will not lift the ban"): the source becomes the speaker, marked
    ``source_from: "speaker"``. Only in reported (not direct) speech, for a speaker who is a person of the
    government sector, and a source named by a common noun for a government (``events/government_nouns.txt``)
    of the speaker's own country or of none."""
    if quote is None or quote.kind == "direct" or not quote.speaker or len(d.source.actors) != 1:
        return
    speaker, a = story.actor(quote.speaker), d.source.actors[0]
    if speaker is None or speaker.id == a.id or speaker.kind != "person" or a.sector != "GOV" or \
            speaker.sector != "GOV" or (a.country and a.country != speaker.country):
        return
    at = d.source.at.get(a.id)
    span = story.doc.char_span(*at, alignment_mode="expand") if at and story.doc is not None else None
    if span is None or any(t.pos_ == "PROPN" for t in span) or \
            span.root.lemma_.lower() not in word_set("events/government_nouns.txt"):
        return
    sp = quote.speaker_span
    d.source = Resolved([speaker], at={speaker.id: (sp.start, sp.end)} if sp else {})
    d.attrs["source_from"] = "speaker"
