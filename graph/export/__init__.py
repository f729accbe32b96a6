"""Graph exports: one module per format, each ``write_<fmt>(graph, path) -> Path``.

``graph`` is the networkx view (:func:`provkg.graph.view.to_networkx`); ``path`` "-" writes
to stdout. :data:`FORMATS` maps a format name to its writer and file extension.

>>> sorted(FORMATS)
['cytoscape', 'dot', 'gexf', 'graphml', 'html', 'jsonld', 'nt', 'ttl']
>>> import networkx as nx, tempfile, os
>>> g = nx.MultiDiGraph()
>>> g.add_node("actor:x", label="Actor", name="X", caption="X")
>>> write(g, "graphml", os.path.join(tempfile.mkdtemp(), "g.graphml")).suffix
'.graphml'
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from provkg.errors import ExportError


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    function: str
    extension: str
    description: str

    def writer(self):
        return getattr(importlib.import_module(f"provkg.graph.export.{self.module}"), self.function)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("html", "html", "write_html", "html", "self-contained interactive page (vis-network, works offline)"),
    Format("graphml", "graphml", "write_graphml", "graphml", "GraphML (yEd, Gephi, Cytoscape, networkx)"),
    Format("gexf", "gexf", "write_gexf", "gexf", "GEXF 1.2 (Gephi)"),
    Format("cytoscape", "cytoscape", "write_cytoscape", "cyjs", "Cytoscape.js JSON (Cytoscape desktop: File > Import)"),
    Format("dot", "dot", "write_dot", "dot", "Graphviz DOT"),
    Format("ttl", "rdf", "write_ttl", "ttl", "RDF Turtle, PROV-O + provkg vocabulary"),
    Format("jsonld", "rdf", "write_jsonld", "jsonld", "RDF JSON-LD, PROV-O + provkg vocabulary"),
    Format("nt", "rdf", "write_nt", "nt", "RDF N-Triples, PROV-O + provkg vocabulary"),
)}


def write(graph: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write ``graph`` in format ``fmt`` (a key of :data:`FORMATS`) to ``path`` ("-" = stdout)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt].writer()(graph, path)
