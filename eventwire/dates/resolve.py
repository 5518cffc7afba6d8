"""Time expressions resolved against the publication date, with their precision.

    resolve("last Tuesday", date(2008, 11, 17))          -> When("2008-11-11", "day")
    resolve("over the weekend", date(2008, 11, 17))      -> When("2008-11-15", "week")   # the Saturday
    resolve("in the years prior to the 9-11 attacks", ...) -> When(None, None, historical=True, before="2001-09-11")

Rules cover the relative expressions news uses ("today", "yesterday", weekdays, "last week", "next
month", "in March", "in 2001", "three days ago", "over the weekend", "in the years before ..."); anything
else with a day or month name goes to ``dateparser``, which handles absolute dates ("Nov. 3, 2008",
"3 November") but returns nothing for "weekend" or "in the years prior to". A weekend is dated by its
Saturday with precision ``week``; a week by its Monday; a month by its first day; a year by 1 January. "The
years before X" names no year: it gives no date, only the bound ``before`` (X's date, when X is a reference
event in ``dates/reference_events.tsv``).

``tense`` is "past" or "future" (from the clause's verb): "on Tuesday" in a past-tense clause is the most
recent Tuesday on or before the publication date, in a future-tense one the next Tuesday.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..data import data_path, read_lines
from ..errors import DataFileError

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})
WEEKDAYS.update({"tues": 1, "wed": 2, "thur": 3, "thurs": 3})
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3, "few": 3,
           "a couple of": 2, "couple of": 2}
HISTORICAL = re.compile(r"\b(years|decades|months|centuries|era|days|time|period)\b.*\b(prior to|before|preceding|leading up to)\b\s+(?P<ref>.+)", re.IGNORECASE)
HISTORICAL_BARE = re.compile(r"\b(decades ago|centuries ago|in the past|historically|long ago|in years past|many years ago)\b", re.IGNORECASE)


@dataclass(frozen=True)
class When:
    date: str | None  # ISO YYYY-MM-DD: the first day of the period
    precision: str | None  # day, week, month, year
    historical: bool = False
    before: str | None = None  # ISO date the period ends before: "in the years prior to the 9-11 attacks"


def _iso(d: date) -> str:
    return d.isoformat()


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, 1)


@lru_cache(maxsize=1)
def reference_events() -> list[tuple[re.Pattern, date]]:
    out = []
    for n, line in read_lines("dates/reference_events.tsv"):
        parts = line.split("\t")
        try:
            out.append((re.compile(parts[0], re.IGNORECASE), date.fromisoformat(parts[1].strip())))
        except (IndexError, ValueError, re.error) as err:
            raise DataFileError(data_path("dates/reference_events.tsv"), n, f"expected pattern<TAB>YYYY-MM-DD ({err})")
    return out


def _reference_date(text: str) -> date | None:
    year = re.search(r"\b(1[5-9]\d\d|20\d\d)\b", text)
    for pattern, when in reference_events():
        if pattern.search(text):
            return when
    if year:
        return date(int(year.group(1)), 1, 1)
    return None


def _number(word: str) -> int | None:
    word = word.lower().strip()
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def resolve(expr: str, pub: date, *, tense: str = "past") -> When | None:
    """The date and precision a time expression names, relative to the publication date ``pub``."""
    text = " ".join(expr.replace("’", "'").split())
    low = text.lower().strip(" ,.")
    ahead = bool(re.match(r"in (\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) \w+$", low))
    low = re.sub(r"^(on|in|at|during|over|since|by|from|until|as of|earlier|later)\s+(?=\w)", lambda m: m.group(0) if m.group(1) in ("earlier", "later") else "", low)
    future = tense == "future"

    # historical: "in the years prior to the 9-11 attacks", "decades ago"
    m = HISTORICAL.search(low)
    if m:
        ref = _reference_date(m.group("ref"))
        # "the years before X" says how it ends, not when it was: no date, the bound kept
        return When(None, None, historical=True, before=_iso(ref) if ref is not None else None)
    if HISTORICAL_BARE.search(low):
        return When(None, None, historical=True)

    if re.fullmatch(r"(today|this (morning|afternoon|evening)|tonight|now|earlier today|later today)", low):
        return When(_iso(pub), "day")
    if re.fullmatch(r"(yesterday|last night|yesterday (morning|afternoon|evening))", low):
        return When(_iso(pub - timedelta(days=1)), "day")
    if re.fullmatch(r"(the )?day before yesterday", low):
        return When(_iso(pub - timedelta(days=2)), "day")
    if re.fullmatch(r"(tomorrow|tomorrow (morning|afternoon|evening|night))", low):
        return When(_iso(pub + timedelta(days=1)), "day")

    # weekends
    m = re.fullmatch(r"(?:(the|this|last|next|past|coming) )?weekend", low)
    if m:
        which = m.group(1) or ""
        if which == "next" or (which in ("this", "coming", "the") and future):
            sat = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        else:
            sat = pub - timedelta(days=(pub.weekday() - 5) % 7 or (0 if pub.weekday() == 5 else 7))
            if pub.weekday() == 6:
                sat = pub - timedelta(days=1)
        return When(_iso(sat), "week")

    # weekdays: "Tuesday", "last Tuesday", "next Friday", "Tuesday night"
    m = re.fullmatch(r"(?:(last|this|next|this past|past|coming) )?(\w+?)\.?(?: (morning|afternoon|evening|night))?", low)
    if m and m.group(2) in WEEKDAYS:
        target, which = WEEKDAYS[m.group(2)], m.group(1) or ""
        if which == "next" or (which in ("", "this", "coming") and future):
            return When(_iso(pub + timedelta(days=(target - pub.weekday()) % 7 or 7)), "day")
        back = (pub.weekday() - target) % 7
        if which in ("last", "past", "this past") and back == 0:
            back = 7
        return When(_iso(pub - timedelta(days=back)), "day")

    # weeks, months, years relative to now
    m = re.fullmatch(r"(?:(earlier|later|late|early) )?(?:(last|this|next|past|previous|the past|the previous|coming|the coming) )(week|month|year)", low)
    if m:
        which, unit = m.group(2).replace("the ", ""), m.group(3)
        step = -1 if which in ("last", "past", "previous") else (1 if which in ("next", "coming") else 0)
        if unit == "week":
            return When(_iso(_monday(pub) + timedelta(weeks=step)), "week")
        if unit == "month":
            return When(_iso(_add_months(pub, step)), "month")
        return When(_iso(date(pub.year + step, 1, 1)), "year")

    # "three days ago", "two weeks ago", "a month ago", "in two weeks"
    m = re.fullmatch(r"(?:(in) )?(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|a couple of|couple of) (day|week|month|year)s?(?: (ago|earlier|from now|later|before))?", low)
    if m and (ahead or m.group(1) or m.group(4)):
        n = _number(m.group(2)) or 1
        unit = m.group(3)
        sign = 1 if (ahead or m.group(1) or m.group(4) in ("from now", "later")) else -1
        if unit == "day":
            return When(_iso(pub + timedelta(days=sign * n)), "day")
        if unit == "week":
            return When(_iso(_monday(pub + timedelta(weeks=sign * n))), "week")
        if unit == "month":
            return When(_iso(_add_months(pub, sign * n)), "month")
        return When(_iso(date(pub.year + sign * n, 1, 1)), "year")

    # years and decades: "2001", "the 1990s", "fiscal 2001"
    m = re.fullmatch(r"(?:the |fiscal |early |late |mid-?)?(1[5-9]\d\d|20\d\d)(s)?", low)
    if m:
        return When(_iso(date(int(m.group(1)), 1, 1)), "year", historical=bool(m.group(2)))

    # months: "March", "last March", "March 2001", "early March"
    m = re.fullmatch(r"(?:(last|this|next|early|late|mid-?|earlier in|later in) )?(\w+?)\.?(?:,? (1[5-9]\d\d|20\d\d))?", low)
    if m and m.group(2) in MONTHS:
        month = MONTHS[m.group(2)]
        if m.group(3):
            return When(_iso(date(int(m.group(3)), month, 1)), "month")
        which = m.group(1) or ""
        if which == "this":
            year = pub.year
        elif which == "next" or (future and which != "last"):
            year = pub.year if month > pub.month else pub.year + 1
        elif which == "last":
            year = pub.year if month < pub.month else pub.year - 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        return When(_iso(date(year, month, 1)), "month")

    # absolute dates: leave them to dateparser ("Nov. 3, 2008", "3 November", "December 10")
    if re.search(r"\d", low) and (any(re.search(rf"\b{k}\b", low) for k in MONTHS) or re.search(r"\d{4}-\d\d-\d\d", low)):
        return _dateparser(text, pub, future)
    return None


def _dateparser(text: str, pub: date, future: bool) -> When | None:
    from datetime import datetime

    import dateparser

    settings = {"RELATIVE_BASE": datetime(pub.year, pub.month, pub.day),
                "PREFER_DATES_FROM": "future" if future else "past", "RETURN_TIME_AS_PERIOD": True}
    try:
        hit = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, TypeError, OverflowError, re.error):  # odd input: an unparsed expression is no date
        return None
    if hit is None:
        return None
    period = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(text).period
    precision = {"day": "day", "week": "week", "month": "month", "year": "year", "time": "day"}.get(period, "day")
    d = hit.date()
    if precision == "month":
        d = d.replace(day=1)
    elif precision == "year":
        d = date(d.year, 1, 1)
    return When(_iso(d), precision)
