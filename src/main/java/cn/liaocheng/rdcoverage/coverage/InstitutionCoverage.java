package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.StoredDecimals;
import cn.liaocheng.rdcoverage.common.db.InList;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which institutions cover, kept as data (issue #18), as {@link CoverageLedger} keeps per enterprise whether it is
 * covered: table {@code institution_coverage}, one row per institution, statistical year Y and region R when the
 * institution covers ({@link CoverageLedger#INSTITUTION_COVERS_ON}: recognised on or before 31 Dec Y, not revoked by
 * then, an INDUSTRY one only while its service agreement is valid) at least one participant whose coverage segment of
 * year Y holding 31 Dec Y lies in R (the region of the statistical year: an enterprise that moved since counts where
 * it was). {@code city} is true on the row of the lowest region of an institution and year, so the city counts a joint
 * institution once while each region counts it. The year's capacity ({@code rd_expenditure}, {@code personnel}) and
 * indicators (patents, new products) are copied into the row (null: none declared), so the indicators report reads
 * one index range and joins nothing.
 * <p>
 * {@link #refresh(Connection, Collection)} recomputes the rows of institutions from the segments, the institution and
 * its capacity and indicators, in the caller's transaction, after locking the participants' enterprise rows in key
 * order (the lock {@link CoverageLedger} takes, so that two writers of one institution's rows run one after the other).
 * {@link CoverageLedger#refresh(Connection, Collection)} calls it for every institution of the enterprises it refreshes
 * (status, dates, build mode, agreement, participants, region, figures); the writes of capacity and indicators call it
 * for their institution.
 */
@ApplicationScoped
public class InstitutionCoverage {
    /** At most this many ids per statement. */
    static final int SLICE = 500;
    /** Rows per INSERT statement (10 parameters each). */
    static final int ROWS_PER_INSERT = 200;

    @Inject EntityManager em;

    /** Recomputes these institutions' rows in the current transaction (flushes pending entity changes first). */
    public void refresh(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.flush();
        List<String> keys = ids.stream().map(UUID::toString).toList();
        em.unwrap(Session.class).doWork(c -> refresh(c, keys));
    }

    /** The same on a JDBC connection of the current transaction: locks the participants, then recomputes. */
    public static void refresh(Connection c, Collection<String> institutionIds) throws SQLException {
        List<String> ids = new ArrayList<>(new TreeSet<>(institutionIds));
        if (ids.isEmpty()) {
            return;
        }
        List<String> participants = new ArrayList<>(participantsOf(c, ids));
        for (int k = 0; k < participants.size(); k += CoverageLedger.SLICE) {
            CoverageLedger.lock(c, participants.subList(k, Math.min(participants.size(), k + CoverageLedger.SLICE)));
        }
        recompute(c, ids);
    }

    /** The institutions these enterprises take part in (any status). */
    static TreeSet<String> institutionsOf(Connection c, List<String> creditCodes) throws SQLException {
        return column(c, "select distinct institution_id from institution_participant where credit_code in (%s)", creditCodes);
    }

    /** The participants of these institutions. */
    static TreeSet<String> participantsOf(Connection c, List<String> ids) throws SQLException {
        return column(c, "select distinct credit_code from institution_participant where institution_id in (%s)", ids);
    }

    /** The institution ids after {@code after} in key order, at most {@code limit} (for filling the table from scratch). */
    static List<String> nextInstitutions(Connection c, String after, int limit) throws SQLException {
        return keysAfter(c, "select id from institution where id > ? order by id", after, limit);
    }

    /** The first {@code limit} keys that {@code sql} (one parameter: the key to start after) lists after {@code after}. */
    static List<String> keysAfter(Connection c, String sql, String after, int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, after);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static TreeSet<String> column(Connection c, String sql, List<String> keys) throws SQLException {
        TreeSet<String> out = new TreeSet<>();
        InList.forEachRow(c, sql, keys, rs -> out.add(rs.getString(1)));
        return out;
    }

    /** One row of the table; the R&D expenditure (yuan) with the column's 2 decimals, so that equal rows are equal. */
    record Row(String institutionId, int year, String regionCode, boolean city, BigDecimal rdExpenditure,
               Integer personnel, Integer patentApplications, Integer inventionPatentApplications, Integer patentsGranted,
               Integer newProducts) {
        Row {
            rdExpenditure = StoredDecimals.amount(rdExpenditure);
        }
    }

    /** What {@link #compare} found: the institutions whose rows differ (key order), and the rows of both sides. */
    record Comparison(List<String> differing, long rowsExpected, long rowsStored) {
    }

    /**
     * Compares the stored rows of these institutions (sorted, distinct) with what they should be, without locking
     * (the ledger check; its repair then {@link #refresh(Connection, Collection)}es the differing ones).
     */
    static Comparison compare(Connection c, List<String> ids) throws SQLException {
        List<String> differing = new ArrayList<>();
        long expected = 0, stored = 0;
        for (int k = 0; k < ids.size(); k += SLICE) {
            List<String> slice = ids.subList(k, Math.min(ids.size(), k + SLICE));
            List<Row> want = compute(c, slice);
            List<Row> have = stored(c, slice);
            expected += want.size();
            stored += have.size();
            Map<String, Set<Row>> wanted = byInstitution(want);
            Map<String, Set<Row>> had = byInstitution(have);
            for (String id : slice) {
                if (!wanted.getOrDefault(id, Set.of()).equals(had.getOrDefault(id, Set.of()))) {
                    differing.add(id);
                }
            }
        }
        return new Comparison(differing, expected, stored);
    }

    private static Map<String, Set<Row>> byInstitution(List<Row> rows) {
        Map<String, Set<Row>> out = new HashMap<>();
        for (Row r : rows) {
            out.computeIfAbsent(r.institutionId(), x -> new HashSet<>()).add(r);
        }
        return out;
    }

    /** The stored rows of these institutions. */
    private static List<Row> stored(Connection c, List<String> ids) throws SQLException {
        List<Row> rows = new ArrayList<>();
        InList.forEachRow(c, """
                select institution_id, year, region_code, city, rd_expenditure, personnel, patent_applications,
                       invention_patent_applications, patents_granted, new_products
                from institution_coverage where institution_id in (%s)""", ids,
                rs -> rows.add(new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4), rs.getBigDecimal(5),
                        integer(rs.getObject(6)), integer(rs.getObject(7)), integer(rs.getObject(8)),
                        integer(rs.getObject(9)), integer(rs.getObject(10)))));
        return rows;
    }

    /** A whole-number column as an Integer (drivers give Integer, Long or Short), null as null. */
    private static Integer integer(Object o) {
        return o == null ? null : Integer.valueOf(((Number) o).intValue());
    }

    /** Recomputes the rows of these institutions (sorted, distinct), without locking. */
    static void recompute(Connection c, List<String> ids) throws SQLException {
        for (int k = 0; k < ids.size(); k += SLICE) {
            List<String> slice = ids.subList(k, Math.min(ids.size(), k + SLICE));
            List<Row> rows = compute(c, slice);
            try (PreparedStatement ps = c.prepareStatement("delete from institution_coverage where institution_id in (%s)"
                    .formatted(InList.marks(slice.size())))) {
                InList.bind(ps, slice);
                ps.executeUpdate();
            }
            insert(c, rows);
        }
    }

    /** The rows these institutions should have, from the base tables and the segments. */
    static List<Row> compute(Connection c, List<String> ids) throws SQLException {
        Map<String, Map<Integer, TreeSet<String>>> covers = covers(c, ids);
        if (covers.isEmpty()) {
            return List.of();
        }
        List<String> covering = new ArrayList<>(covers.keySet());
        Map<String, Object[]> capacity = byYear(c, "select institution_id, year, rd_expenditure, personnel "
                + "from institution_capacity where institution_id in (%s)", covering, 2);
        Map<String, Object[]> indicators = byYear(c, "select institution_id, year, patent_applications, "
                + "invention_patent_applications, patents_granted, new_products from institution_indicator "
                + "where institution_id in (%s)", covering, 4);
        List<Row> rows = new ArrayList<>();
        covers.forEach((id, years) -> years.forEach((year, regions) -> {
            Object[] cap = capacity.getOrDefault(id + "/" + year, new Object[2]);
            Object[] ind = indicators.getOrDefault(id + "/" + year, new Object[4]);
            boolean first = true;
            for (String region : regions) {
                rows.add(new Row(id, year, region, first, (BigDecimal) cap[0], (Integer) cap[1], (Integer) ind[0],
                        (Integer) ind[1], (Integer) ind[2], (Integer) ind[3]));
                first = false;
            }
        }));
        return rows;
    }

    /** Institution → year → the regions in which it covers on 31 Dec of that year (key order throughout). */
    private static Map<String, Map<Integer, TreeSet<String>>> covers(Connection c, List<String> ids) throws SQLException {
        Map<String, Map<Integer, TreeSet<String>>> covers = new TreeMap<>();
        InList.forEachRow(c, """
                select i.id, i.build_mode, i.recognized_on, i.revoked_on, i.agreement_valid_until,
                       s.year, s.region_code, s.valid_from, s.valid_to
                from institution i
                join institution_participant p on p.institution_id = i.id
                join coverage_segment s on s.credit_code = p.credit_code
                where i.status in ('RECOGNIZED', 'REVOKED') and i.recognized_on is not null and s.covered = true
                  and i.id in (%s)""", ids, rs -> {
            int year = rs.getInt(6);
            LocalDate end = LocalDate.of(year, 12, 31);
            LocalDate from = date(rs.getDate(8));
            LocalDate to = date(rs.getDate(9));
            boolean segmentHoldsEnd = (from == null || !from.isAfter(end)) && (to == null || to.isAfter(end));
            if (segmentHoldsEnd && coversOn(rs.getString(2), date(rs.getDate(3)), date(rs.getDate(4)),
                    date(rs.getDate(5)), end)) {
                covers.computeIfAbsent(rs.getString(1), x -> new TreeMap<>())
                        .computeIfAbsent(year, x -> new TreeSet<>()).add(rs.getString(7));
            }
        });
        return covers;
    }

    /**
     * {@link CoverageLedger#INSTITUTION_COVERS_ON} in Java (the same rule as the spans of {@link CoverageLedger#compute}):
     * recognised on or before {@code d}, not revoked by then, an INDUSTRY one only while its agreement is valid on d.
     */
    static boolean coversOn(String buildMode, LocalDate recognizedOn, LocalDate revokedOn, LocalDate agreementValidUntil,
                            LocalDate d) {
        return recognizedOn != null && !recognizedOn.isAfter(d) && (revokedOn == null || revokedOn.isAfter(d))
                && (!"INDUSTRY".equals(buildMode) || agreementValidUntil == null || !agreementValidUntil.isBefore(d));
    }

    /** "id/year" → the {@code width} columns after id and year. */
    private static Map<String, Object[]> byYear(Connection c, String sql, List<String> ids, int width) throws SQLException {
        Map<String, Object[]> out = new HashMap<>();
        InList.forEachRow(c, sql, ids, rs -> {
            Object[] v = new Object[width];
            for (int j = 0; j < width; j++) {
                Object o = rs.getObject(3 + j);
                v[j] = o instanceof Number && !(o instanceof BigDecimal) ? integer(o) : o;
            }
            out.put(rs.getString(1) + "/" + rs.getInt(2), v);
        });
        return out;
    }

    private static void insert(Connection c, List<Row> rows) throws SQLException {
        for (int k = 0; k < rows.size(); k += ROWS_PER_INSERT) {
            List<Row> part = rows.subList(k, Math.min(rows.size(), k + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("insert into institution_coverage (institution_id, year, region_code, city, "
                    + "rd_expenditure, personnel, patent_applications, invention_patent_applications, patents_granted, "
                    + "new_products) values ");
            for (int j = 0; j < part.size(); j++) {
                sql.append(j == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (Row r : part) {
                    ps.setString(p++, r.institutionId());
                    ps.setInt(p++, r.year());
                    ps.setString(p++, r.regionCode());
                    ps.setBoolean(p++, r.city());
                    ps.setBigDecimal(p++, r.rdExpenditure());
                    for (Integer v : new Integer[]{r.personnel(), r.patentApplications(), r.inventionPatentApplications(),
                            r.patentsGranted(), r.newProducts()}) {
                        if (v == null) {
                            ps.setNull(p++, Types.INTEGER);
                        } else {
                            ps.setInt(p++, v);
                        }
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
