package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.events.Changes;
import cn.liaocheng.rdcoverage.events.EventType;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.coverage.CoverageLedger;
import cn.liaocheng.rdcoverage.enterprise.SizeRules;
import cn.liaocheng.rdcoverage.region.Regions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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

    @Inject AgroalDataSource dataSource;
    @Inject Regions regions;
    @Inject SizeRules sizeRules;
    @Inject Clock clock;

    /** The application's mapper: JSON and NDJSON imports read with its factory and stream-read constraints. */
    @Inject ObjectMapper objectMapper;
    @Inject cn.liaocheng.rdcoverage.common.RdConfig rd;

    /**
     * @param queryYear   the year of rows without a year cell (?year=), or null (then the title row's, if any)
     * @param listed      the file is the bureau's list of 规上 enterprises: rows without a 是否规上 cell are marked
     *                    above designated size for their year (false: derived from revenue, as for single entries)
     * @param regionScope the only region the caller may import into (a county officer's), or null for any
     */
    public ImportReport run(ImportSource source, Integer queryYear, boolean listed, boolean dryRun, boolean partial,
                            String regionScope, String actor, String actorRole) {
        Instant now = Instant.now(clock);
        Map<String, String> regionByName = regionIndex();
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

        QuarkusTransaction.begin(QuarkusTransaction.beginOptions().timeout(rd.importing().transactionTimeout()));
        boolean done = false;
        try {
            boolean delimitedText = "csv".equals(file.format()) || "tsv".equals(file.format());
            importAll(reader, validator, c -> new Writer(c, now, regionScope, actor, actorRole, !dryRun, delimitedText, e -> {
                n.rejected++;
                record(errors, n, e);
            }), n, errors);
            done = true;
        } finally {
            boolean keep = done && !dryRun && (partial || n.rejected == 0);
            if (keep) {
                QuarkusTransaction.commit();
            } else {
                QuarkusTransaction.rollback();
            }
        }
        return report(n, errors, reader.skipped(), dryRun, partial, file);
    }

    /**
     * Reads the whole file chunk by chunk (a reader thread validating a chunk ahead), counting each chunk's rows and
     * errors into {@code n} and {@code errors}, and writes each chunk with the writer on one connection, in the
     * caller's transaction. 400 when the file holds no records; 409 on a concurrent change ({@link #conflictOr}).
     */
    private void importAll(RowReader reader, RowValidator validator, java.util.function.Function<Connection, Writer> writerOn,
                           Counters n, List<ImportError> errors) {
        try (ChunkReader chunks = ChunkReader.start(reader, validator, rd.importing().chunkSize(), MAX_ERRORS_LISTED);
             Connection c = dataSource.getConnection()) {
            Writer writer = writerOn.apply(c);
            ChunkReader.Chunk next;
            do {
                next = chunks.next();
                count(next, n, errors);
                writer.write(next.rows(), n);
            } while (!next.last());
        } catch (SQLException e) {
            throw conflictOr(e);
        }
    }

    /** Adds what the reader's thread found in a chunk (received, rejected, errors) to the counts; throws its failure. */
    private static void count(ChunkReader.Chunk next, Counters n, List<ImportError> errors) {
        if (next.failure() != null) {
            throw readFailure(next.failure());
        }
        n.received += next.received();
        n.rejected += next.rejected();
        for (ImportError e : next.errors()) {
            record(errors, n, e);
        }
        n.errorsOmitted += next.errorsOmitted();
        if (next.last() && n.received == 0) {
            throw RowReader.fileProblem("body", FieldMessage.of("holds no records", "field.REQUIRED.no-records"));
        }
    }

    /**
     * The answer: the counts, what was kept and the errors listed; an all-or-nothing import with a rejected row is a
     * 422 instead (counting as created/updated/unchanged only what a dry run would have written).
     */
    private static ImportReport report(Counters n, List<ImportError> errors, long skipped, boolean dryRun, boolean partial,
                                       ImportFile file) {
        boolean committed = !dryRun && (partial || n.rejected == 0);
        // in the file's order, whichever step found them (the reader's checks, the planner's scope and codes)
        errors.sort(ImportError.FILE_ORDER);
        Long omitted = n.errorsOmitted > 0 ? n.errorsOmitted : null;
        if (!partial && n.rejected > 0) {
            throw new ImportReport(n.received, dryRun ? n.created : 0, dryRun ? n.updated : 0, dryRun ? n.unchanged : 0,
                    n.rejected, skipped, dryRun, "all-or-nothing", false, errors, omitted, file).rejection();
        }
        return new ImportReport(n.received, n.created, n.updated, n.unchanged, n.rejected, skipped, dryRun,
                partial ? "partial" : "all-or-nothing", committed, errors, omitted, file);
    }

    /** What the reader's thread failed with, to be thrown on the request's thread. */
    private static RuntimeException readFailure(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException e ? e : new IllegalStateException("Import failed reading the file", failure);
    }

    /**
     * Region codes by code, by name and by alias (as {@link RowValidator#regionKey} writes them). The reader's thread
     * validates against this copy (the region cache would read the database on its own).
     */
    private Map<String, String> regionIndex() {
        Map<String, String> regionByName = new HashMap<>();
        for (Regions.RegionView r : regions.all()) {
            regionByName.put(r.code(), r.code());
            regionByName.put(RowValidator.regionKey(r.name()), r.code());
        }
        regions.aliases().forEach((alias, code) -> regionByName.putIfAbsent(RowValidator.regionKey(alias), code));
        return regionByName;
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

    /**
     * Writes the chunks of one import on its connection: per chunk, reads what is stored for its credit codes,
     * plans the chunk ({@link ChunkPlanner}), writes the plan ({@link ImportStore}) and its audit rows
     * ({@link ImportAudit}), then the coverage rows and the change feed of the enterprises it wrote.
     */
    private final class Writer {
        private final Connection c;
        private final ChunkPlanner planner;
        private final ImportStore store;
        private final ImportAudit audit;
        private final Consumer<ImportError> reject;

        Writer(Connection c, Instant now, String regionScope, String actor, String actorRole, boolean lock,
               boolean delimitedText, Consumer<ImportError> reject) {
            int perStatement = Math.max(1, Math.min(rd.importing().chunkSize(), MAX_ROWS_PER_STATEMENT));
            this.c = c;
            this.planner = new ChunkPlanner(sizeRules::derive, regionScope, delimitedText);
            this.store = new ImportStore(c, LocalDateTime.ofInstant(now, ZoneOffset.UTC), perStatement, lock);
            this.audit = new ImportAudit(c, now.toEpochMilli(), actor, actorRole, perStatement);
            this.reject = reject;
        }

        void write(List<ImportRow> rows, Counters n) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            Set<String> codes = new LinkedHashSet<>();
            for (ImportRow r : rows) {
                codes.add(r.creditCode());
            }
            ChunkPlanner.Plan plan = planner.plan(rows, store.load(codes));
            plan.rejected().forEach(reject);
            n.created += plan.created();
            n.updated += plan.updated();
            n.unchanged += plan.unchanged();
            store.write(plan);
            audit.write(plan);
            // coverage rows of the enterprises this chunk wrote, in the import's transaction (issue #20): the stored
            // ones recomputed from the tables, the new ones (no participants yet) copied from the figures just written
            CoverageLedger.refresh(c, plan.touched());
            for (Map.Entry<Integer, List<String>> year : plan.createdAboveByYear().entrySet()) {
                CoverageLedger.insertCreatedFromFigures(c, year.getKey(), year.getValue());
            }
            List<Changes.Imported> imported = new ArrayList<>();
            for (ChunkPlanner.Ent e : plan.written()) {
                imported.add(new Changes.Imported(e.code, e.region, e.isNew));
            }
            changes.imported(c, imported);
        }
    }
}
