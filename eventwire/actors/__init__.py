"""Actors: people, organisations, countries and groups, each with every mention in the article.

Stage ``actors.rules.v1`` (see ``rules.py``); knowledge base in ``kb.py`` and ``eventwire/data/actors/``;
users' PETRARCH/Phoenix dictionaries through ``phoenix.py``.

``story.actor_at(start, end)`` gives the one actor of a mention; ``story.actors_at`` (also ``actors_at`` below)
every actor of a compound phrase ("Hungarian and Romanian officials") or plural pronoun ("they" for Obama and
Petraeus), from the extensions the stage assigns (``actors.pronouns``, ``actors.conjuncts``).
"""

from __future__ import annotations

from ..model import Actor, Story
from . import rules  # noqa: F401  (registers the stage)


def actors_at(story: Story, start: int, end: int) -> list[Actor]:
    """Every actor named by the characters start..end (``Story.actors_at``)."""
    return story.actors_at(start, end)


__all__ = ["actors_at"]
