"""The places stage's shortcuts change nothing it finds (issue 14: the stage's speed)."""

import pytest

from eventwire.places import gazetteer, index, resolve


TEXT = ("Flooding closed roads between Bristol and Somerset on Monday. In Bath, the river rose overnight, and "
        "residents of Wells and Taunton were told to stay at home. Springfield and Portland sent crews.")


@pytest.mark.model
def test_places_memo_of_contexts_gives_the_same_readings(pipeline):
    story = pipeline.code(TEXT, date="2020-03-02")
    gaz = index.load()
    mentions = gazetteer.geoparse(story, gaz)
    live = [m for m in mentions if m.candidates]
    plain = resolve.resolve(live, story.text, others=mentions)
    entries = [m.entry for m in live]
    memo: dict = {}
    assert resolve.resolve(live, story.text, others=mentions, memo=memo) == plain
    assert memo and [m.entry for m in live] == entries
    # a second pass in the same readings scores nothing anew and gives the same total
    assert resolve.resolve(live, story.text, others=mentions, memo=memo) == plain
    assert [m.entry for m in live] == entries


@pytest.mark.model
def test_places_dateline_after_a_byline_is_still_found(pipeline):
    story = pipeline.code("By Jane Doe. BOSTON (Reuters) - The mayor will present a new plan for local shops.",
                          date="2020-03-02")
    found = {m.span.text: m for m in gazetteer.geoparse(story, index.load()) if m.entry is not None}
    assert found["BOSTON"].entry.country == "USA"
