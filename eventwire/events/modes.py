"""Modes from the kind of action asked for, refused or threatened: a request or refusal of a meeting is
"meet", of help "assist", of a withdrawal "yield" (``request_mode``); a threat of an attack is "violence", of
sanctions "relations" or "expel", of an arrest "arrest", of an invasion "territory" (``threat_mode``).
"""

from __future__ import annotations

from .lexicon import Entry

# Attacks that take land: a threat of one threatens territory (PLOVER 2.0, THREATEN "territory").
TERRITORIAL = {"invade", "invasion", "conquer", "conquest"}


def request_mode(ctype: str | None) -> str:
    """The REQUEST/REJECT mode from the kind of action asked for or refused."""
    if ctype in ("CONSULT",):
        return "meet"
    if ctype in ("AID", "COOPERATE", "SUPPORT", "AGREE"):
        return "assist"
    if ctype in ("RETREAT", "CONCEDE"):
        return "yield"
    return "change" if ctype else ""


def threat_mode(entry: Entry) -> str:
    """The THREATEN mode from the kind of action threatened."""
    if entry.type == "ASSAULT":
        return "territory" if entry.head in TERRITORIAL else "violence"
    if entry.type == "SANCTION":
        return "expel" if entry.mode == "expel" else "relations"
    if entry.type == "COERCE":
        return {"arrest": "arrest", "seize": "territory", "deport": "expel"}.get(entry.mode, "restrict")
    if entry.type == "MOBILIZE":
        return "violence"
    if entry.type == "PROTEST":
        return "restrict"  # PLOVER 2.0: a threatened strike, boycott or blockade restricts movement or goods
    return ""
