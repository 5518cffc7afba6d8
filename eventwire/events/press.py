"""Talking to the press is how news is gathered, not a consultation between actors.

"Sanders, talking to reporters, praised Obama", "the president met with journalists at the White House": a
CONSULT whose only targets are reporters or journalists named by a common noun (an unnamed group of the media
sector) is no event; what was said there is coded on its own. Meeting a named outlet's staff, or reporters
acted on otherwise ("police detained the reporters"), is not touched.
"""

from __future__ import annotations


def press_contact(draft) -> bool:
    """Whether a consultation is held only with unnamed reporters or journalists (see the module docstring)."""
    if draft.type != "CONSULT" or not draft.target.actors:
        return False
    return all(a.sector == "JRN" and a.generic and a.kind == "group" for a in draft.target.actors)
