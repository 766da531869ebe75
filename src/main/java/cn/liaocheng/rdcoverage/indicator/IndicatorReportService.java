package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.coverage.ReportService;
import cn.liaocheng.rdcoverage.coverage.SnapshotTaking;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.event.Observes;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The programme's outcome (研发投入、研发人员、专利申请): {@link IndicatorReport} from {@link IndicatorQueries}. */
@ApplicationScoped
public class IndicatorReportService {
    static final int MAX_TREND_YEARS = 30;

    @Inject IndicatorQueries queries;
    @Inject ReportService reports;
    @Inject Regions regions;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject ObjectMapper json;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "IndicatorTrendPoint")
    public record TrendPoint(int year, IndicatorReport.Totals totals, IndicatorReport.Growth growth) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "IndicatorTrend")
    public record Trend(@org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true, description = "null for the city") String regionCode, int from, int to, List<TrendPoint> points) {
    }

    /** The report of a year as the caller may see it: its regions (or the one asked for), the city unless region-scoped. */
    public IndicatorReport report(int year, String regionCode) {
        checkYear("year", year);
        return forCaller(compute(year), reports.regionsInScope(regionCode));
    }

    /** Restricts a (stored or fresh) full report to the caller's scope and the requested regions (null: all). */
    public IndicatorReport forCaller(IndicatorReport full, Set<String> inScope) {
        List<IndicatorReport.Figures> rows = inScope == null ? full.regions()
                : full.regions().stream().filter(r -> inScope.contains(r.regionCode())).toList();
        return new IndicatorReport(full.year(), full.previousYear(), scope.reportRegions() != null ? null : full.city(), rows);
    }

    /** The city's (or a region's) totals and growth for each year in [from, to]. */
    public Trend trend(Integer from, Integer to, String regionCode) {
        if (from == null) {
            throw ApiException.invalid("from", FieldMessage.of("is required (a year)", "field.REQUIRED.year"));
        }
        if (to == null) {
            throw ApiException.invalid("to", FieldMessage.of("is required (a year)", "field.REQUIRED.year"));
        }
        checkYear("from", from);
        checkYear("to", to);
        if (to < from) {
            throw ApiException.invalid("to", FieldMessage.of("must not be before from", "field.INVALID.before", "from"));
        }
        if (to - from >= MAX_TREND_YEARS) {
            throw ApiException.invalid("to", FieldMessage.of("at most " + MAX_TREND_YEARS + " years at once", "field.OUT_OF_RANGE.trend-years", MAX_TREND_YEARS));
        }
        String region = reports.scope(regionCode);
        List<TrendPoint> points = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            IndicatorReport full = compute(y);
            IndicatorReport.Figures f = region == null ? full.city()
                    : full.regions().stream().filter(r -> region.equals(r.regionCode())).findFirst().orElseThrow();
            points.add(new TrendPoint(y, f.totals(), f.growth()));
        }
        return new Trend(region, from, to, points);
    }

    /**
     * Stores the indicators report of a coverage snapshot's statistical year with it (issue 18: the 通报 of a month
     * reads back unchanged, GET /reports/snapshots/{id}/indicators); nothing for a snapshot without figures.
     */
    void storeWithSnapshot(@Observes SnapshotTaking event) {
        Integer year = event.snapshot().statisticalYear;
        if (year == null) {
            return;
        }
        try {
            event.snapshot().indicators = json.writeValueAsString(compute(year));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The full report of a year, every region and the city, regardless of the caller. */
    public IndicatorReport compute(int year) {
        IndicatorQueries.InstitutionTotals institutions = queries.institutions(year);
        Map<String, IndicatorQueries.InstitutionSums[]> byRegion = institutions.byRegion();
        IndicatorQueries.InstitutionSums[] city = institutions.city();
        Map<String, IndicatorQueries.EnterpriseSums[]> enterprises = queries.enterprises(year,
                regions.all().stream().map(Regions.RegionView::code).toList());
        IndicatorQueries.EnterpriseSums cur = IndicatorQueries.EnterpriseSums.NONE;
        IndicatorQueries.EnterpriseSums prev = IndicatorQueries.EnterpriseSums.NONE;
        List<IndicatorReport.Figures> rows = new ArrayList<>();
        for (Regions.RegionView r : regions.all()) {
            IndicatorQueries.InstitutionSums[] i = byRegion.getOrDefault(r.code(), none());
            IndicatorQueries.EnterpriseSums[] e = enterprises.getOrDefault(r.code(),
                    new IndicatorQueries.EnterpriseSums[]{IndicatorQueries.EnterpriseSums.NONE, IndicatorQueries.EnterpriseSums.NONE});
            cur = cur.plus(e[0]);
            prev = prev.plus(e[1]);
            rows.add(figures(r.code(), r.name(), i, e[0], e[1]));
        }
        return new IndicatorReport(year, year - 1, figures(null, null, city, cur, prev), rows);
    }

    private static IndicatorQueries.InstitutionSums[] none() {
        return new IndicatorQueries.InstitutionSums[]{IndicatorQueries.InstitutionSums.NONE, IndicatorQueries.InstitutionSums.NONE};
    }

    private static IndicatorReport.Figures figures(String code, String name, IndicatorQueries.InstitutionSums[] i,
                                                   IndicatorQueries.EnterpriseSums cur, IndicatorQueries.EnterpriseSums prev) {
        IndicatorReport.Totals now = totals(i[0], cur);
        IndicatorReport.Totals before = totals(i[1], prev);
        return new IndicatorReport.Figures(code, name, now, before, growth(now, before));
    }

    static IndicatorReport.Totals totals(IndicatorQueries.InstitutionSums i, IndicatorQueries.EnterpriseSums e) {
        BigDecimal intensity = e.revenue().signum() == 0 ? null : i.rdExpenditure().divide(e.revenue(), 4, RoundingMode.HALF_UP);
        return new IndicatorReport.Totals(i.institutions(), e.enterprises(),
                new IndicatorReport.ByBuildMode(e.single(), e.joint(), e.industry()), i.rdExpenditure(), i.rdPersonnel(),
                i.patentApplications(), i.inventionPatentApplications(), i.patentsGranted(), i.newProducts(), e.revenue(),
                intensity);
    }

    static IndicatorReport.Growth growth(IndicatorReport.Totals now, IndicatorReport.Totals before) {
        return new IndicatorReport.Growth(change(now.institutions(), before.institutions()),
                change(now.enterprises(), before.enterprises()), change(now.rdExpenditure(), before.rdExpenditure()),
                change(now.rdPersonnel(), before.rdPersonnel()), change(now.patentApplications(), before.patentApplications()),
                change(now.inventionPatentApplications(), before.inventionPatentApplications()),
                change(now.patentsGranted(), before.patentsGranted()), change(now.newProducts(), before.newProducts()),
                now.rdIntensity() == null || before.rdIntensity() == null ? null : change(now.rdIntensity(), before.rdIntensity()));
    }

    private static IndicatorReport.Change change(long now, long before) {
        return change(BigDecimal.valueOf(now), BigDecimal.valueOf(before));
    }

    /** absolute = now − before; percent = absolute × 100 ÷ before (2 decimals, half up), null when before is 0. */
    static IndicatorReport.Change change(BigDecimal now, BigDecimal before) {
        BigDecimal absolute = now.subtract(before);
        BigDecimal percent = before.signum() == 0 ? null
                : absolute.multiply(BigDecimal.valueOf(100)).divide(before, 2, RoundingMode.HALF_UP);
        return new IndicatorReport.Change(absolute, percent);
    }

    private static void checkYear(String field, int year) {
        if (year < 1991 || year > 9999) {
            throw ApiException.invalid(field, FieldMessage.of("must be a year from 1991 on", "field.OUT_OF_RANGE.year-from", 1991));
        }
    }
}
