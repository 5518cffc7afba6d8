"""Headlines the parser read without their verb are parsed again around it, with every offset and word the
line's own. Lines written for these tests."""

import pytest

from eventwire import Pipeline, verbless
from eventwire.nlp import load, parse

ONLY_EVENTS = ["actors.rules.v1", "quotes.rules.v1", "events.rules.v1"]


@pytest.mark.parametrize("word, verb", [
    ("expels", "expel"), ("denies", "deny"), ("pushes", "push"), ("quits", "quit"), ("lasts", "last"),
    ("diplomats", None), ("is", None), ("USS", None),
])
def test_verbless_verb_of_an_s_form(word, verb):
    assert verbless.verb_of(word, verbless._tables(load())[0]) == verb


@pytest.mark.parametrize("verb, past", [("expel", "expelled"), ("give", "gave"), ("deny", "denied"),
                                        ("reject", "rejected"), ("free", "freed")])
def test_verbless_past_form_prefers_the_models_own_irregular_forms(verb, past):
    assert verbless.past_form(verb, verbless._tables(load())[1]) == past


@pytest.mark.parametrize("text, verb", [
    ("Ruritania expels dozens of envoys after spying row", "expels"),
    ("Borduria leader quits following bribery claims", "quits"),
])
def test_verbless_headline_gets_its_verb_back_on_its_own_words(text, verb):
    nlp = load()
    doc = parse(nlp, text, [(0, len(text))])
    assert doc.text == text
    tok = next(t for t in doc if t.text == verb)
    assert tok.pos_ == "VERB" and tok.dep_ == "ROOT" and tok.tag_ == "VBZ"
    assert any(c.dep_ == "nsubj" for c in tok.children)


def test_verbless_leaves_sentences_with_a_verb_and_nounish_lines_alone():
    nlp = load()
    for text in ("The ministry expelled three envoys on Monday.", "The attacks on civilians.",
                 "Margin of error plus or minus three percentage points."):
        doc = nlp(text)
        assert verbless.repaired(nlp, doc) is doc


@pytest.mark.parametrize("text, etype", [
    ("Norway expels dozens of envoys after spying row", "SANCTION"),
    ("Peru Leader Quits Following Bribery Claims", "RETREAT"),
    ("Chile Government Rejects Request to Delay Upcoming Elections", "REJECT"),
])
def test_verbless_headline_codes_its_event(text, etype):
    story = Pipeline(stages=ONLY_EVENTS).code(text)
    assert etype in [e.type for e in story.events]
    e = next(e for e in story.events if e.type == etype)
    assert e.source and text[e.trigger.start:e.trigger.end] == e.trigger.text


@pytest.mark.parametrize("text, verb", [
    ("Gunmen attack bus station in hill district", "attack"),
    ("Gunmen Attack Bus Station in Hill District", "Attack"),
])
def test_verbless_bare_verb_after_a_plural_subject_gets_its_verb_back(text, verb):
    nlp = load()
    doc = parse(nlp, text, [(0, len(text))])
    assert doc.text == text
    tok = next(t for t in doc if t.text == verb)
    assert tok.pos_ == "VERB" and tok.dep_ == "ROOT" and tok.tag_ == "VBP" and tok.lemma_ == "attack"
    assert [c.text for c in tok.children if c.dep_ == "nsubj"] == [text.split()[0]]


def test_verbless_bare_word_after_a_singular_noun_stays_a_noun():
    nlp = load()
    text = "Rebel attack on police post in hill district"
    doc = parse(nlp, text, [(0, len(text))])
    assert not any(t.pos_ == "VERB" for t in doc)


@pytest.mark.parametrize("text", ["Gunmen attack bus station in hill district",
                                  "Gunmen Attack Bus Station in Hill District"])
def test_verbless_bare_verb_headline_codes_its_event(text):
    story = Pipeline(stages=ONLY_EVENTS).code(text)
    [e] = [e for e in story.events if e.type == "ASSAULT"]
    assert [story.actor(i).name for i in e.source] == ["Gunmen"]
    assert [story.actor(i).name.lower() for i in e.target] == ["bus station"]  # the title-case copy's parse


def test_verbless_police_take_a_plural_verb():
    story = Pipeline(stages=ONLY_EVENTS).code("Police fire tear gas at stone-throwing crowd")
    assert [(e.type, e.mode, e.trigger.text) for e in story.events] == [("ASSAULT", "crowd-control", "fire")]


@pytest.mark.parametrize("text, verb, subject", [
    ("Military launches airstrikes on rebel positions", "launches", "Military"),  # "Military" read as JJ
    ("Military Launches Airstrikes on Rebel Positions", "Launches", "Military"),
    ("Military kills 12 militants in raid", "kills", "Military"),  # an adjective as subject
    ("Interim government bans rallies", "bans", "government"),  # "bans" read as the subject of "rallies"
])
def test_verbless_subject_read_as_an_adjective_or_verb_read_as_its_subject_is_repaired(text, verb, subject):
    nlp = load()
    doc = parse(nlp, text, [(0, len(text))])
    assert doc.text == text
    tok = next(t for t in doc if t.text == verb)
    assert tok.pos_ == "VERB" and tok.dep_ == "ROOT" and tok.tag_ == "VBZ"
    assert [c.text for c in tok.children if c.dep_ == "nsubj"] == [subject]


@pytest.mark.parametrize("text, etype, source", [
    ("Military launches airstrikes on rebel positions", "ASSAULT", ["Military"]),
    ("Interim government bans rallies", "COERCE", ["Interim government"]),
    # a light verb's bare object the tagger read as an adjective or adverb is still its event noun
    ("Army launches offensive against rebels", "ASSAULT", ["Army"]),
    ("Rebels mount offensive on capital", "ASSAULT", ["Rebels"]),
])
def test_verbless_misread_headline_codes_its_event_and_source(text, etype, source):
    story = Pipeline(stages=ONLY_EVENTS).code(text)
    [e] = [e for e in story.events if e.type == etype]
    assert [story.actor(i).name for i in e.source] == source


@pytest.mark.parametrize("text, verb, source", [
    # a plural noun for people or forces read as the verb: the bare verb after it is the line's verb
    ("Government troops retake town from rebels", "retake", "Government troops"),
    ("Security forces fire tear gas at protesters", "fire", "Security forces"),
    # a plural subject before a bare verb the parser read right stays as it is
    ("Security forces kill 3 protesters in capital", "kill", "Security forces"),
])
def test_verbless_plural_noun_for_forces_before_a_bare_verb_is_its_subject(text, verb, source):
    story = Pipeline(stages=ONLY_EVENTS).code(text)
    [e] = [e for e in story.events if e.trigger.text == verb]
    assert [story.actor(i).name for i in e.source] == [source]
