"""Hostile queries: read-only by default, text always passed as a parameter, never spliced.

Every command that takes text from the user gets injection strings (quotes, a closing
``'}) DETACH DELETE n //``, backticks, ``$``, newlines, regex metacharacters, huge and invisible
text); the store must be unchanged afterwards and no traceback may appear. The commands are
found by looking at the CLI itself, so query commands added later are covered automatically.
"""
from __future__ import annotations

import json
import re
import shutil

import click
import pytest
from click.testing import CliRunner

import provkg.cli_admin  # noqa: F401  (attaches reextract/migrate/check until provkg.cli lists it)
from provkg.cli import cli

RUNNER = CliRunner()

INJECTIONS = [
    "'",
    '"',
    "'}) DETACH DELETE n //",
    '"}) DETACH DELETE n //',
    "x' OR 1=1 OR 'x'='x",
    "Interior Ministry' RETURN 1 UNION MATCH (n) DETACH DELETE n RETURN 1 //",
    "`Actor`) DETACH DELETE n //",
    "$db $text ${x}",
    "a\nMATCH (n) DETACH DELETE n\n//",
    "\\'; DROP TABLE Actor; //",
    "((( [a- *+? \\ .* (?P<x>",
    "%s %d {0} {}",
    "",
    "police\u200b\u202e\u200f\ufeff said",
    "RFA" * 3000,
]
# The sweeps over every command and named query use the strings most likely to break something.
CORE = [INJECTIONS[i] for i in (0, 2, 3, 6, 7, 8, 10, 12, 13, 14)]

# Commands that do not answer questions about the store (they read files or rebuild it).
NOT_QUERIES = {"ingest", "load", "extract", "reextract", "migrate", "check", "stats", "export", "push", "import"}
# Parameters that are not free text about the store's content.
NOT_TEXT = {"db", "fmt", "format", "query_file", "output", "model", "list_", "params",
            "user", "password", "database"}  # Neo4j login options set environment variables


def _text_params(command: click.Command) -> list[click.Parameter]:
    """Free-text parameters: strings that are not flags, paths, files or output locations."""
    def is_path(p):
        words = f"{p.name} {p.metavar or ''}".lower()
        return any(w in words for w in ("path", "file", "dir", "output", "out_"))

    return [p for p in command.params if p.name not in NOT_TEXT and not getattr(p, "is_flag", False)
            and isinstance(p.type, click.types.StringParamType) and not p.multiple and not is_path(p)]


def _targets() -> list[tuple[str, str]]:
    """(command, parameter) pairs: every free-text argument or option of every query command."""
    found = []
    for name, command in sorted(cli.commands.items()):
        if name in NOT_QUERIES or name.startswith(("export", "neo4j")):
            continue
        found += [(name, p.name) for p in _text_params(command)]
    return found


def _argv(command_name: str, param_name: str, value: str, db: str) -> list[str]:
    command = cli.commands[command_name]
    argv = [command_name]
    for p in command.params:
        if isinstance(p, click.Argument):
            if p.name == param_name:
                argv.append(value)
            elif p.required:
                argv.append("x")
    target = next(p for p in command.params if p.name == param_name)
    if isinstance(target, click.Option):
        argv += [next((o for o in target.opts if o.startswith("--")), target.opts[0]), value]
    return argv + ["--db", db]


@pytest.fixture(scope="module")
def db(examples_db, tmp_path_factory) -> str:
    """A private copy, opened for writing by the commands that write (actors --unmerge, cypher --write)."""
    path = tmp_path_factory.mktemp("injection") / "examples.lbug"
    shutil.copy2(examples_db, path)
    return str(path)


def _invoke(argv: list[str]):
    result = RUNNER.invoke(cli, argv)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"provkg {_short(argv)} raised {type(result.exception).__name__}: "
                             f"{str(result.exception)[:200]}") from result.exception
    assert "Traceback" not in result.output, _short(argv)
    if result.exit_code != 0:
        assert result.exit_code in (1, 2), (argv, result.exit_code)
        assert result.stderr.startswith(("Error: ", "Usage: ")), (argv, result.stderr)
    return result


def _short(argv: list[str]) -> str:
    return " ".join(repr(a if len(a) < 60 else a[:40] + f"...({len(a)} chars)") for a in argv)


def _fingerprint(db: str) -> tuple:
    """Stats plus every node key and edge id: any write would change it."""
    from provkg.graph.store import open_store
    from provkg.schemas import MODEL

    with open_store(db, read_only=True) as store:
        nodes = tuple(tuple(sorted(r[0] for r in store.query(f"MATCH (n:{label}) RETURN n.{MODEL.node_key(label)}").rows))
                      for label in MODEL.node_labels)
        edges = tuple(tuple(sorted(r[0] for r in store.query(f"MATCH ()-[r:{t}]->() RETURN r.id").rows))
                      for t in MODEL.rel_types)
        props = store.query("MATCH (a:Actor) RETURN a.id, a.name, a.aliases ORDER BY a.id").rows
        return json.dumps(store.stats(), sort_keys=True), nodes, edges, json.dumps(props)


def test_the_sweep_covers_every_text_taking_query_command():
    covered = {name for name, _ in _targets()}
    assert {"provenance", "actors", "query"} <= covered
    # The query-layer commands, whichever of them exist now, are all in the sweep.
    for name in ("actor", "origins", "timeline", "directives", "sources", "evidence"):
        if name in cli.commands:
            assert name in covered, name
    if "directives" in cli.commands:
        assert ("directives", "issuer") in _targets()


@pytest.mark.parametrize("command, param", _targets())
def test_injection_strings_through_every_text_parameter(db, command, param):
    before = _fingerprint(db)
    for value in CORE:
        _invoke(_argv(command, param, value, db))
    assert _fingerprint(db) == before


def _named_params() -> list[tuple[str, list[str]]]:
    from provkg.queries import named

    found = [(n, sorted(set(re.findall(r"\$(\w+)", named.get(n).text)))) for n in named.names()]
    return [(n, params) for n, params in found if params]


@pytest.mark.parametrize("name, params", _named_params())
def test_injection_through_named_query_parameters(db, name, params):
    before = _fingerprint(db)
    for value in CORE:
        argv = ["query", name, "--db", db, "--format", "json"]
        for p in params:
            argv += ["--param", f"{p}={value}"]
        result = _invoke(argv)
        if result.exit_code == 0:
            json.loads(result.stdout)
    assert _fingerprint(db) == before


def test_injection_through_cypher_parameters_is_data_not_code(db):
    before = _fingerprint(db)
    for value in INJECTIONS:
        result = _invoke(["cypher", "OPTIONAL MATCH (a:Actor) WHERE a.name = $q RETURN $q AS echoed, count(a) AS n",
                          "--param", f"q={value}", "--db", db, "--format", "json"])
        assert result.exit_code == 0, result.output
        [row] = json.loads(result.stdout)
        expected = value
        try:
            expected = json.loads(value)  # --param values are JSON when they parse as JSON
        except ValueError:
            pass
        assert (row["echoed"], row["n"]) == (expected, 0)
    # Even with --write, a parameter is a value: this stores the string, it does not run it.
    result = _invoke(["cypher", "MATCH (a:Actor) WITH a LIMIT 1 RETURN $q = $q AS same", "--write",
                      "--param", "q='}) DETACH DELETE n //", "--db", db, "--format", "json"])
    assert json.loads(result.stdout) == [{"same": True}]
    assert _fingerprint(db) == before


WRITES = [
    "CREATE (:Actor {id: 'x'})",
    "MERGE (a:Actor {id: 'x'}) RETURN a",
    "MATCH (a:Actor) SET a.name = 'x'",
    "match (a:Actor) set a.name = 'x'",
    "MATCH (a:Actor)\nSET a.name = 'x'",
    "MATCH (a:Actor) DETACH DELETE a",
    "MATCH (a:Actor) REMOVE a.name",
    "DROP TABLE Actor",
    "ALTER TABLE Actor ADD x INT64",
    "COPY Actor FROM 'actors.csv'",
    "LOAD FROM 'actors.csv' RETURN *",
    "LOAD EXTENSION fts",
    "INSTALL fts",
    "EXPORT DATABASE '/tmp/provkg-export'",
    "IMPORT DATABASE '/tmp/provkg-export'",
    "ATTACH 'other.lbug' AS other (dbtype lbug)",
    "CHECKPOINT",
    "BEGIN TRANSACTION",
    "UNWIND [1] AS x CREATE (:Place {id: 'p'})",
    "FOREACH (x IN [1] | CREATE (:Place {id: 'p'}))",
    "FOREACH (x IN [1]|CREATE (:Place {id: 'p'}))",
    "MATCH (a:Actor) WITH a CALL { WITH a DETACH DELETE a } RETURN 1",
    # Literal and comment tricks: the write must still be seen.
    "MATCH (a:Actor) // it's a comment\nDETACH DELETE a RETURN 'x'",
    "MATCH (a:Actor) /* it's */ DETACH DELETE a RETURN '*/'",
    "MATCH (a:Actor) WITH a, 1 AS `x'` DETACH DELETE a RETURN `x'` //'",
    "MATCH (a:Actor) WHERE a.name = 'it\\'s' DETACH DELETE a",
    "MATCH (a:Actor) WHERE a.name = \"say \\\"hi\\\"\" DETACH DELETE a",
]

READS = [
    "MATCH (m:Merge) RETURN count(m) AS n",
    "MATCH (m: Merge) RETURN count(m) AS n",
    "MATCH (a:Actor) WHERE a.name = 'CREATE' OR a.name = \"DELETE\" RETURN count(a) AS n",
    "MATCH (a:Actor) WHERE a.name CONTAINS 'SET x = 1; DROP TABLE Actor' RETURN count(a) AS n",
    "MATCH (a:Actor) RETURN count(a) AS `set` // DELETE everything",
    "MATCH (a:Actor) /* MERGE */ RETURN count(a) AS n",
    "MATCH (a:Actor) RETURN count(a) AS `delete`",
    "MATCH (i:StoreInfo) RETURN i.key AS key ORDER BY key",
    "MATCH (a:Article) WHERE a.text CONTAINS 'said' RETURN count(a) AS createCount",
]


@pytest.mark.parametrize("cypher", WRITES)
def test_cypher_refuses_writes_without_write(db, cypher):
    before = _fingerprint(db)
    result = _invoke(["cypher", cypher, "--db", db])
    assert (result.exit_code, result.stderr) == (
        1, "Error: this query writes to the store; pass --write (write=True) if that is what you want\n")
    assert _fingerprint(db) == before


@pytest.mark.parametrize("cypher", WRITES)
def test_the_library_refuses_writes_without_write_even_on_a_writable_store(db, cypher):
    """``store.query`` is the guard for library users, whose store is open for writing."""
    from provkg.errors import QueryError
    from provkg.graph.store import open_store

    before = _fingerprint(db)
    with open_store(db) as store:
        with pytest.raises(QueryError, match="this query writes to the store"):
            store.query(cypher)
    assert _fingerprint(db) == before


@pytest.mark.parametrize("cypher", READS)
def test_keywords_in_strings_comments_labels_and_names_do_not_count_as_writes(db, cypher):
    result = _invoke(["cypher", cypher, "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)
