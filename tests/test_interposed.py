"""A phrase set off by commas between a verb and its object is parsed again without it, with every offset and word
the sentence's own. Sentences written for these tests."""

import pytest

from eventwire import interposed
from eventwire.nlp import load, parse


def _parsed(text):
    doc = parse(load(), text, [(0, len(text))])
    assert doc.text == text
    return doc


def test_interposed_aside_leaves_the_verb_its_object_and_recipient():
    doc = _parsed("Norway gave, through its embassy, food aid to Moldova.")
    gave = next(t for t in doc if t.text == "gave")
    assert [c.text for c in gave.children if c.dep_ == "dobj"] == ["aid"]
    assert next(t for t in doc if t.text == "through").head.i == gave.i
    assert next(t for t in doc if t.text == "embassy").head.text == "through"  # the aside keeps its own analysis


def test_interposed_participle_after_the_object_is_put_back_on_it():
    doc = _parsed("Norway returned a 15th century manuscript, missing since 1945, to Moldova.")
    returned = next(t for t in doc if t.text == "returned")
    assert next(t for t in doc if t.text == "to").head.i == returned.i
    assert next(t for t in doc if t.text == "missing").head.text == "manuscript"


def test_interposed_sentences_without_an_aside_are_left_alone():
    nlp = load()
    for text in ("Norway gave food aid to Moldova.", "The minister said, in a statement, that talks would resume.",
                 "Police arrested three men in Oslo, a spokesman said.",
                 "The senator died, on June 30, 1982."):  # the comma of a date closes no aside
        doc = nlp(text)
        assert interposed.repaired(nlp, doc) is doc, text


@pytest.mark.model
@pytest.mark.parametrize("text, trigger, source, target", [
    ("Norway gave, through its embassy, food aid to Moldova.", "gave", "Norway", "Moldova"),
    ("Police arrested, in a dawn raid, three opposition leaders.", "arrested", "Police", "opposition leaders"),
    # a participle set off after the object: the recipient after it is the verb's
    ("Norway returned a 15th century manuscript, missing since 1945, to Moldova.", "returned", "Norway", "Moldova"),
])
def test_interposed_aside_keeps_source_and_target(pipeline, text, trigger, source, target):
    story = pipeline.code(text)
    ev = next(e for e in story.events if e.trigger.text == trigger)
    names = {a.id: a.name for a in story.actors}
    assert [names[i] for i in ev.source] == [source] and [names[i] for i in ev.target] == [target], \
        ([names[i] for i in ev.source], [names[i] for i in ev.target])
