"""Data files: ontology, lexicons, the actor knowledge base, boilerplate patterns. Open and extend them."""

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
