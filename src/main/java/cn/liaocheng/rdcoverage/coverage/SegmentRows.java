package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.db.InList;
import cn.liaocheng.rdcoverage.common.db.SqlLiterals;
import cn.liaocheng.rdcoverage.coverage.CoverageLedger.Segment;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.liaocheng.rdcoverage.common.db.InList.bind;
import static cn.liaocheng.rdcoverage.common.db.InList.marks;

/**
 * The SQL of table {@code coverage_segment} (one row per enterprise, statistical year and segment of the time line,
 * see {@link CoverageLedger}): the rows stored for some enterprises, their deletion, and multi-row inserts. Runs on the
 * caller's connection and transaction.
 */
final class SegmentRows {
    private SegmentRows() {
    }

    /** The rows stored for these enterprises, in key order. */
    static Map<String, List<Segment>> stored(Connection c, List<String> codes) throws SQLException {
        Map<String, List<Segment>> rows = new TreeMap<>();
        InList.forEachRow(c, """
                select credit_code, year, seq, valid_from, valid_to, region_code, single_mode, joint_mode, industry_mode, covered,
                       revenue
                from coverage_segment where credit_code in (%s) order by credit_code, year, seq""", codes, rs -> {
            Segment s = new Segment(rs.getInt(2), rs.getInt(3), date(rs.getDate(4)), date(rs.getDate(5)),
                    rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBigDecimal(11));
            if (s.covered() != rs.getBoolean(10)) {
                // an inconsistent covered flag: report it as a different row
                s = new Segment(s.year(), -1 - s.seq(), s.from(), s.to(), s.regionCode(), s.single(), s.joint(), s.industry(),
                        s.revenue());
            }
            rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(s);
        });
        return rows;
    }

    static void delete(Connection c, List<String> codes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from coverage_segment where credit_code in (%s)"
                .formatted(marks(codes.size())))) {
            bind(ps, codes);
            ps.executeUpdate();
        }
    }

    /** Rows per INSERT statement. */
    static final int ROWS_PER_INSERT = 1000;

    /**
     * Multi-row INSERTs with the values as literals (numbers, dates, flags; credit and region codes over
     * {@code 0-9 A-Z}, which cannot end a literal early), so that the MySQL connector neither scans a statement of
     * thousands of parameters nor binds them one by one (an import writes a row per enterprise and year). A code
     * of any other form is bound as a parameter.
     */
    static void insert(Connection c, Map<String, List<Segment>> rows) throws SQLException {
        StringBuilder sql = null;
        List<String> bound = new ArrayList<>();
        int inStatement = 0;
        for (Map.Entry<String, List<Segment>> e : rows.entrySet()) {
            for (Segment s : e.getValue()) {
                if (sql == null) {
                    sql = new StringBuilder(120 + ROWS_PER_INSERT * 90).append("insert into coverage_segment (credit_code, year, "
                            + "seq, valid_from, valid_to, region_code, covered, single_mode, joint_mode, industry_mode, revenue) values ");
                }
                sql.append(inStatement == 0 ? "(" : ", (");
                code(sql, bound, e.getKey());
                sql.append(", ").append(s.year()).append(", ").append(s.seq()).append(", ");
                date(sql, s.from());
                sql.append(", ");
                date(sql, s.to());
                sql.append(", ");
                code(sql, bound, s.regionCode());
                sql.append(", ").append(s.covered()).append(", ").append(s.single()).append(", ").append(s.joint())
                        .append(", ").append(s.industry()).append(", ")
                        .append(s.revenue() == null ? "NULL" : s.revenue().toPlainString()).append(')');
                if (++inStatement == ROWS_PER_INSERT) {
                    execute(c, sql, bound);
                    sql = null;
                    inStatement = 0;
                }
            }
        }
        if (sql != null) {
            execute(c, sql, bound);
        }
    }

    static void code(StringBuilder sql, List<String> bound, String code) {
        if (code == null) {
            sql.append("NULL");
        } else if (SqlLiterals.isCode(code)) {
            sql.append('\'').append(code).append('\'');
        } else {
            sql.append('?');
            bound.add(code);
        }
    }

    static void date(StringBuilder sql, LocalDate d) {
        if (d == null) {
            sql.append("NULL");
        } else {
            sql.append("DATE '").append(d).append('\'');
        }
    }

    static void execute(Connection c, StringBuilder sql, List<String> bound) throws SQLException {
        if (bound.isEmpty()) {
            try (java.sql.Statement st = c.createStatement()) {
                st.setEscapeProcessing(false);
                st.executeUpdate(sql.toString());
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, bound);
                ps.executeUpdate();
            }
            bound.clear();
        }
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
