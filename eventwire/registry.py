"""Stages by versioned name. A stage is a factory ``make(nlp, config) -> callable(story) -> story``.

    @stage("quotes.rules.v1", requires=["actors"], assigns=["quotes"])
    def make_quotes(nlp, config):
        def quotes(story):
            ...
            return story
        return quotes

``requires`` and ``assigns`` name parts of the Story ("doc", "sentences", "actors", "events.place", ...);
the pipeline checks that every stage's requirements are assigned by the parse or an earlier stage.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from .errors import ConfigError

# What the parse step gives every story before any stage runs.
PARSE_ASSIGNS = ("article", "doc", "paragraphs", "sentences")

# Modules whose import registers the built-in stages.
BUILTIN_MODULES = (
    "eventwire.actors",
    "eventwire.quotes",
    "eventwire.events",
    "eventwire.places",
    "eventwire.dates",
)


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Callable
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    doc: str = ""


_STAGES: dict[str, StageInfo] = {}


def stage(name: str, *, requires=(), assigns=()):
    """Register a stage factory under a versioned name such as ``events.rules.v1``."""

    def register(factory):
        _STAGES[name] = StageInfo(
            name, factory, tuple(requires), tuple(assigns), (factory.__doc__ or "").strip().split("\n")[0]
        )
        return factory

    return register


def load_builtins() -> None:
    for module in BUILTIN_MODULES:
        importlib.import_module(module)


def get(name: str) -> StageInfo:
    load_builtins()
    if name not in _STAGES:
        known = ", ".join(sorted(_STAGES))
        raise ConfigError(f"unknown stage {name!r}; registered stages: {known}")
    return _STAGES[name]


def names() -> list[str]:
    load_builtins()
    return sorted(_STAGES)


def check_order(infos: list[StageInfo]) -> None:
    """Raise ConfigError naming the first stage whose requirement nothing before it assigns."""
    have = set(PARSE_ASSIGNS)
    for info in infos:
        missing = [r for r in info.requires if r not in have]
        if missing:
            raise ConfigError(
                f"stage {info.name!r} requires {', '.join(missing)}, which no earlier stage assigns; "
                "reorder the stages setting"
            )
        have.update(info.assigns)
