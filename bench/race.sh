#!/usr/bin/env bash
# Issue 6 proof on a real deployment shape: two instances of the packaged service share one MariaDB database;
# 25 recognitions of different institutions of ONE enterprise race across both, then 25 APPROVE transitions of
# its award race across both. Exactly one first-recognition award may exist, one approval may win, and no
# request may fail with 5xx. Last line: `race: ... awards A` ; exits non-zero when the invariant breaks.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/jwt.sh
N=${N:-25}
OUT=bench/out/race
DB=rdcoverage_race
mkdir -p "$OUT"
port_open() { (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null; }
if ! port_open 3306; then
  start-stop-daemon --start --oknodo --background --exec "$(command -v mariadbd || echo /usr/sbin/mariadbd)"
  for _ in $(seq 60); do port_open 3306 && break; sleep 1; done
fi
mariadb -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
jwt_keys "$OUT"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
start() { # PORT
  if port_open "$1"; then echo "port $1 is already in use; stop what listens there first" >&2; exit 1; fi
  DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" DB_USER=root DB_PASSWORD= QUARKUS_HTTP_PORT=$1 \
  QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false RD_RATE_LIMIT_ASSESSMENTS_PER_MINUTE=0 \
    java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$OUT/instance-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 120); do curl -fs "localhost:$1/q/health/ready" >/dev/null && return 0; sleep 1; done
  echo "instance on $1 did not become ready" >&2; tail -50 "$OUT/instance-$1.log" >&2; exit 1
}
start 18091
start 18092

CODE=$(python3 -c '
A="0123456789ABCDEFGHJKLMNPQRTUWXY"; W=[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]
s="91371503MA7RACE01"; c=31-sum(A.index(ch)*w for ch,w in zip(s,W))%31; print(s+A[0 if c==31 else c])')
CITY=$(jwt_mint CITY_OFFICER)
FIN=$(jwt_mint FINANCE)
ENT=$(jwt_mint ENTERPRISE "{\"creditCode\":\"$CODE\"}")
CTY=$(jwt_mint COUNTY_OFFICER '{"regionCode":"371503"}')
YEAR=$(TZ=Asia/Shanghai date +%Y)
api() { # PORT TOKEN METHOD PATH [BODY] -> body; fails on 4xx/5xx and says which call
  local body
  body=$(curl -sS -w '\n%{http_code}' -X "$3" "localhost:$1$4" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' ${5:+-d "$5"})
  local code=${body##*$'\n'}
  if [ "${code:0:1}" != 2 ]; then echo "$3 $4 -> $code: ${body%$'\n'*}" >&2; return 1; fi
  printf '%s\n' "${body%$'\n'*}"
}
jq_() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
materials() { # APP: uploads a small PDF for every kind the policy still requires (SUBMIT needs them, issue 17)
  printf '%%PDF-1.4\n%%%%EOF\n' > "$OUT/material.pdf"
  for kind in $(api 18091 "$ENT" GET "/api/v1/applications/$1/attachments" | jq_ '["missingKinds"]' | tr -d "[],'"); do
    curl -fsS -o /dev/null -X POST "localhost:18091/api/v1/applications/$1/attachments" -H "Authorization: Bearer $ENT" \
      -F "kind=$kind" -F "file=@$OUT/material.pdf;type=application/pdf" || { echo "upload of $kind failed" >&2; return 1; }
  done
}

api 18091 "$CITY" POST /api/v1/rounds '{"id":"2099H1","year":2099,"half":1,"opensOn":"2099-01-01","closesOn":"2099-06-30"}' >/dev/null
api 18091 "$CITY" POST /api/v1/enterprises "{\"creditCode\":\"$CODE\",\"name\":\"竞态测试企业\",\"regionCode\":\"371503\",\"figures\":[{\"year\":$YEAR,\"employees\":350,\"revenue\":52000000}]}" >/dev/null
apps=()
for i in $(seq "$N"); do
  inst=$(api 18091 "$ENT" POST /api/v1/institutions "{\"name\":\"研发中心$i\",\"kind\":\"TECH_CENTER\",\"buildMode\":\"SINGLE\",\"participants\":[\"$CODE\"],\"capacity\":{\"year\":$YEAR,\"personnel\":6,\"equipmentValue\":600000,\"rdExpenditure\":520000,\"floorArea\":60,\"projectCount\":3,\"hasRules\":true,\"hasStableFunding\":true},\"cooperations\":[{\"partner\":\"聊城大学\",\"partnerKind\":\"UNIVERSITY\",\"signedOn\":\"2024-01-01\",\"activities\":\"联合攻关\"}]}" | jq_ '["id"]')
  app=$(api 18092 "$ENT" POST /api/v1/applications "{\"institutionId\":\"$inst\",\"roundId\":\"2099H1\"}" | jq_ '["id"]')
  materials "$app"
  api 18091 "$ENT" POST "/api/v1/applications/$app/transitions" '{"action":"SUBMIT"}' >/dev/null
  api 18092 "$CTY" POST "/api/v1/applications/$app/transitions" '{"action":"COUNTY_APPROVE"}' >/dev/null
  api 18091 "$CITY" POST "/api/v1/applications/$app/transitions" '{"action":"START_ASSESSMENT"}' >/dev/null
  apps+=("$app")
done

race() { # TOKEN BODY PATH... : one concurrent POST per path, alternating instances; prints the status codes
  local token=$1 body=$2; shift 2
  local i=0 curls=()
  for path in "$@"; do
    port=$((18091 + i % 2)); i=$((i + 1))
    curl -s -o /dev/null -w '%{http_code}\n' -X POST "localhost:$port$path" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "$body" &
    curls+=($!)
  done
  wait "${curls[@]}"
}
paths=(); for a in "${apps[@]}"; do paths+=("/api/v1/applications/$a/transitions"); done
race "$CITY" '{"action":"RECOGNIZE"}' "${paths[@]}" > "$OUT/recognitions.txt"
awards=$(mariadb -uroot -N "$DB" -e "select count(*) from award where credit_code='$CODE' and program='CITY_FIRST_RECOGNITION' and status<>'CANCELLED'")
award=$(mariadb -uroot -N "$DB" -e "select id from award where credit_code='$CODE' and program='CITY_FIRST_RECOGNITION' limit 1")
paths=(); for _ in $(seq "$N"); do paths+=("/api/v1/awards/$award/transitions"); done
race "$FIN" '{"action":"APPROVE"}' "${paths[@]}" > "$OUT/approvals.txt"
status=$(mariadb -uroot -N "$DB" -e "select status from award where id='$award'")
summary() { sort "$1" | uniq -c | awk '{printf "%s%sx%s", (NR>1?" ":""), $1, $2}'; }
fails=$(cat "$OUT/recognitions.txt" "$OUT/approvals.txt" | grep -c '^5' || true)
approved=$(grep -c '^200$' "$OUT/approvals.txt" || true)
unhandled=$(cat "$OUT"/instance-*.log | grep -c 'Unhandled failure' || true)
echo "award $award ends $status; 5xx answers $fails; unhandled failures logged $unhandled"
echo "race: two instances, $N recognitions [$(summary "$OUT/recognitions.txt")], $N approvals [$(summary "$OUT/approvals.txt")], awards $awards"
[ "$awards" = 1 ] && [ "$status" = APPROVED ] && [ "$fails" = 0 ] && [ "$approved" = 1 ] && [ "$unhandled" = 0 ]
