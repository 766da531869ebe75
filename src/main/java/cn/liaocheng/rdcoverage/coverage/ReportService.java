package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.supervision.WorkListFollowUps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Coverage against the targets (DESIGN.md section 5), computed by {@link CoverageQueries} in the database.
 * A county officer's reports hold only its own region and no city block; another region is 404.
 */
@ApplicationScoped
public class ReportService {
    static final Map<String, String> UNCOVERED_SORTABLE = Map.of("creditCode", "s.credit_code", "name", "e.name",
            "regionCode", "s.region_code", "sizeClass", "f.size_class", "employees", "f.employees", "revenue", "f.revenue");

    @Inject
    CoverageQueries queries;

    @Inject
    TargetService targets;

    @Inject
    Regions regions;

    @Inject
    Caller caller;

    /** What the caller sees and acts for (one definition per kind). */
    @Inject
    cn.liaocheng.rdcoverage.security.Scope scope;

    @Inject
    WorkListFollowUps followUps;

    /** The report as the caller may see it, for one region or all. */
    public CoverageReport coverage(LocalDate asOf, String regionCode) {
        return forCaller(compute(asOf), regionsInScope(regionCode));
    }

    /** Restricts a (stored or fresh) full report to the caller's scope and the requested regions (null: all). */
    CoverageReport forCaller(CoverageReport full, Set<String> inScope) {
        List<CoverageReport.Figures> rows = inScope == null ? full.regions()
                : full.regions().stream().filter(r -> inScope.contains(r.regionCode())).toList();
        return new CoverageReport(full.asOf(), full.statisticalYear(), full.statisticalYearFallback(), full.targetYear(),
                full.targetSet(), full.targetNote(), scope.reportRegions() != null ? null : full.city(), rows);
    }

    /** The full report, every region and the city, regardless of the caller. */
    CoverageReport compute(LocalDate asOf) {
        Integer year = queries.statisticalYear(asOf.getYear());
        Map<String, CoverageQueries.Counts> counts = year == null ? Map.of() : queries.countsByRegion(year, asOf, null);
        Map<String, CoverageQueries.Provincial> provincial = queries.provincialByRegion(asOf, year, null);
        Map<String, CoverageTarget> goals = targets.ofYear(asOf.getYear());
        CoverageTarget cityGoal = goals.get(CoverageTarget.CITY);
        List<CoverageReport.Figures> rows = new ArrayList<>();
        long above = 0, covered = 0, single = 0, joint = 0, industry = 0;
        for (Regions.RegionView r : regions.all()) {
            CoverageQueries.Counts c = counts.getOrDefault(r.code(), CoverageQueries.Counts.NONE);
            above += c.aboveSize();
            covered += c.covered();
            single += c.single();
            joint += c.joint();
            industry += c.industry();
            rows.add(figures(r.code(), r.name(), c, provincial.getOrDefault(r.code(), CoverageQueries.Provincial.NONE),
                    goals.get(r.code()), cityGoal));
        }
        CoverageReport.Figures city = figures(null, null, new CoverageQueries.Counts(above, covered, single, joint, industry),
                queries.provincialCity(asOf), cityGoal, null);
        String targetNote = cityGoal != null ? null : "No target is set for " + asOf.getYear()
                + ": targetRate and shortfall are empty. The city sets one with POST /api/v1/targets "
                + "{\"year\": " + asOf.getYear() + ", \"coverageRate\": …, \"provincialIncrease\": …}";
        return new CoverageReport(asOf, year, year != null && year != asOf.getYear(), asOf.getYear(), cityGoal != null,
                targetNote, city, rows);
    }

    private static CoverageReport.Figures figures(String code, String name, CoverageQueries.Counts c,
                                                  CoverageQueries.Provincial p, CoverageTarget own, CoverageTarget fallback) {
        BigDecimal rate = c.aboveSize() == 0 ? null
                : BigDecimal.valueOf(c.covered()).divide(BigDecimal.valueOf(c.aboveSize()), 4, RoundingMode.HALF_UP);
        CoverageTarget goal = own != null ? own : fallback;
        BigDecimal targetRate = goal == null ? null : goal.coverageRate;
        return new CoverageReport.Figures(code, name, c.aboveSize(), c.covered(), rate, targetRate,
                targetRate == null ? null : shortfall(targetRate, c.aboveSize(), c.covered()),
                new CoverageReport.ByBuildMode(c.single(), c.joint(), c.industry()),
                p.active(), p.newThisYear(), own == null ? null : own.provincialIncrease,
                p.activeKeyEnterprise(), p.activeKeyIndustry(), p.newKeyEnterprise(), p.newKeyIndustry());
    }

    /** Enterprises still to cover: max(0, ceil(targetRate × aboveSize) − covered). */
    static long shortfall(BigDecimal targetRate, long aboveSize, long covered) {
        long needed = targetRate.multiply(BigDecimal.valueOf(aboveSize)).setScale(0, RoundingMode.CEILING).longValueExact();
        return Math.max(0, needed - covered);
    }

    /**
     * A page of the work list, filtered by the follow-ups ({@code overdue}, {@code noFollowUpSince}), with the counts
     * per region of the whole (unfiltered) work list in scope: uncovered, never visited, overdue.
     */
    public UncoveredPage uncovered(LocalDate asOf, String regionCode, Boolean overdue, LocalDate noFollowUpSince,
                                   PageQuery paging) {
        paging.validate();
        Set<String> region = regionsInScope(regionCode);
        String order = Sorting.orderBy(paging.sort, UNCOVERED_SORTABLE, "s.credit_code");
        Integer year = queries.statisticalYear(asOf.getYear());
        if (year == null) {
            return new UncoveredPage(List.of(), paging.page, paging.size, 0, List.of());
        }
        CoverageQueries.Condition extra = followUps.condition(overdue, noFollowUpSince);
        List<UncoveredEnterprise> items = page(year, asOf, region, extra, order, paging.page * paging.size, paging.size);
        Map<String, WorkListFollowUps.RegionCounts> counts = followUps.countsByRegion(year, asOf, region);
        List<UncoveredPage.RegionCounts> byRegion = new ArrayList<>();
        for (Regions.RegionView r : regions.all()) {
            if (region == null || region.contains(r.code())) {
                WorkListFollowUps.RegionCounts c = counts.getOrDefault(r.code(), new WorkListFollowUps.RegionCounts(0, 0, 0));
                byRegion.add(new UncoveredPage.RegionCounts(r.code(), r.name(), c.uncovered(), c.neverVisited(), c.overdue()));
            }
        }
        return new UncoveredPage(items, paging.page, paging.size, queries.countUncovered(year, asOf, region, extra), byRegion);
    }

    /** Every uncovered enterprise in the caller's scope, a thousand per transaction (for CSV, while streaming). */
    public void forEachUncovered(LocalDate asOf, String regionCode, Boolean overdue, LocalDate noFollowUpSince, String sort,
                                 Consumer<UncoveredEnterprise> sink) {
        Set<String> region = regionsInScope(regionCode);
        CoverageQueries.Condition extra = followUps.condition(overdue, noFollowUpSince);
        String order = Sorting.orderBy(sort, UNCOVERED_SORTABLE, "s.credit_code");
        Integer year = QuarkusTransaction.requiringNew().call(() -> queries.statisticalYear(asOf.getYear()));
        if (year == null) {
            return;
        }
        for (int offset = 0; ; offset += 1000) {
            int from = offset;
            List<UncoveredEnterprise> chunk = QuarkusTransaction.requiringNew().call(() -> page(year, asOf, region, extra, order, from, 1000));
            chunk.forEach(sink);
            if (chunk.size() < 1000) {
                return;
            }
        }
    }

    private List<UncoveredEnterprise> page(int year, LocalDate asOf, Set<String> region, CoverageQueries.Condition extra,
                                           String order, int offset, int limit) {
        List<CoverageQueries.Uncovered> rows = queries.uncovered(year, asOf, region, extra, order, offset, limit);
        List<String> codes = rows.stream().map(CoverageQueries.Uncovered::creditCode).toList();
        Map<String, List<CoverageQueries.InProgress>> progress = queries.inProgress(codes);
        Map<String, WorkListFollowUps.Latest> latest = followUps.latest(codes);
        return rows.stream().map(u -> {
            Regions.RegionView r = regions.get(u.regionCode());
            WorkListFollowUps.Latest l = latest.get(u.creditCode());
            return new UncoveredEnterprise(u.creditCode(), u.name(), u.regionCode(), r == null ? null : r.name(),
                    u.sizeClass(), u.employees(), u.revenue(), progress.getOrDefault(u.creditCode(), List.of()),
                    l == null ? null : l.visitedOn(), l == null ? null : l.plannedBuildMode(),
                    l == null ? null : l.expectedBy(), l != null && l.overdueOn(asOf));
        }).toList();
    }

    /**
     * A region outside a county officer's or supervisor's scope: 403 saying so and which regions it may ask for
     * (not "does not exist": issue #19).
     */
    private ApiException outOfScope(String requested) {
        String own = String.join(", ", new java.util.TreeSet<>(scope.reportRegions()));
        return ApiException.forbidden("Region " + requested + " is outside your scope: you read only the reports of " + own
                + " (omit regionCode or use one of them)");
    }

    /**
     * The regions a request is about: for a county officer or a supervisor the requested one if in its scope
     * (else 403 naming its scope)
     * or all of its scope; for the other roles the requested region (400 when unknown), or null for all.
     */
    public Set<String> regionsInScope(String regionCode) {
        String requested = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        Set<String> own = scope.reportRegions();
        if (own != null) {
            if (requested != null && !own.contains(requested)) {
                throw outOfScope(requested);
            }
            return requested != null ? Set.of(requested) : own;
        }
        if (requested != null && !regions.exists(requested)) {
            throw ApiException.invalid("regionCode", "'" + regionCode + "' is not a region code of Liaocheng (see /api/v1/regions)");
        }
        return requested == null ? null : Set.of(requested);
    }

    /**
     * The one region a request is about: a county officer's own region (another one is 403), a supervisor's requested
     * region of its scope (required when it supervises several), or for the other roles the requested region (400 when
     * unknown), or null for all.
     */
    public String scope(String regionCode) {
        String requested = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        Set<String> own = scope.reportRegions();
        if (own != null) {
            if (requested != null && !own.contains(requested)) {
                throw outOfScope(requested);
            }
            if (requested == null && own.size() != 1) {
                throw ApiException.invalid("regionCode", "is required: your scope holds " + own.size() + " regions");
            }
            return requested != null ? requested : own.iterator().next();
        }
        if (requested != null && !regions.exists(requested)) {
            throw ApiException.invalid("regionCode", "'" + regionCode + "' is not a region code of Liaocheng (see /api/v1/regions)");
        }
        return requested;
    }
}
