"""bench.roles: which sentences are comments PLOVER has no type for (set aside in ``in_plover_scope``), on
sentences written for these tests."""

import pytest

from bench.roles import comment


def _gold(text, source):
    s = text.index(source)
    return {"S": [(s, s + len(source))], "T": [], "R": []}


@pytest.mark.parametrize("text,source", [
    ("The Ruritanian envoy expressed deep concern about the new border rules.", "The Ruritanian envoy"),
    ("The farmers' union said it is skeptical of the new subsidy plan.", "The farmers' union"),
    ("The mayor voiced hope that the talks would resume.", "The mayor"),
    ("The premier on Monday expressed condolences to the families of the miners.", "The premier"),
    ("Local leaders said they hoped the governor would reconsider.", "Local leaders"),
])
def test_bench_roles_a_comment_after_its_speaker_is_set_aside(text, source):
    assert comment(text, _gold(text, source))


@pytest.mark.parametrize("text,source", [
    ("The Ruritanian envoy will meet the minister in talks expected to cover trade.", "The Ruritanian envoy"),
    ("The army shelled the town, raising concern among aid groups.", "The army"),
    ("The council condemned the attack and expressed its anger.", "The council"),
])
def test_bench_roles_an_act_is_never_set_aside(text, source):
    assert not comment(text, _gold(text, source))


@pytest.mark.model
def test_roles_a_comment_with_no_plover_type_codes_no_event(pipeline):
    # CAMEO 01 (public statements) has no PLOVER type: the coder gives it no event, so no source or target
    story = pipeline.code("The Ruritanian envoy expressed deep concern about the new border rules.")
    assert not story.events, [(e.type, e.trigger.text) for e in story.events]
