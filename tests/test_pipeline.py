"""Article in, story out: sentences within paragraphs, grounded spans, a valid story."""

import pytest

from eventwire import Pipeline, errors
from eventwire.model import Story
from eventwire.registry import StageInfo, check_order
from eventwire.schema import validate

pytestmark = pytest.mark.model


def test_pipeline_sentences_never_cross_paragraphs(pipeline):
    text = "Talks Resume\n\nThe minister arrived in Paris\n\nThe talks began on Monday. They ended on Tuesday."
    story = pipeline.code(text)
    for s in story.sentences:
        assert "\n\n" not in s.text
    assert [s.text for s in story.sentences][-2:] == ["The talks began on Monday.", "They ended on Tuesday."]


def test_pipeline_every_span_matches_text(pipeline):
    text = open("samples/border-clash.txt", encoding="utf-8").read()
    story = pipeline.code(text, date="2024-05-06")
    validate(story.to_dict())
    for span in story.spans():
        assert text[span.start:span.end] == span.text


def test_pipeline_code_many_skips_bad_article_and_keeps_order(pipeline):
    from eventwire import Failure

    results = list(pipeline.code_many(["Police arrested ten people in Lagos.", "", "The army shelled Homs."]))
    assert isinstance(results[0], Story) and isinstance(results[1], Failure) and isinstance(results[2], Story)
    assert "empty" in results[1].reason


def test_pipeline_unknown_setting_is_error():
    with pytest.raises(errors.ConfigError, match="unknown setting"):
        Pipeline(colour="blue")


def test_pipeline_unknown_stage_lists_known():
    with pytest.raises(errors.ConfigError, match="registered stages"):
        Pipeline(stages=["nope.v1"])


def test_pipeline_stage_order_checked():
    a = StageInfo("b.v1", lambda n, c: None, requires=("events",), assigns=("places",))
    with pytest.raises(errors.ConfigError, match="'b.v1' reads events, which stage 'events.rules.v1' assigns"):
        check_order([a])


def test_pipeline_story_extension_must_be_registered(pipeline):
    story = pipeline.code("The minister met the ambassador.")
    with pytest.raises(errors.ConfigError, match="set_extension"):
        story.ext["nobody.registered.this"]
    Story.set_extension("test.counter", default=int)
    story.ext["test.counter"] += 1
    assert story.ext["test.counter"] == 1


def test_pipeline_karzai_foundation(karzai):
    d = karzai.to_dict()
    validate(d)
    persons = {a["name"] for a in d["actors"] if a["kind"] == "person"}
    for name in ("Hamid Karzai", "Mullah Omar", "Sean McCormack"):
        assert name in persons
    quote = next(q for q in d["quotes"] if q["content"][0]["text"].startswith("This is something that President Karzai"))
    assert karzai.actor(quote["speaker"]).name == "Sean McCormack"
    assert "Quetta" in {p["name"] for p in d["places"]}
    assert d["article"]["title"] == "US Downplays Karzai Offer to Omar"


def test_pipeline_warm_loads_stage_data_and_keeps_coding(pipeline):
    assert pipeline.warm() is pipeline
    story = pipeline.code("Police arrested ten protesters in Lagos on Monday.", date="2024-03-05")
    assert any(p.name == "Lagos" for p in story.places)


def test_story_sentence_and_paragraph_lookups_match_a_scan():
    """``Story.sentence_at`` and ``paragraph_at`` search the start offsets; they find what a scan from the
    first finds, for every offset, also after the list is replaced and where spans overlap or are out of order."""
    from eventwire.model import Article, Paragraph, Span, Story

    text = "One two. Three four five.\n\nSix seven. Eight.\nNine ten eleven."
    story = Story(article=Article(text=text))

    def scan(items, offset, span_of):
        return next((x for x in items if span_of(x).start <= offset < span_of(x).end), None)

    def check():
        for offset in range(-1, len(text) + 2):
            assert story.sentence_at(offset) is scan(story.sentences, offset, lambda s: s)
            assert story.paragraph_at(offset) is scan(story.paragraphs, offset, lambda p: p.span)

    story.sentences = [Span.of(text, 0, 8), Span.of(text, 9, 25), Span.of(text, 27, 37), Span.of(text, 38, 44)]
    story.paragraphs = [Paragraph(Span.of(text, 0, 25)), Paragraph(Span.of(text, 27, 44), "heading"),
                        Paragraph(Span.of(text, 45, len(text)))]
    check()
    story.sentences = story.sentences + [Span.of(text, 45, len(text))]  # replaced: the new last one is found
    assert story.sentence_at(50).start == 45
    check()
    story.sentences.append(Span.of(text, 3, 30))  # grown in place, overlapping: the first that holds it wins
    story.paragraphs = [Paragraph(Span.of(text, 27, 44)), Paragraph(Span.of(text, 0, 30))]  # out of order
    check()
    assert story.sentence_at(26).start == 3 and story.paragraph_at(28).span.start == 27
