package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.Exports;
import cn.liaocheng.rdcoverage.common.TableOutput;
import cn.liaocheng.rdcoverage.common.TableTag;
import cn.liaocheng.rdcoverage.common.XlsxOutput;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/reports/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE, Role.Names.PROVINCE,
        Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class IndicatorReportResource {
    @Inject IndicatorReportService service;
    @Inject Clock clock;

    @GET
    @cn.liaocheng.rdcoverage.common.ReportETag
    @Operation(operationId = "getIndicatorReport", summary = "The programme's outcome in a year, city-wide and by region: R&D "
            + "expenditure and personnel, patent applications (of which invention), patents granted, new products, enterprises "
            + "with an institution by build mode, R&D intensity (R&D expenditure ÷ revenue of those enterprises), and growth "
            + "against the previous year",
            description = "Computed in SQL on the year's last day, as the coverage report: see the IndicatorReport schema. "
                    + "Money in yuan, personnel in persons, patents and new products in items. A county officer or a "
                    + "supervisor gets only its regions and no city line; regionCode outside its scope is 403 naming its regions.")
    public IndicatorReport report(@Parameter(description = "the year, default last year") @QueryParam("year") String year,
                                  @QueryParam("regionCode") String regionCode) {
        return service.report(year(year), regionCode);
    }

    static final List<String> COLUMNS = List.of("scope", "regionCode", "regionName", "year", "institutions",
            "coveredEnterprises", "coveredSingle", "coveredJoint", "coveredIndustry", "rdExpenditure", "rdPersonnel",
            "patentApplications", "inventionPatentApplications", "patentsGranted", "newProducts", "coveredRevenue", "rdIntensity",
            "rdExpenditureGrowth", "rdExpenditureGrowthPercent", "rdPersonnelGrowth", "rdPersonnelGrowthPercent",
            "patentApplicationsGrowth", "patentApplicationsGrowthPercent");

    @GET
    @Produces(CsvOutput.MEDIA_TYPE)
    @Operation(summary = "The indicators report as CSV (UTF-8 with BOM): the city line first, then one line per region")
    public Response reportCsv(@QueryParam("year") String year, @QueryParam("regionCode") String regionCode,
                              @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        IndicatorReport report = service.report(year(year), regionCode);
        return Exports.csv(Exports.header(COLUMNS, language), out -> rows(out, report))
                .header("Content-Disposition", Exports.disposition("indicators", regionCode, LocalDate.of(report.year(), 12, 31)))
                .build();
    }

    @GET
    @Produces(XlsxOutput.MEDIA_TYPE)
    @Operation(summary = "The indicators report as an xlsx workbook: the city line first, then one line per region")
    public Response reportXlsx(@QueryParam("year") String year, @QueryParam("regionCode") String regionCode,
                               @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        IndicatorReport report = service.report(year(year), regionCode);
        return Exports.xlsx("indicators", Exports.header(COLUMNS, language), out -> rows(out, report))
                .header("Content-Disposition", Exports.disposition("indicators", regionCode, LocalDate.of(report.year(), 12, 31), "xlsx")).build();
    }

    private static void rows(TableOutput out, IndicatorReport report) {
        if (report.city() != null) {
            row(out, "CITY", report, report.city());
        }
        report.regions().forEach(r -> row(out, "REGION", report, r));
    }

    private static void row(TableOutput csv, String scope, IndicatorReport report, IndicatorReport.Figures f) {
        IndicatorReport.Totals t = f.totals();
        IndicatorReport.Growth g = f.growth();
        csv.row(scope, f.regionCode(), f.regionName(), report.year(), t.institutions(), t.enterprises(),
                t.enterprisesByBuildMode().single(), t.enterprisesByBuildMode().joint(), t.enterprisesByBuildMode().industry(),
                t.rdExpenditure(), t.rdPersonnel(), t.patentApplications(), t.inventionPatentApplications(), t.patentsGranted(),
                t.newProducts(), t.revenue(), t.rdIntensity(), g.rdExpenditure().absolute(), g.rdExpenditure().percent(),
                g.rdPersonnel().absolute(), g.rdPersonnel().percent(), g.patentApplications().absolute(),
                g.patentApplications().percent());
    }

    @GET
    @Path("/trend")
    @cn.liaocheng.rdcoverage.common.ReportETag
    @Operation(operationId = "getIndicatorTrend", summary = "The city's (or a region's) indicator totals and growth for each year from..to (years, at most 30)")
    public IndicatorReportService.Trend trend(@Parameter(required = true, description = "the first year (YYYY)") @QueryParam("from") String from,
            @Parameter(required = true, description = "the last year (YYYY), at most 30 years after from") @QueryParam("to") String to,
                                              @QueryParam("regionCode") String regionCode) {
        return service.trend(optionalYear("from", from), optionalYear("to", to), regionCode);
    }

    @GET
    @Path("/trend")
    @Produces(CsvOutput.MEDIA_TYPE)
    @Operation(summary = "The indicator trend as CSV (UTF-8 with BOM): one line per year, totals and growth on the year before")
    public Response trendCsv(@Parameter(required = true, description = "the first year (YYYY)") @QueryParam("from") String from,
            @Parameter(required = true, description = "the last year (YYYY), at most 30 years after from") @QueryParam("to") String to, @QueryParam("regionCode") String regionCode,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        IndicatorReportService.Trend trend = service.trend(optionalYear("from", from), optionalYear("to", to), regionCode);
        return Exports.csv(Exports.header(TREND_COLUMNS, language), out -> trendRows(out, trend))
                .header("Content-Disposition", Exports.disposition("indicators-trend", trend.regionCode(), LocalDate.of(trend.to(), 12, 31)))
                .build();
    }

    /** The trend's columns: the report's, without the scope and the region's name (one region, or the city, per file). */
    static final List<String> TREND_COLUMNS = List.of("regionCode", "year", "institutions",
            "coveredEnterprises", "coveredSingle", "coveredJoint", "coveredIndustry", "rdExpenditure", "rdPersonnel",
            "patentApplications", "inventionPatentApplications", "patentsGranted", "newProducts", "coveredRevenue", "rdIntensity",
            "rdExpenditureGrowth", "rdExpenditureGrowthPercent", "rdPersonnelGrowth", "rdPersonnelGrowthPercent",
            "patentApplicationsGrowth", "patentApplicationsGrowthPercent");

    private static void trendRows(TableOutput out, IndicatorReportService.Trend trend) {
        for (IndicatorReportService.TrendPoint p : trend.points()) {
            IndicatorReport.Totals t = p.totals();
            IndicatorReport.Growth g = p.growth();
            out.row(trend.regionCode() == null ? "CITY" : trend.regionCode(), p.year(), t.institutions(), t.enterprises(),
                    t.enterprisesByBuildMode().single(), t.enterprisesByBuildMode().joint(), t.enterprisesByBuildMode().industry(),
                    t.rdExpenditure(), t.rdPersonnel(), t.patentApplications(), t.inventionPatentApplications(), t.patentsGranted(),
                    t.newProducts(), t.revenue(), t.rdIntensity(),
                    g == null || g.rdExpenditure() == null ? null : g.rdExpenditure().absolute(),
                    g == null || g.rdExpenditure() == null ? null : g.rdExpenditure().percent(),
                    g == null || g.rdPersonnel() == null ? null : g.rdPersonnel().absolute(),
                    g == null || g.rdPersonnel() == null ? null : g.rdPersonnel().percent(),
                    g == null || g.patentApplications() == null ? null : g.patentApplications().absolute(),
                    g == null || g.patentApplications() == null ? null : g.patentApplications().percent());
        }
    }

    private int year(String raw) {
        Integer y = optionalYear("year", raw);
        return y == null ? LocalDate.now(clock).getYear() - 1 : y;
    }

    private static Integer optionalYear(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, FieldMessage.of("must be a year such as 2025", "field.INVALID_TYPE.year"));
        }
    }
}
