package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.enterprise.importing.ChunkPlanner.Ent;
import cn.liaocheng.rdcoverage.enterprise.importing.ChunkPlanner.Fig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.liaocheng.rdcoverage.enterprise.importing.ImportStore.ENTERPRISE_COLUMNS;
import static cn.liaocheng.rdcoverage.enterprise.importing.ImportStore.FIGURES_COLUMNS;
import static cn.liaocheng.rdcoverage.enterprise.importing.ImportStore.slices;

/**
 * The audit trail of one import, in Envers' tables ({@code audit_revision}, {@code enterprise_aud},
 * {@code enterprise_figures_aud}), which the history endpoints read through Envers: one revision per import, created
 * with its first change, and per chunk the audit rows of the rows just written, copied from them
 * ({@code insert ... select} in the same transaction) so that they hold exactly what was stored, as Envers' would.
 */
final class ImportAudit {
    /** Envers' revision types. */
    static final int ADD = 0;
    static final int MOD = 1;

    private final Connection c;
    private final long nowMillis;
    private final String actor;
    private final String actorRole;
    private final int perStatement;
    private long revision = -1;

    ImportAudit(Connection c, long nowMillis, String actor, String actorRole, int perStatement) {
        this.c = c;
        this.nowMillis = nowMillis;
        this.actor = actor;
        this.actorRole = actorRole;
        this.perStatement = Math.max(1, perStatement);
    }

    /** Writes the audit rows of a chunk's plan, after {@link ImportStore#write} wrote the plan. */
    void write(ChunkPlanner.Plan plan) throws SQLException {
        List<String> added = new ArrayList<>(plan.newEnts().size());
        for (Ent e : plan.newEnts()) {
            added.add(e.code);
        }
        List<String> modified = new ArrayList<>(plan.changedEnts().size());
        if (!plan.changedEnts().isEmpty()) {
            List<String> changedCodes = new ArrayList<>(plan.changedEnts().size());
            for (Ent e : plan.changedEnts()) {
                changedCodes.add(e.code);
            }
            Map<String, Integer> earlier = takeEarlierAudit(changedCodes);
            for (String code : changedCodes) {
                (earlier.getOrDefault(code, MOD) == ADD ? added : modified).add(code);
            }
            added.sort(null);
        }
        auditEnterprises(added, ADD);
        auditEnterprises(modified, MOD);
        for (Map.Entry<Integer, List<String>> year : byYear(plan.newFigs()).entrySet()) {
            auditFigures(year.getKey(), year.getValue(), ADD);
        }
        for (Map.Entry<Integer, List<String>> year : byYear(plan.changedFigs()).entrySet()) {
            auditFigures(year.getKey(), year.getValue(), MOD);
        }
    }

    /** The audit revision of this import, created with its first change (the same trail Envers keeps). */
    private long revision() throws SQLException {
        if (revision < 0) {
            try (PreparedStatement ps = c.prepareStatement("insert into audit_revision (changed_at, subject, role) values (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, nowMillis);
                ps.setString(2, actor);
                ps.setString(3, actorRole);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    revision = keys.getLong(1);
                }
            }
        }
        return revision;
    }

    private void auditEnterprises(List<String> codes, int revtype) throws SQLException {
        for (List<String> slice : slices(codes, perStatement)) {
            new SqlText("insert into enterprise_aud (credit_code, rev, revtype, " + ENTERPRISE_COLUMNS
                    + ", created_at, updated_at) select credit_code, ", slice.size() * 22 + 400)
                    .number(revision()).sql(", ").number(revtype).sql(", " + ENTERPRISE_COLUMNS
                            + ", created_at, updated_at from enterprise where credit_code in (")
                    .codes(slice).sql(")").executeUpdate(c);
        }
    }

    /**
     * Enterprises changed again after an earlier chunk of this import created or changed them already have an
     * audit row in this revision: like Envers, which keeps one row per object and revision, the import replaces
     * that row, keeping its revision type (created and then changed in one revision is still "created"). Returns
     * the revision types of the rows taken away.
     */
    private Map<String, Integer> takeEarlierAudit(List<String> codes) throws SQLException {
        Map<String, Integer> earlier = new HashMap<>();
        if (revision < 0) {
            return earlier;
        }
        for (List<String> slice : slices(codes, perStatement)) {
            new SqlText("select credit_code, revtype from enterprise_aud where rev = ", slice.size() * 22 + 100)
                    .number(revision).sql(" and credit_code in (").codes(slice).sql(")").query(c, rs -> {
                        while (rs.next()) {
                            earlier.put(rs.getString(1), rs.getInt(2));
                        }
                    });
        }
        for (List<String> slice : slices(new ArrayList<>(earlier.keySet()), perStatement)) {
            new SqlText("delete from enterprise_aud where rev = ", slice.size() * 22 + 100)
                    .number(revision).sql(" and credit_code in (").codes(slice).sql(")").executeUpdate(c);
        }
        return earlier;
    }

    /** One year at a time, so that the key (credit_code, year) is searched by range. */
    private void auditFigures(int year, List<String> codes, int revtype) throws SQLException {
        for (List<String> slice : slices(codes, perStatement)) {
            new SqlText("insert into enterprise_figures_aud (credit_code, year, rev, revtype, " + FIGURES_COLUMNS
                    + ", updated_at) select credit_code, year, ", slice.size() * 22 + 400)
                    .number(revision()).sql(", ").number(revtype).sql(", " + FIGURES_COLUMNS
                            + ", updated_at from enterprise_figures where year = ").number(year)
                    .sql(" and credit_code in (").codes(slice).sql(")").executeUpdate(c);
        }
    }

    /** The figures' credit codes by year, in the figures' order. */
    private static Map<Integer, List<String>> byYear(List<Fig> figs) {
        Map<Integer, List<String>> byYear = new TreeMap<>();
        for (Fig f : figs) {
            byYear.computeIfAbsent(f.year, y -> new ArrayList<>()).add(f.code);
        }
        return byYear;
    }
}
