"""From drafts to ``Event`` records: trigger span, CAMEO code, quad class and Goldstein score, PLOVER contexts
and the quote an event is reported in; drafts that say the same thing in one sentence are merged."""

from __future__ import annotations

from ..model import Event, Span, Story
from ..word_classes import first_class
from . import ontology
from .draft import Draft
from .phrases import phrase_around
from .reciprocal import reciprocal
from .reported import speaker_acts_for_government
from .resolve import (FIRST_PLURAL, FIRST_SINGULAR, RELATIVE, THIRD_PLURAL, THIRD_SINGULAR, chars, person_nouns,
                      quote_at)

PRONOUNS = FIRST_SINGULAR | FIRST_PLURAL | THIRD_SINGULAR | THIRD_PLURAL | RELATIVE

def contexts_for(sent, cameo: str | None) -> list[str]:
    """PLOVER contexts: the CAMEO code's implied context plus contexts whose cue words the sentence holds.
    A one-word cue counts only as a common noun or other non-name word ("bill", not "Bill Clinton"); a phrase
    cue matches anywhere ("al qaeda", "human rights")."""
    out = []
    if cameo:
        row = ontology.crosswalk().get(cameo)
        if row and row.context:
            out.append(row.context)
    every = " " + " ".join(t.lower_ for t in sent if not t.is_punct) + " "
    common = {t.lower_ for t in sent if t.pos_ != "PROPN"} | {t.lemma_.lower() for t in sent if t.pos_ != "PROPN"}
    for name, (_gloss, cues) in ontology.contexts().items():
        if name in out:
            continue
        for cue in cues:
            if (" " in cue or "-" in cue) and f" {cue} " in every or cue in common:
                out.append(name)
                break
    return out


def to_events(story: Story, drafts: list[Draft]) -> list[Event]:
    """Records from drafts: CAMEO code, scores, context, quote link; duplicates merged."""
    out: list[Event] = []
    seen: dict[tuple, list[Event]] = {}
    told: dict[tuple, list] = {}  # (trigger token, mode) of records with a target, by type, source and sentence
    for d in sorted(drafts, key=lambda d: d.match.tok.i):  # in text order
        tok = d.match.tok
        sent = tok.sent
        source, target = d.source.ids(), d.target.ids()
        base = (d.type, tuple(sorted(source)), sent.start, d.negated)
        if source and not target and any(t in tok.conjuncts and (not m or not d.mode or m == d.mode)
                                         for t, m in told.get(base, ())):
            continue  # "killed one soldier and wounded two others": the same act goes on, with no one new named;
            # an act of another kind ("kidnapped 16 advisers and exploded a series of bombs") is one of its own
        if target:
            told.setdefault(base, []).append((tok, d.mode))
        key = (d.type, tuple(sorted(source)), tuple(sorted(target)), sent.start, d.negated)
        # one act told twice ("shot and killed") is one record; two acts of a type that each name their own
        # mode ("seized 500 bottles and arrested three") are two
        same = next((ev for ev in seen.get(key, ()) if not ev.mode or not d.mode or ev.mode == d.mode), None)
        if same is not None:
            same.confidence = max(same.confidence, d.confidence)
            if d.mode and not same.mode:  # "killed ... with a drone strike": the telling that says how
                same.mode = d.mode
                same.cameo = d.cameo or ontology.cameo_for(d.type, d.mode)
                same.quad_class, same.goldstein = ontology.quad_and_score(d.type, d.mode)
            continue
        ev = _record(story, d, f"e{len(out) + 1}")
        seen.setdefault(key, []).append(ev)
        out.append(ev)
    return _untargeted_merged(out)


def _untargeted_merged(events: list[Event]) -> list[Event]:
    """Without a record that names no target beside one of its sentence with the same type, source, negation
    and a compatible mode that names one: the same act told twice, once with whom it hit ("claimed the attack
    that killed 300 people": the claim and the killing; "in an attack on Monday, rebels killed five soldiers").
    The earlier telling is kept, with the other's target."""
    dropped: set[int] = set()
    for ev in events:
        if not ev.source or ev.target or id(ev) in dropped:
            continue
        o = next((o for o in events if o is not ev and id(o) not in dropped and o.target and o.type == ev.type and
                  o.source == ev.source and (o.negated, o.hypothetical) == (ev.negated, ev.hypothetical) and
                  o.evidence.start == ev.evidence.start and (not o.mode or not ev.mode or o.mode == ev.mode)), None)
        if o is None:
            continue
        keep, gone = (ev, o) if _at(ev) < _at(o) else (o, ev)
        if keep is ev:
            ev.target = o.target
            for key in ("target_spans", "target_phrases", "target_text"):
                if key in o.attrs:
                    ev.attrs[key] = o.attrs[key]
        keep.confidence = max(keep.confidence, gone.confidence)
        if gone.mode and not keep.mode:
            keep.mode, keep.cameo = gone.mode, gone.cameo
            keep.quad_class, keep.goldstein = gone.quad_class, gone.goldstein
        dropped.add(id(gone))
    out = [ev for ev in events if id(ev) not in dropped]
    for i, ev in enumerate(out):
        ev.id = f"e{i + 1}"
    return out


def _at(ev: Event) -> int:
    return ev.trigger.start if ev.trigger is not None else ev.evidence.start


def _record(story: Story, d: Draft, event_id: str) -> Event:
    tok = d.match.tok
    sent = tok.sent
    cameo = d.cameo or ontology.cameo_for(d.type, d.mode)
    quad, score = ontology.quad_and_score(d.type, d.mode)
    quote = quote_at(story, tok.idx)
    speaker_acts_for_government(story, d, quote)
    ev = Event(
        id=event_id,
        type=d.type,
        mode=d.mode or None,
        context=contexts_for(sent, cameo),
        cameo=cameo,
        source=d.source.ids(),
        target=d.target.ids(),
        negated=d.negated,
        hypothetical=d.hypothetical,
        evidence=Span.from_spacy(sent),
        trigger=_trigger(story, d),
        confidence=d.confidence,
        quad_class=quad,
        goldstein=score,
        quote=quote.id if quote else None,
        attrs=d.attrs,
    )
    sides = reciprocal(d)  # "X met Y", "X and Y agreed": both are sides, neither the source (``reciprocal.py``)
    if sides:
        ev.attrs["reciprocal"] = True
    for role, resolved in (("source", d.source), ("target", d.target)):
        spans = argument_spans(story, resolved, ev)
        if spans:
            key = "side" if sides else role
            ev.attrs[f"{key}_spans"] = _merged(ev.attrs.get(f"{key}_spans", []), spans)
            ev.attrs[f"{key}_phrases"] = _merged(ev.attrs.get(f"{key}_phrases", []),
                                                 argument_phrases(story, spans, d.match.tok.i))
    tok = d.named_at.get("source")  # named, but by no actor: "Kelechi Mbeki-Tau urged ..." (``source_text``)
    if tok is not None and "source_text" in ev.attrs and not d.source.actors if sides else \
            tok is not None and "source_phrases" not in ev.attrs and "source_text" in ev.attrs:
        key = "side" if sides else "source"  # "Rautio will meet X": a side like X
        ev.attrs[f"{key}_phrases"] = _merged(ev.attrs.get(f"{key}_phrases", []), argument_phrases(
            story, [story.span(*chars(tok)).to_dict()], d.match.tok.i))
    tok = d.named_at.get("target")  # named, but by no actor: "police arrested THE GIRL'S MOTHER" (``target_text``)
    if tok is not None and not sides and "target_text" in ev.attrs and "target_phrases" not in ev.attrs and \
            (first_class("noun", tok.lemma_.lower()) == "person" or tok.lower_ in person_nouns()):  # not a thing
        ev.attrs["target_phrases"] = argument_phrases(story, [story.span(*chars(tok)).to_dict()], d.match.tok.i)
    if d.match.extra:
        ev.attrs.setdefault("pattern", d.match.entry.pattern)
    if quote is not None and quote.speaker:
        ev.attrs.setdefault("reported_by", quote.speaker)
    return ev


def _merged(have: list[dict], more: list[dict]) -> list[dict]:
    """Spans of both lists once each, in text order."""
    out = list(have)
    out += [s for s in more if s not in out]
    return sorted(out, key=lambda s: (s["start"], s["end"]))


def argument_spans(story: Story, resolved, ev: Event) -> list[dict]:
    """Where the event names each of its source (target) actors: the actor's mention at the words the
    argument was read from, else the actor's mention in the evidence nearest the trigger. A pronoun names no
    one: "Burmese authorities announced they will extend the curfew" names its source at "Burmese
    authorities", the mention of the same actor in the evidence nearest before the pronoun. One span per
    actor, in text order; an actor the evidence does not mention has none."""
    out = []
    trig = ev.trigger.start if ev.trigger else ev.evidence.start
    for a in resolved.actors:
        where = resolved.at.get(a.id)
        inside = [m for m in a.mentions if ev.evidence.start <= m.start and m.end <= ev.evidence.end]
        named = [m for m in inside if m.text.lower() not in PRONOUNS]
        span = None
        if where is not None:
            span = next((m for m in inside if m.start <= where[0] < m.end), None) or story.span(*where)
            if span.text.lower() in PRONOUNS and named:
                at = span.start
                span = min(named, key=lambda m: (m.start > at, _in_place_phrase(story, m), abs(m.start - at)))
        elif inside:
            span = min(named or inside, key=lambda m: (abs(m.start - trig), m.start))
        if span is not None and span.to_dict() not in out:
            out.append(span.to_dict())
    return sorted(out, key=lambda s: (s["start"], s["end"]))


def argument_phrases(story: Story, spans: list[dict], trigger_i: int) -> list[dict]:
    """The whole noun phrase around each argument span (``phrases.phrase_around``: "the Iraqi embassy in
    Kabul" around "Iraqi embassy"), one per span, in text order."""
    out = []
    for s in spans:
        lo, hi = phrase_around(story.doc, s["start"], s["end"], trigger_i) if story.doc is not None \
            else (s["start"], s["end"])
        d = story.span(lo, hi).to_dict()
        if d not in out:
            out.append(d)
    return out


def _in_place_phrase(story: Story, m) -> bool:
    """Whether a mention is the place phrase of a noun ("Nairobi" in "officials in Nairobi"): a pronoun's
    antecedent is better shown at the noun itself."""
    doc = story.doc
    sp = doc.char_span(m.start, m.end, alignment_mode="expand") if doc is not None else None
    if sp is None:
        return False
    t = sp.root
    while t.dep_ in ("compound", "amod", "flat") and t.head.i != t.i:
        t = t.head
    return t.dep_ == "pobj" and t.head.head.pos_ in ("NOUN", "PROPN") and t.head.lower_ in ("in", "at", "from", "near")


def _trigger(story: Story, d: Draft) -> Span:
    """The trigger's characters: the word of the match that is the lexicon entry's head, which is the event
    noun of a carrier ("a mediation effort": "mediation"), else the head word of the match (a multi-word
    pattern is named in ``attrs["pattern"]``)."""
    tok = d.match.tok
    if d.match.similarity is None and tok.lemma_.lower() != d.match.entry.head:
        tok = next((t for t in d.match.extra if t.lemma_.lower() == d.match.entry.head), tok)
    return story.span(tok.idx, tok.idx + len(tok.text))
