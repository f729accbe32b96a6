"""provkg commands for Neo4j: ``provkg push``; attached to the main group in provkg.cli."""
from __future__ import annotations

import click

from provkg.cli import _db_option, _errors_to_click, _quiet_option, _width, cli
from provkg.graph.store import open_store

NEO4J_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
NEO4J_LOGIN = "provkg.neo4j"  # ctx.meta key where --user/--password/--database are kept (as in provkg.cli)


def _remember_login(ctx, param, value):
    if value is not None:
        ctx.meta.setdefault(NEO4J_LOGIN, {})[param.name] = value
    return value


def _db_option_has_login() -> bool:
    """Whether provkg.cli's ``_db_option`` already brings ``--user/--password/--database``."""
    probe = _db_option(lambda: None)
    return any("--user" in p.opts for p in getattr(probe, "__click_params__", []))


def _login_options(func):
    """``--user/--password/--database`` for the Neo4j server, unless ``_db_option`` has them."""
    if _db_option_has_login():
        return func
    for flag, name, metavar, help_ in (
            ("--database", "database", "NAME", "Neo4j database (default $NEO4J_DATABASE or the server's default)."),
            ("--password", "password", "SECRET", "Neo4j password (default $NEO4J_PASSWORD)."),
            ("--user", "user", "NAME", "Neo4j user (default $NEO4J_USER or neo4j).")):
        func = click.option(flag, name, default=None, metavar=metavar, expose_value=False, callback=_remember_login,
                            help=help_)(func)
    return func


class _RowProgress:
    """A rich progress bar on stderr counting copied rows (silent with -q or when not a terminal)."""

    def __init__(self, quiet: bool):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(stderr=True)
        self.progress = Progress(TextColumn("push"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                 console=console, disable=quiet or not console.is_terminal)
        self.task = self.progress.add_task("push", total=None)

    def __enter__(self):
        self.progress.__enter__()
        return self

    def __exit__(self, *exc):
        self.progress.__exit__(*exc)

    def __call__(self, rows: int, total: int) -> None:
        self.progress.update(self.task, total=total, advance=rows)


@cli.command("push")
@click.option("--to", "uri", required=True, metavar="URI", help="The Neo4j server: bolt://host:7687 or neo4j://host:7687.")
@_db_option
@_login_options
@click.option("--batch-rows", type=click.IntRange(1, 1_000_000), default=5000, show_default=True,
              help="Rows per transaction.")
@click.option("--restart", is_flag=True, help="Copy everything again, ignoring where an interrupted push stopped.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_quiet_option
@_errors_to_click
def push_command(uri, db, batch_rows, restart, fmt, quiet):
    """Copy the embedded store (--db) into Neo4j, table by table.

    Nodes are merged on their keys and relationships on their edge ids, so running it again adds
    no duplicates; after an interruption the same command resumes after the last copied batch.
    It adds and updates, never deletes. Credentials: --user/--password or NEO4J_USER/NEO4J_PASSWORD.

    \b
    Example:
      provkg push --db news.lbug --to bolt://localhost:7687 --user neo4j
    """
    from provkg import render
    from provkg.graph.neo4j_store import Neo4jStore
    from provkg.graph.push import push

    if not uri.startswith(NEO4J_SCHEMES):
        raise click.BadParameter(f"{uri!r} is not a Neo4j URI (bolt://host:7687 or neo4j://host:7687)",
                                 param_hint="--to")
    login = click.get_current_context().meta.get(NEO4J_LOGIN, {})
    with open_store(db, read_only=True) as source, \
            Neo4jStore(uri, **login) as target, \
            _RowProgress(quiet) as progress:
        result = push(source, target, batch_rows=batch_rows, progress=progress, restart=restart)
    result = {"from": source.location, "to": target.location, **result}
    if fmt == "json":
        click.echo(render.to_json(result))
        return
    rows = [[f"{label} nodes", n] for label, n in result["nodes"].items()]
    rows += [[f"{rel} relationships", n] for rel, n in result["relationships"].items()]
    rows.append(["rows copied", result["rows"]])
    if result["resumed_from"]:
        rows.append([f"resumed at {result['resumed_from']} (rows already copied)", result["skipped"]])
    click.echo(render.render(render.table([f"pushed to {result['to']}", "count"], rows), width=_width()), nl=False)
