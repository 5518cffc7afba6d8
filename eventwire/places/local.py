"""Places recognition left out, read once the article's places are resolved: towns of the state the story is
about ("fled to Perry" in a Macon story: ``local_towns``), and places the gazetteer lacks written with a word of
their kind and the place they lie in ("the villages of Foua and Kfraya in Idlib": ``unlisted_places``)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from ..model import Span, Story
from . import index
from .areas import NEAR_KM, lies_within
from .index import Entry, Gazetteer
from .mention import Mention
from .qualifiers import LIST_GAP
from .spelling import fit_case
from .tokens import doc_ents, doc_tokens, scan, usable_at
from .vocabulary import COMPASS_WORDS, DIVISION_WORDS, LOCAL_PREPS, word_list


LOCAL_VOTES = 2.0  # the article's state must hold this many of its places (a dateline's state counts double)


def local_towns(story: Story, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Towns of the state or province the article is about that recognition left out: a capitalised name
    after a locative or directional preposition ("fled to Perry"), the object of a verb that takes places
    (``place_object_verbs.txt``: "visited Valdosta") or before a local noun ("Perry police"),
    or listed with a place found ("Lindale and Cave Spring"), which the model took for a person or left
    unlabelled, is a place when the gazetteer has a town of that
    name (by its own name) in the division most of the article's places lie in (the dateline's counts
    double; at least ``LOCAL_VOTES``), and is then read as that town. Not a word of a person the article
    names in full ("Rick Perry" ... "Perry"), a name followed by a possessive ("to Perry's house"), a
    word of ``generic_words.txt``, nor a name inside a longer entity. Likewise a name before a division
    word ("Kibaale district", "Kasai province", "Kwande LGA", "Kwande Local Government Area": ``DIVISION_PHRASES``)
    that names a division of a country the article's places lie in, whatever the model made of the words."""
    doc = story.doc
    tokens = doc_tokens(doc)
    votes: Counter = Counter()
    countries = {m.entry.country for m in mentions if m.entry is not None and m.entry.country}
    for m in mentions:
        e = m.entry
        if e is None or m.kind != "name" or e.feature not in ("city", "admin1", "admin2") or not e.admin1 \
                or m.affiliation:
            continue
        votes[e.admin1] += 2.0 if m.dateline else 1.0
    state, n = votes.most_common(1)[0] if votes else (None, 0)
    if n < LOCAL_VOTES:
        state = None
    if state is None and not countries:
        return []
    taken = {t.i for m in mentions for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or [])}
    person_spans: dict[str, set] = {}  # a word of a person's name -> the names it is in
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" and len(ent) > 1:
            for t in ent:
                person_spans.setdefault(t.text, set()).add((ent.start, ent.end))
    ents = {t.i: ent for ent in doc_ents(doc) for t in ent}
    ends = sorted({m.span.end for m in mentions if m.kind == "name"})
    starts = sorted({m.span.start for m in mentions if m.kind == "name"})
    text = story.text
    out = []

    def at(i: int):
        tok = tokens[i]
        if i in taken or not tok.text[:1].isupper() or tok.pos_ != "PROPN" or not usable_at(story, tok.idx):
            return None
        prev = tokens[i - 1].lower_ if i > 0 else ""
        for n in range(min(3, len(doc) - i), 0, -1):
            div = _division_after(tokens, i + n)  # "Kibaale district", "Guma LGA": the division word's length
            if state is None and not div:
                continue  # no state to find a town in, no division word: nothing to read (the span not made)
            # a name and a division word the model took for a person or a body ("Guma LGA") is the division
            whole = {(i, i + n), (i, i + n + div)} if div else {(i, i + n)}
            if any(t.i in taken or not t.text[:1].isupper() or not person_spans.get(t.text, whole) <= whole
                   for t in tokens[i:i + n]):
                continue  # a word of another person's name ("Rick Perry" ... "Perry")
            toks = doc[i:i + n]
            ent = ents.get(i)
            if ent is not None and div and (ent.start, ent.end) == (i, i + n + div):
                ent = None
            nxt = tokens[i + n] if i + n < len(doc) else None
            # "the Moultrie City Council", "the Tifton Police Department": a town opening the name of one of
            # its own bodies
            opens_body = (ent is not None and ent.label_ == "ORG" and ent.end > i + n and nxt is not None
                          and (ent.start == i or (ent.start == i - 1 and prev == "the"))
                          and nxt.text[:1].isupper() and nxt.lower_ != "county"
                          and nxt.lower_ in word_list("city_body_words.txt"))
            if ent is not None and (ent.start < i or ent.end > i + n) and ent.label_ != "PERSON" and not opens_body:
                continue  # a word of a longer name: "the Perry Foundation"
            if ent is not None and ent.label_ == "PERSON" and (ent.start, ent.end) != (i, i + n):
                continue
            if n == 1 and (tok.lower_ in word_list("generic_words.txt") or tok.lower_ in COMPASS_WORDS):
                continue
            if nxt is not None and nxt.text in ("'s", "’s"):
                continue
            key = index.fold(toks.text)
            if div:
                # "Kibaale district", "Kasai province", "Guma Local Government Area": a division of a country
                # the article's places lie in
                cands = [(e, p) for e, p in fit_case(toks.text, gaz.lookup(toks.text))
                         if p and e.feature in ("admin1", "admin2") and e.country in countries]
                if cands:
                    return (i, i + n, cands)
            cue = nxt is not None and (nxt.lower_ in word_list("place_cue_nouns.txt")
                                       or nxt.lower_ in word_list("city_body_words.txt"))  # "Belleview schools"
            # "Lindale and Cave Spring": right after a place found, in a list
            listed = any(LIST_GAP.fullmatch(text[e:toks.start_char]) for e in _gap_before(text, toks.start_char, ends)) \
                or any(LIST_GAP.fullmatch(text[toks.end_char:b])  # "Utica and Rome"
                       for b in _gap_after(text, toks.end_char, starts) if b > toks.end_char)
            # "visited Valdosta", "the storm hit Moultrie": the object of a verb that takes places
            obj = (n == 1 and tok.dep_ == "dobj" and tok.head.lemma_.lower() in word_list("place_object_verbs.txt")
                   and (nxt is None or not (nxt.text[:1].isupper() or nxt.text == "&")))  # not "visit Dimond Kaplan & Co" 
            if state is None or (prev not in LOCAL_PREPS and not cue and not listed and not obj):
                continue
            cands = [(e, p) for e, p in fit_case(toks.text, gaz.lookup(toks.text))
                     if p and e.feature in ("city", "admin2") and e.admin1 == state and index.fold(e.name) == key]
            if cands:
                return (i, i + n, cands)
        return None

    for start, end, cands in scan(len(doc), at):
        span = doc[start:end]
        out.append(Mention(Span.from_spacy(span), span.root, candidates=cands))
    return out



# Nigeria's local government areas, written in capitals or not ("Guma LGA", "Makurdi Local Government Area")
DIVISION_PHRASES = (("lga",), ("local", "government", "area"))


def _division_after(tokens: list, j: int) -> int:
    """How many tokens from j name a kind of division after a name: a division word in lower case
    ("Kibaale district", "Kasai province": 1) or a phrase of ``DIVISION_PHRASES`` ("LGA": 1, "Local Government
    Area": 3); 0 when none does."""
    if j < len(tokens) and tokens[j].lower_ in DIVISION_WORDS and tokens[j].text.islower():
        return 1
    for phrase in DIVISION_PHRASES:
        if tuple(t.lower_ for t in tokens[j:j + len(phrase)]) == phrase:
            return len(phrase)
    return 0

def unlisted_places(story: Story, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Places the gazetteer lacks or knows only elsewhere, written with a word of their kind
    (``locality_words.txt``) and said to lie in a place found: "the town of Qatraneh in the Karak
    district", "the villages of Foua and Kfraya in Idlib", "Maoxian county in Sichuan province", "Giza's
    Haram district", "Cairo's gated suburb of Madinaty"; or one the gazetteer has no reading of at all
    after "in", "near" or "outside" ("near Bardoun in Idlib province", not an organisation or person
    the model names). Each name (one to three capitalised words, not
    a word of a person's name) is read as its gazetteer reading inside that place when it has one, else
    as a place of that name at the containing place's point (a town, county or state found in the
    article, never a country or a region: too far from most of their towns). A name found already may stand in
    the list ("the villages of Binnish and Zardana": the model read Binnish), the name may come before the
    word when none comes after "of" ("Adikpo village of Kwande LGA"), and the model may label the name with the
    word ("Adikpo village") or the whole list ("Binnish and Zardana") as one entity. Read after the local towns
    are resolved (a district found there holds its villages). The place may also stand right before the word
    ("the Cincinnati suburb of West Chester", "the Ohio town of Lebanon"), and a name found already after
    "of" is moved there, wherever the article writes it alone (``_move_into``)."""
    doc = story.doc
    tokens = doc_tokens(doc)
    kinds = word_list("locality_words.txt")
    by_start: dict[int, Mention] = {}
    for m in mentions:
        span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is not None:
            by_start.setdefault(span.start, m)
    taken = {t.i for m in mentions for t in (doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or [])}
    person = {t.i for ent in doc_ents(doc) if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    ent_of = {t.i: ent for ent in doc_ents(doc) for t in ent}

    def container(i: int) -> Mention | None:
        """The place found right after "in", "of" or a comma (and "the") at token i."""
        if i >= len(doc) or tokens[i].lower_ not in ("in", "of", ","):
            return None
        i += 1
        if i < len(doc) and tokens[i].lower_ == "the":
            i += 1
        m = by_start.get(i)
        if m is None or m.entry is None or m.kind != "name" or m.entry.feature not in ("admin1", "admin2", "city"):
            return None
        return m

    def _end_of(m: Mention) -> int:
        return doc.char_span(m.span.start, m.span.end, alignment_mode="expand").end

    def name_at(i: int) -> int:
        """The end of a run of one to three capitalised words starting at i, not found and no person's
        (i when there is none)."""
        j = i
        while j < len(doc) and j - i < 3 and tokens[j].is_alpha and tokens[j].text[:1].isupper() and j not in taken \
                and j not in person and tokens[j].lower_ not in kinds and tokens[j].lower_ not in word_list("generic_words.txt"):
            j += 1
        # the model's label on a name it does not know says little ("Foua" as ORG, "Maoxian" as NORP), but
        # a name inside a longer entity ("the Karak Development Corporation") is no place on its own; one
        # with the locality word after it is ("Tse village"), and one listed with places found ("Haris and
        # Varzaqan" as one entity)
        def outside(ent) -> bool:
            rest = [t for t in ent if not i <= t.i < j]
            return not (all(t.i in taken or t.lower_ in ("and", ",") for t in rest)
                        or (ent.start == i and ent.end == j + 1 and tokens[j].lower_ in kinds))

        if any(k in ent_of and outside(ent_of[k]) for k in range(i, j)):
            return i
        return j

    found: list[tuple[int, int, Mention]] = []
    for tok in tokens:
        if tok.lower_ in ("in", "near", "outside") and tok.text.islower() and usable_at(story, tok.idx):
            # "near Bardoun in Idlib province", "in Zawrah, Karak": a name the gazetteer has no reading
            # of at all, right after a locative word and before the place it lies in
            end = name_at(tok.i + 1)
            if end > tok.i + 1 and tokens[tok.i + 1].ent_type_ not in ("ORG", "PERSON") and container(end) is not None:
                text = doc[tok.i + 1:end].text
                if not gaz.lookup(text) and not gaz.variants(text):
                    found.append((tok.i + 1, end, container(end)))
            continue
        if tok.lower_ not in kinds or not tok.text.islower() or not usable_at(story, tok.idx):
            continue
        i = tok.i
        # "the town of X [and Y] in Z", "Z's [gated] suburb of X"
        if i + 1 < len(doc) and tokens[i + 1].lower_ == "of":
            names, j, known = [], i + 2, []
            while True:
                end = name_at(j)
                if end == j and j in by_start:  # a name found already ("the towns of Haris and Varzaqan")
                    end = _end_of(by_start[j])
                    known.append(by_start[j])
                else:
                    if end == j:
                        break
                    names.append((j, end))
                j = end
                if j + 1 < len(doc) and tokens[j].lower_ in ("and", ",", "or") and (
                        name_at(j + 1) > j + 1 or j + 1 in by_start):
                    j += 1
                    continue
                break
            outer = (container(j) or _possessor(doc, i, by_start)) if names or known else None
            if outer is not None:
                for k in known:  # "the Cincinnati suburb of West Chester": read there, not in Pennsylvania, and
                    for m in mentions:  # so wherever the article writes it alone
                        if m is k or (m.qualifier is None and index.fold(m.span.text) == index.fold(k.span.text)):
                            _move_into(m, outer.entry)
                found += [(a, b, outer) for a, b in names]
                continue
            # no name after "of" ("Tse village of Guma LGA"): the name may stand before the word
        # "X county in Z", "X village of Z", "Z's X district"
        k = i
        while k > 0 and tokens[k - 1].is_alpha and tokens[k - 1].text[:1].isupper() and i - k < 3:
            k -= 1
        if k == i or name_at(k) != i:
            continue
        outer = container(i + 1) or _possessor(doc, k, by_start)
        if outer is not None:
            found.append((k, i, outer))
    out = []
    for a, b, outer in found:
        span = doc[a:b]
        o = outer.entry
        inside = [(e, p) for e, p in gaz.lookup(span.text) + gaz.variants(span.text)
                  if e.feature in ("city", "admin2") and (lies_within(e, o) or (o.feature == "city" and e.lat is not None
                  and index.distance_km(e.lat, e.lon, o.lat, o.lon) <= NEAR_KM))]
        if not inside:
            inside = [(Entry(0, span.text, "city", o.country, o.lat, o.lon, 0, o.admin1,
                             o.admin2 if o.feature != "admin1" else None), False)]
        m = Mention(Span.from_spacy(span), span.root, candidates=inside)
        m.entry = max(inside, key=lambda c: c[0].population)[0]
        out.append(m)
    return out


def _possessor(doc, i: int, by_start: dict[int, Mention]) -> Mention | None:
    """The place found before a possessive that a locality word (token i, with an adjective or two before
    it) follows: "Giza's Haram district", "Cairo's gated suburb of Madinaty"."""
    tokens = doc_tokens(doc)
    j = i - 1
    while j >= 0 and (tokens[j].pos_ == "ADJ" or tokens[j].tag_ == "VBN") and i - j <= 2:
        j -= 1
    if j < 1:
        return None
    if tokens[j].text not in ("'s", "’s"):
        j += 1  # "the Cincinnati suburb of West Chester": the place right before the word
    for start, m in by_start.items():
        if m.entry is not None and m.kind == "name" and m.entry.feature in ("admin1", "admin2", "city") \
                and doc.char_span(m.span.start, m.span.end, alignment_mode="expand").end == j:
            return m
    return None


def _move_into(m: Mention, outer: Entry) -> None:
    """A name found already and said to lie in a place ("the Cincinnati suburb of West Chester") read there:
    its reading inside that place or near that town, else a place of that name at that place's point."""
    e = m.entry
    if e is None or e is outer or lies_within(e, outer) or (outer.feature == "city" and e.lat is not None and
                                                            index.distance_km(e.lat, e.lon, outer.lat, outer.lon) <= NEAR_KM):
        return
    inside = [(c, p) for c, p in m.candidates if c.feature in ("city", "admin2") and (lies_within(c, outer) or (
        outer.feature == "city" and c.lat is not None and index.distance_km(c.lat, c.lon, outer.lat, outer.lon) <= NEAR_KM))]
    if not inside:
        inside = [(Entry(0, m.span.text, "city", outer.country, outer.lat, outer.lon, 0, outer.admin1,
                         outer.admin2 if outer.feature != "admin1" else None), False)]
    m.candidates = inside
    m.entry = max(inside, key=lambda c: c[0].population)[0]


def _gap_chars(ch: str) -> bool:
    return ch.isspace() or ch in ",andor"  # all a list's gap (``LIST_GAP``) can hold


def _gap_before(text: str, offset: int, ends: list[int]) -> list[int]:
    """The ends (sorted) of names before ``offset`` with only characters a list's gap can hold between: the
    only ones ``LIST_GAP`` may join to it (a search of every name for every word is a square on long texts)."""
    p = offset
    while p > 0 and _gap_chars(text[p - 1]):
        p -= 1
    return ends[bisect_left(ends, p):bisect_left(ends, offset)]


def _gap_after(text: str, offset: int, starts: list[int]) -> list[int]:
    """The starts (sorted) of names after ``offset`` with only characters a list's gap can hold between."""
    p = offset
    while p < len(text) and _gap_chars(text[p]):
        p += 1
    return starts[bisect_right(starts, offset):bisect_right(starts, p)]
