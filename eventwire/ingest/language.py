"""A cheap check that an article is in English, before any parsing.

English prose is full of function words ("the", "of", "and", "to", "said"): about 40-55% of its words are
on spaCy's English stop list, against under 15% for French, German, Spanish or Indonesian, whose own
function words are not on it. Text mostly in another script (Arabic, Cyrillic, CJK, ...) fails at once.
Short texts (fewer than ``MIN_WORDS`` words) pass: too little evidence to reject an article on.

No model and no extra dependency: the stop list ships with spaCy, which eventwire needs anyway.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import errors

MIN_WORDS = 12  # below this, do not judge
MIN_STOPWORD_RATIO = 0.2  # English prose is at 0.35 and up; other Latin-script languages below 0.15
MIN_LATIN_LETTERS = 0.6  # share of letters that are Latin (a-z with accents)
MIN_LETTERS = 10  # the script check judges a text of at least this many letters, or of 3 words: Chinese, Japanese
# and Thai write no spaces between words, so a whole sentence of theirs is one or two "words"

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.replace("’", "'") for w in STOP_WORDS)


def english_score(text: str, sample: int = 5000) -> tuple[float, float, int, int]:
    """(share of Latin letters, share of words on the English stop list, number of words, number of letters) of
    the first ``sample`` characters."""
    head = text[:sample]
    letters = [c for c in head if c.isalpha()]
    latin = sum(1 for c in letters if c < "\u0250") / len(letters) if letters else 1.0
    words = [w.lower().replace("’", "'") for w in _WORD.findall(head)]
    stops = _stop_words()
    ratio = sum(1 for w in words if w in stops) / len(words) if words else 1.0
    return latin, ratio, len(words), len(letters)


def check_english(text: str, *, name: str = "input") -> None:
    """Raise ``NotEnglish`` if the text is plainly not English."""
    latin, ratio, n, letters = english_score(text)
    if latin < MIN_LATIN_LETTERS and (n >= 3 or letters >= MIN_LETTERS):
        raise errors.NotEnglish(
            f"{name} is not in English (only {latin:.0%} of its letters are Latin); eventwire codes English news"
        )
    if n >= MIN_WORDS and ratio < MIN_STOPWORD_RATIO:
        raise errors.NotEnglish(
            f"{name} does not read as English (only {ratio:.0%} of its words are common English words); "
            "eventwire codes English news"
        )
