"""provkg commands for queries: attached to the main group in provkg.cli.

Each command is a thin wrapper over one ``provkg.queries`` function; ``--format json`` prints
that function's answer as it is, ``table`` and ``tree`` render it (provkg.render_queries).
"""
from __future__ import annotations

import click

from provkg.cli import _db_option, _errors_to_click, _width, cli
from provkg.graph.store import open_store

VIEWS = click.Choice(["table", "tree", "json"])


def _format_option(default: str):
    return click.option("--format", "fmt", type=VIEWS, default=default, show_default=True,
                        help="table or tree for reading, json for jq and programs.")


def _show(name: str, result: dict, fmt: str) -> None:
    from provkg import render, render_queries

    if fmt == "json":
        click.echo(render.to_json(result))
    else:
        click.echo(render.render(render_queries.renderable(name, fmt, result), width=_width()), nl=False)


@cli.command("origins")
@click.argument("claim")
@_db_option
@_format_option("tree")
@_errors_to_click
def origins_command(claim, db, fmt):
    """Count the independent origins of the claim best matching CLAIM (words or a claim id).

    Reprints of one story and repeated reports of one source collapse into one origin: the same
    named actor; the same anonymous source copied in a reprint or re-quoted through the outlet it
    spoke to. Outlets relaying what their own sources said are relays, not origins; denials are
    listed apart. Anonymous origins are marked.

    \b
    Example:
      provkg origins "grain prices in Dunmore had doubled" --format json | jq .origin_count
    """
    from provkg.queries.origins import origins

    with open_store(db, read_only=True) as store:
        result = origins(store, claim)
    _show("origins", result, fmt)


@cli.command("anonymous")
@_db_option
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True,
              help="At most this many items, those with the most anonymous reports first; 0 for all.")
@_format_option("tree")
@_errors_to_click
def anonymous_command(db, limit, fmt):
    """List claims and directives that rest only on anonymous sources, grouped by outlet.

    Each source is shown with its descriptor, affiliation and location, and the sentence.

    \b
    Example:
      provkg anonymous --limit 20 --format table
    """
    from provkg.queries.anonymous import anonymous_only

    with open_store(db, read_only=True) as store:
        result = anonymous_only(store, limit=limit or None)
    _show("anonymous", result, fmt)


@cli.command("contradictions")
@_db_option
@_format_option("tree")
@_errors_to_click
def contradictions_command(db, fmt):
    """List disputed claims with both sides' provenance (who reports each, who denies it).

    A denial in the very words another article reports is one claim with reports for and against
    it; such claims are listed too ("denied in the words another article reports"; JSON key
    "denied").

    \b
    Example:
      provkg contradictions --format json | jq '.contradictions[].basis'
    """
    from provkg.queries.contradictions import contradictions

    with open_store(db, read_only=True) as store:
        result = contradictions(store)
    _show("contradictions", result, fmt)


@cli.command("directives")
@click.option("--issuer", default=None, metavar="ACTOR", help="Only directives this actor issued.")
@click.option("--target", default=None, metavar="ACTOR", help="Only directives that bind this actor.")
@_db_option
@_format_option("table")
@_errors_to_click
def directives_command(issuer, target, db, fmt):
    """Show who issued which directive to whom, who reported it, and when.

    \b
    Example:
      provkg directives --issuer "Interior Ministry" --target "provincial police"
    """
    from provkg.queries.directives import directives

    with open_store(db, read_only=True) as store:
        result = directives(store, issuer=issuer, target=target)
    _show("directives", result, fmt)


@cli.command("actor")
@click.argument("name")
@_db_option
@_format_option("tree")
@_errors_to_click
def actor_command(name, db, fmt):
    """Show a dossier on the actor NAME: kind, aliases, what it said and issued, what targets it,
    which outlets cite it, each with its evidence.

    NAME is a name or alias (matched through the store's name index, then fuzzily) or an actor id.

    \b
    Example:
      provkg actor "Interior Ministry" --format json | jq '.issued[].directive.text'
    """
    from provkg.queries.dossier import dossier

    with open_store(db, read_only=True) as store:
        result = dossier(store, name)
    _show("actor", result, fmt)


@cli.command("sources")
@click.argument("outlet")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True, help="How many top sources to list.")
@_db_option
@_format_option("table")
@_errors_to_click
def sources_command(outlet, limit, db, fmt):
    """Show whom OUTLET relies on: named versus anonymous share of its reports, and its top sources.

    \b
    Example:
      provkg sources "Capital Wire" --limit 5
    """
    from provkg.queries.sources import sources

    with open_store(db, read_only=True) as store:
        result = sources(store, outlet, limit=limit)
    _show("sources", result, fmt)


@cli.command("timeline")
@click.argument("subject")
@click.option("--actor", "mode", flag_value="actor", help="SUBJECT is an actor.")
@click.option("--topic", "mode", flag_value="topic", help="SUBJECT is a topic: words of claims and directives.")
@_db_option
@_format_option("table")
@_errors_to_click
def timeline_command(subject, mode, db, fmt):
    """Show dated events and statements about an actor or a topic, in order.

    Order: the article's published date, then position in the article. SUBJECT is taken as an
    actor when it names one, else as a topic (force either with --actor or --topic).

    \b
    Example:
      provkg timeline "Interior Ministry" --format tree
    """
    from provkg.queries.timeline import timeline

    with open_store(db, read_only=True) as store:
        result = timeline(store, subject, mode=mode or "auto")
    _show("timeline", result, fmt)


@cli.command("evidence")
@click.argument("edge_id", required=False)
@click.option("--article", "article_id", default=None, metavar="ARTICLE-ID", help="Article id (with --span).")
@click.option("--span", default=None, metavar="START:STOP", help="Character offsets into the article text.")
@click.option("--context", type=click.IntRange(0), default=80, show_default=True, help="Characters shown around it.")
@_db_option
@_format_option("tree")
@_errors_to_click
def evidence_command(edge_id, article_id, span, context, db, fmt):
    """Show the exact text behind edge EDGE-ID (or --article A --span START:STOP), with context.

    Edge ids are the edge_id fields of every --format json answer.

    \b
    Example:
      provkg evidence e1175f6259e8ff85d
    """
    from provkg.queries.evidence import evidence, parse_span

    if bool(edge_id) == bool(article_id or span):
        raise click.UsageError("give an EDGE-ID, or --article and --span, not both")
    if not edge_id and not (article_id and span):
        raise click.UsageError("--article and --span go together")
    start = stop = None
    if span:
        start, stop = parse_span(span)
    with open_store(db, read_only=True) as store:
        result = evidence(store, edge_id=edge_id, article_id=article_id, start=start, stop=stop, context=context)
    _show("evidence", result, fmt)
