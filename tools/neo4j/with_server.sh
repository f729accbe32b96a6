#!/usr/bin/env bash
# Run a command with provkg's Neo4j test server up: start it (start.sh), export the PROVKG_NEO4J_*
# settings the tests read, run the command, and stop the server again however the command ends.
# Used by `make test` (when PROVKG_NEO4J_URI is unset and Java and Maven are here) and by .ci/run.
#   bash tools/neo4j/with_server.sh .venv/bin/python -m pytest -q
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export NEO4J_HOME_DIR="${NEO4J_HOME_DIR:-/tmp/provkg-neo4j}"
bash "$HERE/start.sh"
trap 'bash "$HERE/stop.sh" || true' EXIT
export PROVKG_NEO4J_URI="bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687}"
export PROVKG_NEO4J_PASSWORD="${NEO4J_PASSWORD:-provkg-test-pw}"
export PROVKG_NEO4J_IMPORT_DIR="${NEO4J_IMPORT_DIR:-$NEO4J_HOME_DIR/import}"

"$@"
