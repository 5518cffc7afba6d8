"""Parse walks end at a sentence root that does not meet their condition (no `tok.head is tok` loops).

Each sentence here is written so that its root is not a verb: a noun headline, a fragment, a dateline,
a list item. Before the fix these walks looped forever on such roots."""

import pytest

from eventwire import tree

pytestmark = pytest.mark.model

NON_VERB_ROOTS = [
    "Fresh clashes near the border town.",          # noun-phrase headline
    "Officials in Geneva.",                         # fragment
    "KABUL, Afghanistan",                           # lone dateline
    "Results: two seats for the opposition party",  # list-like
]


@pytest.fixture(scope="module")
def nlp():
    from eventwire.nlp import load

    return load()


def _non_verb_root(nlp, text):
    doc = nlp(text)
    roots = [t for t in doc if t.head.i == t.i]
    assert roots, text
    assert any(r.pos_ not in ("VERB", "AUX") for r in roots), f"root of {text!r} is a verb; pick another sentence"
    return doc


@pytest.mark.parametrize("text", NON_VERB_ROOTS)
def test_climb_stops_at_a_root_that_is_not_a_verb(nlp, text):
    doc = _non_verb_root(nlp, text)
    for tok in doc:
        top = tree.climb(tok, lambda t: t.pos_ not in ("VERB", "AUX"))
        assert top.pos_ in ("VERB", "AUX") or tree.is_root(top)
        assert list(tree.ancestors(tok))[-1:] in ([], [top]) or tree.is_root(list(tree.ancestors(tok))[-1])


def test_climb_is_bounded_even_when_the_condition_always_holds(nlp):
    doc = nlp("Fresh clashes near the border town.")
    for tok in doc:
        assert tree.is_root(tree.climb(tok, lambda t: True))
        assert tree.climb(tok, lambda t: True, limit=0).i == tok.i


def test_ancestors_end_at_the_root(nlp):
    doc = nlp("The minister said that the talks in Geneva would resume.")
    geneva = next(t for t in doc if t.text == "Geneva")
    chain = list(tree.ancestors(geneva))
    assert tree.is_root(chain[-1]) and chain[-1].text == "said"
    assert len(chain) == len({t.i for t in chain})


# Each stage module that walks up the parse, on a sentence whose root is not a verb.
@pytest.mark.parametrize("text", NON_VERB_ROOTS)
def test_stage_walks_end(nlp, text):
    from eventwire.actors import names as actor_rules, pronouns
    from eventwire.dates import rules as date_rules
    from eventwire.places import event_places
    from eventwire.quotes import speakers

    doc = _non_verb_root(nlp, text)
    for tok in doc:
        actor_rules.locative(tok)
        actor_rules._acts(tok)
        event_places._clause_verb(tok)
        event_places._locative_head(tok)
        date_rules._clause_verb(tok)
        speakers.subject_of(tok)
    assert pronouns is not None


@pytest.mark.parametrize("text", NON_VERB_ROOTS + [
    "Talks, sanctions, a truce: the week in Khartoum.",
    "Police in Ohio. Protesters near the capitol on Monday. \"Never again,\" the sign.",
])
def test_whole_pipeline_codes_non_verb_roots(text):
    import eventwire

    story = eventwire.code(text, date="2020-01-06")
    assert story.article.text == text
