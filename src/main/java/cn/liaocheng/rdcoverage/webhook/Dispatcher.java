package cn.liaocheng.rdcoverage.webhook;

import cn.liaocheng.rdcoverage.events.EventFeed;
import cn.liaocheng.rdcoverage.events.FeedEvent;
import cn.liaocheng.rdcoverage.events.Sequencer;
import cn.liaocheng.rdcoverage.events.UtcTimes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the feed to webhook subscriptions, at least once and in feed order per subscription.
 * <p>
 * A subscription is claimed by one instance at a time: {@code SELECT ... FOR UPDATE SKIP LOCKED} picks due rows no
 * other instance is claiming right now and stamps them with this instance's lease; the lease is renewed with every
 * delivered event and released at the end of a round, so a crashed instance's claims pass to another after
 * rd.webhooks.lease. (MySQL 8, MariaDB 10.6+ and H2 2.x all accept SKIP LOCKED; H2, single-instance in dev and test,
 * skips rows another transaction holds just like InnoDB.)
 * <p>
 * Each claimed subscription runs its own chain of requests on the JDK HTTP client (connect 2 s, whole request 10 s,
 * redirects never followed), so a slow receiver holds up only its own subscription. No thread pool of our own: the
 * scheduler ticks, the HTTP client completes, and the follow-up database work runs on the client's completion thread.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String OWNER = UUID.randomUUID().toString();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookConfig config;

    @Inject
    UrlGuard guard;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    SecretBox box;

    private volatile HttpClient http;

    /**
     * The HTTP client, built on the first delivery rather than with the bean: building it sets up TLS (the trust
     * store and some 300 classes), which an instance with no webhook subscriptions never needs, and which would
     * otherwise happen during start-up, on the scheduler's first tick (issue #14).
     */
    HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(config.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    /** {@code secret} is the opened signing secret, or null with {@code secretProblem} saying why it cannot be read. */
    record Claim(String id, String url, List<String> types, String secret, String secretProblem, long deliveredThrough,
                 int failures, Instant failingSince) {
        Claim deliveredThrough(long position) {
            return new Claim(id, url, types, secret, secretProblem, position, 0, null);
        }
    }

    @Scheduled(identity = "webhook-dispatch", every = "{rd.webhooks.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        dispatch();
    }

    void onSequenced(@Observes Sequencer.Sequenced sequenced) {
        dispatch();
    }

    /** Claims the due subscriptions and starts a round of deliveries for each. */
    public void dispatch() {
        List<Claim> claims;
        try {
            claims = QuarkusTransaction.requiringNew().call(this::claim);
        } catch (RuntimeException e) {
            LOG.warn("Claiming webhook subscriptions failed", e);
            return;
        }
        for (Claim c : claims) {
            next(c, 0);
        }
    }

    private List<Claim> claim() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return claim(c, OWNER, Instant.now(clock), config.lease(), 20, box);
        }
    }

    /**
     * The claim itself, on a connection inside a transaction the caller commits: up to {@code limit} due subscriptions no
     * other instance holds (a live lease, or a row lock right now: SKIP LOCKED) are stamped with {@code owner}'s lease.
     * The instance's own claims run it with {@link #OWNER}; the two-instance test runs it on a second pool with another owner.
     */
    static List<Claim> claim(Connection c, String owner, Instant now, Duration lease, int limit, SecretBox box) throws SQLException {
        long[] mark = mark(c);
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from webhook_subscription where enabled = true and next_attempt_at <= ? "
                + "and (lease_until is null or lease_until < ?) and delivered_through < ? order by next_attempt_at limit ? "
                + "for update skip locked")) {
            UtcTimes.bind(ps, 1, now);
            UtcTimes.bind(ps, 2, now);
            ps.setLong(3, mark[0]);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        List<Claim> claims = new ArrayList<>();
        for (String id : ids) {
            try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set lease_owner = ?, lease_until = ? where id = ?")) {
                ps.setString(1, owner);
                UtcTimes.bind(ps, 2, now.plus(lease));
                ps.setString(3, id);
                ps.executeUpdate();
            }
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
                    Claim claim = new Claim(rs.getString(1), rs.getString(2), types == null ? List.of() : Arrays.asList(types.split(",")),
                            secret, secretProblem, rs.getLong(5), rs.getInt(6), UtcTimes.instant(rs, 7));
                    if (claim.deliveredThrough() < mark[1]) {
                        disable(c, id, "events after cursor " + claim.deliveredThrough() + " passed the retention period before "
                                + "they could be delivered; re-sync from the lists and redeliver after " + mark[1]);
                    } else {
                        claims.add(claim);
                    }
                }
            }
        }
        return claims;
    }

    /** Delivers the subscription's next event, then the one after, until none is left, a failure, or the round's batch. */
    private void next(Claim claim, int sent) {
        FeedEvent event;
        try {
            if (sent >= config.batch()) {
                release(claim);
                return;
            }
            event = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return nextEvent(c, OWNER, claim, json);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook subscription %s: reading its next event failed", claim.id());
            return; // the lease runs out and the subscription is taken up again
        }
        if (event == null) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String refused = guard.problem(claim.url());
        if (refused != null) {
            settle(claim, event, sent, null, 0, "refused: url " + refused);
            return;
        }
        if (claim.secretProblem() != null) {
            settle(claim, event, sent, null, 0, "not sent: " + claim.secretProblem());
            return;
        }
        long timestamp = Instant.now(clock).getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(claim.url().trim()))
                .timeout(config.requestTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "rd-coverage-webhooks/1")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(claim.secret(), event.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long started = System.nanoTime();
        http().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, failure) -> {
                    long latency = (System.nanoTime() - started) / 1_000_000;
                    try {
                        if (failure != null) {
                            settle(claim, event, sent, null, latency, describe(failure));
                        } else {
                            int status = response.statusCode();
                            settle(claim, event, sent, status, latency, status >= 200 && status < 300 ? null
                                    : "the receiver answered " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
                        }
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Webhook subscription %s: recording a delivery failed", claim.id());
                    }
                });
    }

    /** Null when the rest of the feed holds nothing for the subscription (its cursor then moves to the end). */
    static FeedEvent nextEvent(Connection c, String owner, Claim claim, ObjectMapper json) throws SQLException {
        long last = mark(c)[0];
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
        // nothing more for it: its cursor moves to the end of the feed and the claim is released
        try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set delivered_through = "
                + "case when delivered_through < ? then ? else delivered_through end, lease_owner = null, lease_until = null "
                + "where id = ? and lease_owner = ?")) {
            ps.setLong(1, last);
            ps.setLong(2, last);
            ps.setString(3, claim.id());
            ps.setString(4, owner);
            ps.executeUpdate();
        }
        return null;
    }

    /** Logs the attempt; on success moves the cursor and goes on, on failure schedules the retry (or disables). */
    private void settle(Claim claim, FeedEvent event, int sent, Integer status, long latency, String error) {
        Instant now = Instant.now(clock);
        Boolean goOn = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return record(c, OWNER, config, claim, event, status, latency, error, now);
            }
        });
        if (Boolean.TRUE.equals(goOn)) {
            next(claim.deliveredThrough(Long.parseLong(event.cursor())), sent + 1);
        }
    }

    /**
     * Logs one attempt and moves the subscription on, on a connection inside a transaction the caller commits: after a
     * success the cursor moves to the event and the lease is renewed (true: go on with the next event); after a failure
     * the retry is scheduled (or the subscription disabled) and the lease released (false). Only while {@code owner}
     * still holds the lease does the cursor move.
     */
    static boolean record(Connection c, String owner, WebhookConfig config, Claim claim, FeedEvent event, Integer status,
                          long latency, String error, Instant now) throws SQLException {
        boolean ok = error == null;
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
            ps.setBoolean(9, ok);
            ps.setString(10, error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.executeUpdate();
        }
        if (ok) {
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
        return false;
    }

    /** initial-backoff doubled for each failure after the first, at most max-backoff. */
    Duration backoff(int failures) {
        return backoff(config, failures);
    }

    static Duration backoff(WebhookConfig config, int failures) {
        Duration d = config.initialBackoff();
        for (int i = 1; i < failures && d.compareTo(config.maxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : d;
    }

    private void release(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("update webhook_subscription set lease_owner = null, lease_until = null "
                         + "where id = ? and lease_owner = ?")) {
                ps.setString(1, claim.id());
                ps.setString(2, OWNER);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
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

    private static long[] mark(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select last_position, purged_through from event_sequence where id = 1");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    private static String describe(Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
            return "timed out (" + t.getClass().getSimpleName() + ")";
        }
        if (t instanceof java.net.ConnectException) {
            return "could not connect";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
