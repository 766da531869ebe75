package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.common.db.MicrosecondTimestampJdbcType;
import cn.liaocheng.rdcoverage.common.db.SqlLiterals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.function.Supplier;
import java.util.UUID;

/**
 * Writes feed events into the outbox, in the caller's transaction: a rolled-back change emits nothing, a committed
 * one is never lost. One call per change point, after the change is flushed, with the view its GET shows:
 * <pre>changes.record(EventType.ENTERPRISE_UPDATED, e.creditCode, view);</pre>
 * The row gets its feed position after commit ({@link Sequencer}).
 */
@ApplicationScoped
public class Changes {
    static final String INSERT = "insert into event_outbox (event_id, type, subject_kind, subject_id, version, occurred_at, "
            + "scope_all, scope_regions, scope_codes, data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject EntityManager em;
    @Inject ObjectMapper json;
    @Inject Scopes scopes;
    @Inject Clock clock;
    @Inject AgroalDataSource dataSource;
    @Inject Event<Sequencer.Recorded> recorded;

    /** The application's mapper, but its trees keep a decimal's scale (52000000.00 stays so, not 5.2E+7). */
    private ObjectMapper exactTrees;

    @jakarta.annotation.PostConstruct
    void exactTrees() {
        exactTrees = json.copy().configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** The view as a JSON tree whose decimals keep their value and scale, as its GET shows them. */
    private JsonNode tree(Object view) {
        return exactTrees.valueToTree(view);
    }

    /** A created or changed resource: {@code view} is what its GET shows now (its version included). */
    public void record(EventType type, Object subjectId, Object view) {
        JsonNode data = tree(view);
        insert(type, String.valueOf(subjectId), versionOf(view, data), scopes.of(type, data), data);
    }

    /** {@link #record} that hands the view back: {@code return changes.recorded(type, id, view(e));} */
    public <T> T recorded(EventType type, Object subjectId, T view) {
        record(type, subjectId, view);
        return view;
    }

    /** {@link #record} with the view taken after the pending changes were flushed (so with its new version). */
    public void record(EventType type, Object subjectId, Supplier<?> view) {
        em.flush();
        record(type, subjectId, view.get());
    }

    /** A deleted resource: a tombstone with its id; {@code before} (its last view) fixes who may see it. */
    public void deleted(EventType type, Object subjectId, Object before) {
        JsonNode last = tree(before);
        ObjectNode tombstone = json.createObjectNode();
        tombstone.put("id", String.valueOf(subjectId));
        tombstone.put("deleted", true);
        Long version = versionOf(before, last);
        insert(type, String.valueOf(subjectId), version == null ? null : version + 1, scopes.of(type, last), tombstone);
    }

    private void insert(EventType type, String subjectId, Long version, Scope scope, JsonNode data) {
        em.flush(); // the change's own statements first: its row locks are taken before the event row exists
        // the transaction's own connection (Agroal hands out the one enlisted in the JTA transaction)
        try (Connection c = dataSource.getConnection()) {
            insert(c, type, subjectId, version, scope, data.toString(), Instant.now(clock));
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the event failed", e);
        }
    }

    /** One enterprise an import chunk created or changed (its attributes or figures). */
    public record Imported(String creditCode, String regionCode, boolean created) {
    }

    /**
     * The import's summary events: one per region and chunk, on the importer's own connection (same transaction),
     * listing the credit codes the chunk created and changed. Read by the county officers of the region and the
     * city-wide roles; each enterprise's new state is read from the lists (see README, "The change feed").
     * <p>
     * The rows go out as one INSERT of literals ({@link #importedSql}): every region and credit code of a validated
     * row is a code over {@code 0-9 A-Z}, which is checked here (anything else is a programming error, never written
     * into the statement). A bound batch would cost the import's request thread the connector's parse of the prepared
     * statement, its escaping of the JSON (about 22 KB a chunk) and Jackson's tree, and the cold JVM four C2
     * compilations of 150-250 ms each (bench/README.md, g11q).
     */
    public void imported(Connection c, List<Imported> rows) throws SQLException {
        Map<String, List<Imported>> byRegion = new TreeMap<>();
        for (Imported r : rows) {
            if (!SqlLiterals.isCode(r.regionCode()) || !SqlLiterals.isCode(r.creditCode())) {
                throw new IllegalArgumentException("not a validated code: " + r);
            }
            byRegion.computeIfAbsent(r.regionCode(), k -> new ArrayList<>()).add(r);
        }
        if (byRegion.isEmpty()) {
            return;
        }
        try (java.sql.Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            st.executeUpdate(importedSql(byRegion, Instant.now(clock)));
        }
        recorded.fire(new Sequencer.Recorded());
    }

    /**
     * The INSERT of {@link #imported}'s rows with every value a literal (codes only, see there): per region a random
     * event id, the type, the region as subject and scope, the time as the microsecond text {@link UtcTimes#bind}
     * binds, and the compact JSON {@code {"regionCode":…,"created":[…],"updated":[…]}} as Jackson would write it.
     */
    private static String importedSql(Map<String, List<Imported>> byRegion, Instant now) {
        String at = "'" + MicrosecondTimestampJdbcType.TEXT.format(now) + "'";
        EventType type = EventType.ENTERPRISE_IMPORTED;
        StringBuilder sql = new StringBuilder(INSERT.substring(0, INSERT.indexOf(" values ") + 8));
        String separator = "('";
        for (Map.Entry<String, List<Imported>> region : byRegion.entrySet()) {
            String code = region.getKey();
            sql.append(separator).append(UUID.randomUUID()).append("', '").append(type.wire()).append("', '")
                    .append(type.kind()).append("', '").append(code).append("', NULL, ").append(at).append(", FALSE, '")
                    .append(Scope.column(Set.of(code))).append("', NULL, '{\"regionCode\":\"").append(code)
                    .append("\",\"created\":[");
            jsonCodes(sql, region.getValue(), true);
            sql.append("],\"updated\":[");
            jsonCodes(sql, region.getValue(), false);
            sql.append("]}')");
            separator = ", ('";
        }
        return sql.toString();
    }

    /** The credit codes of {@code rows} created (or changed) as JSON strings, comma-separated. */
    private static void jsonCodes(StringBuilder json, List<Imported> rows, boolean created) {
        boolean first = true;
        for (Imported r : rows) {
            if (r.created() == created) {
                json.append(first ? "\"" : ",\"").append(r.creditCode()).append('"');
                first = false;
            }
        }
    }

    /** An event a bulk writer prepared itself, with its scope (the regions and credit codes that may read it). */
    public record Pending(EventType type, String subjectId, Long version, Scope scope, Object view) {
    }

    /**
     * Events of a bulk writer on its own connection (same transaction), as one JDBC batch: the indicator import's
     * {@code indicators.updated}, one per row it created or changed, with the scopes it computed for the whole chunk.
     */
    public void recordAll(Connection c, List<Pending> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Instant now = Instant.now(clock);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Pending e : events) {
                bindRow(ps, e.type(), e.subjectId(), e.version(), e.scope(), tree(e.view()).toString(), now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        recorded.fire(new Sequencer.Recorded());
    }

    void insert(Connection c, EventType type, String subjectId, Long version, Scope scope, String data, Instant at)
            throws SQLException {
        write(c, type, subjectId, version, scope, data, at);
        recorded.fire(new Sequencer.Recorded());
    }

    /** The outbox row alone (the concurrency test writes with it on a second pool). */
    public static void write(Connection c, EventType type, String subjectId, Long version, Scope scope, String data, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bindRow(ps, type, subjectId, version, scope, data, at);
            ps.executeUpdate();
        }
    }

    private static void bindRow(PreparedStatement ps, EventType type, String subjectId, Long version, Scope scope, String data,
                                Instant at) throws SQLException {
        ps.setString(1, UUID.randomUUID().toString());
        ps.setString(2, type.wire());
        ps.setString(3, type.kind());
        ps.setString(4, subjectId);
        if (version == null) {
            ps.setNull(5, java.sql.Types.BIGINT);
        } else {
            ps.setLong(5, version);
        }
        UtcTimes.bind(ps, 6, at);
        ps.setBoolean(7, scope.all());
        ps.setString(8, Scope.column(scope.regions()));
        ps.setString(9, Scope.column(scope.creditCodes()));
        ps.setString(10, data);
    }

    private static Long versionOf(Object view, JsonNode data) {
        if (view != null && view.getClass().isRecord()) {
            for (RecordComponent rc : view.getClass().getRecordComponents()) {
                if (rc.getName().equals("version")) {
                    try {
                        rc.getAccessor().setAccessible(true);
                        Object v = rc.getAccessor().invoke(view);
                        return v instanceof Number n ? n.longValue() : null;
                    } catch (ReflectiveOperationException e) {
                        return null;
                    }
                }
            }
        }
        JsonNode v = data.get("version");
        return v != null && v.isNumber() ? v.asLong() : null;
    }

}
