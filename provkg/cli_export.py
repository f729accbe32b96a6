"""provkg commands for export: attached to the main group in provkg.cli.

``provkg export FORMAT`` writes the graph (or the part around a claim or actor, or one article)
as an interactive HTML page, GraphML, GEXF, Cytoscape.js JSON, Graphviz DOT or RDF (PROV-O);
``provkg sparql`` queries the RDF export in memory.
"""
from __future__ import annotations

import click

from provkg.cli import _db_option, _echo_result, _errors_to_click, _params, _quiet_option, cli
from provkg.graph.export import FORMATS
from provkg.graph.store import open_store


def _scope_options(func):
    func = click.option("--include-index", is_flag=True,
                        help="Also the Name/Merge nodes and NAMES, DECIDED, MENTIONS edges (index and audit).")(func)
    func = click.option("--article", default=None, metavar="ID",
                        help="Only one article's nodes and edges (its id, path, url or title).")(func)
    func = click.option("--depth", type=click.IntRange(0, 10), default=None, metavar="N",
                        help="Hops around --around (default 2).")(func)
    func = click.option("--around", default=None, metavar="CLAIM|ACTOR",
                        help="Only the part around a claim or actor: an id, an actor's name, or words of a claim.")(func)
    return func


def _view(db, around, depth, article, include_index):
    from provkg.graph.view import to_networkx

    if depth is not None and around is None:
        raise click.UsageError("--depth needs --around")
    with open_store(db, read_only=True) as store:
        return to_networkx(store, around=around, depth=2 if depth is None else depth, article=article,
                           include_index=include_index)


@cli.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice([*FORMATS, "neo4j-import"]))
@click.option("-o", "--output", default=None, metavar="PATH",
              help="Output file (- = stdout; default provkg-graph.EXT in the current directory).")
@_scope_options
@_db_option
@_quiet_option
@_errors_to_click
def export_command(fmt, output, around, depth, article, include_index, db, quiet):
    """Export the graph, or part of it, as a file people and tools can open.

    \b
    FORMAT:
      html       self-contained interactive page (works offline): search, legend, filters,
                 hover an edge for its evidence sentence
      graphml    GraphML (yEd, Gephi, Cytoscape, networkx)
      gexf       GEXF 1.2 (Gephi)
      cytoscape  Cytoscape.js JSON (.cyjs)
      dot        Graphviz DOT (dot -Tsvg provkg-graph.dot > graph.svg)
      ttl, jsonld, nt
                 RDF with PROV-O (conforms to schemas/shapes.ttl)
      neo4j-import
                 a folder (-o DIR) of CSV files for neo4j-admin database import, with the command

    Every edge carries its evidence: the article, the span and the exact words.

    \b
    Example:
      provkg export html --around "Radio Free Asia" --depth 2 -o rfa.html
    """
    from provkg.graph.export import write

    if fmt == "neo4j-import":
        from provkg.graph.neo4j_import import write_neo4j_import

        with open_store(db, read_only=True) as store:
            summary = write_neo4j_import(store, output or "provkg-neo4j-import")
        if not quiet:
            click.echo(f"wrote {summary['directory']}: {sum(summary['nodes'].values())} nodes, "
                       f"{sum(summary['relationships'].values())} relationships (see its IMPORT.md)", err=True)
        return
    graph = _view(db, around, depth, article, include_index)
    path = output or f"provkg-graph.{FORMATS[fmt].extension}"
    written = write(graph, fmt, path)
    if not quiet:
        where = "stdout" if str(written) == "-" else str(written)
        empty = " (the graph is empty: ingest articles first, or widen --around/--article)" \
            if graph.number_of_nodes() == 0 else ""
        click.echo(f"wrote {where} ({fmt}): {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges{empty}",
                   err=True)


@cli.command("sparql")
@click.argument("query", required=False)
@click.option("--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from a file (- = stdin); examples in queries/sparql/*.rq.")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="Bind ?KEY to a literal (JSON values allowed).")
@_scope_options
@_db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@_errors_to_click
def sparql_command(query, query_file, params, around, depth, article, include_index, db, fmt):
    """Run a SPARQL query over the store's RDF export (PROV-O + provkg), in memory.

    The prefixes prov:, provkg:, rdfs:, xsd: and id: are predeclared. SELECT prints a
    table; ASK prints true or false; CONSTRUCT and DESCRIBE print Turtle (JSON-LD with
    --format json).

    \b
    Example:
      provkg sparql --file queries/sparql/provenance.rq --param claim_id=claim:0123456789abcdef
    """
    from provkg import render
    from provkg.graph.export.rdf import run_sparql, to_rdf

    if bool(query) == bool(query_file):
        raise click.UsageError("give a QUERY or --file, not both and not neither")
    text = query or query_file.read()
    rdf = to_rdf(_view(db, around, depth, article, include_index))
    result = run_sparql(rdf, text, _params(params))
    if isinstance(result, bool):
        click.echo(render.to_json({"ask": result}) if fmt == "json" else ("true" if result else "false"))
    elif hasattr(result, "serialize"):
        if fmt == "json":
            from provkg.graph.export.rdf import JSONLD_CONTEXT

            click.echo(result.serialize(format="json-ld", context=JSONLD_CONTEXT, indent=1))
        else:
            click.echo(result.serialize(format="nt" if fmt == "csv" else "turtle"), nl=False)
    else:
        _echo_result(result, fmt)


__all__ = ["export_command", "sparql_command"]
