#!/usr/bin/env bash
# Coverage report benchmark (issues 7 and 20; not part of CI).
#
#   bench/coverage.sh [ENTERPRISES:INSTITUTIONS ...]     default: 100000:60000 480000:290000
#
# For each size, in one run: loads N_ENTERPRISES enterprises with figures of one year (~90% above designated size) and N_INSTITUTIONS
# recognised institutions (SINGLE with one participant, plus N_JOINT JOINT ones with two) into a fresh MariaDB
# database with LOAD DATA LOCAL INFILE, starts the packaged service against it with a JWT key pair made here,
# times GET /api/v1/reports/coverage (warm-up, then the median of RUNS runs), times the equivalent hand-written
# SQL aggregate with the mariadb client (median of RUNS runs, the server's own timing). Since issue 20 the service
# reads the maintained coverage segments: after LOAD DATA (which bypasses the service) the script fills them with
# POST /api/v1/reports/coverage-ledger/checks {"repair": true} (timed), then times the city report, one county
# officer's report and the work list's first page, and prints one line per size:
# coverage N/M: service S ms, sql Q ms, ratio S/Q; county C ms; work list W ms; ledger fill F ms
#
# Since the rest of issue 20 (g20), per size also, each against its own hand-written SQL in the same run:
#  - county: a county officer's report (computed for its county alone) vs the same aggregate restricted to the county;
#  - county work list: the county officer's first page (keyset, 50 rows, with its total and counts) and the page after
#    it (after={next}) vs a hand-written from-scratch page + count of the county's uncovered enterprises;
#  - trend: 24 month-end snapshots (one taken through the API, 23 copied in SQL with other dates: the trend only reads
#    stored snapshots), then GET /coverage/trend over the 24 months, JSON and CSV;
#  - export: 90 % of the institutions revoked in SQL, the ledger repaired, then the whole work list as CSV (city-wide,
#    EXPORT_ROWS enterprises or more at 480k), checked row by row count, with its time, the service's peak RSS
#    (VmHWM) and the peak heap used in the GCs during the export (from -Xlog:gc), under the heap bound -Xmx768m.
#
# REUSE_DB=true keeps BENCH_DB as the last run left it (loaded and filled, nothing revoked: for a run stopped before its
# export step) and skips the generation, load and fill. APP_JAR runs another packaged jar than target/quarkus-app's.
#
# Needs java 17, python3, openssl, curl and a MariaDB server on 127.0.0.1:3306 (root, empty password); starts
# the server when it is down. Leaves the database BENCH_DB behind for inspection; stops the service it started.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=("$@")
if [[ ${#SIZES[@]} -eq 0 ]]; then SIZES=("${N_ENTERPRISES:-100000}:${N_INSTITUTIONS:-60000}" 480000:290000); fi
YEAR=${YEAR:-2025}
AS_OF=${AS_OF:-2025-12-31}
RUNS=${RUNS:-9}
PORT=${PORT:-18081}
BENCH_DB=${BENCH_DB:-rdcoverage_bench}
SKIP_PACKAGE=${SKIP_PACKAGE:-false}

work="$(mktemp -d)"
service_pid=""
stop_service() {
  if [[ -n "$service_pid" ]]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
  service_pid=""
}
cleanup() {
  stop_service
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "== $*" >&2; }
sql() { mariadb -h127.0.0.1 -uroot "$@"; }

# --- MariaDB -------------------------------------------------------------------------------------------
port_open() { (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; }
if ! port_open; then
  log "MariaDB is down; starting it"
  start-stop-daemon --start --oknodo --background --exec "$(command -v mariadbd || echo /usr/sbin/mariadbd)"
  for _ in $(seq 1 60); do port_open && break; sleep 1; done
  port_open || { echo "MariaDB did not come up on 127.0.0.1:3306" >&2; exit 1; }
fi
# --- the service -----------------------------------------------------------------------------------------
if [[ "$SKIP_PACKAGE" != "true" ]]; then
  log "packaging"
  ./mvnw -B -q package -DskipTests
fi
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
mint() { # role [extra claims]
  local now header payload signature
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"https://rd-coverage.liaocheng","aud":"rd-coverage","sub":"bench-%s","upn":"bench","groups":["%s"]%s,"iat":%d,"exp":%d,"jti":"bench-%s-%d"}' \
    "$1" "$1" "${2:-}" "$now" "$((now + 7200))" "$1" "$now" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/private.pem" -binary | b64url)
  echo "$header.$payload.$signature"
}
token=$(mint CITY_OFFICER)
admin_token=$(mint ADMIN)
county_token=$(mint COUNTY_OFFICER ',"regionCode":"371502"')
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m}'; }
# time_url TOKEN URL: 5 warm-up calls, then the median of RUNS, in ms
time_url() {
  for _ in 1 2 3 4 5; do curl -fsS -o /dev/null -H "Authorization: Bearer $1" "$2"; done
  for _ in $(seq 1 "$RUNS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $1" "$2"
  done | awk '{printf "%.1f\n", $1 * 1000}' | median
}

run_size() {
N_ENTERPRISES=$1
N_INSTITUTIONS=$2
N_JOINT=$(( N_INSTITUTIONS / 20 ))
if [[ "${REUSE_DB:-false}" != "true" ]]; then
sql -e "DROP DATABASE IF EXISTS \`$BENCH_DB\`; CREATE DATABASE \`$BENCH_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
fi


log "starting the service on port $PORT"
DB_URL="jdbc:mysql://127.0.0.1:3306/$BENCH_DB" DB_USER=root DB_PASSWORD= QUARKUS_HTTP_PORT="$PORT" \
  QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false JWT_PUBLIC_KEY_LOCATION="$work/public.pem" \
  java ${JAVA_OPTS:--Xmx768m -XX:+ExitOnOutOfMemoryError} -Xlog:gc:file="$work/gc.log" \
  -jar "${APP_JAR:-target/quarkus-app/quarkus-run.jar}" > "$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1 && break
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" > /dev/null || { cat "$work/service.log" >&2; exit 1; }

if [[ "${REUSE_DB:-false}" != "true" ]]; then
# --- data (after start-up: Liquibase has created the schema) -----------------------------------------------
log "generating $N_ENTERPRISES enterprises and $N_INSTITUTIONS institutions"
python3 - "$work" "$N_ENTERPRISES" "$N_INSTITUTIONS" "$N_JOINT" "$YEAR" <<'PY'
import random, sys, uuid
work, n_ent, n_inst, n_joint, year = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
random.seed(7)
ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY"
W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def code(region, i):
    first = "91" + region + "BN" + "%07d" % i
    c = 31 - sum(ALPHA.index(ch) * w for ch, w in zip(first, W)) % 31
    return first + ALPHA[0 if c == 31 else c]
regions = ["371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581", "371571", "371572", "371573"]
ts = "%d-03-31 00:00:00" % year
codes = []
with open(work + "/enterprise.tsv", "w") as e, open(work + "/figures.tsv", "w") as f:
    for i in range(n_ent):
        region = regions[i % len(regions)]
        cc = code(region, i)
        codes.append(cc)
        above = i % 10 != 0
        employees, revenue, size = (random.randint(300, 900), random.randint(20_000_000, 300_000_000), "MEDIUM") if above \
            else (random.randint(5, 50), random.randint(1_000_000, 19_000_000), "SMALL")
        e.write("\t".join([cc, "企业%d" % i, region, "\\N", "\\N", "0", "0", str(year), size, "1" if above else "0", "0", ts, ts]) + "\n")
        f.write("\t".join([cc, str(year), str(employees), "%d.00" % revenue, "1" if above else "0", "0", size, "0", ts]) + "\n")
n_single = n_inst - n_joint
with open(work + "/institution.tsv", "w") as inst, open(work + "/participant.tsv", "w") as part:
    for k in range(n_inst):
        iid = str(uuid.uuid4())
        joint = k >= n_single
        revoked = "\\N"
        if k % 100 == 0:  # one in a hundred revoked during the year
            recognized = "%d-%02d-%02d" % (random.randint(2020, year - 1), random.randint(1, 12), random.randint(1, 28))
            revoked = "%d-%02d-%02d" % (year, random.randint(1, 12), random.randint(1, 28))
        else:
            recognized = "%d-%02d-%02d" % (random.randint(2020, year), random.randint(1, 12), random.randint(1, 28))
        status = "REVOKED" if revoked != "\\N" else "RECOGNIZED"
        inst.write("\t".join([iid, "研发中心%d" % k, "TECH_CENTER", "JOINT" if joint else "SINGLE", status, recognized, revoked,
                              "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "\\N", "0", ts, ts]) + "\n")
        if joint:
            j = n_single + 2 * (k - n_single)
            members = [codes[j % n_ent], codes[(j + 1) % n_ent]]
        else:
            members = [codes[k % n_ent]]
        for pos, cc in enumerate(members):
            part.write("\t".join([iid, cc, str(pos)]) + "\n")
PY

log "loading"
start=$(date +%s)
sql --local-infile=1 "$BENCH_DB" <<SQL
SET foreign_key_checks = 0, unique_checks = 0;
LOAD DATA LOCAL INFILE '$work/enterprise.tsv' INTO TABLE enterprise CHARACTER SET utf8mb4
  (credit_code, name, region_code, industry_code, address, key_enterprise, key_industry, figures_year, size_class,
   above_designated_size, version, created_at, updated_at);
LOAD DATA LOCAL INFILE '$work/figures.tsv' INTO TABLE enterprise_figures CHARACTER SET utf8mb4
  (credit_code, year, employees, revenue, above_designated_size, above_size_declared, size_class, version, updated_at);
LOAD DATA LOCAL INFILE '$work/institution.tsv' INTO TABLE institution CHARACTER SET utf8mb4
  (id, name, kind, build_mode, status, recognized_on, revoked_on, revocation_reason, platform_name, platform_kind,
   platform_certification, agreement_expert, agreement_signed_on, agreement_valid_until, version, created_at, updated_at);
LOAD DATA LOCAL INFILE '$work/participant.tsv' INTO TABLE institution_participant CHARACTER SET utf8mb4
  (institution_id, credit_code, position);
SET foreign_key_checks = 1, unique_checks = 1;
ANALYZE TABLE enterprise, enterprise_figures, institution, institution_participant;
SQL
log "loaded in $(( $(date +%s) - start )) s: $(sql -N "$BENCH_DB" -e 'select count(*) from enterprise') enterprises, \
$(sql -N "$BENCH_DB" -e 'select count(*) from institution') institutions"

# --- the maintained coverage segments: LOAD DATA bypassed the service, so fill them (the rebuild command) ----------
fill_ms=$(curl -fsS -o "$work/fill.json" -w '%{time_total}\n' -X POST -H "Authorization: Bearer $admin_token" \
  -H 'Content-Type: application/json' -d '{"repair": true}' "http://127.0.0.1:$PORT/api/v1/reports/coverage-ledger/checks" \
  | awk '{printf "%.0f", $1 * 1000}')
log "ledger filled in $fill_ms ms: $(head -c 300 "$work/fill.json")"
log "segments: $(sql -N "$BENCH_DB" -e 'select count(*) from coverage_segment') rows"
sql "$BENCH_DB" -e "ANALYZE TABLE coverage_segment" > /dev/null

else
  fill_ms=reused
  log "REUSE_DB=true: the data and segments of the last run of this size in $BENCH_DB are used as they are"
fi

# --- the service ---------------------------------------------------------------------------------------------
url="http://127.0.0.1:$PORT/api/v1/reports/coverage?asOf=$AS_OF"
curl -fsS -H "Authorization: Bearer $token" "$url" -o "$work/report.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); c=r['city']; print('   report: statistical year', r['statisticalYear'], \
'above size', c['aboveSizeEnterprises'], 'covered', c['coveredEnterprises'], 'rate', c['coverageRate'], file=sys.stderr)" "$work/report.json"
service_ms=$(time_url "$token" "$url")
county_ms=$(time_url "$county_token" "$url")
worklist_url="http://127.0.0.1:$PORT/api/v1/reports/uncovered?asOf=$AS_OF&regionCode=371502&size=50"
curl -fsS -H "Authorization: Bearer $token" "$worklist_url" | python3 -c "import json,sys; p=json.load(sys.stdin); \
print('   work list 371502: total', p['total'], 'first', p['items'][0]['creditCode'] if p['items'] else None, file=sys.stderr)"
worklist_ms=$(time_url "$token" "$worklist_url")

# --- the hand-written SQL: the same aggregate, timed by the server (the client prints "(x.xxx sec)") -------
query="SELECT SQL_NO_CACHE e.region_code, COUNT(*) AS above_size, COUNT(c.credit_code) AS covered,
  SUM(COALESCE(c.s, 0)) AS single_mode, SUM(COALESCE(c.j, 0)) AS joint_mode, SUM(COALESCE(c.i, 0)) AS industry_mode
FROM enterprise_figures f JOIN enterprise e ON e.credit_code = f.credit_code
LEFT JOIN (SELECT p.credit_code, MAX(i.build_mode = 'SINGLE') AS s, MAX(i.build_mode = 'JOINT') AS j, MAX(i.build_mode = 'INDUSTRY') AS i
           FROM institution i JOIN institution_participant p ON p.institution_id = i.id
           WHERE i.recognized_on <= '$AS_OF' AND (i.revoked_on IS NULL OR i.revoked_on > '$AS_OF')
             AND i.status IN ('RECOGNIZED', 'REVOKED')
           GROUP BY p.credit_code) c ON c.credit_code = f.credit_code
WHERE f.year = $YEAR AND f.above_designated_size = 1
GROUP BY e.region_code"
for _ in 1 2 3; do sql "$BENCH_DB" -e "$query" > /dev/null; done
sql_ms=$(for _ in $(seq 1 "$RUNS"); do
  sql -vvv "$BENCH_DB" -e "$query" | sed -n 's/.*rows\? in set (\([0-9.]*\) sec).*/\1/p'
done | awk '{printf "%.1f\n", $1 * 1000}' | median)

if [[ "${EXPLAIN:-1}" == "1" ]]; then
  log "EXPLAIN of the service's statements (MariaDB)"
  sql "$BENCH_DB" -e "EXPLAIN select s.region_code, count(*), sum(case when s.covered = true then 1 else 0 end), sum(case when s.single_mode = true then 1 else 0 end), sum(case when s.joint_mode = true then 1 else 0 end), sum(case when s.industry_mode = true then 1 else 0 end) from coverage_segment s where s.year = $YEAR and (s.valid_from is null or s.valid_from <= '$AS_OF') and (s.valid_to is null or s.valid_to > '$AS_OF') group by s.region_code" >&2
  sql "$BENCH_DB" -e "EXPLAIN select s.credit_code, e.name, s.region_code, f.size_class, f.employees, f.revenue from coverage_segment s join enterprise_figures f on f.credit_code = s.credit_code and f.year = s.year join enterprise e on e.credit_code = s.credit_code where s.year = $YEAR and s.covered = false and (s.valid_from is null or s.valid_from <= '$AS_OF') and (s.valid_to is null or s.valid_to > '$AS_OF') and s.region_code in ('371502') order by s.credit_code limit 50" >&2
  sql "$BENCH_DB" -e "EXPLAIN select count(*) from coverage_segment s where s.year = $YEAR and s.covered = false and (s.valid_from is null or s.valid_from <= '$AS_OF') and (s.valid_to is null or s.valid_to > '$AS_OF') and s.region_code in ('371502')" >&2
fi

ratio=$(awk -v s="$service_ms" -v q="$sql_ms" 'BEGIN { printf "%.2f", (q > 0 ? s / q : 0) }')

# --- the county: its report and its work list, each against hand-written SQL for the county alone ------------
county_query="${query/GROUP BY e.region_code/AND e.region_code = '371502' GROUP BY e.region_code}"
time_sql() { # the server's timing of a statement, median of RUNS, in ms (after 3 warm-ups)
  for _ in 1 2 3; do sql "$BENCH_DB" -e "$1" > /dev/null; done
  for _ in $(seq 1 "$RUNS"); do
    sql -vvv "$BENCH_DB" -e "$1" | sed -n 's/.*rows\? in set (\([0-9.]*\) sec).*/\1/p' | awk '{s += $1} END {printf "%.4f\n", s}'
  done | awk '{printf "%.1f\n", $1 * 1000}' | median
}
county_sql_ms=$(time_sql "$county_query")
uncovered_from_scratch="FROM enterprise_figures f JOIN enterprise e ON e.credit_code = f.credit_code
WHERE f.year = $YEAR AND f.above_designated_size = 1 AND e.region_code = '371502'
  AND NOT EXISTS (SELECT 1 FROM institution_participant p JOIN institution i ON i.id = p.institution_id
                  WHERE p.credit_code = f.credit_code AND i.status IN ('RECOGNIZED', 'REVOKED') AND i.recognized_on <= '$AS_OF'
                    AND (i.revoked_on IS NULL OR i.revoked_on > '$AS_OF'))"
county_list_sql_ms=$(time_sql "SELECT SQL_NO_CACHE f.credit_code, e.name, e.region_code, f.size_class, f.employees, f.revenue
$uncovered_from_scratch ORDER BY f.credit_code LIMIT 50; SELECT SQL_NO_CACHE count(*) $uncovered_from_scratch")
county_list_url="http://127.0.0.1:$PORT/api/v1/reports/uncovered?asOf=$AS_OF&size=50"
county_list_ms=$(time_url "$county_token" "$county_list_url")
next=$(curl -fsS -H "Authorization: Bearer $county_token" "$county_list_url" | python3 -c "import json,sys; p=json.load(sys.stdin); \
print('   county work list: total', p['total'], 'first', p['items'][0]['creditCode'] if p['items'] else None, file=sys.stderr); print(p['next'] or '')")
county_next_ms=$(time_url "$county_token" "$county_list_url&after=$next")
county_ratio=$(awk -v s="$county_ms" -v q="$county_sql_ms" 'BEGIN { printf "%.2f", (q > 0 ? s / q : 0) }')
county_list_ratio=$(awk -v s="$county_list_ms" -v q="$county_list_sql_ms" 'BEGIN { printf "%.2f", (q > 0 ? s / q : 0) }')
if [[ "${EXPLAIN:-1}" == "1" ]]; then
  log "EXPLAIN of the county officer's keyset page, the county report, an export chunk's keys (MariaDB)"
  sql "$BENCH_DB" -e "EXPLAIN select s.credit_code, s.region_code from coverage_segment s where s.year = $YEAR and s.covered = false and (s.valid_from is null or s.valid_from <= '$AS_OF') and (s.valid_to is null or s.valid_to > '$AS_OF') and s.region_code in ('371502') and ((s.credit_code > '91371502BN0000000X')) order by s.credit_code asc limit 50" >&2
  sql "$BENCH_DB" -e "EXPLAIN select s.credit_code, s.region_code from coverage_segment s where s.year = $YEAR and s.covered = false and (s.valid_from is null or s.valid_from <= '$AS_OF') and (s.valid_to is null or s.valid_to > '$AS_OF') and ((s.credit_code > '91371502BN0000000X')) order by s.credit_code asc limit 1000" >&2
  sql "$BENCH_DB" -e "EXPLAIN select s.region_code, count(*), sum(case when s.covered = true then 1 else 0 end), sum(case when s.single_mode = true then 1 else 0 end), sum(case when s.joint_mode = true then 1 else 0 end), sum(case when s.industry_mode = true then 1 else 0 end) from coverage_segment s where s.year = $YEAR and (s.valid_from is null or s.valid_from <= '$AS_OF') and (s.valid_to is null or s.valid_to > '$AS_OF') and s.region_code in ('371502') group by s.region_code" >&2
fi

# --- the trend over 24 months: one snapshot through the API, 23 copies of it in SQL as of the other month-ends -----
snap_ms=$(curl -fsS -o /dev/null -w '%{time_total}\n' -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"asOf\": \"$AS_OF\"}" "http://127.0.0.1:$PORT/api/v1/reports/snapshots" | awk '{printf "%.0f", $1 * 1000}')
python3 - "$AS_OF" > "$work/months.txt" <<'PY'
import datetime, sys
d = datetime.date.fromisoformat(sys.argv[1]).replace(day=1)
for _ in range(23):
    d = (d - datetime.timedelta(days=1)).replace(day=1)
    nxt = (d + datetime.timedelta(days=32)).replace(day=1)
    print(nxt - datetime.timedelta(days=1))
PY
while read -r m; do
  sql "$BENCH_DB" -e "INSERT INTO coverage_snapshot (id, as_of, statistical_year, kind, period, report, indicators, taken_at, taken_by)
    SELECT UUID(), '$m', statistical_year, kind, NULL, report, indicators, taken_at, 'bench-copy' FROM coverage_snapshot
    WHERE kind = 'ON_DEMAND' AND as_of = '$AS_OF' AND taken_by <> 'bench-copy' LIMIT 1"
done < "$work/months.txt"
trend_url="http://127.0.0.1:$PORT/api/v1/reports/coverage/trend?from=$(tail -1 "$work/months.txt" | cut -c1-8)01&to=$AS_OF"
trend_points=$(curl -fsS -H "Authorization: Bearer $token" "$trend_url" | python3 -c "import json,sys; print(len(json.load(sys.stdin)['points']))")
trend_ms=$(time_url "$token" "$trend_url")
trend_csv_ms=$(for _ in $(seq 1 "$RUNS"); do curl -fsS -o /dev/null -w '%{time_total}\n' -H 'Accept: text/csv' \
  -H "Authorization: Bearer $token" "$trend_url"; done | awk '{printf "%.1f\n", $1 * 1000}' | median)

# --- the export: most institutions revoked (a manual fix in SQL, then the ledger repaired), the whole list as CSV ----
sql "$BENCH_DB" -e "UPDATE institution SET status = 'REVOKED', revoked_on = '$YEAR-01-01', revocation_reason = 'bench'
  WHERE revoked_on IS NULL AND CONV(SUBSTRING(id, 1, 2), 16, 10) < 230"
repair_ms=$(curl -fsS -o "$work/repair.json" -w '%{time_total}\n' -X POST -H "Authorization: Bearer $admin_token" \
  -H 'Content-Type: application/json' -d '{"repair": true}' "http://127.0.0.1:$PORT/api/v1/reports/coverage-ledger/checks" \
  | awk '{printf "%.0f", $1 * 1000}')
expected_rows=$(sql -N "$BENCH_DB" -e "SELECT count(*) FROM enterprise_figures f WHERE f.year = $YEAR AND f.above_designated_size = 1
  AND NOT EXISTS (SELECT 1 FROM institution_participant p JOIN institution i ON i.id = p.institution_id
                  WHERE p.credit_code = f.credit_code AND i.status IN ('RECOGNIZED', 'REVOKED') AND i.recognized_on <= '$AS_OF'
                    AND (i.revoked_on IS NULL OR i.revoked_on > '$AS_OF'))")
gc_before=$(wc -l < "$work/gc.log")
hwm_before=$(awk '$1 == "VmHWM:" {print $2}' "/proc/$service_pid/status")
rss_peak=0
( while kill -0 "$service_pid" 2>/dev/null; do awk '$1 == "VmRSS:" {print $2}' "/proc/$service_pid/status"; sleep 0.2; done ) > "$work/rss.txt" &
sampler=$!
export_ms=$(curl -fsS -o "$work/uncovered.csv" -w '%{time_total}\n' -H 'Accept: text/csv' -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$PORT/api/v1/reports/uncovered?asOf=$AS_OF" | awk '{printf "%.0f", $1 * 1000}')
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
rss_peak=$(sort -n "$work/rss.txt" | tail -1 | awk '{printf "%.0f", $1 / 1024}')
hwm=$(awk '$1 == "VmHWM:" {printf "%.0f", $2 / 1024}' "/proc/$service_pid/status")
export_rows=$(( $(wc -l < "$work/uncovered.csv") - 1 ))
distinct_rows=$(tail -n +2 "$work/uncovered.csv" | cut -d, -f1 | sort -u | wc -l)
heap_peak=$(tail -n +"$((gc_before + 1))" "$work/gc.log" | grep -o '[0-9]*M->[0-9]*M' | tr -d 'M' | tr '>' ' ' | tr -d '-' \
  | awk '{ if ($1 > m) m = $1 } END { print m + 0 }')
heap_after_peak=$(tail -n +"$((gc_before + 1))" "$work/gc.log" | grep -o '[0-9]*M->[0-9]*M' | tr -d 'M' | tr '>' ' ' | tr -d '-' \
  | awk '{ if ($2 > m) m = $2 } END { print m + 0 }')
gcs=$(( $(wc -l < "$work/gc.log") - gc_before ))
export_result="export $export_rows rows ($distinct_rows distinct, expected $expected_rows) in $export_ms ms; RSS peak during export $rss_peak MiB (VmHWM $hwm MiB); heap before GC max $heap_peak MiB, after GC max $heap_after_peak MiB over $gcs GC log lines; ledger repair $repair_ms ms"
log "$export_result"
[[ "$export_rows" == "$expected_rows" && "$distinct_rows" == "$expected_rows" ]] || log "EXPORT ROWS DIFFER from the hand-written count"

result="coverage $N_ENTERPRISES/$N_INSTITUTIONS: service $service_ms ms, sql $sql_ms ms, ratio $ratio; county $county_ms ms, county sql $county_sql_ms ms, ratio $county_ratio; county work list $county_list_ms ms (next page $county_next_ms ms), sql page+count $county_list_sql_ms ms, ratio $county_list_ratio; city work list 371502 $worklist_ms ms; ledger fill $fill_ms ms; snapshot $snap_ms ms; trend $trend_points points $trend_ms ms (csv $trend_csv_ms ms); $export_result; load $(cut -d' ' -f1-3 /proc/loadavg)"
results+=("$result")
echo "$result"
stop_service
}

results=()
for size in "${SIZES[@]}"; do
  run_size "${size%%:*}" "${size##*:}"
done
printf '%s\n' "${results[@]}"
