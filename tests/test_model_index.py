"""Story.actor_at answers from an index of the actors' mentions: the same actor a scan of every mention finds,
also after actors or mentions are added or replaced."""

from eventwire.model import Actor, Article, Story

TEXT = "Minister Ana Reyes of the Harbour Party met the Harbour Party leader on Tuesday."


def _scan(story, start, end):
    best, best_len = None, None
    for a in story.actors:
        for m in a.mentions:
            if m.start < end and start < m.end and (best_len is None or m.end - m.start < best_len):
                best, best_len = a, m.end - m.start
    return best


def _story():
    story = Story(article=Article(text=TEXT))
    reyes = Actor(id="a1", name="Ana Reyes", kind="person", mentions=[story.span(0, 18)])
    party = Actor(id="a2", name="Harbour Party", kind="organization",
                  mentions=[story.span(26, 39), story.span(48, 61)])
    story.actors = [reyes, party]
    return story


def _agrees(story):
    for start in range(len(TEXT) + 1):
        for end in range(start, min(len(TEXT), start + 30) + 1):
            assert story.actor_at(start, end) is _scan(story, start, end), (start, end)


def test_actor_at_tightest_mention_and_first_actor_on_a_tie():
    story = _story()
    assert story.actor_at(9, 12).id == "a1"
    assert story.actor_at(0, 70).id == "a2"  # the tighter mention (13 characters against 18)
    story.actors.append(Actor(id="a3", name="Harbour", kind="organization", mentions=[story.span(48, 61)]))
    assert story.actor_at(50, 52).id == "a2"  # as tight: the first actor in the list
    assert story.actor_at(70, 80) is None
    _agrees(story)


def test_actor_at_sees_actors_and_mentions_added_or_replaced():
    story = _story()
    assert story.actor_at(62, 68) is None
    story.actors[0].mentions.append(story.span(62, 68))  # a mention added to a listed actor
    assert story.actor_at(62, 68).id == "a1"
    story.actors[1].mentions = [story.span(26, 33)]  # a mention list replaced
    assert story.actor_at(48, 61) is None and story.actor_at(30, 31).id == "a2"
    story.actors.append(Actor(id="a3", name="leader", kind="person", mentions=[story.span(62, 68)]))
    story.actors[0], story.actors[2] = story.actors[2], story.actors[0]  # actors reordered
    assert story.actor_at(62, 68).id == "a3"
    story.actors = story.actors[1:]  # the list replaced
    assert story.actor_at(62, 68).id == "a1"
    _agrees(story)
