package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.enterprise.SizeRules;
import cn.liaocheng.rdcoverage.region.Regions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Bulk upsert of the statistics bureau's yearly list, by credit code and year. The body is streamed: records are
 * validated one at a time and written in JDBC batches of {@code chunk} rows inside one transaction, so a file is
 * imported whole or not at all (unless mode=partial), and a dry run is the same work rolled back.
 */
@ApplicationScoped
public class EnterpriseImporter {
    static final int MAX_ERRORS_LISTED = 1000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Regions regions;

    @Inject
    SizeRules sizeRules;

    @Inject
    Clock clock;

    @ConfigProperty(name = "rd.import.chunk-size", defaultValue = "1000")
    int chunk;

    @ConfigProperty(name = "rd.import.transaction-timeout", defaultValue = "3600")
    int timeoutSeconds;

    /**
     * @param regionScope the only region the caller may import into (a county officer's), or null for any
     */
    public ImportReport run(InputStream body, String format, Charset charset, boolean dryRun, boolean partial,
                            String regionScope, String actor, String actorRole) {
        Instant now = Instant.now(clock);
        RowValidator validator = new RowValidator(regions::exists, regionScope, LocalDate.now(clock).getYear());
        Counters n = new Counters();
        List<ImportError> errors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();

        QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(timeoutSeconds));
        boolean done = false;
        try (RowReader reader = RowReader.open(body, format, charset); Connection c = dataSource.getConnection()) {
            Writer writer = new Writer(c, now, regionScope, actor, actorRole, e -> {
                n.rejected++;
                record(errors, n, e);
            });
            List<ImportRow> batch = new ArrayList<>(chunk);
            List<ImportError> rowErrors = new ArrayList<>(4);
            RawRow raw;
            while ((raw = reader.next()) != null) {
                n.received++;
                rowErrors.clear();
                ImportRow row = validator.validate(raw, rowErrors);
                if (row != null) {
                    Long first = seen.putIfAbsent(row.creditCode() + '/' + row.year(), row.line());
                    if (first != null) {
                        rowErrors.add(new ImportError(row.line(), "creditCode", "repeats " + row.creditCode()
                                + " for year " + row.year() + " of line " + first));
                        row = null;
                    }
                }
                if (row == null) {
                    n.rejected++;
                    for (ImportError e : rowErrors) {
                        record(errors, n, e);
                    }
                    continue;
                }
                batch.add(row);
                if (batch.size() >= chunk) {
                    writer.write(batch, n);
                    batch.clear();
                }
            }
            if (n.received == 0) {
                throw RowReader.fileProblem("body", "holds no records");
            }
            writer.write(batch, n);
            done = true;
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed in the database", e);
        } finally {
            boolean keep = done && !dryRun && (partial || n.rejected == 0);
            if (keep) {
                QuarkusTransaction.commit();
            } else {
                QuarkusTransaction.rollback();
            }
        }
        boolean committed = !dryRun && (partial || n.rejected == 0);
        if (!committed && !dryRun) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("received", n.received);
            ext.put("created", 0);
            ext.put("updated", 0);
            ext.put("unchanged", 0);
            ext.put("rejected", n.rejected);
            ext.put("committed", false);
            ext.put("errors", errors);
            if (n.errorsOmitted > 0) {
                ext.put("errorsOmitted", n.errorsOmitted);
            }
            throw ApiException.unprocessable("import-rejected", n.rejected + " of " + n.received
                    + " rows are invalid, so nothing was imported; fix them, or send ?mode=partial to keep the valid rows", ext);
        }
        return new ImportReport(n.received, n.created, n.updated, n.unchanged, n.rejected, dryRun,
                partial ? "partial" : "all-or-nothing", committed, errors, n.errorsOmitted > 0 ? n.errorsOmitted : null);
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
        String name;
        String region;
        String industry;
        String address;
        boolean keyEnterprise;
        boolean keyIndustry;
        Integer figuresYear;
        SizeClass sizeClass;
        Boolean above;
        LocalDateTime createdAt;
        boolean isNew;
        boolean dirty;
        final Map<Integer, Fig> figures = new HashMap<>();
    }

    private static final class Fig {
        int employees;
        BigDecimal revenue;
        boolean above;
        boolean declared;
        SizeClass sizeClass;
        boolean isNew;
        boolean dirty;
    }

    private final class Writer {
        private final Connection c;
        private final LocalDateTime now;
        private final String regionScope;
        private final java.util.function.Consumer<ImportError> reject;
        private final long nowMillis;
        private final String actor;
        private final String actorRole;
        private long revision = -1;

        Writer(Connection c, Instant now, String regionScope, String actor, String actorRole,
               java.util.function.Consumer<ImportError> reject) {
            this.c = c;
            this.now = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            this.nowMillis = now.toEpochMilli();
            this.regionScope = regionScope;
            this.actor = actor;
            this.actorRole = actorRole;
            this.reject = reject;
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
                    e = new Ent();
                    e.isNew = true;
                    e.createdAt = now;
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
                    f = new Fig();
                    f.isNew = true;
                    e.figures.put(r.year(), f);
                }
                boolean declared = r.aboveDesignatedSize() != null;
                if (figCreated || f.employees != r.employees() || f.revenue.compareTo(r.revenue()) != 0
                        || f.above != d.aboveDesignatedSize() || f.declared != declared || f.sizeClass != d.sizeClass()) {
                    figChanged = !figCreated;
                    f.employees = r.employees();
                    f.revenue = r.revenue();
                    f.above = d.aboveDesignatedSize();
                    f.declared = declared;
                    f.sizeClass = d.sizeClass();
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

        private Map<String, Ent> load(Set<String> codes) throws SQLException {
            Map<String, Ent> ents = new HashMap<>(codes.size() * 2);
            String in = placeholders(codes.size());
            try (PreparedStatement ps = c.prepareStatement("select credit_code, name, region_code, industry_code, address, "
                    + "key_enterprise, key_industry, figures_year, size_class, above_designated_size, created_at from enterprise where credit_code in (" + in + ")")) {
                bind(ps, 1, codes);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Ent e = new Ent();
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
                        e.createdAt = rs.getObject(11, LocalDateTime.class);
                        ents.put(rs.getString(1), e);
                    }
                }
            }
            if (ents.isEmpty()) {
                return ents;
            }
            try (PreparedStatement ps = c.prepareStatement("select credit_code, year, employees, revenue, above_designated_size, "
                    + "above_size_declared, size_class from enterprise_figures where credit_code in (" + placeholders(ents.size()) + ")")) {
                bind(ps, 1, ents.keySet());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Fig f = new Fig();
                        f.employees = rs.getInt(3);
                        f.revenue = rs.getBigDecimal(4);
                        f.above = rs.getBoolean(5);
                        f.declared = rs.getBoolean(6);
                        f.sizeClass = SizeClass.valueOf(rs.getString(7));
                        ents.get(rs.getString(1)).figures.put(rs.getInt(2), f);
                    }
                }
            }
            return ents;
        }

        private void flush(Map<String, Ent> ents) throws SQLException {
            try (PreparedStatement insE = c.prepareStatement("insert into enterprise (credit_code, name, region_code, industry_code, address, "
                    + "key_enterprise, key_industry, figures_year, size_class, above_designated_size, version, created_at, updated_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
                 PreparedStatement updE = c.prepareStatement("update enterprise set name = ?, region_code = ?, industry_code = ?, "
                         + "address = ?, key_enterprise = ?, key_industry = ?, figures_year = ?, size_class = ?, above_designated_size = ?, "
                         + "version = version + 1, updated_at = ? where credit_code = ?");
                 PreparedStatement insF = c.prepareStatement("insert into enterprise_figures (credit_code, year, employees, revenue, "
                         + "above_designated_size, above_size_declared, size_class, version, updated_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?)");
                 PreparedStatement updF = c.prepareStatement("update enterprise_figures set employees = ?, revenue = ?, "
                         + "above_designated_size = ?, above_size_declared = ?, size_class = ?, version = version + 1, updated_at = ? "
                         + "where credit_code = ? and year = ?");
                 PreparedStatement audE = c.prepareStatement("insert into enterprise_aud (credit_code, rev, revtype, name, region_code, "
                         + "industry_code, address, key_enterprise, key_industry, figures_year, size_class, above_designated_size, "
                         + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement audF = c.prepareStatement("insert into enterprise_figures_aud (credit_code, year, rev, revtype, "
                         + "employees, revenue, above_designated_size, above_size_declared, size_class, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int ie = 0;
                int ue = 0;
                int iff = 0;
                int uf = 0;
                Set<String> changed = new LinkedHashSet<>();
                for (Map.Entry<String, Ent> entry : ents.entrySet()) {
                    mirror(entry.getValue());
                    if (!entry.getValue().isNew && entry.getValue().dirty) {
                        changed.add(entry.getKey());
                    }
                }
                Map<String, Integer> earlier = takeEarlierAudit(changed);
                for (Map.Entry<String, Ent> entry : ents.entrySet()) {
                    String code = entry.getKey();
                    Ent e = entry.getValue();
                    if (e.isNew || e.dirty) {
                        audE.setString(1, code);
                        audE.setLong(2, revision());
                        audE.setInt(3, e.isNew ? 0 : earlier.getOrDefault(code, 1));
                        audE.setString(4, e.name);
                        audE.setString(5, e.region);
                        audE.setString(6, e.industry);
                        audE.setString(7, e.address);
                        audE.setBoolean(8, e.keyEnterprise);
                        audE.setBoolean(9, e.keyIndustry);
                        setInt(audE, 10, e.figuresYear);
                        audE.setString(11, e.sizeClass == null ? null : e.sizeClass.name());
                        setBool(audE, 12, e.above);
                        audE.setObject(13, e.createdAt);
                        audE.setObject(14, now);
                        audE.addBatch();
                    }
                    if (e.isNew) {
                        insE.setString(1, code);
                        insE.setString(2, e.name);
                        insE.setString(3, e.region);
                        insE.setString(4, e.industry);
                        insE.setString(5, e.address);
                        insE.setBoolean(6, e.keyEnterprise);
                        insE.setBoolean(7, e.keyIndustry);
                        setInt(insE, 8, e.figuresYear);
                        insE.setString(9, e.sizeClass == null ? null : e.sizeClass.name());
                        setBool(insE, 10, e.above);
                        insE.setObject(11, now);
                        insE.setObject(12, now);
                        insE.addBatch();
                        ie++;
                    } else if (e.dirty) {
                        updE.setString(1, e.name);
                        updE.setString(2, e.region);
                        updE.setString(3, e.industry);
                        updE.setString(4, e.address);
                        updE.setBoolean(5, e.keyEnterprise);
                        updE.setBoolean(6, e.keyIndustry);
                        setInt(updE, 7, e.figuresYear);
                        updE.setString(8, e.sizeClass == null ? null : e.sizeClass.name());
                        setBool(updE, 9, e.above);
                        updE.setObject(10, now);
                        updE.setString(11, code);
                        updE.addBatch();
                        ue++;
                    }
                    for (Map.Entry<Integer, Fig> fe : e.figures.entrySet()) {
                        Fig f = fe.getValue();
                        if (f.isNew || f.dirty) {
                            audF.setString(1, code);
                            audF.setInt(2, fe.getKey());
                            audF.setLong(3, revision());
                            audF.setInt(4, f.isNew ? 0 : 1);
                            audF.setInt(5, f.employees);
                            audF.setBigDecimal(6, f.revenue);
                            audF.setBoolean(7, f.above);
                            audF.setBoolean(8, f.declared);
                            audF.setString(9, f.sizeClass.name());
                            audF.setObject(10, now);
                            audF.addBatch();
                        }
                        if (f.isNew) {
                            insF.setString(1, code);
                            insF.setInt(2, fe.getKey());
                            insF.setInt(3, f.employees);
                            insF.setBigDecimal(4, f.revenue);
                            insF.setBoolean(5, f.above);
                            insF.setBoolean(6, f.declared);
                            insF.setString(7, f.sizeClass.name());
                            insF.setObject(8, now);
                            insF.addBatch();
                            iff++;
                        } else if (f.dirty) {
                            updF.setInt(1, f.employees);
                            updF.setBigDecimal(2, f.revenue);
                            updF.setBoolean(3, f.above);
                            updF.setBoolean(4, f.declared);
                            updF.setString(5, f.sizeClass.name());
                            updF.setObject(6, now);
                            updF.setString(7, code);
                            updF.setInt(8, fe.getKey());
                            updF.addBatch();
                            uf++;
                        }
                    }
                }
                if (ie > 0) {
                    insE.executeBatch();
                }
                if (ue > 0) {
                    updE.executeBatch();
                }
                if (iff > 0) {
                    insF.executeBatch();
                }
                if (uf > 0) {
                    updF.executeBatch();
                }
                if (ie + ue > 0) {
                    audE.executeBatch();
                }
                if (iff + uf > 0) {
                    audF.executeBatch();
                }
            }
        }

        /**
         * Enterprises changed again after an earlier chunk of this import created or changed them already have an
         * audit row in this revision: like Envers, which keeps one row per object and revision, the import replaces
         * that row, keeping its revision type (created and then changed in one revision is still "created"). Returns
         * the revision types of the rows taken away.
         */
        private Map<String, Integer> takeEarlierAudit(Set<String> codes) throws SQLException {
            Map<String, Integer> earlier = new HashMap<>();
            if (revision < 0 || codes.isEmpty()) {
                return earlier;
            }
            try (PreparedStatement ps = c.prepareStatement("select credit_code, revtype from enterprise_aud where rev = ? and credit_code in ("
                    + placeholders(codes.size()) + ")")) {
                ps.setLong(1, revision);
                bind(ps, 2, codes);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        earlier.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            if (!earlier.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("delete from enterprise_aud where rev = ? and credit_code in ("
                        + placeholders(earlier.size()) + ")")) {
                    ps.setLong(1, revision);
                    bind(ps, 2, earlier.keySet());
                    ps.executeUpdate();
                }
            }
            return earlier;
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

    private static String placeholders(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    private static void bind(PreparedStatement ps, int first, Set<String> values) throws SQLException {
        int i = first;
        for (String v : values) {
            ps.setString(i++, v);
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
