"""The attribution cue lexicon (``data/speech_verbs.txt``): lemma -> kind, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from ..data import data_path, read_lines
from ..errors import DataFileError

KINDS = ("speech", "belief", "evidence", "judgment", "directive", "never")


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, str]:
    """Every cue lemma with its kind (speech, belief, evidence, judgment, directive; ``never`` for verbs that are no
    cue)."""
    out: dict[str, str] = {}
    for n, line in read_lines("speech_verbs.txt"):
        cols = line.split("\t")
        if len(cols) != 2 or cols[1] not in KINDS:
            raise DataFileError(data_path("speech_verbs.txt"), n,
                                f"expected 'lemma<TAB>kind' with kind one of {', '.join(KINDS)}")
        out.setdefault(cols[0].lower(), cols[1])
    return out


def cue_lemma(tok) -> str:
    """A verb's lemma for the lexicon, mended where the parser's lemmatizer drops the silent "e" of an inflected
    form ("hoping", "hoped" -> "hop"): when the lemma is no cue but the lemma with "e" is, and the form does not
    double the lemma's last consonant ("hopping" stays "hop"), the lemma with "e"."""
    lemma = tok.lemma_.lower()
    if not MEND_LEMMAS or tok.tag_ not in ("VBD", "VBG", "VBN"):
        return lemma
    verbs = cue_verbs()
    text = tok.lower_
    if lemma in verbs or lemma + "e" not in verbs or not text.startswith(lemma) or len(text) <= len(lemma):
        return lemma
    return lemma + "e" if text[len(lemma)] in "ie" else lemma


MEND_LEMMAS = True


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lemmas that can introduce a direct quotation."""
    return frozenset(k for k, v in cue_verbs().items() if v == "speech")


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    """Nouns for people and bodies whose stated positions count as attributions (``speaker_nouns.txt``)."""
    return frozenset(line.lower() for _, line in read_lines("speaker_nouns.txt"))


@lru_cache(maxsize=1)
def cue_nouns() -> frozenset[str]:
    """Nouns that cue an attribution when a clause or topic hangs from them (``cue_nouns.txt``)."""
    return frozenset(line.lower() for _, line in read_lines("cue_nouns.txt"))


@lru_cache(maxsize=1)
def holder_nouns() -> frozenset[str]:
    """Nouns for someone who holds a position on what their "of" phrase names ("a supporter of Trump",
    ``holder_nouns.txt``)."""
    return frozenset(line.lower() for _, line in read_lines("holder_nouns.txt"))


@lru_cache(maxsize=1)
def anonymity_marks() -> tuple[str, ...]:
    """Phrases that mark an unnamed source (``anonymous_sources.txt``)."""
    return tuple(line.lower() for _, line in read_lines("anonymous_sources.txt"))


@lru_cache(maxsize=1)
def topic_frames() -> frozenset[tuple[str, str]]:
    """(verb lemma, preposition) pairs whose prepositional object is an attribution's topic
    (``topic_frames.txt``)."""
    out = set()
    for n, line in read_lines("topic_frames.txt"):
        cols = line.split("\t")
        if len(cols) != 2:
            raise DataFileError(data_path("topic_frames.txt"), n, "expected 'lemma<TAB>preposition'")
        out.add((cols[0].lower(), cols[1].lower()))
    return frozenset(out)


@lru_cache(maxsize=1)
def source_nouns() -> frozenset[str]:
    """Nouns for a poll, a study or another finding that an "in" phrase names as the source of a sentence ("In
    the latest poll, ...", ``source_nouns.txt``)."""
    return frozenset(line.lower() for _, line in read_lines("source_nouns.txt"))
