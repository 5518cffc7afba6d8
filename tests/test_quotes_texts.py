"""Direct quotations from texts and in awkward layouts: "the letter read", a statement someone released
"saying" words, a quote inside the quote that ends it, a closing mark with no space after it, a quotation signed
in the paragraph under it, and a quotation left open at a paragraph's end whose next paragraph has a speaker of
its own.

The sentences are written for these tests.
"""

import pytest

pytestmark = pytest.mark.model


def _direct(story):
    return [q for q in story.quotes if q.kind == "direct"]


def _name(story, quote):
    actor = story.actor(quote.speaker)
    return actor.name if actor else None


def _with(story, words):
    found = [q for q in _direct(story) if any(words in c.text for c in q.content)]
    assert found, f"no direct quote holds {words!r}: {[[c.text for c in q.content] for q in story.quotes]}"
    return found[0]


def test_quotes_a_text_that_reads_its_words(pipeline):
    story = pipeline.code('The county board met on Monday.\n\n'
                          '"Nobody was hurt when the old mill burned down last night," the notice read.\n\n'
                          '"The road stays closed until the inspectors have looked at the bridge," it reads.')
    q = _with(story, "Nobody was hurt")
    assert q.speaker_span is not None and "notice" in q.speaker_span.text
    q = _with(story, "The road stays closed")
    assert q.speaker_span is not None and q.speaker_span.text == "it"


def test_quotes_read_before_its_text_names_the_text_after_it(pipeline):
    story = pipeline.code('The county board met on Monday.\n\n'
                          '"We thank every volunteer who carried sandbags through the night," read the statement, '
                          'which the mayor signed.')
    q = _with(story, "We thank every volunteer")
    assert "statement" in q.speaker_span.text


def test_quotes_someone_who_released_a_statement_saying_speaks(pipeline):
    story = pipeline.code('Senator Maria Ortega chairs the farm committee.\n\n'
                          'On Tuesday she released a statement saying, "The subsidies will go to the small farms '
                          'first."')
    q = _with(story, "The subsidies will go")
    assert _name(story, q) == "Maria Ortega"


def test_quotes_a_quote_inside_the_quote_that_ends_it(pipeline):
    story = pipeline.code('The council voted late on Thursday.\n\n'
                          '"The mayor told us that \'the budget is closed for this year,\'" the article read.\n\n'
                          '"They want to stop the new library," Fenwick said "Ultimately the vote tells families, '
                          '\'You have to wait.\'"')
    assert _with(story, "The mayor told us")
    q = _with(story, "They want to stop")
    assert any("Ultimately the vote" in c.text for c in q.content)


def test_quotes_a_closing_mark_with_no_space_after_it():
    from eventwire.quotes.marks import find_regions

    text = "“We kept the school open all winter,”Hale said. “It was hard.”"
    regions = find_regions(text, [(0, len(text))])
    assert [text[r.start:r.end] for r in regions] == ["We kept the school open all winter,", "It was hard."]


def test_quotes_signed_in_the_paragraph_under_the_quotation(pipeline):
    story = pipeline.code('Claims from the debate\n\n'
                          'Here are some of the claims we checked.\n\n'
                          '"Almost every new job in the state went to the three largest cities last year."\n\n'
                          '- Oliver Grant.\n\n'
                          'The figure is out of date.')
    q = _with(story, "Almost every new job")
    assert "Oliver Grant" in (q.speaker_text or "")


def test_quotes_an_unclosed_quotation_before_a_paragraph_with_its_own_speaker(pipeline):
    story = pipeline.code('The senators met in Ohio.\n\n'
                          '"Larsen says what people want to hear," Pike said. "But a president cannot say anything '
                          'he likes. It has consequences.\n\n'
                          '"I am not interested in being polite. I am interested in being right," Larsen said.')
    q = _with(story, "But a president cannot")
    assert "Pike" in q.speaker_text
    assert not any("being polite" in c.text for c in q.content)
    q = _with(story, "being polite")
    assert "Larsen" in q.speaker_text
