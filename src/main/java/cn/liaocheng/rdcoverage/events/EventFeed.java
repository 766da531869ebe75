package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.common.FieldCodes;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.security.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the feed: positions up to the sequencer's last one, in position order, within the caller's scope. */
@ApplicationScoped
public class EventFeed {
    public static final int MAX_LIMIT = 1000;

    @Inject AgroalDataSource dataSource;
    @Inject Caller caller;
    @Inject ObjectMapper json;

    public FeedPage read(String rawAfter, Integer rawLimit, String rawTypes) {
        Long after = parseAfter(rawAfter);
        int limit = parseLimit(rawLimit);
        Set<String> types = parseTypes(rawTypes);
        try (Connection c = dataSource.getConnection()) {
            FeedMark mark = FeedMark.read(c);
            long last = mark.last();
            long purged = mark.purgedThrough();
            if (after == null) {
                after = purged;
            }
            checkRetained(after, purged);
            mark.requireNotBeyond("after", after);
            List<FeedEvent> items = page(c, after, last, types, limit);
            // a purge that committed meanwhile may have taken rows this page skipped over
            checkRetained(after, FeedMark.read(c).purgedThrough());
            String next = items.size() == limit ? items.get(items.size() - 1).cursor() : Long.toString(last);
            return new FeedPage(items, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the feed failed", e);
        }
    }

    /**
     * Up to {@code limit} events after position {@code after} and up to {@code last}, of the given types (all when
     * none), within the caller's scope, in position order.
     */
    private List<FeedEvent> page(Connection c, long after, long last, Set<String> types, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("select feed_position, event_id, type, subject_kind, subject_id, version, occurred_at, data "
                + "from event_outbox where feed_position > ? and feed_position <= ?");
        List<Object> params = new ArrayList<>(List.of(after, last));
        if (!types.isEmpty()) {
            sql.append(" and type in (").append(String.join(", ", types.stream().map(t -> "?").toList())).append(")");
            params.addAll(types);
        }
        appendScope(sql, params);
        sql.append(" order by feed_position limit ?");
        params.add(limit);
        List<FeedEvent> items = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(event(rs));
                }
            }
        }
        return items;
    }

    /** An enterprise reads the events naming its credit code, a county those naming its region, plus those for all. */
    private void appendScope(StringBuilder sql, List<Object> params) {
        if (caller.scopedToEnterprise()) {
            sql.append(" and (scope_all = true or scope_codes like ?)");
            params.add("%," + caller.creditCode() + ",%");
        } else if (caller.scopedToRegion()) {
            sql.append(" and (scope_all = true or scope_regions like ?)");
            params.add("%," + caller.regionCode() + ",%");
        }
    }

    /** 100 when absent; 1..{@link #MAX_LIMIT}, else a 400 naming limit. */
    private static int parseLimit(Integer raw) {
        int limit = raw == null ? 100 : raw;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", FieldMessage.of("must be between 1 and " + MAX_LIMIT, "field.OUT_OF_RANGE.between", 1, MAX_LIMIT));
        }
        return limit;
    }

    public FeedPage head() {
        try (Connection c = dataSource.getConnection()) {
            return new FeedPage(List.of(), Long.toString(FeedMark.read(c).last()));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the feed failed", e);
        }
    }

    /** The event at a position, if it exists (any scope; used by the webhook deliveries of ADMIN/PROVINCE subscriptions). */
    public static FeedEvent event(ResultSet rs, ObjectMapper json) throws SQLException {
        long version = rs.getLong(6);
        boolean noVersion = rs.wasNull();
        try {
            return new FeedEvent(rs.getString(2), Long.toString(rs.getLong(1)), rs.getString(3), UtcTimes.instant(rs, 7),
                    new FeedEvent.Subject(rs.getString(4), rs.getString(5)), noVersion ? null : version, exact(json).readTree(rs.getString(8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An event holds invalid JSON", e);
        }
    }

    /**
     * Reads an event's stored JSON as written: decimals as BigDecimal with their scale (revenue 52000000.00 and
     * 1234567890123456.78 stay as GET shows them, not doubles 5.2E7 and 1.2345678901234568E15).
     */
    static com.fasterxml.jackson.databind.ObjectReader exact(ObjectMapper json) {
        return json.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    /** Columns in the order {@link #event(ResultSet, ObjectMapper)} reads them. */
    public static final String COLUMNS = "feed_position, event_id, type, subject_kind, subject_id, version, occurred_at, data";

    private FeedEvent event(ResultSet rs) throws SQLException {
        return event(rs, json);
    }

    private static void checkRetained(long after, long purged) {
        if (after < purged) {
            throw new ApiException(410, "cursor-expired", "Cursor no longer retained",
                    "Events up to cursor " + purged + " are past the retention period and were removed, so the feed after "
                            + after + " cannot be replayed without a gap. Re-sync from the lists (GET /api/v1/enterprises, "
                            + "/institutions, /applications, /awards, /targets, /policies), then follow the feed from after="
                            + purged + " (or without after).",
                    List.of(new Problem.FieldError("after", FieldMessage.of("is older than the retention period", "field.OUT_OF_RANGE.purged"))),
                    Map.of("oldestCursor", Long.toString(purged)));
        }
    }

    private static Long parseAfter(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw ApiException.invalid("after", FieldMessage.of("must be a cursor returned as next by this feed (a non-negative integer)", "field.INVALID_FORMAT.cursor"));
    }

    static Set<String> parseTypes(String raw) {
        Set<String> types = new LinkedHashSet<>();
        if (raw == null || raw.isBlank()) {
            return types;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String t : raw.split(",")) {
            String name = t.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (EventType.of(name) == null) {
                String known = String.join(", ", java.util.Arrays.stream(EventType.values()).map(EventType::wire).toList());
                errors.add(new Problem.FieldError("types", FieldMessage.of("'" + name + "' is not an event type; known: " + known,
                        "field.INVALID_VALUE.enum", name, known), FieldCodes.INVALID_VALUE));
            } else {
                types.add(name);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return types;
    }
}
