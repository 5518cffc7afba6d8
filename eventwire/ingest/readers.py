"""Readers for collections: folders and files of plain text, HTML pages, JSONL, gzip, RSS/Atom feeds and WARC.

Reading is split in two so that the expensive half runs in the workers:

- ``iter_items(paths)`` walks the inputs in the main process and yields one ``Item`` per article: where it
  came from (``source``), how to read it (``kind``: text, html, record, entry) and the raw payload. It only
  reads bytes and splits containers (JSONL lines, feed entries, WARC records), which is cheap.
- ``to_article(item)`` turns an Item into a checked ``Article`` (trafilatura for HTML, the input checks, the
  language check). It runs in the worker, next to the parser.

A file that cannot be read at all (corrupt gzip, unreadable WARC, an unsupported type) becomes an Item of
kind ``error``; ``to_article`` raises its error, so it lands in the failures table like any bad article and
the batch goes on. ``count_items`` counts the articles ahead of a run so the progress bar can show an ETA.

Sources name the exact place an article came from: ``path``, ``path#L12`` (JSONL line), ``path#entry3``
(feed entry), ``path#<urn:uuid:...>`` (WARC record id).

Publication dates: each Item carries the date evidence its container gives (``meta["date"]`` and
``meta["date_source"]``: feed, warc), the date in its file or folder name, the row of a sidecar metadata file
(``--metadata``) and the run's default date (``--date``); ``to_article`` adds the document's own (HTML
metadata, a JSONL field, a dateline) and keeps the strongest (``pubdate.PRECEDENCE``), recording which in
``Article.date_source``. ``run_options(metadata=..., date=...)`` sets the sidecar file and the default for
every ``iter_items`` call inside it (how ``eventwire ingest`` passes them through ``corpus.ingest``).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from contextlib import contextmanager

from .. import errors
from ..model import Article
from . import pubdate
from .pubdate import normalise_date
from .language import check_english
from .metadata import Metadata
from .text import _DATE, article_from_text, decode

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
FEED_SUFFIXES = {".rss", ".atom", ".xml", ".feed"}
WARC_SUFFIXES = {".warc", ".arc"}

# JSONL field names, most specific first: the first present and non-empty wins.
TEXT_FIELDS = ("text", "body", "content", "article", "maintext", "story")
HTML_FIELDS = ("html", "raw_html")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("date", "published", "publish_date", "date_publish", "pubdate", "datetime", "timestamp")
URL_FIELDS = ("url", "link", "uri")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site", "sitename", "source_domain", "domain")


@dataclass
class Item:
    """One article still to be read: plain data, so it can be pickled to a process or a Ray actor."""

    source: str
    kind: str  # text, html, record (a JSON object), entry (a feed entry), error
    payload: Any
    meta: dict = field(default_factory=dict)  # title, date, url, outlet known from the container

    def to_dict(self) -> dict:
        return {"source": self.source, "kind": self.kind, "payload": self.payload, "meta": self.meta}

    @classmethod
    def from_dict(cls, d: dict) -> "Item":
        return cls(d["source"], d["kind"], d["payload"], dict(d.get("meta") or {}))


def _error_item(source: str, err: errors.EventwireError) -> Item:
    return Item(source, "error", {"code": err.code, "class": type(err).__name__, "message": err.args[0]})


# -- walking the inputs ----------------------------------------------------------------------------------


def iter_files(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> Iterator[Path]:
    """Every file under the given paths, folders walked recursively in name order; hidden files and the
    ``exclude`` files (the store being written, say) skipped."""
    skip = {Path(x).resolve() for x in exclude}
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not any(part.startswith(".") for part in rel.parts) and f.resolve() not in skip:
                    yield f
        elif p.resolve() not in skip:
            yield p


def file_format(path: Path) -> tuple[str, bool]:
    """(format, gzipped) from the file name: text, html, jsonl, feed, warc or unknown."""
    name = path.name.lower()
    gz = name.endswith(".gz")
    if gz:
        name = name[:-3]
    suffix = Path(name).suffix
    if suffix in WARC_SUFFIXES:
        return "warc", gz
    for fmt, suffixes in (("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("feed", FEED_SUFFIXES),
                          ("text", TEXT_SUFFIXES)):
        if suffix in suffixes:
            return fmt, gz
    return "unknown", gz


def _read_bytes(path: Path, gz: bool) -> bytes:
    if not path.exists():
        raise errors.NotFound(f"no such file or folder: {path}")
    data = path.read_bytes()
    if gz:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as err:
            raise errors.BadRecord(f"{path} is not a readable gzip file ({err})") from None
    return data


_RUN: dict = {"metadata": None, "date": None}


@contextmanager
def run_options(metadata: str | Path | Metadata | None = None, date: str | None = None):
    """Within the block, ``iter_items`` uses this sidecar metadata file and this default publication date
    unless given its own. Raises an InputError for a missing or unreadable file or a bad date."""
    saved = dict(_RUN)
    if date is not None:
        date = normalise_date(date)
        if date is None:
            raise errors.InputError("--date must be a date such as 2016-09-16")
    if metadata is not None and not isinstance(metadata, Metadata):
        metadata = Metadata.load(metadata)
    _RUN.update(metadata=metadata, date=date)
    try:
        yield _RUN
    finally:
        _RUN.clear()
        _RUN.update(saved)


def iter_items(paths: Iterable[str | Path], exclude: Iterable[str | Path] = (), *,
               metadata: Metadata | None = None, default_date: str | None = None) -> Iterator[Item]:
    """One Item per article in the given files and folders, in a stable order, each with its date evidence
    (see the module docstring)."""
    metadata = metadata if metadata is not None else _RUN["metadata"]
    default_date = default_date or _RUN["date"]
    for item in _iter_raw_items(paths, exclude):
        if item.kind == "error":
            yield item
            continue
        name = pubdate.name_date(item.source)
        if name:
            item.meta["name_date"] = name
        if default_date:
            item.meta["default_date"] = default_date
        if metadata is not None:
            rid = item.payload.get("id") if item.kind == "record" and isinstance(item.payload, dict) else None
            row = metadata.lookup(item.source, None if rid is None else str(rid))
            if row:
                item.meta["sidecar"] = row
        yield item


def _iter_raw_items(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> Iterator[Item]:
    for path in iter_files(paths, exclude):
        source = str(path)
        fmt, gz = file_format(path)
        try:
            if fmt == "warc":
                yield from _warc_items(path)
                continue
            data = _read_bytes(path, gz)
            if fmt == "unknown":
                fmt = _sniff(data)
            if fmt == "text":
                text = decode(data, source)
                kind = "html" if _looks_html(text) else "text"
                yield Item(source, kind, text)
            elif fmt == "html":
                yield Item(source, "html", data.decode("utf-8", errors="replace"))
            elif fmt == "jsonl":
                yield from _jsonl_items(source, decode(data, source))
            elif fmt == "feed":
                yield from _feed_items(source, data)
            else:
                raise errors.InputError(f"{source}: unsupported file type (expected text, HTML, JSONL, an RSS/Atom "
                                        "feed or a WARC archive, optionally gzipped)")
        except errors.EventwireError as err:
            yield _error_item(source, err)
        except OSError as err:  # unreadable (no permission, removed since the walk, an I/O error): this file only
            yield _error_item(source, errors.FileAccess.of(err))


def count_items(paths: Iterable[str | Path], exclude: Iterable[str | Path] = ()) -> int:
    """How many Items ``iter_items`` will yield (reads the files, skips the costly parts where it can)."""
    n = 0
    for path in iter_files(paths, exclude):
        fmt, gz = file_format(path)
        try:
            if fmt == "jsonl":
                data = _read_bytes(path, gz)
                stripped = data.lstrip()
                if stripped.startswith(b"["):
                    n += sum(1 for _ in _jsonl_items(str(path), decode(data, str(path))))
                else:
                    n += sum(1 for line in data.splitlines() if line.strip())
            elif fmt in ("warc", "feed"):
                n += sum(1 for _ in iter_items([path]))
            else:
                n += 1
        except (errors.EventwireError, OSError):
            n += 1
    return n


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"{", b"[")):
        return "jsonl"
    if head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head):
        return "feed"
    if head.startswith(b"warc/"):
        return "warc"
    if b"\x00" in data[:8192]:
        return "text"  # decode() reports the binary file
    return "text"


def _looks_html(text: str) -> bool:
    from .text import _HTML, _TAGS

    head = text[:2000]
    return bool(_HTML.search(head)) or len(_TAGS.findall(head)) >= 5


# -- JSONL ----------------------------------------------------------------------------------------------


def _jsonl_items(source: str, text: str) -> Iterator[Item]:
    if text.lstrip().startswith("["):
        try:
            records = json.loads(text)
        except json.JSONDecodeError as err:
            yield _error_item(source, errors.BadRecord(f"{source}: not valid JSON ({err.msg} at line {err.lineno})"))
            return
        for i, rec in enumerate(records if isinstance(records, list) else [records], 1):
            yield Item(f"{source}#{i}", "record", rec)
        return
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{source}#L{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            yield _error_item(where, errors.BadRecord(f"{where}: not a JSON object ({err.msg})"))
            continue
        yield Item(where, "record", rec)


def _first(rec: dict, names: tuple[str, ...]):
    for name in names:
        value = rec.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, dict):  # {"source": {"name": "Reuters"}}
            inner = value.get("name") or value.get("title")
            if isinstance(inner, str) and inner.strip():
                return inner.strip()
        if isinstance(value, (int, float)) and name in ("timestamp",):
            return value
    return None


# -- feeds ----------------------------------------------------------------------------------------------


def _feed_items(source: str, data: bytes) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.bozo:
            raise errors.BadRecord(f"{source}: not a readable RSS/Atom feed ({feed.get('bozo_exception')})")
        raise errors.EmptyInput(f"{source}: the feed has no entries")
    outlet = (feed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(feed.entries, 1):
        html = ""
        if entry.get("content"):
            html = max((c.get("value") or "" for c in entry.content), key=len)
        if len(entry.get("summary") or "") > len(html):
            html = entry.get("summary") or ""
        date = normalise_date(entry.get("published_parsed") or entry.get("updated_parsed")
                              or entry.get("published") or entry.get("updated"))
        meta = {"title": (entry.get("title") or "").strip() or None, "date": date, "date_source": "feed",
                "url": entry.get("link"), "outlet": outlet}
        yield Item(f"{source}#entry{i}", "entry", html, meta)


_BLOCK = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr|section|article)\b[^>]*>", re.I)


def fragment_text(html: str) -> str:
    """The text of an HTML fragment (a feed entry), one paragraph per block element."""
    import lxml.html

    if not html.strip():
        return ""
    marked = _BLOCK.sub("\n\n", html)
    try:
        text = lxml.html.fragment_fromstring(marked, create_parent="div").text_content()
    except Exception:  # lxml raises several types on broken markup; fall back to stripping tags
        text = re.sub(r"<[^>]+>", " ", marked)
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paras if p)


# -- WARC -----------------------------------------------------------------------------------------------


def _warc_items(path: Path) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if not path.exists():
        raise errors.NotFound(f"no such file or folder: {path}")
    with path.open("rb") as fh:
        head = fh.read(2)
        fh.seek(0)
        try:
            start = gzip.GzipFile(fileobj=fh).read(11) if head == b"\x1f\x8b" else fh.read(11)
        except (OSError, EOFError, zlib.error):
            start = b""
        fh.seek(0)
        if not start.startswith((b"WARC/", b"filedesc://")):
            raise errors.BadRecord(f"{path} is not a WARC archive (it does not start with a WARC record)")
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type not in ("response", "resource"):
                    continue
                ctype = ""
                if record.http_headers is not None:
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                ctype = ctype.lower()
                if ctype and not any(t in ctype for t in ("html", "text/plain", "xhtml")):
                    continue
                rid = record.rec_headers.get_header("WARC-Record-ID") or ""
                url = record.rec_headers.get_header("WARC-Target-URI")
                date = normalise_date(record.rec_headers.get_header("WARC-Date"))
                body = record.content_stream().read()
                missing = getattr(record.raw_stream, "limit", 0)
                if missing > 0:  # the archive ends inside this record (a download or copy cut short)
                    yield _error_item(f"{path}#{rid}", errors.BadRecord(
                        f"{path}#{rid}: truncated WARC record ({missing} of its {record.length} bytes missing); "
                        "skipped"))
                    continue
                charset = re.search(r"charset=([\w-]+)", ctype)
                try:
                    text = body.decode(charset[1] if charset else "utf-8", errors="replace")
                except LookupError:
                    text = body.decode("utf-8", errors="replace")
                kind = "text" if "text/plain" in ctype else "html"
                yield Item(f"{path}#{rid}", kind, text, {"url": url, "date": date, "date_source": "warc"})
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as err:
            raise errors.BadRecord(f"{path} is not a readable WARC archive ({str(err).splitlines()[0]})") from None


# -- Item to Article (runs in the worker) ----------------------------------------------------------------


def to_article(item: Item | dict, *, max_chars: int = 500_000, english_only: bool = True) -> Article:
    """The checked Article for one Item; raises an ``EventwireError`` for a bad one."""
    if isinstance(item, dict):
        item = Item.from_dict(item)
    src = item.source
    sidecar = item.meta.get("sidecar") or {}
    meta = {**item.meta, **{k: v for k, v in sidecar.items() if k != "date"}}  # the sidecar's title/url/outlet win
    if item.kind == "error":
        cls = getattr(errors, item.payload.get("class", ""), errors.InputError)
        raise cls(item.payload["message"])
    own = None  # the date the document gives itself, and its kind
    if item.kind == "text":
        article = article_from_text(item.payload, max_chars=max_chars, name=src, source=src,
                                    title=meta.get("title"), url=meta.get("url"), outlet=meta.get("outlet"))
    elif item.kind == "html":
        article = article_from_text(item.payload, html=True, max_chars=max_chars, name=src, source=src,
                                    url=meta.get("url"), outlet=meta.get("outlet"), title=meta.get("title"))
        own = ("html", article.date)
    elif item.kind == "entry":
        body = fragment_text(item.payload)
        title = meta.get("title")
        text = f"{title}\n\n{body}" if title and body and not body.startswith(title) else (body or "")
        article = article_from_text(text, max_chars=max_chars, name=src, source=src, title=title,
                                    url=meta.get("url"), outlet=meta.get("outlet"))
    elif item.kind == "record":
        article = _record_article(item.payload, src, max_chars)
        own = ("record", article.date)
        for name in ("title", "url", "outlet"):
            if sidecar.get(name):
                setattr(article, name, sidecar[name])
    else:
        raise errors.InputError(f"{src}: unknown item kind {item.kind!r}")
    candidates = {"metadata": _date(sidecar), "filename": item.meta.get("name_date"),
                  "default": item.meta.get("default_date")}
    if item.meta.get("date_source"):
        candidates[item.meta["date_source"]] = _date(item.meta)
    if own:
        candidates[own[0]] = own[1]
    if not any(candidates.get(k) for k in pubdate.PRECEDENCE[:pubdate.PRECEDENCE.index("dateline")]):
        reference = candidates.get("warc") or candidates.get("default")
        skip = len(article.title) if article.title and article.text.startswith(article.title) else 0
        candidates["dateline"] = pubdate.dateline_date(article.text, reference, skip=skip)
    article.date, article.date_source = pubdate.choose(candidates)
    if english_only:
        check_english(article.text, name=src)
    return article


def _date(meta: dict) -> str | None:
    d = meta.get("date")
    return d if d and _DATE.match(d) else None


def _record_article(rec: Any, src: str, max_chars: int) -> Article:
    if not isinstance(rec, dict):
        raise errors.BadRecord(f"{src}: expected a JSON object with a 'text' field, got {type(rec).__name__}")
    title = _first(rec, TITLE_FIELDS)
    date = normalise_date(_first(rec, DATE_FIELDS))
    url = _first(rec, URL_FIELDS)
    outlet = _first(rec, OUTLET_FIELDS)
    text = _first(rec, TEXT_FIELDS)
    if text is None:
        html = _first(rec, HTML_FIELDS)
        if html is None:
            raise errors.BadRecord(f"{src}: no article text (none of the fields {', '.join(TEXT_FIELDS)})")
        article = article_from_text(html, html=True, max_chars=max_chars, name=src, source=src, url=url,
                                    outlet=outlet, title=title)
        article.date = date or article.date
        return article
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n\n{text}"
    return article_from_text(text, max_chars=max_chars, name=src, source=src, title=title, date=date, url=url,
                             outlet=outlet)


def read_articles(paths: Iterable[str | Path], **kwargs) -> Iterator[Article | errors.EventwireError]:
    """Articles (or the error for each bad one) from files and folders, in one process. For scripts."""
    for item in iter_items(paths):
        try:
            yield to_article(item, **kwargs)
        except errors.EventwireError as err:
            err.details.setdefault("source", item.source)
            yield err
