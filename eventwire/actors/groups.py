"""Group phrases (after pronouns): "the two governments", "officials on both sides", "leaders of both
countries" stand for every actor of the pair named together nearby ("India and Pakistan ... the two
governments"), else for the two named last before them ("Japan signed a pact with South Korea. The two
governments ..."), never for one of them. The phrase is recorded in ``story.ext["actors.conjuncts"]`` with
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


def names_a_pair(head) -> bool:
    """Whether an actor noun is a group phrase of two parties ("the two governments", "officials on both sides",
    "leaders of both countries"): it stands for two states or sides, never for the article's one country."""
    return _paired(head) or any(_paired(c) for p in head.children if p.dep_ == "prep" and p.lower_ in
                                ("on", "of", "from") for c in p.children if c.dep_ == "pobj")


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


def _last_two(actors, lo: int, start: int, noun) -> list:
    """The two actors named last before the phrase, from ``lo`` on, when no pair is named together ("Japan signed
    a pact with South Korea. The two governments ..."): countries for a word only a country is, else countries,
    bodies and groups that are no common noun ("both sides"). Empty unless there are two."""
    kinds = ("country",) if noun.lemma_.lower() in COUNTRY_ONLY else ("country", "organization", "group")
    last = []
    for a in actors:
        if a.kind in kinds and not a.generic:
            ends = [m.start for m in a.mentions if lo <= m.start and m.end <= start]
            if ends:
                last.append((max(ends), a))
    last.sort(key=lambda x: -x[0])
    return [a for _at, a in last[:2]] if len(last) >= 2 else []


def resolve_groups(story, w, by_key) -> None:
    doc = w.doc
    conj = story.ext["actors.conjuncts"]
    actors = {a.id: a for a in by_key.values()}
    gone: dict[str, list[str]] = {}
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
        members = best[1] if best is not None else _last_two(actors.values(), lo, start, noun)
        if not members:
            continue
        pronoun_spans = story.ext["actors.pronouns"]
        for a in by_key.values():
            kept = [m for m in a.mentions if not (start <= m.start and m.end <= end)]
            if len(kept) < len(a.mentions) and a not in members and \
                    all((m.start, m.end) in pronoun_spans for m in kept):
                gone[a.id] = [x.id for x in members]  # "the two COUNTRIES" made an actor of its own: the
                for x in members:  # pair's, with the pronouns that went to it
                    x.mentions = sorted(x.mentions + [m for m in kept if m not in x.mentions], key=lambda m: m.start)
                kept = []
            a.mentions = kept
        conj[(start, end)] = [a.id for a in members]
    if gone:  # an actor the phrase alone named is the pair: its pronouns and compounds are theirs
        story.actors = [a for a in story.actors if a.id not in gone]
        for key in ("actors.pronouns", "actors.conjuncts"):
            table = story.ext[key]
            for span, ids in table.items():
                table[span] = list(dict.fromkeys(j for i in ids for j in gone.get(i, [i])))
