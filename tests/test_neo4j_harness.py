"""Checks the real Neo4j server that tools/neo4j/start.sh runs for the tests and CI.

Configured by environment variables:

* ``PROVKG_NEO4J_URI``         e.g. ``bolt://127.0.0.1:7687`` (required, see below)
* ``PROVKG_NEO4J_USER``        default ``neo4j``
* ``PROVKG_NEO4J_PASSWORD``    default ``provkg-test-pw`` (start.sh's default NEO4J_PASSWORD)
* ``PROVKG_NEO4J_IMPORT_DIR``  the server's import directory (start.sh's NEO4J_IMPORT_DIR),
  default ``${NEO4J_HOME_DIR:-/tmp/provkg-neo4j}/import``

Without ``PROVKG_NEO4J_URI`` these tests are skipped only when ``java`` or ``mvn`` is missing
(the server cannot be built or run here); otherwise they fail, so that CI never skips silently.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

neo4j = pytest.importorskip("neo4j")
from neo4j import GraphDatabase  # noqa: E402
from neo4j.exceptions import AuthError  # noqa: E402

pytestmark = pytest.mark.neo4j

EXPECTED_VERSION_PREFIX = "5.26"
START_HINT = (
    "start it with `bash tools/neo4j/start.sh` and export "
    "PROVKG_NEO4J_URI=bolt://127.0.0.1:7687 (plus PROVKG_NEO4J_PASSWORD / "
    "PROVKG_NEO4J_IMPORT_DIR if you changed NEO4J_PASSWORD / NEO4J_IMPORT_DIR)"
)


def _settings() -> dict[str, str]:
    uri = os.environ.get("PROVKG_NEO4J_URI", "").strip()
    if not uri:
        missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
        if missing:
            pytest.skip(
                f"PROVKG_NEO4J_URI is not set and {' and '.join(missing)} "
                f"{'is' if len(missing) == 1 else 'are'} not installed, so the Neo4j test "
                "server (tools/neo4j) cannot run on this machine"
            )
        pytest.fail(f"PROVKG_NEO4J_URI is not set: no Neo4j server to test against; {START_HINT}")
    home = os.environ.get("NEO4J_HOME_DIR", "/tmp/provkg-neo4j")
    return {
        "uri": uri,
        "user": os.environ.get("PROVKG_NEO4J_USER", "neo4j"),
        "password": os.environ.get("PROVKG_NEO4J_PASSWORD", "provkg-test-pw"),
        "import_dir": os.environ.get("PROVKG_NEO4J_IMPORT_DIR", f"{home}/import"),
    }


@pytest.fixture(scope="module")
def settings() -> dict[str, str]:
    return _settings()


@pytest.fixture(scope="module")
def driver(settings: dict[str, str]) -> Iterator[neo4j.Driver]:
    drv = GraphDatabase.driver(settings["uri"], auth=(settings["user"], settings["password"]))
    try:
        drv.verify_connectivity()
    except Exception as exc:  # pragma: no cover - only on a broken setup
        drv.close()
        pytest.fail(f"cannot connect to Neo4j at {settings['uri']}: {exc!r}; {START_HINT}")
    yield drv
    drv.close()


def test_return_1(driver: neo4j.Driver) -> None:
    records, _, _ = driver.execute_query("RETURN 1 AS one")
    assert [r["one"] for r in records] == [1]


def test_server_is_neo4j_5_26(driver: neo4j.Driver) -> None:
    agent = driver.get_server_info().agent
    assert agent.startswith(f"Neo4j/{EXPECTED_VERSION_PREFIX}."), agent
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition "
        "RETURN name, versions[0] AS version, edition"
    )
    kernel = {r["name"]: r for r in records}["Neo4j Kernel"]
    assert kernel["version"].startswith(EXPECTED_VERSION_PREFIX + "."), kernel["version"]
    assert kernel["edition"] == "community"


def test_wrong_password_raises_auth_error(settings: dict[str, str], driver: neo4j.Driver) -> None:
    wrong = settings["password"] + "-wrong"
    for _ in range(4):  # more than Neo4j's default lock-out threshold (3)
        with GraphDatabase.driver(settings["uri"], auth=(settings["user"], wrong)) as bad:
            with pytest.raises(AuthError):
                bad.verify_connectivity()
    # The right password must still work right after the failures (no rate-limit lock-out).
    with GraphDatabase.driver(settings["uri"], auth=(settings["user"], settings["password"])) as good:
        good.verify_connectivity()
        records, _, _ = good.execute_query("RETURN 2 AS two")
        assert records[0]["two"] == 2


def test_load_csv_from_import_dir(settings: dict[str, str], driver: neo4j.Driver) -> None:
    import_dir = Path(settings["import_dir"])
    if not import_dir.is_dir():
        pytest.fail(
            f"import dir {import_dir} does not exist; set PROVKG_NEO4J_IMPORT_DIR to the "
            f"server's import directory (NEO4J_IMPORT_DIR of tools/neo4j/start.sh)"
        )
    name = f"provkg-harness-{uuid.uuid4().hex}.csv"
    path = import_dir / name
    path.write_text(
        'id,quote,n\n1,"Hello, world",10\n2,"Zürich ""said"" so",20\n', encoding="utf-8"
    )
    try:
        records, _, _ = driver.execute_query(
            "LOAD CSV WITH HEADERS FROM $url AS row "
            "RETURN row.id AS id, row.quote AS quote, toInteger(row.n) AS n ORDER BY id",
            url=f"file:///{name}",
        )
    finally:
        path.unlink(missing_ok=True)
    assert [(r["id"], r["quote"], r["n"]) for r in records] == [
        ("1", "Hello, world", 10),
        ("2", 'Zürich "said" so', 20),
    ]
