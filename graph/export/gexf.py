"""GEXF 1.2 export (Gephi), through networkx's writer.

GEXF reserves some attribute names, so the view's attributes are mapped:
node ``label`` (Actor, Claim ...) → ``node_label`` and the GEXF label is the node's ``caption``;
edge ``type`` → ``rel_type`` and the GEXF edge label is the type; edge ``start``/``stop`` (the
evidence span; GEXF would read them as time) → ``span_start``/``span_stop``. Everything else
keeps its name; None is dropped and lists are joined with "; ".

>>> import networkx as nx, tempfile, os
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="Actor", caption="A")
>>> g.add_edge("a", "b", key="e1", type="TOLD", id="e1", start=0, stop=3)
'e1'
>>> h = nx.read_gexf(write_gexf(g, os.path.join(tempfile.mkdtemp(), "g.gexf")))  # a DiGraph: no parallel edges
>>> h.nodes["a"]["label"], h.nodes["a"]["node_label"], h.edges["a", "b"]["rel_type"]
('A', 'Actor', 'TOLD')
"""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from provkg.graph.export._common import output_path, sanitised, text_output

NODE_RENAME = {"label": "node_label"}
EDGE_RENAME = {"type": "rel_type", "start": "span_start", "stop": "span_stop", "label": "edge_label"}


def gexf_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The view with attribute names GEXF can hold (see the module docstring)."""
    out = sanitised(graph, NODE_RENAME, EDGE_RENAME)
    for node, data in out.nodes(data=True):
        data["label"] = str(data.get("caption") or node)
    for _, _, data in out.edges(data=True):
        if "rel_type" in data:
            data["label"] = data["rel_type"]
    return out


def write_gexf(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` as GEXF 1.2 to ``path`` ("-" = stdout)."""
    buffer = io.BytesIO()
    nx.write_gexf(gexf_graph(graph), buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    with text_output(path) as stream:
        stream.write(buffer.getvalue().decode("utf-8"))
    return output_path(path)
