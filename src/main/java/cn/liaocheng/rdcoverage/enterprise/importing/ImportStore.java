package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.db.MicrosecondTimestampJdbcType;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.enterprise.importing.ChunkPlanner.Ent;
import cn.liaocheng.rdcoverage.enterprise.importing.ChunkPlanner.Fig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * The import's SQL on the tables {@code enterprise} and {@code enterprise_figures}, on the connection of one import.
 * New rows go out as multi-row INSERT statements written here ({@link SqlText}), at most {@code perStatement} rows
 * each, rather than as JDBC batches that the MySQL connector would size, copy and rewrite into the same statements
 * (rewriteBatchedStatements); changed rows as JDBC batches of UPDATEs.
 */
final class ImportStore {
    static final String ENTERPRISE_COLUMNS = "name, region_code, industry_code, address, key_enterprise, key_industry, "
            + "figures_year, size_class, above_designated_size";
    /** region_code: the region of the row's statistical year (issue #19), so a later year's list moves only that year. */
    static final String FIGURES_COLUMNS = "employees, revenue, above_designated_size, above_size_declared, size_class, region_code";

    private final Connection c;
    private final LocalDateTime now;
    private final boolean lock;
    /** {@link #now} as the microsecond literal every timestamp column reads exactly (a bound LocalDateTime lost the fraction on MariaDB). */
    private final String stamp;
    private final int perStatement;
    private String nowSql;

    /** @param now the import's timestamp (UTC), written as created_at/updated_at of every row it writes */
    ImportStore(Connection c, LocalDateTime now, int perStatement) {
        this(c, now, perStatement, true);
    }

    /** @param lock whether the stored enterprises read are locked until the import ends (not for a dry run) */
    ImportStore(Connection c, LocalDateTime now, int perStatement, boolean lock) {
        this.lock = lock;
        this.c = c;
        this.now = now;
        this.stamp = MicrosecondTimestampJdbcType.TEXT.format(now.toInstant(java.time.ZoneOffset.UTC));
        this.perStatement = Math.max(1, perStatement);
    }

    /**
     * The stored enterprises among {@code codes} with all their figures (read only if any enterprise is stored),
     * in a map ordered by credit code, to which the planner adds the chunk's new enterprises. When no enterprise is
     * stored between the least and the greatest of the codes, none of them is, and nothing more is read.
     */
    TreeMap<String, Ent> load(Collection<String> codes) throws SQLException {
        TreeMap<String, Ent> ents = new TreeMap<>();
        if (codes.isEmpty() || noneStoredBetween(Collections.min(codes), Collections.max(codes))) {
            return ents;
        }
        for (List<String> slice : slices(new ArrayList<>(codes), perStatement)) {
            loadEnterprises(slice, ents);
        }
        for (List<String> slice : slices(new ArrayList<>(ents.keySet()), perStatement)) {
            loadFigures(slice, ents);
        }
        return ents;
    }

    /**
     * Whether the enterprise table holds no credit code from {@code least} to {@code greatest}: one look-up in the
     * primary key instead of one per code, which settles a chunk of new enterprises when the table is empty or the
     * file is in credit code order (codes are {@code 0-9 A-Z}: Java's order is the columns' binary order).
     */
    private boolean noneStoredBetween(String least, String greatest) throws SQLException {
        boolean[] found = {false};
        new SqlText("select credit_code from enterprise where credit_code between ", 60).code(least).sql(" and ")
                .code(greatest).sql(" limit 1").query(c, rs -> found[0] = rs.next());
        return !found[0];
    }

    /**
     * Adds the stored enterprises among {@code codes} to {@code ents}, without their figures. The rows are locked
     * until the import commits ({@code for update}; under READ COMMITTED no gaps are locked): a second import of the
     * same rows waits for the first and then compares with what it wrote, so two officials sending the same change
     * at once make one change and one audit revision, not two.
     */
    private void loadEnterprises(List<String> codes, TreeMap<String, Ent> ents) throws SQLException {
        SqlText select = new SqlText("select credit_code, " + ENTERPRISE_COLUMNS
                + " from enterprise where credit_code in (", codes.size() * 22).codes(codes).sql(lock ? ") for update" : ")");
        select.query(c, rs -> {
            while (rs.next()) {
                Ent e = new Ent(rs.getString(1));
                e.name = rs.getString(2);
                e.region = rs.getString(3);
                e.industry = rs.getString(4);
                e.address = rs.getString(5);
                e.keyEnterprise = rs.getBoolean(6);
                e.keyIndustry = rs.getBoolean(7);
                int year = rs.getInt(8);
                e.figuresYear = rs.wasNull() ? null : year;
                String size = rs.getString(9);
                e.sizeClass = size == null ? null : SizeClass.valueOf(size);
                boolean above = rs.getBoolean(10);
                e.above = rs.wasNull() ? null : above;
                ents.put(e.code, e);
            }
        });
    }

    /** Adds the stored figures of the enterprises {@code codes} (all in {@code ents}) to them. */
    private void loadFigures(List<String> codes, TreeMap<String, Ent> ents) throws SQLException {
        SqlText select = new SqlText("select credit_code, year, " + FIGURES_COLUMNS
                + " from enterprise_figures where credit_code in (", codes.size() * 22).codes(codes).sql(")");
        select.query(c, rs -> {
            while (rs.next()) {
                Ent e = ents.get(rs.getString(1));
                Fig f = new Fig(e.code, rs.getInt(2));
                f.employees = rs.getInt(3);
                f.revenue = rs.getBigDecimal(4);
                f.above = rs.getBoolean(5);
                f.declared = rs.getBoolean(6);
                f.sizeClass = SizeClass.valueOf(rs.getString(7));
                f.region = rs.getString(8);
                e.figures.put(f.year, f);
            }
        });
    }

    /**
     * Writes a chunk's plan: enterprises (new, then changed), then figures (new, then changed). The lists iterate in
     * key order: InnoDB then inserts the rows of one statement page after page (in hash order this cost MariaDB
     * about 20 % more time per import).
     */
    void write(ChunkPlanner.Plan plan) throws SQLException {
        for (List<Ent> slice : slices(plan.newEnts(), perStatement)) {
            insertEnterprises(slice);
        }
        updateEnterprises(plan.changedEnts());
        for (List<Fig> slice : slices(plan.newFigs(), perStatement)) {
            insertFigures(slice);
        }
        updateFigures(plan.changedFigs());
    }

    /**
     * The import's timestamp as a literal of the value the database stores when it is bound to a timestamp
     * column (the driver decides the fractional seconds it sends), so that inserted rows get the same value as
     * updated ones.
     */
    private String nowSql() throws SQLException {
        if (nowSql == null) {
            try (PreparedStatement ps = c.prepareStatement("select cast(? as datetime(6))")) {
                // as text, with its microseconds (bound as a temporal value, MariaDB 10.x would get whole seconds)
                ps.setString(1, stamp);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    nowSql = SqlText.timestamp(rs.getObject(1, LocalDateTime.class));
                }
            }
        }
        return nowSql;
    }

    private void insertEnterprises(List<Ent> rows) throws SQLException {
        String ts = nowSql();
        SqlText insert = new SqlText("insert into enterprise (credit_code, " + ENTERPRISE_COLUMNS
                + ", version, created_at, updated_at) values ", rows.size() * 170);
        for (int i = 0; i < rows.size(); i++) {
            Ent e = rows.get(i);
            insert.sql(i == 0 ? "(" : ", (").code(e.code).sql(", ").text(e.name).sql(", ").code(e.region)
                    .sql(", ").code(e.industry).sql(", ").text(e.address).sql(", ").flag(e.keyEnterprise)
                    .sql(", ").flag(e.keyIndustry).sql(", ").number(e.figuresYear)
                    .sql(", ").code(e.sizeClass == null ? null : e.sizeClass.name()).sql(", ").flag(e.above)
                    .sql(", 0, ").sql(ts).sql(", ").sql(ts).sql(")");
        }
        insert.executeUpdate(c);
    }

    private void insertFigures(List<Fig> rows) throws SQLException {
        String ts = nowSql();
        SqlText insert = new SqlText("insert into enterprise_figures (credit_code, year, " + FIGURES_COLUMNS
                + ", version, updated_at) values ", rows.size() * 110);
        for (int i = 0; i < rows.size(); i++) {
            Fig f = rows.get(i);
            insert.sql(i == 0 ? "(" : ", (").code(f.code).sql(", ").number(f.year)
                    .sql(", ").number(f.employees).sql(", ").decimal(f.revenue).sql(", ").flag(f.above)
                    .sql(", ").flag(f.declared).sql(", ").code(f.sizeClass.name()).sql(", ").code(f.region)
                    .sql(", 0, ").sql(ts).sql(")");
        }
        insert.executeUpdate(c);
    }

    private void updateEnterprises(List<Ent> changed) throws SQLException {
        updateEach(changed, "update enterprise set name = ?, region_code = ?, industry_code = ?, "
                + "address = ?, key_enterprise = ?, key_industry = ?, figures_year = ?, size_class = ?, above_designated_size = ?, "
                + "version = version + 1, updated_at = ? where credit_code = ?", (ps, e) -> {
                    ps.setString(1, e.name);
                    ps.setString(2, e.region);
                    ps.setString(3, e.industry);
                    ps.setString(4, e.address);
                    ps.setBoolean(5, e.keyEnterprise);
                    ps.setBoolean(6, e.keyIndustry);
                    setInt(ps, 7, e.figuresYear);
                    ps.setString(8, e.sizeClass == null ? null : e.sizeClass.name());
                    setBool(ps, 9, e.above);
                    ps.setString(10, stamp);
                    ps.setString(11, e.code);
                });
    }

    private void updateFigures(List<Fig> changed) throws SQLException {
        updateEach(changed, "update enterprise_figures set employees = ?, revenue = ?, "
                + "above_designated_size = ?, above_size_declared = ?, size_class = ?, region_code = ?, version = version + 1, "
                + "updated_at = ? where credit_code = ? and year = ?", (ps, f) -> {
                    ps.setInt(1, f.employees);
                    ps.setBigDecimal(2, f.revenue);
                    ps.setBoolean(3, f.above);
                    ps.setBoolean(4, f.declared);
                    ps.setString(5, f.sizeClass.name());
                    ps.setString(6, f.region);
                    ps.setString(7, stamp);
                    ps.setString(8, f.code);
                    ps.setInt(9, f.year);
                });
    }

    /** Sets the parameters of one row's UPDATE. */
    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    /** The changed rows as one JDBC batch of {@code update} (nothing when there are none). */
    private <T> void updateEach(List<T> changed, String update, RowBinder<T> binder) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(update)) {
            for (T row : changed) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** {@code items} in consecutive slices of at most {@code size}. */
    static <T> List<List<T>> slices(List<T> items, int size) {
        List<List<T>> slices = new ArrayList<>(items.size() / size + 1);
        for (int from = 0; from < items.size(); from += size) {
            slices.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return slices;
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setBool(PreparedStatement ps, int i, Boolean v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BOOLEAN);
        } else {
            ps.setBoolean(i, v);
        }
    }
}
