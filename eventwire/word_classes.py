"""Word classes: the WordNet lexicographer file ("communication", "cognition", "social", "person", ...) of a
verb's or noun's most frequent senses, so the attribution gate (``quotes/gate.py``) can weigh a cue verb it
never saw in training by the kind of verb it is ("lambasted" is a verb of communication like "criticized";
"opened" a verb of contact), and the actors stage can tell a surname from an ordinary word (``ordinary``).

The classes are one data file, ``data/word_classes.tsv`` (``pos<TAB>lemma<TAB>classes``, up to two classes,
most frequent sense first), built from the WordNet 3.0 database by ``python -m eventwire.train wordclasses``
(the Debian package ``wordnet-base`` puts it in /usr/share/wordnet). Verbs: every one-word lemma; nouns:
the one-word lemmas with a sense seen in WordNet's tagged corpus. WordNet 3.0 Copyright 2006 by Princeton
University, used under the WordNet License (https://wordnet.princeton.edu/license-and-commercial-use).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .data import data_path, read_lines

FILE = "word_classes.tsv"
_VERB = {29: "body", 30: "change", 31: "cognition", 32: "communication", 33: "competition", 34: "consumption",
         35: "contact", 36: "creation", 37: "emotion", 38: "motion", 39: "perception", 40: "possession",
         41: "social", 42: "stative", 43: "weather"}
_NOUN = {3: "tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body", 9: "cognition",
         10: "communication", 11: "event", 12: "feeling", 13: "food", 14: "group", 15: "location", 16: "motive",
         17: "object", 18: "person", 19: "phenomenon", 20: "plant", 21: "possession", 22: "process",
         23: "quantity", 24: "relation", 25: "shape", 26: "state", 27: "substance", 28: "time"}
SENSES = 3  # the classes of this many most frequent senses
MAX_CLASSES = 2


def _read(wordnet: Path, pos: str, names: dict[int, str], tagged_only: bool) -> dict[str, list[str]]:
    lexfile = {}
    for line in (wordnet / f"data.{pos}").open(encoding="latin-1"):
        if not line.startswith("  "):
            cols = line.split(" ")
            lexfile[cols[0]] = names.get(int(cols[1]))
    out = {}
    for line in (wordnet / f"index.{pos}").open(encoding="latin-1"):
        if line.startswith("  "):
            continue
        cols = line.split()
        lemma = cols[0]
        if not lemma.isalpha():  # one-word lemmas only
            continue
        senses, pointers = int(cols[2]), int(cols[3])
        tagged = int(cols[5 + pointers])
        if tagged_only and tagged == 0:
            continue
        classes = []
        for offset in cols[6 + pointers:6 + pointers + min(senses, SENSES)]:
            c = lexfile.get(offset)
            if c and c not in classes:
                classes.append(c)
        if classes:
            out[lemma] = classes[:MAX_CLASSES]
    return out


# The WordNet licence asks for this notice on every copy of the database or a modification of it.
WORDNET_LICENSE = """\
This software and database is being provided to you, the LICENSEE, by Princeton University under the following
license. By obtaining, using and/or copying this software and database, you agree that you have read,
understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and database and its documentation for any purpose
and without fee or royalty is hereby granted, provided that you agree to comply with the following copyright
notice and statements, including the disclaimer, and that the same appear on ALL copies of the software,
database and documentation, including modifications that you make for internal use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,
EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR
WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE,
DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in advertising or publicity pertaining to
distribution of the software and/or database. Title to copyright in this software, database and any associated
documentation shall at all times remain with Princeton University and LICENSEE agrees to preserve same."""


def build(wordnet: Path, out: Path, log=print) -> int:
    """Write ``word_classes.tsv`` from a WordNet 3.0 database directory; returns the number of rows."""
    rows = [("verb", k, v) for k, v in sorted(_read(wordnet, "verb", _VERB, False).items())]
    rows += [("noun", k, v) for k, v in sorted(_read(wordnet, "noun", _NOUN, True).items())]
    head = ["# WordNet 3.0 lexicographer classes of one-word verbs and nouns, most frequent sense first.",
            "# Built by `python -m eventwire.train wordclasses` (eventwire/word_classes.py).",
            "#", *(f"# {line}".rstrip() for line in WORDNET_LICENSE.splitlines())]
    out.write_text("\n".join(head + [f"{p}\t{k}\t{','.join(v)}" for p, k, v in rows]) + "\n", encoding="utf-8")
    log(f"wrote {out}: {len(rows)} rows")
    return len(rows)


@lru_cache(maxsize=1)
def _classes() -> dict[tuple[str, str], tuple[str, ...]]:
    if not data_path(FILE).exists():
        return {}
    out = {}
    for _, line in read_lines(FILE):
        pos, lemma, classes = line.split("\t")
        out[(pos, lemma)] = tuple(classes.split(","))
    return out


def classes(pos: str, lemma: str) -> tuple[str, ...]:
    """The classes of a lemma ("verb" or "noun"), most frequent sense first; () when unknown."""
    return _classes().get((pos, lemma.lower()), ())


def first_class(pos: str, lemma: str) -> str | None:
    """The class of a lemma's commonest sense ("person" for "fugitive"), or None when unknown."""
    found = classes(pos, lemma)
    return found[0] if found else None


def ordinary(word: str) -> bool:
    """Whether a word is an ordinary English noun or verb (a lemma WordNet has a sense for): "rice", "bush";
    not "santos"."""
    w = word.lower()
    return bool(classes("noun", w) or classes("verb", w))


def lemma_index(nlp, pos: tuple[str, ...] = ("noun", "verb", "adj", "adv")) -> frozenset[str]:
    """The lemmas of some parts of speech in the model's own word index (WordNet's, shipped with spaCy's English
    lemmatizer), or none when the model has no such table. Read by ``truecase`` (ordinary words) and the actors
    stage (verbs a doer noun is made from)."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    return frozenset(w for p in pos for w in table.get(p, []))
