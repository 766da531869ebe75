package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.coverage.CoverageQueries;
import cn.liaocheng.rdcoverage.eligibility.Participant;
import cn.liaocheng.rdcoverage.enterprise.EnterpriseFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The participants of an institution as the eligibility rules see them on a date (docs/domain.md sections 2, 6, 9):
 * <ul>
 *   <li>above designated size (规上) only when listed in the <b>statistical year</b> of the date, the year the coverage
 *       report uses ({@link CoverageQueries#statisticalYear}: the date's year if any figures of it are loaded, else the
 *       latest earlier year). An enterprise without figures of that year is not above designated size on the date,
 *       however it stood in an earlier year;</li>
 *   <li>employees and revenue (persons, yuan) from its figures of that year, else its latest earlier year, for the size
 *       class that picks its column of the standard; none at all up to the date's year is a 422 {@code no-figures};</li>
 *   <li>already paid the city's one-time award (不重复支持, {@link PriorAwards});</li>
 *   <li>already recognised: it takes part in another institution recognised on or before the date (the historic
 *       register included, revoked or not), so this recognition is not its first (初次通过审核确认).</li>
 * </ul>
 */
@ApplicationScoped
public class ParticipantFacts {
    @Inject CoverageQueries coverage;
    @Inject PriorAwards priorAwards;

    /** The participants of {@code i} on {@code asOf}, in the institution's order. */
    public List<Participant> of(Institution i, LocalDate asOf) {
        Integer statisticalYear = coverage.statisticalYear(asOf.getYear());
        Set<String> awarded = priorAwards.alreadyAwarded(i.participants);
        Set<String> recognized = recognizedBefore(i.participants, i.id, asOf);
        List<Participant> participants = new ArrayList<>();
        for (String code : i.participants) {
            EnterpriseFigures f = latestFigures(code, asOf.getYear());
            boolean listed = statisticalYear != null && f.year == statisticalYear;
            participants.add(new Participant(code, f.employees, f.revenue, listed && f.aboveDesignatedSize,
                    awarded.contains(code), recognized.contains(code)));
        }
        return participants;
    }

    /** The figures of {@code year} or the latest earlier year; 422 {@code no-figures} when there are none. */
    private static EnterpriseFigures latestFigures(String code, int year) {
        EnterpriseFigures f = EnterpriseFigures.<EnterpriseFigures>find(
                "creditCode = ?1 and year <= ?2 order by year desc", code, year).firstResult();
        if (f == null) {
            throw ApiException.unprocessable("no-figures", "Enterprise " + code + " has no yearly figures for "
                    + year + " or earlier, so its size class is unknown; load its statistics first",
                    Map.of("creditCode", code, "year", year)).zh("detail.no-figures.size-class", code, year);
        }
        return f;
    }

    /**
     * Those of {@code codes} taking part in an institution other than {@code institutionId} with a recognition date on
     * or before {@code asOf} (RECOGNIZED or REVOKED, the historic register included).
     */
    static Set<String> recognizedBefore(Collection<String> codes, UUID institutionId, LocalDate asOf) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Institution.getEntityManager().createQuery("""
                        select distinct p from Institution i join i.participants p
                        where p in :codes and i.id <> :id and i.recognizedOn is not null and i.recognizedOn <= :asOf""", String.class)
                .setParameter("codes", codes).setParameter("id", institutionId).setParameter("asOf", asOf)
                .getResultList());
    }
}
