"""Actors: people, organisations, countries and groups, each with every mention in the article.

Stage ``actors.rules.v1`` (see ``rules.py``).
"""

from . import rules  # noqa: F401  (registers the stage)
