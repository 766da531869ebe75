# Shared helpers for the benchmark scripts in bench/. Sourced, not run.
# Everything talks to 127.0.0.1 only: the local MariaDB on 3306 (DB_PORT: another one, e.g. a private instance) and the
# packaged service on a free port.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_OUT="$BENCH_ROOT/bench/out"
JAR="${JAR:-$BENCH_ROOT/target/quarkus-app/quarkus-run.jar}"
# The Deployment gives the container 1 GiB with MaxRAMPercentage=75 (deploy/k8s); the same heap bound here.
JAVA_OPTS="${JAVA_OPTS:--Xmx768m -XX:+ExitOnOutOfMemoryError}"
DB_PORT="${DB_PORT:-3306}"
MARIADB=(mariadb -h127.0.0.1 -P"$DB_PORT" -uroot)
SVC_PID=""
SVC_PORT=""
_APT_UPDATED=""

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# need_tool COMMAND DEBIAN_PACKAGE: installs the package when the command is missing.
need_tool() {
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2 (for $1)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ -z "$_APT_UPDATED" ]; then
    $sudo apt-get update -qq >&2
    _APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >&2
  command -v "$1" >/dev/null 2>&1 || die "$1 still missing after installing $2"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port START: the first port from START on that nothing listens on.
free_port() {
  local p="$1"
  while port_open "$p"; do p=$((p + 1)); done
  echo "$p"
}

ensure_mariadb() {
  need_tool mariadb mariadb-client
  if ! port_open "$DB_PORT"; then
    need_tool mariadbd mariadb-server
    log "MariaDB is down; starting it"
    start-stop-daemon --start --oknodo --background --exec "$(command -v mariadbd)"
    local i
    for i in $(seq 1 60); do port_open "$DB_PORT" && break; sleep 1; done
    port_open "$DB_PORT" || die "MariaDB did not come up on 127.0.0.1:$DB_PORT"
  fi
}

# fresh_db NAME: drops and creates a database with the collation CI uses.
fresh_db() {
  "${MARIADB[@]}" -e "DROP DATABASE IF EXISTS \`$1\`; CREATE DATABASE \`$1\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
}

drop_db() {
  "${MARIADB[@]}" -e "DROP DATABASE IF EXISTS \`$1\`" 2>/dev/null || true
}

ensure_jar() {
  need_tool java openjdk-17-jdk-headless
  if [ ! -f "$JAR" ] || [ -n "${REBUILD:-}" ]; then
    log "building the packaged service (./mvnw -B -q package -DskipTests)"
    (cd "$BENCH_ROOT" && ./mvnw -B -q package -DskipTests) >&2
  fi
  [ -f "$JAR" ] || die "no $JAR after the build"
}

# start_service DB PORT LOGFILE [extra env assignments...]: starts the packaged service on MariaDB database DB,
# listening on 127.0.0.1:PORT, and waits (at most READY_WAIT seconds, default 120) for /q/health/ready. Sets SVC_PID and
# SVC_PORT.
start_service() {
  local db="$1" port="$2" logfile="$3"
  shift 3
  log "starting the service on 127.0.0.1:$port (database $db, JAVA_OPTS=$JAVA_OPTS)"
  # MariaDB announces itself to the MySQL connector as 5.5.5: the Hibernate version check is switched off at
  # run time (without it the service exits at start with "database version of at least '8.0.0'").
  # shellcheck disable=SC2086
  env DB_URL="jdbc:mysql://127.0.0.1:$DB_PORT/$db" DB_USER=root DB_PASSWORD= \
      QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
      QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false \
      RD_RATE_LIMIT_IMPORTS_PER_MINUTE=0 RD_RATE_LIMIT_ASSESSMENTS_PER_MINUTE=0 "$@" \
      java $JAVA_OPTS -jar "$JAR" >"$logfile" 2>&1 &
  SVC_PID=$!
  SVC_PORT="$port"
  local i
  for i in $(seq 1 $(( ${READY_WAIT:-120} * 2 ))); do
    kill -0 "$SVC_PID" 2>/dev/null || { tail -20 "$logfile" >&2; die "the service exited during start (log: $logfile)"; }
    # Ready only once this process says it listens on the port: on a shared machine another process may hold it.
    if grep -q "Listening on: http://127.0.0.1:$port" "$logfile" \
       && curl -sf -m 2 "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then
      log "service ready (pid $SVC_PID)"
      return 0
    fi
    sleep 0.5
  done
  die "the service was not ready after ${READY_WAIT:-120} s (log: $logfile)"
}

stop_service() {
  if [ -n "$SVC_PID" ] && kill -0 "$SVC_PID" 2>/dev/null; then
    kill "$SVC_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 30); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SVC_PID" 2>/dev/null && kill -9 "$SVC_PID" 2>/dev/null || true
    wait "$SVC_PID" 2>/dev/null || true
  fi
  SVC_PID=""
}

# Bearer token for /api/v1 calls (health endpoints need none). The packaged service verifies tokens with the key
# at JWT_PUBLIC_KEY_LOCATION: unless TOKEN is given, a throw-away key pair is made and a CITY_OFFICER token minted.
. "$(dirname "${BASH_SOURCE[0]}")/jwt.sh"
if [ -z "${TOKEN:-}" ]; then
  jwt_keys "${BENCH_OUT:-/tmp}/jwt"
  TOKEN="$(jwt_mint CITY_OFFICER)"
fi
AUTH_ARGS=(-H "Authorization: Bearer $TOKEN")

now_ns() { date +%s%N; }

# kib_of PID FIELD: a field of /proc/PID/status in KiB (VmRSS, VmHWM).
kib_of() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/status" 2>/dev/null || true; }

# busy_pct: how busy all CPUs were over the next second, in percent (other users of this shared machine).
busy_pct() {
  local a b
  a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
  awk -v u="$(( (b[1]+b[2]+b[3]+b[6]+b[7]+b[8]) - (a[1]+a[2]+a[3]+a[6]+a[7]+a[8]) ))" \
      -v i="$(( (b[4]+b[5]) - (a[4]+a[5]) ))" 'BEGIN { printf "%.0f", (u + i) ? 100 * u / (u + i) : 0 }'
}

# quiet_check: logs how busy the machine is before a measurement; with WAIT_QUIET=1 waits (at most
# QUIET_MAX_WAIT s, default 300) until it is below 25 %, since the machine is shared.
quiet_check() {
  local busy waited=0
  busy="$(busy_pct)"
  if [ -n "${WAIT_QUIET:-}" ]; then
    while [ "$busy" -ge 25 ] && [ "$waited" -lt "${QUIET_MAX_WAIT:-300}" ]; do
      sleep 4; waited=$((waited + 5)); busy="$(busy_pct)"
    done
  fi
  log "machine busy ${busy}% before the measurement (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  BUSY_BEFORE="$busy"
}

# cpu_ticks PID: user+system CPU of a process in clock ticks (1/100 s); jit_ticks PID: of its JIT compiler threads.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
jit_ticks() {
  local t s=0 v
  for t in /proc/"$1"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) v=$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0); s=$((s + v)) ;;
    esac
  done
  echo "$s"
}
mariadbd_pid() { pgrep -o -x mariadbd || pgrep -o -x mysqld || true; }
