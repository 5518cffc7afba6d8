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


def test_quotes_a_second_piece_after_a_participle_of_the_cue_is_the_same_quotation(pipeline):
    story = pipeline.code('The senators questioned the banker on Tuesday.\n\n'
                          '"Every time you say that," Senator Ruth Tamsin said, referring to the excuse, "you give '
                          'ammunition to the people who want to break up the banks."')
    q = _with(story, "Every time you say that")
    assert [c.text for c in q.content] == ["Every time you say that,", "you give ammunition to the people who "
                                           "want to break up the banks."]


def test_quotes_as_someone_put_it_in_a_medium(pipeline):
    story = pipeline.code('The plant will close next year.\n\n'
                          'As Mayor Lena Brandt put it in a memo to staff, "We are done with this project and we '
                          'will move on."')
    q = _with(story, "We are done with this project")
    assert _name(story, q) == "Lena Brandt"


def test_quotes_the_object_of_led_to_speaks():
    from eventwire.nlp import load
    from eventwire.quotes.speakers import subject_of

    doc = load()("The scandal has led the columnist Mara Quill to predict a long winter for the party.")
    predict = next(t for t in doc if t.lower_ == "predict")
    assert subject_of(predict).text == "columnist"


def test_quotes_a_participle_under_it_was_speaks_for_the_reporting_verb():
    from eventwire.nlp import load
    from eventwire.quotes.speakers import subject_of

    doc = load()('In an interview, Tolliver insisted it was "too early" to back the plan while adding, "We will '
                 'see what happens next year."')
    adding = next(t for t in doc if t.lower_ == "adding")
    assert subject_of(adding).text == "Tolliver"


def test_quotes_going_on_and_starting_frame_a_quotation(pipeline):
    story = pipeline.code('The interview ran on Tuesday night.\n\n'
                          '"And it worries me because it would end every kind of care we know," she went on.\n\n'
                          'The host turned to the next topic.\n\n'
                          '"The paper is claiming today that you met the builders in January," Quaid started.')
    assert _with(story, "it worries me").cue.text == "went"
    q = _with(story, "The paper is claiming")
    assert q.cue.text == "started" and "Quaid" in q.speaker_text


def test_quotes_a_quoted_transcript_answer_runs_on_until_the_next_speaker(pipeline):
    story = pipeline.code('Sunday interview\n\n'
                          'The host asked the governor about the debate.\n\n'
                          '"HOST: Do you really see those two as equal?\n\n'
                          '"GOVERNOR: Well, look, the man has been saying tough things about my running mate.\n\n'
                          '"But the truth is that my running mate talks straight to people. And I think that is '
                          'fine.\n\n'
                          '"HOST: We have to leave it there.\n\n'
                          'The interview ended.')
    q = _with(story, "Well, look")
    assert len(q.content) == 2 and "the truth is" in q.content[1].text
    assert len(_with(story, "Do you really see").content) == 1


@pytest.mark.parametrize("on", [True, False])
def test_quotes_a_participle_set_off_at_the_end_speaks_for_the_sentence_subject(monkeypatch, on):
    # the parser hangs "saying" on "keep", inside the clause Roe argued: the toll says nothing
    from eventwire.nlp import load
    from eventwire.quotes import speakers

    monkeypatch.setattr(speakers, "OUTER_PARTICIPLE", on)
    doc = load()("Mayor Jane Roe argued that the new toll would keep drivers away from the city, saying the "
                 "council had ignored commuters.")
    saying = next(t for t in doc if t.lower_ == "saying")
    assert saying.head.lower_ == "keep"
    assert (speakers.subject_of(saying).text == "Roe") is on
