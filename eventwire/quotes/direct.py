"""Direct quotations: quoted stretches with the reporting verb that introduces them.

A quoted stretch counts as a quotation when it reads as someone's words: at least a few words, or a cue
right next to it ('"No," he said'). A short phrase inside a sentence without a comma or colon before it
("called it a 'disaster'") is a fragment: it becomes part of a mixed quote when a reporting verb frames the
clause around it, and is no quotation on its own.

The cue is the reporting verb closest to the quotation, outside every quotation, in the sentences the
quotation touches (then the sentence before or after, in the same paragraph; a line that ends a sentence
bounds the search as a paragraph does, for texts of one-line paragraphs with a blank line somewhere). Quoted stretches that share
one cue are one split quotation ('"We are safe," he said, "and we have no need for it."'). So are
quoted stretches in one paragraph after a cued one with no cue of their own ('"A," he said. "B."'), as
PolNeAR annotates them. A paragraph that holds only a quotation with no cue, right after a quoted
paragraph, is a new quote of the same speaker.

A text's words count as a quotation of the text ('"...," the letter read', 'read the statement'); a quotation
signed with a dash and a name, on its line or in the paragraph under it, is the name's; a quotation left open at
a paragraph's end runs on into the next paragraph unless both have a cue of their own (a closing mark is missing).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .lexicon import cue_verbs, speaker_nouns, speech_verbs
from .marks import Region, region_index
from .speakers import medium_of, subject_of

_WORDS = re.compile(r"\w+(?:['’]\w+)*")
# "PENCE: Well, look ..." in a transcript; the name is in capitals or a person the story names
_TRANSCRIPT = re.compile(r"^[\"“']?([A-Z][A-Za-z.'’\- ]{1,30}?):\s+(\S.{10,})$", re.S)
NOT_SPEAKERS = frozenset("UPDATE NOTE EDITOR PHOTO WATCH READ RELATED BREAKING VIDEO SOURCE SOURCES "
                         "CORRECTION CLARIFICATION BYLINE DATELINE Q A".split())
# '"..." ― Pamela Padilla': a quotation signed with a dash and a name
_SIGNED = re.compile(r"^\s*(―|—|–|--?)\s*([A-Z][\w.'’\- ]{1,60}?)[\s.]*$")
MIN_WORDS = 4  # a stretch this long reads as someone's words even without a cue next to it
WINDOW_PENALTY = 10_000  # a cue outside the sentences the quotation touches


@dataclass
class Draft:
    """A quote before its speaker is resolved."""

    kind: str
    cue: tuple[int, int]
    content: list[tuple[int, int]]
    speaker_tok: object = None  # spaCy token
    according: bool = False
    medium: tuple[int, int] | None = None
    confidence: float = 0.5
    regions: list[Region] = field(default_factory=list)
    cue_tok: object = None  # the spaCy token of the cue
    inherit: "Draft | None" = None  # a quotation with no cue of its own: the previous quote's speaker
    cue_kind: str = ""  # how an indirect draft was read: speech, belief, evidence, directive, stance, noun, ...
    nesting: tuple = ()  # (inside a longer draft, holds another's cue, touches a quotation): ``rules.nesting``


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


_SMALL_WORDS = frozenset("a an the and or of in on at to for with by from as is are be not but nor vs".split())


def is_title(inner: str) -> bool:
    """A quoted title ("Fox News Sunday", "All Bets Are Off"): every word but small ones capitalised."""
    words = re.findall(r"[A-Za-z][\w'’-]*", inner)
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return 0 < len(words) <= 8 and bool(big) and all(w[0].isupper() for w in big) and not inner.isupper()


def is_fragment(text: str, region: Region, para_start: int) -> bool:
    """A short quoted phrase inside a sentence, or a title, not someone's words on their own."""
    inner = text[region.start:region.end]
    if is_title(inner):
        return True
    before = text[para_start:region.open].rstrip()
    after = text[region.outer_end:region.outer_end + 3].lstrip()
    opens_sentence = not before or before[-1] in ".!?:;,—–-\"”"
    inner = inner.rstrip("'’")  # a quote inside the quote that ends with it ('... families, ‘You wait.’')
    ends_clause = bool(inner) and inner[-1] in ".!?,;:…-—"
    if opens_sentence:
        return word_count(inner) < 2
    if ends_clause:  # 'described the rally as "very peaceful."': a few words that end someone else's sentence
        return word_count(inner) < MIN_WORDS
    if after[:1] == "," and word_count(inner) >= MIN_WORDS:
        return False
    return True


def cued_beside(story, region: Region) -> bool:
    """A short quotation that opens its sentence, ends on a comma, "!" or "?" inside the marks, and has its
    reporting verb right after the closing mark ('"Really," she added.', '"Denver!" shouted a voter'): someone's
    words however short."""
    text = story.text
    inner = text[region.start:region.end]
    if region.close is None or not inner or inner[-1] not in ",!?…":
        return False
    para = story.paragraph_at(region.open)
    before = text[para.span.start if para else 0:region.open].rstrip()
    if before and before[-1] not in ".!?:;\"”":
        # 'he yelled "You lie!" at the president': the words right after a reporting verb
        tok = _token_before(story, region.open)
        return tok is not None and tok.pos_ == "VERB" and tok.lemma_.lower() in speech_verbs() and \
            inner[-1] in "!?"
    span = story.doc.char_span(region.outer_end, min(len(text), region.outer_end + 60), alignment_mode="expand")
    if span is None:
        return False
    verbs = speech_verbs()
    for n, tok in enumerate(t for t in span if not t.is_space):
        if n > 4 or tok.text in ".;:\"“”" or "\n" in tok.text:
            return False
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs or frames_quotation(story, tok, [region]):
            return subject_of(tok) is not None or beside(tok, []) is not None
    return False


def _token_before(story, offset: int):
    """The last non-space token that ends before an offset, or None."""
    span = story.doc.char_span(max(0, offset - 40), offset, alignment_mode="contract")
    if span is None:
        return None
    toks = [t for t in span if not t.is_space]
    return toks[-1] if toks else None


def sentence_bounds(tok) -> tuple[int, int]:
    """Token bounds (start, end) of a token's sentence. ``Token.sent`` walks the whole Doc on every call;
    this walks only the sentence."""
    doc = tok.doc
    start = tok.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = tok.i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    return start, end


def _inside(regions: list[Region], i: int) -> bool:
    """Whether an offset lies inside a double-quoted stretch."""
    return region_index(regions).inside(i)


def _according(tok) -> bool:
    return tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to"


FRAME_CUES = True  # a verb outside the lexicon that frames a quotation the way "said" does is its cue
_FRAME_GAP = 4  # at most this many words between the closing mark and the verb ('"Quiet," the judge barked')


def frames_quotation(story, tok, regions: list[Region]) -> bool:
    """Whether a verb the cue lexicon does not list frames a quotation as a reporting verb does: right
    after a quotation that ends on a comma, "!" or "?" inside its marks, with only its subject between
    ('"Quiet," he demanded', '"This is fantastic!" beamed a delegate'), or right before one after a colon
    ('barked: "Go back"'). Verbs the lexicon marks ``never`` and forms of "be" never do."""
    if not FRAME_CUES or tok.pos_ != "VERB" or tok.lemma_.lower() in ("be", "have") or \
            cue_verbs().get(tok.lemma_.lower()) == "never" and not _retort(tok):
        return False
    if not _next_to_quotation(story, tok, regions):
        return False
    # '"... for you!" the balloons dropped': no one speaks
    return _can_speak(story, subject_of(tok) or beside(tok, regions))


def _next_to_quotation(story, tok, regions: list[Region], gap_words: int = _FRAME_GAP) -> bool:
    """Whether a word stands where a reporting verb frames a quotation: right after one that ends on a comma,
    "!" or "?" inside its marks, with at most a few words between ('"Quiet," he demanded'), or right before
    one after a colon ('barked: "Go back"')."""
    text = story.text
    index = region_index(regions)
    for r in index.ending_in(tok.idx - 79, tok.idx):
        if r.outer_end <= tok.idx and tok.idx - r.outer_end < 80:
            inner = text[r.start:r.end].rstrip().rstrip("'’")  # ('... "the comeback,’" the article read')
            gap = text[r.outer_end:tok.idx]
            if inner and inner[-1] in ",!?…" and "\n" not in gap and not any(c in gap for c in ".;:\"“”") and \
                    len(gap.split()) <= gap_words:
                return True
    end = tok.idx + len(tok.text)
    for r in index.opening_in(end, end + 39):
        if end <= r.open and r.open - end < 40:
            gap = text[end:r.open]
            words = gap.replace(":", " ").replace(",", " ").split()
            if "\n" in gap or len(words) > 2:
                continue
            if gap.strip().endswith(":") or COMMA_BEFORE and gap.strip().endswith(",") and _opens_rest(text, r):
                return True
    return False


# 'Roe shot back, "..."', 'Roe vowed, "..."': a verb, a comma and a quotation that runs to its sentence's end frames
# it as a colon does (before, only '"...," Roe vowed' and 'vowed: "..."' did; a verb of the lexicon that is no
# reporting verb, "vow", made an indirect draft of the quotation, and "shot back," made none). Measured with the gate
# retrained (python -m bench.quotes_polnear --split dev/train_unseen --no-baseline): dev identical (direct 427/447 of
# 448, all 1722/2043 of 2192); train_unseen direct matched 2004 -> 2006 of 2078, direct predicted 2105 -> 2111
# (direct F1 0.964, P 0.965 -> 0.964, R 0.964 -> 0.965), all 7663 matched, predicted 9225 -> 9227 (F1 0.795)
COMMA_BEFORE = True


def _opens_rest(text: str, r: Region) -> bool:
    """Whether a quotation runs to its sentence's end: a stop, "!" or "?" closes its words, or only a stop follows
    its closing mark ('"..."', '"...".'), or the paragraph goes on into it (a run-on)."""
    if r.close is None:
        return True
    inner = text[r.start:r.end].rstrip().rstrip("'’")
    after = text[r.outer_end:r.outer_end + 2].lstrip(" ")
    return bool(inner) and (inner[-1] in ".!?…" or after[:1] in ("", ".", "\n"))


READ_CUES = True  # '"...," the letter read', '"...," it reads': a text's words, whatever the parse makes of "read"
_READS = frozenset(("read", "reads"))
_READ_GAP = 6  # '"...," a welcome message on the website reads'


def reads_out(story, tok, regions: list[Region]) -> bool:
    """"read"/"reads" framing a quotation ('"...," the email read', 'read the statement', 'a sign reading:'),
    whatever part of speech the parser gave it: the words of a text, its subject a thing or "it"."""
    return READ_CUES and tok.lower_ in _READS and not _inside(regions, tok.idx) and \
        _next_to_quotation(story, tok, regions, _READ_GAP) and _reader(tok, regions) is not None


def _reader(tok, regions: list[Region]):
    """The text whose words "read" gives: its subject, else the last word between the quotation and "read"
    that is not a determiner ('the editorial read', 'it read'), else the noun right after ('read the
    statement, which ...'); None when there is none."""
    subj = subject_of(tok) if tok.pos_ == "VERB" else None
    if subj is not None and not _inside(regions, subj.idx):
        return subj
    doc = tok.doc
    left = []
    i = tok.i - 1
    while i >= 0 and not _inside(regions, doc[i].idx) and not doc[i].is_punct:
        left.append(doc[i])
        i -= 1
    ids = {t.i for t in left}
    nouns = [t for t in left if t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ")]
    for t in reversed(nouns):  # the head of the words between ('a message on the website')
        if t.head.i not in ids:
            return t
    if nouns:
        return nouns[0]
    if left:
        return None
    i = tok.i + 1
    while i < len(doc) and not _inside(regions, doc[i].idx) and not doc[i].is_punct:
        if doc[i].pos_ in ("NOUN", "PROPN") and doc[i].dep_ != "compound":
            return doc[i]
        i += 1
    return None


PUT_IT_PHRASE = True


def _puts_it(tok) -> bool:
    """'As Roe put it, "..."', 'she put it bluntly:', 'as Roe put it in a memo, "..."': "put it" with nothing
    after but an adverb, a prepositional phrase or a punctuation mark reports words as "said" does."""
    doc = tok.doc
    if tok.lemma_.lower() != "put" or tok.i + 2 >= len(doc):
        return False
    it, after = doc[tok.i + 1], doc[tok.i + 2]
    if it.lower_ != "it" or it.head.i != tok.i:
        return False
    if PUT_IT_PHRASE and after.pos_ == "ADP" and after.head.i == tok.i and after.dep_ == "prep":
        # 'as the magazine put it in a long article, "..."': a phrase of place or medium, then the words
        end = after.right_edge.i + 1
        after = doc[end] if end < len(doc) else after
    return after.is_punct or after.pos_ == "ADV"


GOES_ON = True


def _retort(tok) -> bool:
    """A verb of doing with "back" right after it ('"...," Roe shot back', 'fired back:'): a retort, which
    frames a quotation as a reporting verb does."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ == "back" and nxt.head.i == tok.i:
        return True
    # '"...," she went on', '"...," Roe started': going on with one's words, or starting them
    return GOES_ON and (nxt is not None and nxt.lower_ == "on" and nxt.head.i == tok.i and
                        tok.lemma_.lower() in ("go", "carry") or tok.lemma_.lower() == "start" and
                        not any(c.dep_ in ("dobj", "xcomp", "prep") for c in tok.children))


_SPEAKING_PRONOUNS = frozenset("i we he she they you".split())


def _can_speak(story, tok) -> bool:
    """Whether a verb's subject can be who speaks: a personal pronoun, a person's or organisation's name or
    actor, or a noun for people ("the senator", "protesters"); not a thing ("the balloons", "a statement")."""
    if tok is None:
        return False
    if tok.pos_ == "PRON":
        return tok.lower_ in _SPEAKING_PRONOUNS
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if GOES_ON and tok.pos_ in ("NOUN", "PROPN") and tok.text[:1].isupper() and tok.i > 0 and \
            tok.doc[tok.i - 1].text in ("\"", "”", "''") and not any(c.dep_ == "det" for c in tok.children):
        return True  # '"...," Hannity pressed': a capitalised word right after the quotation is a name
    actor = story.actor_at(tok.idx, tok.idx + len(tok.text))
    if actor is not None and actor.kind in ("person", "organization", "group"):
        return True
    return tok.lemma_.lower() in speaker_nouns()


def cue_candidates(story, regions: list[Region], lo: int, hi: int):
    """Reporting verbs (and "according to") between offsets lo and hi, outside every quotation; a verb
    outside the lexicon when it frames a quotation (``frames_quotation``)."""
    memo = region_index(regions).memo  # a quotation in a long paragraph searches the whole paragraph again
    if ("cues", lo, hi) not in memo:
        memo[("cues", lo, hi)] = _cue_candidates(story, regions, lo, hi)
    return memo[("cues", lo, hi)]


def _cue_candidates(story, regions: list[Region], lo: int, hi: int):
    doc = story.doc
    verbs = speech_verbs()
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return []
    out = []
    for tok in span:
        if tok.lower_ in _READS:
            if reads_out(story, tok, regions):
                out.append(tok)
            continue
        if tok.pos_ not in ("VERB", "AUX") and tok.lower_ != "according":
            continue
        if _inside(regions, tok.idx):
            continue
        if (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in verbs) or _according(tok) or \
                _puts_it(tok) or frames_quotation(story, tok, regions):
            out.append(tok)
    return out


_LINE_END = ".!?\"”’'…"


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """The character bounds of the line around an offset, where a line ends at a line break after a
    sentence's end (a break inside a sentence, as in hard-wrapped text, joins its lines). The breaks that
    end a line are found once per text (``_line_breaks``)."""
    ends, first_ink = _line_breaks(text)
    k = bisect_left(ends, offset)  # the breaks before the offset, and the first at or after it
    if k > 0:
        lo = ends[k - 1] + 1
    else:  # else the last break with only blank text before it (the text's leading blank lines)
        lo = text.rfind("\n", 0, min(offset, first_ink)) + 1
    hi = ends[k] if k < len(ends) else len(text)
    return lo, hi


_LAST_BREAKS: tuple = (None, None)  # the text whose breaks were found last, and they


def _line_breaks(text: str) -> tuple[list[int], int]:
    """The offsets of the line breaks that follow a sentence's end (the last character before them, spaces
    and tabs aside, is one of ``_LINE_END``), in order, and the offset of the text's first non-space."""
    global _LAST_BREAKS
    known, found = _LAST_BREAKS
    if known is not text:
        ends = []
        for m in re.finditer("\n", text):
            q = m.start()
            while q > 0 and text[q - 1] in " \t":
                q -= 1
            if q > 0 and text[q - 1] in _LINE_END:
                ends.append(m.start())
        ink = next((i for i, ch in enumerate(text) if not ch.isspace()), len(text))
        found = (ends, ink)
        _LAST_BREAKS = (text, found)
    return found


def _sentence_bounds(story, offset: int) -> tuple[int, int] | None:
    s = story.sentence_at(offset)
    return (s.start, s.end) if s else None


def find_cue(story, regions: list[Region], chain: list[Region], para: tuple[int, int]):
    """The reporting verb of a quotation (a chain of pieces) or None, and whether it lies in the sentences
    the quotation touches."""
    first, last = chain[0], chain[-1]
    lo, hi = para
    windows = []
    for r in (first, last):
        a = _sentence_bounds(story, r.open) or (r.open, r.outer_end)
        b = _sentence_bounds(story, max(r.open, r.outer_end - 1)) or a
        windows.append((min(a[0], b[0]), max(a[1], b[1])))
    near_lo = min(w[0] for w in windows)
    near_hi = max(w[1] for w in windows)
    # the paragraphs of the first and last piece bound the search
    plo = story.paragraph_at(first.open)
    phi = story.paragraph_at(max(last.open, last.outer_end - 1))
    wide_lo = plo.span.start if plo else lo
    wide_hi = phi.span.end if phi else hi
    # a text of one-line paragraphs with a blank line somewhere reads as one paragraph: its lines bound the
    # search as paragraphs do
    wide_lo = max(wide_lo, line_bounds(story.text, first.open)[0])
    wide_hi = min(wide_hi, line_bounds(story.text, max(last.open, last.outer_end - 1))[1])
    near_lo, near_hi = max(near_lo, wide_lo), min(near_hi, wide_hi)
    best = None
    found = cue_candidates(story, regions, wide_lo, wide_hi)
    memo = region_index(regions).memo
    if ("under", wide_lo, wide_hi) not in memo:
        ids = {c.i for c in found}
        memo[("under", wide_lo, wide_hi)] = ({tok.i for tok in found if _under_relative(tok, ids)},
                                             [tok.idx for tok in found])
    under, offsets = memo[("under", wide_lo, wide_hi)]
    linked = _linked_cues(story, chain, found) if LINKED_CUE else set()
    a, b = _reach(story, near_lo, near_hi, wide_lo, wide_hi)
    for tok in found[bisect_left(offsets, a):bisect_left(offsets, b)]:
        if tok.i in under:
            continue
        subj = None
        if tok.lower_ in _READS:
            subj = _reader(tok, regions)
        elif not _according(tok):
            subj = subject_of(tok)
            if subj is None or _inside(regions, subj.idx):
                # no subject, or the parser took a word of the quotation: use the words beside the verb
                subj = beside(tok, regions)
            if subj is None:
                continue
        i = tok.idx
        dist = min(abs(i - first.open), abs(i - last.outer_end), abs(i - first.outer_end), abs(i - last.open))
        if not (near_lo <= i < near_hi):
            # the sentence right before (ending in a colon) or right after the quotation, unless the verb
            # reports a clause of its own there ("according to" always attributes its own sentence)
            if subj is None or any(c.dep_ == "ccomp" for c in tok.children):
                continue
            if not (wide_lo <= i < wide_hi):
                continue
            own = story.sentence_at(i)  # only the sentence right next to the quotation
            if own is not None and not (own.start <= near_hi <= own.end or own.start <= near_lo <= own.end):
                gap = story.text[near_hi:own.start] if own.start >= near_hi else story.text[own.end:near_lo]
                if gap.strip(" \n\"”“'’"):
                    continue
            dist += WINDOW_PENALTY
            if i < near_lo and not story.text[i:near_lo].rstrip().endswith(":"):
                dist += WINDOW_PENALTY
        if linked and tok.i not in linked and tok.idx > first.open and _framing_only(tok):
            dist += LINK_PENALTY
        if best is None or dist < best[0]:
            best = (dist, tok, subj)
    if best is None or best[0] >= 2 * WINDOW_PENALTY:
        return None, False, None
    return best[1], best[0] < WINDOW_PENALTY, best[2]


_GAP_CHARS = " \n\"”“'’"  # all a gap may hold between a quotation's sentences and its cue's


def _reach(story, near_lo: int, near_hi: int, wide_lo: int, wide_hi: int) -> tuple[int, int]:
    """The offsets between which ``find_cue`` may take a cue: the sentences the quotation touches and the one
    right before and after them with nothing but spaces and quotation marks between (a search of the whole
    paragraph for every quotation in it is quadratic in a 300 KB paragraph). The whole paragraph when the
    sentences are not in order or a gap ends outside every sentence."""
    if not story.sentences_in_order():
        return wide_lo, wide_hi
    text = story.text
    q = near_lo
    while q > wide_lo and text[q - 1] in _GAP_CHARS:
        q -= 1
    before = story.sentence_at(q - 1) if q > wide_lo else None
    p = near_hi
    while p < wide_hi and text[p] in _GAP_CHARS:
        p += 1
    after = story.sentence_at(p) if p < wide_hi else None
    return (min(near_lo, before.start) if before else wide_lo), (max(near_hi, after.end) if after else wide_hi)


# Measured with the quote-mark tokenizer split (nlp.QUOTE_SPLIT), on the gate shipped before (the PolNeAR benchmark,
# pairs): dev 1720 -> 1720, train_unseen 7639 -> 7642, train 15062 -> 15066; direct F1 and speaker accuracy unchanged.
LINKED_CUE = True
# A verb outside the lexicon after a quotation ('"...," Texas-based Jane Roe said', '"...," the crowd applauded')
# comes after every candidate the parse ties to the quotation (``_linked_cues``)
LINK_PENALTY = 1_000


def _framing_only(tok) -> bool:
    """Whether a cue candidate is one only because it stands where a reporting verb would (``frames_quotation``):
    no verb of the lexicon, no "according to", "put it" or "read"."""
    return not (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in speech_verbs() or _according(tok) or
                _puts_it(tok) or tok.lower_ in _READS)


def _linked_cues(story, chain: list[Region], candidates) -> set[int]:
    """The token indices of the cue candidates the parse ties to a quotation: the head of a word of a piece
    whose head lies outside the piece ('he shot back, "..." | referring to ...': "shot", not the nearer
    "referring"; '"...," Texas-based Jane Roe said': "said", not "based"), and a candidate whose own head lies
    inside a piece (a parenthetical '"...," he said, "..."' hung on the quoted verb). A quotation deeper in a
    clause ('says the tweets are "lies"') is tied to none: it is part of a mixed quote."""
    ids = {t.i for t in candidates}
    if not ids:
        return set()
    doc = story.doc
    out: set[int] = set()
    for r in chain:
        span = doc.char_span(r.start, r.end, alignment_mode="expand") if r.end > r.start else None
        if span is None:
            continue
        lo, hi = span.start, span.end
        for t in span:
            if t.is_punct or lo <= t.head.i < hi:
                continue
            if t.head.i in ids:
                out.add(t.head.i)
        out.update(c.i for c in candidates if c.head.i != c.i and lo <= c.head.i < hi)
    return out


def _under_relative(tok, ids: set[int]) -> bool:
    """Whether a cue candidate sits in a relative clause of a noun that another candidate's clause holds
    ('was asked by host Roe, who has dismissed the story, "..."': "asked" reports, not "dismissed"); ``ids``
    are the token indices of the candidates."""
    relative = False
    t = tok
    while t.head.i != t.i:
        relative = relative or t.dep_ == "relcl"
        t = t.head
        if relative and t.i in ids:
            return True
    return False


def beside(verb, regions: list[Region]):
    """The noun phrase between a quotation and its verb ('"...," Tulsa police Chief Chuck Jordan said') or
    right after the verb ('said Leslie Wimes, ...'): its root, or None."""
    doc = verb.doc
    sent_start, sent_end = sentence_bounds(verb)
    i = verb.i - 1
    left = []  # back to the quotation, across an appositive ('"...," Flynn, a top surrogate, said')
    while i >= sent_start and not _inside(regions, doc[i].idx) and doc[i].text not in ";:—–―":
        left.append(doc[i])
        i -= 1
    while left and left[-1].is_punct:
        left.pop()
    ids = {t.i for t in left}
    for t in reversed(left):
        if t.pos_ in ("PROPN", "NOUN", "PRON") and (t.head.i not in ids) and t.dep_ != "pobj":
            return t
    # a parse that hangs the name on itself: the noun nearest the verb
    for t in left:
        if t.pos_ in ("PROPN", "NOUN") and t.ent_type_ not in ("DATE", "TIME") and t.dep_ != "pobj":
            return t
    right = []
    i = verb.i + 1
    while i < sent_end and not _inside(regions, doc[i].idx) and doc[i].text not in ",;:.—–―":
        right.append(doc[i])
        i += 1
    names = [t for t in right if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME")]
    return names[-1] if names else None


def chains(regions: list[Region]) -> list[list[Region]]:
    """Run-on quotations as lists of pieces, paragraph by paragraph."""
    out = []
    for r in regions:
        if r.continues or r.single and any(d.open < r.open < d.outer_end for d in regions if not d.single):
            continue
        chain = [r]
        while chain[-1].next is not None:
            chain.append(chain[-1].next)
        out.append(chain)
    return out


# "Graham: Trump's Rhetoric Destroying GOP's Chance", "Poll: Sanders Leads": a headline that gives its claim to
# the name before a colon; not a label ("The Latest:", "BYLINE:", "BREAKING:") or a phrase with a verb of its own
_HEADLINE = re.compile(r"^(?P<who>[^:\n]{2,60}?):\s+(?P<what>\S[^\n]{5,})$")
HEADLINE_LABELS = frozenset("the latest byline breaking update watch revealed look boom exclusive analysis opinion "
                            "editorial photos video live fact check".split())
MAX_HEADLINE_CHARS = 220
MAX_HEADLINE_SPEAKER_WORDS = 8


def _headline_source(story, tok) -> bool:
    """Whether a headline's name part can be a source: an actor of the story, a person, organisation or group by
    its entity type, or a noun for a speaker or a finding (``speaker_nouns.txt``, ``source_nouns.txt``)."""
    from .lexicon import source_nouns

    if story.actor_at(tok.idx, tok.idx + len(tok.text)) is not None or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return tok.lemma_.lower() in speaker_nouns() or tok.lemma_.lower() in source_nouns()


def headline_drafts(story) -> list[Draft]:
    """The story's headline (its first paragraph, one line) of the form "Speaker: claim" as a quote of the
    speaker, the colon as cue: indirect, or direct when the claim is one quotation in double marks. The part
    before the colon must read as a name or a noun phrase (its head a proper noun or noun, no finite verb,
    not a label such as "The Latest")."""
    if not story.paragraphs:
        return []
    para = story.paragraphs[0]
    line = story.text[para.span.start:para.span.end]
    if para.kind not in ("body", "heading", "headline") or len(line) > MAX_HEADLINE_CHARS:
        return []
    m = _HEADLINE.match(line.strip())
    if not m:
        return []
    lead = len(line) - len(line.lstrip())
    who = m.group("who").strip()
    if who.lower() in HEADLINE_LABELS or who.split()[0].lower() in HEADLINE_LABELS or \
            len(who.split()) > MAX_HEADLINE_SPEAKER_WORDS or (who.isupper() and len(who.split()) > 1):
        return []
    base = para.span.start + lead
    doc = story.doc
    name = doc.char_span(base + m.start("who"), base + m.start("who") + len(who), alignment_mode="expand")
    if name is None or name.root.pos_ not in ("PROPN", "NOUN") or \
            any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in name) or not _headline_source(story, name.root):
        return []
    s, e = base + m.start("what"), base + m.end("what")
    text = story.text
    while e > s and (text[e - 1].isspace() or text[e - 1] == "."):
        e -= 1
    inner = text[s:e]
    quoted = inner[:1] in "\"“" and inner[-1:] in "\"”" and sum(inner.count(c) for c in "\"“”") == 2
    colon = base + m.end("who")
    return [Draft("direct" if quoted else "indirect", (colon, colon + 1), [(s, e)], name.root, confidence=0.5,
                  cue_kind="headline")]


TRANSCRIPT_RUN_ON = True


def transcript_drafts(story) -> list[Draft]:
    """Transcript paragraphs ("WALLACE: ...", "Pence: ...") as direct quotes with the colon as cue; a transcript
    quoted whole ('"PENCE: ...') whose answer runs on into paragraphs that open with a quotation mark takes them
    in."""
    text = story.text
    out = []
    regions = None  # the quoted stretches, found once when a transcript paragraph opens with a quotation mark
    persons = {w for a in story.actors if a.kind == "person" for w in a.name.split()}
    for para in story.paragraphs:
        if para.kind != "body":
            continue
        m = _TRANSCRIPT.match(para.span.text)
        if not m:
            continue
        name = m.group(1).strip()
        words = name.split()
        if len(words) > 3 or name.upper() in NOT_SPEAKERS or words[0].upper() in NOT_SPEAKERS:
            continue
        if not (name.isupper() and len(name) > 1) and words[-1] not in persons:
            continue
        base = para.span.start
        s, e = base + m.start(2), base + m.end(2)
        while e > s and (text[e - 1].isspace() or text[e - 1] in "\"”"):
            e -= 1
        if is_title(text[s:e].strip("\"“”'‘’. ")):  # "MORNING BRIEF: Senate Passes The Bill": a headline
            continue
        name_span = story.doc.char_span(base + m.start(1), base + m.start(1) + len(name),
                                        alignment_mode="expand")
        colon = base + m.end(1)
        content, pieces = [(s, e)], []
        if TRANSCRIPT_RUN_ON and text[base:base + 1] in "\"“":
            # '"PENCE: Well, ...' left open, and '"But the truth is ...' after it: the answer runs on
            if regions is None:
                from .marks import find_regions

                regions = find_regions(text, [(p.span.start, p.span.end) for p in story.paragraphs])
            opened = next((r for r in regions if r.open == base and r.close is None), None)
            r = opened.next if opened is not None else None
            while r is not None:
                para_r = story.paragraph_at(r.open)
                if para_r is None or _TRANSCRIPT.match(para_r.span.text):
                    break  # the next speaker's turn
                pieces.append(r)
                if r.end > r.start:
                    content.append((r.start, r.end))
                r = r.next
        out.append(Draft("direct", (colon, colon + 1), content, name_span.root if name_span else None,
                         confidence=0.6, regions=pieces))
    return out


SIGNED_BELOW = True


def _signed(story, chain: list[Region], para):
    """The dash and name after a quotation that ends its paragraph ('"..." ― Pamela Padilla')."""
    last = chain[-1]
    if last.close is None:
        return None
    base = last.outer_end
    tail = story.text[base:para.span.end].split("\n", 1)[0]  # to the end of the line
    if SIGNED_BELOW and not tail.strip(" .") and not story.text[base:para.span.end].strip(" .\n"):
        # '"..."' and a paragraph of its own under it, '- Jane Roe.' (a fact check's claims)
        i = story.paragraphs.index(para)
        nxt = story.paragraphs[i + 1] if i + 1 < len(story.paragraphs) else None  # a body or a heading
        if nxt is None:
            return None
        base, tail = nxt.span.start, nxt.span.text
    m = _SIGNED.match(tail)
    if not m:
        return None
    a = base + m.start(2)
    name = story.doc.char_span(a, a + len(m.group(2)), alignment_mode="expand")
    if name is None or not any(t.pos_ == "PROPN" for t in name):
        return None
    dash = (base + m.start(1), base + m.end(1))
    return dash, name.root


COLON_NEAREST_CUE = True


def _colon_before(story, para):
    """The reporting verb of a paragraph that ends with a colon ("He said:"), for the quotation after it."""
    prev = _previous_body(story, para)
    if prev is None or not prev.span.text.rstrip().endswith(":"):
        return None
    sent = story.doc.char_span(prev.span.start, prev.span.end, alignment_mode="expand")
    if sent is None:
        return None
    last = list(sent.sents)[-1]
    if COLON_NEAREST_CUE:
        # 'The Times made the claim, and the paper's rival responded:': the reporting verb nearest the colon
        for tok in reversed(last):
            if tok.pos_ == "VERB" and tok.lemma_.lower() in speech_verbs() and subject_of(tok) is not None:
                return tok
    root = last.root
    if root.pos_ in ("VERB", "AUX") and subject_of(root) is not None:
        return root
    return None


def colon_intro(story, lo: int, colon: int):
    """(cue token or None, speaker token) of the words before a colon that introduce a quotation: a clause
    with any verb and a subject ("Rubio fired back:", "the report concludes:"), else a bare name or noun
    phrase ("Republican pollster Jane Roe:", "From the agency's report:"); None when there is no one."""
    doc = story.doc
    span = doc.char_span(lo, colon, alignment_mode="contract")
    if span is None or not len(span):
        return None
    start = span.start
    for t in span:  # the last sentence before the colon
        if t.is_sent_start:
            start = t.i
    clause = doc[start:span.end]
    ids = set(range(clause.start, clause.end))
    roots = [t for t in clause if t.head.i not in ids or t.head.i == t.i]
    for t in reversed(roots):
        if t.pos_ in ("VERB", "AUX"):
            subj = subject_of(t)
            if subj is not None and subj.i in ids and subj.lower_ not in ("it", "this", "that"):
                return t, subj
            return None
    for t in reversed(roots):
        if t.pos_ == "ADP":  # "From the agency's report:"
            t = next((c for c in t.children if c.dep_ == "pobj"), t)
        if t.pos_ in ("PROPN", "NOUN"):
            # "the agency's report:", "A statement from Jane Roe:": the owner or author of the words
            by = next((g for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                       for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
            poss = next((c for c in t.children if c.dep_ == "poss"), None)
            return None, poss if poss is not None else by if by is not None else t
    return None


def _name_colon(story, para, first: Region):
    """(colon offset, name token) when a quotation follows a colon right after a person's name in its
    paragraph ('... surprised pollster Jane Roe: "..."'), else None."""
    lead = story.text[para.span.start:first.open].rstrip()
    if not lead.endswith(":"):
        return None
    colon = para.span.start + len(lead) - 1
    span = story.doc.char_span(para.span.start, colon, alignment_mode="contract")
    if span is None or not len(span):
        return None
    tok = span[-1]
    actor = story.actor_at(tok.idx, tok.idx + len(tok.text))
    person = tok.ent_type_ == "PERSON" or (actor is not None and actor.kind == "person")
    if tok.pos_ == "PROPN" and person and tok.dep_ not in ("pobj", "dative"):  # not "wrote to Jane Roe:"
        return colon, tok
    return None


def _colon_draft(story, para, first: Region, content, chain) -> Draft | None:
    """A quotation right after a colon, in its paragraph ('Roe wrote: "..."') or opening the paragraph after
    one that ends with a colon, with the words before the colon as its speaker."""
    text = story.text
    lead = text[para.span.start:first.open].rstrip()
    if lead.endswith(":"):
        lo, colon = para.span.start, para.span.start + len(lead) - 1
    elif not lead:
        prev = _previous_body(story, para)
        tail = prev.span.text.rstrip() if prev is not None else ""
        if not tail.endswith(":"):
            return None
        lo, colon = prev.span.start, prev.span.start + len(tail) - 1
    else:
        return None
    found = colon_intro(story, lo, colon)
    if found is None:
        return None
    verb, speaker = found
    cue = (verb.idx, verb.idx + len(verb.text)) if verb is not None else (colon, colon + 1)
    return Draft("direct", cue, content, speaker, confidence=0.6, regions=list(chain), cue_tok=None)


def _previous_body(story, para):
    paras = story.paragraphs
    i = paras.index(para)
    for p in reversed(paras[:i]):
        if p.kind == "body":
            return p
    return None


def direct_drafts(story, regions: list[Region], orphans: list | None = None) -> tuple[list[Draft], list[Region]]:
    """Direct quotations as drafts, and the fragments left for mixed quotes. Quotations of a few words with no
    cue of their own and no quoted one before them in the paragraph go to ``orphans`` (a list, when given):
    ``rules.carry_on`` joins them to the reported speech before them."""
    text = story.text
    drafts: list[Draft] = []
    by_cue: dict[int, Draft] = {}
    fragments: list[Region] = []
    previous: Draft | None = None
    for chain in [part for whole in chains(regions) for part in split_run_on(story, regions, whole)]:
        first = chain[0]
        para = story.paragraph_at(first.open)
        if para is None or para.kind != "body":
            continue
        if len(chain) == 1 and is_fragment(text, first, para.span.start) and not cued_beside(story, first):
            fragments.append(first)
            continue
        content = [(r.start, r.end) for r in chain if r.end > r.start]
        signed = _signed(story, chain, story.paragraph_at(chain[-1].open))
        if signed is not None:
            d = Draft("direct", signed[0], content, signed[1], confidence=0.7, regions=list(chain))
            drafts.append(d)
            previous = d
            continue
        named = _name_colon(story, para, first)
        if named is not None:  # '... Republican pollster Jane Roe: "..."': the name before the colon speaks
            d = Draft("direct", (named[0], named[0] + 1), content, named[1], confidence=0.6, regions=list(chain))
            drafts.append(d)
            previous = d
            continue
        cue, near, subj = find_cue(story, regions, chain, (para.span.start, para.span.end))
        if cue is None and text[para.span.start:first.open].strip() == "":
            cue, near = _colon_before(story, para), True
            subj = subject_of(cue) if cue is not None else None
        if cue is None:
            d = _colon_draft(story, para, first, content, chain)
            if d is not None:
                drafts.append(d)
                previous = d
                continue
        if cue is None or (cue.i in by_cue and not near):
            # a quotation with no cue of its own after a quoted one: in the same paragraph it carries on that
            # quotation ('"A," he said. "B."' is one quote); a paragraph made only of a quotation right after
            # a quoted paragraph is a new quote of the same speaker
            prev_para = story.paragraph_at(previous.content[-1][0]) if previous else None
            own = text[para.span.start:first.open].strip() == ""
            if previous is not None and prev_para is para and word_count(text[first.start:first.end]) >= 2:
                previous.content.extend(content)
                previous.regions.extend(chain)
                continue
            if previous is not None and prev_para is not None and own and _next_body(story, prev_para) is para:
                d = Draft("direct", previous.cue, content, None, confidence=0.6, regions=list(chain),
                          inherit=previous)
                drafts.append(d)
                previous = d
                continue
            if cue is None:
                if word_count(text[first.start:first.end]) < MIN_WORDS:
                    fragments.append(first)
                elif orphans is not None:
                    orphans.append(chain)
                continue
        cue = _under_cue(cue, by_cue)
        if cue.i in by_cue:  # a split quotation: pieces around one cue
            d = by_cue[cue.i]
            d.content.extend(content)
            d.regions.extend(chain)
            continue
        according = _according(cue)
        cue_span = (cue.idx, cue.doc[cue.i + 1].idx + len(cue.doc[cue.i + 1].text)) if according else \
            (cue.idx, cue.idx + len(cue.text))
        speaker = _according_source(cue) if according else subj
        med = None if according else medium_of(cue)
        d = Draft("direct", cue_span, content, speaker, according, (med.start, med.end) if med else None,
                  0.8, list(chain), cue_tok=cue)
        by_cue[cue.i] = d
        drafts.append(d)
        previous = d
    return drafts, fragments


SPLIT_RUN_ON = True


def split_run_on(story, regions: list[Region], chain: list[Region]) -> list[list[Region]]:
    """A quotation left open at the end of a paragraph whose next paragraph opens with a quotation mark runs on
    (``marks``), unless both paragraphs have a reporting verb of their own next to their quoted words
    ('"A," Roe said. "B.' then '"C," Doe said.', a cue in each paragraph): the closing mark is missing, and they
    are two quotations."""
    if not SPLIT_RUN_ON or len(chain) < 2:
        return [chain]
    for i in range(1, len(chain)):
        head, rest = chain[:i], chain[i:]
        pa, pb = story.paragraph_at(head[0].open), story.paragraph_at(rest[0].open)
        if pa is None or pb is None or pa is pb:
            continue
        a, near_a, _ = find_cue(story, regions, head, (pa.span.start, pa.span.end))
        # its own cue, or a quotation before it in its paragraph that it carries on ('"A," Roe said. "B.')
        quoted_before = any(pa.span.start <= r.open < head[0].open and not r.single for r in regions)
        if not (a is not None and near_a or quoted_before):
            continue
        b, near_b, _ = find_cue(story, regions, rest, (pb.span.start, pb.span.end))
        if b is not None and near_b and (a is None or b.i != a.i) and story.paragraph_at(b.idx) is pb:
            return [head] + split_run_on(story, regions, rest)
    return [chain]


UNDER_CUE = True


def _under_cue(cue, by_cue: dict):
    """A verb outside the lexicon that hangs from the cue of an earlier quotation ('"A," Roe said, referring to
    the memo, "B."'): the second piece is the same quotation under that cue."""
    if not UNDER_CUE or cue.i in by_cue or cue.lemma_.lower() in speech_verbs():
        return cue
    t = cue
    while t.dep_ in ("advcl", "xcomp", "conj") and t.head.i != t.i:
        t = t.head
        if t.i in by_cue:
            return t
    return cue


def _next_body(story, para):
    paras = story.paragraphs
    i = paras.index(para)
    for p in paras[i + 1:]:
        if p.kind == "body":
            return p
    return None


def _according_source(tok):
    to = tok.doc[tok.i + 1]
    for child in to.children:
        if child.dep_ == "pobj":
            return child
    return to.doc[to.i + 1] if to.i + 1 < len(to.doc) else None
