"""Group phrases (after pronouns): "the two governments", "officials on both sides", "leaders of both
countries" stand for every actor of the pair named together nearby ("India and Pakistan ... the two
governments"), never for one of them. The phrase is recorded in ``story.ext["actors.conjuncts"]`` with
each actor's id, so ``story.actors_at`` gives them all; a mention of one actor that an earlier step made
of the phrase's noun (the article's focus country, the last body of that sector) is dropped."""

from __future__ import annotations

from ..data import word_set

PAIR_WORDS = {"both", "two", "2"}
COUNTRY_ONLY = {"country", "nation", "government", "state", "capital"}
WINDOW = 3  # sentences before the phrase's own


def group_nouns() -> frozenset[str]:
    return word_set("actors/group_nouns.txt")


def _paired(tok) -> bool:
    """A plural group noun with "both" or "two": "both sides", "the two governments"."""
    return tok.tag_ in ("NNS", "NNPS") and tok.lemma_.lower() in group_nouns() and \
        any(c.dep_ in ("det", "nummod", "predet") and c.lower_ in PAIR_WORDS for c in tok.children)


def _phrases(doc):
    """(first token, last token, noun deciding the kind) of each group phrase."""
    for tok in doc:
        if not _paired(tok):
            continue
        head = tok
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in ("on", "of", "from") and \
                tok.head.head.pos_ == "NOUN" and tok.head.head.i < tok.i:
            head = tok.head.head  # "officials on both sides", "leaders of both countries"
        yield min(head.left_edge.i, tok.left_edge.i), tok.i, tok


def resolve_groups(story, w, by_key) -> None:
    doc = w.doc
    conj = story.ext["actors.conjuncts"]
    actors = {a.id: a for a in by_key.values()}
    for first, last, noun in _phrases(doc):
        start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
        sent = noun.sent
        lo = sent.start_char
        for _ in range(WINDOW):
            prev = story.sentence_at(lo - 2) if lo > 1 else None
            if prev is None:
                break
            lo = prev.start
        best = None
        for (s, e), ids in conj.items():
            if (s, e) == (start, end) or not (lo <= s and e <= sent.end_char) or start <= s < end:
                continue
            members = [actors[i] for i in ids if i in actors]
            if noun.lemma_.lower() in COUNTRY_ONLY:
                members = [a for a in members if a.kind == "country"]
            if len(members) < 2:
                continue
            # nearest before the phrase, else the first after it in its own sentence
            key = (0, start - e) if e <= start else (1, s - end)
            if best is None or key < best[0]:
                best = (key, members)
        if best is None:
            continue
        members = best[1]
        for a in by_key.values():
            a.mentions = [m for m in a.mentions if not (start <= m.start and m.end <= end)]
        conj[(start, end)] = [a.id for a in members]
