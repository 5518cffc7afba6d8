"""A phrase set off by commas between a verb and its object ("Japan gave, THROUGH ITS EMBASSY, food aid to Haiti",
"The army handed, on Monday, the bodies to the Red Cross"), or between the object and its recipient ("returned a
manuscript, MISSING SINCE 1945, to Italy"), is parsed again without it.

The small English parser reads the object after such an aside as a conjunct of the aside's noun ("embassy ,
food aid") and hangs the recipient on that noun too, so the verb has no object: no event of giving, no target.

``repaired(nlp, doc)`` finds each verb with no object of its own that a comma and a preposition follow, with a
second comma within ``MAX_ASIDE`` words and no verb between (``_asides``), and a noun phrase after that comma. It
parses a copy of the sentence without the aside; when the copy's parse gives the verb an object, it moves that
analysis back onto the article's own words, and hangs the aside (which keeps its own analysis) on the verb as a
prepositional phrase. Likewise a participle set off by commas after a verb's object and before a "to" or "into"
phrase, which the parser takes the recipient into (``_object_asides``): when the copy hangs that phrase on the verb,
the participle is put back on the object as its clause. Sentences the copy does not line up with, or parses as
more than one sentence, are left alone.
"""

from __future__ import annotations

from .tree import analysis, rebuilt

MAX_ASIDE = 10  # words of the aside, its preposition included
OPENING = {"DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON"}  # words an object after the aside may start with
OBJECTS = {"dobj", "dative"}
RECIPIENT = ("to", "into")


def _asides(sent):
    """(verb, closing comma) of each verb with no object followed by ", <preposition> ... ,"."""
    doc = sent.doc
    for v in sent:
        if v.pos_ != "VERB" or v.i + 2 >= sent.end or doc[v.i + 1].text != "," or doc[v.i + 2].pos_ != "ADP":
            continue
        if any(c.dep_ in OBJECTS for c in v.children):
            continue
        k = next((j for j in range(v.i + 3, min(v.i + 2 + MAX_ASIDE, sent.end - 1)) if doc[j].text == ","), None)
        if k is None or doc[k + 1].pos_ not in OPENING or (doc[k - 1].like_num and doc[k + 1].like_num):
            continue  # "died, on June 30, 1982": the comma of a date closes no aside
        inner = range(v.i + 3, k)
        if any(doc[j].pos_ in ("VERB", "AUX") for j in inner) or \
                any(not (v.i + 2 <= doc[j].head.i < k) for j in inner):
            continue  # a clause, or words the parse joins to the rest: no plain aside
        yield v, k


def _object_asides(sent):
    """(verb, object, closing comma) of each object followed by ", <participle> ... , to/into" where the verb has
    no "to"/"into" phrase of its own."""
    doc = sent.doc
    for o in sent:
        v = o.head
        if o.dep_ != "dobj" or v.pos_ != "VERB" or o.i + 2 >= sent.end or doc[o.i + 1].text != "," or \
                doc[o.i + 2].tag_ not in ("VBN", "VBG") or any(c.dep_ == "prep" and c.lower_ in RECIPIENT for c in v.children):
            continue
        k = next((j for j in range(o.i + 3, min(o.i + 2 + MAX_ASIDE, sent.end - 1)) if doc[j].text == ","), None)
        if k is None or doc[k + 1].lower_ not in RECIPIENT or \
                any(doc[j].pos_ in ("VERB", "AUX") or not o.i + 2 <= doc[j].head.i < k for j in range(o.i + 3, k)):
            continue
        yield v, o, k


def _reparse(nlp, sent, a, k, fits):
    """The parse of the sentence without the aside after token ``a`` (up to the comma ``k``) when ``fits(copy,
    index of a in the copy)``, or None."""
    doc = sent.doc
    text = doc.text[sent.start_char:a.idx + len(a.text)] + doc.text[doc[k].idx + 1:sent.end_char]
    copy = nlp(text)
    cut = k - a.i
    if len(copy) != len(sent) - cut or len(list(copy.sents)) != 1:
        return None
    rel = a.i - sent.start
    words = [t.text for t in sent]
    if [t.text for t in copy] != words[:rel + 1] + words[rel + 1 + cut:]:
        return None
    return copy if fits(copy, rel) else None


def _has_object(copy, rel) -> bool:
    return any(c.dep_ in OBJECTS for c in copy[rel].children)


def repaired(nlp, doc):
    """The doc with each sentence whose verb an aside parts from its object parsed again without the aside, or
    the doc itself when no sentence needs it."""
    fixes = []
    for sent in doc.sents:
        for v, k in _asides(sent):
            copy = _reparse(nlp, sent, v, k, _has_object)
            if copy is not None:
                fixes.append((sent.start, v.i, k, copy, "prep"))
                break
        else:
            for v, o, k in _object_asides(sent):
                verb = v.i - sent.start  # the recipient's preposition follows the object in the copy
                copy = _reparse(nlp, sent, o, k, lambda c, rel: c[rel + 1].head.i == verb)
                if copy is not None:
                    fixes.append((sent.start, o.i, k, copy, "acl"))
                    break
    return _spliced(nlp, doc, fixes) if fixes else doc


def _spliced(nlp, doc, fixes):
    """A Doc over the same words carrying each fix's analysis on its sentence."""
    a = analysis(doc)
    tags, pos, morphs, lemmas, heads, deps = (a[k] for k in ("tags", "pos", "morphs", "lemmas", "heads", "deps"))
    for start, v, k, copy, dep in fixes:  # the aside follows token v and hangs on it as ``dep``
        cut = k - v
        back = lambda c: start + c if start + c <= v else start + c + cut  # noqa: E731 - copy index to doc index
        for c, t in enumerate(copy):
            i = back(c)
            tags[i], pos[i], morphs[i], lemmas[i] = t.tag_, t.pos_, str(t.morph), t.lemma_
            heads[i], deps[i] = back(t.head.i), t.dep_
        heads[v + 1], deps[v + 1] = v, "punct"
        heads[v + 2], deps[v + 2] = v, dep
        heads[k], deps[k] = v, "punct"
    return rebuilt(nlp, doc, a)
