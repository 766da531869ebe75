package cn.liaocheng.rdcoverage.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Gives committed outbox rows their feed position: the classic outbox trap (an id allocated early, committed late,
 * after a reader has moved past it) cannot happen because positions are handed out only to rows that are already
 * committed, by one sequencer at a time (the row lock on event_sequence, across instances), and the positions of a
 * pass become visible together with the new last_position when the pass commits. A follower reads only positions up
 * to last_position, so it never sees position n+1 before n. See README, "The change feed".
 */
@ApplicationScoped
public class Sequencer {
    @Inject AgroalDataSource dataSource;
    @Inject EventsConfig config;
    @Inject Event<Sequenced> sequenced;
    @Inject Vertx vertx;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /** Fired (synchronously, after the pass committed) when a pass gave positions to some events. */
    public record Sequenced(long lastPosition) {
    }

    private volatile boolean stopping;

    /** Fired by {@link Changes} inside the writing transaction; observed after it committed. */
    public record Recorded() {
    }

    /**
     * A committed change asks for a pass at once (a worker thread of Vert.x, never the committing request); passes
     * asked for while one runs are folded into one more. The scheduled tick is the safety net (and sequences what
     * an instance that stopped right after its commit left behind).
     */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Recorded recorded) {
        nudge();
    }

    /**
     * At shutdown no pass is started any more: a pass that a commit asked for after this would run on a worker
     * thread after the CDI container is gone (an ERROR with a NullPointerException on every rollout). The scheduled
     * tick of the next instance sequences what is left.
     */
    void stopping(@Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    public void nudge() {
        if (stopping) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            vertx.executeBlocking(() -> {
                drain();
                return null;
            }, false);
        }
    }

    private void drain() {
        try {
            while (!stopping && again.getAndSet(false)) {
                tick();
            }
        } finally {
            running.set(false);
        }
        if (again.get() && !stopping) {
            nudge();
        }
    }

    @Scheduled(identity = "event-sequencer", every = "{rd.events.sequence-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        long last = 0;
        long pass;
        do {
            pass = sequenceOnce();
            last = pass == 0 ? last : Math.abs(pass);
        } while (pass < 0);
        if (last > 0) {
            sequenced.fire(new Sequenced(last));
        }
    }

    /** One pass in its own transaction; the new last position, negated when a full batch suggests more is waiting, 0 if none. */
    public long sequenceOnce() {
        int batch = config.sequenceBatch();
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return assign(c, batch);
            }
        });
    }

    /**
     * The pass itself, on a connection inside a transaction the caller commits (the concurrency test runs it on a second
     * pool, as another instance would). Returns the new last position, its negation when the batch was full, or 0.
     */
    public static long assign(Connection c, int batch) throws SQLException {
        long last;
        try (PreparedStatement ps = c.prepareStatement("select last_position from event_sequence where id = 1 for update");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            last = rs.getLong(1);
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from event_outbox where feed_position is null order by id limit ?")) {
            ps.setInt(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("update event_outbox set feed_position = ? where id = ?")) {
            for (long id : ids) {
                ps.setLong(1, ++last);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("update event_sequence set last_position = ? where id = 1")) {
            ps.setLong(1, last);
            ps.executeUpdate();
        }
        return ids.size() == batch ? -last : last;
    }
}
