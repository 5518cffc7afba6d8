"""Dates: relative expressions resolved against the publication date, attached to the event's clause."""

from datetime import date

import pytest

from eventwire.dates import rules
from eventwire.dates.resolve import resolve
from eventwire.model import Event, Span

PUB = date(2008, 11, 17)  # a Monday


@pytest.mark.parametrize("expr,tense,want,precision", [
    ("today", "past", "2008-11-17", "day"),
    ("yesterday", "past", "2008-11-16", "day"),
    ("last Tuesday", "past", "2008-11-11", "day"),
    ("on Tuesday", "past", "2008-11-11", "day"),
    ("on Tuesday", "future", "2008-11-18", "day"),
    ("on Monday", "past", "2008-11-17", "day"),
    ("over the weekend", "past", "2008-11-15", "week"),
    ("last week", "past", "2008-11-10", "week"),
    ("next month", "future", "2008-12-01", "month"),
    ("in March", "past", "2008-03-01", "month"),
    ("in December", "past", "2007-12-01", "month"),
    ("in 2001", "past", "2001-01-01", "year"),
    ("three days ago", "past", "2008-11-14", "day"),
    ("Nov. 3, 2008", "past", "2008-11-03", "day"),
])
def test_dates_resolve_relative_expressions(expr, tense, want, precision):
    when = resolve(expr, PUB, tense=tense)
    assert (when.date, when.precision) == (want, precision)


def test_dates_historical_reference_event_gives_a_bound_not_a_year():
    when = resolve("in the years prior to the 9-11 attacks", PUB)
    assert when.historical and when.date is None and when.precision is None
    assert when.before == "2001-09-11"


def test_dates_unknown_expression_is_none():
    assert resolve("at some point", PUB) is None


def _dated(pipeline, text, trigger, date_="2008-11-17"):
    story = pipeline.code(text, date=date_)
    start = text.index(trigger)
    sent = story.sentence_at(start)
    story.events = [Event("e1", "OTHER", evidence=sent, trigger=Span.of(text, start, start + len(trigger)))]
    return rules.make_dates(None, {})(story).events[0]


@pytest.mark.model
def test_dates_event_takes_expression_of_its_clause(pipeline):
    event = _dated(pipeline, "The two ministers met in Geneva last Tuesday to discuss the border.", "met")
    assert (event.date, event.date_precision) == ("2008-11-11", "day")
    assert event.attrs["date_source"] == "text" and event.attrs["date_text"].endswith("Tuesday")


@pytest.mark.model
def test_dates_reporting_date_does_not_date_reported_event(pipeline):
    event = _dated(pipeline, "The spokesman said today that the rebels attacked the convoy.", "attacked")
    assert event.attrs["date_source"] == "publication" and event.date == "2008-11-17"


@pytest.mark.model
def test_dates_falls_back_to_publication_date(pipeline):
    event = _dated(pipeline, "The rebels attacked the convoy near the border.", "attacked")
    assert (event.date, event.date_precision) == ("2008-11-17", "day")
    assert event.attrs["date_source"] == "publication"


@pytest.mark.model
@pytest.mark.shared
def test_dates_karzai_historical_sheltering(pipeline, karzai_text):
    event = _dated(pipeline, karzai_text, "sheltering")
    assert event.attrs.get("historical") is True
    assert event.date is None and event.date_precision is None
    assert event.attrs["date_before"] == "2001-09-11"


@pytest.mark.model
def test_dates_future_clause_takes_next_weekday(pipeline):
    event = _dated(pipeline, "The envoys will meet in Doha on Friday to resume the talks.", "meet")
    assert (event.date, event.date_precision) == ("2008-11-21", "day")


def test_dates_bad_publication_date_gives_no_date():
    from eventwire.model import Article, Story

    story = Story(Article(text="Rebels attacked the convoy.", date="7:58 AM ET"))
    story.events = [Event("e1", "ASSAULT", evidence=Span.of(story.text, 0, 27))]
    rules.make_dates(None, {})(story)
    assert story.events[0].date is None and story.events[0].date_precision is None
