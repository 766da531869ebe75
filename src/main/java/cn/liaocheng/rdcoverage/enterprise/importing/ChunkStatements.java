package cn.liaocheng.rdcoverage.enterprise.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one chunk that need nothing back but their success, sent together in their order: as one JDBC batch
 * of plain statements, which the MySQL connector (with {@code rewriteBatchedStatements}) sends as one multi-statement
 * round trip when it holds more than four (H2 runs them one by one). A chunk of new rows so costs one round trip for
 * its enterprise and figures INSERTs, their audit copies and their ledger copies, instead of one each: fewer times the
 * service and the database wait for each other on two shared cores. Anything that reads, binds a value or needs a
 * generated key goes through {@link #connection()}, which sends what is queued first, so the database sees the same
 * statements in the same order as when each was sent on its own; a failed statement fails the batch (a
 * {@link java.sql.BatchUpdateException} with the statement's SQL state and error code).
 */
final class ChunkStatements {
    private final Connection c;
    private final List<String> queued = new ArrayList<>();

    ChunkStatements(Connection c) {
        this.c = c;
    }

    /** Queues {@code s}; one with bound values is sent at once, after what is queued. */
    void add(SqlText s) throws SQLException {
        if (s.hasBound()) {
            s.executeUpdate(connection());
        } else {
            queued.add(s.toString());
        }
    }

    /** Queues SQL written by the service itself, with every value a literal. */
    void add(String trustedSql) {
        queued.add(trustedSql);
    }

    /** The connection, after sending what is queued (for a statement that reads or binds values). */
    Connection connection() throws SQLException {
        send();
        return c;
    }

    /** Sends what is queued, in its order. */
    void send() throws SQLException {
        if (queued.isEmpty()) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.setEscapeProcessing(false);
            if (queued.size() == 1) {
                st.executeUpdate(queued.get(0));
            } else {
                for (String sql : queued) {
                    st.addBatch(sql);
                }
                st.executeBatch();
            }
        } finally {
            queued.clear();
        }
    }
}
