package cn.liaocheng.rdcoverage.webhook;

import cn.liaocheng.rdcoverage.common.FieldCodes;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.events.FeedMark;
import cn.liaocheng.rdcoverage.events.UtcTimes;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.webhook.WebhookViews.DeliveryView;
import cn.liaocheng.rdcoverage.webhook.WebhookViews.SubscriptionInput;
import cn.liaocheng.rdcoverage.webhook.WebhookViews.SubscriptionView;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Webhook subscriptions and their delivery log (ADMIN and PROVINCE). */
@ApplicationScoped
public class Subscriptions {
    static final String COLUMNS = "id, url, types, enabled, disabled_reason, delivered_through, failures, next_attempt_at, created_at, created_by";

    @Inject AgroalDataSource dataSource;
    @Inject UrlGuard guard;
    @Inject Caller caller;
    @Inject Clock clock;
    @Inject SecretBox box;

    @Transactional
    public SubscriptionView create(SubscriptionInput in) {
        FieldMessage problem = guard.problem(in.url());
        if (problem != null) {
            throw ApiException.invalid("url", problem);
        }
        if (in.url().trim().length() > 2000) {
            throw ApiException.invalid("url", FieldMessage.of("must be at most 2000 characters", "field.TOO_LONG.chars", 2000, in.url().trim().length()));
        }
        Set<String> types = types(in.types());
        String id = UUID.randomUUID().toString();
        String secret = Signatures.newSecret();
        if (box.activeKeyId() == null) {
            throw new ApiException(503, "webhook-secret-key-missing", "Service unavailable", "Webhook secrets cannot be stored: "
                    + "the service has no encryption key (rd.webhooks.secret-keys, RD_WEBHOOKS_SECRET_KEYS)", null, null);
        }
        SecretBox.Sealed sealed = box.seal(id, secret);
        try (Connection c = dataSource.getConnection()) {
            FeedMark mark = FeedMark.read(c);
            long start = in.after() == null || in.after().isBlank() ? mark.last() : cursor("after", in.after());
            requireRetained(start, mark);
            mark.requireNotBeyond("after", start);
            insert(c, id, in.url().trim(), types, sealed, start);
            return withSecret(find(c, id), secret);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The new subscription's row: enabled, delivered through {@code start}, due now, by the caller. */
    private void insert(Connection c, String id, String url, Set<String> types, SecretBox.Sealed sealed, long start) throws SQLException {
        Instant now = Instant.now(clock);
        try (PreparedStatement ps = c.prepareStatement("insert into webhook_subscription (id, url, types, secret_key_id, "
                + "secret_ciphertext, enabled, delivered_through, failures, next_attempt_at, created_at, created_by) "
                + "values (?, ?, ?, ?, ?, true, ?, 0, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, url);
            ps.setString(3, types.isEmpty() ? null : String.join(",", types));
            ps.setString(4, sealed.keyId());
            ps.setString(5, sealed.ciphertext());
            ps.setLong(6, start);
            UtcTimes.bind(ps, 7, now);
            UtcTimes.bind(ps, 8, now);
            ps.setString(9, caller.subject());
            ps.executeUpdate();
        }
    }

    /** The view with its secret (shown once: on creation, and on the replay of that answer). */
    private static SubscriptionView withSecret(SubscriptionView v, String secret) {
        return new SubscriptionView(v.id(), v.url(), v.types(), v.enabled(), v.disabledReason(), v.deliveredThrough(),
                v.failures(), v.nextAttemptAt(), v.createdAt(), v.createdBy(), secret);
    }

    /** A cursor older than the feed's retention (its purged part, {@link FeedMark#purgedThrough}) is a 400 naming {@code after}. */
    private static void requireRetained(long cursor, FeedMark mark) {
        if (cursor < mark.purgedThrough()) {
            throw ApiException.invalid("after", FieldMessage.of("is older than the retention period (oldest cursor " + mark.purgedThrough() + ")", "field.OUT_OF_RANGE.cursor-purged", mark.purgedThrough()));
        }
    }

    public List<SubscriptionView> list() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from webhook_subscription order by created_at, id");
             ResultSet rs = ps.executeQuery()) {
            List<SubscriptionView> all = new ArrayList<>();
            while (rs.next()) {
                all.add(view(rs));
            }
            return all;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The subscription with its secret, for the replay of its creation's answer (same Idempotency-Key, same caller,
     * within rd.idempotency.ttl): the stored answer holds no secret, it is opened from the sealed column again.
     */
    public SubscriptionView withSecret(String id) {
        try (Connection c = dataSource.getConnection()) {
            SubscriptionView v = find(c, id);
            try (PreparedStatement ps = c.prepareStatement("select secret, secret_key_id, secret_ciphertext from webhook_subscription where id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return withSecret(v, box.secretOf(id, rs.getString(2), rs.getString(3), rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public SubscriptionView get(String id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void delete(String id) {
        try (Connection c = dataSource.getConnection()) {
            find(c, id);
            try (PreparedStatement ps = c.prepareStatement("delete from webhook_subscription where id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Newest attempt first. */
    public List<DeliveryView> deliveries(String id, int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit", FieldMessage.of("must be between 1 and 1000", "field.OUT_OF_RANGE.between", 1, 1000));
        }
        try (Connection c = dataSource.getConnection()) {
            find(c, id);
            try (PreparedStatement ps = c.prepareStatement("select id, event_id, event_type, event_position, attempt, attempted_at, "
                    + "status_code, latency_ms, succeeded, error from webhook_delivery where subscription_id = ? order by id desc limit ?")) {
                ps.setString(1, id);
                ps.setInt(2, limit);
                List<DeliveryView> all = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int status = rs.getInt(7);
                        Integer statusCode = rs.wasNull() ? null : status;
                        all.add(new DeliveryView(rs.getLong(1), rs.getString(2), rs.getString(3), Long.toString(rs.getLong(4)),
                                rs.getInt(5), UtcTimes.instant(rs, 6), statusCode, rs.getLong(8), rs.getBoolean(9), rs.getString(10)));
                    }
                }
                return all;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewinds the subscription to {@code after}: every later event is delivered again; re-enables it. */
    @Transactional
    public SubscriptionView redeliver(String id, String after) {
        if (after == null || after.isBlank()) {
            throw ApiException.invalid("after", FieldMessage.of("is required: the feed cursor to deliver again after", "field.REQUIRED.cursor"));
        }
        long from = cursor("after", after);
        try (Connection c = dataSource.getConnection()) {
            find(c, id);
            FeedMark mark = FeedMark.read(c);
            requireRetained(from, mark);
            mark.requireNotBeyond("after", from);
            try (PreparedStatement ps = c.prepareStatement("update webhook_subscription set delivered_through = ?, enabled = true, "
                    + "disabled_reason = null, failures = 0, next_attempt_at = ? where id = ?")) {
                ps.setLong(1, from);
                UtcTimes.bind(ps, 2, Instant.now(clock));
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private SubscriptionView find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from webhook_subscription where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("Webhook subscription", id);
                }
                return view(rs);
            }
        }
    }

    private static SubscriptionView view(ResultSet rs) throws SQLException {
        String types = rs.getString(3);
        return new SubscriptionView(rs.getString(1), rs.getString(2), types == null ? List.of() : Arrays.asList(types.split(",")),
                rs.getBoolean(4), rs.getString(5), Long.toString(rs.getLong(6)), rs.getInt(7), UtcTimes.instant(rs, 8),
                UtcTimes.instant(rs, 9), rs.getString(10), null);
    }

    private static long cursor(String field, String raw) {
        try {
            long v = Long.parseLong(raw.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.invalid(field, FieldMessage.of("must be a feed cursor (a non-negative integer)", "field.INVALID_FORMAT.cursor"));
    }

    private static Set<String> types(List<String> raw) {
        Set<String> types = new LinkedHashSet<>();
        if (raw == null) {
            return types;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String t = raw.get(i) == null ? "" : raw.get(i).trim();
            if (EventType.of(t) == null) {
                errors.add(new Problem.FieldError("types[" + i + "]", FieldMessage.of("'" + t + "' is not an event type", "field.INVALID_VALUE.event-type", t),
                        FieldCodes.INVALID_VALUE));
            } else {
                types.add(t);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return types;
    }
}
