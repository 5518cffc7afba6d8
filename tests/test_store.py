"""The DuckDB store: rows per table, content-hash idempotence, failures, queries, read-only access."""

import pytest

from eventwire.errors import StoreError
from eventwire.ingest import split_paragraphs
from eventwire.model import Actor, Article, Event, Place, Quote, Span, Story
from eventwire.store import Store

TEXT = ("Ministers Meet in Oslo\n\n"
        "OSLO - Norway's foreign minister Kari Berg met the Kenyan delegation on Monday and agreed to fund a "
        "water project. \"We will pay for it,\" Berg said.")


def make_story(text=TEXT, date="2025-02-03") -> Story:
    art = Article(text=text, title="Ministers Meet in Oslo", date=date, outlet="Fiction Wire")
    s = Story(article=art, paragraphs=split_paragraphs(text))

    def span(word):
        i = text.index(word)
        return Span.of(text, i, i + len(word))

    s.actors = [
        Actor("a1", "Kari Berg", "person", country="NOR", sector="GOV", role="foreign minister",
              mentions=[span("Kari Berg"), span("Berg said")]),
        Actor("a2", "Kenya", "country", country="KEN", sector="GOV", code="KENGOV", mentions=[span("Kenyan")]),
    ]
    s.places = [Place("p1", "Oslo", country="NOR", lat=59.91, lon=10.75, feature="city", mentions=[span("OSLO")])]
    s.quotes = [Quote("q1", "direct", cue=span("said"), content=[span("We will pay for it,")], speaker="a1")]
    s.events = [
        Event("e1", "CONSULT", evidence=span("Norway's foreign minister Kari Berg met the Kenyan delegation"),
              source=["a1"], target=["a2"], date=date, place="p1", cameo="040"),
        Event("e2", "AID", evidence=span("agreed to fund a water project"), mode="economic", source=["a1"],
              target=["a2"], date=date, quote=None),
    ]
    return s


@pytest.fixture()
def fresh_store(tmp_path):
    with Store(tmp_path / "t.duckdb") as store:
        yield store


def test_store_add_story_writes_every_table(fresh_store):
    assert fresh_store.add_story(make_story()) is True
    c = fresh_store.counts()
    assert (c["articles"], c["actors"], c["mentions"], c["events"], c["quotes"], c["places"]) == (1, 2, 3, 2, 1, 1)


def test_store_same_article_twice_adds_nothing(fresh_store):
    fresh_store.add_story(make_story())
    before = fresh_store.counts()
    assert fresh_store.add_story(make_story()) is False
    assert fresh_store.add_stories([make_story(), make_story()]) == 0
    assert fresh_store.counts() == before


def test_store_event_row_resolves_actor_names_and_place(fresh_store):
    fresh_store.add_story(make_story())
    (row,) = fresh_store.query_events(type="consult")
    assert row["source_names"] == "Kari Berg" and row["target_country"] == "KEN"
    assert row["place_name"] == "Oslo" and row["lat"] == pytest.approx(59.91)
    assert row["evidence_text"].startswith("Norway's foreign minister")


@pytest.mark.parametrize("filters,n", [
    ({"country": "ken"}, 2), ({"actor": "berg"}, 2), ({"actor": "KENGOV"}, 2), ({"type": "AID"}, 1),
    ({"date_from": "2025-02-04"}, 0), ({"date_to": "2025-02"}, 2), ({"place": "oslo"}, 1),
    ({"text": "water"}, 1), ({"country": "FRA"}, 0),
])
def test_store_query_events_filters(fresh_store, filters, n):
    fresh_store.add_story(make_story())
    assert len(fresh_store.query_events(**filters)) == n
    assert fresh_store.count_events(**filters) == n


def test_store_query_values_are_parameters_not_sql(fresh_store):
    fresh_store.add_story(make_story())
    assert fresh_store.query_events(actor="x' OR 1=1 --") == []


def test_store_get_story_returns_the_stored_json(fresh_store):
    story = make_story()
    fresh_store.add_story(story)
    assert fresh_store.get_story(story.article.id) == story.to_dict()
    assert fresh_store.get_story("nope") is None


def test_store_failure_recorded_once(fresh_store):
    assert fresh_store.add_failure("bad.txt", None, "E103", "binary") is True
    assert fresh_store.add_failure("bad.txt", None, "E103", "binary") is False
    assert fresh_store.sql("SELECT code, reason FROM failures") == [{"code": "E103", "reason": "binary"}]


def test_store_read_only_sees_rows_and_refuses_writes(tmp_path):
    path = tmp_path / "r.duckdb"
    with Store(path) as store:
        store.add_story(make_story())
    with Store(path, read_only=True) as ro:
        assert ro.counts()["events"] == 2
        with pytest.raises(StoreError):
            ro.add_story(make_story(TEXT + " More."))


def test_store_missing_file_read_only_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="eventwire ingest"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_store_migrations_recorded_once(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as store:
        assert store.migrate() == []
        names = [r["name"] for r in store.sql("SELECT name FROM migrations")]
    with Store(path) as store:
        assert [r["name"] for r in store.sql("SELECT name FROM migrations")] == names
