"""What the event coder carries while it reads one story: matches, drafts and the shared work state.

A ``Match`` is a lexicon entry found at a token (the trigger); a ``Draft`` is an event before it becomes a
record; ``Work`` is the state every step of ``extract.py`` reads and updates (the story, the reporting
verbs, which tokens are already accounted for, the drafts so far).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Story
from .lexicon import Entry
from .resolve import Resolved


@dataclass
class Match:
    tok: object  # spaCy token of the head word
    entry: Entry
    extra: list = field(default_factory=list)  # tokens matched by the pattern's other words
    similarity: float | None = None  # set for the vector fallback


@dataclass
class Draft:
    """An event before it becomes a record."""

    match: Match
    type: str
    mode: str
    cameo: str | None
    source: Resolved
    target: Resolved
    negated: bool = False
    hypothetical: bool = False
    attrs: dict = field(default_factory=dict)
    confidence: float = 0.5
    named_at: dict = field(default_factory=dict)  # role -> token of a participant kept only as text (``source_text``)
    inner: Match | None = None  # the clause's predicate a control verb took its type from ("vowed to CLOSE")


@dataclass
class Work:
    """The state of coding one story. ``use_vectors`` turns the vector fallback on (the ``vector_fallback``
    setting). ``consumed`` holds the indices of tokens already accounted for (a clause a control verb took, the object
    of a speech act); ``last_args`` the (subject, object) tokens of the last argument frame read, which name
    a participant as text when the actors stage has no actor for it."""

    story: Story
    reporting: set[str]
    use_vectors: bool
    consumed: set[int] = field(default_factory=set)
    drafts: list[Draft] = field(default_factory=list)
    last_args: tuple = (None, None)
