package cn.liaocheng.rdcoverage.common;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database cannot be reached (issue 12, item 4): the request is answered 503 with Retry-After instead of a 500,
 * and the outage is logged once, when it starts, not once per request: a failure is logged only after
 * {@link #QUIET_MILLIS} without one. Readiness reports the database DOWN meanwhile (Agroal's health check), and the
 * pool reconnects by itself when the server is back.
 */
public final class DatabaseOutage {
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    /** Seconds a client should wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** An outage is over when no request has failed for this long; the next failure is logged as a new one. */
    static final long QUIET_MILLIS = 60_000;
    private static final AtomicLong LAST_FAILURE = new AtomicLong();

    private DatabaseOutage() {
    }

    /** Whether {@code e} (or a cause) says the database is unreachable rather than that a statement failed. */
    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    // Agroal: "Acquisition timeout while waiting for new connection" (a database that hangs, not refuses)
                    || String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout"))) {
                return true;
            }
            if (t.getClass().getName().endsWith("CommunicationsException")) {
                return true;
            }
        }
        return false;
    }

    /** The 503 answer; the first failure after a quiet minute is logged (with its cause), the others are not. */
    public static Response unavailable(Throwable e) {
        long now = System.currentTimeMillis();
        long last = LAST_FAILURE.getAndSet(now);
        if (now - last > QUIET_MILLIS) {
            LOG.errorf("Database unreachable; answering 503 until it is back (logged once per outage): %s", rootMessage(e));
        }
        return Response.fromResponse(Problems.response(503, "database-unavailable", "Service unavailable",
                        "The database cannot be reached at the moment; retry after " + RETRY_AFTER_SECONDS + " seconds"))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
