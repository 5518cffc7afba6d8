"""Title-case lines ("Malaysia Expels Human Rights Activist in Response to Accusations") are parsed as if written
in sentence case, so that their verbs are verbs and their common nouns common.

The small English parser reads a line in which nearly every word is capitalised as one long proper name: no verb,
no event, the whole line one actor. ``recased`` gives a copy of such a line, of the same length, in which each
capitalised word that is an ordinary English word (its lower-case form, or a simple stem of it, is in the
WordNet word index the parser's lemmatizer ships with, or a one-word pattern of the event lexicon: "Airstrikes",
"Ceasefire") is lower-cased, unless it is part of a name the actor
knowledge base knows ("Human Rights Watch", "Trinidad and Tobago", "Hamid Karzai") or a place the gazetteer
knows well ("Aleppo", "Jackson County"; ``_place``); short words ("Amid", "Near") are lower-cased too.
``nlp.parse_many`` parses the copy and moves its analysis back onto the original words (``transfer``), so every
offset and token text is the article's own. Lines that are not in title case, and copies whose tokens do not line up, are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .word_classes import lemma_index

# A word: letters of any script ("Curaçao", "São Tomé"), with inner apostrophes and hyphens; a lower-case elided
# article before an apostrophe belongs to the name ("d’Ivoire", "l'Aquila").
WORD = re.compile(r"(?:[dlDL]['’](?=[^\W\d_]))?[^\W\d_](?:[^\W\d_]|['’-])*")
ELIDED = re.compile(r"^[dl]['’]")
# Short words title case leaves in lower case; they do not count when deciding whether a line is in title case.
SMALL = {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
         "as", "vs", "into", "over", "after", "amid", "via", "per", "up", "off",
         "than", "before",
         # conjunctions, forms of "be" and pronouns some headline styles leave in lower case ("... to Detain
         # Journalists if they Publicize ...", "Why is X Threatening ...")
         "if", "is", "are", "was", "were", "be", "not", "they", "them", "their", "it", "its", "he", "his", "she",
         "her", "we", "our",
         # prepositions of any length, which the Chicago style leaves in lower case ("Demonstrators Unite across
         # Ruritania", "Village under Military Lockdown")
         "across", "under", "near", "against", "about", "among", "amongst", "between", "during", "without",
         "within", "through", "toward", "towards", "behind", "beyond", "below", "above", "despite", "since",
         "until", "upon", "onto", "along", "around", "outside", "inside", "past", "beside", "amidst"}
MIN_WORDS = 3  # capitalised content words a line needs to count as title case
MAX_COMMAS = 2  # a line with more commas is a list of names ("Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...")
MAX_NAME = 6  # longest name (in words) looked up in the knowledge base


def title_case(text: str) -> bool:
    """Whether a line is written in title case: at least ``MIN_WORDS`` content words, all of them capitalised, and
    no more than ``MAX_COMMAS`` commas. A sentence that names many people ("Former New York Gov. George Pataki is
    endorsing John Kasich") has a lower-case verb and is not."""
    words = [w for w in WORD.findall(text) if w.lower() not in SMALL]
    if len(words) < MIN_WORDS or text.count(",") > MAX_COMMAS or all(w.isupper() for w in words):
        return False
    return all(ELIDED.sub("", w)[:1].isupper() for w in words)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Lower-case surfaces of the actor knowledge base (countries, organisations, people, their aliases)."""
    from .actors.kb import default_kb

    return frozenset(default_kb().surfaces)


@lru_cache(maxsize=1)
def _event_words() -> frozenset[str]:
    """The one-word patterns of the event lexicon ("airstrike", "ceasefire"), ordinary words WordNet's index may
    lack."""
    from .events.lexicon import entries

    return frozenset(e.pattern for e in entries() if " " not in e.pattern)


_INDEX: dict[int, frozenset[str]] = {}


def _common(word: str, index: frozenset[str]) -> bool:
    """Whether a lower-case word (or a simple stem of it) is an ordinary English word."""
    w = word.replace("’", "'").split("'")[0]
    stems = {w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w, w[:-2] if w.endswith("ed") else w,
             w[:-1] if w.endswith("ed") else w, w[:-3] if w.endswith("ing") else w, w[:-3] + "e" if w.endswith("ing") else w,
             w[:-3] + "y" if w.endswith("ies") else w, w[:-3] + "man" if w.endswith("men") else w,
             # a doubled final consonant: "Kidnapped", "Banning"
             w[:-3] if w.endswith("ed") and len(w) > 5 and w[-3] == w[-4] else w,
             w[:-4] if w.endswith("ing") and len(w) > 6 and w[-4] == w[-5] else w}
    return any(len(s) > 1 and s in index for s in stems)


def recased(nlp, text: str) -> str | None:
    """The sentence-case copy of a title-case line (same length), or None when the line is not in title case or
    no word changes."""
    if not title_case(text):
        return None
    key = id(nlp.vocab)
    if key not in _INDEX:
        _INDEX[key] = lemma_index(nlp)
    index = _INDEX[key]
    if not index:
        return None
    names = _known_names()
    words = list(WORD.finditer(text))
    keep: set[int] = set()
    i = 0
    while i < len(words):  # the longest known name starting here keeps its capitals
        for n in range(min(MAX_NAME, len(words) - i), 0, -1):
            span = text[words[i].start():words[i + n - 1].end()]
            if words[i].group()[0].isupper() and (" ".join(span.lower().split()) in names or _place(span, n)):
                keep.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    out = list(text)
    changed = False
    for k, m in enumerate(words):
        w = m.group()
        if k in keep or not w[0].isupper() or sum(c.isupper() for c in w) > 1 or _first_of_sentence(text, m.start()):
            # an acronym keeps its capitals, plural too ("NGOs", "MPs"), as a name spelt with two ("McCain")
            continue
        low = w.lower()
        if len(low) != len(w) or not (low in SMALL or _common(low, index) or _common(low, _event_words())):
            continue
        out[m.start():m.end()] = low
        changed = True
    return "".join(out) if changed else None


MIN_PLACE = 100_000  # a city this populous keeps its capitals ("Aleppo"); a town called "Police" does not


@lru_cache(maxsize=4096)
def _place(name: str, words: int) -> bool:
    """Whether a capitalised name is a place the gazetteer knows well enough to keep its capitals: a country,
    region, state or province, a city of ``MIN_PLACE`` people, or a county or district named in two or more
    words ("Jackson County")."""
    from .places.index import load

    for e, primary in load().lookup(name):
        if not primary:
            continue
        if e.feature in ("continent", "region", "country", "admin1") or (e.feature == "city" and
                                                                         e.population >= MIN_PLACE):
            return True
        if e.feature == "admin2" and words > 1:
            return True
    return False


def _first_of_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


def transfer(nlp, original: str, doc):
    """A Doc over the original words carrying the analysis of ``doc`` (the parse of the recased copy), or None
    when the two do not line up token for token."""
    from spacy.tokens import Doc

    if doc.text.lower() != original.lower() or len(doc.text) != len(original):
        return None
    words = [original[t.idx:t.idx + len(t)] for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    ents = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in doc]
    out = Doc(nlp.vocab, words=words, spaces=spaces, tags=[t.tag_ for t in doc], pos=[t.pos_ for t in doc],
              morphs=[str(t.morph) for t in doc], lemmas=[t.lemma_ for t in doc], heads=[t.head.i for t in doc],
              deps=[t.dep_ for t in doc], sent_starts=[bool(t.is_sent_start) for t in doc], ents=ents)
    if out.text != original:
        return None
    out.tensor = doc.tensor  # one row per token, as on the article's other paragraphs (``Doc.from_docs``)
    return out
