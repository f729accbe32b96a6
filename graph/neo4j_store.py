"""The Neo4j store: the same protocol as the embedded Ladybug store, over Bolt.

``Neo4jStore("bolt://127.0.0.1:7687", user=..., password=..., database=...)`` writes exactly the
rows :func:`provkg.graph.rows.build_rows` makes (the same rows Ladybug writes) and behaves like
:class:`~provkg.graph.ladybug_store.LadybugStore`:

- idempotent load by article id (content hash); ``replace=True`` deletes an article's
  contribution first;
- one transaction per batch of articles (``session.execute_write``, so the driver retries the
  whole batch on transient errors and lost connections; a batch is never half-written);
- alias merging, entity resolution through the ``Name`` index, reprint and denial linking after
  each batch (:mod:`provkg.graph.linking`), ``StoreInfo`` schema/extractor versions;
- the same read-only query check, and query results as plain Python values.

Within a batch the rows of all its articles are collected first and written with one
``UNWIND $rows AS row MERGE ...`` per label and per (type, endpoint labels), chunked to
``batch_rows`` rows per statement. Name lookups, alias merging and article existence see the
batch's own, not yet written rows, so the graph is the same as Ladybug's article-by-article
writes (``tests/test_neo4j_store.py`` compares the two graphs property by property).

Connection settings come from the arguments or from the environment: ``NEO4J_URI``,
``NEO4J_USER`` (default ``neo4j``), ``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` (default: the server's
default database).
"""
from __future__ import annotations

import logging
import os
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import (
    AuthError, ClientError, DriverError, Forbidden, IncompleteCommit, Neo4jError, ServiceUnavailable,
    SessionExpired,
)

from provkg import EXTRACTOR_VERSION, __version__
from provkg.errors import QueryError, SchemaVersionError, StoreError
from provkg.graph.ladybug_store import WRITE_CLAUSES, _strip_literals
from provkg.graph.rows import GraphRows, build_rows
from provkg.graph.store import LoadReport, QueryResult
from provkg.schemas import MODEL

# The driver logs each retry as a warning; without logging configured that would print on stderr
# next to provkg's own message. Applications that configure logging still get them.
logging.getLogger("neo4j").addHandler(logging.NullHandler())

DEFAULT_BATCH_SIZE = 64       # articles per transaction
DEFAULT_BATCH_ROWS = 5000     # rows per UNWIND statement
START_HINT = "tests and local runs: bash tools/neo4j/start.sh"


class Neo4jUnavailableError(StoreError):
    """The Neo4j server cannot be reached, or the connection was lost."""


class Neo4jAuthError(StoreError):
    """Neo4j refused the user name or password."""


def _coerce(value, kind: str):
    """A value as the model's type says (what Ladybug's ``CAST(x AS T)`` does on write)."""
    if value is None:
        return None
    if kind == "string":
        return value if isinstance(value, str) else str(value)
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return bool(value)
    if kind == "string[]":
        return [v if isinstance(v, str) else str(v) for v in value]
    return value


def _node_props(label: str) -> dict[str, dict]:
    return MODEL.node_properties(label)


def node_row(label: str, row: dict) -> dict:
    """The row Ladybug writes for a node: every model property, ``[]`` for a missing list."""
    out = {}
    for name, spec in _node_props(label).items():
        default = [] if spec["type"] == "string[]" else None
        out[name] = _coerce(row.get(name, default), spec["type"])
    return out


def edge_row(rel_type: str, edge: dict) -> dict:
    """``{"src", "dst", "props": {...}}`` with every model property of the relationship type."""
    props = {name: _coerce(edge["props"].get(name), spec["type"]) for name, spec in MODEL.rel_properties(rel_type).items()}
    return {"src": edge["src"], "dst": edge["dst"], "id": props["id"], "props": props}


def edge_upsert(rel_type: str, src: str, dst: str) -> str:
    """Create each edge of ``$rows`` unless an edge of that type and id joins the same two nodes.

    What ``MERGE (a)-[r:T {id: row.id}]->(b) ON CREATE SET ...`` means, written so the plan
    cannot go wrong: the edge-id index is *sought* first, by hint. Without the hint, Neo4j 5.26
    sometimes plans the lookup (in ``MERGE`` as in ``MATCH``), from statistics taken while the store
    was nearly empty, as a scan of that whole index for every row: 5 million index entries read
    for 600 rows of a 100-article load, seconds instead of milliseconds, growing with the store.
    Rows must be distinct by (src, dst, id).
    Concurrent loads of one article cannot both add its edges: every edge belongs to its
    article (its id and ``article`` say so) and each load first merges, so locks, that Article.
    """
    return (f"UNWIND $rows AS row OPTIONAL MATCH ()-[e:{rel_type} {{id: row.id}}]->() USING INDEX SEEK e:{rel_type}(id) "
            f"WITH row, collect(e) AS same_id "
            f"MATCH (a:{src} {{{MODEL.node_key(src)}: row.src}}) MATCH (b:{dst} {{{MODEL.node_key(dst)}: row.dst}}) "
            f"WITH row, a, b, same_id WHERE none(x IN same_id WHERE startNode(x) = a AND endNode(x) = b) "
            f"CREATE (a)-[r:{rel_type}]->(b) SET r = row.props")


def chunks(items: list, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def plain(value):
    """A value from the driver as plain Python: nodes and relationships become property dicts.

    A node is ``{"_LABEL": label, prop: value, ...}`` with every model property of its label
    (``None`` when unset), like Ladybug's node dicts without their internal ``_ID``; a path is
    ``{"_NODES": [...], "_RELS": [...]}``; temporal values become ``datetime``/``date`` objects.
    """
    if isinstance(value, neo4j.graph.Node):
        label = sorted(value.labels)[0] if value.labels else None
        base = {n: None for n in _node_props(label)} if label in MODEL.node_labels else {}
        return {"_LABEL": label, **base, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Relationship):
        base = {n: None for n in MODEL.rel_properties(value.type)} if value.type in MODEL.rel_types else {}
        return {"_LABEL": value.type, **base, **{k: plain(v) for k, v in value.items()}}
    if isinstance(value, neo4j.graph.Path):
        return {"_NODES": [plain(n) for n in value.nodes], "_RELS": [plain(r) for r in value.relationships]}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "to_native"):  # neo4j.time.Date, DateTime, Time, Duration
        return value.to_native()
    return value


class Neo4jStore:
    """A provkg store in a Neo4j 5.26+ database, reached over Bolt.

    >>> store = Neo4jStore("bolt://127.0.0.1:1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    provkg.graph.neo4j_store.Neo4jUnavailableError: cannot reach Neo4j at bolt://127.0.0.1:1: ...
    """

    def __init__(self, uri: str | None = None, read_only: bool = False, user: str | None = None,
                 password: str | None = None, database: str | None = None, batch_rows: int = DEFAULT_BATCH_ROWS,
                 batch_size: int = DEFAULT_BATCH_SIZE, query_timeout_ms: int = 60_000,
                 connection_timeout: float = 10.0, max_retry_time: float = 30.0):
        self.uri = uri or os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687"
        self.user = user or os.environ.get("NEO4J_USER") or "neo4j"
        self.password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        self.database = database or os.environ.get("NEO4J_DATABASE") or None
        self.read_only = read_only
        self.batch_rows = max(1, int(batch_rows))
        self.batch_size = max(1, int(batch_size))
        self.query_timeout = query_timeout_ms / 1000 if query_timeout_ms else None
        self.location = self.uri if not self.database else f"{self.uri} (database {self.database})"
        self.driver = None
        try:
            self.driver = GraphDatabase.driver(
                self.uri, auth=(self.user, self.password) if self.password is not None else None,
                connection_timeout=connection_timeout, max_transaction_retry_time=max_retry_time,
                notifications_min_severity="OFF", user_agent=f"provkg/{__version__}")
        except (ValueError, neo4j.exceptions.ConfigurationError) as err:
            raise StoreError(f"cannot use {self.uri!r} as a Neo4j address: {err}") from None
        try:
            self._connect()
            if not read_only:
                self._ensure_schema()
            self._check_versions()
        except BaseException:
            self.close()
            raise

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        if self.driver is not None:
            self.driver.close()
            self.driver = None

    def _session(self, write: bool = False):
        if self.driver is None:
            raise StoreError(f"the store {self.location} is closed")
        access = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        return self.driver.session(database=self.database, default_access_mode=access)

    def _connect(self) -> None:
        try:
            self.driver.verify_connectivity()
            with self._session() as session:
                session.run("RETURN 1").consume()
        except Exception as err:  # noqa: BLE001 - translated into provkg errors
            raise self._translate(err, "connect") from None

    def _translate(self, err: Exception, doing: str) -> Exception:
        """A provkg error (with what to check) for a driver error."""
        if isinstance(err, AuthError):
            source = "--password / NEO4J_PASSWORD" if self.password is not None else "no password was given"
            return Neo4jAuthError(
                f"Neo4j at {self.uri} refused the login of user {self.user!r} (wrong user or password; {source}): "
                "check --user/--password or NEO4J_USER/NEO4J_PASSWORD")
        if isinstance(err, (ServiceUnavailable, SessionExpired, OSError)) and not isinstance(err, IncompleteCommit):
            detail = str(err).split("\n")[-1].strip() or type(err).__name__
            if doing == "connect":
                return Neo4jUnavailableError(
                    f"cannot reach Neo4j at {self.uri}: {detail}. Check that the server is running and accepts "
                    f"Bolt on that host and port ({START_HINT})")
            return Neo4jUnavailableError(f"lost the connection to Neo4j at {self.uri} while {doing}: {detail}. "
                                         "Check that the server is still running, then try again")
        if isinstance(err, IncompleteCommit):
            return Neo4jUnavailableError(
                f"the connection to Neo4j at {self.uri} was lost while committing ({doing}); the batch may or may not "
                "be stored: re-run the same command (loading is idempotent)")
        if isinstance(err, ClientError) and err.code == "Neo.ClientError.Database.DatabaseNotFound":
            return StoreError(f"Neo4j at {self.uri} has no database {self.database!r}: check --database / "
                              "NEO4J_DATABASE (Community edition has only 'neo4j')")
        if isinstance(err, Forbidden):
            return StoreError(f"Neo4j at {self.uri} does not allow user {self.user!r} to do this ({doing}): "
                              f"{err.message}")
        if isinstance(err, Neo4jError):
            return StoreError(f"Neo4j at {self.location} failed while {doing}: {err.message}")
        if isinstance(err, DriverError):
            return StoreError(f"the Neo4j driver failed while {doing} ({self.location}): {err}")
        return err

    def _ensure_schema(self) -> None:
        """Constraints and indexes from the model, then the StoreInfo versions (as Ladybug does).

        A store of another version is refused before anything is written to it, and a Neo4j
        database holding other data (nodes but no StoreInfo) is never adopted.
        """
        if self._rows("MATCH (i:StoreInfo) RETURN i.key LIMIT 1"):
            self._check_versions()
        elif self._rows("MATCH (n) RETURN 1 LIMIT 1"):
            raise SchemaVersionError(f"{self.location} holds data but is not a provkg store (no StoreInfo nodes); "
                                     "give another --db or --database")
        try:
            with self._session(write=True) as session:
                for statement in MODEL.neo4j_schema():  # schema changes cannot share a transaction with data
                    session.run(statement).consume()
                session.execute_write(lambda tx: [tx.run(
                    "MERGE (i:StoreInfo {key: $key}) ON CREATE SET i.value = $value", key=key, value=value).consume()
                    for key, value in (("schema_version", str(MODEL.version)), ("extractor_version", EXTRACTOR_VERSION))])
        except Exception as err:  # noqa: BLE001
            raise self._translate(err, "creating the schema") from None

    def _check_versions(self) -> None:
        info = dict(self._rows("MATCH (i:StoreInfo) RETURN i.key, i.value"))
        if not info:
            if self._rows("MATCH (n) RETURN 1 LIMIT 1"):
                raise SchemaVersionError(f"{self.location} is not a provkg database (no StoreInfo nodes)")
            raise StoreError(f"{self.location} is an empty database (no articles ingested yet, or another process is "
                             f"creating it): provkg ingest PATH --db {self.uri}")
        expected = {"schema_version": str(MODEL.version), "extractor_version": EXTRACTOR_VERSION}
        for key, want in expected.items():
            if info.get(key) != want:
                raise SchemaVersionError(
                    f"{self.location} was written with {key} {info.get(key)}, this provkg uses {want}: "
                    "run provkg reextract to rebuild it from the stored article texts")

    # -- reading ------------------------------------------------------------------------------
    def _run(self, cypher: str, params: dict | None, write: bool, doing: str) -> tuple[list[str], list[list]]:
        @neo4j.unit_of_work(timeout=self.query_timeout)
        def work(tx):
            result = tx.run(cypher, params or {})
            keys = list(result.keys())
            return keys, [[plain(v) for v in record.values()] for record in result]

        try:
            with self._session(write=write) as session:
                return (session.execute_write if write else session.execute_read)(work)
        except Neo4jError as err:
            if "TransactionTimedOut" in (err.code or "") or "terminated" in (err.message or "").lower():
                raise QueryError("the query took longer than the time limit and was stopped; narrow it or raise "
                                 "--timeout") from None
            if isinstance(err, (ClientError,)) and not isinstance(err, (AuthError, Forbidden)) \
                    and err.code != "Neo.ClientError.Database.DatabaseNotFound":
                raise QueryError(f"query failed: {err.message}") from None
            raise self._translate(err, doing) from None
        except (DriverError, OSError) as err:
            raise self._translate(err, doing) from None

    def _rows(self, cypher: str, params: dict | None = None) -> list[list]:
        return self._run(cypher, params, False, "reading")[1]

    def query(self, cypher: str, params: dict | None = None, write: bool = False) -> QueryResult:
        """Run Cypher with parameters; read-only unless ``write`` (the same check as Ladybug's)."""
        if not write and WRITE_CLAUSES.search(_strip_literals(cypher)):
            raise QueryError("this query writes to the store; pass --write (write=True) if that is what you want")
        if write and self.read_only:
            raise QueryError(f"{self.location} is open read-only; open it without --read-only to write")
        columns, rows = self._run(cypher, params, write, "running a query")
        return QueryResult(columns, rows)

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
    def load(self, records: Iterable[dict], replace: bool = False, batch_size: int | None = None,
             progress: Callable[[dict], None] | None = None) -> LoadReport:
        """Upsert extraction records, one transaction per batch; idempotent by article content hash.

        If the connection is lost for good, the batches committed so far stay and the one in
        progress is rolled back; running the same load again finishes the job.
        """
        if self.read_only:
            raise StoreError(f"{self.location} is open read-only; open it without --read-only to load")
        report = LoadReport(seconds={"resolve": 0.0, "write": 0.0})
        size = batch_size or self.batch_size
        batch: list[dict] = []
        for record in records:
            batch.append(record)
            if len(batch) >= size:
                self._load_batch(batch, replace, report, progress)
                batch = []
        if batch:
            self._load_batch(batch, replace, report, progress)
        return report

    def _load_batch(self, batch: list[dict], replace: bool, report: LoadReport, progress) -> None:
        def work(tx):
            return _Batch(self, tx).load(batch, replace)

        try:
            with self._session(write=True) as session:
                outcome = session.execute_write(work)
        except (DriverError, Neo4jError, OSError) as err:
            done = len(report.added) + len(report.replaced) + len(report.unchanged)
            error = self._translate(err, f"loading a batch of {len(batch)} articles")
            if isinstance(error, Neo4jUnavailableError) and not isinstance(err, IncompleteCommit):
                error = Neo4jUnavailableError(
                    f"{error}. {done} articles were stored before the connection was lost; the batch in progress was "
                    "rolled back (no article is half-written). Re-run the same command to finish: loading is idempotent")
            raise error from None
        for status, art in outcome["articles"]:
            getattr(report, status).append(art)
        report.rows += outcome["rows"]
        for key, seconds in outcome["seconds"].items():
            report.seconds[key] = report.seconds.get(key, 0.0) + seconds
        if progress:
            for record in batch:
                progress(record["document"])


class _Batch:
    """One batch of articles written in one managed transaction.

    Rows are collected across the batch's articles and written together (``flush``). What the
    next article's rows depend on sees the rows collected so far, so the result is what writing
    the articles one by one gives (as Ladybug does): article existence, the ``Name`` index
    (answers from the store are cached for the batch, pending ``NAMES`` edges fill the gaps) and
    alias merging (replayed in article order at flush, from one read of the actors' aliases).
    A replaced article is deleted only after the rows collected before it are written.
    """

    def __init__(self, store: Neo4jStore, tx):
        self.store = store
        self.tx = tx
        self.written: set[str] = set()   # articles added in this batch (written or pending)
        self.index = 0                   # position of the article being added
        self.reset()

    def reset(self) -> None:
        self.nodes: dict[str, dict[str, dict]] = defaultdict(dict)          # label -> key -> row (first wins)
        self.rels: dict[tuple[str, str, str], dict[tuple, dict]] = defaultdict(dict)  # (type, src, dst) -> edges
        self.names: dict[str, str] = {}            # pending Name key -> Actor id
        self.names_in_store: dict[str, str | None] = {}  # Name key -> Actor id in the store (None: unknown key)
        self.created_at: dict[str, int] = {}       # actor id -> index of the first article with a row for it
        self.alias_events: list[tuple[int, dict[str, set[str]]]] = []

    # -- the store-like view the linking functions use --------------------------------------
    def rows(self, cypher: str, params: dict | None = None) -> list[list]:
        return [[plain(v) for v in record.values()] for record in self.tx.run(cypher, params or {})]

    def query(self, cypher: str, params: dict | None = None, write: bool = False) -> QueryResult:
        result = self.tx.run(cypher, params or {})
        keys = list(result.keys())
        return QueryResult(keys, [[plain(v) for v in record.values()] for record in result])

    def has_article(self, article_id: str) -> bool:
        return article_id in self.written or bool(self.rows("MATCH (a:Article {id: $id}) RETURN a.id", {"id": article_id}))

    def lookup_names(self, keys: list[str]) -> dict[str, str]:
        missing = sorted({k for k in keys if k not in self.names_in_store})
        if missing:
            found = {key: actor for key, actor in self.rows(
                "MATCH (n:Name)-[:NAMES]->(a:Actor) WHERE n.key IN $keys RETURN n.key, a.id", {"keys": missing})}
            for key in missing:
                self.names_in_store[key] = found.get(key)
        out = {}
        for key in keys:
            actor = self.names_in_store.get(key) or self.names.get(key)
            if actor is not None:
                out[key] = actor
        return out

    def _prefetch_names(self, batch: list[dict]) -> None:
        """Ask the store once for the name keys the batch's articles will look up."""
        from provkg.loaders.resolve import is_named, name_keys

        keys: list[str] = []
        for record in batch:
            for e in record.get("entities", []):
                if is_named(e):
                    keys += name_keys(e["name"], e.get("aliases", []))
            if record["document"].get("outlet"):
                keys += name_keys(record["document"]["outlet"])
            for r in record.get("reprints", []):
                keys += name_keys(r["original"])
        self.lookup_names(keys)

    # -- loading --------------------------------------------------------------------------------
    def load(self, batch: list[dict], replace: bool) -> dict:
        from provkg.graph.linking import link_denials, link_reprints, reported_items, update_support

        outcome = {"articles": [], "rows": 0, "seconds": {"resolve": 0.0, "write": 0.0}}
        ids = sorted({r["document"]["id"] for r in batch})
        in_store = {row[0] for row in self.rows("MATCH (a:Article) WHERE a.id IN $ids RETURN a.id", {"ids": ids})}
        if not (in_store and not replace and in_store >= set(ids)):
            self._prefetch_names(batch)
        touched = []
        items: set[str] = set()  # claims and directives whose support counts change
        for record in batch:
            art = record["document"]["id"]
            exists = art in in_store or art in self.written
            if exists and not replace:
                outcome["articles"].append(("unchanged", art))
                continue
            if exists:
                t0 = time.perf_counter()
                self.flush()
                items.update(reported_items(self, art))
                self._delete_article(art)
                self.written.discard(art)
                in_store.discard(art)
                outcome["seconds"]["write"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            rows = build_rows(record, self.lookup_names)
            items.update(rows.nodes.get("Claim", {}), rows.nodes.get("Directive", {}))
            self.add(rows)
            outcome["seconds"]["resolve"] += time.perf_counter() - t0
            outcome["rows"] += rows.count()
            outcome["articles"].append(("replaced" if exists else "added", art))
            touched.append(art)
        t0 = time.perf_counter()
        self.flush()
        outcome["seconds"]["write"] += time.perf_counter() - t0
        if touched:
            link_reprints(self, touched)
            link_denials(self, touched)
            update_support(self, items)
        return outcome

    def add(self, rows: GraphRows) -> None:
        """Collect one article's rows; its new aliases are merged at flush, in article order."""
        self.index += 1
        for actor_id in rows.nodes.get("Actor", {}):
            self.created_at.setdefault(actor_id, self.index)
        if rows.nodes.get("Actor"):
            event = {i: set(names) for i, names in rows.new_aliases.items() if names}
            if event:
                self.alias_events.append((self.index, event))
        for label, by_key in rows.nodes.items():
            pending = self.nodes[label]
            for key, row in by_key.items():
                if key not in pending:
                    pending[key] = node_row(label, row)
        for rel_type, edges in rows.rels.items():
            for edge in edges:
                group = self.rels[(rel_type, edge["src_label"], edge["dst_label"])]
                key = (edge["src"], edge["dst"], edge["props"]["id"])
                if key not in group:
                    group[key] = edge_row(rel_type, edge)
                if rel_type == "NAMES":
                    self.names.setdefault(edge["src"], edge["dst"])
        self.written.add(rows.article_id)

    def _merge_aliases(self) -> dict[str, list[str]]:
        """Replay Ladybug's per-article alias merging; returns the aliases to SET on existing actors.

        An actor that exists (in the store, or created by an earlier article of the batch) gets
        the sorted union of its aliases and the new ones; an actor the article creates gets its
        new aliases on its row.
        """
        if not self.alias_events:
            return {}
        ids = sorted({i for _, event in self.alias_events for i in event})
        now = {i: list(a or []) for i, a in self.rows("MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id, a.aliases",
                                                      {"ids": ids})}
        sets: dict[str, list[str]] = {}
        for index, event in self.alias_events:
            for actor_id, new in event.items():
                if actor_id not in now and self.created_at.get(actor_id, index) < index:
                    now[actor_id] = list(self.nodes["Actor"][actor_id].get("aliases") or [])
                if actor_id in now:
                    now[actor_id] = sets[actor_id] = sorted(set(now[actor_id]) | new)
                else:
                    now[actor_id] = self.nodes["Actor"][actor_id]["aliases"] = sorted(new)
        return sets

    def flush(self) -> None:
        """Write the collected rows: nodes per label, alias updates, then edges per type and endpoints."""
        size = self.store.batch_rows
        alias_sets = self._merge_aliases()
        for label, by_key in self.nodes.items():
            if not by_key:
                continue
            key = MODEL.node_key(label)
            for part in chunks(list(by_key.values()), size):
                self.tx.run(f"UNWIND $rows AS row MERGE (n:{label} {{{key}: row.{key}}}) ON CREATE SET n += row",
                            rows=part).consume()
        if alias_sets:
            data = [{"id": i, "aliases": a} for i, a in alias_sets.items()]
            for part in chunks(data, size):
                self.tx.run("UNWIND $rows AS row MATCH (a:Actor {id: row.id}) SET a.aliases = row.aliases",
                            rows=part).consume()
        for (rel_type, src, dst), edges in self.rels.items():
            for part in chunks(list(edges.values()), size):
                self.tx.run(edge_upsert(rel_type, src, dst), rows=part).consume()
        self.reset()

    def _delete_article(self, article_id: str) -> None:
        """Remove everything an article contributed; nodes left with no edges go too (as Ladybug does)."""
        run = self.tx.run
        for rel_type in MODEL.rel_types:
            run(f"MATCH ()-[r:{rel_type}]->() USING INDEX SEEK r:{rel_type}(article) WHERE r.article = $art DELETE r",
                art=article_id).consume()
        run("MATCH (a:Actor) WHERE a.article = $art DETACH DELETE a", art=article_id).consume()
        run("MATCH (m:Merge) WHERE m.article = $art DETACH DELETE m", art=article_id).consume()
        run("MATCH (a:Article {id: $art}) DETACH DELETE a", art=article_id).consume()
        for label in ("Claim", "Directive", "Place", "Actor", "Name"):
            run(f"MATCH (n:{label}) WHERE NOT EXISTS {{ MATCH (n)--() }} DELETE n").consume()
