"""Quotes on unseen news: short quotations beside their cue, quotations after a colon, fragments of someone
else's sentence, the relative pronoun at the cue, cues in neighbouring sentences, transcript headlines,
headlines with a colon ("Senator X: claim"), a clause that goes on after a parenthetical cue.

The sentences are written for these tests.
"""

import pytest

pytestmark = pytest.mark.model


def _direct(story):
    return [q for q in story.quotes if q.kind == "direct"]


def _texts(story):
    return [[c.text for c in q.content] for q in _direct(story)]


def _name(story, quote):
    actor = story.actor(quote.speaker)
    return actor.name if actor else None


def test_quotes_one_word_quotation_with_its_cue_beside_it(pipeline):
    story = pipeline.code('Mayor Clara Benson was asked where the fair would move.\n\n'
                          '"Tulsa," she answered.')
    found = _direct(story)
    assert [[c.text for c in q.content] for q in found] == [["Tulsa,"]]
    assert _name(story, found[0]) == "Clara Benson"


def test_quotes_exclamation_right_after_the_reporting_verb(pipeline):
    story = pipeline.code('Farmer Tom Greeley yelled "Open the gates!" at the guards on Friday.')
    assert ["Open the gates!"] in _texts(story)


def test_quotes_short_phrase_ending_a_sentence_is_no_quotation_of_its_own(pipeline):
    story = pipeline.code('Governor Alan Pryce described the march through the city as "very calm."')
    assert _texts(story) == []


@pytest.mark.parametrize("text, speaker", [
    ('The delay did not surprise engineer Rosa Delgado: "Every bridge of this kind takes a decade."',
     "Rosa Delgado"),
    ('Union leader Marcus Webb went even further: "The company will close the plant by June."',
     "Marcus Webb"),
])
def test_quotes_quotation_after_a_colon_belongs_to_the_words_before_it(pipeline, text, speaker):
    story = pipeline.code(text)
    found = _direct(story)
    assert len(found) == 1, _texts(story)
    assert found[0].content[0].text.endswith(("decade.", "June."))
    assert _name(story, found[0]) == speaker


def test_quotes_quotation_paragraph_after_a_colon_paragraph_without_a_reporting_verb(pipeline):
    story = pipeline.code('A statement from Rosa Delgado, the chief engineer:\n\n'
                          '"Every bridge of this kind takes a decade to build and we are on schedule."')
    found = _direct(story)
    assert len(found) == 1
    assert _name(story, found[0]) == "Rosa Delgado"


def test_quotes_relative_pronoun_is_the_speaker_mention_and_the_name_the_speaker(pipeline):
    text = 'The plan was backed by Nora Lindqvist, who said "the buses will run all night from March."'
    story = pipeline.code(text)
    quote = next(q for q in story.quotes if "buses" in q.content[0].text)
    assert quote.speaker_span.text == "who"
    assert quote.speaker_text == "Nora Lindqvist"
    assert _name(story, quote) == "Nora Lindqvist"


def test_quotes_according_to_does_not_attribute_the_sentence_before(pipeline):
    text = ('"It was hard to make," said director Hana Mori. "We have no memory of the strike if no one '
            'tells it." The strike lasted 40 days, according to the ministry.')
    story = pipeline.code(text)
    quote = next(q for q in _direct(story) if "no memory" in q.content[0].text)
    assert quote.cue.text == "said" and _name(story, quote) == "Hana Mori"


def test_quotes_participle_right_after_a_name_is_that_persons(pipeline):
    text = ('The new advert uses old footage of Senator Ruth Calloway asking, "Why should anyone wait ten '
            'years for a clinic?"')
    story = pipeline.code(text)
    quote = next(q for q in _direct(story) if "clinic" in q.content[0].text)
    assert _name(story, quote) == "Ruth Calloway"


def test_quotes_headline_with_a_colon_and_a_title_is_no_transcript_line(pipeline):
    story = pipeline.code('MARKET WATCH: "Grain Prices Climb Again In The North."\n\n'
                          'Wheat rose for the third week in a row on Monday.')
    assert _direct(story) == []


# -- group and unnamed speakers ------------------------------------------------------------------------------
def test_quotes_group_speaker_is_one_record_with_every_member(pipeline):
    story = pipeline.code('Senator Paula Ridley and Governor Tom Okafor said the new levee would be finished '
                          'before the spring floods.')
    quote = next(q for q in story.quotes if "levee" in q.content[0].text)
    names = [story.actor(a).name for a in quote.speaker_members]
    assert names == ["Paula Ridley", "Tom Okafor"]
    assert "Ridley" in quote.speaker_span.text and "Okafor" in quote.speaker_span.text
    assert len([q for q in story.quotes if "levee" in q.content[0].text]) == 1


def test_quotes_single_speaker_has_no_members(pipeline):
    story = pipeline.code('Senator Paula Ridley said the new levee would be finished before the spring floods.')
    quote = next(q for q in story.quotes if "levee" in q.content[0].text)
    assert quote.speaker_members == [] and not quote.speaker_anonymous
    assert story.actor(quote.speaker).name == "Paula Ridley"


@pytest.mark.parametrize("text", [
    'A senior Pentagon official, who asked not to be named, said the convoy would leave on Monday.',
    'A Pentagon official said on condition of anonymity that the convoy would leave on Monday.',
])
def test_quotes_unnamed_source_stays_anonymous_with_its_side(pipeline, text):
    story = pipeline.code(text)
    assert len(story.quotes) == 1, [(q.cue.text, [c.text for c in q.content]) for q in story.quotes]
    quote = story.quotes[0]
    assert "convoy" in quote.content[0].text
    assert quote.speaker_anonymous
    assert quote.speaker is None
    assert "Pentagon official" in quote.speaker_text
    assert quote.speaker_affiliation["country"] == "USA"
    assert quote.to_dict()["speaker_anonymous"] is True


def test_quotes_unnamed_source_speaks_for_the_body_its_own_words_name_and_nothing_else(pipeline):
    story = pipeline.code('Talks between Chad and Niger stalled on Monday. A State Department official, speaking '
                          'on condition of anonymity, said the talks would resume. "We are patient," said a '
                          'senior official who asked not to be named.')
    state, other = (next(q for q in story.quotes if word in " ".join(c.text for c in q.content))
                    for word in ("resume", "patient"))
    assert state.speaker_anonymous and other.speaker_anonymous
    assert story.actor(state.speaker_affiliation["organization"]).name == "State Department"
    assert state.speaker_affiliation["country"] == "USA"
    # nothing in "a senior official" says whose: no country taken from the article's other actors
    assert other.speaker_affiliation["country"] is None and other.speaker_affiliation["organization"] is None


def test_quotes_group_phrase_speaker_carries_every_party_it_stands_for(pipeline):
    story = pipeline.code('Talks between Sudan and South Sudan resumed in Addis Ababa. Officials on both sides '
                          'said the talks were useful.')
    quote = next(q for q in story.quotes if "useful" in q.content[0].text)
    assert sorted(story.actor(a).country for a in quote.speaker_members) == ["SDN", "SSD"]


def test_quotes_named_official_is_not_anonymous(pipeline):
    story = pipeline.code('Pentagon spokesman Carl Voss said the convoy would leave on Monday.')
    quote = next(q for q in story.quotes if "convoy" in q.content[0].text)
    assert not quote.speaker_anonymous
    assert story.actor(quote.speaker).name == "Carl Voss"


def test_quotes_quotation_inside_a_reported_clause_is_a_mixed_quote_of_the_whole_clause(pipeline):
    story = pipeline.code('Mayor Lina Farouk says the tenants are "right to be angry," but also tired of waiting '
                          'for repairs.')
    quote = next(q for q in story.quotes if "right to be angry" in story.text[q.content[0].start:q.content[-1].end])
    assert quote.kind == "mixed"
    joined = " ".join(c.text for c in quote.content)
    assert joined.startswith("the tenants are") and joined.endswith("for repairs")


@pytest.mark.parametrize("text, words, speaker", [
    ("Judge Ada Morrow looked up from the bench.\n\n“Quiet,” she demanded.", "Quiet,", "Ada Morrow"),
    ("“This is fantastic!” beamed Carl Hume, a delegate from Ohio.", "This is fantastic!", "Carl Hume"),
    ("Mayor Paula Grant barked: “Go back to your office and stay there.”",
     "Go back to your office and stay there.", "Paula Grant"),
])
def test_quotes_verb_outside_the_lexicon_framing_a_quotation_is_its_cue(pipeline, text, words, speaker):
    story = pipeline.code(text)
    found = [q for q in _direct(story) if [c.text for c in q.content] == [words]]
    assert found and _name(story, found[0]) == speaker


def test_quotes_quotation_named_by_a_noun_has_no_cue(pipeline):
    story = pipeline.code("The banner, “Anybody but Trump,” flew over the stadium for an hour.")
    assert _direct(story) == []


def _contents(story):
    return {" | ".join(c.text for c in q.content): q for q in story.quotes}


def test_quotes_second_reporting_verb_of_the_speaker_is_its_own_attribution(pipeline):
    story = pipeline.code("Senator Ray Dunn said his attacks on the governor have given his campaign momentum "
                          "and said that the governor did not represent the party.")
    found = _contents(story)
    assert "his attacks on the governor have given his campaign momentum" in found
    second = found.get("that the governor did not represent the party")
    assert second is not None and _name(story, second) == "Ray Dunn"


def test_quotes_participle_cue_ends_the_clause_before_it(pipeline):
    story = pipeline.code("On taxes, Senator Mary Hill says she would release her returns on Friday, calling "
                          "them “very boring returns.”")
    found = _contents(story)
    assert "she would release her returns on Friday" in found
    assert any(k.startswith("them “very boring returns") for k in found)


def test_quotes_phrase_hung_on_the_cue_after_the_clause_is_reported_too(pipeline):
    story = pipeline.code("Governor John Reed told a crowd in Dayton on Monday that the plan is “a disaster,” "
                          "compared to what his rivals propose.")
    assert "that the plan is “a disaster,” compared to what his rivals propose" in _contents(story)


def _proposed(story):
    from eventwire.quotes import gate
    from eventwire.quotes.rules import drafts

    with gate.proposing():  # what the rules propose, before the gate weighs it
        return {story.text[d.cue[0]:d.cue[1]]: [story.text[s:e] for s, e in d.content] for d in drafts(story)}


def test_quotes_content_runs_to_the_end_of_the_cue_phrase(pipeline):
    story = pipeline.code("Senator Ann Cole attacked the mayor over the budget gap last week while visiting Dayton.")
    assert _proposed(story)["attacked"] == ["the mayor over the budget gap last week while visiting Dayton"]


def test_quotes_content_run_on_stops_at_a_new_cue(pipeline):
    story = pipeline.code("The union leader denounced the layoffs announced by the company, calling them unfair.")
    assert _proposed(story)["denounced"] == ["the layoffs announced by the company"]


@pytest.mark.parametrize("text", [
    "The minister spoke to troops near the border on Sunday.",
    "The governor talked to reporters outside the court.",
])
def test_quotes_who_is_spoken_to_is_no_content(pipeline, text):
    assert not [q for q in pipeline.code(text).quotes if q.kind == "indirect"], text


def test_quotes_a_topic_after_to_is_still_content(pipeline):
    story = pipeline.code("She pointed to his record on trade.")
    assert any("his record" in q.content[0].text for q in story.quotes)


def test_quotes_fronted_clause_the_parser_took_for_an_adverbial_is_reported(pipeline):
    story = pipeline.code("Stop the war now, the protesters shouted.")
    assert _proposed(story).get("shouted") == ["Stop the war now"]


def test_quotes_an_if_clause_is_what_is_asked(pipeline):
    story = pipeline.code("Mayor Ortiz asked the engineers if the bridge would open on time.")
    assert _proposed(story).get("asked") == ["if the bridge would open on time"]


def test_quotes_holder_noun_takes_its_of_phrase_as_the_position(pipeline):
    from eventwire.quotes import gate
    from eventwire.quotes.rules import drafts

    story = pipeline.code("Governor Ann Ruiz has been a fierce critic of the pipeline project.")
    with gate.proposing():
        found = [d for d in drafts(story) if story.text[d.cue[0]:d.cue[1]] == "critic"]
    assert [[story.text[s:e] for s, e in d.content] for d in found] == [["the pipeline project"]]
    assert found[0].speaker_tok.text == "Ruiz"


def test_quotes_short_contents_are_proposed_for_the_gate(pipeline):
    story = pipeline.code("The regional bank declined to comment. Senator Maria Lopez endorsed Ortiz.")
    found = _proposed(story)
    assert found.get("declined") == ["to comment"]
    assert found.get("endorsed") == ["Ortiz"]


def test_quotes_headline_with_a_colon_gives_the_claim_to_the_name_before_it(pipeline):
    story = pipeline.code("Senator Ruth Alder: Farm Subsidies Will Double Next Year\n\n"
                          "WASHINGTON — Senator Ruth Alder spoke on Monday about the farm bill before the vote.")
    heads = [q for q in story.quotes if q.cue.text == ":"]
    assert [[c.text for c in q.content] for q in heads] == [["Farm Subsidies Will Double Next Year"]]
    assert _name(story, heads[0]) == "Ruth Alder"


@pytest.mark.parametrize("title", ["The Latest: Storm reaches the coast of Maine",
                                   "A Quiet Town: Fishing Boats Return to the Harbor"])
def test_quotes_headline_label_or_phrase_before_a_colon_is_no_source(pipeline, title):
    story = pipeline.code(title + "\n\nThe boats came back to the harbor on Monday morning.")
    assert not [q for q in story.quotes if q.cue.text == ":"]


@pytest.mark.parametrize("text, rest", [
    ("The new bridge would be paid for, the mayor said, by a tax on hotel rooms.", "by a tax on hotel rooms"),
    ("Close the road now, the engineers said, and you risk a traffic jam across the whole city.",
     "and you risk a traffic jam across the whole city"),
])
def test_quotes_clause_that_goes_on_after_a_parenthetical_cue_is_reported_whole(pipeline, text, rest):
    story = pipeline.code(text)
    assert any(rest in [c.text for c in q.content] for q in story.quotes), \
        [[c.text for c in q.content] for q in story.quotes]


def test_quotes_setting_after_a_parenthetical_cue_is_not_what_was_said(pipeline):
    story = pipeline.code("The new bridge will open in May, the mayor said, in an interview with reporters.")
    assert [[c.text for c in q.content] for q in story.quotes] == [["The new bridge will open in May"]]


def test_quotes_cue_after_glued_closing_mark_is_found(pipeline):
    story = pipeline.code('"The river will crest on Tuesday,"Mayor Ivo Brandt said at the depot.')
    found = _direct(story)
    assert _texts(story) == [["The river will crest on Tuesday,"]]
    assert _name(story, found[0]) == "Ivo Brandt"


def test_quotes_verb_inside_the_speaker_phrase_is_not_the_cue(pipeline):
    story = pipeline.code('"The harvest is late this year," Ohio-based farmer Dana Whitcombe said.')
    found = _direct(story)
    assert len(found) == 1 and _name(story, found[0]) == "Dana Whitcombe"
    assert story.text[found[0].cue.start:found[0].cue.end] == "said"


def test_quotes_verb_outside_the_lexicon_after_the_quotation_loses_to_the_cue_the_parse_ties(pipeline):
    story = pipeline.code('When Mayor Ivo Brandt mentioned the flood and said he would "rebuild every bridge by '
                          'spring," the crowd applauded loudly.')
    assert all(_name(story, q) == "Ivo Brandt" for q in story.quotes if '"rebuild' in q.content[0].text or
               "rebuild" in q.content[0].text)
    assert not any(story.text[q.cue.start:q.cue.end] == "applauded" for q in story.quotes)


def test_quotes_paragraph_ending_in_a_colon_gives_the_reporting_verb_nearest_it(pipeline):
    story = pipeline.code('The Daily Ledger printed the same charges against the mayor in May, and Mayor Ivo Brandt '
                          'replied:\n\n"If the council wants an audit, it can have one tomorrow."')
    found = _direct(story)
    assert len(found) == 1 and _name(story, found[0]) == "Ivo Brandt"
    assert story.text[found[0].cue.start:found[0].cue.end] == "replied"
