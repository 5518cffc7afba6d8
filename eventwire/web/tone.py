"""Cooperation or conflict: the quad class of an event, for colouring tables, highlights and network edges.

The quad class comes from the stored event when the events stage set it; otherwise it follows from the
CAMEO root code by the usual CAMEO grouping (01-05 verbal cooperation, 06-08 material cooperation, 09-14
verbal conflict, 15-20 material conflict).
"""

from __future__ import annotations

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_CSS = {1: "vcoop", 2: "mcoop", 3: "vconf", 4: "mconf", None: "neutral"}


def quad_class(quad: int | None, cameo: str | None, goldstein: float | None = None) -> int | None:
    """The quad class (1-4) of an event, or None when nothing tells."""
    if quad in QUAD_NAMES:
        return int(quad)
    root = _cameo_root(cameo)
    if root is not None:
        if root <= 5:
            return 1
        if root <= 8:
            return 2
        if root <= 14:
            return 3
        return 4
    if goldstein is not None:
        return 1 if goldstein > 0 else 3 if goldstein < 0 else None
    return None


def _cameo_root(cameo: str | None) -> int | None:
    if not cameo:
        return None
    digits = "".join(ch for ch in str(cameo) if ch.isdigit())
    if len(digits) < 2:
        return None
    root = int(digits[:2])
    return root if 1 <= root <= 20 else None


def css(quad: int | None) -> str:
    return QUAD_CSS.get(quad, "neutral")


def is_conflict(quad: int | None) -> bool | None:
    return None if quad is None else quad >= 3
