package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Keyset;
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
    @Inject CoverageQueries queries;
    @Inject TargetService targets;
    @Inject Regions regions;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject WorkListFollowUps followUps;

    /**
     * The report as the caller may see it, for one region or all. A county officer's or supervisor's report is computed
     * for its regions alone (a range of the index per region, no city block), so its cost follows the county, not the
     * city; the other roles get the city block, computed whole, and the requested region's line.
     */
    public CoverageReport coverage(LocalDate asOf, String regionCode) {
        Set<String> inScope = regionsInScope(regionCode);
        return forCaller(caller.scopedToRegion() ? compute(asOf, inScope) : compute(asOf), inScope);
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
        return compute(asOf, null);
    }

    /**
     * The report of {@code only} these regions (null: every region and the city). With regions given, the city block is
     * left out (null): it needs every region's rows.
     */
    CoverageReport compute(LocalDate asOf, Set<String> only) {
        Integer year = queries.statisticalYear(asOf.getYear());
        Map<String, CoverageQueries.Counts> counts = year == null ? Map.of() : queries.countsByRegion(year, asOf, only);
        Map<String, CoverageQueries.Provincial> provincial = queries.provincialByRegion(asOf, year, only);
        Map<String, CoverageTarget> goals = targets.ofYear(asOf.getYear());
        CoverageTarget cityGoal = goals.get(CoverageTarget.CITY);
        List<CoverageReport.Figures> rows = new ArrayList<>();
        long above = 0, covered = 0, single = 0, joint = 0, industry = 0;
        for (Regions.RegionView r : regions.all()) {
            if (only != null && !only.contains(r.code())) {
                continue;
            }
            CoverageQueries.Counts c = counts.getOrDefault(r.code(), CoverageQueries.Counts.NONE);
            above += c.aboveSize();
            covered += c.covered();
            single += c.single();
            joint += c.joint();
            industry += c.industry();
            rows.add(figures(r.code(), r.name(), c, provincial.getOrDefault(r.code(), CoverageQueries.Provincial.NONE),
                    goals.get(r.code()), cityGoal));
        }
        CoverageReport.Figures city = only != null ? null
                : figures(null, null, new CoverageQueries.Counts(above, covered, single, joint, industry),
                queries.provincialCity(asOf), cityGoal, null);
        String targetNote = cityGoal != null ? null : CoverageReport.targetNote(asOf.getYear(), java.util.Locale.ENGLISH);
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
     * per region of the whole (unfiltered) work list in scope: uncovered, never visited, overdue. With {@code after}
     * (the previous page's {@code next}) the page starts right after that page's last row (keyset paging: the same
     * cost on any page, no row skipped or repeated while the list changes); {@code page} must then be 0.
     */
    public UncoveredPage uncovered(LocalDate asOf, String regionCode, Boolean overdue, LocalDate noFollowUpSince,
                                   String after, PageQuery paging) {
        paging.validate();
        if (after != null && !after.isBlank() && paging.page != 0) {
            throw ApiException.invalid("page", FieldMessage.of("must be 0 (or left out) with after: the cursor already says where the page starts", "field.INVALID.page-with-after"));
        }
        Set<String> region = regionsInScope(regionCode);
        Keyset<CoverageQueries.Uncovered> order = CoverageQueries.order(paging.sort);
        Keyset.After from = order.after(after);
        Integer year = queries.statisticalYear(asOf.getYear());
        if (year == null) {
            return new UncoveredPage(List.of(), paging.page, paging.size, 0, List.of(), null);
        }
        CoverageQueries.Condition extra = followUps.condition(overdue, noFollowUpSince);
        List<CoverageQueries.Uncovered> rows = queries.uncovered(year, asOf, region, extra, order, from,
                paging.page * paging.size, paging.size);
        List<UncoveredEnterprise> items = enrich(asOf, rows);
        Map<String, WorkListFollowUps.RegionCounts> counts = followUps.countsByRegion(year, asOf, region);
        List<UncoveredPage.RegionCounts> byRegion = new ArrayList<>();
        for (Regions.RegionView r : regions.all()) {
            if (region == null || region.contains(r.code())) {
                WorkListFollowUps.RegionCounts c = counts.getOrDefault(r.code(), new WorkListFollowUps.RegionCounts(0, 0, 0));
                byRegion.add(new UncoveredPage.RegionCounts(r.code(), r.name(), c.uncovered(), c.neverVisited(), c.overdue()));
            }
        }
        String next = rows.size() < paging.size ? null : order.cursorOf(rows.get(rows.size() - 1));
        return new UncoveredPage(items, paging.page, paging.size, queries.countUncovered(year, asOf, region, extra), byRegion,
                next);
    }

    /** Rows per transaction of an export. */
    static final int EXPORT_CHUNK = 1000;

    /**
     * Every uncovered enterprise in the caller's scope, in the order of {@code sort}, for a streamed export: read in
     * chunks of {@value #EXPORT_CHUNK} rows, each in a short transaction of its own, by keyset (each chunk starts right
     * after the previous chunk's last row). Memory stays at one chunk whatever the list's length, a chunk costs the
     * same at row 400,000 as at row 0, and no row is skipped or written twice when enterprises become covered or
     * uncovered while the file is written. Checks the scope and the sort now (a 400/403 before the first byte); the
     * returned export reads and hands the rows to its sink when run, while the response is written.
     */
    public Consumer<Consumer<UncoveredEnterprise>> uncoveredExport(LocalDate asOf, String regionCode, Boolean overdue,
                                                                   LocalDate noFollowUpSince, String sort) {
        Set<String> region = regionsInScope(regionCode);
        CoverageQueries.Condition extra = followUps.condition(overdue, noFollowUpSince);
        Keyset<CoverageQueries.Uncovered> order = CoverageQueries.order(sort);
        return sink -> {
            Integer year = QuarkusTransaction.requiringNew().call(() -> queries.statisticalYear(asOf.getYear()));
            if (year == null) {
                return;
            }
            Keyset.After from = Keyset.After.NONE;
            while (true) {
                Keyset.After since = from;
                List<UncoveredEnterprise> chunk = new ArrayList<>(EXPORT_CHUNK);
                List<CoverageQueries.Uncovered> rows = QuarkusTransaction.requiringNew().call(() -> {
                    List<CoverageQueries.Uncovered> r = queries.uncovered(year, asOf, region, extra, order, since, 0, EXPORT_CHUNK);
                    chunk.addAll(enrich(asOf, r));
                    return r;
                });
                chunk.forEach(sink);
                if (rows.size() < EXPORT_CHUNK) {
                    return;
                }
                from = order.after(order.cursorOf(rows.get(rows.size() - 1)));
            }
        };
    }

    private List<UncoveredEnterprise> enrich(LocalDate asOf, List<CoverageQueries.Uncovered> rows) {
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
                + " (omit regionCode or use one of them)").zh("detail.forbidden.report-region", requested, own);
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
        regions.code("regionCode", regionCode);
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
                throw ApiException.invalid("regionCode", FieldMessage.of("is required: your scope holds " + own.size() + " regions", "field.REQUIRED.region-scope", own.size()));
            }
            return requested != null ? requested : own.iterator().next();
        }
        regions.code("regionCode", regionCode);
        return requested;
    }
}
