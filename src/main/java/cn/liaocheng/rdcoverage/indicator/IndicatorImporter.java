package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.db.InList;
import cn.liaocheng.rdcoverage.enterprise.EnterpriseLimits;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportError;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportFile;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportReport;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportSource;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportTable;
import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.events.Scope;
import cn.liaocheng.rdcoverage.events.UtcTimes;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.math.BigDecimal;
import cn.liaocheng.rdcoverage.coverage.InstitutionCoverage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Bulk indicators under the enterprise import's rules and with its table reading ({@link ImportTable}): an xlsx
 * workbook (first sheet), a JSON array or NDJSON, CSV or tab-separated text in UTF-8, UTF-16 or GBK/GB18030 (BOM, label or detected), headers
 * in English or Chinese from {@code import/dictionary.tsv} (table {@code indicator}; a unit such as （件） is ignored),
 * title, blank and note rows passed over. By default a file with any invalid row changes nothing (422
 * {@code import-rejected} listing every bad row, also on a dry run); {@code partial} keeps the valid rows;
 * {@code dryRun} only checks. Rows are upserts by (institution, year); the first of two rows of the same pair wins,
 * the second is rejected.
 */
@ApplicationScoped
public class IndicatorImporter {
    static final int MAX_ROWS = 200_000;
    static final int MAX_ERRORS_LISTED = 1000;
    /** Rows per chunk: one select, one insert batch, one update batch and one event batch each. */
    static final int CHUNK = 1000;
    /** The write transaction's timeout: 200,000 rows take well under a minute. */
    static final int TIMEOUT_SECONDS = 600;

    static final String TABLE = "indicator";
    static final List<String> FIELDS = List.of("institutionId", "year", "patentApplications", "inventionPatentApplications",
            "patentsGranted", "newProducts");

    private record Row(long line, long index, UUID institutionId, int year, IndicatorInput input) {
    }

    @Inject EntityManager em;
    @Inject Clock clock;
    @Inject ObjectMapper json;
    @Inject Changes changes;

    public ImportReport run(ImportSource source, boolean dryRun, boolean partial, String by) {
        List<ImportError> errors = new ArrayList<>();
        long[] omitted = {0};
        List<Row> rows = new ArrayList<>();
        long received;
        long skipped;
        ImportFile file;
        try (ImportTable table = ImportTable.open(source, json, TABLE, "institutionId", FIELDS)) {
            received = read(table, rows, errors, omitted);
            skipped = table.skipped();
            file = table.info();
        }
        List<Row> valid = valid(rows, errors, omitted);
        errors.sort(ImportError.FILE_ORDER);
        long rejected = received - valid.size();
        boolean committed = !dryRun && (partial || rejected == 0);
        long[] counts = new long[3];
        Instant now = Instant.now(clock);
        // one transaction for the whole file (all-or-nothing), written a chunk at a time as JDBC batches on its connection
        QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> em.unwrap(Session.class).doWork(c -> {
            for (int k = 0; k < valid.size(); k += CHUNK) {
                write(c, valid.subList(k, Math.min(valid.size(), k + CHUNK)), committed, by, now, counts);
            }
        }));
        ImportReport report = new ImportReport(received, counts[0], counts[1], counts[2], rejected, skipped, dryRun,
                partial ? "partial" : "all-or-nothing", committed, errors, omitted[0] > 0 ? omitted[0] : null, file);
        if (!partial && rejected > 0) {
            // all-or-nothing: nothing was written (the write above only counted); as in the enterprise import, the
            // counts of what would have been done are given on a dry run only
            throw (dryRun ? report : new ImportReport(received, 0, 0, 0, rejected, skipped, false, "all-or-nothing", false,
                    errors, report.errorsOmitted(), file)).rejection();
        }
        return report;
    }

    /** The rows of existing institutions, the first of each (institution, year); the others are listed as errors. */
    private List<Row> valid(List<Row> rows, List<ImportError> errors, long[] omitted) {
        Set<UUID> known = known(rows);
        List<Row> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row r : rows) {
            if (!known.contains(r.institutionId())) {
                error(errors, omitted, new ImportError(r.line(), "institutionId", FieldMessage.of("no institution "
                        + r.institutionId(), "field.NOT_FOUND.institution", r.institutionId())).at(r.index()));
            } else if (!seen.add(r.institutionId() + "/" + r.year())) {
                error(errors, omitted, new ImportError(r.line(), "year", FieldMessage.of("the institution's " + r.year()
                        + " appears twice in the file", "field.DUPLICATE.indicator-year", r.year())).at(r.index()));
            } else {
                valid.add(r);
            }
        }
        return valid;
    }

    /** The institutions of these rows that exist, in one query per thousand ids. */
    private Set<UUID> known(List<Row> rows) {
        Set<UUID> known = new HashSet<>();
        List<String> ids = rows.stream().map(r -> r.institutionId().toString()).distinct().toList();
        for (int k = 0; k < ids.size(); k += 1000) {
            List<String> chunk = ids.subList(k, Math.min(ids.size(), k + 1000));
            QuarkusTransaction.requiringNew().run(() -> {
                for (Object id : em.createNativeQuery("select id from institution where id in (:ids)")
                        .setParameter("ids", chunk).getResultList()) {
                    known.add(UUID.fromString(id.toString()));
                }
            });
        }
        return known;
    }

    /**
     * One chunk: reads the stored rows of its institutions, then inserts the new rows and updates the changed ones
     * (version + 1) as two JDBC batches, recomputes the institutions' rows of {@link InstitutionCoverage}, and writes an
     * {@code indicators.updated} event for each. Only counts when not committed.
     */
    private void write(Connection c, List<Row> chunk, boolean committed, String by, Instant now, long[] counts) throws SQLException {
        List<String> ids = chunk.stream().map(r -> r.institutionId().toString()).distinct().toList();
        Map<String, long[]> stored = stored(c, ids);
        List<Row> created = new ArrayList<>();
        List<Row> changed = new ArrayList<>();
        Map<Row, Long> versions = new HashMap<>();
        for (Row r : chunk) {
            long[] old = stored.get(r.institutionId() + "/" + r.year());
            IndicatorInput in = r.input();
            if (old == null) {
                counts[0]++;
                created.add(r);
                versions.put(r, 0L);
            } else if (old[0] == in.patentApplications() && old[1] == in.inventionPatentApplications()
                    && old[2] == in.patentsGranted() && old[3] == in.newProducts()) {
                counts[2]++;
            } else {
                counts[1]++;
                changed.add(r);
                versions.put(r, old[4] + 1);
            }
        }
        if (!committed || (created.isEmpty() && changed.isEmpty())) {
            return;
        }
        store(c, created, changed, by, now);
        events(c, chunk, ids, versions, by, now);
    }

    /** "id/year" → patents, invention, granted, products, version of the stored rows of these institutions. */
    private static Map<String, long[]> stored(Connection c, List<String> ids) throws SQLException {
        Map<String, long[]> stored = new HashMap<>();
        InList.forEachRow(c, "select institution_id, year, patent_applications, invention_patent_applications, "
                + "patents_granted, new_products, version from institution_indicator where institution_id in (%s)", ids,
                rs -> stored.put(rs.getString(1) + "/" + rs.getInt(2),
                        new long[]{rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getLong(7)}));
        return stored;
    }

    /** Inserts the created rows, updates the changed ones, and recomputes their institutions' report rows. */
    private static void store(Connection c, List<Row> created, List<Row> changed, String by, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into institution_indicator (patent_applications, "
                + "invention_patent_applications, patents_granted, new_products, updated_at, updated_by, institution_id, year, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            batch(ps, created, by, now);
        }
        try (PreparedStatement ps = c.prepareStatement("update institution_indicator set patent_applications = ?, "
                + "invention_patent_applications = ?, patents_granted = ?, new_products = ?, updated_at = ?, updated_by = ?, "
                + "version = version + 1 where institution_id = ? and year = ?")) {
            batch(ps, changed, by, now);
        }
        // the indicators report's copy of them (issue #18), in the import's transaction
        InstitutionCoverage.refresh(c, java.util.stream.Stream.concat(created.stream(), changed.stream())
                .map(r -> r.institutionId().toString()).distinct().toList());
    }

    /**
     * The events of the written rows: what GET /institutions/{id}/indicators/{year} shows now, scoped to the
     * institution's participants and their regions (read for the whole chunk at once).
     */
    private void events(Connection c, List<Row> chunk, List<String> ids, Map<Row, Long> versions, String by, Instant now)
            throws SQLException {
        Map<String, Set<String>> codes = new HashMap<>();
        Map<String, Set<String>> regions = new HashMap<>();
        InList.forEachRow(c, "select p.institution_id, p.credit_code, e.region_code from institution_participant p "
                + "join enterprise e on e.credit_code = p.credit_code where p.institution_id in (%s)", ids, rs -> {
            codes.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
            regions.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(3));
        });
        Map<String, Object[]> capacity = capacities(c, ids);
        List<Changes.Pending> events = new ArrayList<>();
        for (Row r : chunk) {
            Long version = versions.get(r);
            if (version == null) {
                continue;
            }
            String id = r.institutionId().toString();
            String key = id + "/" + r.year();
            Object[] cap = capacity.get(key);
            IndicatorInput in = r.input();
            IndicatorView view = new IndicatorView(id, r.year(), in.patentApplications(), in.inventionPatentApplications(),
                    in.patentsGranted(), in.newProducts(), cap == null ? null : (BigDecimal) cap[0], cap == null ? null : (Integer) cap[1],
                    now, by, version);
            events.add(new Changes.Pending(EventType.INDICATORS_UPDATED, key, version,
                    Scope.of(regions.getOrDefault(id, Set.of()), codes.getOrDefault(id, Set.of())), view));
        }
        changes.recordAll(c, events);
    }

    /** "id/year" → rd expenditure, personnel of these institutions' capacities. */
    private static Map<String, Object[]> capacities(Connection c, List<String> ids) throws SQLException {
        Map<String, Object[]> capacity = new HashMap<>();
        InList.forEachRow(c, "select institution_id, year, rd_expenditure, personnel from institution_capacity "
                + "where institution_id in (%s)", ids,
                rs -> capacity.put(rs.getString(1) + "/" + rs.getInt(2), new Object[]{rs.getBigDecimal(3), rs.getInt(4)}));
        return capacity;
    }

    private static void batch(PreparedStatement ps, List<Row> rows, String by, Instant now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        for (Row r : rows) {
            ps.setInt(1, r.input().patentApplications());
            ps.setInt(2, r.input().inventionPatentApplications());
            ps.setInt(3, r.input().patentsGranted());
            ps.setInt(4, r.input().newProducts());
            UtcTimes.bind(ps, 5, now);
            ps.setString(6, by);
            ps.setString(7, r.institutionId().toString());
            ps.setInt(8, r.year());
            ps.addBatch();
        }
        ps.executeBatch();
    }

    private long read(ImportTable table, List<Row> rows, List<ImportError> errors, long[] omitted) {
        int currentYear = LocalDate.now(clock).getYear();
        long received = 0;
        for (Map<String, String> r = table.next(); r != null; r = table.next()) {
            if (++received > MAX_ROWS) {
                throw new ApiException(400, "import-file", "The file cannot be read",
                        "body: holds more than " + MAX_ROWS + " rows; split the file",
                        List.of(new Problem.FieldError("body", FieldMessage.of("holds more than " + MAX_ROWS + " rows; split the file", "field.TOO_LONG.rows", MAX_ROWS))), null);
            }
            int from = errors.size();
            Row row = row(r, table.rowNumber(), table.recordIndex(), currentYear, errors, omitted);
            long index = table.recordIndex();
            errors.subList(from, errors.size()).replaceAll(e -> e.at(index));
            if (row != null) {
                rows.add(row);
            }
        }
        return received;
    }

    /** One record as a row, or null after listing its problems. */
    private static Row row(Map<String, String> r, long line, long index, int currentYear, List<ImportError> errors, long[] omitted) {
        long before = errors.size() + omitted[0];
        UUID id = null;
        String rawId = r.get("institutionId");
        if (rawId == null) {
            error(errors, omitted, ImportError.required(line, "institutionId"));
        } else {
            try {
                id = UUID.fromString(rawId);
            } catch (IllegalArgumentException e) {
                error(errors, omitted, new ImportError(line, "institutionId", FieldMessage.of("'" + rawId
                        + "' is not an institution id", "field.INVALID_FORMAT.institution-id", rawId)));
            }
        }
        Integer year = number(r, "year", line, errors, omitted);
        FieldMessage yearProblem = year == null ? null : EnterpriseLimits.yearProblem(year, currentYear);
        if (yearProblem != null) {
            error(errors, omitted, new ImportError(line, "year", yearProblem));
        }
        Integer pa = number(r, "patentApplications", line, errors, omitted);
        Integer inv = number(r, "inventionPatentApplications", line, errors, omitted);
        Integer granted = number(r, "patentsGranted", line, errors, omitted);
        Integer products = number(r, "newProducts", line, errors, omitted);
        if (errors.size() + omitted[0] > before) {
            return null;
        }
        IndicatorInput input = new IndicatorInput(pa, inv, granted, products);
        FieldMessage problem = IndicatorService.problem(input);
        if (problem != null) {
            error(errors, omitted, new ImportError(line, "inventionPatentApplications", problem));
            return null;
        }
        return new Row(line, index, id, year, input);
    }

    /** A whole number from 0 to 1,000,000 (a year: any whole number, checked after); thousands separators allowed. */
    private static Integer number(Map<String, String> r, String field, long line, List<ImportError> errors, long[] omitted) {
        String raw = r.get(field);
        if (raw == null) {
            error(errors, omitted, ImportError.required(line, field));
            return null;
        }
        String digits = ImportTable.number(raw).replace("，", "");
        if (digits.matches("\\d+\\.0+")) {
            digits = digits.substring(0, digits.indexOf('.'));
        }
        try {
            int v = Integer.parseInt(digits);
            if (!field.equals("year") && (v < 0 || v > 1_000_000)) {
                error(errors, omitted, new ImportError(line, field, FieldMessage.of("must be a whole number from 0 to 1000000",
                        "field.OUT_OF_RANGE.between", 0, 1_000_000)));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            error(errors, omitted, new ImportError(line, field, FieldMessage.of("'" + raw + "' is not a whole number",
                    "field.INVALID_TYPE.whole-number", raw)));
            return null;
        }
    }

    private static void error(List<ImportError> errors, long[] omitted, ImportError e) {
        if (errors.size() < MAX_ERRORS_LISTED) {
            errors.add(e);
        } else {
            omitted[0]++;
        }
    }
}
