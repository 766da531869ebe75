#!/usr/bin/env bash
# Indicators report benchmark (issue 18; not part of CI), built on bench/coverage.sh.
#
# Loads N_ENTERPRISES enterprises with figures of two years (YEAR-1 and YEAR, ~90% above designated size) and
# N_INSTITUTIONS recognised institutions (SINGLE with one participant, plus N_JOINT JOINT ones with two), each with
# a capacity and indicators row for both years, into a fresh MariaDB database with LOAD DATA LOCAL INFILE, starts
# the packaged service against it, and times in the same run GET /api/v1/reports/coverage?asOf=YEAR-12-31 and
# GET /api/v1/reports/indicators?year=YEAR (warm-up, then the median of RUNS runs of each, interleaved). Last line:
# indicators: coverage C ms, indicators I ms, ratio I/C
#
# Needs java 17, python3, openssl, curl and a MariaDB server on 127.0.0.1:3306 (root, empty password); starts
# the server when it is down. Leaves the database BENCH_DB behind for inspection; stops the service it started.
set -euo pipefail
cd "$(dirname "$0")/.."

N_ENTERPRISES=${N_ENTERPRISES:-100000}
N_INSTITUTIONS=${N_INSTITUTIONS:-60000}
N_JOINT=${N_JOINT:-3000}
YEAR=${YEAR:-2025}
AS_OF=${AS_OF:-2025-12-31}
RUNS=${RUNS:-9}
PORT=${PORT:-18018}
BENCH_DB=${BENCH_DB:-rdcoverage_bench_i18}
SKIP_PACKAGE=${SKIP_PACKAGE:-false}

work="$(mktemp -d)"
service_pid=""
cleanup() {
  if [[ -n "$service_pid" ]]; then kill "$service_pid" 2>/dev/null || true; wait "$service_pid" 2>/dev/null || true; fi
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
sql -e "DROP DATABASE IF EXISTS \`$BENCH_DB\`; CREATE DATABASE \`$BENCH_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"

# --- the service -----------------------------------------------------------------------------------------
if [[ "$SKIP_PACKAGE" != "true" ]]; then
  log "packaging"
  ./mvnw -B -q package -DskipTests
fi
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/private.pem" 2>/dev/null
openssl pkey -in "$work/private.pem" -pubout -out "$work/public.pem"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"iss":"https://rd-coverage.liaocheng","aud":"rd-coverage","sub":"bench","upn":"bench","groups":["CITY_OFFICER"],"iat":%d,"exp":%d,"jti":"bench-%d"}' \
  "$now" "$((now + 3600))" "$now" | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$work/private.pem" -binary | b64url)
token="$header.$payload.$signature"

log "starting the service on port $PORT"
DB_URL="jdbc:mysql://127.0.0.1:3306/$BENCH_DB" DB_USER=root DB_PASSWORD= QUARKUS_HTTP_PORT="$PORT" \
  QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false JWT_PUBLIC_KEY_LOCATION="$work/public.pem" \
  java -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1 &
service_pid=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/q/health/ready" > /dev/null 2>&1 && break
  kill -0 "$service_pid" 2>/dev/null || { cat "$work/service.log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/q/health/ready" > /dev/null || { cat "$work/service.log" >&2; exit 1; }

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
        f.write("\t".join([cc, str(year - 1), str(employees), "%d.00" % (revenue * 9 // 10), "1" if above else "0", "0", size, "0", ts]) + "\n")
n_single = n_inst - n_joint
with open(work + "/institution.tsv", "w") as inst, open(work + "/participant.tsv", "w") as part, \
        open(work + "/capacity.tsv", "w") as cap, open(work + "/indicator.tsv", "w") as ind:
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
        for y in (year - 1, year):
            cap.write("\t".join([iid, str(y), str(random.randint(3, 40)), "%d.00" % random.randint(200_000, 5_000_000),
                                  "%d.00" % random.randint(200_000, 9_000_000), "%d.00" % random.randint(20, 900),
                                  str(random.randint(1, 9)), "1", "1", ts]) + "\n")
            pa = random.randint(0, 30)
            ind.write("\t".join([iid, str(y), str(pa), str(random.randint(0, pa)), str(random.randint(0, pa)),
                                  str(random.randint(0, 8)), "0", ts, "bench"]) + "\n")
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
LOAD DATA LOCAL INFILE '$work/capacity.tsv' INTO TABLE institution_capacity CHARACTER SET utf8mb4
  (institution_id, year, personnel, equipment_value, rd_expenditure, floor_area, project_count, has_rules,
   has_stable_funding, updated_at);
LOAD DATA LOCAL INFILE '$work/indicator.tsv' INTO TABLE institution_indicator CHARACTER SET utf8mb4
  (institution_id, year, patent_applications, invention_patent_applications, patents_granted, new_products, version,
   updated_at, updated_by);
SET foreign_key_checks = 1, unique_checks = 1;
ANALYZE TABLE enterprise, enterprise_figures, institution, institution_participant, institution_capacity, institution_indicator;
SQL
log "loaded in $(( $(date +%s) - start )) s: $(sql -N "$BENCH_DB" -e 'select count(*) from enterprise') enterprises, \
$(sql -N "$BENCH_DB" -e 'select count(*) from institution') institutions"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m}'; }

# --- the service: both reports in the same run, interleaved -------------------------------------------------
coverage_url="http://127.0.0.1:$PORT/api/v1/reports/coverage?asOf=$AS_OF"
indicators_url="http://127.0.0.1:$PORT/api/v1/reports/indicators?year=$YEAR"
curl -fsS -H "Authorization: Bearer $token" "$indicators_url" -o "$work/indicators.json"
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); t=r['city']['totals']; print('   indicators: institutions', t['institutions'], \
'enterprises', t['enterprises'], 'rd', t['rdExpenditure'], 'intensity', t['rdIntensity'], 'growth', r['city']['growth']['rdExpenditure'], file=sys.stderr)" "$work/indicators.json"
for _ in 1 2 3 4 5; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$coverage_url"
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$indicators_url"
done
: > "$work/coverage.ms"; : > "$work/indicators.ms"
for _ in $(seq 1 "$RUNS"); do
  curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$coverage_url" | awk '{printf "%.1f\n", $1 * 1000}' >> "$work/coverage.ms"
  curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" "$indicators_url" | awk '{printf "%.1f\n", $1 * 1000}' >> "$work/indicators.ms"
done
coverage_ms=$(median < "$work/coverage.ms")
indicators_ms=$(median < "$work/indicators.ms")
ratio=$(awk -v i="$indicators_ms" -v c="$coverage_ms" 'BEGIN { printf "%.2f", (c > 0 ? i / c : 0) }')
echo "indicators: coverage $coverage_ms ms, indicators $indicators_ms ms, ratio $ratio"
