#!/usr/bin/env bash
# Graceful shutdown (issue #14): SIGTERM to the packaged service while an import of N rows (default 150000) is in
# flight. The import must still answer 200 with every row written, readiness must report DOWN during the shutdown
# delay, and the process must exit by itself within the shutdown timeout.
#
#   bench/shutdown.sh [N]      env: PORT (18014), BENCH_DB (rdcoverage_shutdown), TERM_AFTER (2 s), REBUILD=1
# Last line: shutdown: import HTTP <code>, created <n>/<N>, readiness after SIGTERM <code>, exit <s> s after SIGTERM
set -euo pipefail
N="${1:-150000}"
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
mkdir -p "$BENCH_OUT"
DB="${BENCH_DB:-rdcoverage_shutdown}"
CSV="$BENCH_OUT/list-$N.csv"
SVC_LOG="$BENCH_OUT/shutdown-service.log"
OUT="$BENCH_OUT/shutdown-import.json"
trap 'stop_service; drop_db "$DB"' EXIT

need_tool curl curl
ensure_mariadb
ensure_jar
[ -f "$CSV" ] || awk -v N="$N" -f bench/gen-list.awk >"$CSV"
fresh_db "$DB"
PORT="$(free_port "${PORT:-18014}")"
start_service "$DB" "$PORT" "$SVC_LOG" SHUTDOWN_DELAY=3s SHUTDOWN_TIMEOUT=90s
BASE="http://127.0.0.1:$PORT"

log "POST $N rows, SIGTERM after ${TERM_AFTER:-2} s"
curl -s -o "$OUT" -w '%{http_code}' -m 300 -X POST "$BASE/api/v1/enterprises/import" "${AUTH_ARGS[@]}" \
     -H 'Content-Type: text/csv' --data-binary @"$CSV" >"$OUT.code" &
CURL=$!
sleep "${TERM_AFTER:-2}"
kill -0 "$CURL" 2>/dev/null || die "the import finished before the signal; use a larger N"
t0=$(date +%s%N)
kill -TERM "$SVC_PID"
log "SIGTERM sent to $SVC_PID"
sleep 0.5
READY="$(curl -s -o /dev/null -w '%{http_code}' -m 2 "$BASE/q/health/ready" || true)"
log "readiness 0.5 s after SIGTERM: $READY"
wait "$CURL" || true
t1=$(date +%s%N)
CODE="$(cat "$OUT.code")"
log "import answered $CODE after $(( (t1 - t0) / 1000000 )) ms from SIGTERM: $(head -c 300 "$OUT")"
for _ in $(seq 1 240); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 0.5; done
t2=$(date +%s%N)
kill -0 "$SVC_PID" 2>/dev/null && die "the service did not exit"
wait "$SVC_PID" 2>/dev/null || true
SVC_PID=""
ROWS="$("${MARIADB[@]}" -N -e "SELECT COUNT(*) FROM \`$DB\`.enterprise")"
CREATED="$(grep -o '"created":[0-9]*' "$OUT" | cut -d: -f2)"
log "enterprises in the database: $ROWS"
grep -iE 'shutdown|stopped' "$SVC_LOG" | tail -3 >&2 || true
echo "shutdown: import HTTP $CODE, created ${CREATED:-?}/$N, rows in db $ROWS, readiness after SIGTERM $READY, exit $(awk -v n=$((t2 - t0)) 'BEGIN{printf "%.1f", n/1e9}') s after SIGTERM"
[ "$CODE" = 200 ] && [ "$ROWS" = "$N" ]
