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


def _long_story(pipeline, n: int):
    """An invented article naming ``n`` towns of 30,000 and more, one sentence each."""
    import random

    gaz = index.load()
    towns = sorted({e.name for e in gaz.entries if e.feature == "city" and e.population > 30_000 and e.name.isalpha()})
    random.Random(3).shuffle(towns)
    text = " ".join(f"Officials in {t} said the storm had closed {i % 7 + 2} schools on Monday."
                    for i, t in enumerate(towns[:n]))
    return pipeline.code(text, date="2020-03-02"), gaz


@pytest.mark.model
def test_places_context_of_each_name_is_that_of_the_other_names(pipeline):
    from eventwire.places.context import NameContexts, build_context

    story = pipeline.code(TEXT + " Bristol council met in Bath. Somerset police and Springfield police agreed.",
                          date="2020-03-02")
    mentions = gazetteer.geoparse(story, index.load())
    keyed = [(m, index.fold(m.span.text)) for m in mentions]
    for confident_only in (False, True):
        tally = NameContexts(keyed, confident_only=confident_only)
        for key in {k for _, k in keyed}:
            want = build_context([m for m, k in keyed if k != key], confident_only=confident_only)
            got = tally(key)
            assert (got.countries, got.admins, got.focus, got.admin_focus) == (
                want.countries, want.admins, want.focus, want.admin_focus)
            assert dict(got.counties) == want.counties and sorted(got.local) == sorted(want.local)


@pytest.mark.model
def test_places_long_article_resolves_in_linear_time(pipeline):
    import time

    story, gaz = _long_story(pipeline, 600)
    t = time.perf_counter()
    mentions = gazetteer.geoparse(story, gaz)
    assert len(mentions) > 550
    assert time.perf_counter() - t < 12.0  # each name's context built from all the others: about 25 s
