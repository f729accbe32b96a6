"""Bad input, locks, timeouts and upgrades: nothing is lost and every failure explains itself.

Everything runs for real: the CLI through click's CliRunner (or a subprocess where a second
process matters), real Ladybug files, the real spaCy pipeline.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import provkg.cli_admin  # noqa: F401  (attaches reextract/migrate/check until provkg.cli lists it)
from provkg import EXTRACTOR_VERSION
from provkg.cli import cli
from conftest import EXAMPLES, ROOT

RUNNER = CliRunner()


def invoke(*args, input=None):
    result = RUNNER.invoke(cli, [str(a) for a in args], input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"provkg {' '.join(map(str, args))} raised") from result.exception
    assert "Traceback" not in result.output
    return result


def stats(db) -> dict:
    result = invoke("stats", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _ingest_reports_warnings() -> bool:
    from provkg.loaders.ingest import IngestReport

    return hasattr(IngestReport(), "warnings")


_WARNINGS = _ingest_reports_warnings()


def _has_option(command: str, option: str) -> bool:
    return any(option in p.opts for p in cli.commands[command].params)


@pytest.fixture()
def examples_copy(examples_db, tmp_path) -> str:
    """A private, writable copy of the examples store (the Ladybug database is one closed file)."""
    path = tmp_path / "examples.lbug"
    shutil.copy2(examples_db, path)
    return str(path)


# --------------------------------------------------------------------------- bad input

def test_one_bad_document_never_stops_the_batch(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "blank.md").write_bytes(b"  \n\n")
    (inbox / "binary.txt").write_bytes(b"abc\x00\x01\x02def")
    cp1252 = "The minister said the caf\u00e9 would \u201cclose\u201d on Monday, officials told reporters.\n"
    (inbox / "cp1252.txt").write_bytes(cp1252.encode("cp1252"))
    (inbox / "bad-front-matter.md").write_text("---\ntitle: [unclosed\nurl: x\n---\n"
                                              "The ministry said the border would reopen.\n", encoding="utf-8")
    (inbox / "huge.txt").write_text("a" * 6000, encoding="utf-8")
    (inbox / "broken.html").write_text(
        "<html><body><div><p>The ministry said <b>the port would close on Monday after the storm, officials "
        "told reporters in the capital city.</p><p>Another paragraph <i>unclosed", encoding="utf-8")
    (inbox / "no-content.html").write_text(
        "<html><head><title>Nothing</title><script>var x=1;</script></head><body></body></html>", encoding="utf-8")
    (inbox / "feed.jsonl").write_text(
        '{"text": "Police were ordered to stop, the ministry said."}\n'
        '{"text": broken\n'
        '["not", "object"]\n'
        '{"title": "no text"}\n'
        '{"text": "The army denied the report, Reuters said."}\n'
        "\n"
        '{"text": ""}\n'
        '{"text": 5}\n', encoding="utf-8")
    (inbox / "notes.pdf").write_bytes(b"%PDF-1.4")  # unsupported, inside a directory: skipped silently
    (inbox / ".hidden.txt").write_text("The ministry said so.", encoding="utf-8")  # hidden: skipped silently
    explicit = tmp_path / "report.pdf"
    explicit.write_bytes(b"%PDF-1.4")
    missing = tmp_path / "missing.txt"
    db = tmp_path / "kg.lbug"

    result = invoke("ingest", inbox, explicit, missing, "--db", db, "--max-bytes", "5000", "-q")

    assert result.exit_code == 1
    i = str(inbox)
    assert result.stderr.splitlines() == [
        f"skipped {i}/binary.txt: binary file (NUL bytes), not text",
        f"skipped {i}/blank.md: empty file (only whitespace)",
        f"skipped {i}/empty.txt: empty file",
        f"skipped {i}/feed.jsonl:2: invalid JSON: Expecting value at column 10",
        f'skipped {i}/feed.jsonl:3: expected a JSON object with a "text" field, got a JSON array',
        f'skipped {i}/feed.jsonl:4: missing "text" field',
        f'skipped {i}/feed.jsonl:7: "text" is empty',
        f'skipped {i}/feed.jsonl:8: "text" must be a string, got a JSON number',
        f"skipped {i}/huge.txt: file is 6,000 bytes, over the limit of 5,000 bytes; raise the limit with "
        "--max-bytes N or the PROVKG_MAX_BYTES environment variable",
        f"skipped {i}/no-content.html: no article text found in HTML (no main content block); if the page "
        "really is an article, save its text as .txt",
        f"skipped {explicit}: unsupported file type .pdf; supported: .htm, .html, .jsonl, .markdown, .md, "
        ".ndjson, .text, .txt (or - for standard input)",
        f"skipped {missing}: no such file or directory",
    ] + ([f"warning {i}/bad-front-matter.md: front matter ignored: invalid YAML at line 3, column 4: "
          "expected ',' or ']', but got ':'"] if _WARNINGS else [])
    table = " ".join(result.stdout.split())
    assert "│ added │ 5 │" in table and "│ failed │ 12 │" in table
    # What was read is stored whole: the cp1252 file decoded, the bad front matter kept as text.
    rows = json.loads(invoke("cypher", "MATCH (a:Article) RETURN a.path AS path, a.text AS text ORDER BY path",
                             "--db", db, "--format", "json").stdout)
    texts = {Path(r["path"]).name: r["text"] for r in rows}
    assert set(texts) == {"bad-front-matter.md", "broken.html", "cp1252.txt", "feed.jsonl:1", "feed.jsonl:5"}
    assert texts["cp1252.txt"] == cp1252
    assert texts["bad-front-matter.md"].startswith("---\ntitle: [unclosed\n")
    assert "the port would close on Monday" in texts["broken.html"]


@pytest.mark.skipif(not _WARNINGS, reason="needs the ingest-warnings patch (docs/reliability.md)")
def test_bad_front_matter_is_ingested_with_a_warning_and_exit_0(tmp_path):
    doc = tmp_path / "bad-front-matter.md"
    doc.write_text("---\ntitle: [unclosed\n---\nThe ministry said the border would reopen.\n", encoding="utf-8")
    result = invoke("ingest", doc, "--db", tmp_path / "kg.lbug", "-q")
    assert result.exit_code == 0
    assert result.stderr == (f"warning {doc}: front matter ignored: invalid YAML at line 2, column 17: "
                             "expected ',' or ']', but got '<stream end>'\n")


def test_ingest_of_only_good_input_exits_0_and_says_nothing_on_stderr(tmp_path):
    (tmp_path / "a.txt").write_text("The ministry said the border would reopen on Monday.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Police were ordered to stop, the ministry said."}\n', encoding="utf-8")
    result = invoke("ingest", tmp_path, "--db", tmp_path / "kg.lbug", "-q", "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["added"] == 2


def test_a_directory_of_two_thousand_files_with_bad_ones_among_them(tmp_path):
    """2,000 tiny files through ``provkg extract`` (the per-document map ingest runs): order kept, bad ones named."""
    corpus = tmp_path / "many"
    corpus.mkdir()
    bad = {17, 555, 1234, 1999}
    for n in range(2000):
        path = corpus / f"n{n:04d}.txt"
        path.write_bytes(b"" if n in bad else f"Police said {n}.\n".encode())
    result = invoke("extract", corpus, "--no-text", "--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"skipped {corpus}/n{n:04d}.txt: empty file" for n in sorted(bad)]
    paths = [json.loads(line)["document"]["path"] for line in result.stdout.splitlines()]
    assert paths == [str(corpus / f"n{n:04d}.txt") for n in range(2000) if n not in bad]


# --------------------------------------------------------------------------- one writer, many readers

HOLDER = textwrap.dedent("""
    import sys, time
    from provkg.graph.store import open_store
    store = open_store(sys.argv[1], read_only=sys.argv[2] == "ro")
    print("ready", flush=True)
    sys.stdin.readline()   # hold the database until the test says so
    store.close()
""")


class Holder:
    """A real second process that holds the database open until closed."""

    def __init__(self, db: str, mode: str):
        self.proc = subprocess.Popen([sys.executable, "-c", HOLDER, db, mode], cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.proc.stdout.readline()
        assert line == "ready\n", self.proc.stderr.read()
        self.pid = self.proc.pid

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("\n")
            self.proc.stdin.flush()
            self.proc.wait(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            stream.close()


def test_a_second_writer_is_told_who_holds_the_database(examples_copy, tmp_path):
    before = stats(examples_copy)
    holder = Holder(examples_copy, "rw")
    try:
        message = (f"Error: database {examples_copy} is in use by process {holder.pid}; "
                   "wait for it to finish (reading commands work meanwhile)\n")
        doc = tmp_path / "new.txt"
        doc.write_text("The ministry said the border would reopen on Monday.", encoding="utf-8")
        for args in (["ingest", doc, "-q"], ["load", doc, "-q"],
                     ["cypher", "MATCH (a:Actor) SET a.name = 'x'", "--write"], ["actors", "--unmerge", "merge:x"]):
            result = invoke(*args, "--db", examples_copy)
            assert (result.exit_code, result.stderr) == (1, message), args
        # Readers are not blocked by the writer: read-only opens take no lock.
        assert stats(examples_copy) == before
        result = invoke("cypher", "MATCH (a:Article) RETURN count(a) AS n", "--db", examples_copy, "--format", "csv")
        assert result.stdout == "n\n4\n"
    finally:
        holder.close()
    # Once the writer is gone, writing works again.
    result = invoke("ingest", tmp_path / "new.txt", "--db", examples_copy, "-q", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["added"] == 1


def test_the_lock_error_of_a_subprocess_cli_is_one_line_not_a_traceback(examples_copy):
    holder = Holder(examples_copy, "rw")
    try:
        proc = subprocess.run([sys.executable, "-m", "provkg", "cypher", "MATCH (a:Actor) SET a.name = 'x'", "--write",
                               "--db", examples_copy], cwd=ROOT, capture_output=True, text=True, timeout=120)
    finally:
        holder.close()
    assert proc.returncode == 1
    assert proc.stderr == (f"Error: database {examples_copy} is in use by process {holder.pid}; "
                           "wait for it to finish (reading commands work meanwhile)\n")


def test_readers_do_not_block_a_writer_and_see_what_was_committed_when_they_opened(examples_copy, tmp_path):
    """The concurrency model, as Ladybug 0.22 implements it (documented in docs/reliability.md)."""
    from provkg.graph.store import open_store

    reader = Holder(examples_copy, "ro")  # another process reading
    try:
        doc = tmp_path / "new.txt"
        doc.write_text("The ministry said the border would reopen on Monday.", encoding="utf-8")
        result = invoke("ingest", doc, "--db", examples_copy, "-q", "--format", "json")
        assert result.exit_code == 0 and json.loads(result.stdout)["added"] == 1
    finally:
        reader.close()
    with open_store(examples_copy) as writer:  # a writer holds the lock ...
        with open_store(examples_copy, read_only=True) as early:
            assert early.stats()["articles"] == 5
            writer.load([_record("The army denied the report, Reuters said.")])
            # ... a reader opened before the commit keeps its snapshot; one opened after sees it.
            assert early.stats()["articles"] == 5
            with open_store(examples_copy, read_only=True) as late:
                assert late.stats()["articles"] == 6


def _record(text: str) -> dict:
    from provkg.loaders.pipeline import Extractor
    from provkg.loaders.readers import Article

    global _EXTRACTOR
    if "_EXTRACTOR" not in globals():
        _EXTRACTOR = Extractor()
    [record] = _EXTRACTOR.records([Article(text, "inline.txt")])
    return record


# --------------------------------------------------------------------------- query time limits

SLOW = "UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN sum(x * y) AS s"


def test_a_slow_query_is_stopped_at_the_time_limit_with_a_clear_message(examples_db):
    from provkg.errors import QueryError
    from provkg.graph.ladybug_store import LadybugStore

    with LadybugStore(examples_db, read_only=True, query_timeout_ms=300) as store:
        t0 = time.monotonic()
        with pytest.raises(QueryError) as err:
            store.query(SLOW)
        assert time.monotonic() - t0 < 10
        assert str(err.value) == ("the query took longer than the time limit and was stopped; "
                                  "narrow it or raise --timeout")
        assert store.query("MATCH (a:Article) RETURN count(a)").rows == [[4]]  # the connection still works


@pytest.mark.skipif(not _has_option("cypher", "--timeout"), reason="needs the cli.py --timeout patch (docs/reliability.md)")
def test_cli_timeout_option(examples_db):
    t0 = time.monotonic()
    result = invoke("cypher", SLOW, "--timeout", "0.3", "--db", examples_db)
    assert time.monotonic() - t0 < 10
    assert (result.exit_code, result.stderr) == (1, "Error: the query took longer than the time limit and was "
                                                    "stopped; narrow it or raise --timeout\n")
    result = invoke("query", "told", "--param", "actor_id=x", "--param", "article_ids=[]", "--timeout", "5", "--db", examples_db)
    assert result.exit_code == 0


# --------------------------------------------------------------------------- versions and upgrades

def _set_version(db: str, key: str, value: str) -> None:
    from provkg.graph.maintenance import _Raw

    with _Raw(db, read_only=False) as raw:
        raw.conn.execute("MATCH (i:StoreInfo {key: $k}) SET i.value = $v", {"k": key, "v": value})


def test_an_older_store_is_refused_with_what_to_do_then_reextract_rebuilds_it(examples_copy):
    before = stats(examples_copy)
    merge_id = json.loads(invoke("actors", "--merges", "--db", examples_copy, "--format", "json").stdout)[0]["merge_id"]
    assert invoke("actors", "--unmerge", merge_id, "--db", examples_copy).exit_code == 0
    undone = stats(examples_copy)
    _set_version(examples_copy, "extractor_version", "0")

    # Every command refuses it, with the way forward; nothing is written to it.
    expected = (f"Error: {examples_copy} was written with extractor_version 0, this provkg uses {EXTRACTOR_VERSION}: "
                "run provkg reextract to rebuild it from the stored article texts\n")
    for args in (["stats"], ["cypher", "MATCH (n) RETURN count(n)"], ["ingest", EXAMPLES / "harbor-denial.md", "-q"]):
        result = invoke(*args, "--db", examples_copy)
        assert (result.exit_code, result.stderr) == (1, expected), args
    result = invoke("migrate", "--db", examples_copy)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {examples_copy} was extracted with extractor_version 0, "
                             f"this provkg uses {EXTRACTOR_VERSION}: "
                             f"run provkg reextract --db {examples_copy} to re-extract the stored article texts\n")
    result = invoke("check", "--db", examples_copy, "--format", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["action"] == "reextract"

    result = invoke("reextract", "--db", examples_copy, "-q", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] == 4
    assert report["from"] == {"schema_version": "2", "extractor_version": "0"}
    assert report["unmerges"] == {"reapplied": [merge_id], "missing": []}
    # The store opens again, holds the same articles and graph, and the analyst's unmerge survived.
    assert stats(examples_copy) == undone != before
    assert invoke("check", "--db", examples_copy).exit_code == 0
    merges = json.loads(invoke("actors", "--merges", "--db", examples_copy, "--format", "json").stdout)
    assert [m["rule"] for m in merges if m["merge_id"] == merge_id] == ["exact-name (undone)"]
    # The old file is kept, untouched, as the backup.
    from provkg.graph.maintenance import versions

    assert versions(report["backup"])["stored"] == {"schema_version": "2", "extractor_version": "0"}


def test_reextract_keeps_stored_metadata(examples_copy):
    query = "MATCH (a:Article) RETURN a.id, a.path, a.title, a.url, a.outlet, a.published, a.ingested_at ORDER BY a.id"
    before = invoke("cypher", query, "--db", examples_copy, "--format", "json").stdout
    result = invoke("reextract", "--db", examples_copy, "-q", "--no-backup", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["backup"] is None
    assert invoke("cypher", query, "--db", examples_copy, "--format", "json").stdout == before
    assert [p.name for p in Path(examples_copy).parent.iterdir()] == ["examples.lbug"]


def test_a_store_from_a_newer_provkg_says_upgrade(examples_copy):
    _set_version(examples_copy, "schema_version", "99")
    result = invoke("migrate", "--db", examples_copy)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {examples_copy} was written by a newer provkg (schema 99, extractor "
                             f"{EXTRACTOR_VERSION}); this provkg writes schema 2, extractor {EXTRACTOR_VERSION}: "
                             "upgrade provkg to use it\n")


def _as_schema_1(db: str) -> None:
    """Turn a current store into what schema 1 wrote: no support counts on claims and directives."""
    from provkg.graph.maintenance import _Raw

    with _Raw(db, read_only=False) as raw:
        for label in ("Claim", "Directive"):
            for name in ("named_reports", "anonymous_reports"):
                raw.conn.execute(f"ALTER TABLE {label} DROP {name}")
        raw.conn.execute("MATCH (i:StoreInfo {key: 'schema_version'}) SET i.value = '1'")


SUPPORT = "MATCH (x:Claim|Directive) RETURN x.id, x.named_reports, x.anonymous_reports ORDER BY x.id"


def test_migrate_1_to_2_counts_support_as_ingest_does(examples_copy):
    counted = invoke("cypher", SUPPORT, "--db", examples_copy, "--format", "json").stdout
    assert '"x.anonymous_reports": 1' in counted and '"x.named_reports": 1' in counted
    _as_schema_1(examples_copy)
    assert invoke("stats", "--db", examples_copy).exit_code == 1  # refused until migrated
    result = invoke("migrate", "--db", examples_copy, "--no-backup", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["steps"] == ["1 -> 2"]
    assert invoke("cypher", SUPPORT, "--db", examples_copy, "--format", "json").stdout == counted


def test_migrate_applies_known_steps_in_one_transaction(examples_copy, monkeypatch):
    from provkg.graph import maintenance

    assert maintenance.migrate(examples_copy)["steps"] == []  # current: nothing to do
    _as_schema_1(examples_copy)
    _set_version(examples_copy, "schema_version", "0")
    result = invoke("migrate", "--db", examples_copy)
    assert result.exit_code == 1 and "no in-place migration to 2: run provkg reextract --db" in result.stderr

    def failing_step(conn):
        conn.execute("MATCH (a:Article) SET a.title = 'half-migrated'")
        raise RuntimeError("step failed")

    monkeypatch.setitem(maintenance.MIGRATIONS, 0, failing_step)
    with pytest.raises(RuntimeError):
        maintenance.migrate(examples_copy, backup=False)
    assert maintenance.versions(examples_copy)["stored"]["schema_version"] == "0"  # rolled back, version and all
    monkeypatch.setitem(maintenance.MIGRATIONS, 0, lambda conn: conn.execute(
        "MATCH (a:Article) WHERE a.title IS NULL SET a.title = ''"))
    result = invoke("migrate", "--db", examples_copy, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["steps"] == ["0 -> 1", "1 -> 2"] and Path(report["backup"]).exists()
    assert stats(examples_copy)["articles"] == 4
    titles = invoke("cypher", "MATCH (a:Article) RETURN a.title AS t", "--db", examples_copy, "--format", "json")
    assert "half-migrated" not in titles.stdout


def test_opening_an_old_store_for_writing_changes_nothing_in_it(examples_copy):
    """Fault test for graph/ladybug_store.py: the version check runs before any DDL or write."""
    from provkg.errors import SchemaVersionError
    from provkg.graph.ladybug_store import LadybugStore
    from provkg.graph.maintenance import _Raw

    with _Raw(examples_copy, read_only=False) as raw:  # an "older schema" that had no DECIDED table
        raw.conn.execute("DROP TABLE DECIDED")
        raw.conn.execute("MATCH (i:StoreInfo {key: 'schema_version'}) SET i.value = '0'")
    with pytest.raises(SchemaVersionError):
        LadybugStore(examples_copy)
    with _Raw(examples_copy, read_only=True) as raw:
        assert "DECIDED" not in raw.tables()
        assert raw.versions()["schema_version"] == "0"


def test_a_foreign_ladybug_database_is_not_adopted(tmp_path):
    """Fault test for graph/ladybug_store.py: a non-provkg database is neither stamped nor filled with tables."""
    import ladybug

    path = str(tmp_path / "other.lbug")
    db = ladybug.Database(path)
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Person(name STRING, PRIMARY KEY(name))")
    conn.close()
    db.close()
    result = invoke("ingest", EXAMPLES / "harbor-denial.md", "--db", path, "-q")
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {path} is a Ladybug database but not a provkg store (no StoreInfo table); give another --db path\n")
    result = invoke("stats", "--db", path)
    assert (result.exit_code, result.stderr) == (1, f"Error: {path} is not a provkg database (no StoreInfo table)\n")
    from provkg.graph.maintenance import _Raw

    with _Raw(path, read_only=True) as raw:
        assert raw.tables() == {"Person"}


REEXTRACT_KILLED = textwrap.dedent("""
    import os, sys, time
    from provkg.graph import maintenance
    real_replace = os.replace
    def replace(src, dst):
        if src.endswith(".reextract"):
            print("swapping", flush=True)
            time.sleep(600)   # killed here: the new store is complete, the old one not yet replaced
        return real_replace(src, dst)
    maintenance.os.replace = replace
    maintenance.reextract(sys.argv[1])
""")


def test_reextract_killed_before_its_rename_leaves_the_old_store_and_can_be_rerun(examples_copy):
    _set_version(examples_copy, "extractor_version", "0")
    proc = subprocess.Popen([sys.executable, "-c", REEXTRACT_KILLED, examples_copy], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline() == "swapping\n", proc.stderr.read()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    from provkg.graph.maintenance import versions

    assert versions(examples_copy)["stored"]["extractor_version"] == "0"  # the old store, as it was
    assert Path(examples_copy + ".reextract").exists()                    # the abandoned rebuild
    result = invoke("reextract", "--db", examples_copy, "-q", "--format", "json")
    assert result.exit_code == 0, result.output
    assert stats(examples_copy)["articles"] == 4
    assert not Path(examples_copy + ".reextract").exists()
