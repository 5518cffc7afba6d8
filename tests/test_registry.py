"""The stage registry: every stage's declared reads come from the parse or an earlier stage of the list."""

import pytest

from eventwire import Pipeline, registry, settings
from eventwire.errors import ConfigError
from eventwire.registry import PARSE_ASSIGNS, StageInfo, check_order


def _infos(names):
    return [registry.get(n) for n in names]


def test_registry_pipeline_without_quotes_names_both_stages():
    with pytest.raises(ConfigError) as err:
        Pipeline(stages=["actors.rules.v1", "events.rules.v1"])
    message = str(err.value)
    assert "'events.rules.v1' reads quotes" in message
    assert "'quotes.rules.v1'" in message and "not in the stages setting" in message


def test_registry_pipeline_with_quotes_after_events_names_both_stages():
    with pytest.raises(ConfigError, match="'events.rules.v1' reads quotes, which stage 'quotes.rules.v1' "
                                         "assigns, but 'quotes.rules.v1' comes after it"):
        Pipeline(stages=["actors.rules.v1", "events.rules.v1", "quotes.rules.v1"])


def test_registry_missing_stage_lists_every_read_it_would_give():
    with pytest.raises(ConfigError, match=r"reads actors, actors.pronouns, actors.conjuncts, which stage "
                                         r"'actors.rules.v1' assigns"):
        check_order(_infos(["quotes.rules.v1", "events.rules.v1"])[1:])


@pytest.mark.parametrize("name", ["places.gazetteer.v1", "dates.rules.v1"])
def test_registry_later_stages_need_events(name):
    with pytest.raises(ConfigError, match=f"'{name}' reads .*'events.rules.v1'"):
        check_order(_infos(["actors.rules.v1", name]))


def test_registry_places_reads_actors():
    assert "actors" in registry.get("places.gazetteer.v1").requires
    with pytest.raises(ConfigError, match="'places.gazetteer.v1' reads actors, which stage 'actors.rules.v1'"):
        check_order([StageInfo("fake.events.v1", lambda n, c: None, assigns=("events",)),
                     registry.get("places.gazetteer.v1")])


def test_registry_default_stages_hold():
    check_order(_infos(settings.DEFAULTS["stages"]))


def test_registry_read_nobody_assigns_is_refused():
    odd = StageInfo("odd.v1", lambda n, c: None, requires=("horoscope",))
    with pytest.raises(ConfigError, match="'odd.v1' reads horoscope, which neither the parse nor any registered"):
        check_order([odd])


def test_registry_parse_gives_doc_sentences_paragraphs():
    needs = StageInfo("reader.v1", lambda n, c: None, requires=PARSE_ASSIGNS)
    check_order([needs])
