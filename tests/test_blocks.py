"""Long articles coded block by block within one time budget (``eventwire.blocks``): the blocks cover the text,
their records are put back together with offsets into the whole text, and when the budget runs out the blocks
already coded make the story instead of a failure. Texts are invented for these tests."""

import time

import pytest

from eventwire import Pipeline, blocks, registry
from eventwire.errors import ArticleTimeout
from eventwire.ingest import split_paragraphs
from eventwire.model import Actor, Article, Event, Paragraph, Place, Quote, Span, Story
from eventwire.pipeline import Failure
from eventwire.schema import validate

PARAGRAPH = ("Foreign Minister Lena Varga of Hungary met President Tomas Reed in Vienna on Monday. "
             "\"We will keep talking,\" Varga told reporters after the meeting.")


def _text(paragraphs: int) -> str:
    return "Talks In Vienna\n\n" + "\n\n".join(f"{PARAGRAPH} Round {i}." for i in range(paragraphs)) + "\n"


def test_bounds_cover_the_text_and_cut_where_paragraphs_begin():
    text = _text(40)
    paras = split_paragraphs(text)
    cuts = blocks.bounds(text, paras, size=1000)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    assert all(e - s <= 1000 for s, e in cuts)
    starts = {p.span.start for p in paras}
    assert all(s in starts for s, _ in cuts[1:])
    assert len(cuts) > 5


def test_a_paragraph_longer_than_a_block_is_cut_at_a_line_break_else_a_space():
    table = "\n".join(f"Team {i} won {i} games" for i in range(200))  # one paragraph of short lines
    cuts = blocks.bounds(table, [], size=500)
    assert all(e - s <= 500 for s, e in cuts) and cuts[-1][1] == len(table)
    assert all(table[s - 1] == "\n" for s, _ in cuts[1:])
    words = " ".join(["word"] * 400)
    cuts = blocks.bounds(words, [], size=300)
    assert all(words[s - 1] == " " for s, _ in cuts[1:])
    run = "x" * 1000
    assert blocks.bounds(run, [], size=300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_a_text_within_one_block_is_one_piece():
    assert blocks.bounds("Short text.", [], size=100) == [(0, 11)]


def _part(text: str, name: str, where: str) -> Story:
    """A hand-made coded block: a person, a place, a quote by the person and an event citing the quote."""
    i, j = text.index(name), text.index(where)
    person = Actor(id="a1", name=name, kind="person", kb_id=None, mentions=[Span.of(text, i, i + len(name))])
    org = Actor(id="a2", name="Foreign Ministry", kind="organization", kb_id="org:fm")
    person.affiliation = "a2"
    place = Place(id="p1", name=where, geonameid=7, mentions=[Span.of(text, j, j + len(where))])
    cue = text.index("said")
    quote = Quote(id="q1", kind="indirect", cue=Span.of(text, cue, cue + 4), content=[Span.of(text, 0, i)],
                  speaker="a1", speaker_members=["a1"], speaker_affiliation={"organization": "a2"})
    event = Event(id="e1", type="CONSULT", evidence=Span.of(text, 0, len(text)), source=["a1"], target=["a2"],
                  place="p1", quote="q1", trigger=Span.of(text, cue, cue + 4),
                  attrs={"date_span": {"start": 0, "end": 3}, "reported_by": "a1",
                         "source_spans": [{"start": i, "end": i + len(name), "text": name}]})
    story = Story(article=Article(text=text), actors=[org, person], places=[place], quotes=[quote],
                  events=[event], sentences=[Span.of(text, 0, len(text))])
    story.ext["actors.pronouns"][(i, i + len(name))] = ["a1"]
    return story


def test_merge_shifts_offsets_joins_entities_and_renumbers_ids():
    one = "Talks went on, Ann Lee said in Oslo.\n\n"
    two = "More talks, Bo Kim said in Oslo."
    text = one + two
    story = Story(article=Article(text=text), paragraphs=[Paragraph(Span.of(text, 0, len(one) - 2)),
                                                        Paragraph(Span.of(text, len(one), len(text)))])
    merged = blocks.merge(story, [(0, _part(one, "Ann Lee", "Oslo")), (len(one), _part(two, "Bo Kim", "Oslo"))])
    validate(merged.to_dict())  # every span's text is the whole text at its offsets
    assert [a.name for a in merged.actors] == ["Foreign Ministry", "Ann Lee", "Bo Kim"]  # one ministry (same kb)
    assert [a.id for a in merged.actors] == ["a1", "a2", "a3"]
    assert merged.actors[2].affiliation == "a1" and merged.actors[1].affiliation == "a1"
    assert len(merged.places) == 1 and len(merged.places[0].mentions) == 2  # one Oslo (same gazetteer entry)
    assert [q.id for q in merged.quotes] == ["q1", "q2"] and merged.quotes[1].speaker == "a3"
    assert merged.quotes[1].speaker_members == ["a3"] and merged.quotes[1].speaker_affiliation == {"organization": "a1"}
    e = merged.events[1]
    assert (e.id, e.source, e.target, e.place, e.quote) == ("e2", ["a3"], ["a1"], "p1", "q2")
    assert e.attrs["date_span"] == {"start": len(one), "end": len(one) + 3} and e.attrs["reported_by"] == "a3"
    assert text[e.attrs["source_spans"][0]["start"]:e.attrs["source_spans"][0]["end"]] == "Bo Kim"
    assert merged.actor_at(text.index("Bo Kim"), text.index("Bo Kim") + 2).id == "a3"
    assert merged.actors_at(text.index("Bo Kim"), text.index("Bo Kim") + 6)[0].id == "a3"
    assert len(merged.sentences) == 2 and merged.coverage is None


def test_merge_keeps_generic_groups_of_two_countries_apart():
    text = "Officials met. Officials left."
    parts = []
    for offset, country in ((0, "FRA"), (15, "DEU")):
        part_text = text[offset:offset + 15]
        officials = Actor(id="a1", name="officials", kind="group", country=country, sector="GOV", generic=True,
                          mentions=[Span.of(part_text, 0, 9)])
        parts.append((offset, Story(article=Article(text=part_text), actors=[officials])))
    parts.append((15, Story(article=Article(text=text[15:]), actors=[
        Actor(id="a1", name="officials", kind="group", country="FRA", sector="GOV", generic=True,
              mentions=[Span.of(text[15:], 0, 9)])])))
    merged = blocks.merge(Story(article=Article(text=text)), parts)
    assert [(a.country, len(a.mentions)) for a in merged.actors] == [("FRA", 2), ("DEU", 1)]


@pytest.mark.model
def test_a_long_article_is_coded_in_blocks_with_offsets_into_the_whole(monkeypatch, pipeline):
    text = _text(30)
    monkeypatch.setattr(blocks, "LONG_ARTICLE", 2000)
    monkeypatch.setattr(blocks, "BLOCK", 1500)
    story = pipeline.code(text, date="2024-03-04")
    assert len(blocks.bounds(text, story.paragraphs)) >= 3
    assert story.coverage is None and "coverage" not in story.to_dict()
    validate(story.to_dict())
    assert story.doc is not None and story.doc.text == text
    varga = [a for a in story.actors if a.name.endswith("Varga")]
    assert len(varga) == 1  # named in every block, one actor
    assert varga[0].mentions[-1].start > len(text) - 1500  # with mentions in the last block
    assert len({q.id for q in story.quotes}) == len(story.quotes) >= 25
    assert all(q.speaker == varga[0].id for q in story.quotes)
    assert story.sentences[-1].end > len(text) - 20


@pytest.mark.model
def test_an_article_up_to_the_threshold_is_coded_whole(monkeypatch, pipeline):
    text = _text(30)
    calls = []
    monkeypatch.setattr(blocks, "merge", lambda *a: calls.append(a))
    story = pipeline.code(text)
    assert not calls and story.coverage is None and story.quotes


SLOW_S = 3.0


@registry.stage("test.slow_late_blocks.v1", requires=["doc"], assigns=[])
def make_slow(nlp, config):
    """Takes ``SLOW_S`` seconds on any block but the first (an article's first block holds its headline)."""

    def slow(story):
        if not story.article.text.startswith("Talks In Vienna"):
            time.sleep(SLOW_S)
        return story

    return slow


@pytest.mark.model
def test_when_the_budget_runs_out_the_blocks_coded_make_the_story(monkeypatch):
    monkeypatch.setattr(blocks, "LONG_ARTICLE", 2000)
    monkeypatch.setattr(blocks, "BLOCK", 1500)
    nlp = Pipeline(stages=["actors.rules.v1", "quotes.rules.v1", "test.slow_late_blocks.v1"],
                   article_timeout=1.5)
    text = _text(30)
    t = time.perf_counter()
    story = nlp.code(text)
    assert time.perf_counter() - t < 3
    assert 0 < story.coverage < len(text) and story.to_dict()["coverage"] == story.coverage
    validate(story.to_dict())
    assert story.quotes and all(q.cue.end <= story.coverage for q in story.quotes)
    assert story.doc is None
    from eventwire.render import story_tables

    assert f"first {story.coverage:,} of {len(text):,} characters" in story_tables(story)


@pytest.mark.model
def test_a_first_block_over_the_budget_fails_the_article(monkeypatch):
    monkeypatch.setattr(blocks, "LONG_ARTICLE", 2000)
    monkeypatch.setattr(blocks, "BLOCK", 1500)
    nlp = Pipeline(stages=["test.slow_late_blocks.v1"], article_timeout=0.5)
    text = "Other headline\n\n" + _text(30)  # the first block is slow too
    with pytest.raises(ArticleTimeout):
        nlp.code(text)
    results = list(nlp.code_many([text, "Talks In Vienna\n\nA short one. The minister spoke."]))
    assert isinstance(results[0], Failure) and results[0].error.code == "E120"
    assert not isinstance(results[1], Failure)


def test_the_settings_help_names_the_threshold():
    from eventwire.settings import SETTINGS

    help_text = next(s.help for s in SETTINGS if s.name == "article_timeout")
    assert f"{blocks.LONG_ARTICLE:,} characters" in help_text
