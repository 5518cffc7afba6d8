"""A sidecar metadata file (``eventwire ingest --metadata FILE``): date, title, url and outlet per article.

The file is CSV, TSV (the delimiter is sniffed) or JSONL, one row per article. A row names its article by a
path or an id column and may give any of date, title, url and outlet; the column names below are accepted,
the first present wins. A row matches an article whose source is that path (as given, or relative to the
metadata file's folder), whose file name or file name without its suffix is that value (PolNeAR's
``filename`` column), or, for a JSONL record, whose ``id`` field is that value.

    path,date,title,url,outlet
    texts/nyt_story.txt,2016-09-16,Clinton Leads in Poll,https://example.org/a,New York Times
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import errors

KEY_FIELDS = ("path", "file", "filename", "file_name", "id", "doc_id", "article_id")
DATE_FIELDS = ("date", "publication_date", "pub_date", "published", "publish_date", "date_publish", "pubdate",
               "datetime", "timestamp")
TITLE_FIELDS = ("title", "headline")
URL_FIELDS = ("url", "link", "uri")
OUTLET_FIELDS = ("outlet", "publisher", "publication", "site", "sitename", "source_name", "domain")


def _pick(row: dict, names) -> str | None:
    lowered = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
    for name in names:
        value = lowered.get(name)
        if value is None:
            continue
        value = str(value).strip()
        if value and value.lower() not in ("none", "null", "nan", "-"):
            return value
    return None


@dataclass
class Metadata:
    """The rows of one sidecar file, indexed by every key an article may be matched on."""

    path: Path
    rows: list[dict] = field(default_factory=list)
    by_key: dict[str, int] = field(default_factory=dict)
    matched: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, path: str | Path) -> "Metadata":
        from .pubdate import normalise_date

        path = Path(path)
        if not path.is_file():
            raise errors.NotFound(f"no metadata file at {path}")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise errors.EncodingError(f"the metadata file {path} is not valid UTF-8") from None
        raw = _json_rows(path, text) if text.lstrip().startswith(("{", "[")) else _table_rows(path, text)
        meta = cls(path)
        for n, row in enumerate(raw):
            key = _pick(row, KEY_FIELDS)
            if key is None:
                raise errors.BadRecord(f"{path}: row {n + 1} names no article (give one of the columns "
                                       f"{', '.join(KEY_FIELDS[:3])} or id)")
            date_text = _pick(row, DATE_FIELDS)
            date = normalise_date(date_text) if date_text else None
            if date_text and date is None:
                raise errors.BadRecord(f"{path}: row {n + 1} has a date that cannot be read: {date_text!r}")
            entry = {"date": date, "title": _pick(row, TITLE_FIELDS), "url": _pick(row, URL_FIELDS),
                     "outlet": _pick(row, OUTLET_FIELDS)}
            meta.rows.append({k: v for k, v in entry.items() if v})
            for k in _keys(key, path.parent):
                meta.by_key.setdefault(k, n)
        return meta

    def lookup(self, source: str, record_id: str | None = None) -> dict:
        """The metadata row of an article (its source path, optionally a JSONL record id), or {}."""
        path = source.split("#", 1)[0]
        p = Path(path)
        keys = [source, path, str(p.resolve()), p.name, p.stem]
        if p.name.endswith(".gz"):
            keys.append(Path(p.stem).stem)
        if record_id is not None:
            keys.insert(0, f"id:{record_id}")
        for k in keys:
            n = self.by_key.get(k)
            if n is not None:
                self.matched.add(n)
                return dict(self.rows[n])
        return {}


def _keys(value: str, base: Path) -> list[str]:
    keys = [value, f"id:{value}"]
    p = Path(value)
    try:
        if not p.is_absolute():
            keys.append(str((base / p).resolve()))
        keys.append(str(p.resolve()))
    except (ValueError, OSError):  # not a path this system can hold (a NUL byte, a name too long): an id only
        return keys
    if len(p.parts) == 1:
        keys.append(p.stem)
    return keys


def _json_rows(path: Path, text: str) -> list[dict]:
    try:
        if text.lstrip().startswith("["):
            rows = json.loads(text)
        else:
            rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    except json.JSONDecodeError as err:
        raise errors.BadRecord(f"{path}: not valid JSON or JSONL ({err.msg} at line {err.lineno})") from None
    if not all(isinstance(r, dict) for r in rows):
        raise errors.BadRecord(f"{path}: every metadata record must be a JSON object")
    return rows


def _table_rows(path: Path, text: str) -> list[dict]:
    head = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(head.split("\n", 1)[0] + "\n", delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel_tab if "\t" in head else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    if not reader.fieldnames:
        raise errors.EmptyInput(f"the metadata file {path} is empty")
    return list(reader)
