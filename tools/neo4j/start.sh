#!/usr/bin/env bash
# Start a real Neo4j Community 5.26 server (neo4j-harness, in-process) for provkg's tests and CI.
# Builds the launcher with Maven if needed, starts it in the background, waits until it is READY,
# prints the bolt URI. Idempotent: if it is already running, it only says so.
# See tools/neo4j/README.md for the environment variables.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${NEO4J_HOME_DIR:-/tmp/provkg-neo4j}"
PORT="${NEO4J_BOLT_PORT:-7687}"
IMPORT_DIR="${NEO4J_IMPORT_DIR:-$DIR/import}"
DATA_DIR="$DIR/data"
PID_FILE="$DIR/neo4j.pid"
LOG="$DIR/neo4j.log"
START_TIMEOUT="${NEO4J_START_TIMEOUT:-180}"
HEAP="${NEO4J_HEAP:-1g}"
JAR="$HERE/target/neo4j-launcher.jar"
URI="bolt://127.0.0.1:$PORT"
export NEO4J_PASSWORD="${NEO4J_PASSWORD:-provkg-test-pw}"

log() { printf 'neo4j/start.sh: %s\n' "$*" >&2; }

die() {
  log "ERROR: $*"
  if [[ -f "$LOG" ]]; then
    log "last lines of $LOG:"
    tail -n 40 "$LOG" >&2 || true
  fi
  exit 1
}

port_open() {
  # shellcheck disable=SC2016 # $1 is expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$PORT" 2>/dev/null
}

# True while the process exists and is not a zombie waiting to be reaped.
pid_alive() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" ]]
}

is_launcher() {
  # Guard against a recycled PID: the process must be our Java launcher.
  [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q 'provkg.Neo4jLauncher'
}

wait_ready() {
  local pid="$1" waited=0
  while ((waited < START_TIMEOUT)); do
    if ! pid_alive "$pid"; then
      rm -f "$PID_FILE"
      die "Neo4j (pid $pid) exited during startup"
    fi
    if grep -q '^READY bolt://' "$LOG" 2>/dev/null && port_open; then
      return 0
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "Neo4j not ready after ${START_TIMEOUT}s; stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  sleep 5
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  die "Neo4j did not become ready within ${START_TIMEOUT}s"
}

if [[ ! "$PORT" =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then
  log "ERROR: NEO4J_BOLT_PORT must be a port number, got '$PORT'"
  exit 2
fi
if ((${#NEO4J_PASSWORD} < 8)); then
  log "ERROR: NEO4J_PASSWORD must be at least 8 characters"
  exit 2
fi

if [[ -z "$DIR" || "$DIR" == "/" ]]; then
  log "ERROR: NEO4J_HOME_DIR must be a dedicated directory, got '$DIR'"
  exit 2
fi
mkdir -p "$DIR" "$IMPORT_DIR"

# Already running?
if [[ -f "$PID_FILE" ]]; then
  pid="$(cat "$PID_FILE")"
  if pid_alive "$pid" && is_launcher "$pid"; then
    if port_open && grep -q '^READY bolt://' "$LOG" 2>/dev/null; then
      log "already running (pid $pid)"
      echo "$URI"
      exit 0
    fi
    log "pid $pid is starting; waiting for it"
    wait_ready "$pid"
    echo "$URI"
    exit 0
  fi
  log "removing stale pid file ($pid is not running)"
  rm -f "$PID_FILE"
fi

if port_open; then
  log "ERROR: port $PORT on 127.0.0.1 is already in use by another process;" \
    "stop it or set NEO4J_BOLT_PORT"
  exit 1
fi

command -v java >/dev/null 2>&1 || { log "ERROR: java not found (Java 17+ needed)"; exit 1; }

# Build the launcher if it is missing or older than its sources.
needs_build=0
if [[ ! -f "$JAR" || ! -d "$HERE/target/lib" ]]; then
  needs_build=1
elif [[ -n "$(find "$HERE/pom.xml" "$HERE/src" -newer "$JAR" -print -quit)" ]]; then
  needs_build=1
fi
if ((needs_build)); then
  command -v mvn >/dev/null 2>&1 || { log "ERROR: mvn not found (Maven 3.8+ needed to build the launcher)"; exit 1; }
  log "building the launcher (mvn package; the first build downloads ~150 MB from Maven Central)"
  build_log="$DIR/build.log"
  build_start=$SECONDS
  if ! mvn -B -q -f "$HERE/pom.xml" package >"$build_log" 2>&1; then
    tail -n 60 "$build_log" >&2 || true
    log "ERROR: Maven build failed (full log: $build_log)"
    exit 1
  fi
  log "built in $((SECONDS - build_start))s"
fi

# Each start gives a fresh database; remove what a killed run may have left behind.
rm -rf "$DATA_DIR" "$DIR/tmp"
mkdir -p "$DATA_DIR" "$DIR/tmp"
if [[ -f "$LOG" ]]; then
  mv -f "$LOG" "$LOG.prev"
fi

read -r -a extra_opts <<<"${NEO4J_JAVA_OPTS:-}"
java_opts=(
  "-Xms256m" "-Xmx$HEAP"
  "-XX:+UseG1GC" "-XX:+ExitOnOutOfMemoryError" "-XX:-OmitStackTraceInFastThrow"
  "-XX:+DisableExplicitGC" "-Djdk.nio.maxCachedBufferSize=1024"
  "-Dio.netty.tryReflectionSetAccessible=true" "-Dfile.encoding=UTF-8"
  "-Djava.io.tmpdir=$DIR/tmp" # the harness leaves a log4j-*.xml there on every start
  "--add-opens=java.base/java.nio=ALL-UNNAMED"
  "--add-opens=java.base/java.io=ALL-UNNAMED"
  "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
)

start_time=$SECONDS
NEO4J_BOLT_PORT="$PORT" NEO4J_IMPORT_DIR="$IMPORT_DIR" NEO4J_DATA_DIR="$DATA_DIR" \
  nohup java "${java_opts[@]}" "${extra_opts[@]}" \
  -cp "$JAR:$HERE/target/lib/*" provkg.Neo4jLauncher \
  --bolt-port "$PORT" --data-dir "$DATA_DIR" --import-dir "$IMPORT_DIR" \
  </dev/null >"$LOG" 2>&1 &
pid=$!
echo "$pid" >"$PID_FILE"
log "started pid $pid, log $LOG; waiting up to ${START_TIMEOUT}s"

wait_ready "$pid"
log "ready in $((SECONDS - start_time))s: $URI (user neo4j, import dir $IMPORT_DIR)"
echo "$URI"
