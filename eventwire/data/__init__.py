"""Data files: ontology, lexicons, word lists, the actor knowledge base, boilerplate patterns. Open and extend them.

Every file starts with comment lines (``#``) that say what it is for. ``read_lines`` gives the other lines of
any file; ``word_set`` a one-word-a-line list, loaded once per process.
"""

from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).parent


def data_path(name: str) -> Path:
    return DATA_DIR / name


def read_lines(name: str):
    """Yield (line_number, line) for the non-blank, non-comment lines of a data file."""
    path = data_path(name)
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            yield n, stripped


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset[str]:
    """The entries of a word list: one word (or hyphenated word) a line, as written. A line with a space or a
    tab is an error that names the file and the line."""
    from ..errors import DataFileError

    words = set()
    for n, line in read_lines(name):
        if any(ch.isspace() for ch in line):
            raise DataFileError(data_path(name), n, f"expected one word a line, got {line!r}")
        words.add(line)
    return frozenset(words)
