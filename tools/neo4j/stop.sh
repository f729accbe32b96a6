#!/usr/bin/env bash
# Stop the Neo4j started by tools/neo4j/start.sh: SIGTERM (clean shutdown), SIGKILL after a timeout.
set -euo pipefail

DIR="${NEO4J_HOME_DIR:-/tmp/provkg-neo4j}"
PID_FILE="$DIR/neo4j.pid"
STOP_TIMEOUT="${NEO4J_STOP_TIMEOUT:-60}"

log() { printf 'neo4j/stop.sh: %s\n' "$*" >&2; }

# True while the process exists and is not a zombie waiting to be reaped.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" ]]
}

if [[ ! -f "$PID_FILE" ]]; then
  log "not running (no $PID_FILE)"
  exit 0
fi

pid="$(cat "$PID_FILE")"
if [[ ! "$pid" =~ ^[0-9]+$ ]] || ! alive "$pid"; then
  log "not running (stale pid file: '$pid')"
  rm -f "$PID_FILE"
  exit 0
fi
if [[ ! -r "/proc/$pid/cmdline" ]] || ! tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'provkg.Neo4jLauncher'; then
  log "pid $pid is not the provkg Neo4j launcher; leaving it alone and removing the stale pid file"
  rm -f "$PID_FILE"
  exit 0
fi

log "stopping pid $pid"
kill -TERM "$pid" 2>/dev/null || true
waited=0
while alive "$pid" && ((waited < STOP_TIMEOUT)); do
  sleep 1
  waited=$((waited + 1))
done
if alive "$pid"; then
  log "still alive after ${STOP_TIMEOUT}s; sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 1
fi
rm -f "$PID_FILE"
if alive "$pid"; then
  log "ERROR: pid $pid survived SIGKILL"
  exit 1
fi
log "stopped"
