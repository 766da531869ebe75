#!/usr/bin/env bash
# Eligibility benchmark: (a) Eligibility.evaluate in process, one thread (EligibilityThroughput from the test
# classes); (b) the same DESIGN example over HTTP, POST /api/v1/eligibility-assessments on the packaged service,
# against GET /q/health/live on the same service (the cheapest request it answers), both with wrk.
#
#   bench/eligibility.sh       env: PORT (18080), BENCH_DB (rdcoverage_bench_elig), DURATION (10s), THREADS (2),
#                                   CONNECTIONS (32), WARMUP_MAX_ROUNDS (12), JAVA_OPTS, TOKEN, KEEP_DB=1, REBUILD=1
# Warm-up: 5 s rounds of the same load until the JIT compiler threads used less than 0.5 s of CPU in a round (at
# least 2 rounds, at most WARMUP_MAX_ROUNDS): on 2 cores the assessment path needs 25-30 s of load to be compiled.
# Last line: eligibility: in-process E evals/s, http H rps, health K rps, ratio H/K
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
mkdir -p "$BENCH_OUT"

DB="${BENCH_DB:-rdcoverage_bench_elig}"
DURATION="${DURATION:-10s}"
WARMUP_MAX_ROUNDS="${WARMUP_MAX_ROUNDS:-12}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
SVC_LOG="$BENCH_OUT/eligibility-service.log"
BODY_FILE="$BENCH_OUT/assessment.json"
LUA="$BENCH_OUT/assessment.lua"

cleanup() {
  stop_service
  [ -n "${KEEP_DB:-}" ] || drop_db "$DB"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need_tool curl curl
need_tool wrk wrk
ensure_mariadb
ensure_jar
CLASS=target/test-classes/cn/liaocheng/rdcoverage/eligibility/EligibilityThroughput.class
if [ ! -f "$CLASS" ] || [ -n "${REBUILD:-}" ]; then
  log "compiling the test classes (./mvnw -B -q test-compile)"
  ./mvnw -B -q test-compile >&2
fi

# (a) in process: warm-up 2 s and measurement 3 s inside the program; it prints "in-process N evals/s".
quiet_check
log "in process: EligibilityThroughput"
inproc_line="$(timeout 120 java -cp target/classes:target/test-classes cn.liaocheng.rdcoverage.eligibility.EligibilityThroughput)"
log "$inproc_line"
E="$(echo "$inproc_line" | awk '/^in-process [0-9]+ evals\/s$/ {print $2}')"
[ -n "$E" ] || die "unexpected output from EligibilityThroughput: $inproc_line"

# (b) HTTP
cat >"$BODY_FILE" <<'JSON'
{"asOf":"2021-06-30","buildMode":"SINGLE","participants":[{"creditCode":"91350100M000100Y43","employees":350,"revenue":52000000,"aboveDesignatedSize":true,"previouslyAwarded":false}],"capacity":{"personnel":6,"equipmentValue":600000,"rdExpenditure":520000,"floorArea":60,"projectCount":3,"hasRules":true,"hasStableFunding":true},"cooperations":[{"partner":"聊城大学","partnerKind":"UNIVERSITY","signedOn":"2020-09-01","validUntil":null,"activities":"联合开展工艺改进项目"}]}
JSON
{
  echo 'wrk.method = "POST"'
  echo 'wrk.headers["Content-Type"] = "application/json"'
  [ -n "${TOKEN:-}" ] && printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$TOKEN"
  printf 'wrk.body = [==[%s]==]\n' "$(cat "$BODY_FILE")"
} >"$LUA"

fresh_db "$DB"
PORT="$(free_port "${PORT:-18080}")"
start_service "$DB" "$PORT" "$SVC_LOG"
API="http://127.0.0.1:$PORT/api/v1/eligibility-assessments"
HEALTH="http://127.0.0.1:$PORT/q/health/live"

code="$(curl -s -o "$BENCH_OUT/assessment-response.json" -w '%{http_code}' -m 10 -X POST "$API" "${AUTH_ARGS[@]}" \
        -H 'Content-Type: application/json' --data-binary @"$BODY_FILE")"
# "qualified" is the first component of the Result record, so the first match is the institution's verdict.
verdict="$(grep -o '"qualified":[a-z]*' "$BENCH_OUT/assessment-response.json" | head -1 || true)"
[ "$code" = 200 ] && [ "$verdict" = '"qualified":true' ] \
  || { head -c 1000 "$BENCH_OUT/assessment-response.json" >&2; die "sample assessment answered $code with $verdict, expected 200 and qualified true"; }
log "sample assessment: 200, qualified true"
code="$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$HEALTH")"
[ "$code" = 200 ] || die "health/live answered $code"

# run_wrk LABEL DURATION URL [wrk args...]: prints Requests/sec; fails on socket errors, non-2xx answers or a
# service that is gone (the machine is shared: check nobody else stopped it).
run_wrk() {
  local label="$1" duration="$2" url="$3" out
  shift 3
  out="$BENCH_OUT/wrk-$label.txt"
  timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "$@" "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk $label failed"; }
  kill -0 "$SVC_PID" 2>/dev/null || { tail -5 "$SVC_LOG" >&2; die "the service is gone after wrk $label"; }
  if grep -q 'Non-2xx or 3xx responses' "$out"; then cat "$out" >&2; die "wrk $label: some answers were not 2xx"; fi
  if grep -q 'Socket errors' "$out"; then log "wrk $label: $(grep 'Socket errors' "$out")"; fi
  log "wrk $label: $(grep -E 'Requests/sec' "$out" | tr -s ' '); latency p50 $(awk '$1 == "50%" {print $2}' "$out"), p99 $(awk '$1 == "99%" {print $2}' "$out")"
  awk '/^Requests\/sec:/ {print $2}' "$out"
}

# warm_up LABEL URL [wrk args...]: 5 s rounds until the JIT is (nearly) idle; see the header.
warm_up() {
  local label="$1" round=0 j0 jit rps
  shift
  while :; do
    round=$((round + 1))
    j0=$(jit_ticks "$SVC_PID")
    rps="$(run_wrk "$label-warmup-$round" 5s "$@")"
    jit=$(( $(jit_ticks "$SVC_PID") - j0 ))
    log "warm-up $label round $round: $rps rps; JIT compiler threads used $(awk -v j="$jit" 'BEGIN {printf "%.2f", j / 100}') s CPU"
    if [ "$round" -ge 2 ] && [ "$jit" -lt 50 ]; then break; fi
    if [ "$round" -ge "$WARMUP_MAX_ROUNDS" ]; then log "warm-up $label: JIT still busy after $round rounds"; break; fi
  done
}

log "HTTP: $THREADS threads, $CONNECTIONS connections; warm-up, then $DURATION each"
warm_up assess "$API" -s "$LUA"
quiet_check
H="$(run_wrk assess "$DURATION" "$API" -s "$LUA")"
warm_up health "$HEALTH"
quiet_check
K="$(run_wrk health "$DURATION" "$HEALTH")"

awk -v e="$E" -v h="$H" -v k="$K" 'BEGIN {
  printf "eligibility: in-process %d evals/s, http %.0f rps, health %.0f rps, ratio %.2f\n", e, h, k, h / k
}'
