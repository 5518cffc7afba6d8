"""Headlines the parser read without their verb ("Madagascar expels dozens of diplomats", "Guam leader quits
following corruption accusations") are parsed again with the verb made unmistakable.

The small English parser reads a present-tense verb ending in -s, in a short line with no other verb, as a plural
noun ("expels" NNS, the line's root) or as an auxiliary of a later participle ("quits ... following"): the line
then has no predicate, so no event and no actor roles. Such lines are news headlines, summaries and captions,
which every feed carries.

It reads a bare verb after a plural subject the same way ("Gunmen attack bus station": one compound noun).

``repaired(nlp, doc)`` finds each sentence with no verbal predicate (``_predicateless``) in which a word after a
noun is an -s form of a verb the model's word index knows, or a bare verb after a plural noun (``_candidates``);
it parses a copy of that sentence (in sentence case if it is a title-case line, ``truecase``) with the word in
its past form ("expelled", the model's own irregular forms first) and, when the copy's parse makes it a verb
with a subject, moves that analysis back onto the article's own words. The word keeps its own text; it is
tagged as the present-tense verb it is (VBZ or VBP, its lemma). Sentences the parser read with a verb, and
copies that do not line up token for token, are left alone.
"""

from __future__ import annotations

from . import truecase
from .tree import analysis, entity_tag, rebuilt

AUXILIARIES = {"be", "have", "do", "will", "shall", "may", "can", "must", "might", "could", "would", "should",
               "need", "dare", "ought", "get"}
SUBJECT_POS = {"NOUN", "PROPN", "PRON"}
NAME_MISREAD = {"ADJ", "INTJ", "X"}  # a capitalised name the tagger read as "Madagascar" JJ or "Zelensky" UH
PRESENT = "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
PLURAL_PRESENT = "Tense=Pres|VerbForm=Fin"
BARE_MISREAD = {"NN", "NNP", "VB", "VBP", "JJ"}  # a bare verb read as a noun in a compound ("attack" in "army base")


_TABLES: dict[int, tuple[frozenset[str], dict[str, str]]] = {}


def _tables(nlp) -> tuple[frozenset[str], dict[str, str]]:
    """The verbs of the model's word index and the past form of each irregular one (``lemma_exc``)."""
    key = id(nlp.vocab)
    if key not in _TABLES:
        _TABLES[key] = _read_tables(nlp)
    return _TABLES[key]


def _read_tables(nlp) -> tuple[frozenset[str], dict[str, str]]:
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
        verbs = frozenset(lookups.get_table("lemma_index")["verb"])
        exc = lookups.get_table("lemma_exc")["verb"]
    except (KeyError, ValueError, AttributeError):
        return frozenset(), {}
    forms: dict[str, list[str]] = {}
    for form, lemmas in exc.items():
        if not form.endswith("ing"):
            for lemma in lemmas:
                forms.setdefault(lemma, []).append(form)
    past = {lemma: min(fs, key=lambda f: (not f.endswith("ed"), len(f))) for lemma, fs in forms.items()}
    return verbs, past


def past_form(lemma: str, irregular: dict[str, str]) -> str:
    """The past form of a verb: the model's own irregular form, else the regular spelling."""
    if lemma in irregular:
        return irregular[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if len(lemma) > 2 and lemma.endswith("y") and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def verb_of(word: str, verbs: frozenset[str]) -> str | None:
    """The verb a present-tense -s form is of ("expels": expel, "denies": deny, "pushes": push), or None."""
    w = word.lower()
    if len(w) < 4 or not w.endswith("s") or not w.isalpha():
        return None
    for stem in (w[:-3] + "y" if w.endswith("ies") else "", w[:-2] if w.endswith("es") else "", w[:-1]):
        if stem in verbs:
            return stem
    return None


def _predicateless(sent) -> bool:
    """Whether a sentence has no verbal predicate: its root is no verb, or is a participle whose "auxiliary"
    is no auxiliary ("leader QUITS following accusations")."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return True
    return root.tag_ in ("VBG", "VBN") and any(c.dep_ == "aux" and c.tag_ == "VBZ" and
                                               c.lemma_.lower() not in AUXILIARIES for c in root.children)


def _subject_misread(sent, verbs: frozenset[str]) -> bool:
    """Whether a sentence's present-tense verb has no noun subject although a word before it could be one: the
    subject read as an adjective ("MILITARY launches airstrikes", "Military kills 12": "military" JJ) or the verb
    read as a plural noun subject of the next word ("Interim government BANS rallies": "rallies" the root)."""
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP") or root.i == sent.start:
        return False
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return root.doc[root.i - 1].pos_ in SUBJECT_POS | NAME_MISREAD
    if subj.pos_ == "ADJ":
        return True
    if _verb_after_misread_noun(sent, verbs) is not None:
        return True
    return root.tag_ == "VBZ" and subj.i == root.i - 1 and subj.i > sent.start and subj.tag_ in ("NNS", "NNPS") and \
        verb_of(subj.text, verbs) is not None and subj.doc[subj.i - 1].pos_ in SUBJECT_POS


def _verb_after_misread_noun(sent, verbs: frozenset[str]):
    """The bare verb after a plural noun for people or armed forces the tagger read as the verb or as its subject's
    head ("Security FORCES kill 3 protesters", "Government TROOPS retake town": "forces", "troops" are no verbs
    here, "kill" and "retake" are), or None. Nouns for things ("Chief ORDERS probe") are left to the usual order."""
    from .data import word_set
    from .word_classes import first_class

    for t in sent:
        if t.i == sent.start or t.i + 1 >= sent.end - 1 or t.tag_ not in ("NNS", "NNPS", "VBZ") or \
                not t.lower_.endswith("s") or t.doc[t.i - 1].pos_ not in SUBJECT_POS | {"ADJ"}:
            continue
        noun = verb_of(t.text, verbs) or t.lower_[:-1]
        if not (first_class("noun", noun) in ("person", "group") or noun in word_set("events/force_nouns.txt")):
            continue
        nxt = t.doc[t.i + 1]
        if t.head.i == nxt.i and t.dep_ == "nsubj" and nxt.pos_ in ("VERB", "AUX") or nxt.lower_ in AUXILIARIES:
            continue  # read right: "its peacekeepers HAVE begun", "security forces KILL" as the verb
        if nxt.tag_ in BARE_MISREAD | {"VB"} and nxt.lower_ in verbs and nxt.text.isalpha():
            return nxt
    return None


def _candidates(sent, verbs: frozenset[str]):
    """(token, verb) for each word after a noun and before a word (not a stop) that may be the sentence's verb:
    an -s form after any noun, or a verb's bare form after a plural one ("Rebels attack army base")."""
    after = _verb_after_misread_noun(sent, verbs)
    if after is not None:
        yield after, after.lower_
    for t in sent:
        if t.i == sent.start or t.i == sent.end - 1 or t.doc[t.i + 1].is_punct:
            continue
        prev = t.doc[t.i - 1]
        if prev.pos_ not in SUBJECT_POS and not (prev.text[:1].isupper() and prev.pos_ in NAME_MISREAD):
            continue
        verb = verb_of(t.text, verbs) if t.tag_ in ("NNS", "NNPS", "VBZ") else None
        if verb is None and t.tag_ in BARE_MISREAD and plural(prev) and t.lower_ in verbs and t.text.isalpha():
            verb = t.lower_
        if verb:
            yield t, verb


# Nouns singular in form that take a plural verb ("police fire", "people flee").
PLURAL_COLLECTIVES = {"police", "people", "personnel"}


def plural(tok) -> bool:
    """Whether a noun is plural: "rebels", "Protesters" (the tagger's NNPS at a line's start), "police"."""
    return tok.tag_ in ("NNS", "NNPS") and tok.lower_.endswith("s") or "Plur" in tok.morph.get("Number") or \
        tok.lower_ in PLURAL_COLLECTIVES


def _reparse(nlp, sent, tok, verb: str, irregular: dict[str, str]):
    """The parse of the sentence with ``tok`` in its past form, or None when it does not make the word a verb
    with a subject or does not line up token for token."""
    text = truecase.recased(nlp, sent.text) or sent.text  # a title-case line read in sentence case, as first
    at = tok.idx - sent.start_char
    copy = nlp(text[:at] + past_form(verb, irregular) + text[at + len(tok.text):])
    if len(copy) != len(sent):
        return None
    k = tok.i - sent.start
    if any(a.lower_ != b.lower_ for i, (a, b) in enumerate(zip(copy, sent)) if i != k):
        return None
    new = copy[k]
    if new.pos_ != "VERB" or new.dep_ != "ROOT" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in new.children):
        return None
    return copy


def repaired(nlp, doc):
    """The doc with each predicateless sentence parsed again around its verb, or the doc itself when no sentence
    needs it."""
    verbs, irregular = _tables(nlp)
    if not verbs:
        return doc
    fixes = []
    for sent in doc.sents:
        if len(sent) < 3 or not (_predicateless(sent) or _subject_misread(sent, verbs)):
            continue
        for tok, verb in _candidates(sent, verbs):
            copy = _reparse(nlp, sent, tok, verb, irregular)
            if copy is not None:
                fixes.append((sent.start, tok.i, verb, copy))
                break
    return _spliced(nlp, doc, fixes) if fixes else doc


def _spliced(nlp, doc, fixes):
    """A Doc over the same words carrying each fix's analysis on its sentence."""
    a = analysis(doc)
    tags, pos, morphs, lemmas, heads, deps, starts, ents = (a[k] for k in (
        "tags", "pos", "morphs", "lemmas", "heads", "deps", "sent_starts", "ents"))
    for start, verb_i, verb, copy in fixes:
        for j, t in enumerate(copy):
            i = start + j
            tags[i], pos[i], morphs[i], lemmas[i] = t.tag_, t.pos_, str(t.morph), t.lemma_
            heads[i], deps[i] = start + t.head.i, t.dep_
            starts[i] = j == 0 or bool(t.is_sent_start)
            ents[i] = entity_tag(t)
        bare = doc[verb_i].lower_ == verb
        tags[verb_i], pos[verb_i], lemmas[verb_i] = "VBP" if bare else "VBZ", "VERB", verb
        morphs[verb_i] = PLURAL_PRESENT if bare else PRESENT
        end = start + len(copy)
        if end < len(doc) and ents[end].startswith("I-"):
            ents[end] = "B-" + ents[end][2:]
    return rebuilt(nlp, doc, a)
