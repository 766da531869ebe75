package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.YearMonth;

/**
 * Takes the monthly snapshot of the previous month (as of its last day) on the cron {@code rd.snapshots.cron}
 * (01:00 on the 1st by default; {@code off} disables it, as in tests). Every instance runs the job; the unique
 * period lets only the first insert through.
 */
@ApplicationScoped
public class SnapshotJob {
    @Inject
    SnapshotService snapshots;

    @Inject
    Clock clock;

    @Scheduled(identity = "coverage-snapshot", cron = "{rd.snapshots.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            timeZone = "Asia/Shanghai")
    void monthly() {
        snapshots.takeScheduled(YearMonth.now(clock).minusMonths(1));
    }
}
