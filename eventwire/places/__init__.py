"""Places: toponyms resolved to coordinates and a country, and where each event happened.

Stage ``places.gazetteer.v1`` (see ``gazetteer.py``).
"""

from . import gazetteer  # noqa: F401  (registers the stage)
