"""The command line: help that reads like documentation, exit codes, and one-line errors for bad input."""

import gzip
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from eventwire.cli import cli


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_cli_help_lists_commands_and_example():
    result = run("--help")
    assert result.exit_code == 0
    assert "code" in result.output and "Example:" in result.output


def test_cli_every_command_has_help_with_example():
    for name, command in cli.commands.items():
        assert command.help and "Example:" in command.help, f"{name} needs help with an Example:"


BAD = {
    "empty": (b"", "empty"),
    "whitespace": (b"   \n\n\t  \n", "empty"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "binary"),
    "gzipped": (gzip.compress(b"hello world" * 100), "gzip-compressed"),
    "jsonl": (b'{"text": "The mayor said the bridge would reopen in May."}\n{"text": "Rain fell."}\n', "JSON data"),
    "json-array": (b'[\n {"title": "Bridge", "text": "The mayor said the bridge would reopen."}\n]\n', "JSON data"),
    "latin1": ("Caf\xe9 owners protested in Paris on Monday.".encode("latin-1"), "not valid UTF-8"),
    "html": (b"<!DOCTYPE html><html><head><title>x</title></head><body><p>Hello</p></body></html>", "HTML page"),
    "huge": (("The minister said the talks would resume. " * 80000).encode(), "more than"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_cli_bad_input_one_line_and_nonzero_exit(tmp_path, case):
    data, expected = BAD[case]
    path = tmp_path / f"{case}.txt"
    path.write_bytes(data)
    proc = subprocess.run([sys.executable, "-m", "eventwire", "code", str(path)], capture_output=True, text=True)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert expected in lines[0]


def test_cli_jsonl_file_is_refused_even_with_a_bad_first_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{broken\n{"text": "The mayor said the bridge would reopen in May."}\n')
    proc = subprocess.run([sys.executable, "-m", "eventwire", "code", str(path)], capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "eventwire ingest" in proc.stderr


def test_cli_missing_path_one_line(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "eventwire", "code", str(tmp_path / "nope.txt")],
                          capture_output=True, text=True)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "no such file" in proc.stderr.lower()


def test_cli_bad_date_is_an_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The minister met the ambassador in Paris on Monday.")
    result = run("code", str(path), "--date", "17/11/2008")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


@pytest.mark.parametrize("bound", ["2020-13-45", "notadate", "2021-02-30", "20201"])
def test_cli_event_date_filters_must_be_dates(tmp_path, bound):
    """A --from/--to that is not a date was compared as text and silently selected nothing (or everything)."""
    for command in (["events"], ["export", "-o", str(tmp_path / "x.jsonl")]):
        result = run(*command, "--db", str(tmp_path / "none.duckdb"), "--from", bound)
        assert result.exit_code == 2 and "is not a date" in result.output


def _store(tmp_path):
    from eventwire.store import Store

    path = tmp_path / "s.duckdb"
    with Store(path):
        pass
    return path


def test_cli_event_date_filters_accept_partial_dates(tmp_path):
    db = str(_store(tmp_path))
    for bounds in (["--from", "2021"], ["--to", "2021-03"], ["--from", "2020-02-29", "--to", "2021-12-31"]):
        assert run("events", "--db", db, *bounds).exit_code == 0


def test_cli_unwritable_output_is_one_line_error(tmp_path):
    db = _store(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "eventwire", "export", "--db", str(db), "--format", "gdelt",
                           "-o", str(tmp_path / "no" / "such" / "folder" / "x.tsv")], capture_output=True, text=True)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "[E109]" in lines[0] and "No such file or directory" in lines[0]


def test_cli_unexpected_exception_is_one_line_internal_error(monkeypatch):
    """A bug in a command prints one line that says where, with exit code 1, never a traceback."""
    from eventwire import settings

    monkeypatch.setattr(settings, "SETTINGS", None)  # iterating it raises TypeError inside the command
    monkeypatch.delenv("EVENTWIRE_DEBUG", raising=False)
    result = run("help-settings")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "[E900]" in lines[0] and "TypeError" in lines[0] and "cli.py" in lines[0]
    monkeypatch.setenv("EVENTWIRE_DEBUG", "1")
    with pytest.raises(TypeError):
        run("help-settings")


@pytest.mark.model
def test_cli_code_json_from_stdin():
    result = run("code", "-", "--format", "json", "--date", "2020-01-02",
                 input="Police arrested the protest leader in Nairobi on Monday, officials said.")
    assert result.exit_code == 0
    story = json.loads(result.output)
    assert story["article"]["date"] == "2020-01-02"
    assert any(p["name"] == "Nairobi" for p in story["places"])


@pytest.mark.model
def test_cli_html_flag_extracts_main_text(tmp_path):
    page = ("<!DOCTYPE html><html><head><title>Talks resume</title></head><body><nav>Home | World</nav>"
            "<article><h1>Talks resume</h1><p>Foreign Minister Amina Khalid said on Monday that the government "
            "of Sudan would send a delegation to the talks in Geneva next month, officials said.</p>"
            "<p>The talks had been suspended since March after the army accused the rebels of shelling "
            "civilians in Khartoum.</p></article><footer>Copyright</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page)
    result = run("code", str(path), "--html", "--format", "json")
    assert result.exit_code == 0, result.output
    story = json.loads(result.output)
    assert "Amina Khalid" in story["article"]["text"]
    assert "Home | World" not in story["article"]["text"]


@pytest.mark.model
def test_cli_table_shows_sections(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text('"We will not negotiate," Foreign Minister Amina Khalid said in Khartoum on Monday.')
    result = run("code", str(path))
    assert result.exit_code == 0
    for section in ("ACTORS", "EVENTS", "QUOTES", "PLACES"):
        assert section in result.output


def test_cli_explain_lists_stages():
    result = run("code", "-", "--explain")
    assert result.exit_code == 0
    assert "actors.rules.v1" in result.output and "requires" in result.output


def test_cli_setting_option_rejects_unknown_name(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("The minister met the ambassador in Paris on Monday.")
    result = run("code", str(path), "-s", "colour", "blue")
    assert result.exit_code == 3
    assert "unknown setting 'colour'" in result.output


@pytest.mark.model
def test_cli_setting_option_changes_the_pipeline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Senator Maria Lopez opposed the new border bill on Tuesday.")
    on = json.loads(run("code", str(path), "--format", "json").output)
    off = json.loads(run("code", str(path), "--format", "json", "-s", "quote_positions", "false").output)
    assert any(q["cue"]["text"] == "opposed" for q in on["quotes"])
    assert not any(q["cue"]["text"] == "opposed" for q in off["quotes"])
