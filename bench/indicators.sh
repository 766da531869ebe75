#!/usr/bin/env bash
# Indicators report benchmark (issue 18; not part of CI), built on bench/coverage.sh and bench/lib.sh.
#
# Runs bench/coverage.sh (N_ENTERPRISES enterprises with figures of YEAR, ~90% above designated size, N_INSTITUTIONS
# recognised institutions of which N_JOINT JOINT) into BENCH_DB, which it leaves behind; adds in SQL the figures of
# YEAR-1 (revenue 90 % of YEAR's) and, for every institution and both years, a capacity row and an indicators row;
# starts the packaged service on it and times in the same run GET /api/v1/reports/coverage?asOf=YEAR-12-31 and
# GET /api/v1/reports/indicators?year=YEAR (warm-up, then the median of RUNS runs of each, interleaved). Last line:
# indicators: coverage C ms, indicators I ms, ratio I/C
# The issue's bound: ratio under 2 with 100k enterprises and 60k institutions (the defaults).
# BASE_JAR=path (another build, e.g. main's): after the import, that build is started on the same database and timed
# the same way (its line first, prefixed "base"), so a before/after pair shares data and run. READY_WAIT (s, default
# 900 here) bounds each start: the ledger is refilled before the service is ready.
#
# Needs java 17, python3, openssl, curl and a MariaDB server on 127.0.0.1:3306 (root, empty password).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib.sh
. bench/lib.sh

export N_ENTERPRISES=${N_ENTERPRISES:-100000}
export N_INSTITUTIONS=${N_INSTITUTIONS:-60000}
export N_JOINT=${N_JOINT:-3000}
export YEAR=${YEAR:-2025}
export AS_OF=${AS_OF:-$YEAR-12-31}
export RUNS=${RUNS:-9}
export BENCH_DB=${BENCH_DB:-rdcoverage_bench_indicators}
export READY_WAIT=${READY_WAIT:-900}

ensure_mariadb
ensure_jar
trap stop_service EXIT

log "coverage.sh: $N_ENTERPRISES enterprises, $N_INSTITUTIONS institutions in $BENCH_DB"
SKIP_PACKAGE=true PORT="$(free_port 18081)" bench/coverage.sh "$N_ENTERPRISES:$N_INSTITUTIONS" >&2  # one size (without it: two)

log "adding the figures of $((YEAR - 1)), capacities and indicators of both years"
start=$(date +%s)
"${MARIADB[@]}" "$BENCH_DB" <<SQL
-- coverage.sh's export step revoked 90 % of the institutions on YEAR-01-01 (revocation_reason 'bench'): undone, so
-- that both years count their institutions (the ledger is refilled from scratch at start, below)
UPDATE institution SET status = 'RECOGNIZED', revoked_on = NULL, revocation_reason = NULL WHERE revocation_reason = 'bench';
INSERT INTO enterprise_figures (credit_code, year, employees, revenue, above_designated_size, above_size_declared,
                                size_class, version, updated_at)
  SELECT credit_code, year - 1, employees, ROUND(revenue * 0.9, 2), above_designated_size, above_size_declared,
         size_class, 0, updated_at
  FROM enterprise_figures WHERE year = $YEAR;
CREATE TEMPORARY TABLE bench_years (y INT PRIMARY KEY);
INSERT INTO bench_years VALUES ($((YEAR - 1))), ($YEAR);
INSERT INTO institution_capacity (institution_id, year, personnel, equipment_value, rd_expenditure, floor_area,
                                  project_count, has_rules, has_stable_funding, updated_at)
  SELECT i.id, y.y, 3 + FLOOR(RAND(7) * 38), 200000 + FLOOR(RAND(8) * 8800000), 200000 + FLOOR(RAND(9) * 4800000),
         20 + FLOOR(RAND(10) * 880), 1 + FLOOR(RAND(11) * 9), 1, 1, NOW()
  FROM institution i CROSS JOIN bench_years y;
INSERT INTO institution_indicator (institution_id, year, patent_applications, invention_patent_applications,
                                   patents_granted, new_products, version, updated_at, updated_by)
  SELECT id, y, pa, FLOOR(RAND(12) * (pa + 1)), FLOOR(RAND(13) * (pa + 1)), FLOOR(RAND(14) * 9), 0, NOW(), 'bench'
  FROM (SELECT i.id, y.y, FLOOR(RAND(15) * 31) AS pa FROM institution i CROSS JOIN bench_years y) t;
ANALYZE TABLE enterprise_figures, institution_capacity, institution_indicator;
-- the YEAR-1 figures bypassed the service: empty the coverage segments, which the service refills from scratch at
-- start (LedgerChecker, before it reports ready); the indicators report reads them
DELETE FROM coverage_segment;
-- institution_coverage copies the capacities and indicators added above: emptied too, refilled at start
DELETE FROM institution_coverage;
SQL
log "added in $(( $(date +%s) - start )) s"

start_service "$BENCH_DB" "$(free_port 18081)" "$(mktemp)"
"${MARIADB[@]}" "$BENCH_DB" -e "ANALYZE TABLE coverage_segment" > /dev/null
log "segments: $("${MARIADB[@]}" -N "$BENCH_DB" -e 'select count(*) from coverage_segment') rows"

log "service started; load average $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m}'; }
ms() { curl -fsS -o /dev/null -w '%{time_total}\n' "${AUTH_ARGS[@]}" "$1" | awk '{printf "%.1f\n", $1 * 1000}'; }

# measure: warm-up, then RUNS interleaved runs of each report; sets coverage_ms, indicators_ms, ratio
measure() {
  local coverage_url="http://127.0.0.1:$SVC_PORT/api/v1/reports/coverage?asOf=$AS_OF"
  local indicators_url="http://127.0.0.1:$SVC_PORT/api/v1/reports/indicators?year=$YEAR"
  curl -fsS "${AUTH_ARGS[@]}" "$indicators_url" | python3 -c "import json,sys; r=json.load(sys.stdin); t=r['city']['totals']; \
print('   indicators: institutions', t['institutions'], 'enterprises', t['enterprises'], 'rd', t['rdExpenditure'], \
'revenue', t['revenue'], 'intensity', t['rdIntensity'], 'patents', t['patentApplications'], \
'growth', r['city']['growth']['rdExpenditure'], file=sys.stderr)"
  for _ in 1 2 3 4 5; do
    ms "$coverage_url" > /dev/null
    ms "$indicators_url" > /dev/null
  done
  local c="" i=""
  for _ in $(seq 1 "$RUNS"); do
    c+="$(ms "$coverage_url")"$'\n'
    i+="$(ms "$indicators_url")"$'\n'
  done
  coverage_ms=$(printf '%s' "$c" | median)
  indicators_ms=$(printf '%s' "$i" | median)
  ratio=$(awk -v i="$indicators_ms" -v c="$coverage_ms" 'BEGIN { printf "%.2f", (c > 0 ? i / c : 0) }')
  log "measured: coverage $coverage_ms ms, indicators $indicators_ms ms, ratio $ratio; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
measure

# the import at its limit: IMPORT_ROWS (default 200,000, the most a file may hold) new rows, years 2018-2021 of the
# first institutions (no indicators there yet), one transaction; the answer must be 200 with created = IMPORT_ROWS
IMPORT_ROWS=${IMPORT_ROWS:-200000}
import_csv="$(mktemp)"
{ echo "institutionId,year,patentApplications,inventionPatentApplications,patentsGranted,newProducts"
  "${MARIADB[@]}" -N "$BENCH_DB" -e "SELECT i.id, y.y, 7, 3, 2, 1 FROM institution i
    CROSS JOIN (SELECT 2018 AS y UNION ALL SELECT 2019 UNION ALL SELECT 2020 UNION ALL SELECT 2021) y
    ORDER BY i.id, y.y LIMIT $IMPORT_ROWS" | tr '\t' ','; } > "$import_csv"
log "import of $(( $(wc -l < "$import_csv") - 1 )) rows ($(wc -c < "$import_csv") bytes); load average $(cut -d' ' -f1-3 /proc/loadavg)"
import_s=$(curl -fsS -o "$import_csv.json" -w '%{time_total}\n' "${AUTH_ARGS[@]}" -H 'Content-Type: text/csv' \
  --data-binary "@$import_csv" "http://127.0.0.1:$SVC_PORT/api/v1/institutions/indicators/import")
created=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['created'])" "$import_csv.json")
[ "$created" = "$IMPORT_ROWS" ] || die "the import created $created rows, not $IMPORT_ROWS: $(head -c 600 "$import_csv.json")"
stored=$("${MARIADB[@]}" -N "$BENCH_DB" -e "SELECT count(*) FROM institution_indicator WHERE year BETWEEN 2018 AND 2021")
events=$("${MARIADB[@]}" -N "$BENCH_DB" -e "SELECT count(*) FROM event_outbox WHERE type = 'indicators.updated'")
import_rate=$(awk -v s="$import_s" -v n="$IMPORT_ROWS" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
log "import: $IMPORT_ROWS rows in $import_s s ($import_rate rows/s); stored $stored, events $events; load average $(cut -d' ' -f1-3 /proc/loadavg)"
rm -f "$import_csv" "$import_csv.json"

if [ -n "${BASE_JAR:-}" ]; then
  main=("$coverage_ms" "$indicators_ms" "$ratio")
  stop_service
  log "the base build $BASE_JAR on the same database"
  JAR="$BASE_JAR" start_service "$BENCH_DB" "$(free_port 18081)" "$(mktemp)"
  measure
  echo "base indicators: coverage $coverage_ms ms, indicators $indicators_ms ms, ratio $ratio"
  coverage_ms=${main[0]}; indicators_ms=${main[1]}; ratio=${main[2]}
fi

echo "indicators: coverage $coverage_ms ms, indicators $indicators_ms ms, ratio $ratio; import $IMPORT_ROWS rows $import_s s"
