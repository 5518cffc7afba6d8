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


def test_ingest_text_markup_alone_on_its_line_is_boilerplate_but_a_sentence_with_a_tag_is_not():
    text = ('The mayor posted a picture.\n\n<tweet tweet-id="12345"><tweet/>.\n\n<div class="video"></div>\n\n'
            "The <b>mayor</b> said the vote was fair.")
    kinds = [p.kind for p in split_paragraphs(text)]
    assert kinds == ["body", "boilerplate", "boilerplate", "body"]


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


@pytest.mark.parametrize("text,says", [
    ('<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>Strike</title></item>', "RSS/Atom feed"),
    ('<?xml version="1.0" encoding="utf-8"?>\n<!-- made by hand -->\n<feed xmlns="http://www.w3.org/2005/Atom">',
     "RSS/Atom feed"),
    ("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 12\r\n\r\nHTTP/1.1 200", "WARC archive"),
])
def test_ingest_text_feed_or_archive_is_not_one_article(text, says):
    """A feed or a WARC archive given as one article was coded as text, markup and headers included."""
    with pytest.raises(errors.InputError, match=says):
        article_from_text(text)


@pytest.mark.parametrize("text", ["WARC files hold web crawls, the archivist said on Monday.",
                                  "<?xml is how an XML file starts, she wrote. Feeds are XML."])
def test_ingest_text_prose_about_feeds_is_an_article(text):
    assert article_from_text(text).text == text


def test_ingest_text_utf16_is_an_encoding_error():
    from eventwire.ingest.text import decode

    for data in ("Strikers marched on Monday.".encode("utf-16"), "Strikers marched.".encode("utf-16-be")):
        if not data.startswith(b"\xfe\xff") and data[:2] != b"\xff\xfe":
            data = b"\xfe\xff" + data
        with pytest.raises(errors.EncodingError, match="UTF-16"):
            decode(data, "a.txt")


def test_ingest_text_too_large():
    with pytest.raises(errors.TooLarge):
        article_from_text("word " * 1000, max_chars=100)


def test_ingest_text_id_is_content_hash():
    assert article_from_text("Same text.").id == article_from_text("Same text.").id
    assert article_from_text("Same text.").id != article_from_text("Other text.").id
