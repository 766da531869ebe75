#!/usr/bin/env bash
# Import benchmark: N generated rows of the statistics bureau's list (default 100000), imported over HTTP into the
# packaged service on MariaDB, against MariaDB's own LOAD DATA LOCAL INFILE of the same rows into the same two
# tables (enterprise + enterprise_figures, same DDL, indexes and foreign keys). Also: the service's peak RSS
# during the import and a second import of the same file (the "all unchanged" path).
#
#   bench/import.sh [--xlsx] [N]   --xlsx: the same rows as an xlsx workbook (bench/CsvToXlsx.java)
#                              env: PORT (18080), BENCH_DB (rdcoverage_bench), JAVA_OPTS, TOKEN,
#                                   RD_IMPORT_CHUNK_SIZE, KEEP_DB=1 (keep the databases), REBUILD=1
# Last line: import: service R rows/s, load-data L rows/s, ratio X
set -euo pipefail
XLSX=""
if [ "${1:-}" = "--xlsx" ]; then XLSX=1; shift; fi
N="${1:-100000}"
[[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -ge 1 ] || { echo "usage: $0 [--xlsx] [N]" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
mkdir -p "$BENCH_OUT"

DB="${BENCH_DB:-rdcoverage_bench}"
LD_DB="${DB}_ld"
CSV="$BENCH_OUT/list-$N.csv"
SVC_LOG="$BENCH_OUT/import-service.log"
MAX_SECONDS="${MAX_SECONDS:-1800}"   # a bound for each HTTP import

cleanup() {
  stop_service
  if [ -z "${KEEP_DB:-}" ]; then drop_db "$DB"; drop_db "$LD_DB"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need_tool curl curl
need_tool awk gawk
ensure_mariadb
ensure_jar

log "generating $N rows -> $CSV"
awk -v N="$N" -f bench/gen-list.awk >"$CSV"
[ "$(($(wc -l <"$CSV") - 1))" -eq "$N" ] || die "generator wrote the wrong number of rows"
log "file: $(du -h "$CSV" | cut -f1)"
BODY="$CSV"
BODY_TYPE="text/csv"
if [ -n "$XLSX" ]; then
  BODY="$BENCH_OUT/list-$N.xlsx"
  BODY_TYPE="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  java bench/CsvToXlsx.java "$CSV" "$BODY" || die "could not write $BODY"
  log "xlsx: $(du -h "$BODY" | cut -f1)"
fi

fresh_db "$DB"
PORT="$(free_port "${PORT:-18080}")"
extra_env=()
[ -n "${RD_IMPORT_CHUNK_SIZE:-}" ] && extra_env+=(RD_IMPORT_CHUNK_SIZE="$RD_IMPORT_CHUNK_SIZE")
start_service "$DB" "$PORT" "$SVC_LOG" "${extra_env[@]}"
URL="http://127.0.0.1:$PORT/api/v1/enterprises/import"

DBD_PID="$(mariadbd_pid)"

# import_once LABEL OUTFILE: POSTs the file, sampling the service's RSS every 0.1 s meanwhile.
# Sets ELAPSED_NS, PEAK_RSS_KIB (highest sampled VmRSS), HTTP_CODE and CPU_NOTE (CPU seconds used meanwhile by
# the service, its JIT compiler threads and mariadbd).
import_once() {
  local label="$1" out="$2" t0 t1 rss j0 c0 m0
  PEAK_RSS_KIB=0
  quiet_check
  log "$label: POST $URL ($N rows)"
  j0=$(cpu_ticks "$SVC_PID"); c0=$(jit_ticks "$SVC_PID"); m0=$(cpu_ticks "${DBD_PID:-self}")
  t0=$(now_ns)
  curl -s -o "$out" -w '%{http_code}' -m "$MAX_SECONDS" -X POST "$URL" "${AUTH_ARGS[@]}" \
       -H "Content-Type: $BODY_TYPE" --data-binary @"$BODY" >"$out.code" &
  local cpid=$!
  while kill -0 "$cpid" 2>/dev/null; do
    rss=$(kib_of "$SVC_PID" VmRSS)
    [ -n "$rss" ] && [ "$rss" -gt "$PEAK_RSS_KIB" ] && PEAK_RSS_KIB=$rss
    sleep 0.1
  done
  wait "$cpid" || die "$label: curl failed (exit $?)"
  t1=$(now_ns)
  ELAPSED_NS=$((t1 - t0))
  HTTP_CODE="$(cat "$out.code")"
  CPU_NOTE="$(awk -v j="$(( $(cpu_ticks "$SVC_PID") - j0 ))" -v c="$(( $(jit_ticks "$SVC_PID") - c0 ))" \
      -v m="$(( $(cpu_ticks "${DBD_PID:-self}") - m0 ))" -v b="$BUSY_BEFORE" \
      'BEGIN { printf "CPU s: service %.1f (JIT %.1f), mariadbd %.1f; machine busy %s%% before", j/100, c/100, m/100, b }')"
  log "$label: $CPU_NOTE"
}

# json_field FILE NAME: a top-level number or boolean of the (compact) import report.
json_field() { grep -o "\"$2\":[a-z0-9]*" "$1" | head -1 | cut -d: -f2; }

rss_before=$(kib_of "$SVC_PID" VmRSS)
hwm_before=$(kib_of "$SVC_PID" VmHWM)

import_once "import 1 (all new)" "$BENCH_OUT/import-1.json"
[ "$HTTP_CODE" = 200 ] || { head -c 2000 "$BENCH_OUT/import-1.json" >&2; die "import 1 answered $HTTP_CODE"; }
created=$(json_field "$BENCH_OUT/import-1.json" created)
rejected=$(json_field "$BENCH_OUT/import-1.json" rejected)
[ "$created" = "$N" ] && [ "$rejected" = 0 ] \
  || { head -c 2000 "$BENCH_OUT/import-1.json" >&2; die "import 1: expected created $N and rejected 0"; }
svc_ns=$ELAPSED_NS
svc_peak=$PEAK_RSS_KIB
svc_cpu=$CPU_NOTE
hwm_after1=$(kib_of "$SVC_PID" VmHWM)
rows_db=$("${MARIADB[@]}" -N -e "SELECT (SELECT COUNT(*) FROM \`$DB\`.enterprise), (SELECT COUNT(*) FROM \`$DB\`.enterprise_figures)")
log "import 1: $(head -c 200 "$BENCH_OUT/import-1.json")"
log "import 1: rows in the database (enterprise, enterprise_figures): $rows_db"

import_once "import 2 (same file, all unchanged)" "$BENCH_OUT/import-2.json"
[ "$HTTP_CODE" = 200 ] || { head -c 2000 "$BENCH_OUT/import-2.json" >&2; die "import 2 answered $HTTP_CODE"; }
[ "$(json_field "$BENCH_OUT/import-2.json" unchanged)" = "$N" ] && [ "$(json_field "$BENCH_OUT/import-2.json" rejected)" = 0 ] \
  || { head -c 2000 "$BENCH_OUT/import-2.json" >&2; die "import 2: expected unchanged $N and rejected 0"; }
unchanged_ns=$ELAPSED_NS
unchanged_peak=$PEAK_RSS_KIB
unchanged_cpu=$CPU_NOTE
hwm_after2=$(kib_of "$SVC_PID" VmHWM)
log "import 2: $(head -c 200 "$BENCH_OUT/import-2.json")"
stop_service

# LOAD DATA: the same DDL as the service's tables (Liquibase made them in $DB), with the same foreign keys, and
# the derived columns computed in SET with the liaocheng-2020 size bounds (the policy in force for 2024).
fresh_db "$LD_DB"
"${MARIADB[@]}" "$LD_DB" <<SQL
CREATE TABLE region LIKE \`$DB\`.region;
INSERT INTO region SELECT * FROM \`$DB\`.region;
CREATE TABLE enterprise LIKE \`$DB\`.enterprise;
ALTER TABLE enterprise ADD CONSTRAINT fk_enterprise_region FOREIGN KEY (region_code) REFERENCES region (code);
CREATE TABLE enterprise_figures LIKE \`$DB\`.enterprise_figures;
ALTER TABLE enterprise_figures ADD CONSTRAINT fk_figures_enterprise FOREIGN KEY (credit_code)
  REFERENCES enterprise (credit_code) ON DELETE CASCADE;
SQL
size_case="CASE WHEN @emp >= 1000 AND @rev >= 400000000 THEN 'LARGE' WHEN @emp >= 300 AND @rev >= 20000000 THEN 'MEDIUM'
  WHEN @emp >= 20 AND @rev >= 3000000 THEN 'SMALL' ELSE 'MICRO' END"
fields="FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\n' IGNORE 1 LINES"
cols="(@code, @name, @region, @industry, @year, @emp, @rev, @above, @ke, @ki)"
quiet_check
log "LOAD DATA LOCAL INFILE into $LD_DB.enterprise and $LD_DB.enterprise_figures"
m0=$(cpu_ticks "${DBD_PID:-self}")
t0=$(now_ns)
"${MARIADB[@]}" --local-infile=1 "$LD_DB" <<SQL
SET @now = UTC_TIMESTAMP(6);
LOAD DATA LOCAL INFILE '$CSV' INTO TABLE enterprise CHARACTER SET utf8mb4 $fields $cols
  SET credit_code = @code, name = @name, region_code = @region, industry_code = @industry, address = NULL,
      key_enterprise = (@ke = 'true'), key_industry = (@ki = 'true'), figures_year = @year,
      size_class = $size_case, above_designated_size = (@above = 'true'), version = 0, created_at = @now, updated_at = @now;
LOAD DATA LOCAL INFILE '$CSV' INTO TABLE enterprise_figures CHARACTER SET utf8mb4 $fields $cols
  SET credit_code = @code, year = @year, employees = @emp, revenue = @rev, above_designated_size = (@above = 'true'),
      above_size_declared = 1, size_class = $size_case, version = 0, updated_at = @now;
SQL
t1=$(now_ns)
ld_ns=$((t1 - t0))
ld_cpu="$(awk -v m="$(( $(cpu_ticks "${DBD_PID:-self}") - m0 ))" -v b="$BUSY_BEFORE" \
  'BEGIN { printf "CPU s: mariadbd %.1f; machine busy %s%% before", m/100, b }')"
ld_rows=$("${MARIADB[@]}" -N -e "SELECT (SELECT COUNT(*) FROM \`$LD_DB\`.enterprise), (SELECT COUNT(*) FROM \`$LD_DB\`.enterprise_figures)")
[ "$(echo "$ld_rows" | tr -s ' \t' ' ')" = "$N $N" ] || die "LOAD DATA loaded $ld_rows rows, expected $N in each table"
# Both paths must have stored the same derived values.
diffs=$("${MARIADB[@]}" -N -e "SELECT COUNT(*) FROM \`$DB\`.enterprise_figures s JOIN \`$LD_DB\`.enterprise_figures l
  USING (credit_code, year) WHERE NOT (s.employees <=> l.employees AND s.revenue <=> l.revenue
  AND s.size_class <=> l.size_class AND s.above_designated_size <=> l.above_designated_size)")
[ "$diffs" = 0 ] || log "WARNING: $diffs figures rows differ between the service and LOAD DATA"

BODY_KIND=csv
[ -n "$XLSX" ] && BODY_KIND=xlsx
BODY_KIND="$BODY_KIND" SVC_CPU="$svc_cpu" UNCHANGED_CPU="$unchanged_cpu" LD_CPU="$ld_cpu" awk -v n="$N" -v s="$svc_ns" -v u="$unchanged_ns" -v l="$ld_ns" \
    -v rb="$rss_before" -v hb="$hwm_before" -v p1="$svc_peak" -v h1="$hwm_after1" -v p2="$unchanged_peak" -v h2="$hwm_after2" \
    -v f="$(stat -c %s "$BODY")" 'BEGIN {
  printf "rows: %d (%s %.1f MiB), chunk size %s\n", n, ENVIRON["BODY_KIND"], f / 1048576, ENVIRON["RD_IMPORT_CHUNK_SIZE"] == "" ? "default" : ENVIRON["RD_IMPORT_CHUNK_SIZE"]
  printf "service import (all new):       %8.2f s  %9.0f rows/s  (%s)\n", s / 1e9, n / (s / 1e9), ENVIRON["SVC_CPU"]
  printf "service import (all unchanged): %8.2f s  %9.0f rows/s  (%s)\n", u / 1e9, n / (u / 1e9), ENVIRON["UNCHANGED_CPU"]
  printf "LOAD DATA (2 tables):           %8.2f s  %9.0f rows/s  (%s)\n", l / 1e9, n / (l / 1e9), ENVIRON["LD_CPU"]
  printf "service RSS: %.0f MiB before; peak sampled %.0f MiB during import 1, %.0f MiB during import 2; VmHWM %.0f -> %.0f -> %.0f MiB\n", \
    rb / 1024, p1 / 1024, p2 / 1024, hb / 1024, h1 / 1024, h2 / 1024
  r = n / (s / 1e9); L = n / (l / 1e9)
  printf "import: service %.0f rows/s, load-data %.0f rows/s, ratio %.2f\n", r, L, r / L
}'
