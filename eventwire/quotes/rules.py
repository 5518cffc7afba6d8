"""Stage ``quotes.rules.v1``: direct, indirect and mixed quotes with their cue, speaker and medium.

The steps, each in its own module:
1. ``marks``: the quoted stretches of every paragraph (all quoting styles, run-on quotations);
2. ``direct``: quoted stretches that are someone's words, with the reporting verb next to them, split
   quotations joined;
3. ``indirect``: reported speech read off the parse (``said that``, ``according to``, ``urged ... to``),
   mixed when the reported clause holds quoted words or a quotation with no cue of its own follows it
   (``carry_on``);
4. ``speakers``: the mention next to the cue resolved to an actor (names, surnames, roles, he/she), and
   the medium ("told Reuters") kept apart from the speaker; the speaker's country, sector, role and
   organisation are copied onto the quote (``speaker_affiliation``) so quotes group by side.
Only body paragraphs are read: no quote comes from a caption or "Click here" boilerplate, and from a headline only
when it gives a claim to the name before a colon ("Senator X: Subsidies Will Double", ``direct.headline_drafts``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model import Quote, Span, Story
from ..registry import stage
from . import gate
from .direct import Draft, _previous_body, direct_drafts, headline_drafts, transcript_drafts
from .indirect import indirect_drafts, widen_after_cue, widen_mid_sentence, widen_mixed
from .marks import find_regions
from .speakers import SpeakerMemory, coordinated_up, group_span, group_tokens, is_anonymous, relative_for, resolve

MAX_DIRECT_SHARE = 0.5  # an indirect content mostly inside a direct quotation is that quotation
NESTED_SHARE = 0.8  # a content this much inside another quote's content is nested in it


def _chars(spans) -> set[int]:
    return {i for s, e in spans for i in range(s, e)}


def drafts(story: Story, *, positions: bool = True) -> list[Draft]:
    """Every quote of a story before speakers are resolved, in text order."""
    paras = [(p.span.start, p.span.end) for p in story.paragraphs] or [(0, len(story.text))]
    regions = find_regions(story.text, paras)
    transcript = transcript_drafts(story)
    if transcript:  # transcript paragraphs are quotes already, whatever quotation marks they hold
        taken = [story.paragraph_at(d.cue[0]).span for d in transcript]
        regions = [r for r in regions if not any(p.start <= r.open < p.end for p in taken)]
        for r in regions:
            if r.next is not None and any(p.start <= r.next.open < p.end for p in taken):
                r.next = None
    orphans: list = []
    direct, _fragments = direct_drafts(story, regions, orphans)  # fragments end up in mixed quotes
    direct += transcript
    for d in direct:
        widen_mixed(d)
        widen_mid_sentence(story, d)
        widen_after_cue(d)
    used = {d.cue[0] for d in direct}
    quoted = _chars((r.open, r.outer_end) for d in direct for r in d.regions)
    found = list(direct)
    if HEADLINES:  # "Graham: Trump's Rhetoric Destroying GOP's Chance"
        taken = {d.cue[0] for d in found}
        held = _chars(c for d in found for c in d.content)
        found += [d for d in headline_drafts(story) if d.cue[0] not in taken and not (_chars(d.content) & held)]
    candidates = []
    for d in indirect_drafts(story, regions, used, positions=positions):
        chars = _chars(d.content)
        if chars and len(chars & quoted) > MAX_DIRECT_SHARE * len(chars):
            continue
        candidates.append((d, chars))
    nesting(candidates, quoted)
    for d, chars in candidates:
        if not gate.keep(story, d):  # the learned attribution gate (quotes/gate.py)
            continue
        found.append(d)
    found = outermost(story.text, found)
    if CARRY_ON:  # after outermost: a cue nested in another's content ("staff suggesting someone should ...") takes none
        carry_on(story, found, orphans)
    found.sort(key=lambda d: (min([d.cue[0]] + [s for s, _ in d.content]), d.cue[0]))
    return found


# A headline "Speaker: claim" as a quote of the speaker (``direct.headline_drafts``), not weighed by the gate.
# Measured on the shipped gate (the PolNeAR benchmark, unrounded all F1): dev 0.8049 -> 0.8053, train_unseen
# 0.7829 -> 0.7836; direct F1 and speaker accuracy unchanged.
HEADLINES = True


def nesting(candidates: list[tuple[Draft, set[int]]], quoted: set[int]) -> None:
    """Set each indirect draft's ``nesting`` for the gate (``gate.NESTING``): whether its content lies mostly
    (``NESTED_SHARE``) inside a longer draft's content, whether it holds another draft's cue, and whether it shares
    characters with a direct quotation. Only drafts whose bounds meet are compared (by a binary search over
    the drafts sorted by their first character), so a long paragraph of many drafts costs no square."""
    bounds = [_bounds(chars) for _, chars in candidates]
    placed = sorted((b[0], k) for k, b in enumerate(bounds) if b is not None)
    firsts = [f for f, _ in placed]
    widest = max((b[1] - b[0] for b in bounds if b is not None), default=0)
    cues: dict[int, list[Draft]] = {}
    for e, _ in candidates:
        cues.setdefault(e.cue[0], []).append(e)
    for (d, chars), b in zip(candidates, bounds):
        if b is None:  # no content: any draft with some holds it (its share is 0 of 0)
            near = range(len(candidates))
        else:
            near = [k for _, k in placed[bisect_left(firsts, b[0] - widest):bisect_right(firsts, b[1])]]
        inside = any(candidates[k][0] is not d and len(candidates[k][1]) > len(chars) and _may_meet(b, bounds[k])
                     and len(chars & candidates[k][1]) >= NESTED_SHARE * len(chars) for k in near)
        if len(cues) < len(chars):
            holds = any(p in chars and any(e is not d for e in es) for p, es in cues.items())
        else:
            holds = any(e is not d for p in chars for e in cues.get(p, ()))
        d.nesting = (inside, holds, bool(chars & quoted))


def _bounds(chars: set[int]) -> tuple[int, int] | None:
    """The first and last character of a set of characters (None for none), to tell at once that two sets
    share none (``_may_meet``) without intersecting them."""
    return (min(chars), max(chars)) if chars else None


def _may_meet(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether two sets of characters with these ``_bounds`` may share one: their ranges meet, or either is
    empty (an empty set is inside any other: its share is 0 of 0)."""
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


CARRY_ON = True
# reporting verbs only: after "the statistics show ..." or "staff suggesting ..." a quotation is seldom theirs
CARRY_KINDS = frozenset("speech according".split())
CARRY_PARAGRAPH = True  # also a paragraph that is only the quotation, after the paragraph of the cue


def carry_on(story: Story, found: list[Draft], orphans: list) -> None:
    """A quotation with no cue of its own right after reported speech in its paragraph ('The mayor said the
    bridge would reopen. "We have waited long enough."') carries on what the speaker said: PolNeAR annotates
    both under the one cue. It joins the content of the latest indirect draft of a cue verb of the lexicon or
    of 'according to' (``CARRY_KINDS``) whose cue is in the same sentence or the sentence before (with
    ``CARRY_PARAGRAPH``, in the paragraph before when the quotation is a paragraph of its own), with no quotation between;
    the draft becomes mixed."""
    for chain in orphans:
        first = chain[0]
        para = story.paragraph_at(first.open)
        sent = story.sentence_at(first.open)
        if para is None or sent is None:
            continue
        lo = para.span.start
        if CARRY_PARAGRAPH and _only_quotation(story.text, para, chain):
            prev = _previous_body(story, para)  # a paragraph that is only the quotation: the one before too
            if prev is not None:
                lo = prev.span.start
        best = None
        for d in found:
            if d.kind == "direct" or d.cue_kind not in CARRY_KINDS or not d.content:
                continue
            end = max(e for _, e in d.content)
            if not (lo <= d.cue[0] and end <= first.open):
                continue
            cue_sent = story.sentence_at(d.cue[0])
            if cue_sent is None or not (cue_sent is sent or cue_sent.end <= sent.start):
                continue
            between = story.text[end:first.open]
            if any(q in between for q in '"“”«»') or (cue_sent is not sent and _sentences_between(story, cue_sent, sent)):
                continue
            if best is None or end > max(e for _, e in best.content):
                best = d
        if best is not None:
            best.content.extend((r.start, r.end) for r in chain if r.end > r.start)
            best.regions.extend(chain)
            best.kind = "mixed"


def _only_quotation(text: str, para, chain) -> bool:
    """Whether a paragraph holds nothing but the quotation ('"A," Hannity started.' has a speaker of its own)."""
    rest = text[para.span.start:chain[0].open] + text[chain[-1].outer_end:para.span.end]
    return not any(ch.isalnum() for ch in rest)


def _sentences_between(story: Story, a, b) -> bool:
    return any(a.end <= s.start and s.end <= b.start for s in story.sentences)


def outermost(text: str, found: list[Draft]) -> list[Draft]:
    """The drafts that are not nested inside another's content. An attribution reported inside another
    ("Clinton said the campaign planned to bus in supporters": "planned to ..." within what Clinton said) is
    part of the outer quote's words, not a quote of its own, as PolNeAR annotates: the wider content is kept,
    the draft whose content lies mostly (NESTED_SHARE) inside it is dropped, unless it is a remark set off
    beside the outer quote (``set_off``)."""
    sized = sorted(((d, _chars(d.content)) for d in found), key=lambda dc: -len(dc[1]))
    kept: list[list] = []  # [chars, bounds, draft]
    out = []
    for d, chars in sized:
        b = _bounds(chars)
        outers = [k for k in kept if chars and _may_meet(b, k[1]) and len(chars & k[0]) >= NESTED_SHARE * len(chars)]
        if outers and not set_off(d):
            if not (BESIDE_CUE and all(beside_cue(d, k[2]) for k in outers)):
                continue
            for k in outers if BESIDE_CUT else ():  # the outer quote's words end where the attribution beside its cue begins
                cut_before(text, k[2], _beside_start(d.cue_tok))
                k[0] = _chars(k[2].content)
                k[1] = _bounds(k[0])
        kept.append([chars, b, d])
        out.append(d)
    return out


# A verb that hangs from another quote's cue verb as a participle set off by a comma ('called the plan a disaster,
# | slamming the mayor for ...'; also from the cue's infinitive: 'sought to rally the base, | contrasting ...') or
# as a coordinated verb ('argued that X, but | suggested Y') says something of its own beside the outer quote, not
# inside what the outer quote reports: PolNeAR annotates it apart. Kept (when the gate kept it; a participle only when
# the gate is sure of it, BESIDE_MIN), and the outer quote's content ends before it. On PolNeAR train, 52% of the
# wrong speakers of paired attributions are an outer quote paired with a gold attribution nested in its content.
# Measured on the gate shipped before (each article coded once, its quotes built with the flag off and on; all F1
# unrounded): coordinated verbs alone, dev 0.8132 -> 0.8133, train_unseen 0.7951 -> 0.7954; with participles at any
# gate probability dev falls (0.8128: 10 more records, 3 paired) while train_unseen rises (0.7957); with BESIDE_MIN
# 0.7 dev 0.8133, train_unseen 0.7956. With OUTER_PARTICIPLE and UNSOURCED_HOLDERS (speakers) and the gate retrained
# (threshold 0.38 -> 0.39): all F1 dev 0.8132 -> 0.8139, train_unseen 0.7951 -> 0.7950 (7663 -> 7632 paired of 9225 ->
# 9148 records); all speaker accuracy dev 0.933 -> 0.935, train_unseen 0.920 -> 0.924; direct unchanged. The speaker
# rules alone, retrained (threshold 0.38): dev 0.8137, train_unseen 0.7949.
BESIDE_CUE = True
BESIDE_CONJ = True
BESIDE_PARTICIPLE = True
BESIDE_CUT = True
BESIDE_MIN = 0.7
_COMMAS = frozenset([",", "—", "–", "--"])
_TRAILING_MARKS = frozenset(",;:—–-")
_TRAILING_WORDS = ("and", "but", "or")


def strip_trailing(piece: str) -> str:
    """A piece of text without the spaces, punctuation (``,;:—–-``) and words "and", "but", "or" (any case, each
    after a space) it ends with: what ``re.sub(r"(?:[\s,;:—–-]|(?<=\s)(?:and|but|or)\b)+$", "", piece, flags=re.I)``
    leaves, read back from the end in one pass. That pattern tried every start in a run of such characters
    anew: a content span holding a long run of spaces or dashes took seconds in C, out of reach of the
    article's time budget (16,000 spaces: 30 s)."""
    e = len(piece)
    while e > 0:
        if piece[e - 1].isspace() or piece[e - 1] in _TRAILING_MARKS:
            e -= 1
            continue
        word = next((w for w in _TRAILING_WORDS if e > len(w) and piece[e - len(w):e].lower() == w
                     and piece[e - len(w) - 1].isspace()), None)
        if word is None:
            break
        e -= len(word)
    return piece[:e]


def beside_cue(d: Draft, outer: Draft) -> bool:
    """Whether an indirect draft's cue verb hangs from the cue verb of the draft whose content holds it (or from
    that verb's infinitive) as a participle set off by a comma with no subject of its own, or as a coordinated
    verb, after the outer cue."""
    tok, head = d.cue_tok, outer.cue_tok
    if tok is None or head is None or d.kind == "direct" or outer.kind == "direct" or tok.i <= head.i:
        return False
    if tok.pos_ not in ("VERB", "AUX") or head.pos_ not in ("VERB", "AUX") or d.confidence < BESIDE_MIN:
        return False
    if BESIDE_GERUND and _gerund_beside(tok, head):
        return True
    if tok.dep_ == "conj":
        up = coordinated_up(tok)  # "conceded that X had erred | but implied ...": the conceding verb's conjunct
        return BESIDE_CONJ and (tok.head.i == head.i or (up is not None and up.i == head.i))
    if not BESIDE_PARTICIPLE or tok.dep_ != "advcl" or tok.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return False
    if not (tok.head.i == head.i or (tok.head.dep_ == "xcomp" and tok.head.head.i == head.i)):
        return False
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text in _COMMAS


# A gerund after a preposition of time or means on the outer cue verb, with words of its own ("vowed to defend the
# law | before sketching out her own ideas", "answered the question | by focusing on wages", "cast himself as an
# outsider | despite pursuing support from lawmakers") says something beside the outer quote: PolNeAR annotates it
# apart, and the outer content ends before the preposition. Kept when the gate is sure of it (BESIDE_MIN), as a
# participle is. Measured on the gate retrained with DATELINES, CONTENT_CONJUNCTS (indirect.py) and COORDINATED_UP
# (speakers.py), each article coded once (all F1, unrounded from the counts): dev 0.8144 -> 0.8145 (1727 -> 1728
# paired of 2049 -> 2051 records), train_unseen 0.7955 -> 0.7957 (7681 -> 7687 of 9260 -> 9273); at any gate
# probability over the threshold train_unseen falls (0.7954: 9278 records).
BESIDE_GERUND = True
GERUND_PREPS = frozenset("before after by while despite without".split())


def _gerund_beside(tok, head) -> bool:
    """Whether a cue is a gerund with an object or complement of its own after a preposition of ``GERUND_PREPS``
    that hangs from the outer cue verb (or its infinitive)."""
    prep = tok.head
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in GERUND_PREPS:
        return False
    if not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "prt") for c in tok.children):
        return False
    up = prep.head
    return up.i == head.i or (up.dep_ == "xcomp" and up.head.i == head.i)


def _beside_start(tok) -> int:
    """Where the words of an attribution beside another's cue begin: its left edge, or the preposition that opens
    its gerund."""
    if BESIDE_GERUND and tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in GERUND_PREPS:
        return min(tok.left_edge.idx, tok.head.idx)
    return tok.left_edge.idx


def cut_before(text: str, d: Draft, offset: int) -> None:
    """End a draft's content spans before a character offset (without the punctuation, spaces and "and"/"but"
    before it); spans that start at or after it are dropped, unless nothing would be left."""
    out = []
    for s, e in d.content:
        if s >= offset:
            continue
        piece = strip_trailing(text[s:min(e, offset)])
        e = s + len(piece)
        if e > s:
            out.append((s, e))
    if out:
        d.content = out


SET_OFF = True
SET_OFF_KINDS = frozenset("speech evidence belief directive".split())
SET_OFF_MARKS = frozenset([",", ";", "—", "–", "--", "("])


def set_off(d: Draft) -> bool:
    """Whether a draft inside another's content is an attribution of its own all the same: its cue is a
    reporting verb of the lexicon whose clause the writer set off with a comma or dash (", though she
    acknowledged it would not work", ", which he said were favours", ", citing a threat to health"), a
    remark beside the outer quote rather than part of what the outer speaker said. PolNeAR annotates
    these apart."""
    tok = d.cue_tok
    if not SET_OFF or tok is None or d.kind == "direct" or d.cue_kind not in SET_OFF_KINDS:
        return False
    left = tok.left_edge.i
    return left > 0 and tok.doc[left - 1].text in SET_OFF_MARKS


def affiliation(story: Story, actor_id: str | None) -> dict | None:
    """The speaker's side, carried from the actor: country, sector, role and the organisation it speaks for
    (its own values first, then the organisation's)."""
    actor = story.actor(actor_id)
    if actor is None:
        return None
    org = story.actor(actor.affiliation)
    out = {
        "country": actor.country or (org.country if org else None),
        "sector": actor.sector or (org.sector if org else None),
        "role": actor.role,
        "organization": org.id if org else None,
        "organization_name": org.name if org else None,
    }
    return out if any(out.values()) else None


def group_members(story: Story, tok) -> list[str]:
    """Every actor a group speaker stands for, as the actors stage read the phrase ("officials on both
    sides" after "talks between Sudan and South Sudan", "the two governments"): two or more, else none."""
    found = story.actors_at(tok.idx, tok.idx + len(tok.text))
    return [a.id for a in found] if len(found) > 1 else []


def anonymous_affiliation(story: Story, tok) -> dict | None:
    """The side of an unnamed source from the actors named in its words ("a senior Pentagon official", "an
    aide to the governor"): the first organisation or country there."""
    words = list(tok.subtree)
    lo, hi = words[0].idx, words[-1].idx + len(words[-1].text)
    for actor in story.actors:
        if actor.kind in ("organization", "country", "person") and any(lo <= m.start and m.end <= hi and
                                                                         not (m.start <= tok.idx < m.end)
                                                                         for m in actor.mentions):
            org = actor if actor.kind != "person" else story.actor(actor.affiliation)
            out = {"country": actor.country or (org.country if org else None), "sector": actor.sector,
                   "role": tok.text, "organization": org.id if org else None,
                   "organization_name": org.name if org else None}
            return out
    return {"country": None, "sector": None, "role": tok.text, "organization": None, "organization_name": None}


def build(story: Story, *, positions: bool = True) -> list[Quote]:
    text = story.text
    memory = SpeakerMemory(story)
    resolved: dict[int, tuple] = {}
    out: list[Quote] = []
    for d in drafts(story, positions=positions):
        if d.inherit is not None and id(d.inherit) in resolved:
            speaker, span, words, members, anonymous, side = resolved[id(d.inherit)]
        else:
            tok = d.speaker_tok
            src = d.inherit
            # a quotation with no cue of its own whose preceding quote was dropped or rebuilt on the way (read
            # as a mixed quote): that quote's speaker
            while tok is None and src is not None:
                tok, src = src.speaker_tok, src.inherit
            speaker = resolve(story, tok, memory) if tok is not None else None
            members = []
            if len(group_tokens(tok)) > 1:  # "Sanders and Clinton said": one record, every member
                for head in group_tokens(tok):
                    found = resolve(story, head, memory)
                    if found and found not in members:
                        members.append(found)
                speaker = members[0] if members else speaker
            span = Span.from_spacy(group_span(tok)) if tok is not None else None
            if tok is not None and not members:
                members = group_members(story, tok)
                speaker = speaker or (members[0] if members else None)
            anonymous = is_anonymous(story, tok, d.cue[0])
            side = affiliation(story, speaker)
            if anonymous:  # "a senior Pentagon official who asked not to be named": kept unnamed, with the side
                side = anonymous_affiliation(story, tok)  # its own words name, never a guess from elsewhere
                speaker = None
            memory.heard(d.cue[0], speaker)
            words = span.text if span else None
            rel = relative_for(tok, _token_at(story, d.cue[0])) if tok is not None else None
            if rel is not None:  # "Johndroe, who said": the mention at the cue is "who", the name Johndroe's
                span = Span.of(text, rel.idx, rel.idx + len(rel.text))
        resolved[id(d)] = (speaker, span, words, members, anonymous, side)
        medium = text[d.medium[0]:d.medium[1]] if d.medium else None
        for content in passages(story, d):
            out.append(Quote(
                id=f"q{len(out) + 1}",
                kind=d.kind,
                cue=Span.of(text, *d.cue),
                content=[Span.of(text, s, e) for s, e in content],
                speaker=speaker,
                speaker_text=words,
                speaker_span=span,
                medium=medium,
                confidence=d.confidence,
                speaker_affiliation=side,
                speaker_members=list(members) if len(members) > 1 else [],
                speaker_anonymous=anonymous,
            ))
    return out


def _token_at(story: Story, offset: int) -> int:
    span = story.doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.start if span is not None else -1


def passages(story: Story, d: Draft) -> list[list[tuple[int, int]]]:
    """The quotations of a draft, one list of content spans each. A quotation split by its cue in one
    sentence ("We are safe," he said, "and ...") or running on across paragraphs is one; a closed quotation
    followed by a new quoted sentence under the same cue ("A," said McCormack. "B.") gives two records
    that share the cue and speaker."""
    content = sorted(d.content)
    if d.kind != "direct" or len(content) < 2:
        return [content]
    regions = {r.start: r for r in d.regions}
    cue_sent = story.sentence_at(d.cue[0])
    groups = [[content[0]]]
    for s, e in content[1:]:
        region = regions.get(s)
        prev_sent = story.sentence_at(groups[-1][-1][0])
        sent = story.sentence_at(s)
        same = sent is not None and sent in (cue_sent, prev_sent)
        if same or (region is not None and region.continues):
            groups[-1].append((s, e))
        else:
            groups.append([(s, e)])
    return groups


@stage("quotes.rules.v1", requires=["doc", "sentences", "paragraphs", "actors"], assigns=["quotes"])
def make_quote_rules(nlp, config):
    """Direct, indirect and mixed quotes with cue, speaker and medium."""

    def quotes(story: Story) -> Story:
        with gate.using(config.get("quote_gate", True)):
            story.quotes = build(story, positions=config.get("quote_positions", True))
        return story

    return quotes
