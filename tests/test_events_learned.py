"""The classifier types a predicate outside the lexicon in a sentence the lexicon coded nothing in, when the
verb's subject and object name actors (one political) and the classifier is sure of the clause's type; a
sentence still silent that names a political actor is coded at its main verb when the classifier is very sure
of the whole sentence's type.
The classifier's scores are fixed here so that the tests check the mechanism, not the shipped weights.
Sentences written for these tests."""

import pytest

from eventwire.events import classifier, fallback

ONLY_EVENTS = ["actors.rules.v1", "quotes.rules.v1", "events.rules.v1"]


def fixed(best: str, p: float):
    def scores(text: str) -> dict[str, float]:
        out = {t: (1 - p - 0.02) / 16 for t in ("ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE",
                                                    "CONSULT", "COOPERATE", "MOBILIZE", "PROTEST", "REJECT",
                                                    "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN")}
        out[best], out["NONE"] = p, 0.02
        return out
    return scores


@pytest.fixture(scope="module")
def pipelines():
    if not classifier.available():
        pytest.skip("no shipped classifier")
    from eventwire import Pipeline

    return Pipeline(stages=ONLY_EVENTS, event_classifier=True), Pipeline(stages=ONLY_EVENTS, event_classifier=False)


@pytest.fixture
def no_vectors(monkeypatch):
    monkeypatch.setattr(fallback, "match", lambda w, tok: None)


def test_events_learned_types_a_verb_outside_the_lexicon(pipelines, no_vectors, monkeypatch):
    on, off = pipelines
    text = "Kenya befriended Somalia on Tuesday."
    assert off.code(text).events == []
    monkeypatch.setattr(classifier, "type_scores", fixed("SUPPORT", 0.8))
    events = on.code(text).events
    assert [(e.type, e.trigger.text) for e in events] == [("SUPPORT", "befriended")]
    assert events[0].attrs["classifier_type"] == 0.8
    assert events[0].confidence < 0.6  # a learned type is less sure than a lexicon entry


def test_events_learned_needs_a_sure_classifier(pipelines, no_vectors, monkeypatch):
    on, _ = pipelines
    monkeypatch.setattr(classifier, "type_scores", fixed("SUPPORT", classifier.CLAUSE_THRESHOLD - 0.1))
    assert on.code("Kenya befriended Somalia on Tuesday.").events == []


def test_events_learned_clause_needs_actors_on_both_sides(pipelines, no_vectors, monkeypatch):
    on, _ = pipelines
    p = (classifier.CLAUSE_THRESHOLD + classifier.SENTENCE_THRESHOLD) / 2  # sure of the clause, not the sentence
    monkeypatch.setattr(classifier, "type_scores", fixed("SUPPORT", p))
    assert on.code("Kenya befriended the idea on Tuesday.").events == []


def test_events_learned_sentence_type_when_very_sure(pipelines, no_vectors, monkeypatch):
    on, _ = pipelines
    monkeypatch.setattr(classifier, "type_scores", fixed("SUPPORT", 0.9))
    events = on.code("Kenya befriended the idea on Tuesday.").events
    assert [(e.type, e.trigger.text) for e in events] == [("SUPPORT", "befriended")]


def test_events_learned_needs_a_political_actor(pipelines, no_vectors, monkeypatch):
    on, _ = pipelines
    monkeypatch.setattr(classifier, "type_scores", fixed("SUPPORT", 0.95))
    assert on.code("The striker outpaced the defender in the second half.").events == []


def test_events_learned_leaves_lexicon_sentences_alone(pipelines, monkeypatch):
    on, _ = pipelines
    monkeypatch.setattr(classifier, "type_scores", fixed("ASSAULT", 0.9))
    events = on.code("Kenya accused Somalia of harbouring militants.").events
    assert [e.type for e in events] == ["ACCUSE"]
