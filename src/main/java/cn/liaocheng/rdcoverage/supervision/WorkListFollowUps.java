package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.coverage.CoverageQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the follow-ups add to the county's work list (the uncovered enterprises on asOf): each enterprise's latest visit,
 * the overdue rule and its filters, and per region the enterprises never visited and overdue. An uncovered enterprise is
 * overdue on asOf when its latest follow-up expected the institution by a date before asOf (on expectedBy itself it is
 * not yet overdue).
 */
@ApplicationScoped
public class WorkListFollowUps {
    @Inject EntityManager em;

    public record Latest(LocalDate visitedOn, String plannedBuildMode, LocalDate expectedBy) {
        public boolean overdueOn(LocalDate asOf) {
            return expectedBy != null && expectedBy.isBefore(asOf);
        }
    }

    public record RegionCounts(long uncovered, long neverVisited, long overdue) {
    }

    /** The work-list condition for {@code overdue} (true, false or null for either) and {@code noFollowUpSince}. */
    public CoverageQueries.Condition condition(Boolean overdue, LocalDate noFollowUpSince) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        if (overdue != null) {
            sql.append(overdue ? "" : "not ").append("""
                    exists (select 1 from follow_up_latest lo where lo.credit_code = f.credit_code and lo.expected_by < :asOf)""");
        }
        if (noFollowUpSince != null) {
            sql.append(sql.isEmpty() ? "" : " and ").append("""
                    not exists (select 1 from follow_up_latest ls where ls.credit_code = f.credit_code and ls.visited_on >= :noFollowUpSince)""");
            params.put("noFollowUpSince", noFollowUpSince);
        }
        return new CoverageQueries.Condition(sql.toString(), params);
    }

    /** The latest follow-up of each of these enterprises that has one. */
    public Map<String, Latest> latest(List<String> creditCodes) {
        Map<String, Latest> byCode = new HashMap<>();
        if (creditCodes.isEmpty()) {
            return byCode;
        }
        for (Object row : em.createNativeQuery("""
                select credit_code, visited_on, planned_build_mode, expected_by from follow_up_latest
                where credit_code in (:codes)""").setParameter("codes", creditCodes).getResultList()) {
            Object[] r = (Object[]) row;
            byCode.put((String) r[0], new Latest(date(r[1]), (String) r[2], date(r[3])));
        }
        return byCode;
    }

    /**
     * Per region of the statistical year (issue #19): the uncovered enterprises of the work list on asOf, those never
     * visited and those overdue.
     */
    public Map<String, RegionCounts> countsByRegion(int year, LocalDate asOf, Collection<String> regions) {
        Query q = em.createNativeQuery("""
                select s.region_code, count(*),
                       sum(case when l.credit_code is null then 1 else 0 end),
                       sum(case when l.expected_by < :asOf then 1 else 0 end)
                from coverage_segment s
                left join follow_up_latest l on l.credit_code = s.credit_code
                where %s%s
                group by s.region_code""".formatted(CoverageQueries.UNCOVERED_ON,
                CoverageQueries.inRegions("s.region_code", regions)))
                .setParameter("year", year).setParameter("asOf", asOf);
        return CoverageQueries.byRegion(q, regions, r -> new RegionCounts(num(r[1]), num(r[2]), num(r[3])));
    }

    private static LocalDate date(Object o) {
        return o == null ? null : o instanceof LocalDate d ? d : ((Date) o).toLocalDate();
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
