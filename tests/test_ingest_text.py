"""One article from text: input checks, paragraphs, headline."""

import pytest

from eventwire import errors
from eventwire.ingest import article_from_text, split_paragraphs


def test_ingest_text_headline_is_title():
    a = article_from_text("Talks Collapse in Geneva\n\nThe talks collapsed on Monday, officials said.")
    assert a.title == "Talks Collapse in Geneva"


def test_ingest_text_no_headline_when_first_line_is_a_sentence():
    a = article_from_text("The talks collapsed on Monday, officials said.\n\nBoth sides blamed each other.")
    assert a.title is None


def test_ingest_text_paragraph_kinds():
    text = "Headline Here\n\nThe minister spoke.\n\nA Sub Heading\n\nMore text here.\n\nClick Here for more news."
    kinds = [p.kind for p in split_paragraphs(text)]
    assert kinds == ["headline", "body", "heading", "body", "boilerplate"]


def test_ingest_text_paragraph_spans_match_text():
    text = "  First para.\n\n\nSecond para.  \n \nThird."
    for p in split_paragraphs(text):
        assert text[p.span.start:p.span.end] == p.span.text
    assert [p.span.text for p in split_paragraphs(text)] == ["First para.", "Second para.", "Third."]


def test_ingest_text_single_newlines_split_when_no_blank_lines():
    assert len(split_paragraphs("One line.\nTwo line.\nThree line.")) == 3


@pytest.mark.parametrize("text,error", [
    ("", errors.EmptyInput),
    ("  \n\t", errors.EmptyInput),
    ("abc\x00def", errors.BinaryInput),
    ("<html><body><p>x</p></body></html>", errors.HtmlInput),
])
def test_ingest_text_rejects(text, error):
    with pytest.raises(error):
        article_from_text(text)


def test_ingest_text_too_large():
    with pytest.raises(errors.TooLarge):
        article_from_text("word " * 1000, max_chars=100)


def test_ingest_text_id_is_content_hash():
    assert article_from_text("Same text.").id == article_from_text("Same text.").id
    assert article_from_text("Same text.").id != article_from_text("Other text.").id
