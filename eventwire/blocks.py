"""Long articles coded block by block, within one time budget.

A page of hundreds of kilobytes (a live blog, a transcript, a page of results tables) took longer to parse than
the per-article budget, and failed whole (E120). An article longer than ``LONG_ARTICLE`` characters is cut into
blocks of whole paragraphs, at most ``BLOCK`` characters each (a longer paragraph is cut at a line break, else at
a space); each block is parsed and run through every stage as an article of its own, in text order, and the
blocks' records are put back together with offsets into the whole text (``merge``): actors with the same
knowledge-base entry (or, without one, the same kind and name; a generic group also the same country and
sector) and places with the same gazetteer entry become
one record, and every id is renumbered in text order.

The time budget covers the whole article: when it runs out, the blocks already coded make the story and the rest
of the text is not coded (``Story.coverage`` says how far it went). Only when not even the first block fits does
the article fail. Articles up to ``LONG_ARTICLE`` characters (every news article of the evaluation sets, about
35,000 at most) are coded whole, as before.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Article, Paragraph, Span, Story

LONG_ARTICLE = 60_000  # characters; longer articles are coded in blocks
BLOCK = 40_000  # characters of whole paragraphs per block (a paragraph longer than this is cut)


def bounds(text: str, paragraphs: list[Paragraph], size: int | None = None) -> list[tuple[int, int]]:
    """Consecutive (start, end) pieces that cover ``text`` exactly, each at most ``size`` characters, cut where a
    paragraph begins (inside a longer paragraph: at its last line break, else at its last space, in the second
    half of the piece)."""
    size = size or BLOCK
    starts = [p.span.start for p in paragraphs[1:]]
    cuts, pos, k = [], 0, 0
    while len(text) - pos > size:
        limit = pos + size
        while k < len(starts) and starts[k] <= pos:
            k += 1
        best = None
        while k < len(starts) and starts[k] <= limit:
            best = starts[k]
            k += 1
        if best is None:
            best = _inside(text, pos, limit)
        cuts.append(best)
        pos = best
    edges = [0, *cuts, len(text)]
    return [(edges[i], edges[i + 1]) for i in range(len(edges) - 1)]


def _inside(text: str, pos: int, limit: int) -> int:
    """Where to cut a paragraph longer than a block: after its last line break, else after its last space, in
    pos + half .. limit; else at the limit."""
    half = pos + (limit - pos) // 2
    for pattern in ("\n", " "):
        k = text.rfind(pattern, half, limit)
        if k >= 0:
            return k + 1
    return limit


def sub_story(story: Story, start: int, end: int) -> Story:
    """The block start..end of a story as a story of its own: the block's text, with the story's paragraphs
    that lie in it (cut at its edges) and the article's date, title and address."""
    text = story.article.text[start:end]
    article = Article(text=text, title=story.article.title, date=story.article.date, url=story.article.url,
                      outlet=story.article.outlet, source=story.article.source,
                      date_source=story.article.date_source)
    paragraphs = []
    for p in story.paragraphs:
        s, e = max(p.span.start, start) - start, min(p.span.end, end) - start
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            paragraphs.append(Paragraph(Span.of(text, s, e), p.kind))
    return Story(article=article, paragraphs=paragraphs)


def merge(story: Story, parts: list[tuple[int, Story]]) -> Story:
    """The coded blocks (start offset, block story) put together on ``story``: spans shifted by the block's start,
    actors and places of the same entity made one, ids renumbered in text order. ``story`` keeps its article
    and paragraphs; its doc is the blocks' docs joined when every block was coded (else None)."""
    ids: dict[tuple[int, str], str] = {}  # (block, old id) -> new id
    actors: dict[tuple, object] = {}
    places: dict[tuple, object] = {}
    affiliations = []  # (merged actor, block, old id of the organisation it belongs to)
    n_quotes = n_events = 0
    for b, (offset, part) in enumerate(parts):
        for a in part.actors:
            key = ("kb", a.kb_id) if a.kb_id else (a.kind, a.name.lower(), a.generic) + (
                (a.country, a.sector) if a.generic else ())  # "officials" of two countries are two actors
            mentions = [_shift(m, offset) for m in a.mentions]
            known = actors.get(key)
            if known is None:
                known = actors[key] = replace(a, id=f"a{len(actors) + 1}", mentions=mentions, affiliation=None)
                story.actors.append(known)
            else:
                known.mentions.extend(mentions)
            if a.affiliation:
                affiliations.append((known, b, a.affiliation))
            ids[(b, a.id)] = known.id
        for p in part.places:
            key = ("gn", p.geonameid) if p.geonameid is not None else (p.name.lower(), p.country, p.feature)
            mentions = [_shift(m, offset) for m in p.mentions]
            known = places.get(key)
            if known is None:
                known = places[key] = replace(p, id=f"p{len(places) + 1}", mentions=mentions)
                story.places.append(known)
            else:
                known.mentions.extend(mentions)
            ids[(b, p.id)] = known.id
        for q in part.quotes:
            n_quotes += 1
            ids[(b, q.id)] = f"q{n_quotes}"
        for e in part.events:
            n_events += 1
            ids[(b, e.id)] = f"e{n_events}"
    for actor, b, old in affiliations:  # the first block that gives one decides
        if actor.affiliation is None and ids.get((b, old), actor.id) != actor.id:
            actor.affiliation = ids.get((b, old))
    for b, (offset, part) in enumerate(parts):
        def new(old, b=b):
            return ids.get((b, old), old) if old is not None else None

        story.sentences += [_shift(s, offset) for s in part.sentences]
        for q in part.quotes:
            affiliation = dict(q.speaker_affiliation) if q.speaker_affiliation else q.speaker_affiliation
            if affiliation and affiliation.get("organization"):
                affiliation["organization"] = new(affiliation["organization"])
            story.quotes.append(replace(
                q, id=new(q.id), cue=_shift(q.cue, offset), content=[_shift(c, offset) for c in q.content],
                speaker=new(q.speaker), speaker_span=_shift(q.speaker_span, offset),
                speaker_affiliation=affiliation, speaker_members=[new(m) for m in q.speaker_members]))
        for e in part.events:
            story.events.append(replace(
                e, id=new(e.id), evidence=_shift(e.evidence, offset), trigger=_shift(e.trigger, offset),
                source=[new(x) for x in e.source], target=[new(x) for x in e.target], place=new(e.place),
                quote=new(e.quote), context=list(e.context), attrs=_shift_attrs(e.attrs, offset, new)))
        _merge_tables(story, part, offset, new)
    if parts and sum(len(p.article.text) for _, p in parts) == len(story.article.text) \
            and all(p.doc is not None for _, p in parts):
        import warnings

        from spacy.tokens import Doc

        with warnings.catch_warnings():  # W102: the stages' caches in user_data are not carried over
            warnings.simplefilter("ignore", UserWarning)
            story.doc = Doc.from_docs([p.doc for _, p in parts], ensure_whitespace=False)
    story.focus_country = next((p.focus_country for _, p in parts if p.focus_country), None)
    story.actors_changed()
    return story


def _merge_tables(story: Story, part: Story, offset: int, new) -> None:
    """The actors stage's lookup tables of a block (pronouns, compound phrases), shifted, on the merged story."""
    for name in ("actors.pronouns", "actors.conjuncts"):
        if name in part.ext:
            table = story.ext[name]
            for (s, e), actor_ids in part.ext[name].items():
                table[(s + offset, e + offset)] = [new(i) for i in actor_ids]
    if "actors.locations" in part.ext:
        story.ext["actors.locations"].extend(_shift_attrs(part.ext["actors.locations"], offset, new))


def _shift(span: Span | None, offset: int) -> Span | None:
    if span is None or not offset:
        return span
    return Span(span.start + offset, span.end + offset, span.text)


_ID_KEYS = {"reported_by", "actor"}  # keys of event attributes (and actor locations) whose value is an actor id


def _shift_attrs(value, offset: int, new):
    """A copy of stage extras with every character offset moved by ``offset`` (a Span, or a dict with integer
    start and end) and every actor id renumbered."""
    if isinstance(value, Span):
        return _shift(value, offset)
    if isinstance(value, dict):
        out = {k: (new(v) if k in _ID_KEYS and isinstance(v, str) else _shift_attrs(v, offset, new))
               for k, v in value.items()}
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            out["start"], out["end"] = value["start"] + offset, value["end"] + offset
        return out
    if isinstance(value, (list, tuple)):
        return type(value)(_shift_attrs(v, offset, new) for v in value)
    return value

