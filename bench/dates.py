"""Relative date expressions resolved against a publication date, with precision.

    python -m bench.dates              # writes bench/results/dates.json

The cases below were written for eventwire (expression, publication date, tense of the clause, expected
date and precision). Two figures per system: the date right, and date and precision both right. dateparser
alone (``PREFER_DATES_FROM=past``, its own period as precision) is scored side by side as the baseline.
"""

from __future__ import annotations

import argparse
import time
from datetime import date, datetime

from bench.common import write_result

# expression, publication date, tense, expected date (None: no date, e.g. "decades ago"), precision
CASES = [
    ("today", "2008-11-17", "past", "2008-11-17", "day"),
    ("yesterday", "2008-11-17", "past", "2008-11-16", "day"),
    ("last night", "2015-03-04", "past", "2015-03-03", "day"),
    ("tomorrow", "2015-03-04", "future", "2015-03-05", "day"),
    ("on Tuesday", "2008-11-17", "past", "2008-11-11", "day"),
    ("last Tuesday", "2008-11-17", "past", "2008-11-11", "day"),
    ("on Monday", "2008-11-17", "past", "2008-11-17", "day"),
    ("last Monday", "2008-11-17", "past", "2008-11-10", "day"),
    ("on Friday", "2019-06-05", "future", "2019-06-07", "day"),
    ("next Friday", "2019-06-05", "future", "2019-06-07", "day"),
    ("Thursday night", "2019-06-08", "past", "2019-06-06", "day"),
    ("on Sunday", "2021-01-10", "past", "2021-01-10", "day"),
    ("over the weekend", "2008-11-17", "past", "2008-11-15", "week"),
    ("this weekend", "2020-02-12", "future", "2020-02-15", "week"),
    ("last weekend", "2020-02-12", "past", "2020-02-08", "week"),
    ("over the weekend", "2020-02-16", "past", "2020-02-15", "week"),
    ("last week", "2008-11-17", "past", "2008-11-10", "week"),
    ("this week", "2012-09-13", "past", "2012-09-10", "week"),
    ("next week", "2012-09-13", "future", "2012-09-17", "week"),
    ("earlier this week", "2012-09-13", "past", "2012-09-10", "week"),
    ("two weeks ago", "2012-09-13", "past", "2012-08-27", "week"),
    ("next month", "2008-11-17", "future", "2008-12-01", "month"),
    ("last month", "2008-01-09", "past", "2007-12-01", "month"),
    ("earlier this month", "2016-05-20", "past", "2016-05-01", "month"),
    ("in March", "2008-11-17", "past", "2008-03-01", "month"),
    ("in March", "2008-11-17", "future", "2009-03-01", "month"),
    ("in December", "2008-11-17", "past", "2007-12-01", "month"),
    ("last March", "2010-06-01", "past", "2010-03-01", "month"),
    ("in March 2001", "2010-06-01", "past", "2001-03-01", "month"),
    ("in 2001", "2008-11-17", "past", "2001-01-01", "year"),
    ("last year", "2008-11-17", "past", "2007-01-01", "year"),
    ("next year", "2008-11-17", "future", "2009-01-01", "year"),
    ("this year", "2014-07-30", "past", "2014-01-01", "year"),
    ("three years ago", "2014-07-30", "past", "2011-01-01", "year"),
    ("in the 1990s", "2014-07-30", "past", "1990-01-01", "year"),
    ("two days ago", "2008-11-17", "past", "2008-11-15", "day"),
    ("five days ago", "2017-01-03", "past", "2016-12-29", "day"),
    ("in two weeks", "2017-01-03", "future", "2017-01-16", "week"),
    ("six months ago", "2017-01-03", "past", "2016-07-01", "month"),
    ("Dec. 10", "2016-12-19", "past", "2016-12-10", "day"),
    ("on Nov. 3, 2008", "2008-11-17", "past", "2008-11-03", "day"),
    ("on 3 November", "2008-11-17", "past", "2008-11-03", "day"),
    ("January 5", "2019-01-20", "past", "2019-01-05", "day"),
    ("in the years prior to the 9-11 attacks", "2008-11-17", "past", None, None),
    ("in the years before the 2003 invasion of Iraq", "2011-05-02", "past", None, None),
    ("decades ago", "2011-05-02", "past", None, None),
    ("this morning", "2011-05-02", "past", "2011-05-02", "day"),
    ("the day before yesterday", "2011-05-02", "past", "2011-04-30", "day"),
]


def dateparser_baseline(expr: str, pub: date):
    import dateparser

    base = datetime(pub.year, pub.month, pub.day)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
    data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(expr)
    if data.date_obj is None:
        return None, None
    prec = {"time": "day"}.get(data.period, data.period)
    d = data.date_obj.date()
    if prec == "month":
        d = d.replace(day=1)
    elif prec == "year":
        d = date(d.year, 1, 1)
    elif prec == "week":
        d = d.fromordinal(d.toordinal() - d.weekday())
    return d.isoformat(), prec


def main(argv=None):
    from eventwire.dates.resolve import resolve

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print every case")
    args = ap.parse_args(argv)
    t0 = time.time()
    ours = {"date": 0, "both": 0}
    base = {"date": 0, "both": 0}
    rows = []
    for expr, pub, tense, want, prec in CASES:
        p = date.fromisoformat(pub)
        w = resolve(expr, p, tense=tense)
        got = (w.date, w.precision) if w else (None, None)
        bl = dateparser_baseline(expr, p)
        for tally, (d, pr) in ((ours, got), (base, bl)):
            tally["date"] += d == want
            tally["both"] += d == want and pr == prec
        rows.append({"expression": expr, "published": pub, "tense": tense, "expected": [want, prec],
                     "eventwire": list(got), "dateparser": list(bl)})
        if args.show:
            print(f"{expr:45s} {pub} {tense:6s} want {want} {prec}  got {got[0]} {got[1]}  dateparser {bl}")
    n = len(CASES)
    summary = {
        "cases": n,
        "date_accuracy": round(ours["date"] / n, 3),
        "date_and_precision_accuracy": round(ours["both"] / n, 3),
        "dateparser_date_accuracy": round(base["date"] / n, 3),
        "dateparser_date_and_precision_accuracy": round(base["both"] / n, 3),
    }
    write_result("dates", {"command": "python -m bench.dates", "seconds": round(time.time() - t0, 2),
                           "summary": summary, "cases": rows})
    print(summary)


if __name__ == "__main__":
    main()
