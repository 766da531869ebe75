package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.coverage.CoverageLedger;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.enterprise.SizeRules;
import cn.liaocheng.rdcoverage.region.Regions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bulk upsert of the statistics bureau's yearly list, by credit code and year. The body is streamed: records are
 * validated one at a time (on a reader thread, a chunk ahead: {@link ChunkReader}) and written in chunks of
 * {@code chunk} rows inside one transaction, so a file is
 * imported whole or not at all (unless mode=partial), and a dry run is the same work rolled back. Every change
 * also writes its audit rows (one revision per import), which the history endpoints read through Envers.
 */
@ApplicationScoped
public class EnterpriseImporter {
    @jakarta.inject.Inject Changes changes; // the change feed (issue 16)

    static final int MAX_ERRORS_LISTED = 1000;
    /** Rows per multi-row INSERT and codes per IN list: one statement per table and chunk at the default chunk size. */
    static final int MAX_ROWS_PER_STATEMENT = 1000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Regions regions;

    @Inject
    SizeRules sizeRules;

    @Inject
    Clock clock;

    /** The application's mapper: JSON and NDJSON imports read with its factory and stream-read constraints. */
    @Inject
    ObjectMapper objectMapper;

    @ConfigProperty(name = "rd.import.chunk-size", defaultValue = "1000")
    int chunk;

    @ConfigProperty(name = "rd.import.transaction-timeout", defaultValue = "3600")
    int timeoutSeconds;

    /**
     * @param queryYear   the year of rows without a year cell (?year=), or null (then the title row's, if any)
     * @param listed      the file is the bureau's list of 规上 enterprises: rows without a 是否规上 cell are marked
     *                    above designated size for their year (false: derived from revenue, as for single entries)
     * @param regionScope the only region the caller may import into (a county officer's), or null for any
     */
    public ImportReport run(ImportSource source, Integer queryYear, boolean listed, boolean dryRun, boolean partial,
                            String regionScope, String actor, String actorRole) {
        Instant now = Instant.now(clock);
        // the reader's thread validates against this copy (the region cache would read the database on its own)
        Map<String, String> regionByName = new HashMap<>();
        for (Regions.RegionView r : regions.all()) {
            regionByName.put(r.code(), r.code());
            regionByName.put(RowValidator.regionKey(r.name()), r.code());
        }
        regions.aliases().forEach((alias, code) -> regionByName.putIfAbsent(RowValidator.regionKey(alias), code));
        RowReader reader = RowReader.open(source, objectMapper, queryYear);
        ImportFile file = reader.info();
        RowValidator validator;
        try {
            validator = new RowValidator(regionByName, regionScope, LocalDate.now(clock).getYear(), file.year(),
                    listed ? Boolean.TRUE : null);
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        Counters n = new Counters();
        List<ImportError> errors = new ArrayList<>();

        QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(timeoutSeconds));
        boolean done = false;
        try (ChunkReader chunks = ChunkReader.start(reader, validator, chunk, MAX_ERRORS_LISTED);
             Connection c = dataSource.getConnection()) {
            Writer writer = new Writer(c, now, regionScope, actor, actorRole, e -> {
                n.rejected++;
                record(errors, n, e);
            });
            ChunkReader.Chunk next;
            do {
                next = chunks.next();
                if (next.failure() instanceof RuntimeException failure) {
                    throw failure;
                } else if (next.failure() instanceof Error failure) {
                    throw failure;
                } else if (next.failure() != null) {
                    throw new IllegalStateException("Import failed reading the file", next.failure());
                }
                n.received += next.received();
                n.rejected += next.rejected();
                for (ImportError e : next.errors()) {
                    record(errors, n, e);
                }
                n.errorsOmitted += next.errorsOmitted();
                if (next.last() && n.received == 0) {
                    throw RowReader.fileProblem("body", "holds no records");
                }
                writer.write(next.rows(), n);
            } while (!next.last());
            done = true;
        } catch (SQLException e) {
            throw conflictOr(e);
        } finally {
            boolean keep = done && !dryRun && (partial || n.rejected == 0);
            if (keep) {
                QuarkusTransaction.commit();
            } else {
                QuarkusTransaction.rollback();
            }
        }
        long skipped = reader.skipped();
        boolean committed = !dryRun && (partial || n.rejected == 0);
        if (!partial && n.rejected > 0) {
            throw new ImportReport(n.received, dryRun ? n.created : 0, dryRun ? n.updated : 0, dryRun ? n.unchanged : 0,
                    n.rejected, skipped, dryRun, "all-or-nothing", false, errors, n.errorsOmitted > 0 ? n.errorsOmitted : null,
                    file).rejection();
        }
        return new ImportReport(n.received, n.created, n.updated, n.unchanged, n.rejected, skipped, dryRun,
                partial ? "partial" : "all-or-nothing", committed, errors, n.errorsOmitted > 0 ? n.errorsOmitted : null, file);
    }

    /**
     * A concurrent import of the same new rows (a duplicate key) or a deadlock is a 409 asking to retry (nothing of
     * this import was kept); anything else from the database is a fault of the service.
     */
    static RuntimeException conflictOr(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // 23xxx: a duplicate key; 40xxx: deadlock or serialisation; MySQL 1205 and H2 HYT00/90131: a lock wait
            // that timed out or a concurrent update
            String state = t instanceof SQLException s ? String.valueOf(s.getSQLState()) : "";
            if (t instanceof SQLException s && (state.startsWith("23") || state.startsWith("40") || state.equals("HYT00")
                    || state.equals("90131") || s.getErrorCode() == 1205 || s.getErrorCode() == 1213)) {
                return new ApiException(409, "import-conflict", "Another change got there first",
                        "another import or edit changed the same enterprises at the same moment; nothing of this import "
                                + "was kept: send the file again", null, null).zh("detail.import-conflict");
            }
        }
        return new IllegalStateException("Import failed in the database", e);
    }

    private static void record(List<ImportError> errors, Counters n, ImportError e) {
        if (errors.size() < MAX_ERRORS_LISTED) {
            errors.add(e);
        } else {
            n.errorsOmitted++;
        }
    }

    static final class Counters {
        long received;
        long created;
        long updated;
        long unchanged;
        long rejected;
        long errorsOmitted;
    }

    /** Stored state of one enterprise as far as an import can change it. */
    private static final class Ent {
        final String code;
        String name;
        String region;
        String industry;
        String address;
        boolean keyEnterprise;
        boolean keyIndustry;
        Integer figuresYear;
        SizeClass sizeClass;
        Boolean above;
        boolean isNew;
        boolean dirty;
        final Map<Integer, Fig> figures = new TreeMap<>();

        Ent(String code) {
            this.code = code;
        }
    }

    private static final class Fig {
        final String code;
        final int year;
        int employees;
        BigDecimal revenue;
        boolean above;
        boolean declared;
        SizeClass sizeClass;
        String region;
        boolean isNew;
        boolean dirty;

        Fig(String code, int year) {
            this.code = code;
            this.year = year;
        }
    }

    private static final String ENTERPRISE_COLUMNS = "name, region_code, industry_code, address, key_enterprise, key_industry, "
            + "figures_year, size_class, above_designated_size";
    /** region_code: the region of the row's statistical year (issue #19), so a later year's list moves only that year. */
    private static final String FIGURES_COLUMNS = "employees, revenue, above_designated_size, above_size_declared, size_class, region_code";

    /** Envers' revision types. */
    private static final int ADD = 0;
    private static final int MOD = 1;

    /**
     * Writes the chunks of one import on its connection. New rows go out as multi-row INSERT statements written by
     * the writer ({@link SqlText}), at most {@link #MAX_ROWS_PER_STATEMENT} rows each, rather than as JDBC batches
     * that the MySQL connector would size, copy and rewrite into the same statements (rewriteBatchedStatements);
     * changed rows as JDBC batches of UPDATEs. The audit rows are copied from the rows just written.
     */
    private final class Writer {
        private final Connection c;
        private final LocalDateTime now;
        private final String regionScope;
        private final java.util.function.Consumer<ImportError> reject;
        private final long nowMillis;
        private final String actor;
        private final String actorRole;
        private final int perStatement;
        private long revision = -1;
        private String nowSql;

        Writer(Connection c, Instant now, String regionScope, String actor, String actorRole,
               java.util.function.Consumer<ImportError> reject) {
            this.c = c;
            this.now = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            this.nowMillis = now.toEpochMilli();
            this.regionScope = regionScope;
            this.actor = actor;
            this.actorRole = actorRole;
            this.reject = reject;
            this.perStatement = Math.max(1, Math.min(chunk, MAX_ROWS_PER_STATEMENT));
        }

        /** The audit revision of this import, created with its first change (the same trail Envers keeps). */
        private long revision() throws SQLException {
            if (revision < 0) {
                try (PreparedStatement ps = c.prepareStatement("insert into audit_revision (changed_at, subject, role) values (?, ?, ?)",
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
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

        /**
         * The import's timestamp as a literal of the value the database stores when it is bound to a timestamp
         * column (the driver decides the fractional seconds it sends), so that inserted rows get the same value as
         * updated ones.
         */
        private String nowSql() throws SQLException {
            if (nowSql == null) {
                try (PreparedStatement ps = c.prepareStatement("select cast(? as datetime(6))")) {
                    // as text, with its microseconds (bound as a temporal value, MariaDB 10.x would get whole seconds)
                    ps.setString(1, cn.liaocheng.rdcoverage.common.db.MicrosecondTimestampJdbcType.TEXT.format(now));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        nowSql = SqlText.timestamp(rs.getObject(1, LocalDateTime.class));
                    }
                }
            }
            return nowSql;
        }

        void write(List<ImportRow> rows, Counters n) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            Set<String> codes = new LinkedHashSet<>();
            for (ImportRow r : rows) {
                codes.add(r.creditCode());
            }
            Map<String, Ent> ents = load(codes);
            for (ImportRow r : rows) {
                Ent e = ents.get(r.creditCode());
                if (e != null && !e.isNew && regionScope != null && !regionScope.equals(e.region)) {
                    reject.accept(new ImportError(r.line(), "creditCode", "enterprise " + r.creditCode()
                            + " belongs to another region; only its own county or the city can change it"));
                    continue;
                }
                if (e == null) {
                    e = new Ent(r.creditCode());
                    e.isNew = true;
                    e.keyEnterprise = Boolean.TRUE.equals(r.keyEnterprise());
                    e.keyIndustry = Boolean.TRUE.equals(r.keyIndustry());
                    e.name = r.name();
                    e.region = r.regionCode();
                    e.industry = r.industryCode();
                    e.address = r.address();
                    ents.put(r.creditCode(), e);
                }
                boolean entChanged = !e.isNew && attributes(e, r);
                e.dirty |= entChanged;
                SizeRules.Derived d = sizeRules.derive(r.year(), r.employees(), r.revenue(), r.aboveDesignatedSize());
                Fig f = e.figures.get(r.year());
                boolean figCreated = f == null;
                boolean figChanged = false;
                if (figCreated) {
                    f = new Fig(e.code, r.year());
                    f.isNew = true;
                    e.figures.put(r.year(), f);
                }
                boolean declared = r.aboveDesignatedSize() != null;
                if (declared && !figCreated && !f.declared && f.above == r.aboveDesignatedSize()
                        && sizeRules.derive(r.year(), r.employees(), r.revenue(), null).aboveDesignatedSize() == f.above) {
                    // the stated flag is what the revenue gives (e.g. a list exported and sent back): still derived
                    declared = false;
                }
                if (figCreated || f.employees != r.employees() || f.revenue.compareTo(r.revenue()) != 0
                        || f.above != d.aboveDesignatedSize() || f.declared != declared || f.sizeClass != d.sizeClass()
                        || !r.regionCode().equals(f.region)) {
                    figChanged = !figCreated;
                    f.employees = r.employees();
                    f.revenue = r.revenue();
                    f.above = d.aboveDesignatedSize();
                    f.declared = declared;
                    f.sizeClass = d.sizeClass();
                    f.region = r.regionCode();
                    f.dirty |= figChanged;
                }
                if (figCreated) {
                    n.created++;
                } else if (entChanged || figChanged) {
                    n.updated++;
                } else {
                    n.unchanged++;
                }
            }
            flush(ents);
        }

        /** Applies the row's enterprise attributes; absent optional values keep what is stored. */
        private boolean attributes(Ent e, ImportRow r) {
            boolean changed = false;
            if (!r.name().equals(e.name)) {
                e.name = r.name();
                changed = true;
            }
            if (!r.regionCode().equals(e.region)) {
                e.region = r.regionCode();
                changed = true;
            }
            if (r.industryCode() != null && !r.industryCode().equals(e.industry)) {
                e.industry = r.industryCode();
                changed = true;
            }
            if (r.address() != null && !r.address().equals(e.address)) {
                e.address = r.address();
                changed = true;
            }
            if (r.keyEnterprise() != null && r.keyEnterprise() != e.keyEnterprise) {
                e.keyEnterprise = r.keyEnterprise();
                changed = true;
            }
            if (r.keyIndustry() != null && r.keyIndustry() != e.keyIndustry) {
                e.keyIndustry = r.keyIndustry();
                changed = true;
            }
            return changed;
        }

        /**
         * The stored enterprises among {@code codes} with all their figures (read only if any enterprise is stored),
         * in a map ordered by credit code, to which the chunk's new enterprises are added.
         */
        private Map<String, Ent> load(Set<String> codes) throws SQLException {
            Map<String, Ent> ents = new TreeMap<>();
            for (List<String> slice : slices(new ArrayList<>(codes))) {
                SqlText select = new SqlText("select credit_code, " + ENTERPRISE_COLUMNS
                        + " from enterprise where credit_code in (", slice.size() * 22).codes(slice).sql(")");
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
            if (ents.isEmpty()) {
                return ents;
            }
            for (List<String> slice : slices(new ArrayList<>(ents.keySet()))) {
                SqlText select = new SqlText("select credit_code, year, " + FIGURES_COLUMNS
                        + " from enterprise_figures where credit_code in (", slice.size() * 22).codes(slice).sql(")");
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
            return ents;
        }

        /**
         * Writes the chunk: enterprises (new, then changed), figures (new, then changed), then their audit rows,
         * copied from the rows just written ({@code insert ... select} in the same transaction), so that they hold
         * exactly what was stored, as Envers' would. {@code ents} iterates in key order: InnoDB then inserts the rows
         * of one statement page after page (in hash order this cost MariaDB about 20 % more time per import).
         */
        private void flush(Map<String, Ent> ents) throws SQLException {
            List<Ent> newEnts = new ArrayList<>();
            List<Ent> changedEnts = new ArrayList<>();
            List<Fig> newFigs = new ArrayList<>();
            List<Fig> changedFigs = new ArrayList<>();
            for (Ent e : ents.values()) {
                mirror(e);
                if (e.isNew) {
                    newEnts.add(e);
                } else if (e.dirty) {
                    changedEnts.add(e);
                }
                for (Fig f : e.figures.values()) {
                    if (f.isNew) {
                        newFigs.add(f);
                    } else if (f.dirty) {
                        changedFigs.add(f);
                    }
                }
            }
            for (List<Ent> slice : slices(newEnts)) {
                insertEnterprises(slice);
            }
            updateEnterprises(changedEnts);
            for (List<Fig> slice : slices(newFigs)) {
                insertFigures(slice);
            }
            updateFigures(changedFigs);

            List<String> added = new ArrayList<>(newEnts.size());
            for (Ent e : newEnts) {
                added.add(e.code);
            }
            List<String> modified = new ArrayList<>(changedEnts.size());
            if (!changedEnts.isEmpty()) {
                List<String> changedCodes = new ArrayList<>(changedEnts.size());
                for (Ent e : changedEnts) {
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
            for (Map.Entry<Integer, List<String>> year : byYear(newFigs).entrySet()) {
                auditFigures(year.getKey(), year.getValue(), ADD);
            }
            for (Map.Entry<Integer, List<String>> year : byYear(changedFigs).entrySet()) {
                auditFigures(year.getKey(), year.getValue(), MOD);
            }
            // coverage rows of the enterprises this chunk wrote, in the import's transaction (issue #20): the stored
            // ones recomputed from the tables, the new ones (no participants yet) from the figures just written
            List<String> touched = new ArrayList<>();
            Map<String, Map<Integer, String>> createdAbove = new TreeMap<>();
            List<Changes.Imported> imported = new ArrayList<>();
            for (Ent e : ents.values()) {
                if (e.isNew) {
                    Map<Integer, String> years = new TreeMap<>();
                    for (Fig f : e.figures.values()) {
                        if (f.above) {
                            years.put(f.year, f.region != null ? f.region : e.region);
                        }
                    }
                    createdAbove.put(e.code, years);
                } else if (e.dirty || e.figures.values().stream().anyMatch(f -> f.isNew || f.dirty)) {
                    touched.add(e.code);
                } else {
                    continue;
                }
                imported.add(new Changes.Imported(e.code, e.region, e.isNew));
            }
            CoverageLedger.refresh(c, touched);
            CoverageLedger.insertCreated(c, createdAbove);
            changes.imported(c, imported);
        }

        private void updateEnterprises(List<Ent> changed) throws SQLException {
            if (changed.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("update enterprise set name = ?, region_code = ?, industry_code = ?, "
                    + "address = ?, key_enterprise = ?, key_industry = ?, figures_year = ?, size_class = ?, above_designated_size = ?, "
                    + "version = version + 1, updated_at = ? where credit_code = ?")) {
                for (Ent e : changed) {
                    ps.setString(1, e.name);
                    ps.setString(2, e.region);
                    ps.setString(3, e.industry);
                    ps.setString(4, e.address);
                    ps.setBoolean(5, e.keyEnterprise);
                    ps.setBoolean(6, e.keyIndustry);
                    setInt(ps, 7, e.figuresYear);
                    ps.setString(8, e.sizeClass == null ? null : e.sizeClass.name());
                    setBool(ps, 9, e.above);
                    ps.setObject(10, now);
                    ps.setString(11, e.code);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        private void updateFigures(List<Fig> changed) throws SQLException {
            if (changed.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("update enterprise_figures set employees = ?, revenue = ?, "
                    + "above_designated_size = ?, above_size_declared = ?, size_class = ?, region_code = ?, version = version + 1, "
                    + "updated_at = ? where credit_code = ? and year = ?")) {
                for (Fig f : changed) {
                    ps.setInt(1, f.employees);
                    ps.setBigDecimal(2, f.revenue);
                    ps.setBoolean(3, f.above);
                    ps.setBoolean(4, f.declared);
                    ps.setString(5, f.sizeClass.name());
                    ps.setString(6, f.region);
                    ps.setObject(7, now);
                    ps.setString(8, f.code);
                    ps.setInt(9, f.year);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }

        /** The figures' credit codes by year, in the figures' order. */
        private Map<Integer, List<String>> byYear(List<Fig> figs) {
            Map<Integer, List<String>> byYear = new TreeMap<>();
            for (Fig f : figs) {
                byYear.computeIfAbsent(f.year, y -> new ArrayList<>()).add(f.code);
            }
            return byYear;
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

        private void auditEnterprises(List<String> codes, int revtype) throws SQLException {
            for (List<String> slice : slices(codes)) {
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
            for (List<String> slice : slices(codes)) {
                new SqlText("select credit_code, revtype from enterprise_aud where rev = ", slice.size() * 22 + 100)
                        .number(revision).sql(" and credit_code in (").codes(slice).sql(")").query(c, rs -> {
                            while (rs.next()) {
                                earlier.put(rs.getString(1), rs.getInt(2));
                            }
                        });
            }
            for (List<String> slice : slices(new ArrayList<>(earlier.keySet()))) {
                new SqlText("delete from enterprise_aud where rev = ", slice.size() * 22 + 100)
                        .number(revision).sql(" and credit_code in (").codes(slice).sql(")").executeUpdate(c);
            }
            return earlier;
        }

        /** One year at a time, so that the key (credit_code, year) is searched by range. */
        private void auditFigures(int year, List<String> codes, int revtype) throws SQLException {
            for (List<String> slice : slices(codes)) {
                new SqlText("insert into enterprise_figures_aud (credit_code, year, rev, revtype, " + FIGURES_COLUMNS
                        + ", updated_at) select credit_code, year, ", slice.size() * 22 + 400)
                        .number(revision()).sql(", ").number(revtype).sql(", " + FIGURES_COLUMNS
                                + ", updated_at from enterprise_figures where year = ").number(year)
                        .sql(" and credit_code in (").codes(slice).sql(")").executeUpdate(c);
            }
        }

        /** {@code items} in consecutive slices of at most {@link #perStatement}. */
        private <T> List<List<T>> slices(List<T> items) {
            List<List<T>> slices = new ArrayList<>(items.size() / perStatement + 1);
            for (int from = 0; from < items.size(); from += perStatement) {
                slices.add(items.subList(from, Math.min(items.size(), from + perStatement)));
            }
            return slices;
        }

        /** Copies the latest year's size class and 规上 flag onto the enterprise; a change makes it dirty. */
        private void mirror(Ent e) {
            Integer latestYear = null;
            for (Integer y : e.figures.keySet()) {
                if (latestYear == null || y > latestYear) {
                    latestYear = y;
                }
            }
            Fig latest = latestYear == null ? null : e.figures.get(latestYear);
            SizeClass size = latest == null ? null : latest.sizeClass;
            Boolean above = latest == null ? null : latest.above;
            if (!Objects.equals(latestYear, e.figuresYear) || size != e.sizeClass || !Objects.equals(above, e.above)) {
                e.figuresYear = latestYear;
                e.sizeClass = size;
                e.above = above;
                e.dirty = true;
            }
        }
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
