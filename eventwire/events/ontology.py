"""PLOVER 2.0 as data: event types and modes, contexts, sectors, scores and the CAMEO crosswalk.

Everything is read from the commented TSV files in ``eventwire/data/plover/`` once per process. A line with the
wrong number of columns, an unknown type or a bad number raises ``DataFileError`` naming the file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path, read_lines
from ..errors import DataFileError


def _rows(name: str, ncols: int):
    """Yield (line number, columns) of a TSV data file, skipping its header row; pads optional columns."""
    header_seen = False
    for n, line in read_lines(name):
        cols = [c.strip() for c in line.split("\t")]
        if not header_seen:
            header_seen = True
            continue
        if len(cols) > ncols:
            raise DataFileError(data_path(name), n, f"expected at most {ncols} tab-separated columns, got {len(cols)}")
        yield n, cols + [""] * (ncols - len(cols))


@dataclass(frozen=True)
class EventType:
    name: str
    quad: int
    needs_target: bool
    modes: tuple[str, ...]
    gloss: str


@lru_cache(maxsize=1)
def event_types() -> dict[str, EventType]:
    out = {}
    for n, (name, quad, needs, modes, gloss) in _rows("plover/event_types.tsv", 5):
        if not quad.isdigit() or int(quad) not in (1, 2, 3, 4):
            raise DataFileError(data_path("plover/event_types.tsv"), n, f"quad must be 1-4, got {quad!r}")
        out[name] = EventType(name, int(quad), needs == "yes",
                              tuple(m for m in modes.split(",") if m), gloss)
    return out


def check_type(name: str, mode: str | None, path: str, line: int) -> None:
    """Raise DataFileError when a type or mode named in a data file is not in PLOVER."""
    types = event_types()
    if name not in types:
        raise DataFileError(data_path(path), line, f"unknown PLOVER type {name!r}")
    if mode and mode not in types[name].modes:
        raise DataFileError(data_path(path), line, f"{name} has no mode {mode!r}")


@lru_cache(maxsize=1)
def scores() -> dict[tuple[str, str], tuple[int, float]]:
    """(type, mode) -> (quad class, cooperation-conflict score); mode "" is the type's own score."""
    out = {}
    path = "plover/quad_goldstein.tsv"
    for n, (name, mode, quad, score) in _rows(path, 4):
        check_type(name, mode, path, n)
        try:
            out[(name, mode)] = (int(quad), float(score))
        except ValueError:
            raise DataFileError(data_path(path), n, f"quad and score must be numbers: {quad!r}, {score!r}") from None
    return out


def quad_and_score(etype: str, mode: str | None) -> tuple[int | None, float | None]:
    table = scores()
    if (etype, mode or "") in table:
        return table[(etype, mode or "")]
    if (etype, "") in table:
        return table[(etype, "")]
    return None, None


@dataclass(frozen=True)
class Crosswalk:
    cameo: str
    type: str
    mode: str
    context: str
    label: str


@lru_cache(maxsize=1)
def crosswalk() -> dict[str, Crosswalk]:
    """CAMEO code -> PLOVER type, mode and implied context."""
    out = {}
    path = "plover/cameo_crosswalk.tsv"
    for n, (code, name, mode, context, back, label) in _rows(path, 6):
        if not code.isdigit():
            raise DataFileError(data_path(path), n, f"CAMEO code must be digits, got {code!r}")
        check_type(name, mode, path, n)
        if context and context not in contexts():
            raise DataFileError(data_path(path), n, f"unknown context {context!r}")
        out[code] = Crosswalk(code, name, mode, context, label)
    return out


@lru_cache(maxsize=1)
def _back() -> dict[tuple[str, str], str]:
    out = {}
    path = "plover/cameo_crosswalk.tsv"
    for n, (code, name, mode, _context, back, _label) in _rows(path, 6):
        if back == "*":
            out.setdefault((name, mode), code)
    return out


def cameo_for(etype: str, mode: str | None) -> str | None:
    """The CAMEO code eventwire writes for a PLOVER type and mode (the mode-less code when the mode has none)."""
    table = _back()
    return table.get((etype, mode or "")) or table.get((etype, ""))


def plover_for(cameo: str) -> tuple[str, str] | None:
    """The PLOVER (type, mode) of a CAMEO code, trying its shorter prefixes (``1831`` -> ``183``)."""
    table = crosswalk()
    for k in range(len(cameo), 1, -1):
        if cameo[:k] in table:
            row = table[cameo[:k]]
            return row.type, row.mode
    return None


@lru_cache(maxsize=1)
def contexts() -> dict[str, tuple[str, tuple[str, ...]]]:
    """context -> (gloss, cue words and phrases)."""
    out = {}
    for _n, (name, gloss, cues) in _rows("plover/contexts.tsv", 3):
        out[name] = (gloss, tuple(c.strip().lower() for c in cues.split(",") if c.strip()))
    return out


@lru_cache(maxsize=1)
def sectors() -> dict[str, str]:
    return {code: gloss for _n, (code, _freq, gloss) in _rows("plover/sectors.tsv", 3)}
