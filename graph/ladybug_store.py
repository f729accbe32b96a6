"""The embedded store: one Ladybug database on disk, schema generated from the model.

One writer process at a time (Ladybug locks the file); readers open it read-only.
Each batch of articles is written in one transaction, so a crash never leaves half an article.
"""
from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import ladybug

from provkg import EXTRACTOR_VERSION
from provkg.errors import QueryError, SchemaVersionError, StoreError, StoreLockedError
from provkg.graph.linking import link_denials, link_reprints, reported_items, update_support
from provkg.graph.rows import GraphRows, build_rows
from provkg.graph.store import LoadReport, QueryResult
from provkg.schemas import MODEL

_LOCKED = re.compile(r"Lock is held by PID (\d+)")
_CASTS = {"string": "STRING", "int": "INT64", "float": "DOUBLE", "bool": "BOOLEAN", "string[]": "STRING[]"}
# A write clause starts a clause: not a label (:Merge), property (n.set), variable (copy:Article) or parameter.
WRITE_CLAUSES = re.compile(r"(?<![:.\w`$(,])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|ALTER|COPY|LOAD|INSTALL|ATTACH|IMPORT|EXPORT|BEGIN|COMMIT|ROLLBACK|CHECKPOINT)(?![\w`:.])", re.I)


MAX_DB_SIZE = 1 << 40
"""Address space each open database reserves (1 TiB). Ladybug's default, 8 TiB, lets a process
open only 15 databases before the 128 TiB of user address space run out."""


class LadybugStore:
    """A provkg store in a Ladybug database file (``./provkg.lbug`` by default)."""

    _pending: "_Pending | None" = None  # the batch being loaded (see _load_batch)

    def __init__(self, path: str | os.PathLike, read_only: bool = False, buffer_pool_mb: int = 1024,
                 query_timeout_ms: int = 60_000):
        self.location = str(path)
        self.read_only = read_only
        if read_only and not Path(self.location).exists():
            raise StoreError(f"no provkg database at {self.location}: ingest articles first (provkg ingest PATH --db {self.location})")
        try:
            # A reader that opens while a writer is appending to the WAL may meet a half-written
            # last record; it replays up to the last whole one instead of failing.
            self.db = ladybug.Database(self.location, read_only=read_only, buffer_pool_size=buffer_pool_mb * 1024 * 1024,
                                       max_db_size=MAX_DB_SIZE, throw_on_wal_replay_failure=not read_only)
        except RuntimeError as err:
            locked = _LOCKED.search(str(err))
            if locked:
                raise StoreLockedError(f"database {self.location} is in use by process {locked.group(1)}; "
                                       "wait for it to finish (reading commands work meanwhile)") from None
            raise StoreError(f"cannot open database {self.location}: {err}") from None
        self.conn = ladybug.Connection(self.db)
        self.conn.set_query_timeout(query_timeout_ms)
        try:
            if not read_only:
                self._ensure_schema()
            self._check_versions()
        except BaseException:
            self.close()  # a refused store is not kept open (nor locked) by this process
            raise

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        if getattr(self, "db", None) is not None:
            self.conn.close()
            self.db.close()
            self.db = None

    def _ensure_schema(self) -> None:
        """Create the schema in one transaction, so a reader never sees half of a new store.

        A store of another version is refused before anything is written to it, and a Ladybug
        database that is not a provkg store is never adopted.
        """
        tables = {row[1] for row in self._rows("CALL show_tables() RETURN *")}
        if "StoreInfo" in tables:
            self._check_versions()
        elif tables:
            raise SchemaVersionError(f"{self.location} is a Ladybug database but not a provkg store (no StoreInfo "
                                     "table); give another --db path")
        self.conn.execute("BEGIN TRANSACTION")
        try:
            for statement in MODEL.ladybug_ddl():
                self.conn.execute(statement)
            for key, value in (("schema_version", str(MODEL.version)), ("extractor_version", EXTRACTOR_VERSION)):
                self.conn.execute("MERGE (i:StoreInfo {key: $key}) ON CREATE SET i.value = $value",
                                  {"key": key, "value": value})
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _check_versions(self) -> None:
        try:
            info = dict(self._rows("MATCH (i:StoreInfo) RETURN i.key, i.value"))
        except RuntimeError:
            if not self._rows("CALL show_tables() RETURN *"):
                raise StoreError(f"{self.location} is an empty database (no articles ingested yet, or another "
                                 f"process is creating it): provkg ingest PATH --db {self.location}") from None
            raise SchemaVersionError(f"{self.location} is not a provkg database (no StoreInfo table)") from None
        expected = {"schema_version": str(MODEL.version), "extractor_version": EXTRACTOR_VERSION}
        for key, want in expected.items():
            if info.get(key) != want:
                raise SchemaVersionError(
                    f"{self.location} was written with {key} {info.get(key)}, this provkg uses {want}: "
                    "run provkg reextract to rebuild it from the stored article texts")

    # -- reading ------------------------------------------------------------------------------
    def _rows(self, cypher: str, params: dict | None = None) -> list[list]:
        return _drain(self.conn.execute(cypher, params or {}))[1]

    def query(self, cypher: str, params: dict | None = None, write: bool = False) -> QueryResult:
        """Run Cypher with parameters; read-only unless ``write``.

        >>> import tempfile, os
        >>> store = LadybugStore(os.path.join(tempfile.mkdtemp(), "q.lbug"))
        >>> store.query("MATCH (a:Article) RETURN count(a) AS n").rows
        [[0]]
        """
        if not write and WRITE_CLAUSES.search(_strip_literals(cypher)):
            raise QueryError("this query writes to the store; pass --write (write=True) if that is what you want")
        if write and self.read_only:
            raise QueryError(f"{self.location} is open read-only; open it without --read-only to write")
        try:
            result = self.conn.execute(cypher, params or {})
        except RuntimeError as err:
            message = str(err)
            if "interrupted" in message.lower() or "timeout" in message.lower():
                raise QueryError("the query took longer than the time limit and was stopped; narrow it or raise --timeout") from None
            raise QueryError(f"query failed: {message}") from None
        return QueryResult(*_drain(result))

    def has_article(self, article_id: str) -> bool:
        return bool(self._rows("MATCH (a:Article {id: $id}) RETURN a.id", {"id": article_id}))

    def lookup_names(self, keys: list[str]) -> dict[str, str]:
        """The actor each normalised name key resolves to, for the keys known to the store."""
        if not keys:
            return {}
        rows = self._rows("MATCH (n:Name)-[:NAMES]->(a:Actor) WHERE n.key IN $keys RETURN n.key, a.id", {"keys": keys})
        return {key: actor for key, actor in rows}

    def stats(self) -> dict:
        """``{"articles": N, "nodes": {label: count}, "relationships": {type: count}}``."""
        nodes = {label: self._rows(f"MATCH (n:{label}) RETURN count(n)")[0][0] for label in MODEL.node_labels
                 if label not in ("StoreInfo",)}
        rels = {rel: self._rows(f"MATCH ()-[r:{rel}]->() RETURN count(r)")[0][0] for rel in MODEL.rel_types}
        return {"articles": nodes["Article"], "nodes": nodes, "relationships": rels}

    # -- writing ------------------------------------------------------------------------------
    def load(self, records: Iterable[dict], replace: bool = False, batch_size: int = 32,
             progress: Callable[[dict], None] | None = None) -> LoadReport:
        """Upsert extraction records, one transaction per batch; idempotent by article content hash."""
        if self.read_only:
            raise StoreError(f"{self.location} is open read-only; open it without --read-only to load")
        report = LoadReport(seconds={"resolve": 0.0, "write": 0.0})
        batch: list[dict] = []
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                self._load_batch(batch, replace, report, progress)
                batch = []
        if batch:
            self._load_batch(batch, replace, report, progress)
        return report

    def _load_batch(self, batch, replace, report, progress) -> None:
        """One transaction: the batch's rows are collected per article, then written together.

        Each article is resolved against the store plus the names the batch's earlier articles
        add (as if they had been written already), and its rows join the batch's: a node's first
        row wins (MERGE ... ON CREATE), aliases are unioned, edges are appended. A handful of
        UNWIND statements per batch instead of a score per article. Replacing an article writes
        what is pending first, so its delete sees the store exactly as before.
        """
        self.conn.execute("BEGIN TRANSACTION")
        try:
            ids = sorted({record["document"]["id"] for record in batch})
            in_store = {row[0] for row in self._rows("UNWIND $ids AS i MATCH (a:Article {id: i}) RETURN a.id", {"ids": ids})}
            pending = _Pending()

            def lookup(keys: list[str]) -> dict[str, str]:
                missing = [k for k in dict.fromkeys(keys) if k not in pending.in_store]
                found = self.lookup_names(missing)
                for key in missing:
                    pending.in_store[key] = found.get(key)
                out = {}
                for key in keys:
                    actor = pending.in_store.get(key) or pending.names.get(key)
                    if actor is not None:
                        out[key] = actor
                return out

            lookup(_name_keys(record for record in batch if record["document"]["id"] not in in_store))  # one query
            touched = []
            items: set[str] = set()  # claims and directives whose support counts change
            self._pending = pending
            for record in batch:
                art = record["document"]["id"]
                exists = art in in_store or art in pending.articles
                if exists and not replace:
                    report.unchanged.append(art)
                    continue
                if exists:
                    t0 = time.perf_counter()
                    self._flush(pending)
                    items.update(reported_items(self, art))
                    self._delete_article(art)
                    in_store.discard(art)
                    report.seconds["write"] += time.perf_counter() - t0
                t0 = time.perf_counter()
                rows = build_rows(record, lookup)
                items.update(rows.nodes.get("Claim", {}), rows.nodes.get("Directive", {}))
                self._write(rows)
                report.seconds["resolve"] += time.perf_counter() - t0
                report.rows += rows.count()
                (report.replaced if exists else report.added).append(art)
                touched.append(art)
            t0 = time.perf_counter()
            self._flush(pending)
            report.seconds["write"] += time.perf_counter() - t0
            if touched:
                t0 = time.perf_counter()
                link_reprints(self, touched)
                link_denials(self, touched)
                update_support(self, items)
                report.seconds["link"] = report.seconds.get("link", 0.0) + time.perf_counter() - t0
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        finally:
            self._pending = None
        if progress:
            for record in batch:
                progress(record["document"])

    def _write(self, rows: GraphRows) -> None:
        """Add one article's rows to the batch's; they reach the database with the batch (``_flush``)."""
        self._pending.add(rows)

    def _flush(self, pending: "_Pending") -> None:
        if pending.rows is not None:
            self._write_rows(pending.rows)
        pending.reset()

    def _write_rows(self, rows: GraphRows) -> None:
        for label, by_key in rows.nodes.items():
            if label == "Actor":
                self._merge_aliases(rows)
            key = MODEL.node_key(label)
            props = {n: p for n, p in MODEL.node_properties(label).items() if n != key}
            sets = ", ".join(f"n.{n} = CAST(row.{n} AS {_CASTS[p['type']]})" for n, p in props.items())
            data = [{n: row.get(n, [] if props.get(n, {}).get("type") == "string[]" else None) for n in [key, *props]}
                    for row in by_key.values()]
            on_create = f" ON CREATE SET {sets}" if sets else ""
            self.conn.execute(f"UNWIND $rows AS row MERGE (n:{label} {{{key}: row.{key}}}){on_create}", {"rows": data})
        for rel_type, edges in rows.rels.items():
            props = MODEL.rel_properties(rel_type)
            groups: dict[tuple[str, str], list[dict]] = {}
            for edge in edges:
                data = {"src": edge["src"], "dst": edge["dst"]}
                data |= {n: edge["props"].get(n) for n in props}
                groups.setdefault((edge["src_label"], edge["dst_label"]), []).append(data)
            sets = ", ".join(f"r.{_q(n)} = CAST(row.{_q(n)} AS {_CASTS[p['type']]})" for n, p in props.items() if n != "id")
            for (src, dst), data in groups.items():
                self.conn.execute(
                    f"UNWIND $rows AS row MATCH (a:{src} {{{MODEL.node_key(src)}: row.src}}), "
                    f"(b:{dst} {{{MODEL.node_key(dst)}: row.dst}}) "
                    f"MERGE (a)-[r:{rel_type} {{id: row.id}}]->(b) ON CREATE SET {sets}", {"rows": data})

    def _merge_aliases(self, rows: GraphRows) -> None:
        ids = [i for i, names in rows.new_aliases.items() if names]
        if not ids:
            return
        existing = dict(self._rows("UNWIND $ids AS i MATCH (a:Actor {id: i}) RETURN a.id, a.aliases", {"ids": ids}))
        updates = []
        for actor_id in ids:
            if actor_id in existing:
                updates.append({"id": actor_id, "aliases": sorted(set(existing[actor_id] or []) | rows.new_aliases[actor_id])})
            else:
                rows.nodes["Actor"][actor_id]["aliases"] = sorted(rows.new_aliases[actor_id])
        if updates:
            self.conn.execute("UNWIND $rows AS row MATCH (a:Actor {id: row.id}) SET a.aliases = row.aliases", {"rows": updates})

    def _delete_article(self, article_id: str) -> None:
        """Remove everything an article contributed; nodes left with no edges go too."""
        for rel_type in MODEL.rel_types:
            self.conn.execute(f"MATCH ()-[r:{rel_type}]->() WHERE r.article = $art DELETE r", {"art": article_id})
        self.conn.execute("MATCH (a:Actor) WHERE a.article = $art DETACH DELETE a", {"art": article_id})  # scoped actors
        self.conn.execute("MATCH (m:Merge) WHERE m.article = $art DETACH DELETE m", {"art": article_id})
        self.conn.execute("MATCH (a:Article {id: $art}) DETACH DELETE a", {"art": article_id})
        for label in ("Claim", "Directive", "Place", "Actor", "Name"):
            self.conn.execute(f"MATCH (n:{label}) WHERE NOT EXISTS {{ MATCH (n)-[]-() }} DELETE n")


def _drain(result) -> tuple[list[str], list[list]]:
    """Columns and rows of a Ladybug result, which is then closed: an open result keeps its pages
    pinned in the buffer pool, and enough of them fill it ("Unable to allocate memory")."""
    try:
        return result.get_column_names(), result.get_all()
    finally:
        result.close()


def _name_keys(records) -> list[str]:
    """The name keys resolving the records' actors will look up (asked of the store at once)."""
    from provkg.loaders.resolve import is_named, name_keys

    keys: list[str] = []
    for record in records:
        keys += [k for e in record.get("entities", []) if is_named(e) for k in name_keys(e["name"], e.get("aliases", []))]
        if record["document"].get("outlet"):
            keys += name_keys(record["document"]["outlet"])
        keys += [k for r in record.get("reprints", []) for k in name_keys(r["original"])]
    return sorted(set(keys))


class _Pending:
    """The rows of a batch's articles not written yet, merged as successive MERGEs would leave them."""

    def __init__(self):
        self.articles: set[str] = set()             # articles added in this batch (pending or written)
        self.in_store: dict[str, str | None] = {}   # Name key -> Actor id in the store (None: unknown)
        self.reset()

    def reset(self) -> None:
        self.rows: GraphRows | None = None
        self.names: dict[str, str] = {}             # pending Name key -> Actor id (first wins)
        self.in_store.clear()                       # written rows change what the store answers

    def add(self, rows: GraphRows) -> None:
        self.articles.add(rows.article_id)
        for edge in rows.rels.get("NAMES", []):
            self.names.setdefault(edge["src"], edge["dst"])
        if self.rows is None:
            self.rows = rows
            return
        into = self.rows
        for label, by_key in rows.nodes.items():
            target = into.nodes[label]
            for key, row in by_key.items():
                target.setdefault(key, row)
        for rel_type, edges in rows.rels.items():
            into.rels[rel_type].extend(edges)
        for actor_id, names in rows.new_aliases.items():
            into.new_aliases[actor_id] |= names


def _q(name: str) -> str:
    return f"`{name}`" if name in {"end", "key"} else name


_LITERALS = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*|/\*.*?\*/""", re.S)


def _strip_literals(cypher: str) -> str:
    """Cypher without string literals, `quoted names` and comments, so keywords inside them don't count.

    One left-to-right pass, so whichever starts first wins: a quote inside a comment or a quoted
    name does not open a string that hides the keywords after it. Unclosed quotes and comments
    are left in (their keywords still count). ``: Label`` is read as ``:Label``.

    >>> _strip_literals("MATCH (a) // it's\\nDETACH DELETE a RETURN 'x'")
    "MATCH (a)  \\nDETACH DELETE a RETURN ''"
    """
    def blank(match: re.Match) -> str:
        first = match.group(0)[0]
        return "_" if first == "`" else "''" if first in "'\"" else " "

    return re.sub(r":\s+", ":", _LITERALS.sub(blank, cypher))
