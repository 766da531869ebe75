package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The coverage aggregates, computed in the database with grouped SQL over indexed columns (no entity is loaded).
 * "Covered on D": above designated size in the statistical year and a participant of an institution with
 * recognized_on ≤ D and (revoked_on null or revoked_on > D), any build mode; an INDUSTRY institution only while its
 * service agreement is valid on D (agreement_valid_until null or ≥ D). Regions are those of the statistical year.
 * Coverage and the work list read the segments that {@link CoverageLedger} maintains (issue #20); the provincial
 * counts are computed from the designations, which are few (a few per cent of the institutions).
 */
@ApplicationScoped
public class CoverageQueries {
    /** The segment {@code s} holding :asOf (exactly one per enterprise-year stored). */
    public static final String SEGMENT_ON = """
            (s.valid_from is null or s.valid_from <= :asOf) and (s.valid_to is null or s.valid_to > :asOf)""";

    /** The enterprises of :year not covered on :asOf, over alias {@code s} ({@code coverage_segment}). */
    public static final String UNCOVERED_ON = "s.year = :year and s.covered = false and " + SEGMENT_ON;

    /**
     * Provincial-or-higher designations active on :asOf, of institutions the city had recognised by :asOf and not
     * revoked by then (a designation of a merely DECLARED institution does not count: issue #19).
     */
    static final String ACTIVE_DESIGNATION = """
            d.level in ('PROVINCIAL', 'NATIONAL') and d.granted_on <= :asOf
              and (d.revoked_on is null or d.revoked_on > :asOf)
              and i.status in ('RECOGNIZED', 'REVOKED') and i.recognized_on <= :asOf
              and (i.revoked_on is null or i.revoked_on > :asOf)""";

    /** The provincial counts: all, and of institutions with a key enterprise (重点企业) / key industry (重点行业) participant. */
    static final String PROVINCIAL_COUNTS = """
            count(distinct d.institution_id),
            count(distinct case when d.granted_on >= :yearStart then d.institution_id end),
            count(distinct case when e.key_enterprise = true then d.institution_id end),
            count(distinct case when e.key_industry = true then d.institution_id end),
            count(distinct case when d.granted_on >= :yearStart and e.key_enterprise = true then d.institution_id end),
            count(distinct case when d.granted_on >= :yearStart and e.key_industry = true then d.institution_id end)""";

    @Inject EntityManager em;

    public record Counts(long aboveSize, long covered, long single, long joint, long industry) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    public record Provincial(long active, long newThisYear, long activeKeyEnterprise, long activeKeyIndustry,
                             long newKeyEnterprise, long newKeyIndustry) {
        static final Provincial NONE = new Provincial(0, 0, 0, 0, 0, 0);

        static Provincial of(Object[] r, int from) {
            return new Provincial(num(r[from]), num(r[from + 1]), num(r[from + 2]), num(r[from + 3]), num(r[from + 4]),
                    num(r[from + 5]));
        }
    }

    /** Figures of asOf's year if any are loaded, else the latest earlier year; null when there are none. */
    public Integer statisticalYear(int year) {
        Object max = em.createNativeQuery("select max(year) from enterprise_figures where year <= :year")
                .setParameter("year", year).getSingleResult();
        return max == null ? null : ((Number) max).intValue();
    }

    /**
     * Above-size and covered enterprises by region, of {@code regions} (null: all), from the maintained segments
     * (issue #20): a range of the report index per region, so a county's report reads only its county's rows.
     */
    public Map<String, Counts> countsByRegion(int year, LocalDate asOf, Collection<String> regions) {
        Query q = em.createNativeQuery("""
                select s.region_code, count(*), sum(case when s.covered = true then 1 else 0 end),
                       sum(case when s.single_mode = true then 1 else 0 end), sum(case when s.joint_mode = true then 1 else 0 end),
                       sum(case when s.industry_mode = true then 1 else 0 end)
                from coverage_segment s
                where s.year = :year and %s%s
                group by s.region_code""".formatted(SEGMENT_ON, inRegions("s.region_code", regions)))
                .setParameter("year", year).setParameter("asOf", asOf);
        return byRegion(q, regions, r -> new Counts(num(r[1]), num(r[2]), num(r[3]), num(r[4]), num(r[5])));
    }

    /**
     * Provincial-or-higher institutions active on asOf, and those granted since the start of asOf's year, by the
     * region of the statistical year {@code year} (else the current region) of their participants, of {@code regions}
     * (null: all).
     */
    public Map<String, Provincial> provincialByRegion(LocalDate asOf, Integer year, Collection<String> regions) {
        String regionOf = "coalesce(f.region_code, e.region_code)";
        Query q = em.createNativeQuery("""
                select %s, %s
                from designation d
                join institution i on i.id = d.institution_id
                join institution_participant p on p.institution_id = d.institution_id
                join enterprise e on e.credit_code = p.credit_code
                left join enterprise_figures f on f.credit_code = p.credit_code and f.year = :year
                where %s%s
                group by %s""".formatted(regionOf, PROVINCIAL_COUNTS, ACTIVE_DESIGNATION,
                        inRegions(regionOf, regions), regionOf))
                .setParameter("asOf", asOf).setParameter("yearStart", asOf.withDayOfYear(1))
                .setParameter("year", year == null ? -1 : year);
        return byRegion(q, regions, r -> Provincial.of(r, 1));
    }

    /** The same city-wide: an institution with participants in two regions counts once. */
    public Provincial provincialCity(LocalDate asOf) {
        Object[] r = (Object[]) em.createNativeQuery("""
                select %s
                from designation d
                join institution i on i.id = d.institution_id
                join institution_participant p on p.institution_id = d.institution_id
                join enterprise e on e.credit_code = p.credit_code
                where %s""".formatted(PROVINCIAL_COUNTS, ACTIVE_DESIGNATION))
                .setParameter("asOf", asOf).setParameter("yearStart", asOf.withDayOfYear(1)).getSingleResult();
        return Provincial.of(r, 0);
    }

    public record Uncovered(String creditCode, String name, String regionCode, String sizeClass, int employees,
                            BigDecimal revenue) {
    }

    /**
     * A further condition on the work list from another feature (e.g. the follow-ups of supervision), over the
     * aliases {@code f} (figures) and {@code e} (enterprise), with its own named parameters; {@code Condition.NONE} for none.
     */
    public record Condition(String sql, Map<String, Object> params) {
        public static final Condition NONE = new Condition("", Map.of());
    }

    /** The work list's sortable columns (all NOT NULL) and its unique tie-break, the credit code. */
    public static final List<Keyset.Column<Uncovered>> SORTABLE = List.of(
            new Keyset.Column<>("creditCode", "s.credit_code", String.class, Uncovered::creditCode),
            new Keyset.Column<>("name", "e.name", String.class, Uncovered::name),
            new Keyset.Column<>("regionCode", "s.region_code", String.class, Uncovered::regionCode),
            new Keyset.Column<>("sizeClass", "f.size_class", String.class, Uncovered::sizeClass),
            new Keyset.Column<>("employees", "f.employees", Integer.class, Uncovered::employees),
            new Keyset.Column<>("revenue", "f.revenue", BigDecimal.class, Uncovered::revenue));

    /** The keyset order of the work list for a {@code sort} parameter (400 naming sort when unknown). */
    public static Keyset<Uncovered> order(String sort) {
        return Keyset.of(sort, SORTABLE, SORTABLE.get(0));
    }

    /**
     * Up to {@code limit} above-size enterprises not covered on asOf, in {@code regions} (null for all), in the
     * keyset's order, strictly after {@code after} (keyset paging) and then skipping {@code offset} rows (0 with a
     * cursor; page × size for the older numbered pages), from the maintained segments {@code s} joined to the year's
     * figures {@code f} and the enterprise {@code e}.
     */
    public List<Uncovered> uncovered(int year, LocalDate asOf, Collection<String> regions, Condition extra,
                                     Keyset<Uncovered> order, Keyset.After after, int offset, int limit) {
        if (order.onlyOver("s") && extra.sql().isEmpty()) {
            return uncoveredBySegments(year, asOf, regions, order, after, offset, limit);
        }
        Query q = em.createNativeQuery("""
                select s.credit_code, e.name, s.region_code, f.size_class, f.employees, f.revenue
                from coverage_segment s
                join enterprise_figures f on f.credit_code = s.credit_code and f.year = s.year
                join enterprise e on e.credit_code = s.credit_code
                where %s%s%s%s
                order by %s""".formatted(UNCOVERED_ON, inRegions("s.region_code", regions),
                extra.sql().isEmpty() ? "" : " and " + extra.sql(), after.sql().isEmpty() ? "" : " and " + after.sql(),
                order.orderBy()));
        bind(q, year, asOf, regions, extra);
        after.params().forEach(q::setParameter);
        q.setFirstResult(offset).setMaxResults(limit);
        List<Uncovered> rows = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new Uncovered((String) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue(),
                    r[5] instanceof BigDecimal b ? b : new BigDecimal(r[5].toString())));
        }
        return rows;
    }

    /**
     * The page in two steps when the order and the filters use the segments alone (credit code, region): first the
     * page's keys from {@code coverage_segment} only, an ordered range of {@code ix_coverage_segment_open} (city) or
     * {@code ix_coverage_segment_region_open} (a region) that stops after {@code limit} rows; then the names and
     * figures of those enterprises by primary key. In one joined statement MariaDB carries the keyset bound over to
     * the figures' primary key and sorts every remaining row for each page (measured at 480,000 enterprises: a
     * temporary table and a filesort of 240,000 rows for a 1,000-row chunk of an export).
     */
    private List<Uncovered> uncoveredBySegments(int year, LocalDate asOf, Collection<String> regions, Keyset<Uncovered> order,
                                                Keyset.After after, int offset, int limit) {
        Query keys = em.createNativeQuery("""
                select s.credit_code, s.region_code from coverage_segment s
                where %s%s%s
                order by %s""".formatted(UNCOVERED_ON, inRegions("s.region_code", regions),
                after.sql().isEmpty() ? "" : " and " + after.sql(), order.orderBy()));
        bind(keys, year, asOf, regions, Condition.NONE);
        after.params().forEach(keys::setParameter);
        keys.setFirstResult(offset).setMaxResults(limit);
        List<Object[]> page = new ArrayList<>();
        for (Object row : keys.getResultList()) {
            page.add((Object[]) row);
        }
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, Object[]> details = new HashMap<>();
        for (Object row : em.createNativeQuery("""
                        select f.credit_code, e.name, f.size_class, f.employees, f.revenue
                        from enterprise_figures f join enterprise e on e.credit_code = f.credit_code
                        where f.year = :year and f.credit_code in (:codes)""")
                .setParameter("year", year).setParameter("codes", page.stream().map(r -> (String) r[0]).toList())
                .getResultList()) {
            Object[] r = (Object[]) row;
            details.put((String) r[0], r);
        }
        List<Uncovered> rows = new ArrayList<>(page.size());
        for (Object[] k : page) {
            Object[] r = details.get((String) k[0]);
            if (r == null) {
                continue; // cannot happen: a segment exists only for an enterprise with figures of its year
            }
            rows.add(new Uncovered((String) k[0], (String) r[1], (String) k[1], (String) r[2], ((Number) r[3]).intValue(),
                    r[4] instanceof BigDecimal b ? b : new BigDecimal(r[4].toString())));
        }
        return rows;
    }

    public long countUncovered(int year, LocalDate asOf, Collection<String> regions, Condition extra) {
        // the figures are joined only for a further condition over f (follow-ups): the plain count reads one index
        Query q = em.createNativeQuery("""
                select count(*) from coverage_segment s%s
                where %s%s%s""".formatted(
                extra.sql().isEmpty() ? "" : " join enterprise_figures f on f.credit_code = s.credit_code and f.year = s.year",
                UNCOVERED_ON, inRegions("s.region_code", regions),
                extra.sql().isEmpty() ? "" : " and " + extra.sql()));
        bind(q, year, asOf, regions, extra);
        return num(q.getSingleResult());
    }

    @Schema(name = "InstitutionInProgress")
    public record InProgress(String institutionId, String name, String buildMode) {
    }

    /** DECLARED (not yet recognised) institutions of these enterprises, oldest first. */
    public Map<String, List<InProgress>> inProgress(List<String> creditCodes) {
        Map<String, List<InProgress>> byCode = new HashMap<>();
        if (creditCodes.isEmpty()) {
            return byCode;
        }
        List<?> rows = em.createNativeQuery("""
                select p.credit_code, i.id, i.name, i.build_mode from institution_participant p
                join institution i on i.id = p.institution_id
                where i.status = 'DECLARED' and p.credit_code in (:codes)
                order by i.created_at, i.id""").setParameter("codes", creditCodes).getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            byCode.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                    .add(new InProgress(r[1].toString(), (String) r[2], (String) r[3]));
        }
        return byCode;
    }

    private static void bind(Query q, int year, LocalDate asOf, Collection<String> regions, Condition extra) {
        q.setParameter("year", year).setParameter("asOf", asOf);
        bindRegions(q, regions);
        extra.params().forEach(q::setParameter);
    }

    /** {@code " and column in (:regions)"} when a report is of some regions; nothing when it is of all (null). */
    public static String inRegions(String column, Collection<String> regions) {
        return regions == null ? "" : " and " + column + " in (:regions)";
    }

    /**
     * The rows of a query grouped by region, the region code first, each as {@code row} makes it, by region code;
     * {@code :regions} bound when the query is of some regions ({@link #inRegions}).
     */
    public static <T> Map<String, T> byRegion(Query q, Collection<String> regions, Function<Object[], T> row) {
        bindRegions(q, regions);
        Map<String, T> byRegion = new HashMap<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            byRegion.put((String) r[0], row.apply(r));
        }
        return byRegion;
    }

    /** Binds {@code :regions} when the query is of some regions; of none, a code no region has (an empty IN is not SQL). */
    private static void bindRegions(Query q, Collection<String> regions) {
        if (regions != null) {
            q.setParameter("regions", regions.isEmpty() ? List.of("-") : regions);
        }
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
