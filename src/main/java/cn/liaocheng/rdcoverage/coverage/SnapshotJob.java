package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.YearMonth;

/**
 * Takes the monthly snapshot of the previous month (as of its last day) on the cron {@code rd.snapshots.cron}
 * (01:00 on the 1st by default; {@code off} disables it, as in tests). Every instance runs the job; the unique
 * period lets only the first insert through. Each run, and each start, takes every period missed since the latest
 * one taken (a failed run, months while the service was down), each still once across instances.
 */
@ApplicationScoped
public class SnapshotJob {
    @Inject SnapshotService snapshots;
    @Inject Clock clock;

    @Scheduled(identity = "coverage-snapshot", cron = "{rd.snapshots.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            timeZone = "Asia/Shanghai")
    void monthly() {
        snapshots.catchUp();
    }

    @Inject org.eclipse.microprofile.context.ManagedExecutor executor;

    @Inject io.vertx.core.Vertx vertx;

    /**
     * On start, the periods missed while no instance ran (unless the schedule is off, as in tests). Taken on a worker
     * thread {@code rd.snapshots.catch-up-delay} (1 minute) after start-up, not on its path nor beside it: a catch-up runs
     * the first HQL queries and may compute whole coverage reports, and nothing a request needs waits for it (issue #14,
     * start-up of scaled-out pods).
     */
    void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start,
                 cn.liaocheng.rdcoverage.common.RdConfig rd) {
        String cron = rd.snapshots().cron();
        if ("off".equalsIgnoreCase(cron.trim())) {
            return;
        }
        vertx.setTimer(Math.max(1, rd.snapshots().catchUpDelay().toMillis()), id -> executor.runAsync(() -> {
            try {
                snapshots.catchUp();
            } catch (RuntimeException e) {
                org.jboss.logging.Logger.getLogger(SnapshotJob.class).warn("Snapshot catch-up on start failed; the next run retries", e);
            }
        }));
    }
}
