"""Datelines ("HOLLIDAY, Mo. -", "KABUL, Afghanistan (AP) —", "columbia, ky. (wbko) -") and the town of
the outlet the article comes from, read from its web address ("moberlymonitor.com"): both say where a local
story lies."""

from __future__ import annotations

import re

from ..model import Span, Story
from . import index
from .areas import lies_within
from .index import Gazetteer
from .mention import Mention
from .spelling import fit_case
from .tokens import doc_tokens, in_lower_case, usable_at
from .vocabulary import US_POSTAL, word_list


# "GENEVA -", "HOLLIDAY, Mo. —", "KABUL, Afghanistan (AP) —", "SOUTH WAZIRISTAN, April 5 (APP):"
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'\-]{2,40})(?:,\s*([A-Z][A-Za-z. ]{1,30}))?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                      r"\s*(?:\([^)]{1,30}\)\s*)?[-—–:]")


def dateline_mentions(story: Story, gaz: Gazetteer, taken: set[int]) -> list[tuple[int, int, list]]:
    """Token bounds and candidates of a dateline's place and its qualifier ("HOLLIDAY, Mo. -",
    "TORRINGTON -"), which the model often leaves unlabelled in capitals: at the start of the first body
    paragraph, and a name in capitals opening a later sentence the same way (a dateline after a headline
    or a byline, or of a second story on the page: "By Nate Raymond. BOSTON (Reuters) -", "The Canadian
    Press. TORONTO —"; there an acronym is read as for any name)."""
    doc = story.doc
    out: list[tuple[int, int, list]] = []
    used = set(taken)

    def read(start_char: int, text: str, later: bool) -> None:
        m = DATELINE.match(text)
        if not m:
            return
        for g, features in ((1, ("city", "admin2")), (2, ("admin1", "country"))):
            if not m.group(g):
                continue
            name = m.group(g).strip(" .,") if g == 1 else m.group(g).strip(" ,")
            start = start_char + m.start(g)
            span = doc.char_span(start, start + len(name), alignment_mode="expand")
            if span is None or any(t.i in used for t in span):
                continue
            cands = [(e, pr) for e, pr in gaz.lookup(name) if e.feature in features]
            county = re.fullmatch(r"(.+?)\s+(CO|COUNTY|PARISH)", name.upper()) if g == 1 else None
            if county and not cands:  # "PLYMOUTH CO. -", "WAYNE COUNTY -"
                word = "Parish" if county.group(2) == "PARISH" else "County"
                cands = [(e, pr) for e, pr in gaz.lookup(f"{county.group(1)} {word}") if e.feature == "admin2"]
            if g == 2 and not cands and name.upper() in US_POSTAL:
                e = gaz.admin(f"US.{name.upper()}")
                cands = [(e, True)] if e is not None else []
            if later and g == 1:
                cands = fit_case(name, cands)
            if cands:
                out.append((span.start, span.end, cands))
                used.update(range(span.start, span.end))

    first = next((p for p in story.paragraphs if p.kind == "body"), None)
    if first is not None:
        read(first.span.start, first.span.text, False)
        if in_lower_case(doc):
            out.extend(_lower_case_dateline(story, gaz, first, used))
    text = story.text  # the doc's text (``nlp.parse_many`` checks it), which spaCy builds from every token
    # the sentences' first tokens, from the tokens read once (``doc.sents`` builds every token anew), those
    # in capitals first: the cheap test
    for tok in doc_tokens(doc):
        start = tok.idx
        if not text[start:start + 2].isupper():
            continue
        head = text[start:start + 120]
        if tok.is_sent_start and (first is None or start > first.span.start) \
                and usable_at(story, start):
            read(start, head, True)
    return out


# "columbia, ky. (wbko) -", "laurel county, ky. -": a dateline written without capitals
LOWER_DATELINE = re.compile(r"^\s*([a-z][a-z .'\-]{2,40}?),\s*([a-z][a-z.]{1,14}?)(?:,\s*[a-z]{3,9}\.?\s+\d{1,2})?"
                            r"\s*(?:\([^)]{1,30}\)\s*)?[-—–:]")


def _lower_case_dateline(story: Story, gaz: Gazetteer, first, used: set[int]) -> list[tuple[int, int, list]]:
    """The place and its state or country of a dateline in a text without capitals ("columbia, ky. (wbko) -"):
    read only when the first name has a town or county reading inside the second's state or country."""
    m = LOWER_DATELINE.match(first.span.text)
    if not m:
        return []
    doc = story.doc
    outer = [e for e, p in gaz.lookup(m.group(2)) if p and e.feature in ("admin1", "country")]
    inner = [(e, p) for e, p in gaz.lookup(m.group(1).strip()) if e.feature in ("city", "admin2")
             and any(lies_within(e, o) for o in outer)]
    if not inner:
        return []
    out = []
    for g, cands in ((1, inner), (2, [(e, True) for e in outer])):
        name = m.group(g).strip()
        start = first.span.start + m.start(g)
        span = doc.char_span(start, start + len(name), alignment_mode="expand")
        if span is None or any(t.i in used for t in span):
            return out
        out.append((span.start, span.end, cands))
        used.update(range(span.start, span.end))
    return out


def dateline(story: Story, by_start: dict[int, Mention]) -> Mention | None:
    """A dateline place at the start of the first body paragraph: "GENEVA -", "KABUL, Afghanistan (AP) —"."""
    for p in story.paragraphs:
        if p.kind != "body":
            continue
        m = DATELINE.match(p.span.text)
        if m:
            start = p.span.start + m.start(1)
            for s, men in by_start.items():
                if start <= s < p.span.start + m.end(1):
                    return men
        return None
    return None


def _outlet_label(story: Story) -> str:
    """The first label of the host of the article's web address, letters only ("moberlymonitor")."""
    from urllib.parse import urlparse

    url = (story.article.url or "").strip()
    host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower().removeprefix("www.")
    return re.sub(r"[^a-z]", "", host.split(".")[0]) if host else ""


def outlet_place(story: Story, gaz: Gazetteer) -> Mention | None:
    """The town or county the outlet is named after, read from the host of its web address even where the
    article does not write it: a one-word name of five letters or more followed by a newspaper's word
    (``outlet_words.txt``: "brantnews.com", "enfield-today.co.uk", "moberlymonitor.com"), never a
    country's or state's name ("chinapost.com.tw"). A mention at the end of the text, resolved like any
    other name, that takes part in the context of the article's names as a dateline would (a local
    story's own place) and is no place of the story itself."""
    label = _outlet_label(story)
    words = word_list("outlet_words.txt")
    for k in range(len(label) - 2, 4, -1):
        rest = label[k:]
        if not any(rest.startswith(w) for w in words):
            continue
        cands = [(e, p) for e, p in gaz.lookup(label[:k]) if p]
        if cands and not any(e.feature in ("country", "admin1", "continent", "region") for e, _ in cands) and any(
                e.feature in ("city", "admin2") for e, _ in cands):
            end = len(story.text)
            return Mention(Span.of(story.text, end, end), None, candidates=cands, dateline=True)
    return None


def outlet_mentions(story: Story, mentions: list[Mention]) -> list[Mention]:
    """The mentions of the town the article's outlet is named after, read from its web address: the first
    label of the host, a town's name followed by a newspaper's word (``outlet_words.txt``) or alone
    ("moberlymonitor.com", "lemarssentinel.com", "www.enfield-today.co.uk", "amarillo.com"), the name
    written in the article as a town of four letters or more and no country's or state's name. Such a name is
    the outlet's town, as a dateline's is; a host naming no town the article writes ("cnn.com",
    "nationalpost.com") says nothing."""
    label = _outlet_label(story)
    if len(label) < 4:
        return []
    words = word_list("outlet_words.txt")
    out = []
    for m in mentions:
        key = re.sub(r"[^a-z]", "", index.fold(m.span.text))
        rest = label[len(key):]
        if (m.kind == "name" and len(key) >= 4 and label.startswith(key) and not m.dateline
                and (not rest or any(rest.startswith(w) for w in words))
                and any(e.feature == "city" for e, _ in m.candidates)
                and not any(e.feature in ("country", "admin1", "continent", "region") for e, _ in m.candidates)):
            out.append(m)  # never a country's or state's name: "chinapost.com.tw" is no paper of China, Mexico
    return out
