"""Dates: when each event happened, with its precision.

Stage ``dates.rules.v1`` (see ``rules.py``).
"""

from . import rules  # noqa: F401  (registers the stage)
