"""GraphML export (yEd, Gephi, Cytoscape, networkx), through networkx's writer.

Attributes are sanitised (no None, lists joined with "; ") so ``networkx.read_graphml`` gives
back the same nodes, edges (keyed by provkg edge id) and attribute values.

>>> import networkx as nx, tempfile, os
>>> g = nx.MultiDiGraph()
>>> g.add_edge("a", "b", key="e1", type="TOLD", id="e1", article="x", start=0, stop=3, evidence="abc")
'e1'
>>> path = write_graphml(g, os.path.join(tempfile.mkdtemp(), "g.graphml"))
>>> nx.read_graphml(path, force_multigraph=True).number_of_edges()
1
"""
from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from provkg.graph.export._common import output_path, sanitised, text_output


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` as GraphML to ``path`` ("-" = stdout)."""
    buffer = io.BytesIO()
    nx.write_graphml_xml(sanitised(graph), buffer, encoding="utf-8", prettyprint=True, named_key_ids=True,
                         edge_id_from_attribute="id")
    with text_output(path) as stream:
        stream.write(buffer.getvalue().decode("utf-8"))
    return output_path(path)
