"""Actors: people, organisations, countries and groups, each with every mention in the article.

Stage ``actors.rules.v1`` (see ``rules.py``); knowledge base in ``kb.py`` and ``eventwire/data/actors/``;
users' PETRARCH/Phoenix dictionaries through ``phoenix.py``.

``story.actor_at(start, end)`` gives the one actor of a mention; ``actors_at`` below gives every actor of a
compound phrase ("Hungarian and Romanian officials") or plural pronoun ("they" for Obama and Petraeus).
"""

from __future__ import annotations

from ..model import Actor, Story
from . import rules  # noqa: F401  (registers the stage)


def actors_at(story: Story, start: int, end: int) -> list[Actor]:
    """Every actor named by the characters start..end: all parts of a compound or plural pronoun that the
    range covers or lies in, else the one actor ``story.actor_at`` finds (or none)."""
    one = story.actor_at(start, end)
    if one is not None and any(m.start <= start and end <= m.end for m in one.mentions) \
            and (start, end) not in story.ext["actors.pronouns"]:
        return [one]  # inside one mention ("Bulgarian" in "Bulgarian and Greek officials")
    ids: list[str] = []
    for table in ("actors.pronouns", "actors.conjuncts"):
        for (s, e), found in story.ext[table].items():
            if s < end and start < e and ((start <= s and e <= end) or (s <= start and end <= e)):
                ids += [i for i in found if i not in ids]
    if ids:
        return [a for a in (story.actor(i) for i in ids) if a is not None]
    return [one] if one else []


__all__ = ["actors_at"]
