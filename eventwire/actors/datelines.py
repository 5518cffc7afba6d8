"""Datelines and agency credits at the start of a paragraph ("NEW DELHI -", "DURBAN, South Africa (CNN) -",
"MEXICO CITY (AP)"): a dateline places the story and names no actor; a credit is neither actor nor place."""

from __future__ import annotations

from .work import Work


def datelines(w: Work) -> set[int]:
    """Tokens of a dateline at the start of a paragraph ("NEW DELHI -", "KABUL, Nov 17 (Reuters) -")."""
    doc = w.doc
    out: set[int] = set()
    for sent in doc.sents:
        i = sent.start
        if i > 0 and not doc[i - 1].is_space and "\n" not in doc[i - 1].text_with_ws:
            continue
        j = i
        while j < sent.end and j - i < 6 and (doc[j].is_upper or doc[j].text in (",", ".")) and doc[j].text != "-":
            j += 1
        if j > i + 1 and doc[j - 1].text == "," and doc[i].is_alpha:
            # "DURBAN, South Africa (CNN) -", "SPRINGFIELD, Ill. (AP) -"
            k = j
            while k < sent.end and k - j < 4 and (doc[k].is_title or doc[k].is_upper or doc[k].text == "."):
                k += 1
            if k > j and k < sent.end and doc[k].text in ("-", "--", "–", "—", "("):
                j = k
        if j > i and j < sent.end and doc[j].text in ("-", "--", "–", "—", "(") and any(
                doc[k].is_alpha and len(doc[k].text) > 1 for k in range(i, j)):
            out.update(range(i, j))
    return out


def credits(doc, dateline: set[int]) -> set[int]:
    """Tokens of the agency credit in brackets right after a dateline ("MEXICO CITY (AP)", "LAGOS (Reuters)"):
    the agency that wrote the story, no actor in it and no place of it."""
    out: set[int] = set()
    for i in dateline:
        if i + 1 not in dateline and i + 1 < len(doc) and doc[i + 1].text == "(":
            close = next((k for k in range(i + 2, min(i + 8, len(doc))) if doc[k].text == ")"), None)
            if close is not None:
                out.update(range(i + 1, close + 1))
    return out
