"""Neo4jStore against a real Neo4j (tools/neo4j/start.sh): the same graph as Ladybug, faults, push, bulk export.

Needs PROVKG_NEO4J_URI (see tests/neo4j_env.py for the skip/fail rule). Every test empties the
server's database first.
"""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
import socket
import subprocess
import threading
import uuid
from pathlib import Path

import pytest

import neo4j_env
from neo4j_env import exclusive_server  # noqa: F401 - autouse: one test run at a time on the shared database
from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def cfg():
    return neo4j_env.settings()


@pytest.fixture(scope="module")
def records(extractor):
    from provkg.loaders.readers import read_articles

    return list(extractor.records(a for a in read_articles([str(EXAMPLES)])))


@pytest.fixture()
def fresh(cfg):
    """An empty Neo4j database and a writable store on it."""
    neo4j_env.wipe(cfg)
    with neo4j_env.open_neo4j(cfg) as store:
        yield store


def ladybug_dump(tmp_path, *loads, timestamps=False, reports=None):
    """The dump and stats of a fresh Ladybug store after the given ``(records, kwargs)`` loads."""
    from provkg.graph.ladybug_store import LadybugStore

    with LadybugStore(str(tmp_path / f"lb-{uuid.uuid4().hex[:6]}.lbug")) as store:
        for recs, kwargs in loads:
            report = store.load(recs, **kwargs)
            if reports is not None:
                reports.append(report)
        return neo4j_env.graph_dump(store, timestamps=timestamps), store.stats()


def assert_same_graph(expected: dict, store) -> None:
    differences = neo4j_env.diff_dumps(expected, neo4j_env.graph_dump(store))
    assert not differences, "\n".join(differences)


# -- the same graph as the embedded store ------------------------------------------------------
@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_load_writes_the_graph_ladybug_writes(fresh, records, tmp_path, batch_size):
    expected, stats = ladybug_dump(tmp_path, (records, {"batch_size": batch_size}))
    report = fresh.load(records, batch_size=batch_size)
    assert len(report.added) == len(records) and report.rows > 0
    assert fresh.stats() == stats
    assert_same_graph(expected, fresh)


def test_reload_adds_nothing_and_replace_matches_ladybug(fresh, records, tmp_path):
    fresh.load(records)
    before = neo4j_env.graph_dump(fresh)
    again = fresh.load(records)
    assert (again.added, again.replaced, sorted(again.unchanged)) == ([], [], sorted(r["document"]["id"] for r in records))
    assert neo4j_env.graph_dump(fresh) == before
    # Replacing, in another order and batch size, re-resolves against the rest of the store: as Ladybug does.
    replaced = fresh.load(records[::-1], replace=True, batch_size=2)
    assert len(replaced.replaced) == len(records)
    expected, stats = ladybug_dump(tmp_path, (records, {}), (records[::-1], {"replace": True, "batch_size": 2}))
    assert fresh.stats() == stats
    assert_same_graph(expected, fresh)


def test_duplicate_article_in_one_batch(fresh, records, tmp_path):
    a, b = records[0]["document"]["id"], records[1]["document"]["id"]
    batch = [records[0], records[1], records[0]]
    first, second = fresh.load(batch), fresh.load(batch, replace=True)
    theirs = []
    expected, _ = ladybug_dump(tmp_path, (batch, {}), (batch, {"replace": True}), reports=theirs)
    assert (first.added, first.unchanged) == ([a, b], [a])
    assert (second.added, second.replaced) == ([], [a, b, a])
    for mine, lady in zip((first, second), theirs):
        assert (mine.added, mine.replaced, mine.unchanged, mine.rows) == (lady.added, lady.replaced, lady.unchanged, lady.rows)
    assert_same_graph(expected, fresh)


def test_store_info_has_the_versions(fresh):
    from provkg import EXTRACTOR_VERSION
    from provkg.schemas import MODEL

    info = dict(fresh.query("MATCH (i:StoreInfo) RETURN i.key, i.value").rows)
    assert info == {"schema_version": str(MODEL.version), "extractor_version": EXTRACTOR_VERSION}
    constraints = {r[0] for r in fresh.query("SHOW CONSTRAINTS YIELD name RETURN name").rows}
    assert {f"{label.lower()}_{MODEL.node_key(label)}" for label in MODEL.node_labels} <= constraints


def test_other_extractor_version_is_refused(fresh, cfg):
    from provkg.errors import SchemaVersionError

    fresh.query("MATCH (i:StoreInfo {key: 'extractor_version'}) SET i.value = '0'", write=True)
    with pytest.raises(SchemaVersionError, match="extractor_version 0.*provkg reextract"):
        neo4j_env.open_neo4j(cfg, read_only=True)
    with pytest.raises(SchemaVersionError, match="extractor_version 0"):  # refused before anything is written
        neo4j_env.open_neo4j(cfg)
    assert fresh.query("MATCH (i:StoreInfo {key: 'extractor_version'}) RETURN i.value").rows == [["0"]]


def test_read_only_on_an_empty_database_says_ingest_first(cfg):
    from provkg.errors import StoreError

    neo4j_env.wipe(cfg)
    with pytest.raises(StoreError, match="is an empty database.*provkg ingest PATH --db bolt://"):
        neo4j_env.open_neo4j(cfg, read_only=True)


def test_a_database_with_other_data_is_not_adopted(cfg):
    from provkg.errors import SchemaVersionError

    neo4j_env.wipe(cfg)
    with neo4j_env.driver(cfg) as drv:
        drv.execute_query("CREATE (:Customer {name: 'not provkg'})")
    try:
        with pytest.raises(SchemaVersionError, match="holds data but is not a provkg store"):
            neo4j_env.open_neo4j(cfg)
        with neo4j_env.driver(cfg) as drv:
            assert drv.execute_query("MATCH (i:StoreInfo) RETURN count(i) AS n").records[0]["n"] == 0
    finally:
        neo4j_env.wipe(cfg)


def test_open_store_routes_bolt_uris(cfg, fresh):
    from provkg.graph.neo4j_store import Neo4jStore
    from provkg.graph.store import open_store

    with open_store(cfg.uri, **cfg.options()) as store:
        assert isinstance(store, Neo4jStore) and store.stats()["articles"] == 0


def test_concurrent_loads_of_the_same_articles_add_no_duplicates(cfg, records):
    """Two writers loading the same articles at once: every edge once (deadlocks are retried by the driver)."""
    neo4j_env.wipe(cfg)
    errors = []

    def load(batch_size):
        try:
            with neo4j_env.open_neo4j(cfg) as store:
                store.load(records, batch_size=batch_size)
        except Exception as err:  # noqa: BLE001 - reported below
            errors.append(err)

    threads = [threading.Thread(target=load, args=(size,)) for size in (1, 2, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    with neo4j_env.open_neo4j(cfg, read_only=True) as store:
        assert store.stats()["articles"] == len(records)
        dupes = store.query("MATCH (a)-[r]->(b) WITH type(r) AS t, a, b, r.id AS id, count(*) AS n WHERE n > 1 "
                            "RETURN t, id, n LIMIT 5").rows
        assert dupes == []
        mentions = store.query("MATCH (:Article)-[r:MENTIONS]->() RETURN count(r)").rows[0][0]
    with neo4j_env.open_neo4j(cfg) as store:
        neo4j_env.wipe(cfg)
        store.load(records)
        assert store.query("MATCH (:Article)-[r:MENTIONS]->() RETURN count(r)").rows[0][0] == mentions


# -- queries -------------------------------------------------------------------------------
@pytest.fixture()
def loaded(fresh, records):
    fresh.load(records)
    return fresh


def test_query_check_is_ladybugs(loaded, cfg):
    from provkg.errors import QueryError

    with pytest.raises(QueryError, match="writes to the store"):
        loaded.query("MATCH (a:Actor) SET a.name = 'x'")
    with pytest.raises(QueryError, match="writes to the store"):
        loaded.query("MATCH (a) DETACH DELETE a")
    # keywords inside strings, labels and properties are not write clauses
    assert loaded.query("MATCH (m:Merge) WHERE m.rule <> 'CREATE' RETURN count(m)").rows[0][0] >= 0
    with neo4j_env.open_neo4j(cfg, read_only=True) as ro, pytest.raises(QueryError, match="open read-only"):
        ro.query("MATCH (a:Actor) SET a.name = 'x'", write=True)
    with pytest.raises(QueryError, match="query failed: Invalid input"):
        loaded.query("MATCH (a:Actor RETURN a")


def test_write_query_needs_write_and_runs(loaded):
    result = loaded.query("MATCH (a:Actor) WITH a LIMIT 1 SET a.descriptor = 'x' RETURN count(a) AS n", write=True)
    assert result.columns == ["n"] and result.rows == [[1]]


def test_query_results_are_plain_python_like_ladybugs(loaded, examples_store):
    cypher = ("MATCH (a:Actor)-[r:REPORTED]->(c:Claim) RETURN a, r, c, a.aliases AS aliases, count(*) AS n "
              "ORDER BY r.id LIMIT 3")
    mine, theirs = loaded.query(cypher), examples_store.query(cypher)
    assert mine.columns == theirs.columns == ["a", "r", "c", "aliases", "n"]

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("_ID", "_SRC", "_DST")}
        return value

    assert [[strip(v) for v in row] for row in mine.rows] == [[strip(v) for v in row] for row in theirs.rows]
    node = mine.rows[0][0]
    assert type(node) is dict and node["_LABEL"] == "Actor" and isinstance(mine.rows[0][4], int)
    path = loaded.query("MATCH p = (:Actor)-[:REPORTED]->(:Claim) RETURN p LIMIT 1").rows[0][0]
    assert [n["_LABEL"] for n in path["_NODES"]] == ["Actor", "Claim"] and path["_RELS"][0]["_LABEL"] == "REPORTED"


def test_has_article_and_lookup_names_agree_with_ladybug(loaded, examples_store, records):
    art = records[0]["document"]["id"]
    assert loaded.has_article(art) and not loaded.has_article("nope")
    keys = [r[0] for r in examples_store.query("MATCH (n:Name) RETURN n.key ORDER BY n.key").rows] + ["no such key"]
    assert loaded.lookup_names(keys) == examples_store.lookup_names(keys)
    assert loaded.lookup_names([]) == {}


# -- faults ---------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down_says_what_to_check(cfg):
    from provkg.graph.neo4j_store import Neo4jUnavailableError

    uri = f"bolt://127.0.0.1:{_free_port()}"
    with pytest.raises(Neo4jUnavailableError, match=r"cannot reach Neo4j at bolt://127\.0\.0\.1:\d+: .*refused.*"
                                                    r"Check that the server is running"):
        neo4j_env.open_neo4j(dataclasses.replace(cfg, uri=uri))


def test_wrong_password_says_what_to_check(cfg):
    from provkg.errors import StoreError
    from provkg.graph.neo4j_store import Neo4jAuthError, Neo4jStore

    with pytest.raises(Neo4jAuthError, match="refused the login of user 'neo4j'.*--user/--password or NEO4J_USER/NEO4J_PASSWORD"):
        Neo4jStore(cfg.uri, user=cfg.user, password=cfg.password + "-wrong")
    assert issubclass(Neo4jAuthError, StoreError)


def test_password_from_environment(cfg, monkeypatch, fresh):
    from provkg.graph.neo4j_store import Neo4jAuthError, Neo4jStore

    monkeypatch.setenv("NEO4J_USER", cfg.user)
    monkeypatch.setenv("NEO4J_PASSWORD", cfg.password)
    with Neo4jStore(cfg.uri) as store:
        assert store.stats()["articles"] == 0
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    with pytest.raises(Neo4jAuthError):
        Neo4jStore(cfg.uri)


def test_unknown_database(cfg):
    from provkg.errors import StoreError

    with pytest.raises(StoreError, match="has no database 'nosuchdb'.*--database"):
        neo4j_env.open_neo4j(cfg, database="nosuchdb")


class BoltProxy:
    """A TCP proxy in front of the real server: cut its connections mid-transaction, or refuse new ones."""

    def __init__(self, uri: str):
        host, port = uri.split("://", 1)[1].rsplit(":", 1)
        self.upstream = (host, int(port))
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.uri = f"bolt://127.0.0.1:{self.port}"
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        self.refusing = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.refusing:
                client.close()
                continue
            server = socket.create_connection(self.upstream)
            with self.lock:
                self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(src, dst):
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cut(self):
        """Drop every open connection (what the driver sees when the server goes away)."""
        with self.lock:
            for s in self.sockets:
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            self.sockets.clear()

    def close(self):
        self.refusing = True
        self.cut()
        self.listener.close()


@pytest.fixture()
def proxy(cfg):
    p = BoltProxy(cfg.uri)
    yield p
    p.close()


def _cut_on_build(monkeypatch, proxy, at_call: int, then=None):
    """Cut the connections when build_rows is called the ``at_call``-th time (inside a write transaction)."""
    import provkg.graph.neo4j_store as module

    calls = {"n": 0}
    real = module.build_rows

    def build_rows(record, lookup, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == at_call:
            proxy.cut()
            if then:
                then()
        return real(record, lookup, *args, **kwargs)

    monkeypatch.setattr(module, "build_rows", build_rows)
    return calls


def test_connection_lost_mid_batch_is_retried_without_duplicates(cfg, proxy, records, tmp_path, monkeypatch):
    neo4j_env.wipe(cfg)
    expected, stats = ladybug_dump(tmp_path, (records, {"batch_size": 2}))
    with neo4j_env.open_neo4j(dataclasses.replace(cfg, uri=proxy.uri)) as store:
        calls = _cut_on_build(monkeypatch, proxy, at_call=4)  # the second article of the second batch
        report = store.load(records, batch_size=2)
        assert calls["n"] > len(records)  # the interrupted batch ran again
        assert len(report.added) == len(records) and not report.unchanged
        assert store.stats() == stats
        assert_same_graph(expected, store)


def test_connection_lost_for_good_keeps_whole_articles_and_resumes(cfg, proxy, records, tmp_path, monkeypatch):
    from provkg.graph.neo4j_store import Neo4jUnavailableError

    neo4j_env.wipe(cfg)
    via_proxy = dataclasses.replace(cfg, uri=proxy.uri)
    with neo4j_env.open_neo4j(via_proxy, max_retry_time=1.0) as store:
        # cut mid-way through the third batch and refuse new connections: the server is "down"
        _cut_on_build(monkeypatch, proxy, at_call=3, then=lambda: setattr(proxy, "refusing", True))
        with pytest.raises(Neo4jUnavailableError, match="2 articles were stored.*rolled back.*Re-run the same command"):
            store.load(records, batch_size=1)
    monkeypatch.undo()
    # Exactly the first two articles are there, whole: the same graph as Ladybug with those two.
    with neo4j_env.open_neo4j(cfg) as store:
        expected, _ = ladybug_dump(tmp_path, (records[:2], {"batch_size": 1}))
        assert_same_graph(expected, store)
        report = store.load(records, batch_size=1)  # running it again finishes the job
        assert len(report.unchanged) == 2 and len(report.added) == len(records) - 2
        expected, stats = ladybug_dump(tmp_path, (records, {"batch_size": 1}))
        assert store.stats() == stats
        assert_same_graph(expected, store)


# -- push -----------------------------------------------------------------------------------
def test_push_copies_the_embedded_store_and_resumes(cfg, examples_store):
    from provkg.graph.push import push

    neo4j_env.wipe(cfg)
    expected = neo4j_env.graph_dump(examples_store, timestamps=True)
    calls = {"n": 0, "rows": 0}

    class Interrupted(Exception):
        pass

    def stop_after_three(rows, total):  # called after each committed batch
        calls["n"] += 1
        calls["rows"] += rows
        if calls["n"] == 3:
            raise Interrupted

    with neo4j_env.open_neo4j(cfg) as target:
        with pytest.raises(Interrupted):
            push(examples_store, target, batch_rows=7, progress=stop_after_three)
        partial = target.stats()
        assert 0 < sum(partial["nodes"].values()) < sum(examples_store.stats()["nodes"].values())
        result = push(examples_store, target, batch_rows=7)
        assert result["skipped"] == calls["rows"] > 0 and result["resumed_from"] is not None
        assert result["rows"] + result["skipped"] == result["total"]
        assert target.stats() == examples_store.stats()
        assert not neo4j_env.diff_dumps(expected, neo4j_env.graph_dump(target, timestamps=True))
        again = push(examples_store, target)  # idempotent: everything again, nothing new
        assert again["skipped"] == 0 and again["rows"] == again["total"]
        assert not neo4j_env.diff_dumps(expected, neo4j_env.graph_dump(target, timestamps=True))
        assert not target.query("MATCH (i:StoreInfo) WHERE i.key STARTS WITH 'push:' RETURN i").rows


# -- bulk export ----------------------------------------------------------------------------
def test_neo4j_import_csv_loads_into_the_server(cfg, examples_store, tmp_path):
    from provkg.graph.neo4j_import import load_csv_statements, write_neo4j_import

    result = write_neo4j_import(examples_store, tmp_path / "import")
    stats = examples_store.stats()
    assert {k: v for k, v in result["nodes"].items() if k != "StoreInfo"} == stats["nodes"]
    assert result["relationships"] == stats["relationships"]
    header = (tmp_path / "import" / "nodes-Actor.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id:ID(Actor),") and "aliases:string[]" in header and header.endswith(",:LABEL")
    rels = (tmp_path / "import" / "rels-REPORTED-Actor-Claim.csv").read_text(encoding="utf-8").splitlines()[0]
    assert rels.startswith(":START_ID(Actor),:END_ID(Claim),id,article,start:long,stop:long,") and rels.endswith(",:TYPE")
    assert "neo4j-admin database import full neo4j " in result["command"] and "--multiline-fields=true" in result["command"]
    script = (tmp_path / "import" / "import.sh").read_text(encoding="utf-8")
    assert result["command"] in script and (tmp_path / "import" / "IMPORT.md").exists()

    import_dir = Path(cfg.import_dir)
    if not import_dir.is_dir():
        pytest.fail(f"import dir {import_dir} does not exist; set PROVKG_NEO4J_IMPORT_DIR ({neo4j_env.START_HINT})")
    sub = f"provkg-test-{uuid.uuid4().hex[:8]}"
    shutil.copytree(tmp_path / "import", import_dir / sub)
    try:
        neo4j_env.wipe(cfg)
        with neo4j_env.driver(cfg) as drv, drv.session() as session:
            for statement in load_csv_statements(tmp_path / "import", url_prefix=f"file:///{sub}/"):
                session.run(statement).consume()
    finally:
        shutil.rmtree(import_dir / sub, ignore_errors=True)
    with neo4j_env.open_neo4j(cfg, read_only=True) as store:
        assert store.stats() == stats
        expected = neo4j_env.graph_dump(examples_store, timestamps=True)
        assert not neo4j_env.diff_dumps(expected, neo4j_env.graph_dump(store, timestamps=True))


HARNESS_LIB = ROOT / "tools" / "neo4j" / "target" / "lib"


def test_neo4j_admin_import_accepts_the_files(examples_store, tmp_path):
    """The real importer (neo4j-admin's classes from the test server's jars) reads every file."""
    if shutil.which("java") is None or not (HARNESS_LIB / "neo4j-import-tool-5.26.30.jar").exists():
        pytest.skip(f"no java or no neo4j-import-tool jar in {HARNESS_LIB} (bash tools/neo4j/start.sh builds it)")
    from provkg.graph.neo4j_import import write_neo4j_import

    result = write_neo4j_import(examples_store, tmp_path / "csv")
    home = tmp_path / "home"
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text(f"server.directories.data={home / 'data'}\n"
                                              f"server.directories.logs={home / 'logs'}\n", encoding="utf-8")
    script = tmp_path / "csv" / "import.sh"
    text = script.read_text(encoding="utf-8").replace(
        "neo4j-admin ", f"java -Xmx512m -cp '{HARNESS_LIB}/*' org.neo4j.cli.AdminTool ")
    script.write_text(text, encoding="utf-8")
    done = subprocess.run(["bash", str(script), "--max-off-heap-memory=256m"], capture_output=True, text=True,
                          timeout=600, env={**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "IMPORT DONE" in done.stdout
    nodes = sum(result["nodes"].values())
    rels = sum(result["relationships"].values())
    assert f"{nodes} nodes" in done.stdout and f"{rels} relationships" in done.stdout, done.stdout[-800:]
    manifest = json.loads((tmp_path / "csv" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["array_delimiter"] == ";"
