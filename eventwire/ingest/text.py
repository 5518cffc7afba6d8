"""One article from a text or a file: the checks that run before any parsing, and the paragraph layout."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from .. import errors
from ..data import data_path
from ..model import Article, Paragraph, Span

_HTML = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_TAGS = re.compile(r"<(p|div|span|a|script|meta|table|br)\b[^>]*>", re.I)
_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# a WARC archive, or an RSS/Atom/RDF feed (its root element within the first 2,000 characters)
_CONTAINER = re.compile(r"\s*(WARC/\d)|\s*<\?xml[^>]*>\s*(?:<!--.*?-->\s*|<\?.*?\?>\s*)*<(?:rss|feed|rdf:RDF)[\s>]",
                        re.S)


def check_text(text: str, *, max_chars: int = 500_000, name: str = "input") -> None:
    """Raise an InputError if ``text`` is not something to code as one article."""
    if not text.strip():
        raise errors.EmptyInput(f"{name} is empty: there is no article text to code")
    if "\x00" in text:
        raise errors.BinaryInput(f"{name} looks like a binary file (it contains NUL bytes), not article text")
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(3, len(text[:20000]) // 100):
        raise errors.BinaryInput(f"{name} looks like a binary file ({controls} control characters), not article text")
    if len(text) > max_chars:
        raise errors.TooLarge(
            f"{name} has {len(text):,} characters, more than the {max_chars:,} allowed for one article; "
            "split it, or use `eventwire ingest` for collections"
        )
    head = text[:2000]
    if _HTML.search(head) or len(_TAGS.findall(head)) >= 5:
        raise errors.HtmlInput(f"{name} is an HTML page; pass --html to extract its main text with trafilatura")
    container = _CONTAINER.match(head)
    if container:
        kind = "a WARC archive" if container[1] else "an RSS/Atom feed"
        raise errors.InputError(f"{name} is {kind}, not one article; use `eventwire ingest`, which reads each of "
                                "its articles")
    if _is_json(text):
        raise errors.InputError(f"{name} is JSON data, not article text; use `eventwire ingest`, which reads JSONL "
                                "(one article a line, its text in a field such as text or body)")


def _is_json(text: str) -> bool:
    """Whether a text is JSON data: its first line a JSON object (JSONL), or the whole an array of objects."""
    body = text.lstrip()
    if body[:1] == "{":
        try:
            return isinstance(json.loads(body.split("\n", 1)[0]), dict)
        except ValueError:
            return False
    if body[:1] == "[":
        try:
            data = json.loads(body)
        except ValueError:
            return False
        return isinstance(data, list) and bool(data) and all(isinstance(x, dict) for x in data)
    return False


def check_date(date: str | None) -> str | None:
    if date is None:
        return None
    if not _DATE.match(date):
        raise errors.InputError(f"publication date {date!r} is not in YYYY-MM-DD form")
    return date


def decode(data: bytes, name: str = "input") -> str:
    """Bytes to text: UTF-8 (with or without BOM), never a guess that could garble offsets."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise errors.EncodingError(f"{name} is UTF-16 text, not UTF-8; convert it, e.g. with iconv -f UTF-16 -t UTF-8")
    if b"\x00" in data[:8192]:
        raise errors.BinaryInput(f"{name} looks like a binary file (it contains NUL bytes), not article text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise errors.EncodingError(
            f"{name} is not valid UTF-8 (bad byte at offset {err.start}); convert it, e.g. with iconv"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_to_article(html: str, *, name: str = "input", url: str | None = None) -> Article:
    """The main text and metadata of an HTML page, through trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    doc = extracted.as_dict() if hasattr(extracted, "as_dict") else extracted
    if not doc or not (doc.get("text") or "").strip():
        raise errors.EmptyInput(f"{name}: no article text found in the HTML page")
    body = doc["text"].strip()
    title = (doc.get("title") or "").strip() or None
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    date = doc.get("date")
    return Article(
        text=text,
        title=title,
        date=date if date and _DATE.match(date) else None,
        url=doc.get("url") or url,
        outlet=doc.get("sitename") or doc.get("hostname"),
    )


def article_from_text(
    text: str,
    *,
    date: str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    html: bool = False,
    max_chars: int = 500_000,
    name: str = "input",
    source: str | None = None,
) -> Article:
    """Check a text and make it an Article. With ``html=True`` the text is an HTML page."""
    if not isinstance(text, str):
        raise errors.InputError(f"{name}: article text must be a str, not {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if html:
        if not text.strip():
            raise errors.EmptyInput(f"{name} is empty: there is no article text to code")
        article = html_to_article(text, name=name, url=url)
        check_text(article.text, max_chars=max_chars, name=name)
        article.date = check_date(date) or article.date
        article.title = title or article.title
        article.outlet = outlet or article.outlet
        article.source = source
        return article
    check_text(text, max_chars=max_chars, name=name)
    return Article(
        text=text,
        title=title if title is not None else headline(text),
        date=check_date(date),
        url=url,
        outlet=outlet,
        source=source,
    )


def read_file(path: str, *, html: bool = False, max_chars: int = 500_000, **meta) -> Article:
    """Read one article from a file path, or ``-`` for standard input."""
    import sys

    if path == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        p = Path(path)
        if not p.exists():
            raise errors.NotFound(f"no such file: {path}")
        if p.is_dir():
            raise errors.InputError(f"{path} is a folder; `eventwire code` takes one file (use `eventwire ingest` for folders)")
        size = p.stat().st_size
        if size > max_chars * 4:
            raise errors.TooLarge(
                f"{path} is {size:,} bytes, more than one article can be; "
                "split it, or use `eventwire ingest` for collections"
            )
        data = p.read_bytes()
        name = path
        if data[:2] == b"\x1f\x8b":
            raise errors.InputError(f"{path} is gzip-compressed; unpack it (gunzip), or use `eventwire ingest`, "
                                    "which reads gzipped files")
        if p.suffix.lower() in (".jsonl", ".ndjson", ".json"):
            raise errors.InputError(f"{path} is a JSON file, not article text; use `eventwire ingest`, which reads "
                                    "JSONL (one article a line, its text in a field such as text or body)")
    text = decode(data, name)
    return article_from_text(text, html=html, max_chars=max_chars, name=name, source=path, **meta)


# -- layout -------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def boilerplate_patterns() -> list[re.Pattern]:
    pats = []
    path = data_path("boilerplate.txt")
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            pats.append(re.compile(line, re.I))
        except re.error as err:
            raise errors.DataFileError(path, n, f"bad regular expression: {err}") from None
    return pats


def _is_heading(text: str) -> bool:
    """A short line with no closing punctuation, mostly capitalised: a headline or sub-heading."""
    words = text.split()
    if not words or len(words) > 18 or len(text) > 160:
        return False
    if text.rstrip()[-1] in ".!?\"'”’:;,":
        return False
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return caps / len(words) >= 0.6 or len(words) <= 6


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs with their kind. Blank lines separate paragraphs when the text has any; otherwise
    each line is one."""
    sep = _BLANK if _BLANK.search(text) else re.compile(r"\n")
    out: list[Paragraph] = []
    pos = 0
    bounds = []
    for m in sep.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    for s, e in bounds:
        seg = text[s:e]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        s, e = s + lead, e - trail
        if s >= e:
            continue
        out.append(Paragraph(Span.of(text, s, e)))
    for i, p in enumerate(out):
        t = p.span.text
        flat = " ".join(t.split())
        if any(pat.match(flat) for pat in boilerplate_patterns()):
            p.kind = "boilerplate"
        elif _is_heading(flat) and len(out) > 1:
            p.kind = "headline" if i == 0 else "heading"
    return out


def headline(text: str) -> str | None:
    """The first line, when it reads as a headline (short, no closing punctuation, body follows)."""
    paras = split_paragraphs(text)
    if paras and paras[0].kind == "headline":
        return " ".join(paras[0].span.text.split())
    return None
