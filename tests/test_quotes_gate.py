"""The learned attribution gate: it weighs indirect and mixed drafts, never direct quotations; the setting
turns it off; its training split and fitting behave (on rows written here, not PolNeAR)."""

import json

import pytest

from eventwire.quotes import gate
from eventwire.quotes.train_gate import (choose_scored_threshold, choose_threshold, fingerprint, fit, in_training,
                                         in_tuning)

TEXT = ("Senator Mary Hill said the budget would pass next week. “We have the votes,” she told reporters. "
        "Critics who opposed the plan want a new vote, and the mayor, who owns a bakery, bought a new oven.")


def test_quotes_gate_ships_a_model_with_a_threshold():
    model = gate.model()
    assert model is not None and 0.05 <= model["threshold"] <= 0.95 and len(model["weights"]) > 100


@pytest.mark.model
def test_quotes_gate_weighs_indirect_drafts_and_never_direct_ones(pipeline):
    story = pipeline.code(TEXT)
    direct = [q for q in story.quotes if q.kind == "direct"]
    assert [c.text for q in direct for c in q.content] == ["We have the votes,"]
    indirect = [q for q in story.quotes if q.kind != "direct"]
    said = [q for q in indirect if q.cue.text == "said"]
    assert said and said[0].content[0].text.startswith("the budget would pass")
    # a kept draft carries the gate's probability as its confidence, at or above the threshold
    assert all(q.confidence >= gate.model()["threshold"] for q in indirect)


@pytest.mark.model
def test_quotes_gate_setting_off_keeps_what_the_rules_propose(pipeline):
    from eventwire import Pipeline

    from eventwire.quotes.rules import drafts

    off = Pipeline(stages=["actors.rules.v1", "quotes.rules.v1"], quote_gate=False)
    ungated = off.code(TEXT)
    # the gate keeps some of what the rules propose for it (relative clauses too: "Critics who opposed ...")
    story = pipeline.code(TEXT)
    with gate.proposing():
        proposed = {story.text[d.cue[0]:d.cue[1]] for d in drafts(story)}
    assert {q.cue.text for q in story.quotes} <= proposed
    # without the gate every draft is kept with the rules' own confidence
    assert all(q.confidence in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8) for q in ungated.quotes)


def test_quotes_gate_training_split_is_half_by_name_and_fixed():
    names = [f"outlet_2016-01-{d:02d}_story-{d}" for d in range(1, 29)]
    first = [in_training(n) for n in names]
    assert first == [in_training(n) for n in names]  # the same every run
    assert 0 < sum(first) < len(names)
    assert all(in_training(n) for n in names if in_tuning(n))


def test_quotes_gate_fit_learns_a_telling_feature_and_a_threshold():
    rows = [(["lemma=say", "kind=speech"], 1)] * 40 + [(["lemma=buy", "kind=stance"], 0)] * 40 + \
        [(["lemma=say", "kind=stance"], 1)] * 5 + [(["lemma=buy", "kind=speech"], 0)] * 5
    weights, bias = fit(rows)
    assert weights["lemma=say"] > 0 > weights["lemma=buy"]
    t = choose_threshold(weights, bias, rows, golds_missed=0)
    assert 0.05 <= t <= 0.95


def test_quotes_gate_threshold_is_the_centre_of_the_f1_plateau():
    # attributions score above 0.6, the rest below 0.3: every threshold between keeps F1 at 1, and the one chosen
    # is the middle of that range, not its edge (the lowest attribution's score, where the argmax of F1 sits)
    scored = [(0.6 + 0.3 * k / 999, 1) for k in range(1000)] + [(0.3 * k / 999, 0) for k in range(1000)]
    t = choose_scored_threshold(scored, golds_missed=0)
    assert 0.43 <= t <= 0.47
    # one more attribution low on the plateau raises the F1 below it by a hair: the threshold stays where it was
    # (the argmax would jump to 0.32)
    assert abs(choose_scored_threshold(scored + [(0.32, 1)], golds_missed=0) - t) <= 0.01


def test_quotes_gate_fingerprint_tells_whether_the_training_drafts_changed():
    rows = [("story-1", ["lemma=say", "kind=speech"], 1), ("story-2", ["lemma=buy", "kind=stance"], 0)]
    assert fingerprint(rows) == fingerprint(list(rows))
    assert fingerprint(rows) != fingerprint([rows[0], ("story-2", ["lemma=buy", "kind=stance"], 1)])
    assert fingerprint(rows) != fingerprint(rows[:1])
    # the shipped model says which drafts it was trained on (python -m eventwire.train quotes --check)
    assert len(gate.model().get("drafts_sha1", "")) == 40


@pytest.mark.model
def test_quotes_gate_weighs_passives(pipeline):
    from eventwire.quotes.rules import drafts

    story = pipeline.code("The new tariff plan was backed by farm groups despite its cost. "
                          "Sanders was attacked on his record.")
    with gate.proposing():
        found = {story.text[d.cue[0]:d.cue[1]]: d for d in drafts(story) if d.cue_kind == "passive"}
    # content: the subject and the phrases after the verb; speaker: the 'by' agent, or none
    backed, attacked = found["backed"], found["attacked"]
    assert backed.speaker_tok.text == "groups" and story.text[slice(*backed.content[0])] == "The new tariff plan"
    assert attacked.speaker_tok is None
    assert [story.text[s:e] for s, e in attacked.content] == ["Sanders", "on his record"]


def test_quotes_gate_nesting_says_which_draft_lies_inside_another():
    from eventwire.quotes.direct import Draft
    from eventwire.quotes.rules import nesting

    # "The senator said the governor believed the plan would fail": "believed" reports inside what "said" reports
    outer = Draft("indirect", (12, 16), [(17, 60)], cue_kind="speech")
    inner = Draft("indirect", (30, 38), [(39, 60)], cue_kind="belief")
    apart = Draft("indirect", (70, 74), [(75, 90)], cue_kind="stance")
    cands = [(d, {i for s, e in d.content for i in range(s, e)}) for d in (outer, inner, apart)]
    nesting(cands, quoted=set(range(80, 85)))
    assert outer.nesting == (False, True, False)  # holds the inner cue
    assert inner.nesting == (True, False, False)
    assert apart.nesting == (False, False, True)  # shares characters with a quotation


def test_quotes_gate_fit_on_sparse_rows_counts_a_repeated_feature_once():
    rows = [(["child=prep", "child=prep", "lemma=say"], 1)] * 10 + [(["child=prep", "lemma=buy"], 0)] * 10
    once = [(sorted(set(fs)), lab) for fs, lab in rows]
    assert fit(rows) == fit(once)


@pytest.mark.model
def test_quotes_gate_pairs_the_drafts_kind_with_its_size_speaker_and_first_word(pipeline):
    from eventwire.quotes.rules import drafts

    story = pipeline.code("The senator said that the new budget would pass next week.")
    with gate.proposing():
        said = [d for d in drafts(story) if d.cue_kind == "speech"]
    feats = set(gate.features(story, said[0]))
    assert "kind_words=speech|8" in feats  # "that the new budget would pass next week": 8 words
    assert "kind_first=speech|first=that" in feats
    assert any(f.startswith("kind_speaker=speech|speaker_actor=") for f in feats)


def test_nesting_and_outermost_skip_only_drafts_that_share_no_character():
    """``rules.nesting`` and ``rules.outermost`` skip intersecting contents whose ranges do not meet; the
    flags and the kept drafts are those of intersecting every pair: an empty content lies inside any longer one,
    a content mostly inside a longer one is nested, one beside it is not."""
    from eventwire.quotes.direct import Draft
    from eventwire.quotes.rules import _chars, nesting, outermost

    outer = Draft("indirect", (0, 5), [(10, 60)])
    inner = Draft("indirect", (12, 15), [(20, 50)])
    beside = Draft("indirect", (70, 75), [(80, 100)])
    empty = Draft("indirect", (200, 205), [])
    candidates = [(d, _chars(d.content)) for d in (outer, inner, beside, empty)]
    nesting(candidates, quoted=set(range(90, 95)))
    assert outer.nesting == (False, True, False)  # holds the inner draft's cue
    assert inner.nesting == (True, False, False)
    assert beside.nesting == (False, False, True)
    assert empty.nesting == (True, False, False)
    kept = outermost("x" * 300, [inner, beside, outer, empty])
    assert kept == [outer, beside, empty]


def test_quotes_gate_labels_drafts_one_to_one_as_the_benchmark_pairs_them():
    from eventwire.quotes.train_gate import one_to_one

    gold_a, gold_b = set(range(0, 20)), set(range(30, 40))
    exact_a = set(range(0, 20))
    fragment_a = set(range(0, 12))  # covers more than half of gold_a, but the exact draft covers it better
    both = set(range(0, 40))  # covers both golds: paired with one of them only
    assert one_to_one([gold_a], [fragment_a, exact_a]) == {1}
    assert one_to_one([gold_a, gold_b], [both]) == {0}
    assert one_to_one([gold_a, gold_b], [both, exact_a]) == {0, 1}  # the exact draft takes gold_a, both takes gold_b
    assert one_to_one([gold_a], [set(range(0, 5))]) == set()  # a quarter of the gold is no pair


def test_quotes_gate_plateau_centre_of_a_curve():
    from eventwire.quotes.train_gate import plateau_centre

    curve = [(0.2, 0.70), (0.3, 0.80), (0.4, 0.801), (0.5, 0.80), (0.6, 0.75)]
    assert plateau_centre(curve) == 0.4
    assert plateau_centre([(0.2, 0.80), (0.3, 0.801), (0.4, 0.70)]) == 0.25


def test_quotes_gate_threshold_is_fixed_and_shipped(monkeypatch):
    # the shipped gate carries the fixed threshold, not one chosen again at each retraining (which moved 0.38 <->
    # 0.40 with noise); the curve report says whether the fixed value still lies on the plateau
    from eventwire.quotes import train_gate

    assert train_gate.FIXED_THRESHOLD is not None
    if gate.MODEL.exists():
        assert json.loads(gate.MODEL.read_text(encoding="utf-8"))["threshold"] == train_gate.FIXED_THRESHOLD
    flat = [(0.26 + 0.02 * k, 0.80 if 0.32 <= 0.26 + 0.02 * k <= 0.44 else 0.70) for k in range(13)]
    monkeypatch.setattr(train_gate, "pipeline_curve", lambda stories, weights, bias: flat)
    said = []
    train_gate.threshold_report([], {}, 0.0, said.append)
    assert "lies on the plateau" in said[-1]
    monkeypatch.setattr(train_gate, "FIXED_THRESHOLD", 0.48)
    train_gate.threshold_report([], {}, 0.0, said.append)
    assert "OFF the plateau" in said[-1]


@pytest.mark.model
def test_quotes_gate_model_can_be_swapped_for_a_block(pipeline):
    story = pipeline.code(TEXT)
    shipped = gate.model()
    with gate.using_model({"weights": {}, "bias": -30.0, "threshold": 0.5}), gate.using(True):
        assert gate.model()["bias"] == -30.0
        from eventwire.quotes.rules import drafts

        assert all(d.kind == "direct" for d in drafts(story))  # every indirect draft below the threshold
    assert gate.model() is shipped


@pytest.mark.model
def test_quotes_gate_threshold_is_chosen_on_the_pipelines_output(pipeline):
    # invented articles: the reported clause after "said" is the one gold attribution of each; the stance drafts the
    # rules propose ("opposed the plan") are wrong. With stance drafts weighed at 0.3 and reported speech at 0.7,
    # thresholds at or under 0.3 keep the wrong drafts and lower F1: the threshold chosen is above 0.3
    from eventwire.quotes.train_gate import pipeline_threshold

    texts = ["Headline\n\nThe mayor said the bridge would reopen in May. Critics opposed the plan.",
             "Headline\n\nThe minister said the harbour tax would fall. The unions rejected the budget."]
    stories = []
    for n, text in enumerate(texts):
        story = pipeline.code(text)
        start = text.index("the", text.index("said"))
        end = text.index(".", start)
        stories.append((f"a{n}", story, [set(range(start, end))]))
    weights = {"kind=speech": 0.8473, "kind=stance": -0.8473}  # probabilities 0.7 and 0.3
    assert 0.3 < pipeline_threshold(stories, weights, 0.0) <= 0.5
    # with stance drafts weighed as high as reported speech, thresholds up to 0.7 keep them (F1 flat below 0.7)
    weights = {"kind=speech": 0.8473, "kind=stance": 0.8473}
    assert pipeline_threshold(stories, weights, 0.0) == 0.38  # the middle of the grid, 0.26 ... 0.50
    # reported speech alone is kept at every threshold when its probability is 0.99, stance never: F1 1 everywhere
    weights = {"kind=speech": 4.6, "kind=stance": -4.6}
    assert pipeline_threshold(stories, weights, 0.0) == 0.38


@pytest.mark.model
def test_quotes_gate_finds_quotation_marks_once_per_doc_and_per_sentence(pipeline):
    story = pipeline.code(TEXT)
    doc = story.doc
    marks = gate._quote_marks(doc)
    assert [doc[i].text for i in marks] == ["“", "”"]
    assert gate._quote_marks(doc) is marks  # read once for the doc
    other = pipeline.code("The mayor said “no” twice.").doc
    assert [other[i].text for i in gate._quote_marks(other)] == ["“", "”"]
    said = next(t for t in doc if t.text == "said")
    told = next(t for t in doc if t.text == "told")
    from eventwire.quotes.gate import _context

    class Draft:
        cue_kind, kind, speaker_tok, content, nesting, medium = "verb", "indirect", None, [], None, None

    def sent_quote(tok):
        d = Draft()
        d.cue_tok = tok
        return next(f for f in _context(story, d) if f.startswith("sent_quote="))

    assert sent_quote(said) == "sent_quote=False" and sent_quote(told) == "sent_quote=True"
