package cn.liaocheng.rdcoverage.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * JDBC queries over a list of keys, {@code ... in (%s)}: the placeholders, their values, and the rows of such a query
 * run for at most {@link #SLICE} keys at a time, so that a statement stays bounded whatever the number of keys.
 */
public final class InList {
    /** Keys per statement. */
    public static final int SLICE = 500;

    /** What is done with one row of a result. */
    public interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    private InList() {
    }

    /** {@code n} placeholders for an IN list: {@code ?, ?, ?}. */
    public static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** The values of the placeholders, from the first parameter on. */
    public static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int k = 0; k < values.size(); k++) {
            ps.setString(k + 1, values.get(k));
        }
    }

    /**
     * Runs {@code sql}, whose {@code in (%s)} takes the keys, for {@link #SLICE} keys at a time, and hands each row of
     * each slice to {@code sink}; no key, no statement.
     */
    public static void forEachRow(Connection c, String sql, List<String> keys, RowSink sink) throws SQLException {
        for (int k = 0; k < keys.size(); k += SLICE) {
            List<String> slice = keys.subList(k, Math.min(keys.size(), k + SLICE));
            try (PreparedStatement ps = c.prepareStatement(sql.formatted(marks(slice.size())))) {
                bind(ps, slice);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs);
                    }
                }
            }
        }
    }
}
