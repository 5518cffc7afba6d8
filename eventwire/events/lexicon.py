"""The event lexicon (``eventwire/data/event_lexicon.tsv``): words and phrases that name PLOVER events.

An entry is a head lemma plus the words that must hang off it in the parse ("call for", "open fire"), a part
of speech (V verb, N noun, A adjective), a PLOVER type (or LIGHT for light verbs whose noun carries the event,
NOT for refusals that turn their complement into a REJECT, NONE for idioms that name no event: "sworn in",
"a big deal"), a mode, a CAMEO code and an argument frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..data import data_path, read_lines
from ..errors import DataFileError
from . import ontology

LEXICON = "event_lexicon.tsv"
FRAMES = ("sv", "ctl", "recip", "obj", "actobj", "thingobj", "intr")
SPECIAL = ("LIGHT", "NOT", "NONE")


@dataclass(frozen=True)
class Entry:
    head: str  # head lemma
    extra: tuple[str, ...]  # lemmas that must be attached to the head
    pos: str  # V, N, A
    type: str
    mode: str
    cameo: str
    frame: str
    line: int

    @property
    def pattern(self) -> str:
        words = self.extra + (self.head,) if self.pos == "N" else (self.head,) + self.extra
        return " ".join(words)


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    return parse(read_lines(LEXICON))


def parse(lines) -> tuple[Entry, ...]:
    """Entries from (line number, line) pairs of the lexicon file, header row first."""
    out = []
    header = True
    for n, line in lines:
        cols = [c.strip() for c in line.split("\t")]
        if header:
            header = False
            continue
        if len(cols) < 3 or len(cols) > 6:
            raise DataFileError(data_path(LEXICON), n, f"expected 3 to 6 tab-separated columns, got {len(cols)}")
        cols += [""] * (6 - len(cols))
        pattern, pos, etype, mode, cameo, frame = cols
        words = pattern.lower().replace("-", " - ").split()
        if not words:
            raise DataFileError(data_path(LEXICON), n, "empty pattern")
        if pos not in ("V", "N", "A"):
            raise DataFileError(data_path(LEXICON), n, f"pos must be V, N or A, got {pos!r}")
        if etype not in SPECIAL:
            ontology.check_type(etype, mode, LEXICON, n)
        frame = frame or "sv"
        if frame not in FRAMES:
            raise DataFileError(data_path(LEXICON), n, f"frame must be one of {', '.join(FRAMES)}, got {frame!r}")
        if cameo and not cameo.isdigit():
            raise DataFileError(data_path(LEXICON), n, f"CAMEO code must be digits, got {cameo!r}")
        if pos == "N":  # English noun compounds end in their head: "hunger strike", "no need"
            out.append(Entry(words[-1], tuple(words[:-1]), pos, etype, mode, cameo, frame, n))
        else:  # verbs and adjectives come first: "call for", "open fire", "make clear"
            out.append(Entry(words[0], tuple(words[1:]), pos, etype, mode, cameo, frame, n))
    return tuple(out)


@lru_cache(maxsize=1)
def by_head() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """(head lemma, pos) -> entries, longest pattern first, then in file order."""
    table: dict[tuple[str, str], list[Entry]] = {}
    for e in entries():
        table.setdefault((e.head, e.pos), []).append(e)
    return {k: tuple(sorted(v, key=lambda e: (-len(e.extra), e.line))) for k, v in table.items()}


def event_entries(pos: str) -> list[Entry]:
    """The entries of one part of speech that name an event type (for the vector fallback)."""
    return [e for e in entries() if e.pos == pos and e.type not in SPECIAL and not e.extra]
