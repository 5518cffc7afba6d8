"""The JSON Schema of a story, and a check that a story's spans match its text."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).parent / "story.schema.json"


@lru_cache(maxsize=1)
def story_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(story_dict: dict) -> None:
    """Raise jsonschema.ValidationError if the story does not match the schema, ValueError if a span's text
    differs from the article text at its offsets."""
    import jsonschema

    jsonschema.validate(story_dict, story_schema())
    text = story_dict["article"]["text"]

    def walk(node):
        if isinstance(node, dict):
            if set(node) >= {"start", "end", "text"} and isinstance(node.get("start"), int):
                if text[node["start"]:node["end"]] != node["text"]:
                    raise ValueError(f"span {node['start']}:{node['end']} says {node['text']!r}, "
                                     f"text has {text[node['start']:node['end']]!r}")
            for key, value in node.items():
                if key != "article":
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(story_dict)
