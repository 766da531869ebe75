#!/usr/bin/env bash
# Change feed and webhooks benchmark (issue 16; not part of CI).
#
#   bench/feed.sh [N] [W]     N import rows (default 100000), W single writes for the latency (default 500)
#                             env: PORT (18080), BENCH_DB (rdcoverage_bench_feed), JAVA_OPTS, KEEP_DB=1, REBUILD=1
#
# 1. Baseline: the packaged service on a fresh MariaDB database, nobody following the feed, no subscription:
#    POST /api/v1/enterprises/import of N generated rows (bench/gen-list.awk), timed by the wall clock around curl.
# 2. The same on a second fresh database and service, with a feed follower (bench/feed.py follow: GET /api/v1/events
#    after=<next> in pages of 1000 during the import, failing on any gap or repeat in the positions) and a webhook
#    subscription to a local receiver (bench/feed.py receiver on 127.0.0.1). Events written per second = outbox
#    rows written by the import / the import's seconds; the follower must see every position up to the head.
# 3. On that service: W single POST /api/v1/enterprises (about 40 a second), each an enterprise.created delivered to
#    the receiver; latency = arrival at the receiver - the event's occurredAt (stamped in the writing transaction just
#    before its commit), p50/p99; every signature verified with the Standard Webhooks algorithm, feed order checked.
# ROUNDS (default 2) pairs of 1 and 2, alternating which comes first, each on a fresh database and service; medians.
# Last line: feed: import alone R0 rows/s, with follower+webhook R1 rows/s (ratio R1/R0 wall, CPU), E events/s, webhook p50 X ms p99 Y ms
set -euo pipefail
N="${1:-100000}"
W="${2:-500}"
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
mkdir -p "$BENCH_OUT"
DB="${BENCH_DB:-rdcoverage_bench_feed}"
CSV="$BENCH_OUT/list-$N.csv"
RECV_PID=""
FOLLOW_PID=""

cleanup() {
  [ -n "$FOLLOW_PID" ] && kill "$FOLLOW_PID" 2>/dev/null || true
  [ -n "$RECV_PID" ] && kill "$RECV_PID" 2>/dev/null || true
  stop_service
  if [ -z "${KEEP_DB:-}" ]; then drop_db "$DB"; drop_db "${DB}_0"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need_tool curl curl
need_tool awk gawk
need_tool python3 python3
ensure_mariadb
ensure_jar
ADMIN_TOKEN="$(jwt_mint ADMIN)"
q() { "${MARIADB[@]}" -N -e "$1" "$2"; }

log "generating $N rows -> $CSV"
awk -v N="$N" -f bench/gen-list.awk >"$CSV"
log "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"

# import_file DB LABEL: POSTs the file; sets SECONDS_TAKEN (wall clock around curl) and CPU_S (CPU seconds the service
# and mariadbd used meanwhile: on a shared machine less disturbed by other users than the wall clock)
import_file() {
  local t0 t1 code s0 m0
  quiet_check
  s0=$(cpu_ticks "$SVC_PID"); m0=$(cpu_ticks "${DBD_PID:-self}")
  t0=$(now_ns)
  code=$(curl -s -o "$BENCH_OUT/feed-$2.json" -w '%{http_code}' -m 1800 -X POST "http://127.0.0.1:$SVC_PORT/api/v1/enterprises/import" \
      "${AUTH_ARGS[@]}" -H "Content-Type: text/csv" --data-binary @"$CSV")
  t1=$(now_ns)
  [ "$code" = 200 ] || { head -c 1000 "$BENCH_OUT/feed-$2.json" >&2; die "$2: import answered $code"; }
  grep -q "\"created\":$N" "$BENCH_OUT/feed-$2.json" || { head -c 1000 "$BENCH_OUT/feed-$2.json" >&2; die "$2: not $N created"; }
  SECONDS_TAKEN=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.2f", d / 1e9 }')
  CPU_S=$(awk -v s=$(( $(cpu_ticks "$SVC_PID") - s0 )) -v m=$(( $(cpu_ticks "${DBD_PID:-self}") - m0 )) 'BEGIN { printf "%.1f+%.1f", s/100, m/100 }')
  LOAD_AT_END="$(cut -d' ' -f1-3 /proc/loadavg)"
  log "$2: $N rows in $SECONDS_TAKEN s, CPU s service+mariadbd $CPU_S, machine busy $BUSY_BEFORE% before (load average at the end $LOAD_AT_END)"
  echo "$2 $SECONDS_TAKEN $CPU_S $BUSY_BEFORE $LOAD_AT_END" >>"$BENCH_OUT/feed-imports.txt"
}

# wait_sequenced DB: until every outbox row has its feed position (at most 60 s)
wait_sequenced() {
  local i
  for i in $(seq 1 600); do
    [ "$(q "select count(*) from event_outbox where feed_position is null" "$1")" = 0 ] && return 0
    sleep 0.1
  done
  die "outbox rows still without a position after 60 s"
}
DBD_PID="$(mariadbd_pid)"
: >"$BENCH_OUT/feed-imports.txt"

# --- 1. baseline: nobody follows, no subscription ---------------------------------------------------------------
run_alone() {
  fresh_db "${DB}_0"
  PORT="$(free_port "${PORT:-18080}")"
  start_service "${DB}_0" "$PORT" "$BENCH_OUT/feed-service-0.log"
  import_file "${DB}_0" "alone-$1"
  BASE_EVENTS=$(q "select count(*) from event_outbox" "${DB}_0")
  stop_service
}

# --- 2. with a follower and a webhook subscription (the service stays up when $2 = keep) ---------------------------
run_followed() {
  fresh_db "$DB"
  PORT="$(free_port "${PORT:-18080}")"
  start_service "$DB" "$PORT" "$BENCH_OUT/feed-service.log" \
      RD_WEBHOOKS_REQUIRE_HTTPS=false RD_WEBHOOKS_ALLOW_LOOPBACK=true RD_WEBHOOKS_SECRET_KEYS="bench:$(openssl rand -base64 32)"
  BASE="http://127.0.0.1:$SVC_PORT"
  RECV_PORT="$(free_port 18190)"
  RECEIVED="$BENCH_OUT/feed-received.jsonl"
  : >"$RECEIVED"
  python3 bench/feed.py receiver "$RECV_PORT" "$RECEIVED" &
  RECV_PID=$!
  sleep 0.5
  sub=$(curl -sf -X POST "$BASE/api/v1/webhook-subscriptions" -H "Authorization: Bearer $ADMIN_TOKEN" \
      -H "Content-Type: application/json" -d "{\"url\":\"http://127.0.0.1:$RECV_PORT/hook\"}") || die "subscription refused"
  SECRET=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["secret"])' "$sub")
  SUB_ID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$sub")
  HEAD0=$(curl -sf "$BASE/api/v1/events/head" "${AUTH_ARGS[@]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"])')
  STOP="$BENCH_OUT/feed-stop"
  rm -f "$STOP"
  python3 bench/feed.py follow "$BASE" "$TOKEN" "$HEAD0" "$STOP" "$BENCH_OUT/feed-follow.json" &
  FOLLOW_PID=$!
  local before after
  before=$(q "select count(*) from event_outbox" "$DB")
  import_file "$DB" "followed-$1"
  after=$(q "select count(*) from event_outbox" "$DB")
  IMPORT_EVENTS=$((after - before))
  wait_sequenced "$DB"
  HEAD1=$(curl -sf "$BASE/api/v1/events/head" "${AUTH_ARGS[@]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"])')
  echo "$HEAD1" >"$STOP"
  wait "$FOLLOW_PID" || die "the follower failed: $(cat "$BENCH_OUT/feed-follow.json" 2>/dev/null)"
  FOLLOW_PID=""
  log "follower: $(cat "$BENCH_OUT/feed-follow.json")"
  # the subscription's cursor reaches the head: every import event delivered
  for _ in $(seq 1 600); do
    [ "$(q "select delivered_through from webhook_subscription where id = '$SUB_ID'" "$DB")" -ge "$HEAD1" ] && break
    sleep 0.1
  done
  DELIVERED_IMPORT=$(wc -l <"$RECEIVED")
  log "webhook: $DELIVERED_IMPORT import events delivered (head $HEAD1)"
  if [ "${2:-}" != keep ]; then
    kill "$RECV_PID" 2>/dev/null || true; RECV_PID=""
    stop_service
  fi
}

# ROUNDS pairs, the order alternating (the last round: alone first, then followed, whose service stays up for 3.)
ROUNDS="${ROUNDS:-2}"
for r in $(seq 1 "$ROUNDS"); do
  if [ $(( (ROUNDS - r) % 2 )) = 1 ]; then
    run_followed "$r" ""; run_alone "$r"
  else
    keep=""; [ "$r" = "$ROUNDS" ] && keep=keep
    run_alone "$r"; run_followed "$r" "$keep"
  fi
done
# --- 3. latency of single writes ---------------------------------------------------------------------------
: >"$RECEIVED"
quiet_check
python3 bench/feed.py writes "$BASE" "$TOKEN" "$W" "$BENCH_OUT/feed-writes.json"
LAT_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)"
wait_sequenced "$DB"
HEAD2=$(curl -sf "$BASE/api/v1/events/head" "${AUTH_ARGS[@]}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"])')
for _ in $(seq 1 300); do
  [ "$(q "select delivered_through from webhook_subscription where id = '$SUB_ID'" "$DB")" -ge "$HEAD2" ] && break
  sleep 0.1
done
LAT=$(python3 bench/feed.py latency "$RECEIVED" "$SECRET" "$BENCH_OUT/feed-writes.json")
log "latency: $LAT"
SVC_LAT=$(q "select concat(count(*), ' deliveries, service-measured request ms avg ', round(avg(latency_ms),1), ' max ', max(latency_ms), ', failed ', sum(not succeeded)) from webhook_delivery where subscription_id = '$SUB_ID'" "$DB")
log "webhook_delivery: $SVC_LAT"

python3 - "$N" "$BENCH_OUT/feed-imports.txt" "$IMPORT_EVENTS" "$BENCH_OUT/feed-follow.json" "$LAT" "$LAT_LOAD" "$DELIVERED_IMPORT" <<'PY'
import json, statistics, sys
n, rows, imp_ev, fol, lat = int(sys.argv[1]), [l.split() for l in open(sys.argv[2]) if l.strip()], int(sys.argv[3]), \
    json.load(open(sys.argv[4])), json.loads(sys.argv[5])
def side(prefix):
    rs = [r for r in rows if r[0].startswith(prefix) and "latency" not in r[0]]
    return rs, statistics.median(float(r[1]) for r in rs), statistics.median(sum(map(float, r[2].split("+"))) for r in rs)
for r in rows:
    print("%-22s %7s s  %7d rows/s  CPU s service+mariadbd %-10s busy before %s%%  load average at the end %s" % (
        r[0], r[1], n / float(r[1]), r[2], r[3], " ".join(r[4:])))
a, a_s, a_cpu = side("alone")
f, f_s, f_cpu = side("followed")
print("import (median of %d each): alone %.2f s = %d rows/s, CPU %.1f s; followed %.2f s = %d rows/s, CPU %.1f s" % (
    len(a), a_s, n / a_s, a_cpu, f_s, n / f_s, f_cpu))
print("feed during the last followed import: %d outbox rows in the import's transaction = %.0f events/s written; follower saw "
      "%d events, positions %d..%d dense, no gap; webhook received %s" % (imp_ev, imp_ev / f_s, fol["events"], fol["first"],
      fol["last"], sys.argv[7]))
print("latency: %d writes, %d deliveries received (%d missing, %d bad signatures, %d out of order); occurredAt->receiver "
      "p50 %.1f ms, p99 %.1f ms, max %.1f ms; client's 201->receiver p50 %.1f ms p99 %.1f ms (load average %s)" % (
      lat["writes"], lat["received"], lat["missing"], lat["bad_signatures"], lat["out_of_order"], lat["p50_ms"],
      lat["p99_ms"], lat["max_ms"], lat["after_answer_p50_ms"], lat["after_answer_p99_ms"], sys.argv[6]))
print("feed: import alone %d rows/s, with follower+webhook %d rows/s (ratio %.2f wall, %.2f CPU), %.0f events/s, webhook p50 %.1f ms p99 %.1f ms"
      % (n / a_s, n / f_s, a_s / f_s, a_cpu / f_cpu, imp_ev / f_s, lat["p50_ms"], lat["p99_ms"]))
PY
