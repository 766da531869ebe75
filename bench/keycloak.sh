#!/usr/bin/env bash
# End-to-end with a real Keycloak (issue #14): downloads org.keycloak:keycloak-quarkus-dist through Maven, starts it
# on a loopback port (dev mode, its own file database) importing deploy/keycloak/realm-rd-coverage.json, starts the
# packaged service pointed at the realm's JWKS URL and issuer, obtains tokens by password grant and shows the scope
# rules: a county officer sees its region only, an enterprise its own code, a county officer without a regionCode
# attribute gets 403 naming the claim. Not part of .ci/run (a few minutes).
#
#   bench/keycloak.sh     env: KC_VERSION (26.5.6), KC_PORT (18114), PORT (18014), KC_JAVA_HOME (a JDK 21+),
#                              BENCH_DB (rdcoverage_keycloak), REBUILD=1
set -euo pipefail
TOKEN=unused # the service verifies Keycloak's tokens here, no throw-away key
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
KC_VERSION="${KC_VERSION:-26.5.6}"
KC_DIR="$BENCH_OUT/keycloak-$KC_VERSION"
KC_LOG="$BENCH_OUT/keycloak.log"
SVC_LOG="$BENCH_OUT/keycloak-service.log"
DB="${BENCH_DB:-rdcoverage_keycloak}"
KC_PID=""
cleanup() {
  stop_service
  if [ -n "$KC_PID" ] && kill -0 "$KC_PID" 2>/dev/null; then
    kill "$KC_PID"; for _ in $(seq 1 40); do kill -0 "$KC_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$KC_PID" 2>/dev/null || true
  fi
  drop_db "$DB"
}
trap cleanup EXIT
need_tool curl curl
need_tool unzip unzip
ensure_mariadb
ensure_jar
mkdir -p "$BENCH_OUT"

# Keycloak 26 needs Java 21 or newer.
if [ -z "${KC_JAVA_HOME:-}" ]; then
  for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*21* /usr/lib/jvm/*25*; do
    [ -x "$j/bin/java" ] && { KC_JAVA_HOME="$j"; break; }
  done
fi
[ -x "${KC_JAVA_HOME:-}/bin/java" ] || die "no JDK 21+ found; set KC_JAVA_HOME"
if [ ! -x "$KC_DIR/bin/kc.sh" ]; then
  log "downloading org.keycloak:keycloak-quarkus-dist:$KC_VERSION through Maven"
  ./mvnw -B -ntp -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" \
      -DoutputDirectory="$BENCH_OUT" >&2
  (cd "$BENCH_OUT" && unzip -q -o "keycloak-quarkus-dist-$KC_VERSION.zip")
fi
# Keycloak's dev-mode database is dropped so the realm file is imported afresh (--import-realm skips a realm
# that exists already).
rm -rf "$KC_DIR/data/h2"
mkdir -p "$KC_DIR/data/import"
# The shipped realm has no users and no password grant (README.md, Keycloak); this local check adds its demo
# users (deploy/keycloak/demo-users.json) and the password grant to a copy.
python3 - deploy/keycloak/realm-rd-coverage.json deploy/keycloak/demo-users.json "$KC_DIR/data/import/realm-rd-coverage.json" <<'PY'
import json, sys
realm = json.load(open(sys.argv[1], encoding="utf-8"))
realm["users"] = json.load(open(sys.argv[2], encoding="utf-8"))["users"]
for client in realm["clients"]:
    if client["clientId"] == "rd-coverage":
        client["directAccessGrantsEnabled"] = True
json.dump(realm, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
PY

KC_PORT="$(free_port "${KC_PORT:-18114}")"
log "starting Keycloak $KC_VERSION on 127.0.0.1:$KC_PORT (JDK $KC_JAVA_HOME)"
JAVA_HOME="$KC_JAVA_HOME" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="adm-$$" \
  "$KC_DIR/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" --import-realm \
  --http-management-port="$((KC_PORT + 1))" >"$KC_LOG" 2>&1 &
KC_PID=$!
REALM="http://127.0.0.1:$KC_PORT/realms/rd-coverage"
t0=$(date +%s)
for _ in $(seq 1 360); do
  kill -0 "$KC_PID" 2>/dev/null || { tail -30 "$KC_LOG" >&2; die "Keycloak exited"; }
  curl -sf -m 2 "$REALM/.well-known/openid-configuration" >/dev/null 2>&1 && break
  sleep 1
done
curl -sf -m 2 "$REALM/.well-known/openid-configuration" >/dev/null || die "Keycloak not up after 360 s"
log "Keycloak up after $(( $(date +%s) - t0 )) s; realm imported: $(grep -c 'Realm .rd-coverage. imported' "$KC_LOG" || true)"

fresh_db "$DB"
PORT="$(free_port "${PORT:-18014}")"
start_service "$DB" "$PORT" "$SVC_LOG" JWT_PUBLIC_KEY_LOCATION="$REALM/protocol/openid-connect/certs" \
    JWT_ISSUER="$REALM" JWT_AUDIENCE=rd-coverage
API="http://127.0.0.1:$PORT/api/v1"

token() { # USERNAME: an access token by password grant
  curl -sf -m 30 "$REALM/protocol/openid-connect/token" -d grant_type=password -d client_id=rd-coverage \
       -d username="$1" -d password="change-me-$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
claims() { # TOKEN: the claims that matter here
  python3 - "$1" <<'PY'
import base64, json, sys
p = sys.argv[1].split(".")[1]; c = json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
print(json.dumps({k: c.get(k) for k in ("iss", "aud", "azp", "preferred_username", "realm_access", "regionCode", "creditCode")}, ensure_ascii=False))
PY
}
call() { # LABEL TOKEN METHOD PATH [BODY]
  local body=()
  [ -n "${5:-}" ] && body=(-H 'Content-Type: application/json' -d "$5")
  local out code
  out="$(curl -s -m 30 -w '\n%{http_code}' -X "$3" "$API$4" -H "Authorization: Bearer $2" "${body[@]}")"
  code="${out##*$'\n'}"
  out="${out%$'\n'*}"
  case "$out" in
    '{"items":'*) # a page: how many items, and which credit codes and regions they are
      out="$(python3 -c 'import json,sys; p = json.loads(sys.argv[1]); i = p["items"]
print("%d items: %s" % (len(i), ", ".join(e["creditCode"] + "@" + e["regionCode"] for e in i)))' "$out")" ;;
  esac
  echo "$1: $3 $4 -> $code $out" | cut -c1-400
}
read -r OWN SAME_REGION OTHER_REGION <<<"$(python3 - <<'PY'
A = "0123456789ABCDEFGHJKLMNPQRTUWXY"; W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
def code(f):
    c = 31 - sum(A.index(x) * w for x, w in zip(f, W)) % 31
    return f + A[0 if c == 31 else c]
print(code("91371502MA0000001"), code("91371502MA0000002"), code("91371521MA0000003"))
PY
)"
CITY="$(token city.officer)"; COUNTY="$(token county.officer)"; ENT="$(token enterprise.user)"; NOREGION="$(token county.noregion)"
echo "county.officer token claims: $(claims "$COUNTY")"
echo "enterprise.user token claims: $(claims "$ENT")"
for c in "$OWN:371502" "$SAME_REGION:371502" "$OTHER_REGION:371521"; do
  call "city.officer registers" "$CITY" POST /enterprises \
    "{\"creditCode\":\"${c%%:*}\",\"name\":\"企业${c:14:4}\",\"regionCode\":\"${c##*:}\",\"figures\":[{\"year\":2024,\"employees\":40,\"revenue\":25000000}]}" \
    | cut -c1-120
done
call "county.officer (371502) lists" "$COUNTY" GET "/enterprises?size=50"
call "county.officer reads another region's enterprise" "$COUNTY" GET "/enterprises/$OTHER_REGION"
call "enterprise.user ($OWN) lists" "$ENT" GET "/enterprises?size=50"
call "enterprise.user reads its own" "$ENT" GET "/enterprises/$OWN"
call "enterprise.user reads another" "$ENT" GET "/enterprises/$SAME_REGION"
call "county.noregion (no regionCode attribute) lists" "$NOREGION" GET "/enterprises"
call "no token" "" GET "/enterprises"
