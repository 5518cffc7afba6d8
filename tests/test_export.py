"""Export: PLOVER 2.0 JSONL, GDELT 2.0 event file, POLECAT TSV, typed Parquet; the events/export commands.

The GDELT file is checked the way a user loads it: pandas and DuckDB with the codebook's column list, no
header, tab-separated. A shared test (skipped without ../shared) ingests real PolNeAR texts, HTML pages and
JSONL and checks dates and every format end to end."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire import dedup
from eventwire.cli import cli
from eventwire.errors import InputError
from eventwire.export import (GDELT_COLUMNS, POLECAT_COLUMNS, POLECAT_EMPTY, cameo_actor, export, fips_country,
                              gdelt_dtypes, gdelt_geo, goldstein, goldstein_table, plover_types, quad_class,
                              source_url)
from eventwire.model import Event, Span
from eventwire.store import Store
from tests.conftest import SHARED
from tests.test_store import TEXT, make_story

COPY = TEXT.replace("Ministers Meet in Oslo", "UPDATE 1-Norway and Kenya ministers meet") + " Talks go on Tuesday."
EXTRA = TEXT + " Kenya did not reject the offer. Officials would meet again."


def _extra_story():
    """One more article with a negated event, an event with no actor and one of no PLOVER type."""
    s = make_story(EXTRA, date="2025-03-10")
    s.article.url = "https://example.org/oslo"

    def span(word):
        i = EXTRA.index(word)
        return Span.of(EXTRA, i, i + len(word))

    s.events = [
        Event("e3", "REJECT", evidence=span("Kenya did not reject the offer."), source=["a2"], target=["a1"],
              negated=True, cameo="120"),
        Event("e4", "CONSULT", evidence=span("Officials would meet again."), cameo="040"),
        Event("e5", "NONE", evidence=span("Officials would meet again."), source=["a2"]),
    ]
    return s


@pytest.fixture()
def store_path(tmp_path):
    """Two near-duplicate copies of one article, linked and clustered, and one article with irrealis events."""
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        for i, story in enumerate((make_story(), make_story(COPY), _extra_story())):
            story.article.source = f"news/story{i}.txt"
            store.add_story(story, signature=dedup.signature(story.text))
        dedup.link_duplicates(store)
        dedup.cluster_events(store)
    return path


def _plover(store_path, tmp_path, **filters):
    out = tmp_path / "e.jsonl"
    with Store(store_path, read_only=True) as store:
        n = export(store, out, fmt="plover", **filters)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert n == len(records)
    return records


def test_export_plover_fields(store_path, tmp_path):
    records = _plover(store_path, tmp_path)
    rec = next(r for r in records if r["event"] == ["CONSULT"] and r["article_id"] == make_story().article.id)
    for name in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_text", "quad_code",
                 "event_scale", "event_loc", "link", "text_info", "cite_info", "coder", "coded_date"):
        assert name in rec, name
    assert rec["actor"][0] == {**rec["actor"][0], "code": "NOR", "sector": "GOV", "entity_text": "Kari Berg",
                               "office": "foreign minister", "identifier_id": None}
    assert rec["recipient"][0]["code"] == "KEN" and rec["date"] == "2025-02-03"
    assert rec["event_loc"]["resolved_place"] == "Oslo" and rec["event_loc"]["lat"] == pytest.approx(59.91)
    info = rec["text_info"]
    assert TEXT[info["start"]:info["end"]] == info["text"]
    assert rec["cite_info"]["publication"] == "Fiction Wire" and rec["cite_info"]["codebook"] == "PLOVER 2.0"
    assert rec["num_mentions"] == 2 and rec["num_articles"] == 2
    assert rec["id"] == f"{rec['article_id']}-e1"  # stable: content hash and event id


def test_export_plover_only_plover_types_an_actor_always_and_irrealis_in_context(store_path, tmp_path):
    records = _plover(store_path, tmp_path)
    assert records and all(r["event"][0] in plover_types() for r in records)
    assert not any(r["event"] == ["NONE"] for r in records)
    assert all(r["actor"] for r in records)
    unknown = next(r for r in records if r["event_id"] == "e4")
    assert unknown["actor"] == [{"code": None, "sector": "UNK", "entity_text": None, "identifier_id": None,
                                 "identifier_text": None}]
    assert unknown["date"] == "2025-03-10"  # no event date: the article's publication date
    negated = next(r for r in records if r["event_id"] == "e3")
    assert "negation" in negated["context"] and negated["negated"] is True
    assert all("negation" not in r["context"] for r in records if not r["negated"])


def test_export_plover_copies_share_a_link(store_path, tmp_path):
    records = _plover(store_path, tmp_path, type="CONSULT", date_to="2025-02-28")
    assert len(records) == 2 and len({r["link"] for r in records}) == 1
    assert len({r["article_id"] for r in records}) == 2


def _gdelt(store_path, tmp_path, **kw):
    out = tmp_path / "e.tsv"
    with Store(store_path, read_only=True) as store:
        n = export(store, out, fmt="gdelt", **kw)
    return out, n


def test_export_gdelt_is_61_tab_separated_columns_without_header(store_path, tmp_path):
    out, n = _gdelt(store_path, tmp_path)
    raw = out.read_bytes()
    assert b"\r" not in raw and raw.endswith(b"\n")
    lines = raw.decode().split("\n")[:-1]
    assert len(lines) == n and all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GLOBALEVENTID")
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[-1] == "SOURCEURL"


def test_export_gdelt_loads_in_pandas_with_the_codebook_columns(store_path, tmp_path):
    import pandas as pd

    out, n = _gdelt(store_path, tmp_path)
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=gdelt_dtypes())
    assert len(df) == n == 3  # two clusters from the copies (CONSULT, AID), one CONSULT with no actor; no negated
    row = df[(df.EventCode == "040") & (df.Actor1Name == "KARI BERG")].iloc[0]
    assert (row.SQLDATE, row.MonthYear, row.Year) == (20250203, 202502, 2025)
    assert row.FractionDate == pytest.approx(2025 + (30 + 3) / 365, abs=1e-4)
    assert (row.Actor1Code, row.Actor1CountryCode, row.Actor1Type1Code) == ("NORGOV", "NOR", "GOV")
    assert (row.Actor2Code, row.Actor2CountryCode, row.Actor2Type1Code) == ("KENGOV", "KEN", "GOV")
    assert (row.EventBaseCode, row.EventRootCode, row.QuadClass) == ("040", "04", 1)
    assert row.GoldsteinScale == pytest.approx(goldstein_table()["040"])
    assert (row.NumMentions, row.NumArticles, row.NumSources) == (2, 2, 1)
    assert (row.ActionGeo_Type, row.ActionGeo_CountryCode, row.ActionGeo_FullName) == (4, "NO", "Oslo, Norway")
    assert row.ActionGeo_Lat == pytest.approx(59.91) and row.Actor1Geo_Type == 0
    assert row.SOURCEURL.startswith("file:///") and row.SOURCEURL.endswith(".txt")
    assert row.IsRootEvent == 1 and row.GLOBALEVENTID > 0 and len(str(row.DATEADDED)) == 14
    for code, quad, score in zip(df.EventCode, df.QuadClass, df.GoldsteinScale):
        assert code in goldstein_table() and quad == quad_class(code) and score == goldstein_table()[code]
    aid = df[df.EventRootCode == "07"]
    assert len(aid) == 1 and aid.iloc[0].QuadClass == 2  # AID without a stored CAMEO code: the crosswalk's


def test_export_gdelt_loads_in_duckdb(store_path, tmp_path):
    import duckdb

    out, n = _gdelt(store_path, tmp_path)
    columns = {c: ("VARCHAR" if t == "string" else "BIGINT" if t == "Int64" else "DOUBLE")
               for c, t in gdelt_dtypes().items()}
    rel = duckdb.sql(f"SELECT * FROM read_csv('{out}', delim='\t', header=false, columns={columns!r}, quote='')")
    assert rel.columns == GDELT_COLUMNS and len(rel.fetchall()) == n
    assert {r[0] for r in duckdb.sql(f"SELECT EventCode FROM read_csv('{out}', delim='\t', header=false, "
                                     f"columns={columns!r}, quote='')").fetchall()} <= set(goldstein_table())


def test_export_gdelt_irrealis_left_out_unless_asked(store_path, tmp_path):
    out, n = _gdelt(store_path, tmp_path)
    assert "\t120\t" not in out.read_text()
    out, n_all = _gdelt(store_path, tmp_path, include_irrealis=True)
    assert n_all == n + 1 and "\t120\t" in out.read_text()


def test_export_gdelt_source_url_is_the_url_else_a_file_uri(store_path, tmp_path):
    out, _ = _gdelt(store_path, tmp_path)
    urls = {line.split("\t")[-1] for line in out.read_text().splitlines()}
    assert "https://example.org/oslo" in urls
    assert source_url({"source": "news/a.txt#L3"}) == Path("news/a.txt").resolve().as_uri() + "#L3"
    assert source_url({"url": None, "source": None}) == ""


def test_export_cameo_codes_and_scores_follow_the_codebook():
    table = goldstein_table()
    assert len(table) > 280 and all(len(c) in (2, 3, 4) and c.isdigit() for c in table)
    codes = ("010", "057", "061", "0871", "090", "138", "145", "200")
    assert [quad_class(c) for c in codes] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert goldstein("190") == table["190"] and goldstein("0251") == table["0251"]
    assert table["190"] == -10.0 and table["040"] > 0 > table["120"]


def test_export_cameo_actor_codes_from_the_actor_record():
    rebel = cameo_actor({"country": "YEM", "code": "YEMREBHOU", "sector": "REB", "name": "Houthis"})
    assert (rebel["Code"], rebel["CountryCode"], rebel["KnownGroupCode"], rebel["Types"]) == (
        "YEMREBHOU", "YEM", "HOU", ["REB"])
    media = cameo_actor({"country": "USA", "sector": "JRN", "name": "CNN"})
    assert (media["Code"], media["Types"]) == ("USAMED", ["MED"])  # PLOVER JRN is CAMEO MED (media)
    health = cameo_actor({"code": "IGOUNOMED", "sector": "IGO", "name": "WHO"})
    assert (health["KnownGroupCode"], health["Types"]) == ("UNO", ["IGO", "HLH"])  # PLOVER MED is CAMEO HLH
    assert cameo_actor({})["Code"] == ""


def test_export_geo_columns_use_fips_and_gdelt_geo_types():
    assert [fips_country(c) for c in ("GBR", "DEU", "USA", "XXX")] == ["UK", "GM", "US", ""]
    kabul = gdelt_geo({"name": "Kabul", "country": "AFG", "feature": "city", "geonameid": 1138958, "lat": 34.5,
                       "lon": 69.2})
    assert (kabul["Type"], kabul["CountryCode"], kabul["FullName"]) == (4, "AF", "Kabul, Afghanistan")
    sd = gdelt_geo({"name": "San Diego", "country": "USA", "feature": "city", "geonameid": 5391811})
    assert (sd["Type"], sd["ADM1Code"], sd["FullName"]) == (3, "USCA", "San Diego, California, United States")
    assert gdelt_geo({"name": "California", "country": "USA", "feature": "admin1"})["Type"] == 2
    assert gdelt_geo({"name": "Punjab", "country": "PAK", "feature": "admin1"})["Type"] == 5
    assert gdelt_geo({"name": "Afghanistan", "country": "AFG", "feature": "country"})["FeatureID"] == "AF"
    assert gdelt_geo({"name": "Europe", "feature": "continent"})["Type"] == 0 and gdelt_geo(None)["Type"] == 0


def test_export_polecat_layout(store_path, tmp_path):
    import pandas as pd

    out = tmp_path / "e.tsv"
    with Store(store_path, read_only=True) as store:
        n = export(store, out, fmt="polecat")
    df = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert list(df.columns) == POLECAT_COLUMNS and len(POLECAT_COLUMNS) == 40 and len(df) == n == 5
    row = df[(df["Event Type"] == "CONSULT") & (df["Actor Name"] == "Kari Berg")].iloc[0]
    assert (row["Event Date"], row["Actor Country"], row["Recipient Country"]) == ("2025-02-03", "NOR", "KEN")
    assert (row["Primary Actor Sector"], row["Actor Title"], row["Placename"]) == ("GOV", "foreign minister", "Oslo")
    assert (row["City"], row["Country"], row["Feature Type"]) == ("Oslo", "Norway", "PPL")
    assert (row["Source"], row["Publication Date"], row["Story People"]) == ("Fiction Wire", "2025-02-03", "Kari Berg")
    assert all((df[c] == "").all() for c in POLECAT_EMPTY)
    assert "REJECT" not in set(df["Event Type"]) and "NONE" not in set(df["Event Type"])


def test_export_parquet_typed_columns(store_path, tmp_path):
    import duckdb

    out = tmp_path / "e.parquet"
    with Store(store_path, read_only=True) as store:
        assert export(store, out, fmt="parquet", type="AID") == 2
    types = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{out}')").fetchall())
    assert types["date"] == "DATE" and types["article_date"] == "DATE" and types["event_date"] == "DATE"
    assert types["source_names"] == "VARCHAR[]" and types["source_countries"] == "VARCHAR[]"
    rows = duckdb.sql(f"SELECT date, source_names, target_countries, cluster_events FROM '{out}' "
                      "ORDER BY date, article_id").fetchall()
    assert [r[1] for r in rows] == [["Kari Berg"]] * 2 and rows[0][2] == ["KEN"]
    assert str(rows[0][0]) == "2025-02-03" and rows[0][3] == 2


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
    out = tmp_path / "x.tsv"
    res = runner.invoke(cli, ["export", "--db", str(store_path), "--format", "gdelt", "-o", str(out)])
    assert res.exit_code == 0 and "wrote 3 records" in res.output and out.exists()
    res = runner.invoke(cli, ["export", "--db", str(store_path), "--format", "gdelt", "--include-irrealis",
                              "-o", str(out)])
    assert res.exit_code == 0 and "wrote 4 records" in res.output
    res = runner.invoke(cli, ["export", "--db", str(store_path), "--format", "polecat", "-o", str(out)])
    assert res.exit_code == 0 and "wrote 5 records" in res.output


def test_export_cli_missing_store_exits_4(tmp_path):
    res = CliRunner().invoke(cli, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 4 and "eventwire ingest" in res.output


@pytest.mark.parametrize("command", ["ingest", "events", "export"])
def test_export_cli_corpus_commands_have_an_example(command):
    res = CliRunner().invoke(cli, [command, "--help"])
    assert res.exit_code == 0 and "Example:" in res.output and f"eventwire {command}" in res.output


# -- end to end on real texts ---------------------------------------------------------------------------

POLNEAR = SHARED / "anchors" / "quotes" / "polnear"

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Test Ledger"><meta property="article:published_time" content="{when}">
</head><body><nav><a href="/">Home</a></nav><article><h1>{title}</h1>{body}</article></body></html>"""


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.slow
def test_export_real_corpus_dates_and_formats_end_to_end(pipeline, tmp_path):
    """A folder of PolNeAR dev texts (dates in their names), an HTML page with article:published_time and a
    JSONL file ingest with their dates; the GDELT, PLOVER and Parquet exports are what the codebooks say."""
    import duckdb
    import pandas as pd

    from eventwire.corpus import ingest

    texts = sorted((POLNEAR / "dev" / "text").glob("*.txt")) if POLNEAR.exists() else []
    if len(texts) < 6:
        pytest.skip("../shared PolNeAR dev texts are not here")
    corpus = tmp_path / "corpus"
    (corpus / "polnear").mkdir(parents=True)
    for f in texts[:6]:
        shutil.copy(f, corpus / "polnear" / f.name)
    body = ("<p>Kenya and Ethiopia signed a border security agreement on Tuesday after talks in Nairobi.</p>"
            "<p>Police in Marsabit arrested 12 suspected smugglers on Monday, the interior ministry said.</p>")
    (corpus / "page.html").write_text(PAGE.format(title="Kenya and Ethiopia Sign Pact", when="2024-03-05T09:30:00Z",
                                                  body=body))
    (corpus / "wire.jsonl").write_text(json.dumps({
        "title": "Pakistan Expels Afghan Diplomats", "date": "2023-09-07", "outlet": "Test Courier",
        "text": "Pakistan expelled two Afghan diplomats on Thursday after troops clashed at the border.\n\n"
                "The Taliban government in Kabul condemned the decision."}) + "\n")
    db = tmp_path / "s.duckdb"
    ingest([corpus], db, pipeline=pipeline, progress=False)

    from eventwire.ingest.pubdate import name_date

    with Store(db, read_only=True) as store:
        arts = store.sql("SELECT source, date, date_source FROM articles")
        assert len(arts) == 8
        want = {str(corpus / "page.html"): "2024-03-05", f"{corpus / 'wire.jsonl'}#L1": "2023-09-07"}
        for a in arts:
            expected = want.get(a["source"]) or name_date(a["source"])
            assert a["date"] == expected, a
        assert {a["date_source"] for a in arts} == {"filename", "html", "record"}
        gdelt, plover, parquet = tmp_path / "g.tsv", tmp_path / "p.jsonl", tmp_path / "e.parquet"
        n = export(store, gdelt, fmt="gdelt")
        export(store, plover, fmt="plover")
        export(store, parquet, fmt="parquet")
    assert n > 0
    lines = gdelt.read_bytes().decode().split("\n")
    assert lines[-1] == "" and all(len(line.split("\t")) == 61 for line in lines[:-1])
    df = pd.read_csv(gdelt, sep="\t", header=None, names=GDELT_COLUMNS, dtype=gdelt_dtypes())
    assert df.SQLDATE.notna().mean() >= 0.95
    table = goldstein_table()
    ok = [c in table and q == quad_class(c) and g == table[c]
          for c, q, g in zip(df.EventCode, df.QuadClass, df.GoldsteinScale)]
    assert sum(ok) / len(ok) >= 0.98
    records = [json.loads(line) for line in plover.read_text().splitlines()]
    assert records and all(r["event"][0] in plover_types() for r in records)
    assert sum(1 for r in records if r["date"]) / len(records) >= 0.95
    assert all(r["actor"] for r in records)
    dtype = dict(duckdb.sql(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{parquet}')").fetchall())
    assert dtype["date"] == "DATE"
