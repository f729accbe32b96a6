"""Graphviz DOT export, written directly (no pydot or pygraphviz needed; render with ``dot -Tsvg``).

Nodes are quoted provkg ids with ``label`` = the caption, shape and fill colour by label and
kind (anonymous sources dashed); every view attribute is kept as a DOT attribute (the node's
``label`` as ``node_label``; the edge's ``start``/``stop`` as ``span_start``/``span_stop``);
edges are labelled with their type and carry ``id`` and ``tooltip`` = the evidence sentence.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("actor:a", label="Actor", kind="media", caption='The "Post"')
>>> print(dot_source(g).splitlines()[5])
  "actor:a" [label="The \\"Post\\"", shape=ellipse, style=filled, fillcolor="#f28e2b", node_label=Actor, kind=media];
"""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from provkg.graph.export._common import (ANONYMOUS_BORDER, LABEL_STYLE, clean_attrs, node_color, output_path,
                                         text_output)

NODE_RENAME = {"label": "node_label"}
EDGE_RENAME = {"start": "span_start", "stop": "span_stop", "label": "edge_label"}
_BARE = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$|^-?(\.[0-9]+|[0-9]+(\.[0-9]*)?)$")
_KEYWORDS = {"node", "edge", "graph", "digraph", "subgraph", "strict"}


def quote(value) -> str:
    """A DOT ID: bare when it can be, else a double-quoted string with escapes.

    >>> quote("abc"), quote(3), quote(True), quote('a "b"\\nc'), quote("node")
    ('abc', '3', 'true', '"a \\\\"b\\\\"\\\\nc"', '"node"')
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if _BARE.match(text) and text.lower() not in _KEYWORDS:
        return text
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\r\n", "\n").replace("\n", "\\n")
    return f'"{text}"'


def _attrs(attrs: dict) -> str:
    return ", ".join(f"{quote(k)}={quote(v)}" for k, v in attrs.items())


def dot_source(graph: nx.MultiDiGraph, name: str = "provkg") -> str:
    """The DOT text for ``graph``."""
    lines = [f"digraph {quote(name)} {{"]
    meta = clean_attrs(graph.graph)
    lines.append(f"  graph [{_attrs({'rankdir': 'LR', 'overlap': 'false', 'splines': 'true', **{f'provkg_{k}': v for k, v in meta.items()}})}];")
    lines.append('  node [fontname="Helvetica", fontsize=10];')
    lines.append('  edge [fontname="Helvetica", fontsize=8, color="#777777"];')
    lines.append("")
    for node, data in graph.nodes(data=True):
        style = LABEL_STYLE.get(data.get("label"), {})
        look = {"label": data.get("caption") or str(node), "shape": style.get("dot_shape", "ellipse"),
                "style": "filled", "fillcolor": node_color(data)}
        if data.get("anonymous"):
            look.update({"style": "filled,dashed", "color": ANONYMOUS_BORDER, "penwidth": 2})
        rest = clean_attrs({k: v for k, v in data.items() if k != "caption"}, NODE_RENAME)
        lines.append(f"  {quote(node)} [{_attrs(look | rest)}];")
    lines.append("")
    for u, v, key, data in graph.edges(keys=True, data=True):
        look = {"label": data.get("type", ""), "tooltip": data.get("evidence") or ""}
        rest = clean_attrs({"id": key, **{k: v for k, v in data.items() if k != "evidence"}}, EDGE_RENAME)
        rest["evidence"] = data.get("evidence") or ""
        lines.append(f"  {quote(u)} -> {quote(v)} [{_attrs(look | rest)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_dot(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``graph`` as Graphviz DOT to ``path`` ("-" = stdout)."""
    with text_output(path) as stream:
        stream.write(dot_source(graph))
    return output_path(path)
