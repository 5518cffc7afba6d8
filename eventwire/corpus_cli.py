"""The corpus commands of ``eventwire``: ``ingest``, ``events``, ``export``, ``gold export`` and ``evaluate``.
Registered in ``cli.py``.

Each opens the store and calls one library function (``corpus.ingest``, ``Store.query_events``,
``export.export``); heavy imports happen inside the commands so ``eventwire --help`` stays fast.
"""

from __future__ import annotations

import json

import click

DB_OPTION = click.option("--db", required=True, envvar="EVENTWIRE_DB", metavar="FILE",
                         help="The DuckDB store file (created by ingest). Also read from $EVENTWIRE_DB.")


def _date_bound(ctx, param, value):
    """A --from/--to date: YYYY-MM-DD, YYYY-MM or YYYY, a real calendar date; anything else is a usage error
    (a bound such as "2020-13-45" or "notadate" compared as text would silently select nothing or everything)."""
    import datetime
    import re

    if value is None:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
    try:
        if m is None:
            raise ValueError
        datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY") from None
    return value.strip()


def _filters(func):
    """The event filters shared by ``events`` and ``export``."""
    for opt in reversed([
        click.option("--actor", help="Actor name or code on either side (substring, any case)."),
        click.option("--country", metavar="ISO3", help="ISO-3166 alpha-3 country of either side, e.g. SDN."),
        click.option("--type", "etype", metavar="PLOVER", help="PLOVER 2.0 event type, e.g. AGREE, PROTEST."),
        click.option("--from", "date_from", metavar="YYYY-MM-DD", callback=_date_bound, help="Events on or after this date."),
        click.option("--to", "date_to", metavar="YYYY-MM-DD", callback=_date_bound, help="Events on or before this date (YYYY-MM allowed)."),
        click.option("--place", help="Place name of the event (substring, any case)."),
        click.option("--text", help="Words in the evidence sentence (substring, any case)."),
    ]):
        func = opt(func)
    return func


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@DB_OPTION
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: worker processes on this machine; ray: Ray Data on a Ray cluster (see README).")
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes or Ray actors [default: all cores].")
@click.option("--ray-address", metavar="ADDR", envvar="RAY_ADDRESS",
              help="Ray cluster to join, e.g. ray://head:10001 [default: $RAY_ADDRESS, else a local Ray].")
@click.option("--model", help="spaCy model to load instead of the default.")
@click.option("--all-languages", is_flag=True, help="Do not reject articles that are not in English.")
@click.option("--limit", type=click.IntRange(min=1), help="Read at most this many articles.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("-s", "--setting", "settings_", nargs=2, multiple=True, metavar="NAME VALUE",
              help="Change a setting (see `eventwire help-settings`); VALUE is JSON or a plain string.")
@click.option("--metadata", "metadata_file", type=click.Path(dir_okay=False, path_type=str), metavar="FILE",
              help="Sidecar CSV/TSV or JSONL with a row per article: path or id, and any of date, title, url, "
                   "outlet. Its values win over what the articles say about themselves.")
@click.option("--date", "default_date", metavar="YYYY-MM-DD",
              help="Publication date for articles whose date is found nowhere else (metadata, HTML, JSONL field, "
                   "file name, dateline); also the year reference of yearless datelines.")
def ingest(paths, db, engine, workers, ray_address, model, all_languages, limit, quiet, as_json, settings_,
           metadata_file, default_date):
    """Code every article under PATHS into the store FILE: actors, events, quotes, places.

    PATHS are files or folders (walked recursively) of plain text, HTML pages, JSONL (one article a line
    with fields such as text, title, date, url, outlet), RSS/Atom feeds and WARC archives, each optionally
    gzipped. Articles already stored (same text) are skipped, so a rerun or a resumed run only codes what
    is missing. A bad article (unreadable, empty, not English, ...) is recorded in the failures table and
    the run goes on. Near-duplicate articles are linked and repeated events clustered at the end.

    Publication dates come from, strongest first: the --metadata row, the page's or record's own date
    (HTML metadata, a JSONL field, a feed entry), an ISO date in the file or folder name, a dateline
    ("NEW DELHI, Nov. 17 (Reuters) -"), a web archive's crawl date, and --date. An article with none of
    these gets no date; the summary counts each source and the undated articles.

    Example:

        eventwire ingest samples/corpus --db news.duckdb --date 2025-06-01
    """
    import datetime as dt

    from .corpus import ingest as run
    from .ingest.readers import run_options
    from .settings import parse_pairs

    config = parse_pairs(settings_)
    if model:
        config["model"] = model
    started = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with run_options(metadata=metadata_file, date=default_date) as opts:
        summary = run(paths, db, engine=engine, workers=workers, config=config, english_only=not all_languages,
                      progress=not quiet, ray_address=ray_address, limit=limit)
        meta = opts["metadata"]
    dates = _date_counts(db, started)
    if meta is not None:
        dates["metadata_rows_matched"] = f"{len(meta.matched)} of {len(meta.rows)}"
    if as_json:
        click.echo(json.dumps({**summary.to_dict(), "dates": dates}, indent=2))
    else:
        lines = summary.lines()
        lines.insert(-1, _date_line(dates))
        for line in lines:
            click.echo(line)


def _date_counts(db: str, since) -> dict:
    """Articles stored since ``since`` by where their publication date came from (``none``: no date)."""
    from .store import Store

    with Store(db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT COALESCE(date_source, CASE WHEN date IS NULL THEN 'none' ELSE 'unknown' END), count(*) "
            "FROM articles WHERE ingested_at >= ? GROUP BY 1 ORDER BY 2 DESC, 1", [since]).fetchall()
    return {"by_source": dict(rows), "undated": dict(rows).get("none", 0), "dated": sum(
        n for k, n in rows if k != "none")}


def _date_line(dates: dict) -> str:
    sources = ", ".join(f"{k} {n}" for k, n in dates["by_source"].items() if k != "none") or "none"
    line = f"publication dates: {dates['dated']} stored articles dated ({sources}), {dates['undated']} without a date"
    if dates.get("metadata_rows_matched"):
        line += f"; metadata rows matched: {dates['metadata_rows_matched']}"
    return line


@click.command()
@DB_OPTION
@_filters
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Events to show.")
@click.option("--offset", type=click.IntRange(min=0), default=0, help="Skip this many events first.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True,
              help="table: one line per event; jsonl: the event rows as JSON lines.")
def events(db, actor, country, etype, date_from, date_to, place, text, limit, offset, fmt):
    """List stored events, filtered by actor, country, type, date and place.

    Example:

        eventwire events --db news.duckdb --country SDN --type AGREE --from 2025-01-01
    """
    from .store import Store

    with Store(db, read_only=True) as store:
        filters = dict(actor=actor, country=country, type=etype, date_from=date_from, date_to=date_to, place=place,
                       text=text)
        rows = store.query_events(limit=limit, offset=offset, **filters)
        total = store.count_events(**filters)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    if not rows:
        click.echo("no events match")
        return
    click.echo(f"{'date':<10}  {'type':<11} {'source':<22} {'target':<22} {'place':<14} evidence")
    for r in rows:
        evidence = " ".join((r["evidence_text"] or "").split())
        click.echo(f"{(r['date'] or r['article_date'] or '-'):<10}  {r['type']:<11} "
                   f"{_cut(r['source_names'], 22):<22} {_cut(r['target_names'], 22):<22} "
                   f"{_cut(r['place_name'], 14):<14} {_cut(evidence, 70)}")
    click.echo(f"{offset + 1}-{offset + len(rows)} of {total} events")


def _cut(value, width: int) -> str:
    value = value or "-"
    return value if len(value) <= width else value[:width - 1] + "…"


@click.command("export")
@DB_OPTION
@_filters
@click.option("--format", "fmt", type=click.Choice(["plover", "gdelt", "polecat", "parquet"]), default="plover",
              show_default=True,
              help="plover: PLOVER 2.0 JSONL, one event a line; gdelt: GDELT 2.0 event file (61 tab-separated "
                   "columns, no header), one row per event cluster; polecat: POLECAT-layout TSV with a header; "
                   "parquet: the events table with article fields, typed.")
@click.option("--include-irrealis", is_flag=True,
              help="Also write negated and hypothetical events to the gdelt and polecat files (left out by "
                   "default; plover and parquet always carry them, flagged).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="File to write.")
def export_cmd(db, actor, country, etype, date_from, date_to, place, text, fmt, include_irrealis, output):
    """Export stored events as PLOVER 2.0 JSONL, a GDELT 2.0 event file, POLECAT TSV or Parquet.

    Example:

        eventwire export --db news.duckdb --format gdelt -o events.tsv
    """
    from .export import export
    from .store import Store

    with Store(db, read_only=True) as store:
        n = export(store, output, fmt=fmt, include_irrealis=include_irrealis, actor=actor, country=country,
                   type=etype, date_from=date_from, date_to=date_to, place=place, text=text)
    click.echo(f"wrote {n} records to {output}")


@click.group("gold")
def gold():
    """Analyst corrections as gold records (see `eventwire serve --allow-edits`).

    Example:

        eventwire gold export --db news.duckdb -o gold.json
    """


@gold.command("export")
@DB_OPTION
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="JSON file to write: a list of records in the PLOVER gold-record layout.")
def gold_export(db, output):
    """Write every corrected record of the store as a gold record (PLOVER gold-record JSON layout).

    Edited and added events are event records; events marked "not an event" are records of kind not_event
    (event NONE); corrected speakers are records of kind speaker. Each names its article, record, the words
    (offsets and text) and every correction that made it.

    Example:

        eventwire gold export --db news.duckdb -o gold.json
    """
    from .gold import write_gold
    from .store import Store

    with Store(db, read_only=True) as store:
        n = write_gold(store, output)
    click.echo(f"wrote {n} gold records to {output}")


@click.command("evaluate")
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--model", help="spaCy model to load instead of the default.")
def evaluate_cmd(db, fmt, model):
    """Code the corrected articles afresh and score the pipeline against the analysts' corrections.

    Events are matched to the gold ones by their words, one to one; the scores are the share of gold events
    found with the right type and with the right dyad (source and target actors), the share of "not an event"
    words the coder now leaves alone, and the share of corrected quotes given the right speaker.

    Example:

        eventwire evaluate --db news.duckdb
    """
    from .gold import evaluate, gold_records
    from .pipeline import Pipeline
    from .store import Store

    with Store(db, read_only=True) as store:
        records = gold_records(store)
        if not records:  # say so before loading the model
            return evaluate(store, None, records=records)
        report = evaluate(store, Pipeline({"model": model} if model else None), records=records)
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    s = report["summary"]

    def pct(v):
        return "-" if v is None else f"{v:.1%}"

    click.echo(f"{s['articles']} corrected article(s), coded afresh")
    click.echo(f"events      {s['events']:>5} gold · {s['events_found']} found · type {pct(s['type_accuracy'])} · "
               f"dyad {pct(s['dyad_accuracy'])}")
    click.echo(f"not events  {s['not_events']:>5} gold · {s['not_events_still_coded']} still coded · "
               f"agreement {pct(s['not_event_agreement'])}")
    click.echo(f"speakers    {s['speakers']:>5} gold · {s['speakers_found']} found · right {pct(s['speaker_accuracy'])}")


COMMANDS = [ingest, events, export_cmd, gold, evaluate_cmd]
