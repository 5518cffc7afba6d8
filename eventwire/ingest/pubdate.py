"""Publication dates from the evidence an article comes with: its file or folder name, its dateline, a run default.

Each reader states what it knows (a feed's date, a JSONL field, the HTML page's metadata, a sidecar
metadata row); this module adds the evidence that is in every input whatever its format, and decides:

- ``name_date(path)``: an ISO date in the file name (``nyt_2016-09-16_x.txt``, ``20160916-x.html``) or in
  the folders above it (``2016-09-16/x.txt``, ``2016/09/16/x.txt``), nearest first;
- ``dateline_date(text, reference)``: the date of a wire dateline at the top of the body ("NEW DELHI, Nov.
  17 (Reuters) -", "KABUL, Afghanistan, Nov. 17, 2008 --"). A dateline without a year takes the year that
  puts it nearest the reference date (the run's ``--date`` or a crawl date), no more than 300 days before it
  and 60 after it; with no reference, a yearless dateline gives no date rather than a guessed year;
- ``choose(candidates)``: the first available candidate in the order of ``PRECEDENCE``, and its source.

Where a date came from is stored with the article (``articles.date_source``) under the names of
``PRECEDENCE``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

# Strongest evidence first: what the user states about the article (a sidecar metadata row), then what the
# document says about itself (HTML metadata, a JSONL field, a feed entry), then its file name, its dateline,
# the crawl date of a web archive, and last the run's default.
PRECEDENCE = ("metadata", "html", "record", "feed", "filename", "dateline", "warc", "default")

_YEARS = range(1900, 2101)
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_PATH_DATE = re.compile(r"(?:^|/)((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?:/|$)")

_MONTHS: dict[str, int] = {}
for _n in range(1, 13):
    _MONTHS[calendar.month_name[_n].lower()] = _n
    _MONTHS[calendar.month_abbr[_n].lower()] = _n
_MONTHS["sept"] = 9
_MONTH = r"(?P<{}>(?i:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r"))\.?"

# The place of a dateline: a capitalised name ("NEW DELHI", "Kabul", "ST. PETERSBURG, Russia"), up to three
# comma-separated parts, then the date, an optional agency in brackets, and a dash or colon.
_PLACE = r"[A-Z][A-Za-z'.\-]*(?:\s+[A-Z][A-Za-z'.\-]*){0,3}"
_AGENCY = r"(?:\s*\((?P<agency>[^)\n]{1,40})\))?"
_DASH = r"\s*(?:--|[-\u2013\u2014:])"
_DATELINE = [
    re.compile(rf"^\s*{_PLACE}(?:,\s*{_PLACE}){{0,2}},\s*{_MONTH.format('m')}\s+(?P<d>\d{{1,2}})"
               rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?{_AGENCY}{_DASH}"),
    re.compile(rf"^\s*{_PLACE}(?:,\s*{_PLACE}){{0,2}},\s*(?P<d>\d{{1,2}})\s+{_MONTH.format('m')}"
               rf"(?:,?\s+(?P<y>(?:19|20)\d\d))?{_AGENCY}{_DASH}"),
]
_BEFORE_DAYS, _AFTER_DAYS = 300, 60  # how far a yearless dateline may lie before / after its reference


def _date(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat() if y in _YEARS else None
    except ValueError:
        return None


def name_date(path: str | Path) -> str | None:
    """The ISO date in the file name, else in the nearest folder name that has one; None when none has."""
    p = Path(str(path).split("#", 1)[0])
    parts = [p.name, *(q.name for q in p.parents if q.name)]
    for part in parts:
        for m in _NAME_DATE.finditer(part):
            got = _date(int(m[1]), int(m[3]), int(m[4]))
            if got:
                return got
    m = _PATH_DATE.search(p.parent.as_posix())
    if m:
        return _date(int(m[1]), int(m[2]), int(m[3]))
    return None


def _year_near(month: int, day: int, reference: str) -> str | None:
    ref = dt.date.fromisoformat(reference)
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        got = _date(year, month, day)
        if got is None:
            continue
        delta = (dt.date.fromisoformat(got) - ref).days
        if -_BEFORE_DAYS <= delta <= _AFTER_DAYS and (best is None or abs(delta) < abs(best[0])):
            best = (delta, got)
    return best[1] if best else None


def dateline(text: str, *, skip: int = 0) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a dateline opening one of the first paragraphs after ``skip`` chars."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", text[skip:skip + 3000]) if p.strip()]
    for para in paragraphs[:4]:
        for pattern in _DATELINE:
            m = pattern.match(para)
            if m:
                return _MONTHS[m["m"].lower()], int(m["d"]), int(m["y"]) if m["y"] else None
    return None


def dateline_date(text: str, reference: str | None = None, *, skip: int = 0) -> str | None:
    """The date of the article's dateline (see the module docstring), or None."""
    found = dateline(text, skip=skip)
    if not found:
        return None
    month, day, year = found
    if year is not None:
        return _date(year, month, day)
    return _year_near(month, day, reference) if reference else None


def choose(candidates: dict[str, str | None]) -> tuple[str | None, str | None]:
    """(date, source) of the strongest candidate that has a date, by ``PRECEDENCE``; (None, None) if none."""
    for source in PRECEDENCE:
        value = candidates.get(source)
        if value:
            return value, source
    return None, None


def normalise_date(value) -> str | None:
    """A publication date as YYYY-MM-DD from an ISO string, an RFC 822 date, a Unix time or a feed's
    time tuple; None when it cannot be read."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        try:
            return dt.datetime.fromtimestamp(float(value), dt.timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if hasattr(value, "tm_year"):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    s = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(s, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None
