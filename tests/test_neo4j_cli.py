"""The CLI with ``--db bolt://...``: the same answers as the embedded store; ``provkg push``; clear errors.

Needs PROVKG_NEO4J_URI (see tests/neo4j_env.py). Credentials reach the CLI the way users give
them: NEO4J_USER / NEO4J_PASSWORD in the environment, or push's --user/--password.
"""
from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner

import neo4j_env
from neo4j_env import exclusive_server  # noqa: F401 - autouse: one test run at a time on the shared database
import provkg.cli_neo4j  # noqa: F401 - attaches `provkg push` (until provkg.cli lists it in COMMAND_MODULES)
from conftest import SEED
from provkg.cli import cli

pytestmark = pytest.mark.neo4j
SEED_CLAIM = "progress reports to the Ministry of Social Security"


@pytest.fixture(scope="module")
def cfg():
    return neo4j_env.settings()


def run(cfg, *args, env=None):
    runner = CliRunner(env={**cfg.env(), **(env or {})})
    return runner.invoke(cli, list(args), catch_exceptions=False)


def test_ingest_and_provenance_over_bolt_match_the_embedded_store(cfg, tmp_path):
    neo4j_env.wipe(cfg)
    lbug = str(tmp_path / "seed.lbug")
    answers = {}
    for db in (lbug, cfg.uri):
        ingested = run(cfg, "ingest", str(SEED), "--db", db, "-q", "--format", "json")
        assert ingested.exit_code == 0, ingested.output
        summary = json.loads(ingested.output)
        assert (summary["added"], summary["failed"]) == (1, 0)
        again = json.loads(run(cfg, "ingest", str(SEED), "--db", db, "-q", "--format", "json").output)
        assert (again["added"], again["unchanged"]) == (0, 1)
        result = run(cfg, "provenance", SEED_CLAIM, "--db", db, "--format", "json")
        assert result.exit_code == 0, result.output
        stats = run(cfg, "stats", "--db", db, "--format", "json")
        answers[db] = (json.loads(result.output), json.loads(stats.output))
    (lady, lady_stats), (neo, neo_stats) = answers[lbug], answers[cfg.uri]
    assert neo == lady
    assert neo_stats == lady_stats
    assert lady["reports"], "the seed claim should have reports"
    tree = run(cfg, "provenance", SEED_CLAIM, "--db", cfg.uri)
    assert tree.exit_code == 0 and tree.output == run(cfg, "provenance", SEED_CLAIM, "--db", lbug).output


def test_named_query_and_cypher_over_bolt(cfg, tmp_path):
    neo4j_env.wipe(cfg)
    lbug = str(tmp_path / "seed.lbug")
    for db in (lbug, cfg.uri):
        assert run(cfg, "ingest", str(SEED), "--db", db, "-q").exit_code == 0
    claim = json.loads(run(cfg, "provenance", SEED_CLAIM, "--db", lbug, "--format", "json").output)["claim"]["id"]
    for args in (["query", "provenance", "--param", f"claim_id={claim}", "--format", "json"],
                 ["cypher", "MATCH (a:Actor {anonymous: true}) RETURN a.name, a.location ORDER BY a.name", "--format", "json"]):
        outputs = [run(cfg, *args, "--db", db) for db in (lbug, cfg.uri)]
        assert all(o.exit_code == 0 for o in outputs), [o.output for o in outputs]
        assert json.loads(outputs[0].output) == json.loads(outputs[1].output) != []
    refused = run(cfg, "cypher", "MATCH (a:Actor) DETACH DELETE a", "--db", cfg.uri)
    assert refused.exit_code == 1 and "writes to the store; pass --write" in refused.output


def test_push_copies_and_is_idempotent(cfg, examples_db):
    neo4j_env.wipe(cfg)
    first = run(cfg, "push", "--db", examples_db, "--to", cfg.uri, "--user", cfg.user, "--password", cfg.password,
                "--format", "json", "-q", env={"NEO4J_PASSWORD": None, "NEO4J_USER": None})
    assert first.exit_code == 0, first.output
    copied = json.loads(first.output)
    lady = json.loads(run(cfg, "stats", "--db", examples_db, "--format", "json").output)
    assert copied["nodes"] == lady["nodes"] and copied["relationships"] == lady["relationships"]
    second = run(cfg, "push", "--db", examples_db, "--to", cfg.uri, "-q")  # credentials from the environment
    assert second.exit_code == 0, second.output
    assert "rows copied" in second.output
    assert json.loads(run(cfg, "stats", "--db", cfg.uri, "--format", "json").output) == lady


def test_login_options_on_db(cfg, tmp_path):
    """``--db bolt://... --user --password`` on every store command (once provkg.cli's --db brings them)."""
    from provkg.cli_neo4j import _db_option_has_login

    if not _db_option_has_login():
        pytest.xfail("provkg.cli's --db has no --user/--password/--database yet (patch in the Neo4j report)")
    neo4j_env.wipe(cfg)
    no_env = {"NEO4J_USER": None, "NEO4J_PASSWORD": None}
    login = ["--user", cfg.user, "--password", cfg.password]
    assert run(cfg, "ingest", str(SEED), "--db", cfg.uri, *login, "-q", env=no_env).exit_code == 0
    stats = run(cfg, "stats", "--db", cfg.uri, *login, "--format", "json", env=no_env)
    assert stats.exit_code == 0 and json.loads(stats.output)["articles"] == 1
    wrong = run(cfg, "stats", "--db", cfg.uri, "--user", cfg.user, "--password", "nope-nope", env=no_env)
    assert wrong.exit_code == 1 and "refused the login" in wrong.output
    missing = run(cfg, "stats", "--db", cfg.uri, "--database", "nosuchdb", *login, env=no_env)
    assert missing.exit_code == 1 and "has no database 'nosuchdb'" in missing.output
    # a Ladybug --db ignores them
    assert run(cfg, "stats", "--db", str(tmp_path / "x.lbug"), *login).exit_code == 1  # no such file: its own error


def test_push_needs_a_neo4j_uri(cfg, examples_db):
    result = run(cfg, "push", "--db", examples_db, "--to", "/tmp/other.lbug")
    assert result.exit_code == 2 and "is not a Neo4j URI" in result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down_and_wrong_password_are_clear_errors(cfg, examples_db):
    down = f"bolt://127.0.0.1:{_free_port()}"
    result = run(cfg, "stats", "--db", down)
    assert result.exit_code == 1
    assert f"Error: cannot reach Neo4j at {down}" in result.output and "Check that the server is running" in result.output
    assert "Traceback" not in result.output
    wrong = run(cfg, "stats", "--db", cfg.uri, env={"NEO4J_PASSWORD": "not-the-password"})
    assert wrong.exit_code == 1 and "refused the login of user 'neo4j'" in wrong.output
    pushed = run(cfg, "push", "--db", examples_db, "--to", down, "-q")
    assert pushed.exit_code == 1 and "cannot reach Neo4j" in pushed.output
