package cn.liaocheng.rdcoverage.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;

/**
 * Removes events older than rd.events.retention (default 90 days) and remembers up to which position it did
 * (purged_through): a follower whose cursor lies behind that gets 410 instead of a silent gap.
 */
@ApplicationScoped
public class Retention {
    @Inject AgroalDataSource dataSource;
    @Inject EventsConfig config;
    @Inject Clock clock;

    @Scheduled(identity = "event-retention", cron = "{rd.events.retention-cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Purges by position: everything up to the newest position written before the cut-off. Returns purged_through. */
    public long purge() {
        Instant cutoff = Instant.now(clock).minus(config.retention());
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                long purged;
                try (PreparedStatement ps = c.prepareStatement("select purged_through from event_sequence where id = 1 for update");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    purged = rs.getLong(1);
                }
                long upTo;
                try (PreparedStatement ps = c.prepareStatement(
                        "select max(feed_position) from event_outbox where occurred_at < ? and feed_position is not null")) {
                    UtcTimes.bind(ps, 1, cutoff);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        upTo = rs.getLong(1);
                    }
                }
                if (upTo <= purged) {
                    return purged;
                }
                try (PreparedStatement ps = c.prepareStatement("delete from event_outbox where feed_position <= ?")) {
                    ps.setLong(1, upTo);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update event_sequence set purged_through = ? where id = 1")) {
                    ps.setLong(1, upTo);
                    ps.executeUpdate();
                }
                return upTo;
            }
        });
    }
}
