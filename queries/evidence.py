"""Show me the exact words behind any edge (or any span of an article), with a little context.

>>> import tempfile, os
>>> from provkg.graph.store import open_store
>>> evidence(open_store(os.path.join(tempfile.mkdtemp(), "e.lbug")), "e0000")
Traceback (most recent call last):
...
provkg.errors.NotFoundError: no edge with id 'e0000'; edge ids are the edge_id fields of any provkg --format json answer
"""
from __future__ import annotations

from provkg.errors import NotFoundError, QueryError
from provkg.queries import named
from provkg.queries.common import Articles
from provkg.schemas import MODEL

CONTEXT = 80


def _edge(store, row: dict) -> dict:
    """The edge's type, endpoint labels and own properties (found by a typed look-up per candidate type)."""
    for rel_type in MODEL.rel_types:
        props = [p for p in MODEL.rel_properties(rel_type) if p not in ("id", "article", "start", "stop")]
        for src, dst in MODEL.rel_endpoints(rel_type):
            ks, kd = MODEL.node_key(src), MODEL.node_key(dst)
            cols = ", ".join(f"r.{p} AS {p}" for p in props) or "r.id AS id"
            rows = store.query(f"MATCH (a:{src} {{{ks}: $a}})-[r:{rel_type}]->(b:{dst} {{{kd}: $b}}) WHERE r.id = $id "
                               f"RETURN {cols}", {"a": row["from_key"], "b": row["to_key"], "id": row["edge_id"]}).records()
            if rows:
                return {"id": row["edge_id"], "type": rel_type,
                        "from": {"label": src, "id": row["from_key"], "name": _short(row["from_name"], src)},
                        "to": {"label": dst, "id": row["to_key"], "name": _short(row["to_name"], dst)},
                        "properties": {p: rows[0][p] for p in props}}
    raise NotFoundError(f"edge {row['edge_id']!r} has a type this provkg does not know")  # pragma: no cover


def _short(name: str | None, label: str) -> str | None:
    """An Article endpoint is named by its title; never by its whole text."""
    if label == "Article" and name and len(name) > 200:
        return name[:200] + "…"
    return name


def parse_span(span: str) -> tuple[int, int]:
    """``"120:184"`` → ``(120, 184)``."""
    start, sep, stop = span.partition(":")
    try:
        if not sep:
            raise ValueError
        return int(start), int(stop)
    except ValueError:
        raise QueryError(f"span {span!r} is not START:STOP (character offsets, e.g. 120:184)") from None


def evidence(store, edge_id: str | None = None, article_id: str | None = None, start: int | None = None,
             stop: int | None = None, context: int = CONTEXT) -> dict:
    """The words behind edge ``edge_id``, or the span ``[start:stop]`` of article ``article_id``.

    ``{"edge": {"id", "type", "from", "to", "properties"} | None, "article", "start", "stop",
    "text", "before", "after"}``: ``text`` is exactly ``article.text[start:stop]``; ``before`` and
    ``after`` are up to ``context`` characters around it.
    """
    articles = Articles(store)
    edge = None
    if edge_id:
        rows = named.run(store, "evidence", {"edge_id": edge_id}).records()
        if not rows:
            raise NotFoundError(f"no edge with id {edge_id!r}; edge ids are the edge_id fields of any provkg --format json answer")
        row = rows[0]
        edge = _edge(store, row)
        article_id, start, stop = row["article_id"], row["start"], row["stop"]
    elif not article_id or start is None or stop is None:
        raise QueryError("give an edge id, or an article id and a span START:STOP")
    rows = store.query("MATCH (a:Article {id: $id}) RETURN a.id", {"id": article_id}).rows
    if not rows:
        raise NotFoundError(f"no article with id {article_id!r}; provkg cypher 'MATCH (a:Article) RETURN a.id, a.title' lists them")
    text = articles.get(article_id)["text"] or ""
    if not 0 <= start <= stop <= len(text):
        raise QueryError(f"span {start}:{stop} does not fit article {article_id}: need 0 <= START <= STOP <= {len(text)} "
                         "(the length of its text)")
    return {"edge": edge, "article": {**articles.ref(article_id), "url": articles.get(article_id)["url"]},
            "start": start, "stop": stop, "text": text[start:stop],
            "before": text[max(0, start - context):start], "after": text[stop:stop + context]}
