package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.security.Scope;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.HeaderParam;
import cn.liaocheng.rdcoverage.common.Exports;
import cn.liaocheng.rdcoverage.common.ETags;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.TableOutput;
import cn.liaocheng.rdcoverage.common.TableTag;
import cn.liaocheng.rdcoverage.common.XlsxOutput;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Timestamps;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
@RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE, Role.Names.PROVINCE,
        Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class ReportResource {
    @Inject cn.liaocheng.rdcoverage.common.Idempotency idempotency;
    @Inject ReportService reports;
    @Inject SnapshotService snapshots;
    @Inject Clock clock;
    @Inject Scope scope;

    @GET
    @Path("/coverage")
    @Operation(operationId = "getCoverageReport", summary = "Coverage against the targets as of a date, city-wide and by region",
            description = "An enterprise is covered on asOf when it is above designated size in the statistical year "
                    + "(asOf's year if any figures of it are loaded, else the latest earlier year) and takes part in an "
                    + "institution recognised on or before asOf and not revoked by then. A county officer gets only its region.")
    @cn.liaocheng.rdcoverage.common.ReportETag
    public CoverageReport coverage(@Parameter(description = "ISO date, default today") @QueryParam("asOf") String asOf,
                                   @QueryParam("regionCode") String regionCode) {
        return reports.coverage(date("asOf", asOf), regionCode);
    }

    @GET
    @Path("/coverage")
    @Produces(CsvOutput.MEDIA_TYPE)
    @Operation(summary = "The coverage report as CSV (UTF-8 with BOM): the city line first, then one line per region")
    public Response coverageCsv(@QueryParam("asOf") String asOf, @QueryParam("regionCode") String regionCode,
                                @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        CoverageReport report = reports.coverage(date("asOf", asOf), regionCode);
        return Exports.csv(Exports.header(COVERAGE_COLUMNS, language), out -> coverageRows(out, report))
                .header("Content-Disposition", Exports.disposition("coverage", regionOf(regionCode), report.asOf())).build();
    }

    static final List<String> COVERAGE_COLUMNS = List.of("scope", "regionCode", "regionName", "asOf", "statisticalYear",
            "aboveSizeEnterprises", "coveredEnterprises", "coverageRate", "targetRate", "shortfall",
            "coveredSingle", "coveredJoint", "coveredIndustry", "provincialActive", "provincialNew", "provincialTarget",
            "provincialActiveKeyEnterprise", "provincialActiveKeyIndustry", "provincialNewKeyEnterprise",
            "provincialNewKeyIndustry");

    private static void coverageRows(TableOutput out, CoverageReport report) {
        if (report.city() != null) {
            row(out, "CITY", report, report.city());
        }
        report.regions().forEach(r -> row(out, "REGION", report, r));
    }

    @GET
    @Path("/coverage")
    @Produces(XlsxOutput.MEDIA_TYPE)
    @Operation(summary = "The coverage report as an xlsx workbook: the city line first, then one line per region")
    public Response coverageXlsx(@QueryParam("asOf") String asOf, @QueryParam("regionCode") String regionCode,
                                 @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        CoverageReport report = reports.coverage(date("asOf", asOf), regionCode);
        return Exports.xlsx("coverage", Exports.header(COVERAGE_COLUMNS, language), out -> coverageRows(out, report))
                .header("Content-Disposition", Exports.disposition("coverage", regionOf(regionCode), report.asOf(), "xlsx"))
                .build();
    }

    private static void row(TableOutput csv, String scope, CoverageReport report, CoverageReport.Figures f) {
        csv.row(scope, f.regionCode(), f.regionName(), report.asOf(), report.statisticalYear(), f.aboveSizeEnterprises(),
                f.coveredEnterprises(), f.coverageRate(), f.targetRate(), f.shortfall(), f.coveredByBuildMode().single(),
                f.coveredByBuildMode().joint(), f.coveredByBuildMode().industry(), f.provincialActive(), f.provincialNew(),
                f.provincialTarget(), f.provincialActiveKeyEnterprise(), f.provincialActiveKeyIndustry(),
                f.provincialNewKeyEnterprise(), f.provincialNewKeyIndustry());
    }

    @GET
    @Path("/uncovered")
    @Operation(operationId = "listUncoveredEnterprises", summary = "The county's work list: above-size enterprises not covered on asOf, with size class and "
            + "institutions in progress (DECLARED) and the latest follow-up (lastFollowUpOn, plannedBuildMode, expectedBy, "
            + "overdue when expectedBy is before asOf); sortable by creditCode, name, regionCode, sizeClass, employees, "
            + "revenue. Per region in scope: the list's uncovered, never visited and overdue counts (before the filters). "
            + "Keyset paging: ask for the next page with after={next} of this one (same filters and sort, page 0); "
            + "numbered pages (page=N) still work but cost more the further they go.")
    @cn.liaocheng.rdcoverage.common.ReportETag
    public UncoveredPage uncovered(@QueryParam("asOf") String asOf, @QueryParam("regionCode") String regionCode,
                                   @Parameter(description = "true: only overdue enterprises; false: only those not overdue")
                                   @QueryParam("overdue") Boolean overdue,
                                   @Parameter(description = "ISO date: only enterprises without a follow-up on or after it")
                                   @QueryParam("noFollowUpSince") String noFollowUpSince,
                                   @Parameter(description = "the cursor of the page before: its next; without it, the first page")
                                   @QueryParam("after") String after,
                                   @BeanParam PageQuery paging) {
        return reports.uncovered(date("asOf", asOf), regionCode, overdue, optionalDate("noFollowUpSince", noFollowUpSince),
                after, paging);
    }

    @GET
    @Path("/uncovered")
    @Produces(CsvOutput.MEDIA_TYPE)
    @Operation(summary = "The whole work list as CSV (UTF-8 with BOM), streamed: read a thousand rows at a time by keyset, "
            + "so memory stays bounded at any length and no row is skipped or repeated while the list changes")
    public Response uncoveredCsv(@QueryParam("asOf") String asOf, @QueryParam("regionCode") String regionCode,
                                 @QueryParam("overdue") Boolean overdue, @QueryParam("noFollowUpSince") String noFollowUpSince,
                                 @QueryParam("sort") String sort, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        LocalDate date = date("asOf", asOf);
        java.util.function.Consumer<java.util.function.Consumer<UncoveredEnterprise>> export =
                reports.uncoveredExport(date, regionCode, overdue, optionalDate("noFollowUpSince", noFollowUpSince), sort);
        return Exports.csv(Exports.header(UNCOVERED_COLUMNS, language), out -> export.accept(u -> uncoveredRow(out, u)))
                .header("Content-Disposition", Exports.disposition("uncovered", regionOf(regionCode), date)).build();
    }

    static final List<String> UNCOVERED_COLUMNS = List.of("creditCode", "name", "regionCode", "regionName", "sizeClass",
            "employees", "revenue", "institutionsInProgress", "lastFollowUpOn", "plannedBuildMode", "expectedBy", "overdue");

    private static void uncoveredRow(TableOutput out, UncoveredEnterprise u) {
        out.row(u.creditCode(), u.name(), u.regionCode(), u.regionName(), u.sizeClass(), u.employees(), u.revenue(),
                String.join("; ", u.institutionsInProgress().stream().map(p -> p.name() + " (" + p.institutionId() + ")").toList()),
                u.lastFollowUpOn(), u.plannedBuildMode(), u.expectedBy(), u.overdue());
    }

    @GET
    @Path("/uncovered")
    @Produces(XlsxOutput.MEDIA_TYPE)
    @Operation(summary = "The whole work list as an xlsx workbook (credit codes as text cells), streamed as the CSV is")
    public Response uncoveredXlsx(@QueryParam("asOf") String asOf, @QueryParam("regionCode") String regionCode,
                                  @QueryParam("overdue") Boolean overdue, @QueryParam("noFollowUpSince") String noFollowUpSince,
                                  @QueryParam("sort") String sort, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        LocalDate date = date("asOf", asOf);
        java.util.function.Consumer<java.util.function.Consumer<UncoveredEnterprise>> export =
                reports.uncoveredExport(date, regionCode, overdue, optionalDate("noFollowUpSince", noFollowUpSince), sort);
        return Exports.xlsx("uncovered", Exports.header(UNCOVERED_COLUMNS, language), out -> export.accept(u -> uncoveredRow(out, u)))
                .header("Content-Disposition", Exports.disposition("uncovered", regionOf(regionCode), date, "xlsx")).build();
    }

    @GET
    @Path("/coverage/trend")
    @Operation(operationId = "getCoverageTrend", summary = "The stored snapshots taken as of a date in [from, to], oldest first: the city's figures, or a region's")
    @cn.liaocheng.rdcoverage.common.ReportETag
    public Trend trend(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("regionCode") String regionCode) {
        return snapshots.trend(optionalDate("from", from), optionalDate("to", to), regionCode);
    }

    @GET
    @Path("/coverage/trend")
    @Produces(CsvOutput.MEDIA_TYPE)
    @Operation(summary = "The trend as CSV (UTF-8 with BOM): one line per date and kind")
    public Response trendCsv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("regionCode") String regionCode,
                             @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Trend trend = snapshots.trend(optionalDate("from", from), optionalDate("to", to), regionCode);
        return Exports.csv(Exports.header(TREND_COLUMNS, language), out -> trendRows(out, trend))
                .header("Content-Disposition", Exports.disposition("coverage-trend", regionOf(regionCode), LocalDate.now(clock)))
                .build();
    }

    @GET
    @Path("/coverage/trend")
    @Produces(XlsxOutput.MEDIA_TYPE)
    @Operation(summary = "The trend as an xlsx workbook: one line per date and kind")
    public Response trendXlsx(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("regionCode") String regionCode,
                              @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Trend trend = snapshots.trend(optionalDate("from", from), optionalDate("to", to), regionCode);
        return Exports.xlsx("trend", Exports.header(TREND_COLUMNS, language), out -> trendRows(out, trend))
                .header("Content-Disposition", Exports.disposition("coverage-trend", regionOf(regionCode), LocalDate.now(clock), "xlsx"))
                .build();
    }

    static final List<String> TREND_COLUMNS = List.of("asOf", "kind", "regionCode", "statisticalYear",
            "aboveSizeEnterprises", "coveredEnterprises", "coverageRate", "targetRate", "shortfall",
            "provincialActive", "provincialNew", "snapshotId", "takenAt");

    private static void trendRows(TableOutput out, Trend trend) {
        for (TrendPoint p : trend.points()) {
            out.row(p.asOf(), p.kind(), trend.regionCode(), p.statisticalYear(), p.aboveSizeEnterprises(),
                    p.coveredEnterprises(), p.coverageRate(), p.targetRate(), p.shortfall(), p.provincialActive(),
                    p.provincialNew(), p.snapshotId(), p.takenAt());
        }
    }

    /** The monthly periods a catch-up took now ({@code yyyy-MM}, oldest first; empty when none was missing). */
    @Schema(name = "SnapshotCatchUp")
    public record CatchUp(@Schema(description = "periods yyyy-MM") List<String> taken) {
    }

    @POST
    @Path("/snapshots/catch-up")
    @Operation(operationId = "catchUpSnapshots", summary = "Take every monthly snapshot missed since the latest one taken (as the job does on each run "
            + "and on start); each period is taken once across instances; returns the periods taken now")
    @RolesAllowed({Role.Names.CITY_OFFICER, Role.Names.ADMIN})
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CatchUp.class)))
    public Response catchUp(@HeaderParam("Idempotency-Key") String key) {
        return idempotency.run(key, "POST", "/api/v1/reports/snapshots/catch-up", null,
                () -> Response.ok(new CatchUp(snapshots.catchUp().stream().map(Object::toString).toList())).build());
    }

    @GET
    @Path("/snapshots")
    @Operation(operationId = "listSnapshots", summary = "Stored snapshots of the coverage report, latest asOf first (without the report itself)")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<SnapshotView> snapshots(@QueryParam("from") String from, @QueryParam("to") String to,
                                              @BeanParam PageQuery paging) {
        return snapshots.list(optionalDate("from", from), optionalDate("to", to), paging);
    }

    @POST
    @Path("/snapshots")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSnapshot", summary = "Store an immutable snapshot of the coverage report as of a date (default today)")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SnapshotView.class)))
    public Response takeSnapshot(@HeaderParam("Idempotency-Key") String key, SnapshotInput body) {
        return idempotency.run(key, "POST", "/api/v1/reports/snapshots", body, () -> {
            SnapshotView view = snapshots.take(body == null ? null : body.asOf());
            return Response.created(UriBuilder.fromResource(ReportResource.class).path("snapshots").path(view.id()).build())
                    .entity(view).build();
        });
    }

    @GET
    @Path("/snapshots/{id}")
    @Operation(operationId = "getSnapshot", summary = "One snapshot with its report as stored (a county officer sees only its region)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = SnapshotView.class)))
    public Response snapshot(@PathParam("id") String id) {
        SnapshotView view = snapshots.get(id);
        return Response.ok(view).tag(ETags.ofContent(view)).build(); // immutable; the tag differs per scope (report)
    }

    /** The region of a download: the one asked for, else a county officer's own, else the city. */
    private String regionOf(String regionCode) {
        return regionCode != null && !regionCode.isBlank() ? regionCode : scope.ownRegion();
    }

    private LocalDate date(String field, String raw) {
        return raw == null || raw.isBlank() ? LocalDate.now(clock) : Timestamps.parseDate(field, raw);
    }

    private static LocalDate optionalDate(String field, String raw) {
        return raw == null || raw.isBlank() ? null : Timestamps.parseDate(field, raw);
    }
}
