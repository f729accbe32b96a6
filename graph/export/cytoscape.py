"""Cytoscape.js JSON export (``elements`` with ``nodes`` and ``edges``; Cytoscape desktop imports it).

Through :func:`networkx.cytoscape_data`; every node's ``data`` has ``id`` (the provkg id),
``name`` (the caption) and the view's attributes; every edge's ``data`` has ``id`` (the provkg
edge id), ``source``, ``target``, ``key`` and the edge attributes. ``networkx.cytoscape_graph``
reads it back.

>>> import networkx as nx, tempfile, os, json
>>> g = nx.MultiDiGraph()
>>> g.add_edge("a", "b", key="e1", type="TOLD", id="e1")
'e1'
>>> data = json.load(open(write_cytoscape(g, os.path.join(tempfile.mkdtemp(), "g.cyjs"))))
>>> data["elements"]["edges"][0]["data"]["id"], data["elements"]["edges"][0]["data"]["source"]
('e1', 'a')
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from provkg.graph.export._common import output_path, sanitised, text_output


def cytoscape_json(graph: nx.MultiDiGraph) -> dict:
    """The Cytoscape.js JSON document for ``graph``."""
    clean = sanitised(graph)
    for node, data in clean.nodes(data=True):
        data.setdefault("caption", node)
    data = nx.cytoscape_data(clean, name="caption", ident="id")
    for node in data["elements"]["nodes"]:
        node["data"]["id"] = node["data"]["value"]  # the provkg id (ident falls back to the node key anyway)
    for edge in data["elements"]["edges"]:
        edge["data"].setdefault("id", str(edge["data"].get("key")))
    return data


def write_cytoscape(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` as Cytoscape.js JSON to ``path`` ("-" = stdout)."""
    with text_output(path) as stream:
        json.dump(cytoscape_json(graph), stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    return output_path(path)
