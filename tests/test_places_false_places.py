"""False places: people, organisations and streets that share a place's name (issue 14)."""

import pytest

from eventwire.places import gazetteer, index


def _mentions(pipeline, text):
    story = pipeline.code(text, date="2020-03-02")
    return {m.span.text: m for m in gazetteer.geoparse(story, index.load()) if m.entry is not None}


@pytest.mark.model
def test_places_a_small_division_named_like_a_person_is_no_place_alone(pipeline):
    # Smith's and Paget are parishes of Bermuda, Michael a sheading of Man: here they are people
    found = _mentions(pipeline, "The mayor of Toronto met officials in Ottawa on Monday. Smith's comments angered "
                                "residents. Michael said fares would fall, and Paget told the meeting he agreed.")
    assert {"Toronto", "Ottawa"} <= set(found)
    assert not {"Smith", "Michael", "Paget"} & set(found)


@pytest.mark.model
def test_places_a_small_division_is_a_place_by_its_company(pipeline):
    found = _mentions(pipeline, "Heavy rain in Nelson and Tasman closed roads, the New Zealand Transport Agency "
                                "said.")
    assert found["Nelson"].entry.country == "NZL"
