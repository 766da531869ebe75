#!/usr/bin/env bash
# 500 COUNTY_APPROVE transitions in ONE POST /api/v1/applications/transitions on MariaDB (issue 17).
# Runs src/test/java/.../review/BatchApprovalBench.java (not part of the suite) against a fresh database.
# Baseline in the same run: the same N approvals as N single-item requests. Last line: the ratio batch/singles.
# Usage: bench/batch.sh [N]   (default 500); the figures are printed and left in target/batch-bench.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-500}"
DB="${BENCH_DB:-rd_bench_batch}"
mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
# a Quarkus test run: it waits for a slot of the machine-wide semaphore where there is one (2 cores)
QTEST=""; [ -x /work/bin/qtest ] && QTEST=/work/bin/qtest
TEST_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" $QTEST ./mvnw -B -ntp -q verify -Dquarkus.test.profile=test,mariadb \
  -Dtest=BatchApprovalBench -Dbench.items="$N" -Dsurefire.failIfNoSpecifiedTests=false | grep '^batch:' || true
cat target/batch-bench.txt
[ "${KEEP_DB:-0}" = 1 ] || mariadb -h127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $DB"
