"""Helpers shared by the exporters: writing to a path or stdout, and attribute sanitising."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from provkg.errors import ExportError

LIST_SEPARATOR = "; "


@contextmanager
def text_output(path: str | Path):
    """A text stream to ``path`` (UTF-8), or stdout for "-"; failures become :class:`ExportError`."""
    if str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    try:
        if target.parent and not target.parent.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("w", encoding="utf-8", newline="\n") as stream:
            yield stream
    except OSError as err:
        raise ExportError(f"cannot write {target}: {err.strerror or err}") from None


def output_path(path: str | Path) -> Path:
    return Path("-") if str(path) == "-" else Path(path)


def clean_value(value):
    """A value every file format can hold: None dropped (returns None), lists joined, dicts as JSON.

    >>> clean_value(["a", "b"]), clean_value({"x": 1}), clean_value(True), clean_value(2.5)
    ('a; b', '{"x": 1}', True, 2.5)
    """
    if value is None:
        return None
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return LIST_SEPARATOR.join(str(v) for v in items if v is not None)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def clean_attrs(attrs: dict, rename: dict[str, str] | None = None) -> dict:
    rename = rename or {}
    out = {}
    for key, value in attrs.items():
        value = clean_value(value)
        if value is not None:
            out[rename.get(key, key)] = value
    return out


def sanitised(graph: nx.MultiDiGraph, node_rename: dict | None = None, edge_rename: dict | None = None) -> nx.MultiDiGraph:
    """A copy of ``graph`` whose graph, node and edge attributes are plain scalars (no None, lists joined)."""
    out = nx.MultiDiGraph()
    out.graph.update(clean_attrs(graph.graph))
    for node, data in graph.nodes(data=True):
        out.add_node(str(node), **clean_attrs(data, node_rename))
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(str(u), str(v), key=str(key), **clean_attrs(data, edge_rename))
    return out


# -- shared look: colours and shapes by label and kind (HTML and DOT) --------------------------
LABEL_STYLE = {
    "Actor": {"shape": "dot", "color": "#4e79a7", "dot_shape": "ellipse"},
    "Claim": {"shape": "box", "color": "#f6d55c", "dot_shape": "box"},
    "Directive": {"shape": "ellipse", "color": "#ff9da7", "dot_shape": "hexagon"},
    "Article": {"shape": "square", "color": "#9ecae9", "dot_shape": "note"},
    "Place": {"shape": "triangle", "color": "#8cd17d", "dot_shape": "invtriangle"},
    "Name": {"shape": "text", "color": "#dddddd", "dot_shape": "plaintext"},
    "Merge": {"shape": "text", "color": "#dddddd", "dot_shape": "plaintext"},
}
ACTOR_KIND_COLOR = {
    "person": "#4e79a7", "government": "#e15759", "security": "#b07aa1", "media": "#f28e2b",
    "organization": "#76b7b2", "group": "#9c755f", "country": "#59a14f", "place": "#8cd17d",
    "anonymous_source": "#d9d9d9",
}
ANONYMOUS_BORDER = "#333333"


def category(data: dict) -> str:
    """The legend/filter category of a node: its label, or "Actor · kind" for actors.

    >>> category({"label": "Actor", "kind": "media"}), category({"label": "Claim", "kind": "denial"})
    ('Actor · media', 'Claim')
    """
    label = data.get("label", "node")
    if label == "Actor":
        return f"Actor · {'anonymous source' if data.get('anonymous') else data.get('kind') or 'unknown'}"
    return label


def node_color(data: dict) -> str:
    if data.get("label") == "Actor":
        if data.get("anonymous"):
            return ACTOR_KIND_COLOR["anonymous_source"]
        return ACTOR_KIND_COLOR.get(data.get("kind"), LABEL_STYLE["Actor"]["color"])
    return LABEL_STYLE.get(data.get("label"), {}).get("color", "#cccccc")
