package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
public class IndicatorReportResource {
    @Inject
    IndicatorReportService service;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "The programme's outcome in a year, city-wide and by region: R&D expenditure and personnel, patent "
            + "applications (of which invention), patents granted, new products, enterprises with an institution by build "
            + "mode, R&D intensity (R&D expenditure ÷ revenue of those enterprises), and growth against the previous year")
    @RolesAllowed({Role.COUNTY_OFFICER_, Role.CITY_OFFICER_, Role.FINANCE_, Role.PROVINCE_, Role.ADMIN_, Role.SUPERVISOR_})
    public IndicatorReport report(@Parameter(description = "the year, default last year") @QueryParam("year") String year,
                                  @QueryParam("regionCode") String regionCode) {
        return service.report(year(year), regionCode);
    }

    @GET
    @Produces(CsvOutput.MEDIA_TYPE)
    @Operation(summary = "The indicators report as CSV (UTF-8 with BOM): the city line first, then one line per region")
    @RolesAllowed({Role.COUNTY_OFFICER_, Role.CITY_OFFICER_, Role.FINANCE_, Role.PROVINCE_, Role.ADMIN_, Role.SUPERVISOR_})
    public Response reportCsv(@QueryParam("year") String year, @QueryParam("regionCode") String regionCode) {
        IndicatorReport report = service.report(year(year), regionCode);
        StreamingOutput body = out -> {
            try (CsvOutput csv = new CsvOutput(out, List.of("scope", "regionCode", "regionName", "year", "institutions",
                    "enterprises", "enterprisesSingle", "enterprisesJoint", "enterprisesIndustry", "rdExpenditure", "rdPersonnel",
                    "patentApplications", "inventionPatentApplications", "patentsGranted", "newProducts", "revenue", "rdIntensity",
                    "rdExpenditureGrowth", "rdExpenditureGrowthPercent", "rdPersonnelGrowth", "rdPersonnelGrowthPercent",
                    "patentApplicationsGrowth", "patentApplicationsGrowthPercent"))) {
                if (report.city() != null) {
                    row(csv, "CITY", report, report.city());
                }
                report.regions().forEach(r -> row(csv, "REGION", report, r));
            }
        };
        return Response.ok(body, CsvOutput.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"indicators-" + report.year() + ".csv\"").build();
    }

    private static void row(CsvOutput csv, String scope, IndicatorReport report, IndicatorReport.Figures f) {
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
    @Operation(summary = "The city's (or a region's) indicator totals and growth for each year from..to (years, at most 30)")
    @RolesAllowed({Role.COUNTY_OFFICER_, Role.CITY_OFFICER_, Role.FINANCE_, Role.PROVINCE_, Role.ADMIN_, Role.SUPERVISOR_})
    public IndicatorReportService.Trend trend(@QueryParam("from") String from, @QueryParam("to") String to,
                                              @QueryParam("regionCode") String regionCode) {
        return service.trend(optionalYear("from", from), optionalYear("to", to), regionCode);
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
            throw ApiException.invalid(field, "must be a year such as 2025");
        }
    }
}
