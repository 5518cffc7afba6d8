"""The knowledge base a stage uses: the shipped one (``kb.default_kb``) extended with users' files, TSV like
``organizations.tsv`` or PETRARCH/Phoenix dictionaries (``phoenix.py``). Kept apart from ``kb.py`` so that
``phoenix.py`` can build on ``kb.py`` without the two importing each other."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from . import phoenix
from .kb import KnowledgeBase, default_kb, load_organizations


@lru_cache(maxsize=8)
def knowledge_base(extra_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base extended with users' files (TSV like organizations.tsv, or Phoenix)."""
    if not extra_files:
        return default_kb()
    kb = default_kb().copy()
    for name in extra_files:
        path = Path(name)
        if not path.exists():
            raise DataFileError(path, None, "actor file not found (check the actor_files setting)")
        if path.suffix.lower() == ".tsv":
            load_organizations(kb, path)
        else:
            phoenix.load_into(kb, path)
    return kb
