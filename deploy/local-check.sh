#!/usr/bin/env bash
# What can be checked of deploy/k8s without a cluster (issue #14): the packaged jar run as the manifests run it.
#
# Renders deploy/k8s (kubectl kustomize when kubectl is there, else the files in kustomization order), takes the
# ConfigMap's data, the migration Job's env and the Deployment's probe paths, and on a fresh MariaDB database:
#   1. a serving pod started BEFORE the Job (migrate-at-start off) must exit non-zero (ops/SchemaCheck);
#   2. the Job (its env: QUARKUS_INIT_AND_EXIT=true, migrations on) meeting a stale Liquibase lock must fail by
#      itself after the lock wait (LOCK_WAIT minutes, default 1 here, 3 in the manifest) naming the holder; after the
#      README's UPDATE releases the lock, the Job must run the migrations and exit 0 by itself;
#   3. a serving pod with the ConfigMap's env must answer 200 on the startupProbe, readinessProbe and livenessProbe
#      paths and /q/metrics, log JSON lines, and exit by itself after SIGTERM.
# Replaced, since there is no cluster: the Secret (DB_URL/DB_USER/DB_PASSWORD of the local MariaDB), the identity
# provider (JWT_PUBLIC_KEY_LOCATION: a throw-away PEM; the ConfigMap's JWKS host does not exist here), the listen
# address (127.0.0.1 instead of the image's 0.0.0.0) and the MariaDB version check (MariaDB reports 5.5.5).
# JAVA_OPTS_APPEND (read by the image's run-java.sh) is given to java as options.
#
#   deploy/local-check.sh      env: JAR, BENCH_DB (rdcoverage_k8s_check), PORT (18030), LOCK_WAIT (1), REBUILD=1
# Last line: local-check: PASS (or the first failure)
set -euo pipefail
. "$(dirname "$0")/../bench/lib.sh"
cd "$BENCH_ROOT"
mkdir -p "$BENCH_OUT"
DB="${BENCH_DB:-rdcoverage_k8s_check}"
RENDERED="$BENCH_OUT/k8s-rendered.yaml"
trap 'stop_service; drop_db "$DB"' EXIT
need_tool curl curl
ensure_mariadb
ensure_jar

if command -v kubectl >/dev/null 2>&1; then
  kubectl kustomize deploy/k8s >"$RENDERED"
  log "rendered by kubectl kustomize: $(grep -c '^kind:' "$RENDERED") objects"
else
  python3 - >"$RENDERED" <<'PY'
import yaml
k = yaml.safe_load(open("deploy/k8s/kustomization.yaml"))
print("\n---\n".join(open("deploy/k8s/" + r).read() for r in k["resources"]))
PY
  log "rendered from the kustomization's resources (no kubectl)"
fi

# env FILE lines KEY=VALUE for: cm (the ConfigMap), job (ConfigMap + the Job container's env), probes (PATH lines)
extract() {
  python3 - "$RENDERED" "$1" <<'PY'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
by = {d["kind"]: d for d in docs}
cm = by["ConfigMap"]["data"]
what = sys.argv[2]
if what == "probes":
    c = by["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    for p in ("startupProbe", "readinessProbe", "livenessProbe"):
        print(p, c[p]["httpGet"]["path"])
else:
    env = dict(cm)
    if what == "job":
        c = by["Job"]["spec"]["template"]["spec"]["containers"][0]
        env.update({e["name"]: e["value"] for e in c.get("env", [])})
    for k, v in env.items():
        print(f"{k}={v}")
PY
}

# launch KIND LOGFILE: starts the jar with the env of KIND (cm or job) and the local replacements.
launch() {
  local kind="$1" logfile="$2" envs=() opts=() line
  while IFS= read -r line; do
    case "$line" in
      JAVA_OPTS_APPEND=*) read -r -a opts <<<"${line#JAVA_OPTS_APPEND=}" ;;
      DB_URL=*|JWT_PUBLIC_KEY_LOCATION=*) ;;
      *) envs+=("$line") ;;
    esac
  done < <(extract "$kind")
  local filtered=() o
  for o in "${opts[@]}"; do
    case "$o" in
      -Dquarkus.http.host=0.0.0.0) ;;
      -Dliquibase.changelogLockWaitTimeInMinutes=*) filtered+=("${LOCK_WAIT_OPT:-$o}") ;;
      *) filtered+=("$o") ;;
    esac
  done
  PORT="$(free_port "${PORT:-18030}")"
  env -i PATH="$PATH" HOME="$HOME" "${envs[@]}" \
      DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" DB_USER=root DB_PASSWORD= \
      JWT_PUBLIC_KEY_LOCATION="$JWT_PUBLIC_KEY_LOCATION" \
      QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false \
      java "${filtered[@]}" -jar "$JAR" >"$logfile" 2>&1 &
  SVC_PID=$!
}

# wait_exit SECONDS: waits for SVC_PID to exit; sets RC to its exit code, or to "running"
wait_exit() {
  local i
  RC=running
  for i in $(seq 1 $(( $1 * 2 ))); do
    if ! kill -0 "$SVC_PID" 2>/dev/null; then
      RC=0; wait "$SVC_PID" || RC=$?; SVC_PID=""; return 0
    fi
    sleep 0.5
  done
}

fail() { echo "local-check: FAIL: $*"; exit 1; }
fresh_db "$DB"

log "1. a serving pod before the migration Job (migrate-at-start off, empty database)"
launch cm "$BENCH_OUT/k8s-pod-before-job.log"
wait_exit 120
[ "$RC" != running ] && [ "$RC" != 0 ] || fail "a pod on an empty database should exit non-zero, got $RC"
echo "pod before the Job: exit $RC ($(grep -o 'The database schema is behind[^"]*\|Schema validation: [^"]*' "$BENCH_OUT/k8s-pod-before-job.log" | head -1 | cut -c1-120))"

log "2a. the migration Job meeting a stale Liquibase lock (a migration killed mid-way), lock wait ${LOCK_WAIT:-1} min"
"${MARIADB[@]}" "$DB" -e "CREATE TABLE DATABASECHANGELOGLOCK (ID INT NOT NULL PRIMARY KEY, LOCKED TINYINT(1) NOT NULL,
  LOCKGRANTED DATETIME NULL, LOCKEDBY VARCHAR(255) NULL);
  INSERT INTO DATABASECHANGELOGLOCK VALUES (1, 1, NOW(), 'rd-coverage-migrate-old (killed)')"
t0="$(now_ns)"
LOCK_WAIT_OPT="-Dliquibase.changelogLockWaitTimeInMinutes=${LOCK_WAIT:-1}"
launch job "$BENCH_OUT/k8s-job-stale-lock.log"
wait_exit 300
[ "$RC" != running ] && [ "$RC" != 0 ] || fail "the Job should fail on a stale lock, got $RC"
echo "Job on a stale lock: exit $RC after $(( ($(now_ns) - t0) / 1000000 )) ms: $(grep -o 'Could not acquire change log lock[^"]*' "$BENCH_OUT/k8s-job-stale-lock.log" | head -1 | sed 's/\\n.*//' | cut -c1-140)"
"${MARIADB[@]}" "$DB" -e "UPDATE DATABASECHANGELOGLOCK SET LOCKED = 0, LOCKGRANTED = NULL, LOCKEDBY = NULL WHERE ID = 1"
echo "released with README's UPDATE; running the Job again"
LOCK_WAIT_OPT=""

log "2. the migration Job"
t0="$(now_ns)"
launch job "$BENCH_OUT/k8s-job.log"
wait_exit 300
[ "$RC" = 0 ] || { tail -20 "$BENCH_OUT/k8s-job.log" >&2; fail "the Job should exit 0, got $RC"; }
CHANGESETS="$("${MARIADB[@]}" -N -e "SELECT COUNT(*) FROM \`$DB\`.DATABASECHANGELOG")"
LOCKED="$("${MARIADB[@]}" -N -e "SELECT LOCKED FROM \`$DB\`.DATABASECHANGELOGLOCK WHERE ID = 1")"
echo "migration Job: exit 0 after $(( ($(now_ns) - t0) / 1000000 )) ms, $CHANGESETS changesets applied, lock LOCKED=$LOCKED"
[ "$LOCKED" = 0 ] || fail "the Job left the Liquibase lock taken"

log "3. a serving pod with the ConfigMap's env"
t0="$(now_ns)"
launch cm "$BENCH_OUT/k8s-pod.log"
BASE="http://127.0.0.1:$PORT"
while IFS=' ' read -r probe path; do
  code=000
  for _ in $(seq 1 240); do
    kill -0 "$SVC_PID" 2>/dev/null || fail "the pod exited during start (bench/out/k8s-pod.log)"
    code="$(curl -s -o /dev/null -w '%{http_code}' -m 2 "$BASE$path" || true)"
    [ "$code" = 200 ] && break
    sleep 0.5
  done
  echo "$probe $path -> $code after $(( ($(now_ns) - t0) / 1000000 )) ms"
  [ "$code" = 200 ] || fail "$probe $path answered $code"
done < <(extract probes)
curl -s -o /dev/null -m 5 "$BASE/api/v1/regions" "${AUTH_ARGS[@]}" -H 'X-Request-Id: local-check-1'
code="$(curl -s -o "$BENCH_OUT/k8s-metrics.txt" -w '%{http_code}' -m 5 "$BASE/q/metrics")"
echo "/q/metrics -> $code, $(grep -c '^http_server_requests_seconds_count' "$BENCH_OUT/k8s-metrics.txt" || true) http_server_requests series"
[ "$code" = 200 ] || fail "/q/metrics answered $code"
python3 - "$BENCH_OUT/k8s-pod.log" <<'PY' || fail "the pod's log is not JSON lines"
import json, sys
lines = [l for l in open(sys.argv[1]) if l.strip()]
objs = [json.loads(l) for l in lines]
tagged = [o for o in objs if (o.get("mdc") or {}).get("requestId") == "local-check-1"]
access = [o for o in objs if "rid=local-check-1" in o.get("message", "")]
print(f"log: {len(objs)} lines, all JSON; request local-check-1: {len(access)} access-log line(s)"
      + (", mdc " + json.dumps(tagged[0]["mdc"]) if tagged else ""))
PY
kill -TERM "$SVC_PID"
t0="$(now_ns)"
wait_exit 130
echo "SIGTERM: exit $RC after $(( ($(now_ns) - t0) / 1000000 )) ms"
[ "$RC" != running ] || fail "the pod did not exit after SIGTERM"
echo "local-check: PASS"
