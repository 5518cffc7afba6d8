"""Whether a common noun names people, for a participant no word list names ("two Democratic SPEECHWRITERS
implored", "coal industry VETERANS who ..."): a whole noun or a word ending from ``people_endings.txt``, or a
doer's "-er" / "-or" / "-ee" on a verb the model's lemma index knows ("voter": vote, "speechwriter": write,
"investor": invest, "detainee": detain). The verb must be the whole stem or its last four letters or more, so
"paper" (ape) and "matter" are not people."""

from __future__ import annotations

from functools import lru_cache

from ..data import read_lines
from ..word_classes import lemma_index


@lru_cache(maxsize=1)
def _endings() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    ends, nouns, things = [], set(), set()
    for _n, line in read_lines("actors/people_endings.txt"):
        if line.startswith("-"):
            ends.append(line[1:])
        elif line.startswith("!"):
            things.add(line[1:])
        else:
            nouns.add(line)
    return tuple(ends), frozenset(nouns), frozenset(things)


def model_verbs(nlp) -> frozenset[str]:
    """The verbs of the model's lemma index (``word_classes.lemma_index``)."""
    return lemma_index(nlp, ("verb",))


def model_nouns(nlp) -> frozenset[str]:
    """The nouns of the model's lemma index (``word_classes.lemma_index``)."""
    return lemma_index(nlp, ("noun",))


def names_people(lemma: str, verbs: frozenset[str]) -> bool:
    ends, nouns, things = _endings()
    if lemma in nouns:
        return True
    if lemma in things:
        return False
    if lemma.endswith("list") and not lemma.endswith("alist"):
        return False  # "playlist", "checklist" (but "journalist", "nationalist")
    if any(lemma.endswith(e) and len(lemma) >= len(e) + 3 for e in ends):
        return True
    for doer in ("er", "or", "ee"):
        if lemma.endswith(doer) and len(lemma) >= 5:
            stem = lemma[:-len(doer)]
            for st in (stem, stem + "e"):
                if st in verbs or any(st[k:] in verbs for k in range(1, len(st) - 3)):
                    return True
    return False
