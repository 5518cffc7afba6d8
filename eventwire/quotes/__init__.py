"""Quotes: direct, indirect and mixed quotations with their cue and speaker.

Stage ``quotes.rules.v1`` (see ``rules.py``).
"""

from . import rules  # noqa: F401  (registers the stage)
