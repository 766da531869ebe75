package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Sorting;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Coverage against the targets (DESIGN.md section 5), computed by {@link CoverageQueries} in the database.
 * A county officer's reports hold only its own region and no city block; another region is 404.
 */
@ApplicationScoped
public class ReportService {
    static final Map<String, String> UNCOVERED_SORTABLE = Map.of("creditCode", "f.credit_code", "name", "e.name",
            "regionCode", "e.region_code", "sizeClass", "f.size_class", "employees", "f.employees", "revenue", "f.revenue");

    @Inject
    CoverageQueries queries;

    @Inject
    TargetService targets;

    @Inject
    Regions regions;

    @Inject
    Caller caller;

    /** The report as the caller may see it, for one region or all. */
    public CoverageReport coverage(LocalDate asOf, String regionCode) {
        String region = scope(regionCode);
        return forCaller(compute(asOf), region);
    }

    /** Restricts a (stored or fresh) full report to the caller's scope and the requested region. */
    CoverageReport forCaller(CoverageReport full, String region) {
        List<CoverageReport.Figures> rows = region == null ? full.regions()
                : full.regions().stream().filter(r -> region.equals(r.regionCode())).toList();
        return new CoverageReport(full.asOf(), full.statisticalYear(), full.statisticalYearFallback(), full.targetYear(),
                caller.scopedToRegion() ? null : full.city(), rows);
    }

    /** The full report, every region and the city, regardless of the caller. */
    CoverageReport compute(LocalDate asOf) {
        Integer year = queries.statisticalYear(asOf.getYear());
        Map<String, CoverageQueries.Counts> counts = year == null ? Map.of() : queries.countsByRegion(year, asOf, null);
        Map<String, CoverageQueries.Provincial> provincial = queries.provincialByRegion(asOf, null);
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
        return new CoverageReport(asOf, year, year != null && year != asOf.getYear(), asOf.getYear(), city, rows);
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
                p.active(), p.newThisYear(), own == null ? null : own.provincialIncrease);
    }

    /** Enterprises still to cover: max(0, ceil(targetRate × aboveSize) − covered). */
    static long shortfall(BigDecimal targetRate, long aboveSize, long covered) {
        long needed = targetRate.multiply(BigDecimal.valueOf(aboveSize)).setScale(0, RoundingMode.CEILING).longValueExact();
        return Math.max(0, needed - covered);
    }

    public PageResult<UncoveredEnterprise> uncovered(LocalDate asOf, String regionCode, PageQuery paging) {
        paging.validate();
        String region = scope(regionCode);
        String order = Sorting.orderBy(paging.sort, UNCOVERED_SORTABLE, "f.credit_code");
        Integer year = queries.statisticalYear(asOf.getYear());
        if (year == null) {
            return new PageResult<>(List.of(), paging.page, paging.size, 0);
        }
        List<UncoveredEnterprise> items = page(year, asOf, region, order, paging.page * paging.size, paging.size);
        return new PageResult<>(items, paging.page, paging.size, queries.countUncovered(year, asOf, region));
    }

    /** Every uncovered enterprise in the caller's scope, a thousand per transaction (for CSV, while streaming). */
    public void forEachUncovered(LocalDate asOf, String regionCode, String sort, Consumer<UncoveredEnterprise> sink) {
        String region = scope(regionCode);
        String order = Sorting.orderBy(sort, UNCOVERED_SORTABLE, "f.credit_code");
        Integer year = QuarkusTransaction.requiringNew().call(() -> queries.statisticalYear(asOf.getYear()));
        if (year == null) {
            return;
        }
        for (int offset = 0; ; offset += 1000) {
            int from = offset;
            List<UncoveredEnterprise> chunk = QuarkusTransaction.requiringNew().call(() -> page(year, asOf, region, order, from, 1000));
            chunk.forEach(sink);
            if (chunk.size() < 1000) {
                return;
            }
        }
    }

    private List<UncoveredEnterprise> page(int year, LocalDate asOf, String region, String order, int offset, int limit) {
        List<CoverageQueries.Uncovered> rows = queries.uncovered(year, asOf, region, order, offset, limit);
        Map<String, List<CoverageQueries.InProgress>> progress =
                queries.inProgress(rows.stream().map(CoverageQueries.Uncovered::creditCode).toList());
        return rows.stream().map(u -> {
            Regions.RegionView r = regions.get(u.regionCode());
            return new UncoveredEnterprise(u.creditCode(), u.name(), u.regionCode(), r == null ? null : r.name(),
                    u.sizeClass(), u.employees(), u.revenue(), progress.getOrDefault(u.creditCode(), List.of()));
        }).toList();
    }

    /**
     * The region a request is about: a county officer's own region (another one is 404), or for the other roles
     * the requested region (400 when unknown), or null for all.
     */
    String scope(String regionCode) {
        String requested = regionCode == null || regionCode.isBlank() ? null : regionCode.trim();
        if (caller.scopedToRegion()) {
            String own = caller.regionCode();
            if (requested != null && !requested.equals(own)) {
                throw ApiException.notFound("Region", requested);
            }
            return own;
        }
        if (requested != null && !regions.exists(requested)) {
            throw ApiException.invalid("regionCode", "'" + regionCode + "' is not a region code of Liaocheng (see /api/v1/regions)");
        }
        return requested;
    }
}
