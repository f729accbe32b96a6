"""Entity resolution, audited: the actors in the store, every merge decision, and undoing one.

A merge is recorded when an article's named actor resolved to an actor already in the store
(``Merge`` node, rule and evidence, ``DECIDED`` edge to the actor). Undoing it moves that
article's edges from the shared actor to a new actor of its own.
"""
from __future__ import annotations

from provkg.errors import NotFoundError
from provkg.loaders.extraction import short_hash
from provkg.schemas import MODEL


def actors(store, kind: str | None = None) -> list[dict]:
    """Every actor, with its kind, aliases and how many articles mention it.

    >>> import tempfile, os
    >>> from provkg.graph.store import open_store
    >>> actors(open_store(os.path.join(tempfile.mkdtemp(), "r.lbug")))
    []
    """
    rows = store.query(
        "MATCH (a:Actor) WHERE $kind IS NULL OR a.kind = $kind "
        "OPTIONAL MATCH (art:Article)-[:MENTIONS]->(a) "
        "RETURN a.id AS id, a.name AS name, a.kind AS kind, a.anonymous AS anonymous, a.aliases AS aliases, "
        "count(DISTINCT art) AS articles ORDER BY articles DESC, name", {"kind": kind}).records()
    return [{**r, "anonymous": bool(r["anonymous"]), "aliases": r["aliases"] or []} for r in rows]


def merges(store) -> list[dict]:
    """Every recorded merge decision: which mention in which article joined which actor, by which rule."""
    return store.query(
        "MATCH (m:Merge)-[d:DECIDED]->(a:Actor) "
        "RETURN m.id AS merge_id, m.rule AS rule, m.evidence AS evidence, m.mention AS mention, "
        "m.article AS article_id, a.id AS actor_id, a.name AS actor, d.start AS start, d.stop AS stop "
        "ORDER BY actor, article_id", {}).records()


def unmerge(store, merge_id: str) -> dict:
    """Undo one merge: the article's edges to the shared actor move to a new actor of their own."""
    rows = store.query("MATCH (m:Merge {id: $id})-[:DECIDED]->(a:Actor) RETURN m.article, m.mention, a.id, a.kind",
                       {"id": merge_id}).rows
    if not rows:
        raise NotFoundError(f"no merge {merge_id!r}; provkg actors --merges lists them")
    article, mention, shared, kind = rows[0]
    split = f"{shared}:split:{short_hash(article, length=8)}"
    store.query("MERGE (a:Actor {id: $id}) ON CREATE SET a.name = $name, a.kind = $kind, a.anonymous = false, "
                "a.aliases = CAST([] AS STRING[]), a.article = $article",
                {"id": split, "name": mention, "kind": kind, "article": article}, write=True)
    moved = 0
    for rel_type in MODEL.rel_types:
        props = ", ".join(f"{p}: r.{p}" for p in MODEL.rel_properties(rel_type))
        for src, dst in MODEL.rel_endpoints(rel_type):
            if src == "Actor":
                moved += _move(store, f"MATCH (x:Actor {{id: $shared}})-[r:{rel_type}]->(b:{dst}) WHERE r.article = $article "
                                      f"MATCH (y:Actor {{id: $split}}) CREATE (y)-[:{rel_type} {{{props}}}]->(b) DELETE r",
                               shared, split, article)
            if dst == "Actor":
                moved += _move(store, f"MATCH (b:{src})-[r:{rel_type}]->(x:Actor {{id: $shared}}) WHERE r.article = $article "
                                      f"MATCH (y:Actor {{id: $split}}) CREATE (b)-[:{rel_type} {{{props}}}]->(y) DELETE r",
                               shared, split, article)
    store.query("MATCH (m:Merge {id: $id}) SET m.rule = m.rule + ' (undone)'", {"id": merge_id}, write=True)
    return {"merge_id": merge_id, "article_id": article, "from_actor": shared, "new_actor": split, "edges_moved": moved}


def _move(store, cypher: str, shared: str, split: str, article: str) -> int:
    params = {"shared": shared, "split": split, "article": article}
    return store.query(cypher + " RETURN count(*)", params, write=True).rows[0][0]
