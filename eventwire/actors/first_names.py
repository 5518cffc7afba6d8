"""The gender a first name tells, from the US Census 1990 lists of first names and how common each is among
women and among men, as shipped by the ``names`` package (MIT licence): "Debbie" and "Felicia" are women's
names, "Reince" is in neither list, "Jordan" and "Robin" are common for both and tell nothing.

The hand-kept cues of ``data/actors/gender.tsv`` come first; this is the fallback for the thousands of names a
list kept by hand does not hold. The same package's census list of 88,800 surnames says whether a word is known as a
family name at all ("Jones", "Houston", but not "Munich" or "Fiorina").
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# A name tells a gender when it is this many times more common for one than for the other.
RATIO = 4.0
# A first name only one list holds tells the sex for sure when this many per cent of that sex bear it.
ONE_SEX = 0.005


@lru_cache(maxsize=2)
def _lists() -> tuple[list[list[str]], list[list[str]]]:
    """The rows (name, frequency, cumulative, rank) of the census women's and men's first-name lists; empty
    when the ``names`` package is not installed."""
    try:
        import names
    except ImportError:
        return [], []
    root = Path(names.__file__).parent

    def rows(f: str) -> list[list[str]]:
        path = root / f
        text = path.read_text(encoding="ascii", errors="ignore") if path.exists() else ""
        return [cols for cols in (line.split() for line in text.splitlines()) if len(cols) >= 2]

    return rows("dist.female.first"), rows("dist.male.first")


@lru_cache(maxsize=1)
def _surname_ranks() -> dict[str, int]:
    try:
        import names
    except ImportError:
        return {}
    path = Path(names.__file__).parent / "dist.all.last"
    text = path.read_text(encoding="ascii", errors="ignore") if path.exists() else ""
    rows = (line.split() for line in text.splitlines())
    return {cols[0].lower(): int(cols[3]) for cols in rows if len(cols) >= 4 and cols[3].isdigit()}


def surnames() -> dict[str, int]:
    """The census surnames (lower case) with their rank, 1 the commonest; empty when the ``names`` package is
    not installed."""
    return _surname_ranks()


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Every first name (lower case) of either census list, however rare or shared."""
    return frozenset(cols[0].lower() for rows in _lists() for cols in rows)


def _read(rows: list[list[str]]) -> dict[str, float]:
    return {cols[0].lower(): float(cols[1]) for cols in rows}


@lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, float], dict[str, float]]:
    """First name (lower case) -> per cent of women, and of men, who bear it."""
    women_rows, men_rows = _lists()
    return _read(women_rows), _read(men_rows)


@lru_cache(maxsize=4)
def common(rank: int) -> frozenset[str]:
    """The first names (lower case) among the ``rank`` most common of either list."""
    return frozenset(cols[0].lower() for rows in _lists() for cols in rows
                     if len(cols) >= 4 and cols[3].isdigit() and int(cols[3]) <= rank)


@lru_cache(maxsize=1)
def census() -> dict[str, str]:
    """First name (lower case) -> "f" or "m", for the names the census lists tell apart; empty when the
    ``names`` package is not installed."""
    women, men = _frequencies()
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


@lru_cache(maxsize=1)
def _one_sex() -> dict[str, str]:
    women, men = _frequencies()
    out = {n: "f" for n, f in women.items() if f >= ONE_SEX and n not in men}
    out.update({n: "m" for n, f in men.items() if f >= ONE_SEX and n not in women})
    return out


def one_sex_gender(word: str) -> str | None:
    """"f" or "m" for a first name only one census list holds, and at least ``ONE_SEX`` per cent of that sex
    bear ("Ruth", "Laura", "Ted"): firm enough to rule a person out of the other sex's pronouns, which the
    looser ``first_name_gender`` ("Kim", "Jean": mostly women's names in America) never does."""
    return _one_sex().get(word.lower())
