package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.db.SqlLiterals;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The text of one of the importer's bulk statements, written value by value, with its values as literals where
 * that is safe by construction: codes over {@code 0-9 A-Z} (credit, region and industry codes after validation,
 * size classes), numbers, yes/no flags, timestamps, and free text that contains neither a quote nor a backslash nor
 * a control character (such a literal cannot end early, nor escape anything, in MySQL in any SQL mode or in H2).
 * Any other free text is bound as a parameter; a code of any other form is refused.
 * <p>
 * Why literals: the MySQL connector writes every parameter of a client-side prepared statement into the statement's
 * text anyway, but binding costs it about half a microsecond per parameter (a lock, encoder look-ups, escaping) and
 * preparing a statement costs it a scan of the whole text; for a thousand rows of twenty values that was most of the
 * request thread's time. A statement without parameters is sent as it is written.
 */
final class SqlText {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    private final StringBuilder sql;
    private final List<String> bound = new ArrayList<>();

    SqlText(String head, int capacity) {
        sql = new StringBuilder(head.length() + capacity).append(head);
    }

    /** SQL written by the importer itself (never a value from the file). */
    SqlText sql(String trusted) {
        sql.append(trusted);
        return this;
    }

    /** Writes NULL for a missing value: true when {@code v} is null (and nothing more is to be written for it). */
    private boolean wroteNull(Object v) {
        if (v == null) {
            sql.append("NULL");
        }
        return v == null;
    }

    /** A code over {@code 0-9 A-Z}, or NULL. */
    SqlText code(String code) {
        if (wroteNull(code)) {
            return this;
        }
        if (!SqlLiterals.isCode(code)) {
            throw new IllegalArgumentException("not a code of 0-9 and A-Z: '" + code + "'");
        }
        sql.append('\'').append(code).append('\'');
        return this;
    }

    /** Codes as a comma-separated list of literals (for {@code in (...)}). */
    SqlText codes(Collection<String> codes) {
        boolean first = true;
        for (String code : codes) {
            if (!first) {
                sql.append(", ");
            }
            code(code);
            first = false;
        }
        return this;
    }

    SqlText number(long v) {
        sql.append(v);
        return this;
    }

    SqlText number(Integer v) {
        return wroteNull(v) ? this : number(v.intValue());
    }

    SqlText decimal(BigDecimal v) {
        return wroteNull(v) ? this : sql(v.toPlainString());
    }

    SqlText flag(Boolean v) {
        return wroteNull(v) ? this : sql(v ? "TRUE" : "FALSE");
    }

    /** Free text: a literal if it is plain (see {@link #isPlain}), else a bound parameter. */
    SqlText text(String v) {
        if (wroteNull(v)) {
            return this;
        }
        if (isPlain(v)) {
            sql.append('\'').append(v).append('\'');
        } else {
            sql.append('?');
            bound.add(v);
        }
        return this;
    }

    int executeUpdate(Connection c) throws SQLException {
        if (bound.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.setEscapeProcessing(false);
                return st.executeUpdate(sql.toString());
            }
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps);
            return ps.executeUpdate();
        }
    }

    /** Runs the query and hands its rows to {@code reader}. */
    void query(Connection c, RowsReader reader) throws SQLException {
        if (bound.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.setEscapeProcessing(false);
                try (ResultSet rs = st.executeQuery(sql.toString())) {
                    reader.read(rs);
                }
            }
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                reader.read(rs);
            }
        }
    }

    private void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < bound.size(); i++) {
            ps.setString(i + 1, bound.get(i));
        }
    }

    @Override
    public String toString() {
        return sql.toString();
    }

    /** A timestamp literal, to the microsecond (the precision of the timestamp columns). */
    static String timestamp(LocalDateTime t) {
        return "TIMESTAMP '" + TIMESTAMP.format(t) + "'";
    }

    /**
     * Text that can stand between single quotes as it is: no quote (the only character that ends a literal in
     * H2 and standard SQL), no backslash (MySQL's escape character, unless NO_BACKSLASH_ESCAPES) and no control
     * character. (The server reads the text in the character set the driver encoded it in, so a multi-byte
     * character is never taken for a quote or a backslash.)
     */
    static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'' || ch == '\\' || ch < 0x20 || ch == 0x7F) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    interface RowsReader {
        void read(ResultSet rs) throws SQLException;
    }
}
