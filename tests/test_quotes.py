"""Quotes: every quoting style, indirect and mixed speech, cues, speakers, media, and what is not a quote.

The sentences are written for these tests. Tests marked ``model`` code them with the session pipeline.
"""

import pytest

from eventwire.errors import DataFileError
from eventwire.quotes import lexicon
from eventwire.quotes.marks import find_regions


def _code(pipeline, text):
    return pipeline.code(text)


def _contents(quote):
    return [c.text for c in quote.content]


def _speaker_name(story, quote):
    actor = story.actor(quote.speaker)
    return actor.name if actor else None


def _only(story, kind=None):
    found = [q for q in story.quotes if kind is None or q.kind == kind]
    assert len(found) == 1, [(q.kind, q.cue.text, _contents(q)) for q in story.quotes]
    return found[0]


# -- quotation marks, no model ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, inner", [
    ('He said "we stay" today.', ["we stay"]),
    ("He said “we stay” today.", ["we stay"]),
    ("Il a dit «nous restons» hier.", ["nous restons"]),
    ("He said ''we stay'' today.", ["we stay"]),
    ("He said 'we stay' today.", ["we stay"]),
    ("The voters' anger and Trump's 'plan' grew.", ["plan"]),
    ('"They told us \'leave now\' and we left," she said.', ["They told us 'leave now' and we left,"]),
])
def test_quotes_marks_styles(text, inner):
    found = [text[r.start:r.end] for r in find_regions(text, [(0, len(text))])]
    assert found == inner


def test_quotes_marks_run_on_paragraphs():
    text = '"The first part goes on.\n\n"And the second part ends it," she said.'
    paras = [(0, 24), (26, len(text))]
    regions = find_regions(text, paras)
    assert regions[0].close is None and regions[0].next is regions[1] and regions[1].continues


def test_quotes_lexicon_malformed_line(monkeypatch):
    monkeypatch.setattr(lexicon, "read_lines", lambda name: iter([(3, "say")]))
    lexicon.cue_verbs.cache_clear()
    try:
        with pytest.raises(DataFileError, match="speech_verbs.txt:3"):
            lexicon.cue_verbs()
    finally:
        lexicon.cue_verbs.cache_clear()


# -- direct quotations ------------------------------------------------------------------------------------
@pytest.mark.model
@pytest.mark.parametrize("text, content", [
    ('"We will not reopen the border," said Defense Minister Omar Haddad.', "We will not reopen the border,"),
    ("Defense Minister Omar Haddad said: “The border stays closed until spring.”",
     "The border stays closed until spring."),
    ("'The border stays closed until spring,' Defense Minister Omar Haddad said.",
     "The border stays closed until spring,"),
    ("«The border stays closed until spring», said Defense Minister Omar Haddad.",
     "The border stays closed until spring"),
])
def test_quotes_direct_styles(pipeline, text, content):
    story = _code(pipeline, text)
    quote = _only(story, "direct")
    assert _contents(quote) == [content]
    assert quote.cue.text == "said"
    assert "Haddad" in (quote.speaker_text or "")


@pytest.mark.model
def test_quotes_split_quote_is_one_quote_with_two_pieces(pipeline):
    text = ('Farm leader Joan Miller spoke in Lyon on Monday.\n\n'
            '"We are safe," she said, "and we have no need for the new dam."')
    story = _code(pipeline, text)
    quote = _only(story, "direct")
    assert _contents(quote) == ["We are safe,", "and we have no need for the new dam."]
    assert quote.speaker_text == "she"
    assert _speaker_name(story, quote) == "Joan Miller"


@pytest.mark.model
def test_quotes_new_quoted_sentence_after_the_cue_is_its_own_record(pipeline):
    text = ('"The harvest failed twice," said Peter Lang, a grain trader. "Prices will rise before winter. '
            'Nobody can stop that."')
    story = _code(pipeline, text)
    found = [q for q in story.quotes if q.kind == "direct"]
    assert [_contents(q) for q in found] == [["The harvest failed twice,"],
                                             ["Prices will rise before winter. Nobody can stop that."]]
    assert found[0].cue == found[1].cue and found[0].speaker == found[1].speaker
    assert story.actor(found[1].speaker).name == "Peter Lang"


@pytest.mark.model
def test_quotes_run_on_quotation_across_paragraphs(pipeline):
    text = ('Mayor Ana Ruiz said: "The river rose two meters overnight and the old bridge is gone.\n\n'
            '"We will rebuild it before the school year starts."')
    quote = _only(_code(pipeline, text), "direct")
    assert _contents(quote) == ["The river rose two meters overnight and the old bridge is gone.",
                                "We will rebuild it before the school year starts."]


@pytest.mark.model
def test_quotes_quote_inside_a_quote(pipeline):
    text = '"The soldiers told us \'leave now\' and we left the village," said Ana Ruiz, a farmer.'
    quote = _only(_code(pipeline, text), "direct")
    assert _contents(quote) == ["The soldiers told us 'leave now' and we left the village,"]


@pytest.mark.model
def test_quotes_told_reuters_is_the_medium_not_the_speaker(pipeline):
    text = 'Rebel commander Idris Kano told Reuters, "We will hold the hills until the talks begin."'
    story = _code(pipeline, text)
    quote = _only(story, "direct")
    assert quote.medium == "Reuters"
    assert "Kano" in quote.speaker_text
    assert "Reuters" not in (_speaker_name(story, quote) or "")


@pytest.mark.model
def test_quotes_surname_resolves_to_full_name(pipeline):
    text = ('Foreign Minister Lena Vogt arrived in Nairobi on Monday for two days of talks.\n\n'
            '"We came to listen before we decide anything," said Vogt.')
    story = _code(pipeline, text)
    quote = _only(story, "direct")
    assert _speaker_name(story, quote) == "Lena Vogt"


@pytest.mark.model
def test_quotes_pronoun_follows_the_last_speaker_across_paragraphs(pipeline):
    text = ('"The talks are over for this year," said union leader Paul Baker.\n\n'
            'The company did not comment.\n\n'
            '"We will strike in March," he said.')
    story = _code(pipeline, text)
    second = [q for q in story.quotes if q.kind == "direct"][-1]
    assert second.speaker_text == "he"
    assert _speaker_name(story, second) == "Paul Baker"


@pytest.mark.model
def test_quotes_role_with_appositive_name(pipeline):
    text = '"We see no sign of a ceasefire," said Karim Nassar, a government spokesman.'
    story = _code(pipeline, text)
    quote = _only(story, "direct")
    assert "Nassar" in (_speaker_name(story, quote) or quote.speaker_text)


@pytest.mark.model
def test_quotes_role_without_a_name_keeps_the_words(pipeline):
    text = '"We see no sign of a ceasefire," a government spokesman said on Tuesday.'
    quote = _only(_code(pipeline, text), "direct")
    assert quote.speaker_text == "a government spokesman"


@pytest.mark.model
def test_quotes_signed_quotation(pipeline):
    text = 'Readers wrote in.\n\n"The new bridge changed my commute completely." ― Clara Mendes'
    quote = _only(_code(pipeline, text), "direct")
    assert quote.cue.text == "―"
    assert quote.speaker_text == "Clara Mendes"


@pytest.mark.model
def test_quotes_transcript_lines(pipeline):
    text = ("Part of the interview follows.\n\n"
            "HOST: Will the governor attend the summit next week in Denver?\n\n"
            "MARLOWE: No, the governor will stay home and work on the budget.")
    story = _code(pipeline, text)
    direct = [q for q in story.quotes if q.kind == "direct"]
    assert [(q.speaker_text, q.cue.text) for q in direct] == [("HOST", ":"), ("MARLOWE", ":")]
    assert _contents(direct[1]) == ["No, the governor will stay home and work on the budget."]


@pytest.mark.model
def test_quotes_block_quote_after_a_colon_paragraph(pipeline):
    text = ('Mayor Ana Ruiz said:\n\n'
            '"The river rose two meters overnight and the old bridge is gone."')
    quote = _only(_code(pipeline, text), "direct")
    assert quote.cue.text == "said"
    assert "Ruiz" in quote.speaker_text


# -- indirect and mixed -----------------------------------------------------------------------------------
@pytest.mark.model
def test_quotes_indirect_said_that(pipeline):
    text = "Defense Minister Omar Haddad said on Monday that the talks would resume next week in Geneva."
    quote = _only(_code(pipeline, text))
    assert quote.kind == "indirect"
    assert quote.cue.text == "said"
    assert _contents(quote) == ["that the talks would resume next week in Geneva"]
    assert "Haddad" in quote.speaker_text


@pytest.mark.model
def test_quotes_indirect_cue_after_content(pipeline):
    text = "The talks would resume next week in Geneva, Defense Minister Omar Haddad said."
    quote = _only(_code(pipeline, text))
    assert quote.kind == "indirect"
    assert _contents(quote) == ["The talks would resume next week in Geneva"]


@pytest.mark.model
def test_quotes_according_to(pipeline):
    text = "According to Omar Haddad, the talks will resume next week in Geneva."
    quote = _only(_code(pipeline, text))
    assert quote.cue.text == "According to"
    assert quote.speaker_text == "Omar Haddad"
    assert _contents(quote) == ["the talks will resume next week in Geneva"]


@pytest.mark.model
def test_quotes_ruled_out(pipeline):
    text = "Prime Minister Omar Haddad ruled out a second round of talks with the rebels."
    quote = _only(_code(pipeline, text))
    assert quote.cue.text == "ruled"
    assert _contents(quote) == ["a second round of talks with the rebels"]


@pytest.mark.model
def test_quotes_mixed_quote_holds_the_quoted_words(pipeline):
    text = 'Omar Haddad said the peace plan was "dead on arrival" and would be withdrawn this week.'
    quote = _only(_code(pipeline, text))
    assert quote.kind == "mixed"
    assert '"dead on arrival"' in quote.content[0].text
    assert quote.content[0].text.startswith("the peace plan")


@pytest.mark.model
def test_quotes_quoted_title_is_not_a_quotation(pipeline):
    text = 'On "Morning Edition Weekly," Omar Haddad talked about the harvest for an hour.'
    story = _code(pipeline, text)
    assert not [q for q in story.quotes if q.kind == "direct"]


@pytest.mark.model
def test_quotes_cue_noun_with_that_clause(pipeline):
    text = "Omar Haddad's claim that the election had been rigged by the army angered the opposition."
    story = _code(pipeline, text)
    assert any(q.cue.text == "claim" and q.content[0].text.startswith("that the election had been rigged")
               for q in story.quotes)


@pytest.mark.model
@pytest.mark.parametrize("text, cue", [
    ("Senator Amal Rudd said the ministry planned to close three rural clinics before the winter.", "said"),
    ("The governor told reporters that the union wanted to delay the strike until the spring.", "told"),
])
def test_quotes_nested_attribution_is_part_of_the_outer_quote(pipeline, text, cue):
    # what someone reportedly planned or wanted, inside what the speaker said, is the speaker's words
    story = _code(pipeline, text)
    quote = _only(story)
    assert quote.cue.text == cue


# -- what is not a quote ----------------------------------------------------------------------------------
@pytest.mark.model
def test_quotes_none_from_headline_or_boilerplate(pipeline):
    text = ("'We Will Win,' Says Haddad\n\n"
            "The minister visited troops near the border on Sunday.\n\n"
            'Click here to read "What the minister said" in full.')
    story = _code(pipeline, text)
    assert story.quotes == []


@pytest.mark.model
def test_quotes_offsets_match_the_text(pipeline):
    text = ('"We are safe," she said, "and we have no need for it." Omar Haddad said that the talks '
            'would resume.')
    story = _code(pipeline, text)
    for q in story.quotes:
        for span in [q.cue, *q.content] + ([q.speaker_span] if q.speaker_span else []):
            assert text[span.start:span.end] == span.text


# -- the reference article ---------------------------------------------------------------------------------
@pytest.mark.model
def test_quotes_karzai_acceptance(karzai):
    story = karzai
    direct = [q for q in story.quotes if q.kind == "direct"]
    assert len(direct) == 7, [_contents(q) for q in direct]  # seven quotations, one record each
    pieces = [(c.text, _speaker_name(story, q)) for q in direct for c in q.content]
    assert len(pieces) == 7, pieces
    by_speaker = {}
    for _, name in pieces:
        by_speaker[name] = by_speaker.get(name, 0) + 1
    assert by_speaker == {"Sean McCormack": 2, "Gordon Johndroe": 2, "David Petraeus": 2, "Mullah Brother": 1}
    texts = [t for t, _ in pieces]
    assert any(t.startswith("This is something that President Karzai") and t.endswith("reconciliation,")
               for t in texts)
    assert any(t.startswith("we're hopeful") and t.endswith("on a regular basis,") for t in texts)
    assert any(t.endswith("offer of safety.") for t in texts)
    brother = next(q for q in direct if _speaker_name(story, q) == "Mullah Brother")
    assert brother.medium == "Reuters"
    assert all("Reuters" not in (_speaker_name(story, q) or "") for q in story.quotes)
    assert all("Reuters" not in (q.speaker_text or "") for q in story.quotes)
    assert all(_speaker_name(story, q) != "Mullah Omar" for q in story.quotes)  # "is believed to be hiding"
    indirect = [(q.cue.text, _speaker_name(story, q), q.content[0].text) for q in story.quotes
                if q.kind == "indirect"]
    assert any(s == "Sean McCormack" and c == "noted" and t.startswith("that Karzai made it quite clear")
               for c, s, t in indirect)
    assert any(s == "White House" and t.startswith("there have been no indications") for c, s, t in indirect)
    mccormack = next(q for q in direct if _speaker_name(story, q) == "Sean McCormack")
    assert mccormack.speaker_affiliation and mccormack.speaker_affiliation["country"] == "USA"


@pytest.mark.model
def test_quotes_positions_setting_switches_stated_positions_off():
    from eventwire import Pipeline

    text = "Senator Maria Lopez opposed the new border bill on Tuesday."
    broad = Pipeline().code(text)
    strict = Pipeline(quote_positions=False).code(text)
    assert any(q.cue.text == "opposed" for q in broad.quotes)
    assert not any(q.cue.text == "opposed" for q in strict.quotes)


@pytest.mark.model
def test_quotes_one_line_paragraphs_bound_the_cue_search(pipeline):
    # a blank line after the title, then one paragraph a line: the next line's verb is no cue for the quote
    text = ('Farm Bill Stalls In Committee\n\n'
            'Senators met on Tuesday to discuss the farm bill.\n'
            '"We will not pass this bill in its current form," said Senator Maria Olsen. '
            '"The subsidies go to the wrong people."\n'
            'Senator Tom Hardy argued that the bill would help small farms.\n')
    story = _code(pipeline, text)
    found = [q for q in story.quotes if q.kind == "direct"]
    assert found and all(_speaker_name(story, q) == "Maria Olsen" for q in found), \
        [(q.cue.text, _contents(q), _speaker_name(story, q)) for q in found]
    assert any("The subsidies go to the wrong people." in _contents(q) for q in found)


@pytest.mark.model
def test_quotes_retort_with_back_is_a_cue(pipeline):
    text = ('"Look at all the tourists in this town," Anna Weber said with a smile.\n\n'
            '"They only come because the beer is cheap," Jonas Keller shot back with a laugh.')
    story = _code(pipeline, text)
    last = [q for q in story.quotes if q.kind == "direct"][-1]
    assert _contents(last) == ["They only come because the beer is cheap,"]
    assert last.cue.text == "shot" and _speaker_name(story, last) == "Jonas Keller"


@pytest.mark.model
def test_quotes_a_verb_then_a_comma_frames_the_quotation_after_it(pipeline):
    # a retort or a verb of promising, a comma, then a quotation to the sentence's end: a direct quote, as with
    # a colon ('shot back: "..."') or after it ('"...," she vowed')
    text = ('Councillor Petra Lind criticised the budget on Monday.\n\n'
            'Mayor Tomas Berg shot back, "Nobody on this council has read the figures."\n\n'
            'Later the mayor vowed, "We will open the new library before winter."')
    story = _code(pipeline, text)
    found = [q for q in story.quotes if q.kind == "direct"]
    assert [(q.cue.text, _contents(q)) for q in found] == [
        ("shot", ["Nobody on this council has read the figures."]),
        ("vowed", ["We will open the new library before winter."])]
    assert all(_speaker_name(story, q) == "Tomas Berg" for q in found)


@pytest.mark.model
def test_quotes_a_comma_before_a_short_quotation_mid_sentence_frames_nothing(pipeline):
    # the quotation does not run to the sentence's end: no verb before its comma frames it as someone's words
    text = ('Farmers met in the valley on Sunday.\n\n'
            'The union won, "a fair deal for every worker" in the words of its leaflet, after long talks.')
    story = _code(pipeline, text)
    assert not [q for q in story.quotes if q.kind == "direct"]


@pytest.mark.model
def test_quotes_participle_after_a_preposition_shares_the_subject(pipeline):
    text = ('Mayor Ana Ruiz spoke to residents on Monday.\n\n'
            'She explained the new curfew by saying: "The streets are not safe after midnight, and we '
            'need time to fix the lights."')
    story = _code(pipeline, text)
    quote = _only(story, "direct")
    assert quote.cue.text == "saying" and quote.speaker_text == "She"
    assert _speaker_name(story, quote) == "Ana Ruiz"


def test_quotes_two_subjects_the_nearest_speaks():
    # a parse that hangs a place name and the speaker both on "said" as subjects: the nearest one speaks
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.quotes.speakers import subject_of

    words = ["In", "Dayton", ",", "OH", ",", "Gov.", "Ann", "Roe", "said", "it", "."]
    heads = [8, 0, 8, 8, 8, 7, 7, 8, 8, 8, 8]
    deps = ["prep", "pobj", "punct", "nsubj", "punct", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"]
    pos = ["ADP", "PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert subject_of(doc[8]).text == "Roe"


@pytest.mark.model
def test_quotes_uncued_paragraph_after_a_mixed_quote_keeps_its_speaker(pipeline):
    text = ('Councillor Laura Menzies used to back the old mayor, but now said the city had "the duty and the '
            'means to fix the roads."\n\n'
            '"I think he can do that, but the biggest problem we have is the budget."')
    story = _code(pipeline, text)
    last = [q for q in story.quotes if q.kind == "direct"][-1]
    assert _contents(last) == ["I think he can do that, but the biggest problem we have is the budget."]
    assert (last.speaker_text or "").endswith("Laura Menzies"), [(q.kind, q.speaker_text) for q in story.quotes]
    assert "Laura Menzies" in (_speaker_name(story, last) or "")


@pytest.mark.model
def test_quotes_as_someone_put_it_is_a_cue(pipeline):
    text = ('The town council has argued about the bridge for a decade.\n\n'
            'As Walter Brandt, a historian at the local college, put it, "Every council promises a new bridge '
            'and every council leaves the old one standing."')
    story = _code(pipeline, text)
    quote = _only(story, "direct")
    assert quote.cue.text == "put" and _speaker_name(story, quote) == "Walter Brandt"


@pytest.mark.model
def test_quotes_verb_in_a_relative_clause_is_not_the_cue(pipeline):
    text = ('Mayor Ana Ruiz was told by councillor Jim Doyle, who has criticised the budget for months, '
            '"You promised new schools and built a parking garage instead."')
    story = _code(pipeline, text)
    quote = _only(story, "direct")
    assert quote.cue.text == "told", (quote.cue.text, quote.speaker_text)
    assert "Jim Doyle" in (_speaker_name(story, quote) or "")


@pytest.mark.parametrize("text, name", [
    ("ELMVILLE — Democratic Rep. Nora Quill on Friday faulted the toll plan as unfair to commuters.\n\n"
     "The hearing went on for hours.", "Quill"),
    ("ELMVILLE, Ore. - Sen. Nora Quill, dedicating a new bridge on Saturday, said the toll would end next year.\n\n"
     "The hearing went on for hours.", "Quill"),
])
def test_quotes_dateline_parsed_as_the_subject_is_no_speaker(pipeline, text, name):
    story = pipeline.code(text)
    assert story.quotes
    for q in story.quotes:
        assert "ELMVILLE" not in (q.speaker_text or "")
        actor = story.actor(q.speaker)
        assert name in (actor.name if actor else q.speaker_text or "")
