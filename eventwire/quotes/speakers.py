"""Speakers: the mention next to a cue, and the actor it stands for.

Rules on the parse, no coreference model:
- the speaker mention is the cue verb's subject (``nsubj``), the ``agent`` of a passive, the subject of the
  verb a participle after a preposition hangs from ("explained it by saying"), the subject of the
  verb a participle hangs from ("..., adding that"), the subject of the verb whose object a participle hangs
  from ("released a statement saying", ``_sender``), or a name right after the verb ("said McCormack");
- a name resolves to the actor with a mention there, else to the person actor whose name holds the
  surname; a role noun ("a White House spokesman") to its appositive name, else to the actor whose role
  names it, else to no actor (the words are kept as ``speaker_text``);
- "he"/"she" resolve to the most recent person speaker in this or the previous paragraphs, else the most
  recent person named as a subject; once a pronoun picked someone, the other pronoun never does;
- "told Reuters", "in an interview with CNN": the listener is the quote's medium, never the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

from ..model import Span, Story
from ..tree import climb, is_root

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f"}
PLURAL_PRONOUNS = {"they", "we", "i", "you", "it", "this", "that", "who", "which"}
LOOKBACK_PARAGRAPHS = 3
PRONOUNS_FROM_ACTORS = True  # trust a pronoun mention the actors stage resolved before our own chaining
MEDIUM_VERBS = frozenset("say tell speak talk comment write appear tweet post add explain".split())


RELATIVES = {"who", "that", "which", "whom"}


def subject_of(verb):
    """The token naming who speaks for a cue verb, or None."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON":
        return prev  # "footage of Jane Roe asking": the name right before the participle speaks
    subj = _subject(verb)
    if DATELINES and subj is not None and subj.is_upper:
        subj = past_dateline(subj)
    # "Johndroe, who said ...": a relative pronoun stands for the noun its clause hangs from
    if subj is not None and subj.lower_ in RELATIVES:
        v = climb(verb, lambda t: t.dep_ in ("conj", "xcomp", "advcl"))
        if v.dep_ == "relcl" and v.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return v.head
    return subj


# A dateline the parser took for the subject ("TALLAHASSEE — Rep. Jane Roe on Friday pummeled ...", "CONCORD, N.H. -
# Sen. Roe scored ...", the name hung on the place as an apposition) names no speaker: the name after the dash does.
# Measured on the gate shipped before (PolNeAR, each article coded once): all speaker accuracy train_unseen 6728 ->
# 6730 right of 7286 (dev has no such dateline); F1 unchanged.
DATELINES = True


def past_dateline(subj):
    """The speaker for a subject token that stands in a dateline at the start of a paragraph (``actors.datelines``):
    the apposition the parser hung on it after the dash ("WASHINGTON -- President Obama, ..."), else None; any
    other token as it is."""
    from ..actors.datelines import datelines

    doc = subj.doc
    start = subj.i
    while start > 0 and subj.i - start < 6 and "\n" not in doc[start - 1].text_with_ws:
        start -= 1
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return subj  # not among a paragraph's first words
    window = doc[start:min(len(doc), start + 16)].as_doc()
    if subj.i - start not in datelines(SimpleNamespace(doc=window)):
        return subj
    dash = next((t.i for t in doc[subj.i:start + 16] if t.text in ("-", "--", "–", "—")), len(doc))
    return next((c for c in subj.rights if c.dep_ == "appos" and c.i > dash), None)


# A finite verb with no subject that the parser coordinated with a verb of the reported clause whose tense it cannot
# share ("conceded that the aide had touched him | but implied ...": "implied" is no participle after "had"; "vowed to
# keep it legal | and celebrated the ruling") goes with the reporting verb above that clause, of its own tense: it is
# that speaker's, and an attribution beside the first (``rules.beside_cue``). Measured on the gate retrained with
# DATELINES and CONTENT_CONJUNCTS, each article coded once (all F1, unrounded from the counts): dev 0.8142 -> 0.8144
# (1726 -> 1727 paired of 2048 -> 2049 records), train_unseen 0.7953 -> 0.7955 (7677 -> 7681 of 9255 -> 9260); all
# speaker accuracy train_unseen 6736 -> 6741 right.
COORDINATED_UP = True
_NON_FINITE = frozenset("VB VBN VBG".split())


def coordinated_up(verb):
    """The verb a subjectless finite conjunct really coordinates with: the nearest verb above the clause the
    parser hung it in (through ``ccomp`` or ``xcomp``), before it and of its own tense, when the verb it hangs
    from is non-finite (an infinitive or a participle under an auxiliary). Else None."""
    if not COORDINATED_UP or verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or \
            any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in verb.children):
        return None
    head = verb.head
    if head.tag_ not in _NON_FINITE or not any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return None
    t = head
    for _ in range(4):
        if t.dep_ not in ("ccomp", "xcomp", "conj") or t.head.i == t.i:
            return None
        t = t.head
        if t.dep_ != "conj" and t.tag_ == verb.tag_ and t.i < verb.i and t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _reports(verb) -> bool:
    from .lexicon import speech_verbs

    return verb.lemma_.lower() in speech_verbs()


def _subject(verb):
    # a parse that gives a verb two subjects ("in Berea, OH, after winning, Gov. Roe said"): the one nearest
    # the verb
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS and
                not (c.is_punct or c.pos_ in ("PUNCT", "SYM", "X")) and
                not (c.dep_ == "nsubjpass" and verb.lemma_ not in ("quote", "report"))]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    for child in verb.children:
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "is believed to be hiding": a passive cue names no speaker but its agent
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "PRON") and verb.tag_ == "VBG":
        return verb.head  # "footage of Trump saying ...": the participle's noun speaks
    sender = _sender(verb)
    if sender is not None:
        return sender
    # "explained it by saying: ...", "after adding that ...": the participle after a preposition shares the
    # subject of the verb the preposition hangs from
    if verb.dep_ == "pcomp" and verb.head.pos_ == "ADP" and verb.head.dep_ == "prep" and \
            verb.head.head.pos_ in ("VERB", "AUX") and verb.head.head.i != verb.i:
        return _subject(verb.head.head)
    outer = _outer_holder(verb) if OUTER_PARTICIPLE else None
    if outer is not None:
        return outer
    # "..., adding that ...", "and warned": the participle or conjunct shares its head's subject
    if verb.dep_ in ("advcl", "conj", "xcomp", "acl") and not is_root(verb):
        head = verb.head
        # "He said X had given ... and said that Y": a reporting verb the parser coordinated inside the
        # clause another cue reports shares that cue's speaker, not the clause's subject
        if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX") and \
                _reports(verb) and _reports(head.head):
            return _subject(head.head)
        up = coordinated_up(verb)
        if up is not None:  # "conceded that X had erred but implied ...": the conceding speaker implies
            return _subject(up)
        if OBJECT_CONTROL and verb.dep_ == "xcomp" and head.pos_ == "VERB":
            # "led the journalist to fear", "urged her aides to say": the object before the clause speaks
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if obj is not None and _someone(obj):  # not "coined a phrase to describe"
                return obj
        if head.pos_ in ("VERB", "AUX"):
            found = _subject(head)
            if EXPLETIVE_CLIMB and found is not None and found.lower_ in _EXPLETIVES:
                # "insisted it was premature ... while adding": the clause's "it" speaks no words; the
                # reporting verb whose clause it is does
                t = head
                while t.dep_ in ("xcomp", "advcl", "conj") and t.head.i != t.i:
                    t = t.head
                if t.dep_ == "ccomp" and t.head.pos_ == "VERB" and _reports(t.head):
                    return _subject(t.head) or found
            return found
    # "said McCormack" parsed without a subject (reporting verbs only: "sheltering Osama" is no speaker)
    from .lexicon import speech_verbs

    if verb.lemma_.lower() not in speech_verbs():
        return None
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "dative") and child.pos_ == "PROPN" and child.ent_type_ != "DATE":
            return child
    return None


OBJECT_CONTROL = True
# A participle set off by a comma at the end of a sentence speaks for the sentence's speaker, wherever the parser hung
# it: "Roe argued that the toll would keep drivers away, | saying ..." (hung on "keep"), "Roe dismissed claims that the
# board was wasting money, | noting ..." (on "wasting"): the subject of the verb above the clause or phrase it hangs
# in, when that subject is someone. Measured on the gate shipped before (unrounded, with rules.BESIDE_CONJ): all
# speaker accuracy dev 0.9329 -> 0.9335, train_unseen 0.9200 -> 0.9212; all F1 dev 0.8133 -> 0.8132, train_unseen
# 0.7954 -> 0.7953 (the gate weighs the new speakers: a few drafts change).
OUTER_PARTICIPLE = True
EMBEDDED = frozenset("ccomp xcomp acl relcl dobj pobj prep pcomp".split())
_SET_OFF = frozenset([",", "—", "–", "--"])


def _outer_holder(verb):
    """The subject of the verb above the clause a comma-set-off participle with no subject of its own hangs in
    ("Roe said the plan would fail, | noting ...": Roe, not "the plan"), when it names someone; else None."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.left_edge.i == 0:
        return None
    if verb.doc[verb.left_edge.i - 1].text not in _SET_OFF:
        return None
    head = verb.head
    if head.dep_ not in EMBEDDED:
        return None
    top = climb(head, lambda t: t.dep_ in EMBEDDED)
    if top.i == head.i or top.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in top.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and _someone(subj) else None


EXPLETIVE_CLIMB = True
_EXPLETIVES = frozenset("it this that there".split())
SENDERS = True
_SENDER_PRONOUNS = frozenset("i we he she they him her them us me".split())


def _sender(verb):
    """'Roe released a statement saying ...', 'the campaign sent a message to supporters saying ...': a
    participle on the object of a verb (or on the listener after "to") reports the words of that verb's
    subject when the subject is someone (a personal pronoun, a name, a noun for a speaker), not the
    statement's."""
    if not SENDERS or verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.head.pos_ != "NOUN":
        return None
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "dative":
        noun = noun.head
    if noun.dep_ not in ("dobj", "dative") or noun.head.pos_ != "VERB":
        return None
    subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return subj if _someone(subj) else None


def _someone(tok) -> bool:
    """Whether a token names someone who can speak: a personal pronoun, a name, a noun for a speaker or for a
    person or group (its WordNet class)."""
    from ..word_classes import classes
    from .lexicon import speaker_nouns

    if tok.lower_ in _SENDER_PRONOUNS or tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if tok.pos_ != "NOUN":
        return False
    return tok.lemma_.lower() in speaker_nouns() or classes("noun", tok.lemma_.lower())[:1] in (("person",), ("group",))


def relative_for(tok, cue: int):
    """The relative pronoun that stands for a speaker token at a cue ("Gordon Johndroe, who said ..."): the
    word next to the cue that names the speaker, or None."""
    for clause in tok.children:
        if clause.dep_ == "relcl" and clause.left_edge.i <= cue <= clause.right_edge.i:
            for t in clause.subtree:
                if t.lower_ in RELATIVES and t.dep_ in SUBJECTS:
                    return t
    return None


def mention_span(tok):
    """The noun phrase for a speaker token: its left modifiers and the token, without clauses after it."""
    doc = tok.doc
    start = tok.left_edge.i
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod") and child.i == end:
            end = child.i + 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    return doc[start:end]


def medium_of(verb) -> Span | None:
    """The outlet or listener a cue verb names: "told Reuters", "said in an interview with CNN"."""
    if verb.lemma_ == "tell":
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "iobj") and child.pos_ == "PROPN" and child.i > verb.i:
                return Span.from_spacy(mention_span(child))
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "with", "on"):
            for pobj in prep.children:
                # "said on Fox News", "told to CNN"; not "called on President Obama"
                if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and verb.lemma_ in MEDIUM_VERBS and \
                        pobj.ent_type_ not in ("PERSON", "GPE", "NORP", "DATE", "LOC"):
                    return Span.from_spacy(mention_span(pobj))
                if pobj.dep_ == "pobj" and pobj.lemma_ in ("interview", "statement"):
                    for p2 in pobj.children:
                        if p2.dep_ == "prep" and p2.lower_ in ("with", "to"):
                            for o in p2.children:
                                if o.dep_ == "pobj" and o.pos_ == "PROPN":
                                    return Span.from_spacy(mention_span(o))
    return None


@dataclass
class SpeakerMemory:
    """What earlier quotes in the story tell about who "he" and "she" are."""

    story: Story
    speakers: list[tuple[int, str]] = field(default_factory=list)  # (offset, actor id) of person speakers
    gender: dict[str, str] = field(default_factory=dict)

    def _paragraph_floor(self, offset: int) -> int:
        paras = self.story.paragraphs
        idx = next((i for i, p in enumerate(paras) if p.span.start <= offset < p.span.end + 1), None)
        if idx is None:
            return 0
        return paras[max(0, idx - LOOKBACK_PARAGRAPHS)].span.start

    def _ok(self, actor_id: str, want: str) -> bool:
        have = self.gender.get(actor_id)
        return have is None or have == want

    def pronoun(self, tok) -> str | None:
        want = PRONOUNS[tok.lower_]
        floor = self._paragraph_floor(tok.idx)
        for off, aid in reversed(self.speakers):
            if floor <= off < tok.idx and self._ok(aid, want):
                return self.note(aid, want)
        # the most recent person named as a subject before the pronoun, else the most recent person
        best = None
        for actor in self.story.actors:
            if actor.kind != "person":
                continue
            for m in actor.mentions:
                if floor <= m.start < tok.idx and self._ok(actor.id, want):
                    score = (self._is_subject(m), m.start)
                    if best is None or score > best[0]:
                        best = (score, actor.id)
        return self.note(best[1], want) if best else None

    def _is_subject(self, m: Span) -> bool:
        doc = self.story.doc
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        return bool(span is not None and len(span) and span.root.dep_ in SUBJECTS)

    def note(self, actor_id: str, want: str) -> str:
        self.gender.setdefault(actor_id, want)
        return actor_id

    def heard(self, offset: int, actor_id: str | None) -> None:
        actor = self.story.actor(actor_id)
        if actor is not None and actor.kind == "person":
            self.speakers.append((offset, actor_id))


def _by_surname(story: Story, word: str, before: int) -> str | None:
    best = None
    for actor in story.actors:
        if actor.kind != "person":
            continue
        parts = actor.name.split()
        if word in parts:
            first = min((m.start for m in actor.mentions), default=before)
            score = (parts[-1] == word, first < before, -abs(before - first))
            if best is None or score > best[0]:
                best = (score, actor.id)
    return best[1] if best else None


def _by_role(story: Story, head, before: int) -> str | None:
    lemma = head.lemma_.lower()
    best = None
    for actor in story.actors:
        if not actor.role or lemma not in actor.role.lower().split():
            continue
        earlier = [m.start for m in actor.mentions if m.start < before]
        if earlier and (best is None or max(earlier) > best[0]):
            best = (max(earlier), actor.id)
    return best[1] if best else None


def resolve(story: Story, tok, memory: SpeakerMemory) -> str | None:
    """The actor id a speaker token stands for, or None."""
    if tok is None:
        return None
    low = tok.lower_
    if low in PRONOUNS:
        if PRONOUNS_FROM_ACTORS:
            actor = story.actor_at(tok.idx, tok.idx + len(tok.text))
            if actor is not None and actor.kind == "person":
                return memory.note(actor.id, PRONOUNS[low])
        return memory.pronoun(tok)
    if low in PLURAL_PRONOUNS:
        return None
    # a name: the actor with a mention on the token, else the person whose name holds it
    if tok.pos_ == "PROPN":
        actor = story.actor_at(tok.idx, tok.idx + len(tok.text))
        if actor is not None:
            return actor.id
        return _by_surname(story, tok.text, tok.idx)
    # a role noun: its appositive name ("a spokesman, Gordon Johndroe"), an actor mention on it, or the
    # actor whose role it is
    for child in tok.children:
        if child.dep_ == "appos":
            found = resolve(story, child, memory)
            if found:
                return found
    actor = story.actor_at(tok.idx, tok.idx + len(tok.text))
    if actor is not None:
        return actor.id
    if tok.pos_ == "NOUN":
        return _by_role(story, tok, tok.idx)
    return None


def group_tokens(tok) -> list:
    """The heads of a coordinated speaker ("Sanders and Clinton said"): the token and its conjuncts, in text
    order; one token for a single speaker."""
    if tok is None:
        return []
    heads = [tok] + [c for c in tok.conjuncts if c.pos_ in ("PROPN", "NOUN") and c.i > tok.i]
    return sorted(heads, key=lambda t: t.i)


def group_span(tok):
    """The words of a coordinated speaker, from the first head's modifiers to the last conjunct."""
    heads = group_tokens(tok)
    first = mention_span(heads[0])
    if len(heads) == 1:
        return first
    last = mention_span(heads[-1])
    return tok.doc[first.start:last.end]


def is_anonymous(story: Story, tok, cue_offset: int) -> bool:
    """Whether a speaker is an unnamed source: a common noun ("a senior official", "sources") that no
    named actor stands for, with a mark of anonymity in its words or in the cue's sentence."""
    import re

    from .lexicon import anonymity_marks

    if tok is None or tok.pos_ != "NOUN":
        return False
    if any(t.pos_ == "PROPN" and t.ent_type_ == "PERSON" for t in tok.subtree):
        return False
    actor = story.actor_at(tok.idx, tok.idx + len(tok.text))
    if actor is not None and actor.kind == "person" and actor.name[:1].isupper() and tok.text not in actor.name:
        return False  # "an aide, Jane Roe": the role stands for a named person
    sent = story.sentence_at(cue_offset) or story.sentence_at(tok.idx)
    words = " ".join(t.text for t in tok.subtree).lower()
    where = words + " " + (sent.text.lower() if sent is not None else "")
    return any(re.search(r"\b" + re.escape(m) + r"\b", where) for m in anonymity_marks())
