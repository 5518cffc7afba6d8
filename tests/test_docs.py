"""The README documents every command and every setting (as Datasette's test_docs does)."""

import re
from pathlib import Path

import pytest

from eventwire.cli import cli
from eventwire.settings import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_readme_shows_every_command(name):
    assert f"eventwire {name}" in README


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_docs_readme_settings_table_matches_settings(setting):
    table = README.split("<!-- settings-table:start -->")[1].split("<!-- settings-table:end -->")[0]
    row = next((line for line in table.splitlines() if line.startswith(f"| `{setting.name}` |")), None)
    assert row is not None, f"README settings table lacks {setting.name}"
    assert setting.help in row


def test_docs_readme_lists_no_unknown_setting():
    table = README.split("<!-- settings-table:start -->")[1].split("<!-- settings-table:end -->")[0]
    names = set(re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.M))
    assert names == {s.name for s in SETTINGS}


def test_docs_readme_stage_table_matches_declarations():
    from eventwire import registry, settings

    for name in settings.DEFAULTS["stages"]:
        info = registry.get(name)
        row = f"| `{name}` | `eventwire/{name.split('.')[0]}/` | {', '.join(info.requires)} | {', '.join(info.assigns)} |"
        assert row in README, f"README stage table row for {name} should read: {row}"
