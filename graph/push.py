"""Copy an embedded store into Neo4j, table by table: ``provkg push --to bolt://...``.

Every node table (except ``StoreInfo``: the target keeps its own) and every relationship table
(per type and endpoint labels) is read in key order and written in batches of ``batch_rows``
rows, each batch one transaction of ``UNWIND $rows AS row MERGE`` on the node key or the edge id,
with the source's property values set over the target's. So a push is idempotent: running it
again changes nothing and adds no duplicates.

It is also resumable: each batch's transaction records how far the push got
(``StoreInfo {key: "push:<fingerprint>"}``, the fingerprint of the source's location and
counts). After an interruption, the same push starts after the last committed batch; if the
source changed since, it starts over (still without duplicates). A finished push removes
its marker.

Nodes and edges the target has and the source does not are left alone: push adds and updates,
it does not delete.
"""
from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator

from neo4j.exceptions import DriverError, Neo4jError

from provkg.loaders.extraction import short_hash
from provkg.schemas import MODEL

MARKER_PREFIX = "push:"


def tables() -> list[dict]:
    """The tables to copy, in order: nodes first (so edges find their endpoints), then edges."""
    out = []
    for label in MODEL.node_labels:
        if label == "StoreInfo":
            continue
        key = MODEL.node_key(label)
        props = list(MODEL.node_properties(label))
        cols = ", ".join(f"n.`{p}` AS `{p}`" for p in props)
        out.append({"name": label, "kind": "node", "label": label, "key": key, "props": props,
                    "read": f"MATCH (n:{label}) RETURN {cols} ORDER BY n.`{key}`",
                    "count": f"MATCH (n:{label}) RETURN count(n)",
                    "write": f"UNWIND $rows AS row MERGE (n:{label} {{`{key}`: row.`{key}`}}) SET n += row"})
    for rel_type in MODEL.rel_types:
        props = list(MODEL.rel_properties(rel_type))
        for src, dst in MODEL.rel_endpoints(rel_type):
            sk, dk = MODEL.node_key(src), MODEL.node_key(dst)
            cols = ", ".join(f"r.`{p}` AS `{p}`" for p in props)
            out.append({"name": f"{rel_type}({src}->{dst})", "kind": "rel", "type": rel_type, "src": src, "dst": dst,
                        "props": props,
                        "read": f"MATCH (a:{src})-[r:{rel_type}]->(b:{dst}) RETURN a.`{sk}` AS src__, b.`{dk}` AS dst__, "
                                f"{cols} ORDER BY r.id, src__, dst__",
                        "count": f"MATCH (a:{src})-[r:{rel_type}]->(b:{dst}) RETURN count(r)",
                        "write": _edge_write(rel_type, src, dst)})
    return out


def _edge_write(rel_type: str, src: str, dst: str) -> str:
    """``MERGE (a)-[r:T {id}]->(b) SET r += props``, with the edge-id lookup forced to an index seek
    (see :func:`provkg.graph.neo4j_store.edge_upsert` for why)."""
    sk, dk = MODEL.node_key(src), MODEL.node_key(dst)
    return (f"UNWIND $rows AS row OPTIONAL MATCH ()-[e:{rel_type} {{id: row.props.id}}]->() USING INDEX SEEK e:{rel_type}(id) "
            f"WITH row, collect(e) AS same_id "
            f"MATCH (a:{src} {{`{sk}`: row.src}}) MATCH (b:{dst} {{`{dk}`: row.dst}}) "
            f"WITH row, a, b, [x IN same_id WHERE startNode(x) = a AND endNode(x) = b] AS same "
            f"FOREACH (x IN same | SET x += row.props) "
            f"FOREACH (_ IN CASE WHEN size(same) = 0 THEN [1] ELSE [] END | CREATE (a)-[r:{rel_type}]->(b) SET r = row.props)")


def iter_rows(store, cypher: str, params: dict | None = None) -> Iterator[list]:
    """Rows of a read query, streamed from an embedded store (whole results from other stores)."""
    conn = getattr(store, "conn", None)
    if conn is not None and hasattr(conn, "execute"):
        result = conn.execute(cypher, params or {})
        while result.has_next():
            yield result.get_next()
        return
    yield from store.query(cypher, params or {}).rows


def _fingerprint(source) -> str:
    location = source.location if "://" in source.location else os.path.abspath(source.location)
    return short_hash(location, json.dumps(source.stats(), sort_keys=True))


def push(source, target, batch_rows: int = 5000, progress: Callable[[int, int], None] | None = None,
         restart: bool = False) -> dict:
    """Copy every node and edge of ``source`` (any store) into ``target`` (a :class:`Neo4jStore`).

    ``progress(rows_just_copied, total_rows)`` is called after each committed batch. Returns
    ``{"nodes": {label: n}, "relationships": {type: n}, "rows": copied, "skipped": resumed_over,
    "resumed_from": table or None, "seconds": s}``.
    """
    started = time.perf_counter()
    marker = MARKER_PREFIX + _fingerprint(source)
    plan = tables()
    counts = [next(iter_rows(source, t["count"]))[0] for t in plan]
    total = sum(counts)
    state = {"table": 0, "offset": 0}
    if not restart:
        rows = target.query("MATCH (i:StoreInfo {key: $key}) RETURN i.value", {"key": marker}).rows
        if rows:
            state = json.loads(rows[0][0])
    resumed_from = plan[state["table"]]["name"] if state != {"table": 0, "offset": 0} else None
    skipped = sum(counts[:state["table"]]) + state["offset"]
    if progress and skipped:
        progress(skipped, total)
    nodes = {t["label"]: 0 for t in plan if t["kind"] == "node"}
    rels = {rel: 0 for rel in MODEL.rel_types}
    copied = 0
    for index, table in enumerate(plan):
        if index < state["table"] or counts[index] == 0:
            continue
        offset = state["offset"] if index == state["table"] else 0
        read = table["read"] + (f" SKIP {offset}" if offset else "")
        batch = []
        for row in iter_rows(source, read):
            batch.append(_row(table, row))
            if len(batch) >= batch_rows:
                offset += len(batch)
                _write(target, table, batch, marker, {"table": index, "offset": offset})
                copied += len(batch)
                _count(table, len(batch), nodes, rels)
                if progress:
                    progress(len(batch), total)
                batch = []
        if batch:
            offset += len(batch)
            _write(target, table, batch, marker, {"table": index, "offset": offset})
            copied += len(batch)
            _count(table, len(batch), nodes, rels)
            if progress:
                progress(len(batch), total)
    target.query("MATCH (i:StoreInfo) WHERE i.key STARTS WITH $prefix DELETE i", {"prefix": MARKER_PREFIX}, write=True)
    return {"nodes": nodes, "relationships": rels, "rows": copied, "skipped": skipped, "resumed_from": resumed_from,
            "total": total, "seconds": round(time.perf_counter() - started, 3)}


def _row(table: dict, row: list) -> dict:
    if table["kind"] == "node":
        return dict(zip(table["props"], row))
    return {"src": row[0], "dst": row[1], "props": dict(zip(table["props"], row[2:]))}


def _count(table: dict, n: int, nodes: dict, rels: dict) -> None:
    if table["kind"] == "node":
        nodes[table["label"]] += n
    else:
        rels[table["type"]] += n


def _write(target, table: dict, rows: list[dict], marker: str, state: dict) -> None:
    """One batch and the resume marker, in one managed transaction (retried by the driver)."""
    def work(tx):
        tx.run(table["write"], rows=rows).consume()
        tx.run("MERGE (i:StoreInfo {key: $key}) SET i.value = $value", key=marker, value=json.dumps(state)).consume()

    try:
        with target._session(write=True) as session:
            session.execute_write(work)
    except (DriverError, Neo4jError, OSError) as err:
        error = target._translate(err, f"copying {table['name']}")
        raise type(error)(f"{error}. Run the same provkg push again to resume after the last copied batch") from None
