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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import static cn.liaocheng.rdcoverage.common.db.InList.bind;
import static cn.liaocheng.rdcoverage.common.db.InList.marks;

/**
 * Coverage kept as data (issue #20): table {@code coverage_segment}, one row per enterprise above designated size in a
 * statistical year and per segment of the time line in which the set of build modes covering it does not change.
 * <p>
 * Definition (docs/domain.md section 7 and 9), per enterprise: an institution of status RECOGNIZED or REVOKED with a
 * {@code recognized_on} covers each of its participants from {@code recognized_on} (inclusive) until
 * {@code revoked_on} (exclusive, none: open); an INDUSTRY one only until the day after its service agreement's
 * {@code agreement_valid_until} when that is set. An enterprise-year is stored when the figures of that year say
 * above designated size; its region is the year's ({@code enterprise_figures.region_code}), else the enterprise's.
 * Segments are half-open {@code [valid_from, valid_to)}; a null bound is unbounded. Every date lies in exactly one
 * segment of an enterprise-year, so "covered on D in year Y" is a filter on the year's rows.
 * <p>
 * {@link #refresh(Collection)} locks the enterprises' rows and recomputes their segments from the base tables, in the
 * caller's transaction: every write path that changes an institution's status, dates, build mode, agreement or participants,
 * an enterprise's region, or a year's figures calls it with the credit codes concerned (before and after the change).
 */
@ApplicationScoped
public class CoverageLedger {
    /** At most this many credit codes per statement. */
    static final int SLICE = 500;

    /**
     * The rule of {@link #compute} in SQL, over alias {@code i} (institution), for a date parameter named by the format
     * argument: the institution covers its participants on that date (recognised on or before it, not revoked by it, an
     * INDUSTRY one only while its service agreement is valid). For readers that need which institutions cover, not only
     * whether an enterprise is covered (the indicators report); whether an enterprise is covered is read from the segments.
     */
    public static final String INSTITUTION_COVERS_ON = "i.status in ('RECOGNIZED', 'REVOKED') and i.recognized_on <= :%1$s"
            + " and (i.revoked_on is null or i.revoked_on > :%1$s)"
            + " and (i.build_mode <> 'INDUSTRY' or i.agreement_valid_until is null or i.agreement_valid_until >= :%1$s)";

    @Inject EntityManager em;

    /** A time span in which one institution covers one enterprise; {@code until} exclusive, null open. */
    public record Span(String buildMode, LocalDate from, LocalDate until) {
    }

    /**
     * One stored row: [from, to) with the build modes covering on every date of it, and the revenue of the year's
     * figures (yuan, 2 decimals; the indicators report's R&D intensity divides by it, issue #18).
     */
    public record Segment(int year, int seq, LocalDate from, LocalDate to, String regionCode, boolean single,
                          boolean joint, boolean industry, BigDecimal revenue) {
        /** A segment without year data (a time line's). */
        public Segment(int year, int seq, LocalDate from, LocalDate to, String regionCode, boolean single, boolean joint,
                       boolean industry) {
            this(year, seq, from, to, regionCode, single, joint, industry, null);
        }

        public boolean covered() {
            return single || joint || industry;
        }
    }

    /** The region and revenue of an enterprise's statistical year above designated size. */
    public record Year(String regionCode, BigDecimal revenue) {
        public Year {
            revenue = StoredDecimals.amount(revenue);
        }
    }

    /**
     * Recomputes the rows of these enterprises in the current transaction (flushes pending entity changes first), and
     * those of the institutions they take part in ({@link InstitutionCoverage}).
     */
    public void refresh(Collection<String> creditCodes) {
        if (creditCodes.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(c -> refresh(c, creditCodes));
    }

    /** The same on a JDBC connection of the current transaction (the importer writes through one). */
    public static void refresh(Connection c, Collection<String> creditCodes) throws SQLException {
        List<String> codes = new ArrayList<>(new TreeSet<>(creditCodes));
        if (codes.isEmpty()) {
            return;
        }
        // the institutions of these enterprises and their other participants are locked with them, in one key order
        // (InstitutionCoverage's rows of an institution read the segments of all its participants)
        List<String> institutions = new ArrayList<>(InstitutionCoverage.institutionsOf(c, codes));
        TreeSet<String> locked = new TreeSet<>(codes);
        locked.addAll(InstitutionCoverage.participantsOf(c, institutions));
        List<String> all = new ArrayList<>(locked);
        for (int k = 0; k < all.size(); k += SLICE) {
            lock(c, all.subList(k, Math.min(all.size(), k + SLICE)));
        }
        for (int k = 0; k < codes.size(); k += SLICE) {
            List<String> slice = codes.subList(k, Math.min(codes.size(), k + SLICE));
            Map<String, List<Segment>> rows = compute(c, slice);
            SegmentRows.delete(c, slice);
            SegmentRows.insert(c, rows);
        }
        InstitutionCoverage.recompute(c, institutions);
    }

    /**
     * Locks the enterprises' rows (key order) before their segments are computed, so that two transactions changing
     * what covers the same enterprise (two institutions it takes part in, say) rewrite its segments one after the
     * other, the second computing from what the first committed (READ COMMITTED reads the latest committed rows).
     */
    static void lock(Connection c, List<String> codes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select credit_code from enterprise where credit_code in (%s) order by credit_code for update"
                .formatted(marks(codes.size())))) {
            bind(ps, codes);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    /** The rows these enterprises should have, computed from the base tables (no key: no rows). */
    static Map<String, List<Segment>> compute(Connection c, List<String> codes) throws SQLException {
        Map<String, Map<Integer, Year>> years = aboveYears(c, codes);
        Map<String, List<Span>> spans = years.isEmpty() ? Map.of() : spans(c, new ArrayList<>(years.keySet()));
        Map<String, List<Segment>> rows = new TreeMap<>();
        for (Map.Entry<String, Map<Integer, Year>> e : years.entrySet()) {
            rows.put(e.getKey(), rows(e.getValue(), timeline(spans.getOrDefault(e.getKey(), List.of()))));
        }
        return rows;
    }

    /** By credit code, the years whose figures say above designated size, with that year's region and revenue. */
    private static Map<String, Map<Integer, Year>> aboveYears(Connection c, List<String> codes) throws SQLException {
        Map<String, Map<Integer, Year>> years = new HashMap<>();
        InList.forEachRow(c, """
                select f.credit_code, f.year, coalesce(f.region_code, e.region_code), f.revenue
                from enterprise_figures f join enterprise e on e.credit_code = f.credit_code
                where f.above_designated_size = true and f.credit_code in (%s)""", codes,
                rs -> years.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getInt(2), new Year(rs.getString(3), rs.getBigDecimal(4))));
        return years;
    }

    /** By credit code, the spans in which a recognised institution covers the enterprise (its participant). */
    private static Map<String, List<Span>> spans(Connection c, List<String> codes) throws SQLException {
        Map<String, List<Span>> spans = new HashMap<>();
        InList.forEachRow(c, """
                select p.credit_code, i.build_mode, i.recognized_on, i.revoked_on, i.agreement_valid_until
                from institution_participant p join institution i on i.id = p.institution_id
                where i.status in ('RECOGNIZED', 'REVOKED') and i.recognized_on is not null
                  and p.credit_code in (%s)""", codes, rs -> {
            String mode = rs.getString(2);
            spans.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Span(mode, rs.getDate(3).toLocalDate(), until(mode, date(rs.getDate(4)), date(rs.getDate(5)))));
        });
        return spans;
    }

    /**
     * The exclusive end of an institution's cover: its revocation, or for an INDUSTRY one the day after its service
     * agreement's last valid day when that is earlier (valid on D while agreement_valid_until >= D; 9999-12-31: open).
     */
    private static LocalDate until(String mode, LocalDate revoked, LocalDate agreement) {
        if ("INDUSTRY".equals(mode) && agreement != null) {
            LocalDate after = agreement.equals(LocalDate.of(9999, 12, 31)) ? null : agreement.plusDays(1);
            if (after != null && (revoked == null || after.isBefore(revoked))) {
                return after;
            }
        }
        return revoked;
    }

    /** One enterprise's rows: its time line repeated for each year above designated size (year → that year's region and revenue). */
    private static List<Segment> rows(Map<Integer, Year> years, List<Segment> timeline) {
        List<Segment> out = new ArrayList<>(years.size() * timeline.size());
        for (Map.Entry<Integer, Year> y : years.entrySet()) {
            for (Segment s : timeline) {
                out.add(new Segment(y.getKey(), s.seq(), s.from(), s.to(), y.getValue().regionCode(), s.single(), s.joint(),
                        s.industry(), y.getValue().revenue()));
            }
        }
        return out;
    }

    /**
     * The rows of enterprises created in the caller's transaction (the importer's new rows), copied in SQL from the
     * figures of {@code year} just written ({@code insert ... select} from {@code enterprise_figures} by primary key,
     * with the year's own region) rather than read back and recomputed: such an enterprise has no participants yet
     * (institution_participant's foreign key to enterprise) and no rows (a deleted enterprise's rows are deleted with
     * it), so each of {@code codes} (whose figures of that year say above designated size) gets the one unbounded,
     * uncovered segment of {@link #timeline} with no spans, as {@link #refresh} would store. No lock is needed: the
     * caller's insert holds the new rows' locks. The statement carries the credit codes only, not every row's values.
     * <p>
     * The statement selects by primary key alone ({@code year} and the credit codes), without a condition on
     * {@code above_designated_size}: with that condition MariaDB 10.11 may read the figures through
     * {@code ix_figures_year} (year, above_designated_size), every row of the year so far for each statement, when a
     * list holds fewer than 1,000 codes (1,000 or more become a join on the primary key). Replayed for 100,000 rows in
     * 999-code lists: 11-15 CPU s of the server's thread against 4.8 s without the condition (bench/README.md).
     *
     * @param codes credit codes of enterprises created in this transaction whose figures of {@code year} say above
     *              designated size (the caller's filter) and carry a region ({@code region_code} not null: the
     *              importer writes every row's region on its year)
     */
    public static void insertCreatedFromFigures(Connection c, int year, List<String> codes) throws SQLException {
        Segment open = timeline(List.of()).get(0);
        for (int k = 0; k < codes.size(); k += SegmentRows.ROWS_PER_INSERT) {
            List<String> slice = codes.subList(k, Math.min(codes.size(), k + SegmentRows.ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder(400 + slice.size() * 22).append("insert into coverage_segment (credit_code, year, "
                    + "seq, valid_from, valid_to, region_code, covered, single_mode, joint_mode, industry_mode, revenue) select f.credit_code, f.year, ")
                    .append(open.seq()).append(", ");
            List<String> bound = new ArrayList<>();
            SegmentRows.date(sql, open.from());
            sql.append(", ");
            SegmentRows.date(sql, open.to());
            sql.append(", f.region_code, ").append(open.covered()).append(", ").append(open.single()).append(", ")
                    .append(open.joint()).append(", ").append(open.industry()).append(", f.revenue")
                    .append(" from enterprise_figures f where f.year = ").append(year)
                    .append(" and f.credit_code in (");
            for (int i = 0; i < slice.size(); i++) {
                if (i > 0) {
                    sql.append(", ");
                }
                SegmentRows.code(sql, bound, slice.get(i));
            }
            SegmentRows.execute(c, sql.append(')'), bound);
        }
    }

    /**
     * The time line of one enterprise cut where the set of covering build modes changes: the first segment starts
     * unbounded (null), the last ends unbounded; adjacent segments differ. Spans that end on or before they start
     * cover nothing. Year and region are left empty (0, null).
     */
    public static List<Segment> timeline(List<Span> spans) {
        TreeSet<LocalDate> cuts = new TreeSet<>();
        List<Span> live = new ArrayList<>();
        for (Span s : spans) {
            if (s.until() == null || s.from().isBefore(s.until())) {
                live.add(s);
                cuts.add(s.from());
                if (s.until() != null) {
                    cuts.add(s.until());
                }
            }
        }
        List<Segment> out = new ArrayList<>();
        LocalDate from = null;
        int modes = 0;
        for (LocalDate cut : cuts) {
            int now = 0;
            for (Span s : live) {
                if (!s.from().isAfter(cut) && (s.until() == null || s.until().isAfter(cut))) {
                    now |= bit(s.buildMode());
                }
            }
            if (now != modes) {
                out.add(segment(out.size(), from, cut, modes));
                from = cut;
                modes = now;
            }
        }
        out.add(segment(out.size(), from, null, modes));
        return out;
    }

    private static Segment segment(int seq, LocalDate from, LocalDate to, int modes) {
        return new Segment(0, seq, from, to, null, (modes & 1) != 0, (modes & 2) != 0, (modes & 4) != 0);
    }

    private static int bit(String mode) {
        return switch (Objects.requireNonNull(mode, "build_mode")) {
            case "SINGLE" -> 1;
            case "JOINT" -> 2;
            case "INDUSTRY" -> 4;
            default -> throw new IllegalStateException("Unknown build mode " + mode);
        };
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }
}
