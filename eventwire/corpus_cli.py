"""The corpus commands of ``eventwire``: ``ingest``, ``events`` and ``export``. Registered in ``cli.py``.

Each opens the store and calls one library function (``corpus.ingest``, ``Store.query_events``,
``export.export``); heavy imports happen inside the commands so ``eventwire --help`` stays fast.
"""

from __future__ import annotations

import json

import click

DB_OPTION = click.option("--db", required=True, envvar="EVENTWIRE_DB", metavar="FILE",
                         help="The DuckDB store file (created by ingest). Also read from $EVENTWIRE_DB.")


def _filters(func):
    """The event filters shared by ``events`` and ``export``."""
    for opt in reversed([
        click.option("--actor", help="Actor name or code on either side (substring, any case)."),
        click.option("--country", metavar="ISO3", help="ISO-3166 alpha-3 country of either side, e.g. SDN."),
        click.option("--type", "etype", metavar="PLOVER", help="PLOVER 2.0 event type, e.g. AGREE, PROTEST."),
        click.option("--from", "date_from", metavar="YYYY-MM-DD", help="Events on or after this date."),
        click.option("--to", "date_to", metavar="YYYY-MM-DD", help="Events on or before this date (YYYY-MM allowed)."),
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
def ingest(paths, db, engine, workers, ray_address, model, all_languages, limit, quiet, as_json, settings_):
    """Code every article under PATHS into the store FILE: actors, events, quotes, places.

    PATHS are files or folders (walked recursively) of plain text, HTML pages, JSONL (one article a line
    with fields such as text, title, date, url, outlet), RSS/Atom feeds and WARC archives, each optionally
    gzipped. Articles already stored (same text) are skipped, so a rerun or a resumed run only codes what
    is missing. A bad article (unreadable, empty, not English, ...) is recorded in the failures table and
    the run goes on. Near-duplicate articles are linked and repeated events clustered at the end.

    Example:

        eventwire ingest samples/corpus --db news.duckdb
    """
    from .corpus import ingest as run
    from .settings import parse_pairs

    config = parse_pairs(settings_)
    if model:
        config["model"] = model
    summary = run(paths, db, engine=engine, workers=workers, config=config, english_only=not all_languages,
                  progress=not quiet, ray_address=ray_address, limit=limit)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), indent=2))
    else:
        for line in summary.lines():
            click.echo(line)


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
@click.option("--format", "fmt", type=click.Choice(["plover", "gdelt", "parquet"]), default="plover",
              show_default=True,
              help="plover: PLOVER 2.0 JSONL, one event a line; gdelt: GDELT-style event CSV, one row per event "
                   "cluster; parquet: the events table with article fields.")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="File to write.")
def export_cmd(db, actor, country, etype, date_from, date_to, place, text, fmt, output):
    """Export stored events as PLOVER 2.0 JSONL, a GDELT-style CSV or Parquet.

    Example:

        eventwire export --db news.duckdb --format gdelt -o events.csv
    """
    from .export import export
    from .store import Store

    with Store(db, read_only=True) as store:
        n = export(store, output, fmt=fmt, actor=actor, country=country, type=etype, date_from=date_from,
                   date_to=date_to, place=place, text=text)
    click.echo(f"wrote {n} records to {output}")


COMMANDS = [ingest, events, export_cmd]
