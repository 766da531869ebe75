package cn.liaocheng.rdcoverage.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicator aggregates of a year and the year before, computed in the database in one pass each (grouped SQL with
 * conditional sums; no entity is loaded). As in the coverage report on 31 Dec Y: an enterprise is covered in Y when it is
 * above designated size in Y's figures and takes part in an institution recognised on or before 31 Dec Y and not revoked
 * by then (an INDUSTRY institution only while its service agreement is valid); the institutions counted in Y are those
 * covering at least one enterprise (in the region, for a region). Regions here are the enterprises' current regions, not
 * yet those of the statistical year as in the coverage report (left for issue 15's one definition of "covered").
 */
@ApplicationScoped
public class IndicatorQueries {
    /**
     * Covering on 31 Dec of a year, the rule {@link cn.liaocheng.rdcoverage.coverage.CoverageLedger} keeps as segments: an
     * INDUSTRY institution only while its agreement is valid. A second text of that rule: reading coverage_segment
     * instead is left for issue 15 (one definition of "covered").
     */
    private static final String ACTIVE = "i.recognized_on <= :%1$s and (i.revoked_on is null or i.revoked_on > :%1$s)"
            + " and (i.build_mode <> 'INDUSTRY' or i.agreement_valid_until is null or i.agreement_valid_until >= :%1$s)";
    private static final String RECOGNISED_BY_END = "i.status in ('RECOGNIZED', 'REVOKED') and i.recognized_on <= :end1";

    /** Institution sums per scope (a region or the city): r.scope, r.institution_id, r.act1, r.act0. */
    private static final String INSTITUTION_SUMS = """
            select r.scope, sum(r.act1), sum(r.act0),
                   coalesce(sum(case when r.act1 = 1 then c1.rd_expenditure end), 0),
                   coalesce(sum(case when r.act1 = 1 then c1.personnel end), 0),
                   coalesce(sum(case when r.act1 = 1 then x1.patent_applications end), 0),
                   coalesce(sum(case when r.act1 = 1 then x1.invention_patent_applications end), 0),
                   coalesce(sum(case when r.act1 = 1 then x1.patents_granted end), 0),
                   coalesce(sum(case when r.act1 = 1 then x1.new_products end), 0),
                   coalesce(sum(case when r.act0 = 1 then c0.rd_expenditure end), 0),
                   coalesce(sum(case when r.act0 = 1 then c0.personnel end), 0),
                   coalesce(sum(case when r.act0 = 1 then x0.patent_applications end), 0),
                   coalesce(sum(case when r.act0 = 1 then x0.invention_patent_applications end), 0),
                   coalesce(sum(case when r.act0 = 1 then x0.patents_granted end), 0),
                   coalesce(sum(case when r.act0 = 1 then x0.new_products end), 0)
            from (%s) r
            left join institution_capacity c1 on c1.institution_id = r.institution_id and c1.year = :y1
            left join institution_capacity c0 on c0.institution_id = r.institution_id and c0.year = :y0
            left join institution_indicator x1 on x1.institution_id = r.institution_id and x1.year = :y1
            left join institution_indicator x0 on x0.institution_id = r.institution_id and x0.year = :y0
            group by r.scope""";

    /** Participants above designated size in either year, with the figures row of that year. */
    private static final String COVERED_PARTICIPANTS = """
            from institution i
            join institution_participant p on p.institution_id = i.id
            join enterprise_figures f on f.credit_code = p.credit_code and f.year in (:y1, :y0) and f.above_designated_size = true""";

    private static final String BY_REGION = """
            select p.institution_id as institution_id, e.region_code as scope,
                   max(case when f.year = :y1 and %s then 1 else 0 end) as act1,
                   max(case when f.year = :y0 and %s then 1 else 0 end) as act0
            %s
            join enterprise e on e.credit_code = p.credit_code
            where %s
            group by p.institution_id, e.region_code""".formatted(ACTIVE.formatted("end1"), ACTIVE.formatted("end0"),
            COVERED_PARTICIPANTS, RECOGNISED_BY_END);

    private static final String CITY = """
            select p.institution_id as institution_id, 'CITY' as scope,
                   max(case when f.year = :y1 and %s then 1 else 0 end) as act1,
                   max(case when f.year = :y0 and %s then 1 else 0 end) as act0
            %s
            where %s
            group by p.institution_id""".formatted(ACTIVE.formatted("end1"), ACTIVE.formatted("end0"),
            COVERED_PARTICIPANTS, RECOGNISED_BY_END);

    /** Enterprises with an institution, by region: counts by mode and revenue, both years. */
    private static final String ENTERPRISES = """
            select e.region_code, sum(c.act1), sum(c.s1), sum(c.j1), sum(c.i1), sum(c.act0), sum(c.s0), sum(c.j0), sum(c.i0),
                   coalesce(sum(case when c.act1 = 1 then f1.revenue end), 0),
                   coalesce(sum(case when c.act0 = 1 then f0.revenue end), 0)
            from (select p.credit_code as credit_code,
                         max(case when f.year = :y1 and %1$s then 1 else 0 end) as act1,
                         max(case when f.year = :y1 and %1$s and i.build_mode = 'SINGLE' then 1 else 0 end) as s1,
                         max(case when f.year = :y1 and %1$s and i.build_mode = 'JOINT' then 1 else 0 end) as j1,
                         max(case when f.year = :y1 and %1$s and i.build_mode = 'INDUSTRY' then 1 else 0 end) as i1,
                         max(case when f.year = :y0 and %2$s then 1 else 0 end) as act0,
                         max(case when f.year = :y0 and %2$s and i.build_mode = 'SINGLE' then 1 else 0 end) as s0,
                         max(case when f.year = :y0 and %2$s and i.build_mode = 'JOINT' then 1 else 0 end) as j0,
                         max(case when f.year = :y0 and %2$s and i.build_mode = 'INDUSTRY' then 1 else 0 end) as i0
                  %3$s
                  where %4$s
                  group by p.credit_code) c
            join enterprise e on e.credit_code = c.credit_code
            left join enterprise_figures f1 on f1.credit_code = c.credit_code and f1.year = :y1
            left join enterprise_figures f0 on f0.credit_code = c.credit_code and f0.year = :y0
            group by e.region_code""".formatted(ACTIVE.formatted("end1"), ACTIVE.formatted("end0"), COVERED_PARTICIPANTS,
            RECOGNISED_BY_END);

    @Inject
    EntityManager em;

    /** Institution sums of one year. */
    public record InstitutionSums(long institutions, BigDecimal rdExpenditure, long rdPersonnel, long patentApplications,
                                  long inventionPatentApplications, long patentsGranted, long newProducts) {
        static final InstitutionSums NONE = new InstitutionSums(0, BigDecimal.ZERO, 0, 0, 0, 0, 0);
    }

    /** Enterprise sums of one year. */
    public record EnterpriseSums(long enterprises, long single, long joint, long industry, BigDecimal revenue) {
        static final EnterpriseSums NONE = new EnterpriseSums(0, 0, 0, 0, BigDecimal.ZERO);

        EnterpriseSums plus(EnterpriseSums o) {
            return new EnterpriseSums(enterprises + o.enterprises, single + o.single, joint + o.joint, industry + o.industry,
                    revenue.add(o.revenue));
        }
    }

    /** [year, year - 1] sums by scope: region codes, or "CITY" when {@code city}. */
    public Map<String, InstitutionSums[]> institutions(int year, boolean city) {
        List<?> rows = bind(em.createNativeQuery(INSTITUTION_SUMS.formatted(city ? CITY : BY_REGION)), year).getResultList();
        Map<String, InstitutionSums[]> byScope = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            byScope.put((String) r[0], new InstitutionSums[]{
                    new InstitutionSums(num(r[1]), dec(r[3]), num(r[4]), num(r[5]), num(r[6]), num(r[7]), num(r[8])),
                    new InstitutionSums(num(r[2]), dec(r[9]), num(r[10]), num(r[11]), num(r[12]), num(r[13]), num(r[14]))});
        }
        return byScope;
    }

    /** [year, year - 1] enterprise sums by region. */
    public Map<String, EnterpriseSums[]> enterprises(int year) {
        List<?> rows = bind(em.createNativeQuery(ENTERPRISES), year).getResultList();
        Map<String, EnterpriseSums[]> byRegion = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            byRegion.put((String) r[0], new EnterpriseSums[]{
                    new EnterpriseSums(num(r[1]), num(r[2]), num(r[3]), num(r[4]), dec(r[9])),
                    new EnterpriseSums(num(r[5]), num(r[6]), num(r[7]), num(r[8]), dec(r[10]))});
        }
        return byRegion;
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query q, int year) {
        return q.setParameter("y1", year).setParameter("y0", year - 1)
                .setParameter("end1", LocalDate.of(year, 12, 31)).setParameter("end0", LocalDate.of(year - 1, 12, 31));
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static BigDecimal dec(Object o) {
        return o == null ? BigDecimal.ZERO : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
