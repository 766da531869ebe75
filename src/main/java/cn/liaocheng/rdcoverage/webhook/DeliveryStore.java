package cn.liaocheng.rdcoverage.webhook;

import cn.liaocheng.rdcoverage.events.EventFeed;
import cn.liaocheng.rdcoverage.events.FeedEvent;
import cn.liaocheng.rdcoverage.events.FeedMark;
import cn.liaocheng.rdcoverage.events.UtcTimes;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The SQL of webhook delivery, on a connection inside a transaction the caller commits: claiming due subscriptions
 * under a lease, reading a subscription's next event, logging an attempt and moving the subscription's cursor, retry
 * schedule and lease. The {@link Dispatcher} decides when each runs; the two-instance test runs them on a second pool
 * with another lease owner.
 */
final class DeliveryStore {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private DeliveryStore() {
    }

    /**
     * Up to {@code limit} due subscriptions no other instance holds (a live lease, or a row lock right now: SKIP
     * LOCKED) are stamped with {@code owner}'s lease until {@code now + lease}. A subscription whose cursor is behind
     * the purged part of the feed is disabled instead of claimed.
     */
    static List<Dispatcher.Claim> claim(Connection c, String owner, Instant now, Duration lease, int limit,
            SecretBox box) throws SQLException {
        FeedMark mark = FeedMark.read(c);
        List<String> ids = dueSubscriptions(c, now, mark.last(), limit);
        List<Dispatcher.Claim> claims = new ArrayList<>();
        for (String id : ids) {
            renewLease(c, id, owner, now.plus(lease));
            Dispatcher.Claim claim = readClaim(c, id, box);
            if (claim.deliveredThrough() < mark.purgedThrough()) {
                disable(c, id, "events after cursor " + claim.deliveredThrough() + " passed the retention period before "
                        + "they could be delivered; re-sync from the lists and redeliver after " + mark.purgedThrough());
            } else {
                claims.add(claim);
            }
        }
        return claims;
    }

    /** Enabled subscriptions due by {@code now}, with no live lease and events up to {@code last} still to deliver. */
    private static List<String> dueSubscriptions(Connection c, Instant now, long last, int limit) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from webhook_subscription where enabled = true and next_attempt_at <= ? "
                + "and (lease_until is null or lease_until < ?) and delivered_through < ? order by next_attempt_at limit ? "
                + "for update skip locked")) {
            UtcTimes.bind(ps, 1, now);
            UtcTimes.bind(ps, 2, now);
            ps.setLong(3, last);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static void renewLease(Connection c, String id, String owner, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set lease_owner = ?, lease_until = ? where id = ?")) {
            ps.setString(1, owner);
            UtcTimes.bind(ps, 2, until);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** The subscription as claimed, its signing secret opened (or the reason it cannot be). */
    private static Dispatcher.Claim readClaim(Connection c, String id, SecretBox box) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id, url, types, secret, delivered_through, failures, failing_since, "
                + "secret_key_id, secret_ciphertext from webhook_subscription where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String types = rs.getString(3);
                String secret = null;
                String secretProblem = null;
                try {
                    secret = box.secretOf(id, rs.getString(8), rs.getString(9), rs.getString(4));
                } catch (SecretBox.Unreadable e) {
                    secretProblem = e.getMessage();
                }
                return new Dispatcher.Claim(rs.getString(1), rs.getString(2), types == null ? List.of() : Arrays.asList(types.split(",")),
                        secret, secretProblem, rs.getLong(5), rs.getInt(6), UtcTimes.instant(rs, 7));
            }
        }
    }

    /** Null when the rest of the feed holds nothing for the subscription (its cursor then moves to the end). */
    static FeedEvent nextEvent(Connection c, String owner, Dispatcher.Claim claim, ObjectMapper json) throws SQLException {
        long last = FeedMark.read(c).last();
        StringBuilder sql = new StringBuilder("select " + EventFeed.COLUMNS + " from event_outbox where feed_position > ? and feed_position <= ?");
        if (!claim.types().isEmpty()) {
            sql.append(" and type in (").append(String.join(", ", claim.types().stream().map(t -> "?").toList())).append(")");
        }
        sql.append(" order by feed_position limit 1");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, claim.deliveredThrough());
            ps.setLong(2, last);
            for (int i = 0; i < claim.types().size(); i++) {
                ps.setString(3 + i, claim.types().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return EventFeed.event(rs, json);
                }
            }
        }
        moveToEnd(c, owner, claim, last);
        return null;
    }

    /** Nothing more for the subscription: its cursor moves to the end of the feed and the claim is released. */
    private static void moveToEnd(Connection c, String owner, Dispatcher.Claim claim, long last) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set delivered_through = "
                + "case when delivered_through < ? then ? else delivered_through end, lease_owner = null, lease_until = null "
                + "where id = ? and lease_owner = ?")) {
            ps.setLong(1, last);
            ps.setLong(2, last);
            ps.setString(3, claim.id());
            ps.setString(4, owner);
            ps.executeUpdate();
        }
    }

    /**
     * Logs one attempt and moves the subscription on: after a success the cursor moves to the event and the lease is
     * renewed (true: go on with the next event); after a failure the retry is scheduled (or the subscription
     * disabled) and the lease released (false). Only while {@code owner} still holds the lease does the cursor move.
     */
    static boolean record(Connection c, String owner, WebhookConfig config, Dispatcher.Claim claim, FeedEvent event,
            Integer status, long latency, String error, Instant now) throws SQLException {
        logAttempt(c, claim, event, status, latency, error, now);
        if (error == null) {
            return delivered(c, owner, config, claim, event, now);
        }
        scheduleRetry(c, owner, config, claim, event, error, now);
        return false;
    }

    /** One row of webhook_delivery; the error is cut to 1,000 characters. */
    private static void logAttempt(Connection c, Dispatcher.Claim claim, FeedEvent event, Integer status, long latency,
            String error, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into webhook_delivery (subscription_id, event_position, event_id, "
                + "event_type, attempt, attempted_at, status_code, latency_ms, succeeded, error) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, claim.id());
            ps.setLong(2, Long.parseLong(event.cursor()));
            ps.setString(3, event.id());
            ps.setString(4, event.type());
            ps.setInt(5, claim.failures() + 1);
            UtcTimes.bind(ps, 6, now);
            if (status == null) {
                ps.setNull(7, java.sql.Types.INTEGER);
            } else {
                ps.setInt(7, status);
            }
            ps.setLong(8, latency);
            ps.setBoolean(9, error == null);
            ps.setString(10, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.executeUpdate();
        }
    }

    /** Moves the cursor to the event, clears the failures and renews the lease; false when the lease was lost. */
    private static boolean delivered(Connection c, String owner, WebhookConfig config, Dispatcher.Claim claim,
            FeedEvent event, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set delivered_through = ?, failures = 0, "
                + "failing_since = null, next_attempt_at = ?, lease_until = ? where id = ? and lease_owner = ?")) {
            ps.setLong(1, Long.parseLong(event.cursor()));
            UtcTimes.bind(ps, 2, now);
            UtcTimes.bind(ps, 3, now.plus(config.lease()));
            ps.setString(4, claim.id());
            ps.setString(5, owner);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Counts the failure, schedules the next attempt after the backoff and releases the lease; disables the
     * subscription after max-failures in a row or when the event has failed for the whole retry window.
     */
    private static void scheduleRetry(Connection c, String owner, WebhookConfig config, Dispatcher.Claim claim,
            FeedEvent event, String error, Instant now) throws SQLException {
        int failures = claim.failures() + 1;
        Instant since = claim.failingSince() == null ? now : claim.failingSince();
        Duration backoff = backoff(config, failures);
        try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set failures = ?, failing_since = ?, "
                + "next_attempt_at = ?, lease_owner = null, lease_until = null where id = ? and lease_owner = ?")) {
            ps.setInt(1, failures);
            UtcTimes.bind(ps, 2, since);
            UtcTimes.bind(ps, 3, now.plus(backoff));
            ps.setString(4, claim.id());
            ps.setString(5, owner);
            ps.executeUpdate();
        }
        if (failures >= config.maxFailures()) {
            disable(c, claim.id(), failures + " failed attempts in a row (last: " + error + ")");
        } else if (!since.plus(config.retryWindow()).isAfter(now)) {
            disable(c, claim.id(), "event " + event.id() + " failed for " + config.retryWindow() + " (last: " + error + ")");
        }
    }

    /** initial-backoff doubled for each failure after the first, at most max-backoff. */
    static Duration backoff(WebhookConfig config, int failures) {
        Duration d = config.initialBackoff();
        for (int i = 1; i < failures && d.compareTo(config.maxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }

    /** Ends {@code owner}'s lease on the subscription, if it still holds it. */
    static void release(Connection c, String id, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set lease_owner = null, lease_until = null "
                + "where id = ? and lease_owner = ?")) {
            ps.setString(1, id);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    private static void disable(Connection c, String id, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set enabled = false, disabled_reason = ?, "
                + "lease_owner = null, lease_until = null where id = ?")) {
            ps.setString(1, reason.length() > 500 ? reason.substring(0, 500) : reason);
            ps.setString(2, id);
            ps.executeUpdate();
        }
        LOG.warnf("Webhook subscription %s disabled: %s", id, reason);
    }
}
