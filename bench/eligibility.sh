#!/usr/bin/env bash
# Eligibility benchmark: (a) Eligibility.evaluate in process, one thread (EligibilityThroughput from the test
# classes); (b) the same DESIGN example over HTTP, POST /api/v1/eligibility-assessments on the packaged service,
# against GET /q/health/live on the same service (the cheapest request it answers), both with wrk.
#
#   bench/eligibility.sh       env: PORT (18080), BENCH_DB (rdcoverage_bench_elig), DURATION (10s), WARMUP (5s),
#                                   THREADS (2), CONNECTIONS (32), JAVA_OPTS, TOKEN, KEEP_DB=1, REBUILD=1
# Last line: eligibility: in-process E evals/s, http H rps, health K rps, ratio H/K
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
mkdir -p "$BENCH_OUT"

DB="${BENCH_DB:-rdcoverage_bench_elig}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
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
need_tool java openjdk-17-jdk-headless
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

# run_wrk LABEL DURATION URL [wrk args...]: prints Requests/sec; fails on socket errors or non-2xx answers.
run_wrk() {
  local label="$1" duration="$2" url="$3" out
  shift 3
  out="$BENCH_OUT/wrk-$label.txt"
  timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "$@" "$url" >"$out" 2>&1 \
    || { cat "$out" >&2; die "wrk $label failed"; }
  if grep -q 'Non-2xx or 3xx responses' "$out"; then cat "$out" >&2; die "wrk $label: some answers were not 2xx"; fi
  if grep -q 'Socket errors' "$out"; then log "wrk $label: $(grep 'Socket errors' "$out")"; fi
  log "wrk $label: $(grep -E 'Requests/sec' "$out" | tr -s ' '); latency p50 $(awk '$1 == "50%" {print $2}' "$out"), p99 $(awk '$1 == "99%" {print $2}' "$out")"
  awk '/^Requests\/sec:/ {print $2}' "$out"
}

quiet_check
log "HTTP: $THREADS threads, $CONNECTIONS connections; warm-up $WARMUP, measurement $DURATION each"
run_wrk assess-warmup "$WARMUP" "$API" -s "$LUA" >/dev/null
H="$(run_wrk assess "$DURATION" "$API" -s "$LUA")"
run_wrk health-warmup "$WARMUP" "$HEALTH" >/dev/null
K="$(run_wrk health "$DURATION" "$HEALTH")"

awk -v e="$E" -v h="$H" -v k="$K" 'BEGIN {
  printf "eligibility: in-process %d evals/s, http %.0f rps, health %.0f rps, ratio %.2f\n", e, h, k, h / k
}'
