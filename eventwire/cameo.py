"""The CAMEO event codebook as eventwire reads it: each code's Goldstein score
(``data/export/cameo_goldstein.tsv``), GDELT's QuadClass by root code, and the code eventwire writes for a
PLOVER type and mode (the ``back`` rows of ``data/plover/cameo_crosswalk.tsv``). Exports and analyst
corrections both read it."""

from __future__ import annotations

from functools import lru_cache

from .data import read_lines


@lru_cache(maxsize=1)
def goldstein_table() -> dict[str, float]:
    """CAMEO event code -> Goldstein score (``data/export/cameo_goldstein.tsv``)."""
    out = {}
    for _, line in list(read_lines("export/cameo_goldstein.tsv"))[1:]:
        code, score = line.split("\t")
        out[code] = float(score)
    return out


@lru_cache(maxsize=1)
def _crosswalk_back() -> dict[tuple[str, str], str]:
    """(PLOVER type, mode) -> the CAMEO code eventwire writes for it (the crosswalk's ``back`` rows)."""
    out: dict[tuple[str, str], str] = {}
    rows = [line.split("\t") for _, line in read_lines("plover/cameo_crosswalk.tsv")]
    for r in rows[1:]:
        r = r + [""] * (6 - len(r))
        if r[4].strip() == "*":
            out.setdefault((r[1], r[2]), r[0])
    return out


def cameo_code(event: dict) -> str | None:
    """The event's CAMEO code if it is one of the codebook's, else the crosswalk's code for its type/mode."""
    table = goldstein_table()
    code = (event.get("cameo") or "").strip()
    if code in table:
        return code
    back = _crosswalk_back()
    for key in ((event.get("type"), event.get("mode") or ""), (event.get("type"), "")):
        if back.get(key) in table:
            return back[key]
    return None


def quad_class(code: str) -> int:
    """GDELT's QuadClass from the CAMEO root code: 01-05 verbal cooperation (1), 06-08 material cooperation (2),
    09-13 verbal conflict (3), 14-20 material conflict (4)."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def goldstein(code: str) -> float:
    table = goldstein_table()
    for c in (code, code[:3], code[:2]):
        if c in table:
            return table[c]
    raise KeyError(code)
