package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.coverage.CoverageLedger;
import cn.liaocheng.rdcoverage.coverage.CoverageQueries;
import cn.liaocheng.rdcoverage.coverage.InstitutionCoverage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator aggregates of a year and the year before, each side one grouped statement over ranges of one covering
 * index (no entity is loaded, nothing is joined). "Covered" and the region are read from the coverage segments that
 * {@link CoverageLedger} maintains (table {@code coverage_segment}, the one definition the coverage report also reads):
 * an enterprise counts in Y when its segment of year Y holding 31 Dec Y is covered, in that segment's region (the region
 * of the statistical year, so an enterprise that moved county since counts where it was), with the build modes the
 * segment names and the revenue of Y's figures (kept in the segment). The institutions counted in Y are those covering
 * ({@link CoverageLedger#INSTITUTION_COVERS_ON}) at least one such enterprise on 31 Dec Y, per region of that
 * enterprise's segment (a joint institution counts in each of its participants' regions, once city-wide), read from
 * {@link InstitutionCoverage}'s table {@code institution_coverage}, which holds those rows with the year's capacity and
 * indicators.
 */
@ApplicationScoped
public class IndicatorQueries {
    /**
     * Institution sums per year, region and {@code city} over the rows r of {@code institution_coverage} (each
     * institution once per region it covers in; {@code city} on exactly one of its rows of a year, so the city-wide sums,
     * over the {@code city} groups of every region, count a joint institution covering in two regions once; a region's
     * sums are those of its two groups). Columns: yr, region, city, then the count and six plain sums. Grouped by the
     * order of {@code ix_institution_coverage_report} (year, region_code, city, the six figures): one range of the index,
     * no temporary table; seven plain sums per row instead of the count and six sums twice over (the city's behind a
     * {@code case}), which halved the statement's time at 100k enterprises / 60k institutions (62 to 36 ms).
     */
    private static final String INSTITUTION_SUMS = """
            select r.year, r.region_code, r.city, count(*),
                   coalesce(sum(r.rd_expenditure), 0), coalesce(sum(r.personnel), 0),
                   coalesce(sum(r.patent_applications), 0), coalesce(sum(r.invention_patent_applications), 0),
                   coalesce(sum(r.patents_granted), 0), coalesce(sum(r.new_products), 0)
            from institution_coverage r
            where r.year in (:y1, :y0)
            group by r.year, r.region_code, r.city""";

    /**
     * Covered enterprises of one year (:y{n}) by region, of the regions :regions: counts by mode and the revenue of the
     * year's figures, over the segment {@code s} holding 31 Dec (:end{n}). With the year and the regions given, the
     * covered rows are ranges (year, region_code, covered = true) of {@code ix_coverage_segment_region_open}, read from
     * the index alone: the uncovered rows are not read (without the regions, a range on the year alone read every row of
     * both years), and each row read is tested on its dates only (one year's, not an {@code or} of both years').
     */
    private static final String ENTERPRISES_OF_YEAR = """
            select s.year, s.region_code, count(*),
                   sum(case when s.single_mode = true then 1 else 0 end),
                   sum(case when s.joint_mode = true then 1 else 0 end),
                   sum(case when s.industry_mode = true then 1 else 0 end),
                   coalesce(sum(s.revenue), 0)
            from coverage_segment s
            where s.year = :y%1$d and s.region_code in (:regions) and s.covered = true and %2$s
            group by s.year, s.region_code""";

    /** Both years' covered enterprises by year and region, one range read per year and region. */
    private static final String ENTERPRISES = ENTERPRISES_OF_YEAR.formatted(1, CoverageQueries.SEGMENT_ON.replace(":asOf", ":end1"))
            + "\nunion all\n" + ENTERPRISES_OF_YEAR.formatted(0, CoverageQueries.SEGMENT_ON.replace(":asOf", ":end0"));

    @Inject EntityManager em;

    /** Institution sums of one year. */
    public record InstitutionSums(long institutions, BigDecimal rdExpenditure, long rdPersonnel, long patentApplications,
                                  long inventionPatentApplications, long patentsGranted, long newProducts) {
        static final InstitutionSums NONE = new InstitutionSums(0, BigDecimal.ZERO, 0, 0, 0, 0, 0);

        InstitutionSums plus(InstitutionSums o) {
            return new InstitutionSums(institutions + o.institutions, rdExpenditure.add(o.rdExpenditure),
                    rdPersonnel + o.rdPersonnel, patentApplications + o.patentApplications,
                    inventionPatentApplications + o.inventionPatentApplications, patentsGranted + o.patentsGranted,
                    newProducts + o.newProducts);
        }
    }

    /** Enterprise sums of one year. */
    public record EnterpriseSums(long enterprises, long single, long joint, long industry, BigDecimal revenue) {
        static final EnterpriseSums NONE = new EnterpriseSums(0, 0, 0, 0, BigDecimal.ZERO);

        EnterpriseSums plus(EnterpriseSums o) {
            return new EnterpriseSums(enterprises + o.enterprises, single + o.single, joint + o.joint, industry + o.industry,
                    revenue.add(o.revenue));
        }
    }

    /** Institution sums of a year and the year before ([year, year - 1]) by region and city-wide. */
    public record InstitutionTotals(Map<String, InstitutionSums[]> byRegion, InstitutionSums[] city) {
    }

    /** [year, year - 1] institution sums by region and city-wide, in one query. */
    public InstitutionTotals institutions(int year) {
        Map<String, InstitutionSums[]> byRegion = new HashMap<>();
        InstitutionSums[] city = {InstitutionSums.NONE, InstitutionSums.NONE};
        for (Object row : years(em.createNativeQuery(INSTITUTION_SUMS), year).getResultList()) {
            Object[] r = (Object[]) row;
            int k = ((Number) r[0]).intValue() == year ? 0 : 1;
            InstitutionSums[] pair = byRegion.computeIfAbsent((String) r[1], x -> new InstitutionSums[]{InstitutionSums.NONE, InstitutionSums.NONE});
            InstitutionSums sums = sums(r, 3);
            pair[k] = pair[k].plus(sums);
            if (flag(r[2])) {
                city[k] = city[k].plus(sums);
            }
        }
        return new InstitutionTotals(byRegion, city);
    }

    private static InstitutionSums sums(Object[] r, int at) {
        return new InstitutionSums(num(r[at]), dec(r[at + 1]), num(r[at + 2]), num(r[at + 3]), num(r[at + 4]),
                num(r[at + 5]), num(r[at + 6]));
    }

    /**
     * [year, year - 1] enterprise sums by region (the region of each year's segment), of these regions (the report's:
     * a segment of another region would not be shown, nor summed into the city).
     */
    public Map<String, EnterpriseSums[]> enterprises(int year, Collection<String> regions) {
        Map<String, EnterpriseSums[]> byRegion = new HashMap<>();
        jakarta.persistence.Query q = bind(em.createNativeQuery(ENTERPRISES), year)
                .setParameter("regions", regions.isEmpty() ? List.of("-") : regions);
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            EnterpriseSums[] pair = byRegion.computeIfAbsent((String) r[1], k -> new EnterpriseSums[]{EnterpriseSums.NONE, EnterpriseSums.NONE});
            pair[((Number) r[0]).intValue() == year ? 0 : 1] = new EnterpriseSums(num(r[2]), num(r[3]), num(r[4]), num(r[5]), dec(r[6]));
        }
        return byRegion;
    }

    private static jakarta.persistence.Query years(jakarta.persistence.Query q, int year) {
        return q.setParameter("y1", year).setParameter("y0", year - 1);
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query q, int year) {
        return q.setParameter("y1", year).setParameter("y0", year - 1)
                .setParameter("end1", LocalDate.of(year, 12, 31)).setParameter("end0", LocalDate.of(year - 1, 12, 31));
    }

    /** A boolean column as the drivers give it (Boolean, or a number for MariaDB's tinyint). */
    private static boolean flag(Object o) {
        return o instanceof Boolean b ? b : o instanceof Number n && n.intValue() != 0;
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static BigDecimal dec(Object o) {
        return o == null ? BigDecimal.ZERO : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
