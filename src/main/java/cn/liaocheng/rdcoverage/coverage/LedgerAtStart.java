package cn.liaocheng.rdcoverage.coverage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The start-up fill of the maintained coverage tables, when one is empty although its sources are not: coverage_segment
 * while above-size figures exist (the first start after changeset 020 on existing data) is filled from scratch with
 * {@link LedgerChecker#check(boolean)} (which also computes the institutions' rows); else institution_coverage while
 * covered segments exist, from the segments ({@link LedgerChecker#fillInstitutions()}).
 * <p>Whether a fill is needed is asked during the start with four one-row queries on a plain connection (no Hibernate
 * session on the start-up path, issue #14). The fill itself, minutes on a city's data, runs on a worker thread after the
 * start, and meanwhile this readiness check ({@code coverage-ledger} in {@code /q/health/ready}) reports DOWN: the
 * reports read these tables, so the pod gets no traffic until they are whole, while liveness stays UP. A fill that
 * fails ends the process with exit code 1, as a failed start did, so that the next start tries again.
 */
@Readiness
@ApplicationScoped
public class LedgerAtStart implements HealthCheck {
    /** Which table a start has to fill. */
    enum Fill { NONE, SEGMENTS, INSTITUTIONS }

    @Inject AgroalDataSource dataSource;
    @Inject LedgerChecker checker;
    @Inject ManagedExecutor executor;

    /** The fill this start runs, while it runs; NONE before and after. */
    private volatile Fill running = Fill.NONE;

    void fillAtStart(@Observes StartupEvent start) throws SQLException {
        Fill fill = needed();
        if (fill != Fill.NONE) {
            running = fill;
            executor.runAsync(() -> fillOrExit(fill));
        }
    }

    @Override
    public HealthCheckResponse call() {
        Fill fill = running;
        return HealthCheckResponse.named("coverage-ledger").status(fill == Fill.NONE)
                .withData("filling", fill == Fill.NONE ? "none" : fill == Fill.SEGMENTS ? "coverage_segment" : "institution_coverage")
                .build();
    }

    /** The fill the tables need now (the same questions as at start-up). */
    Fill needed() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, "select 1 from coverage_segment limit 1")
                    && exists(c, "select 1 from enterprise_figures where above_designated_size = true limit 1")) {
                return Fill.SEGMENTS;
            }
            if (!exists(c, "select 1 from institution_coverage limit 1")
                    && exists(c, "select 1 from coverage_segment where covered = true limit 1")) {
                return Fill.INSTITUTIONS;
            }
            return Fill.NONE;
        }
    }

    /** Runs a fill and reports ready after it; a failure is logged and ends the process (exit code 1). */
    void fillOrExit(Fill fill) {
        try {
            fill(fill);
            running = Fill.NONE;
        } catch (RuntimeException e) {
            Log.error("The start-up fill of the coverage ledger failed; exiting so that the next start tries again", e);
            Quarkus.asyncExit(1);
        }
    }

    /** The fill itself, on the calling thread, logged as it was at start-up. */
    void fill(Fill fill) {
        long started = System.nanoTime();
        if (fill == Fill.SEGMENTS) {
            Log.info("coverage_segment is empty but above-size figures exist: filling it from scratch");
            LedgerCheck r = checker.check(true);
            Log.infof("coverage_segment filled: %d rows for %d enterprises in %d ms", r.rowsExpected(), r.enterprisesChecked(),
                    r.elapsedMillis());
        } else if (fill == Fill.INSTITUTIONS) {
            Log.info("institution_coverage is empty but covered segments exist: filling it from scratch");
            long n = checker.fillInstitutions();
            Log.infof("institution_coverage filled for %d institutions in %d ms", n, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }
}
