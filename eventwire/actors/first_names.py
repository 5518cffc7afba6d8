"""The gender a first name tells, from the US Census 1990 lists of first names and how common each is among
women and among men, as shipped by the ``names`` package (MIT licence): "Debbie" and "Felicia" are women's
names, "Reince" is in neither list, "Jordan" and "Robin" are common for both and tell nothing.

The hand-kept cues of ``data/actors/gender.tsv`` come first; this is the fallback for the thousands of names a
list kept by hand does not hold.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# A name tells a gender when it is this many times more common for one than for the other.
RATIO = 4.0


def _read(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    if path.exists():
        for line in path.read_text(encoding="ascii", errors="ignore").splitlines():
            cols = line.split()
            if len(cols) >= 2:
                out[cols[0].lower()] = float(cols[1])
    return out


@lru_cache(maxsize=1)
def census() -> dict[str, str]:
    """First name (lower case) -> "f" or "m", for the names the census lists tell apart; empty when the
    ``names`` package is not installed."""
    try:
        import names
    except ImportError:
        return {}
    root = Path(names.__file__).parent
    women, men = _read(root / "dist.female.first"), _read(root / "dist.male.first")
    out = {}
    for name in set(women) | set(men):
        f, m = women.get(name, 0.0), men.get(name, 0.0)
        if f >= RATIO * m:
            out[name] = "f"
        elif m >= RATIO * f:
            out[name] = "m"
    return out


def first_name_gender(word: str) -> str | None:
    """"f" or "m" for a first name the census lists tell apart, else None."""
    return census().get(word.lower())
