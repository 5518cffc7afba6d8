"""The sentence classifier never types an event itself: a verb outside the lexicon stays uncoded however sure
the classifier is of its clause or sentence, and a lexicon event keeps the lexicon's type (on real news nearly
every event it typed was wrong). The classifier's scores are fixed here so that the tests check the mechanism,
not the shipped weights. Sentences written for these tests."""

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


@pytest.mark.parametrize("text", ["Kenya befriended Somalia on Tuesday.", "Kenya befriended the idea on Tuesday.",
                                  "The minister said the plan was sound."])
def test_events_learned_never_types_a_verb_outside_the_lexicon(pipelines, no_vectors, monkeypatch, text):
    on, off = pipelines
    monkeypatch.setattr(classifier, "type_scores", fixed("SUPPORT", 0.95))
    assert on.code(text).events == [] and off.code(text).events == []


def test_events_learned_leaves_lexicon_sentences_alone(pipelines, monkeypatch):
    on, _ = pipelines
    monkeypatch.setattr(classifier, "type_scores", fixed("ASSAULT", 0.9))
    events = on.code("Kenya accused Somalia of harbouring militants.").events
    assert [e.type for e in events] == ["ACCUSE"]


def test_events_learned_a_body_of_no_known_kind_is_no_state_the_classifier_must_be_surer_of(pipelines, monkeypatch):
    on, _ = pipelines

    def mostly_none(text: str) -> dict[str, float]:
        return {**fixed("ASSAULT", 0.2)(text), "NONE": 0.7}

    monkeypatch.setattr(classifier, "type_scores", mostly_none)
    team = on.code("The Tulsa Comets attacked the Denver Owls on Sunday.")
    assert any(a.name == "Tulsa Comets" and a.country == "USA" and a.sector is None for a in team.actors)
    assert team.events == []
    assert [e.type for e in on.code("Kenya attacked Somalia on Sunday.").events] == ["ASSAULT"]
