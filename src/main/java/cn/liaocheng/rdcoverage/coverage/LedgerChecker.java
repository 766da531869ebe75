package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Recomputes the coverage segments from scratch and compares them with the stored ones, enterprise by enterprise
 * in credit-code order, {@link #CHUNK} enterprises per transaction, then the rows of {@link InstitutionCoverage} the same
 * way, institution by institution in id order; with repair, rewrites the differing ones in the same transaction as
 * their comparison. For after a manual fix in the database (issue #20), and after start-up when the table is empty
 * although above-size figures exist (the first start after changeset 020 on existing data; {@link LedgerAtStart}).
 */
@ApplicationScoped
public class LedgerChecker {
    static final int CHUNK = 1000;
    static final int LISTED = 100;

    @Inject EntityManager em;

    /**
     * Recomputes {@link InstitutionCoverage}'s rows of every institution, {@link #CHUNK} institutions per transaction
     * (for its first fill: the changeset that made the table cannot compute it).
     */
    long fillInstitutions() {
        long n = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String> ids = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(conn -> {
                List<String> next = InstitutionCoverage.nextInstitutions(conn, from, CHUNK);
                InstitutionCoverage.refresh(conn, next);
                return next;
            }));
            if (ids.isEmpty()) {
                return n;
            }
            n += ids.size();
            after = ids.get(ids.size() - 1);
        }
    }

    /**
     * Compares (and with {@code repair} rewrites) every enterprise's segments, then every institution's rows of
     * {@link InstitutionCoverage} (after the segments: they are computed from them).
     */
    public LedgerCheck check(boolean repair) {
        long started = System.nanoTime();
        long checked = 0, expectedRows = 0, storedRows = 0, differing = 0;
        List<String> listed = new ArrayList<>();
        String after = "";
        while (true) {
            String from = after;
            Chunk c = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(conn -> chunk(conn, from, repair)));
            if (c.codes == 0) {
                break;
            }
            checked += c.codes;
            expectedRows += c.expectedRows;
            storedRows += c.storedRows;
            differing += c.differing.size();
            list(listed, c.differing);
            after = c.last;
        }
        Totals institutions = institutions(repair);
        return new LedgerCheck(checked, expectedRows, storedRows, differing, listed, institutions.checked,
                institutions.expectedRows, institutions.storedRows, institutions.differing, institutions.listed, repair,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void list(List<String> listed, List<String> differing) {
        for (String key : differing) {
            if (listed.size() < LISTED) {
                listed.add(key);
            }
        }
    }

    /** The comparison of the institutions' rows, summed over the chunks. */
    private static final class Totals {
        long checked, expectedRows, storedRows, differing;
        final List<String> listed = new ArrayList<>();
    }

    /**
     * Compares (and with {@code repair} recomputes) the rows of {@link InstitutionCoverage} of every institution and of
     * every id the table holds, {@link #CHUNK} per transaction in key order (a manual change may have altered the
     * rows, or the capacities, indicators, institutions or segments they are computed from).
     */
    private Totals institutions(boolean repair) {
        Totals t = new Totals();
        String after = "";
        while (true) {
            String from = after;
            Chunk c = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class)
                    .doReturningWork(conn -> institutionChunk(conn, from, repair)));
            if (c.codes == 0) {
                return t;
            }
            t.checked += c.codes;
            t.expectedRows += c.expectedRows;
            t.storedRows += c.storedRows;
            t.differing += c.differing.size();
            list(t.listed, c.differing);
            after = c.last;
        }
    }

    /** The next CHUNK institution ids after {@code after} among institutions and stored rows, compared. */
    private static Chunk institutionChunk(Connection c, String after, boolean repair) throws SQLException {
        TreeSet<String> ids = new TreeSet<>();
        ids.addAll(next(c, "select id from institution where id > ? order by id", after));
        ids.addAll(next(c, "select distinct institution_id from institution_coverage where institution_id > ? "
                + "order by institution_id", after));
        List<String> slice = ids.stream().limit(CHUNK).toList();
        if (slice.isEmpty()) {
            return new Chunk(0, after, 0, 0, List.of());
        }
        InstitutionCoverage.Comparison found = InstitutionCoverage.compare(c, slice);
        if (repair && !found.differing().isEmpty()) {
            // locked and computed again: a writer may have changed them since they were compared
            InstitutionCoverage.refresh(c, found.differing());
        }
        return new Chunk(slice.size(), slice.get(slice.size() - 1), found.rowsExpected(), found.rowsStored(), found.differing());
    }

    private record Chunk(int codes, String last, long expectedRows, long storedRows, List<String> differing) {
    }

    /** The next CHUNK credit codes after {@code after} among enterprises and stored segments, compared. */
    private static Chunk chunk(Connection c, String after, boolean repair) throws SQLException {
        TreeSet<String> codes = new TreeSet<>();
        codes.addAll(next(c, "select credit_code from enterprise where credit_code > ? order by credit_code", after));
        codes.addAll(next(c, "select distinct credit_code from coverage_segment where credit_code > ? order by credit_code", after));
        List<String> slice = codes.stream().limit(CHUNK).toList();
        if (slice.isEmpty()) {
            return new Chunk(0, after, 0, 0, List.of());
        }
        Map<String, List<CoverageLedger.Segment>> expected = CoverageLedger.compute(c, slice);
        Map<String, List<CoverageLedger.Segment>> stored = SegmentRows.stored(c, slice);
        List<String> differ = new ArrayList<>();
        long e = 0, s = 0;
        for (String code : slice) {
            List<CoverageLedger.Segment> want = expected.getOrDefault(code, List.of());
            List<CoverageLedger.Segment> have = stored.getOrDefault(code, List.of());
            e += want.size();
            s += have.size();
            if (!Objects.equals(want, have)) {
                differ.add(code);
            }
        }
        if (repair && !differ.isEmpty()) {
            // locked and computed again: a writer may have changed them since they were compared
            CoverageLedger.refresh(c, differ);
        }
        return new Chunk(slice.size(), slice.get(slice.size() - 1), e, s, differ);
    }

    private static List<String> next(Connection c, String sql, String after) throws SQLException {
        return InstitutionCoverage.keysAfter(c, sql, after, CHUNK);
    }
}
