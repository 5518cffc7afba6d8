"""Events: who did what to whom, coded in PLOVER 2.0 with a CAMEO code.

Stage ``events.rules.v1`` (see ``rules.py``).
"""

from . import rules  # noqa: F401  (registers the stage)
