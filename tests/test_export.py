"""Export: PLOVER 2.0 JSONL, GDELT-style CSV (one row per event cluster), Parquet; the events/export commands."""

import csv
import json

import pytest
from click.testing import CliRunner

from eventwire import dedup
from eventwire.cli import cli
from eventwire.errors import InputError
from eventwire.export import GDELT_COLUMNS, export
from eventwire.store import Store
from tests.test_store import TEXT, make_story

COPY = TEXT.replace("Ministers Meet in Oslo", "UPDATE 1-Norway and Kenya ministers meet") + " Talks go on Tuesday."


@pytest.fixture()
def store_path(tmp_path):
    """Two near-duplicate copies of one article, linked and clustered."""
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        for story in (make_story(), make_story(COPY)):
            store.add_story(story, signature=dedup.signature(story.text))
        dedup.link_duplicates(store)
        dedup.cluster_events(store)
    return path


def test_export_plover_fields(store_path, tmp_path):
    out = tmp_path / "e.jsonl"
    with Store(store_path, read_only=True) as store:
        assert export(store, out, fmt="plover") == 4
    records = [json.loads(line) for line in out.read_text().splitlines()]
    rec = next(r for r in records if r["event"] == ["CONSULT"])
    for name in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "quad_code",
                 "event_scale", "event_loc", "link", "text_info", "cite_info", "coder", "coded_date"):
        assert name in rec, name
    assert rec["actor"][0] == {**rec["actor"][0], "code": "NOR", "sector": "GOV", "entity_text": "Kari Berg",
                               "office": "foreign minister"}
    assert rec["recipient"][0]["code"] == "KEN" and rec["date"] == "2025-02-03"
    assert rec["event_loc"]["resolved_place"] == "Oslo" and rec["event_loc"]["lat"] == pytest.approx(59.91)
    text = TEXT if rec["article_id"] == make_story().article.id else COPY
    info = rec["text_info"]
    assert text[info["start"]:info["end"]] == info["text"]
    assert rec["cite_info"]["publication"] == "Fiction Wire" and rec["cite_info"]["codebook"] == "PLOVER 2.0"
    assert rec["num_mentions"] == 2 and rec["num_articles"] == 2


def test_export_plover_copies_share_a_link(store_path, tmp_path):
    out = tmp_path / "e.jsonl"
    with Store(store_path, read_only=True) as store:
        export(store, out, fmt="plover", type="CONSULT")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == 2 and len({r["link"] for r in records}) == 1
    assert len({r["article_id"] for r in records}) == 2


def test_export_gdelt_one_row_per_cluster(store_path, tmp_path):
    out = tmp_path / "e.csv"
    with Store(store_path, read_only=True) as store:
        assert export(store, out, fmt="gdelt") == 2
    with out.open() as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == GDELT_COLUMNS
        rows = {r["PloverType"]: r for r in reader}
    row = rows["CONSULT"]
    assert (row["SQLDATE"], row["Year"], row["MonthYear"]) == ("20250203", "2025", "202502")
    assert (row["Actor1CountryCode"], row["Actor1Type1Code"], row["Actor2Code"]) == ("NOR", "GOV", "KENGOV")
    assert row["Actor1Name"] == "KARI BERG" and row["EventCode"] == "040" and row["EventRootCode"] == "04"
    assert (row["NumMentions"], row["NumArticles"], row["NumSources"]) == ("2", "2", "1")
    assert float(row["ActionGeo_Lat"]) == pytest.approx(59.91) and row["ActionGeo_Type"] == "4"
    assert row["GLOBALEVENTID"].isdigit() and row["IsRootEvent"] == "1"


def test_export_parquet_readable_and_filtered(store_path, tmp_path):
    import duckdb

    out = tmp_path / "e.parquet"
    with Store(store_path, read_only=True) as store:
        assert export(store, out, fmt="parquet", type="AID") == 2
    rows = duckdb.sql(f"SELECT type, source_names, cluster_events FROM '{out}'").fetchall()
    assert rows == [("AID", "Kari Berg", 2), ("AID", "Kari Berg", 2)]


def test_export_unknown_format_is_an_input_error(store_path, tmp_path):
    with Store(store_path, read_only=True) as store, pytest.raises(InputError):
        export(store, tmp_path / "x", fmt="xml")


def test_export_cli_events_and_export(store_path, tmp_path):
    runner = CliRunner()
    res = runner.invoke(cli, ["events", "--db", str(store_path), "--country", "KEN", "--type", "aid"])
    assert res.exit_code == 0, res.output
    assert "AID" in res.output and "Kari Berg" in res.output and "1-2 of 2 events" in res.output
    res = runner.invoke(cli, ["events", "--db", str(store_path), "--actor", "nobody"])
    assert res.exit_code == 0 and "no events match" in res.output
    out = tmp_path / "x.csv"
    res = runner.invoke(cli, ["export", "--db", str(store_path), "--format", "gdelt", "-o", str(out)])
    assert res.exit_code == 0 and "wrote 2 records" in res.output and out.exists()


def test_export_cli_missing_store_exits_4(tmp_path):
    res = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 4 and "eventwire ingest" in res.output


@pytest.mark.parametrize("command", ["ingest", "events", "export"])
def test_export_cli_corpus_commands_have_an_example(command):
    res = CliRunner().invoke(cli, [command, "--help"])
    assert res.exit_code == 0 and "Example:" in res.output and f"eventwire {command}" in res.output
