#!/usr/bin/env bash
# Issue 12, item 4: the packaged service on a MariaDB server of its OWN (own datadir, port and socket; never the
# shared one on 3306), which is killed under load and brought back. Checks, and prints as a summary:
#   - while the database is gone: database-backed calls answer 503 application/problem+json with Retry-After,
#     never 500; readiness is DOWN; the outage is logged once, not once per request;
#   - an import in flight when the server dies leaves nothing behind;
#   - after the server is back: the same calls answer 200 without a restart of the service; readiness is UP.
# Usage: bench/db-outage.sh   (REBUILD=1 to rebuild the jar first). Takes about a minute once the jar is built.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
need_tool mariadbd mariadb-server
need_tool mariadb-install-db mariadb-server
need_tool curl curl
ensure_jar

WORK="$(mktemp -d /tmp/rd-outage.XXXXXX)"
DB_PORT="$(free_port 13312)"
SOCK="$WORK/mariadb.sock"
DB_PID=""
mkdir -p "$BENCH_OUT"
SVC_LOG="$BENCH_OUT/db-outage-service.log"

cleanup() {
  stop_service
  [ -n "$DB_PID" ] && kill -9 "$DB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

start_db() {
  mariadbd --no-defaults --datadir="$WORK/data" --port="$DB_PORT" --socket="$SOCK" --bind-address=127.0.0.1 \
      --skip-grant-tables --user="$(id -un)" --pid-file="$WORK/mariadb.pid" >>"$WORK/mariadb.log" 2>&1 &
  DB_PID=$!
  local i
  for i in $(seq 1 60); do port_open "$DB_PORT" && return 0; sleep 0.5; done
  die "own MariaDB did not come up on $DB_PORT (log: $WORK/mariadb.log)"
}

log "own MariaDB: datadir $WORK/data, port $DB_PORT"
mariadb-install-db --no-defaults --datadir="$WORK/data" --user="$(id -un)" --skip-test-db >"$WORK/install.log" 2>&1
start_db
mariadb -h127.0.0.1 -P"$DB_PORT" -uroot -e "CREATE DATABASE rdcoverage CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
start_service rdcoverage "$(free_port 18012)" "$SVC_LOG" DB_URL="jdbc:mysql://127.0.0.1:$DB_PORT/rdcoverage" \
    QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=2S
BASE="http://127.0.0.1:$SVC_PORT"

status_of() { curl -s -o /dev/null -w '%{http_code}' -m 10 "${AUTH_ARGS[@]}" "$BASE$1"; }
curl -sf "${AUTH_ARGS[@]}" "$BASE/api/v1/enterprises?size=1" >/dev/null || die "service not answering before the outage"

# an import in flight when the server dies: a few MB of rows, sent slowly enough to be cut off
ROWS="$WORK/rows.csv"
awk -v N=30000 -f "$BENCH_ROOT/bench/gen-list.awk" >"$ROWS"
curl -s -o "$WORK/import.out" -w '%{http_code}' "${AUTH_ARGS[@]}" -H 'Content-Type: text/csv' --limit-rate 200k \
    --data-binary @"$ROWS" "$BASE/api/v1/enterprises/import" >"$WORK/import.status" 2>/dev/null &
IMPORT_PID=$!

# load: 4 clients reading enterprises, counting status codes
LOAD_OUT="$WORK/load"
mkdir -p "$LOAD_OUT"
load() {
  local n=0
  while [ ! -f "$WORK/stop" ]; do
    curl -s -o /dev/null -w '%{http_code}\n' -m 10 "${AUTH_ARGS[@]}" "$BASE/api/v1/enterprises?size=5" >>"$LOAD_OUT/$1"
    n=$((n + 1))
  done
}
LOAD_PIDS=()
for c in 1 2 3 4; do load "$c" & LOAD_PIDS+=($!); done
sleep 3
log "killing the own MariaDB (pid $DB_PID) under load"
kill -9 "$DB_PID"; wait "$DB_PID" 2>/dev/null || true; DB_PID=""
sleep 8

DOWN_HEADERS="$(curl -s -D - -o "$WORK/down.body" -m 15 "${AUTH_ARGS[@]}" "$BASE/api/v1/enterprises?size=1")"
DOWN_STATUS="$(printf '%s' "$DOWN_HEADERS" | head -1 | awk '{print $2}')"
RETRY_AFTER="$(printf '%s' "$DOWN_HEADERS" | tr -d '\r' | awk -F': ' 'tolower($1)=="retry-after"{print $2}')"
DOWN_TYPE="$(printf '%s' "$DOWN_HEADERS" | tr -d '\r' | awk -F': ' 'tolower($1)=="content-type"{print $2}')"
READY_DOWN="$(curl -s -o /dev/null -w '%{http_code}' -m 15 "$BASE/q/health/ready")"
wait "$IMPORT_PID" 2>/dev/null || true

log "bringing the own MariaDB back"
start_db
RECOVERED=""
for i in $(seq 1 60); do
  if [ "$(status_of '/api/v1/enterprises?size=1')" = 200 ]; then RECOVERED="after ${i}x1s"; break; fi
  sleep 1
done
sleep 2
# wait for the load clients only: a bare `wait` would also wait for the service, a child of this shell too
touch "$WORK/stop"; wait "${LOAD_PIDS[@]}" 2>/dev/null || true
READY_UP="$(curl -s -o /dev/null -w '%{http_code}' -m 15 "$BASE/q/health/ready")"
LEFT="$(mariadb -h127.0.0.1 -P"$DB_PORT" -uroot -N -e 'SELECT COUNT(*) FROM rdcoverage.enterprise')"
LOGGED="$(grep -c 'Database unreachable' "$SVC_LOG" || true)"
STACKS="$(grep -c 'Unhandled failure' "$SVC_LOG" || true)"
COUNTS="$(cat "$LOAD_OUT"/* | sort | uniq -c | awk '{printf "%s x%s  ", $2, $1}')"

cat <<SUMMARY
db-outage summary
  answers under load (all clients, before, during and after):  $COUNTS
  during the outage:  GET /api/v1/enterprises -> $DOWN_STATUS ($DOWN_TYPE), Retry-After: ${RETRY_AFTER:-none}
                      /q/health/ready -> $READY_DOWN
  import in flight:   answered $(cat "$WORK/import.status" 2>/dev/null || echo '?'); enterprises left in the database: $LEFT
  after the restart:  recovered ${RECOVERED:-NOT within 60 s}; /q/health/ready -> $READY_UP
  log:                'Database unreachable' logged $LOGGED time(s); 'Unhandled failure' (500) logged $STACKS time(s)
SUMMARY
fail=0
[ "$DOWN_STATUS" = 503 ] || { log "FAIL: expected 503 during the outage"; fail=1; }
[ -n "$RETRY_AFTER" ] || { log "FAIL: no Retry-After"; fail=1; }
[ "$READY_DOWN" = 503 ] || { log "FAIL: readiness not DOWN during the outage"; fail=1; }
[ -n "$RECOVERED" ] || { log "FAIL: no recovery"; fail=1; }
[ "$LEFT" = 0 ] || { log "FAIL: the import left rows"; fail=1; }
[ "$LOGGED" = 1 ] || { log "FAIL: outage logged $LOGGED times"; fail=1; }
[ "$STACKS" = 0 ] || { log "FAIL: 500s during the outage"; fail=1; }
exit "$fail"
