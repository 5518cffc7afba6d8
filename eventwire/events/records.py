"""From drafts to ``Event`` records: trigger span, CAMEO code, quad class and Goldstein score, PLOVER contexts
and the quote an event is reported in; drafts that say the same thing in one sentence are merged."""

from __future__ import annotations

from ..model import Event, Span, Story
from . import ontology
from .draft import Draft
from .resolve import quote_at

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
    seen: dict[tuple, Event] = {}
    for d in sorted(drafts, key=lambda d: d.match.tok.i):  # in text order
        tok = d.match.tok
        sent = tok.sent
        source, target = d.source.ids(), d.target.ids()
        key = (d.type, tuple(sorted(source)), tuple(sorted(target)), sent.start, d.negated)
        if key in seen:
            if d.confidence > seen[key].confidence:
                seen[key].confidence = d.confidence
            continue
        ev = _record(story, d, f"e{len(out) + 1}")
        seen[key] = ev
        out.append(ev)
    return out


def _record(story: Story, d: Draft, event_id: str) -> Event:
    tok = d.match.tok
    sent = tok.sent
    cameo = d.cameo or ontology.cameo_for(d.type, d.mode)
    quad, score = ontology.quad_and_score(d.type, d.mode)
    quote = quote_at(story, tok.idx)
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
    if d.match.extra:
        ev.attrs.setdefault("pattern", d.match.entry.pattern)
    if quote is not None and quote.speaker:
        ev.attrs.setdefault("reported_by", quote.speaker)
    return ev


def _trigger(story: Story, d: Draft) -> Span:
    """The trigger's characters: the word of the match that is the lexicon entry's head, which is the event
    noun of a carrier ("a mediation effort": "mediation"), else the head word of the match (a multi-word
    pattern is named in ``attrs["pattern"]``)."""
    tok = d.match.tok
    if d.match.similarity is None and tok.lemma_.lower() != d.match.entry.head:
        tok = next((t for t in d.match.extra if t.lemma_.lower() == d.match.entry.head), tok)
    return story.span(tok.idx, tok.idx + len(tok.text))
