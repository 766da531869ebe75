#!/usr/bin/env bash
# Start-up of the packaged service against a bare Quarkus application with the same extensions (issue #14).
#
# bench/startup-bare/ is a Quarkus application with the same Quarkus extensions as pom.xml (the script checks the
# two lists are equal) and none of the project's code: one entity, one secured endpoint, the service's production
# settings that shape start-up. Both are started on the same existing MariaDB database (schema already migrated),
# interleaved, RUNS times each (default 5), and measured from launch (just before `java` is exec'd) to the first
# 200 on /q/health/ready (polled every 50 ms), with VmRSS read at that moment. Three variants:
#   bare      the bare app
#   service   the packaged service as the Deployment runs it: QUARKUS_LIQUIBASE_MIGRATE_AT_START=false (the Job migrates)
#   migrate   the packaged service with migrate-at-start on (nothing pending: Liquibase only checks), as before #14
#   base      a baseline build of the service (BASE_JAR, e.g. main's target/quarkus-app copied elsewhere) started like
#             service: before and after a change, interleaved in one run
# Medians are printed with the ratios service/bare and migrate/bare. Goal (issue #14): <= 1.3 on both.
#
#   bench/startup.sh          env: RUNS (5), BENCH_DB (rdcoverage_startup), JAVA_OPTS, EXTRA_JAVA_OPTS (given to
#                             every start), JAR and BARE_JAR (other builds), REBUILD=1 (rebuild both), WAIT_QUIET=1,
#                             VARIANTS ("bare service migrate"; bare must be among them; "base" needs BASE_JAR),
#                             READY_MAX (300 s)
# Each start also records the CPU seconds (user + system) the JVM had used when it answered ready: on a shared,
# loaded machine they move much less than the wall-clock time and show what a change saves.
# AppCDS: build both with -Dquarkus.package.jar.appcds.enabled=true (an app-cds.jsa beside quarkus-run.jar is used):
#   ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
#   ./mvnw -B -q -f bench/startup-bare/pom.xml package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
# Last line: startup: ready service S s / bare B s = R, rss service M MB / bare N MB = Q, cpu service C s / bare D s = P
# (median of RUNS)
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
cd "$BENCH_ROOT"
mkdir -p "$BENCH_OUT"
RUNS="${RUNS:-5}"
DB="${BENCH_DB:-rdcoverage_startup}"
BARE_DIR="$BENCH_ROOT/bench/startup-bare"
BARE_JAR="${BARE_JAR:-$BARE_DIR/target/quarkus-app/quarkus-run.jar}"
RESULTS="$BENCH_OUT/startup.tsv"
trap 'stop_service; drop_db "$DB"' EXIT

need_tool curl curl
ensure_mariadb
ensure_jar

ext() { grep -o '<artifactId>quarkus-[a-z0-9-]*</artifactId>' "$1" | grep -v 'quarkus-maven-plugin\|quarkus-bom\|quarkus-junit' | sort; }
if ! diff <(ext pom.xml) <(ext "$BARE_DIR/pom.xml") >&2; then
  die "bench/startup-bare/pom.xml does not have the same Quarkus extensions as pom.xml (diff above)"
fi
if [ ! -f "$BARE_JAR" ] || { [ -n "${REBUILD:-}" ] && [ "$BARE_JAR" = "$BARE_DIR/target/quarkus-app/quarkus-run.jar" ]; }; then
  log "building the bare app (bench/startup-bare)"
  ./mvnw -B -q -f "$BARE_DIR/pom.xml" package -DskipTests >&2
fi

# The existing database: the service migrates it once (and is stopped) before the measurements.
fresh_db "$DB"
PORT="$(free_port "${PORT:-18014}")"
start_service "$DB" "$PORT" "$BENCH_OUT/startup-migrate-once.log"
stop_service

# CPU seconds (user + system, all threads) that process PID has used so far, from /proc/PID/stat.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat"; }

# one VARIANT RUN: starts it, waits for ready, prints "VARIANT RUN SECONDS RSS_KB CPU_S", stops it.
one() {
  local variant="$1" run="$2" jar="$JAR" extra=() port logfile t0 t1 rss cpu code
  case "$variant" in
    bare) jar="$BARE_JAR" ;;
    service) extra=(QUARKUS_LIQUIBASE_MIGRATE_AT_START=false) ;;
    migrate) extra=(QUARKUS_LIQUIBASE_MIGRATE_AT_START=true) ;;
    base) jar="${BASE_JAR:?the base variant needs BASE_JAR}"; extra=(QUARKUS_LIQUIBASE_MIGRATE_AT_START=false) ;;
  esac
  # A jar built with -Dquarkus.package.jar.appcds.enabled=true has its AppCDS archive beside it: use it.
  # The archive records the class path as it was built (quarkus-run.jar, relative): start from the jar's directory.
  local cds=()
  [ -f "$(dirname "$jar")/app-cds.jsa" ] && cds=("-XX:SharedArchiveFile=app-cds.jsa" "-Xshare:on")
  port="$(free_port "$PORT")"
  logfile="$BENCH_OUT/startup-$variant-$run.log"
  t0="$(now_ns)"
  # shellcheck disable=SC2086
  (cd "$(dirname "$jar")" && exec env DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" DB_USER=root DB_PASSWORD= \
      QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 \
      QUARKUS_HIBERNATE_ORM_DATABASE_VERSION_CHECK_ENABLED=false "${extra[@]}" \
      java $JAVA_OPTS ${EXTRA_JAVA_OPTS:-} "${cds[@]}" -jar quarkus-run.jar) >"$logfile" 2>&1 &
  SVC_PID=$!
  while :; do
    kill -0 "$SVC_PID" 2>/dev/null || { tail -20 "$logfile" >&2; die "$variant exited during start ($logfile)"; }
    code="$(curl -s -o /dev/null -w '%{http_code}' -m 1 "http://127.0.0.1:$port/q/health/ready" 2>/dev/null || true)"
    if [ "$code" = 200 ]; then
      t1="$(now_ns)"
      rss="$(kib_of "$SVC_PID" VmRSS)"
      cpu="$(cpu_of "$SVC_PID")"
      break
    fi
    [ $(( ($(now_ns) - t0) / 1000000000 )) -lt "${READY_MAX:-300}" ] || die "$variant not ready after ${READY_MAX:-300} s ($logfile)"
    sleep 0.05
  done
  stop_service
  awk -v v="$variant" -v r="$run" -v ns=$((t1 - t0)) -v kb="$rss" -v cpu="$cpu" \
    'BEGIN { printf "%s\t%d\t%.2f\t%d\t%s\n", v, r, ns / 1e9, kb, cpu }'
}

quiet_check
VARIANTS="${VARIANTS:-bare service migrate}"
printf 'variant\trun\tready_s\trss_kib\tcpu_s\n' >"$RESULTS"
for run in $(seq 1 "$RUNS"); do
  for variant in $VARIANTS; do
    line="$(one "$variant" "$run")"
    log "$(echo "$line" | awk -F'\t' '{printf "%-8s run %d: ready %s s, rss %d MB, cpu %s s", $1, $2, $3, $4 / 1024, $5}')"
    echo "$line" >>"$RESULTS"
  done
done

median() { # VARIANT COLUMN
  awk -F'\t' -v v="$1" -v c="$2" '$1 == v { print $c }' "$RESULTS" | sort -n \
    | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
for v in $VARIANTS; do
  echo "$v: ready median $(median "$v" 3) s, rss median $(( $(median "$v" 4 | cut -d. -f1) / 1024 )) MB, cpu median $(median "$v" 5) s (runs: $(awk -F'\t' -v v="$v" '$1 == v { printf "%s ", $3 }' "$RESULTS"))"
done
# On a shared machine the load moves between runs: the ratio of each run's pair (service and bare started one after
# the other) is steadier than the ratio of medians; both are printed.
pair_ratio() { # VARIANT COLUMN: median over runs of VARIANT/bare
  awk -F'\t' -v v="$1" -v c="$2" '$1 == "bare" { b[$2] = $c } $1 == v { x[$2] = $c }
    END { for (r in x) if (b[r] > 0) print x[r] / b[r] }' "$RESULTS" | sort -n \
    | awk '{ a[NR] = $1 } END { printf "%.2f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
ratios="per-run ratios to bare (median): service ready $(pair_ratio service 3) rss $(pair_ratio service 4) cpu $(pair_ratio service 5)"
case " $VARIANTS " in
  *" migrate "*) ratios="$ratios; migrate ready $(pair_ratio migrate 3) rss $(pair_ratio migrate 4) cpu $(pair_ratio migrate 5)" ;;
esac
case " $VARIANTS " in
  *" base "*) ratios="$ratios; base ready $(pair_ratio base 3) rss $(pair_ratio base 4) cpu $(pair_ratio base 5)" ;;
esac
echo "$ratios"
awk -v sb="$(median bare 3)" -v ss="$(median service 3)" -v sm="$(median migrate 3)" \
    -v rb="$(median bare 4)" -v rs="$(median service 4)" -v rm="$(median migrate 4)" -v n="$RUNS" \
    -v cb="$(median bare 5)" -v cs="$(median service 5)" 'BEGIN {
  if (sm > 0) printf "migrate-at-start: ready %.2f s = %.2f x bare, rss %.0f MB = %.2f x bare\n", sm, sm / sb, rm / 1024, rm / rb
  printf "startup: ready service %.2f s / bare %.2f s = %.2f, rss service %.0f MB / bare %.0f MB = %.2f, cpu service %.2f s / bare %.2f s = %.2f (median of %d)\n",
         ss, sb, ss / sb, rs / 1024, rb / 1024, rs / rb, cs, cb, cs / cb, n }'
