"""Stages by versioned name. A stage is a factory ``make(nlp, config) -> callable(story) -> story``.

    @stage("quotes.rules.v1", requires=["actors"], assigns=["quotes"])
    def make_quotes(nlp, config):
        def quotes(story):
            ...
            return story
        return quotes

``requires`` and ``assigns`` name parts of the Story ("doc", "sentences", "actors", "events.place", ...) and
the extensions a stage registers ("actors.pronouns"). A stage declares everything it reads (a lookup such as
``story.actor_at`` reads "actors") and writes. The pipeline refuses, at construction, a stage list in which
a stage reads something that neither the parse nor an earlier stage assigns, naming both stages.
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
    """Raise ConfigError, naming both stages, when a stage reads something that the parse or an earlier stage
    of the list does not assign: the stage that assigns it comes later in the list, or is left out."""
    have = set(PARSE_ASSIGNS)
    for pos, info in enumerate(infos):
        missing = [r for r in info.requires if r not in have]
        if missing:
            raise ConfigError(_order_message(info, missing, infos[pos + 1:]))
        have.update(info.assigns)


def _order_message(info: StageInfo, missing: list[str], after: list[StageInfo]) -> str:
    """Why the stage list breaks ``info``'s declaration, and which stage to add or move."""
    load_builtins()
    need = missing[0]
    same = lambda other: [r for r in missing if r in other.assigns]  # noqa: E731
    later = next((x for x in after if need in x.assigns), None)
    if later is not None:
        return (f"stage {info.name!r} reads {', '.join(same(later))}, which stage {later.name!r} assigns, but "
                f"{later.name!r} comes after it in the stages setting; put {later.name!r} before {info.name!r}")
    provider = next((x for x in _STAGES.values() if need in x.assigns), None)
    if provider is not None:
        return (f"stage {info.name!r} reads {', '.join(same(provider))}, which stage {provider.name!r} assigns, "
                f"but {provider.name!r} is not in the stages setting; add it before {info.name!r}")
    return (f"stage {info.name!r} reads {need}, which neither the parse nor any registered stage assigns; "
            f"registered stages: {', '.join(sorted(_STAGES))}")
