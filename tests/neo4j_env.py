"""Connection settings for the tests that need a real Neo4j, and helpers they share.

Settings come from the environment (the same variables as tests/test_neo4j_harness.py):

* ``PROVKG_NEO4J_URI``         e.g. ``bolt://127.0.0.1:7687`` (required, see below)
* ``PROVKG_NEO4J_USER``        default ``neo4j``
* ``PROVKG_NEO4J_PASSWORD``    default ``provkg-test-pw`` (tools/neo4j/start.sh's default NEO4J_PASSWORD)
* ``PROVKG_NEO4J_IMPORT_DIR``  the server's import directory, default ``${NEO4J_HOME_DIR:-/tmp/provkg-neo4j}/import``

The rule: without ``PROVKG_NEO4J_URI`` the tests are *skipped* only when ``java`` or ``mvn`` is
missing (the test server cannot run here); otherwise they *fail*, so CI never skips silently.

The tests share the server's one database (Community edition has only ``neo4j``) and empty it
before each use: do not point them at a server holding data you want to keep. Test modules that
use it import :func:`exclusive_server` (an autouse fixture): it holds a file lock for the module,
so two pytest runs on one machine take turns instead of emptying the database under each other.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

START_HINT = ("start tools/neo4j/start.sh and export PROVKG_NEO4J_URI=bolt://127.0.0.1:7687 "
              "(plus PROVKG_NEO4J_PASSWORD / PROVKG_NEO4J_IMPORT_DIR if you changed NEO4J_PASSWORD / NEO4J_IMPORT_DIR)")


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str
    user: str
    password: str
    import_dir: str

    def options(self) -> dict:
        """Keyword arguments for ``Neo4jStore`` / ``open_store``."""
        return {"user": self.user, "password": self.password}

    def env(self) -> dict:
        """Environment for the CLI (NEO4J_USER / NEO4J_PASSWORD are what ``--db bolt://`` reads)."""
        return {"NEO4J_USER": self.user, "NEO4J_PASSWORD": self.password}


def settings() -> Neo4jSettings:
    """The settings, or skip/fail by the rule in this module's docstring."""
    uri = os.environ.get("PROVKG_NEO4J_URI", "").strip()
    if not uri:
        missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
        if missing:
            pytest.skip(f"PROVKG_NEO4J_URI is not set and {' and '.join(missing)} "
                        f"{'is' if len(missing) == 1 else 'are'} not installed, so the Neo4j test server "
                        "(tools/neo4j) cannot run on this machine")
        pytest.fail(f"PROVKG_NEO4J_URI is not set: no Neo4j server to test against; {START_HINT}")
    home = os.environ.get("NEO4J_HOME_DIR", "/tmp/provkg-neo4j")
    return Neo4jSettings(uri=uri, user=os.environ.get("PROVKG_NEO4J_USER", "neo4j"),
                         password=os.environ.get("PROVKG_NEO4J_PASSWORD", "provkg-test-pw"),
                         import_dir=os.environ.get("PROVKG_NEO4J_IMPORT_DIR", f"{home}/import"))


LOCK_WAIT = float(os.environ.get("PROVKG_NEO4J_LOCK_WAIT", "1800"))


@pytest.fixture(scope="module", autouse=True)
def exclusive_server():
    """Hold ``$NEO4J_HOME_DIR/provkg-tests.lock`` while a module uses the shared test database."""
    cfg = settings()
    home = Path(os.environ.get("NEO4J_HOME_DIR", "/tmp/provkg-neo4j"))
    home.mkdir(parents=True, exist_ok=True)
    name = "provkg-tests-" + "".join(ch if ch.isalnum() else "_" for ch in cfg.uri) + ".lock"
    with open(home / name, "w") as handle:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    pytest.fail(f"another test run has held {home / name} for {LOCK_WAIT:.0f}s: it is using the "
                                f"Neo4j test database at {cfg.uri}")
                time.sleep(0.5)
        try:
            yield cfg
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def driver(cfg: Neo4jSettings):
    from neo4j import GraphDatabase

    drv = GraphDatabase.driver(cfg.uri, auth=(cfg.user, cfg.password), notifications_min_severity="OFF")
    try:
        drv.verify_connectivity()
    except Exception as exc:  # only on a broken setup
        drv.close()
        pytest.fail(f"cannot connect to Neo4j at {cfg.uri}: {exc!r}; {START_HINT}")
    return drv


def wipe(cfg: Neo4jSettings) -> None:
    """Empty the test database (nodes, relationships; constraints stay, they are the model's)."""
    with driver(cfg) as drv, drv.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def open_neo4j(cfg: Neo4jSettings, **options):
    from provkg.graph.neo4j_store import Neo4jStore

    return Neo4jStore(cfg.uri, **{**cfg.options(), **options})


# -- comparing graphs across engines ---------------------------------------------------------
TIMESTAMPS = {("Article", "ingested_at"), ("Merge", "created_at")}


def graph_dump(store, timestamps: bool = False) -> dict:
    """Every node and edge with every model property, as sorted tuples: equal dumps, equal graphs.

    Runs plain Cypher through ``store.query`` so it works on both engines. ``None`` and ``[]``
    count as the same (unset). Timestamps (``ingested_at``, ``created_at``) are left out unless asked.
    """
    from provkg.schemas import MODEL

    def norm(value):
        if value in (None, []):
            return None
        if isinstance(value, list):
            return tuple(value)
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value

    nodes = {}
    for label in MODEL.node_labels:
        names = [n for n in MODEL.node_properties(label) if timestamps or (label, n) not in TIMESTAMPS]
        cols = ", ".join(f"n.`{n}`" for n in names)
        rows = store.query(f"MATCH (n:{label}) RETURN {cols}").rows
        nodes[label] = sorted((tuple(norm(v) for v in row) for row in rows), key=repr)
    rels = {}
    for rel_type in MODEL.rel_types:
        names = list(MODEL.rel_properties(rel_type))
        for src, dst in MODEL.rel_endpoints(rel_type):
            cols = ", ".join(f"r.`{n}`" for n in names)
            rows = store.query(f"MATCH (a:{src})-[r:{rel_type}]->(b:{dst}) "
                               f"RETURN a.`{MODEL.node_key(src)}`, b.`{MODEL.node_key(dst)}`, {cols}").rows
            rels[(rel_type, src, dst)] = sorted((tuple(norm(v) for v in row) for row in rows), key=repr)
    return {"nodes": nodes, "rels": rels}


def diff_dumps(a: dict, b: dict, limit: int = 5) -> list[str]:
    """Human-readable differences between two dumps (empty when equal)."""
    out = []
    for part in ("nodes", "rels"):
        for name in sorted(set(a[part]) | set(b[part]), key=str):
            left, right = set(a[part].get(name, [])), set(b[part].get(name, []))
            if left != right:
                out.append(f"{part} {name}: only in first {sorted(left - right, key=repr)[:limit]}, "
                           f"only in second {sorted(right - left, key=repr)[:limit]}")
            elif len(a[part].get(name, [])) != len(b[part].get(name, [])):
                out.append(f"{part} {name}: {len(a[part][name])} vs {len(b[part][name])} rows (duplicates)")
    return out
