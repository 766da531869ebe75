package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.security.Scope;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Exports;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.security.AuditHistory;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.RateLimited;
import cn.liaocheng.rdcoverage.common.LargeBody;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.TableOutput;
import cn.liaocheng.rdcoverage.common.XlsxOutput;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.enterprise.importing.EnterpriseImporter;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportReport;
import cn.liaocheng.rdcoverage.enterprise.importing.ImportSource;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.Variant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.util.List;

@Path("/api/v1/enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises")
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE,
        Role.Names.PROVINCE, Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class EnterpriseResource {
    @Inject cn.liaocheng.rdcoverage.common.Idempotency idempotency;

    static final String NDJSON = ImportSource.NDJSON;

    @Inject EnterpriseService service;
    @Inject FiguresService yearly;
    @Inject EnterpriseImporter importer;
    @Inject Caller caller;
    @Inject Scope scope;
    @Inject java.time.Clock clock;


    @GET
    @Operation(operationId = "listEnterprises", summary = "Enterprises, filtered and paged; sizeClass and aboveDesignatedSize reflect the latest figures")
    public PageResult<EnterpriseView> list(@BeanParam EnterpriseFilter filter, @BeanParam PageQuery paging) {
        return service.list(filter, paging);
    }

    /** The list export's columns: the enterprise with its latest year's figures, as the import reads them back. */
    static final List<String> LIST_COLUMNS = List.of("creditCode", "name", "regionCode", "regionName", "industryCode",
            "address", "keyEnterprise", "keyIndustry", "figuresYear", "employees", "revenue", "sizeClass",
            "aboveDesignatedSize", "updatedAt", "figuresRegionCode");

    private void listRows(EnterpriseFilter filter, TableOutput out) {
        service.forEachWithFigures(filter, r -> {
            EnterpriseView e = r.enterprise();
            out.row(e.creditCode(), e.name(), e.regionCode(), e.regionName(), e.industryCode(), e.address(), e.keyEnterprise(),
                    e.keyIndustry(), e.figuresYear(), r.employees(), r.revenue(), e.sizeClass(), e.aboveDesignatedSize(), e.updatedAt(),
                    // only where the year lies elsewhere than the enterprise now: a region edited in the list then moves both
                    r.figuresRegionCode() == null || r.figuresRegionCode().equals(e.regionCode()) ? null : r.figuresRegionCode());
        });
    }

    @GET
    @Produces({XlsxOutput.MEDIA_TYPE, CsvOutput.MEDIA_TYPE})
    @Operation(summary = "The same filter as CSV (UTF-8 with BOM, formula cells neutralised) or as an xlsx workbook (credit "
            + "codes as text cells, which Excel keeps whole), by Accept: all matching rows with their latest figures; either "
            + "imports back unchanged")
    public Response listFile(@BeanParam EnterpriseFilter filter, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language,
                             @Context Request request) {
        boolean xlsx = XlsxOutput.MEDIA_TYPE.equals(request.selectVariant(FILE_VARIANTS).getMediaType().toString());
        List<String> header = Exports.header(LIST_COLUMNS, language);
        StreamingOutput body = out -> {
            try (TableOutput table = xlsx ? new XlsxOutput(out, "enterprises", header) : new CsvOutput(out, header)) {
                listRows(filter, table);
            }
        };
        return Response.ok(body, xlsx ? XlsxOutput.MEDIA_TYPE : CsvOutput.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", listDisposition(filter, xlsx ? "xlsx" : "csv")).build();
    }

    /** The file representations of the list, for {@link Request#selectVariant}. */
    private static final List<Variant> FILE_VARIANTS = Variant.mediaTypes(MediaType.valueOf(CsvOutput.MEDIA_TYPE),
            MediaType.valueOf(XlsxOutput.MEDIA_TYPE)).build();

    /** enterprises-region-date.csv|xlsx: the filtered or the caller's region, else the city. */
    private String listDisposition(EnterpriseFilter filter, String extension) {
        return Exports.disposition("enterprises",
                filter.regionCode != null ? filter.regionCode : scope.ownRegion(),
                java.time.LocalDate.now(clock), extension);
    }

    @POST
    @Operation(operationId = "createEnterprise", summary = "Register an enterprise (optionally with yearly figures)")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = EnterpriseView.class)))
    public Response create(@HeaderParam("Idempotency-Key") String key,
                           @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
                                   content = @Content(schema = @Schema(implementation = NewEnterprise.class)))
                           EnterpriseInput body) {
        service.requireValidNew(ApiException.requireBody(body));
        return idempotency.create(key, body, () -> service.create(body), EnterpriseView::creditCode);
    }

    @GET
    @Path("/{creditCode}")
    @Operation(operationId = "getEnterprise", summary = "One enterprise; the ETag is its version")
    public RestResponse<EnterpriseView> get(@PathParam("creditCode") String creditCode) {
        return ETags.view(service.get(creditCode));
    }

    @PUT
    @Path("/{creditCode}")
    @Operation(operationId = "replaceEnterprise", summary = "Replace an enterprise's attributes; If-Match with the ETag guards against lost updates")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    public RestResponse<EnterpriseView> replace(@PathParam("creditCode") String creditCode,
                                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid EnterpriseInput body) {
        return ETags.view(service.replace(creditCode, ApiException.requireBody(body), ifMatch));
    }

    @DELETE
    @Path("/{creditCode}")
    @Operation(operationId = "deleteEnterprise", summary = "Remove an enterprise and its figures")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    @APIResponse(responseCode = "204", description = "Removed; no body")
    public Response delete(@PathParam("creditCode") String creditCode, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(creditCode, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{creditCode}/history")
    @Operation(operationId = "listEnterpriseHistory", summary = "Audit trail: who changed the enterprise or its figures, when, and what")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<AuditHistory.Entry> history(@PathParam("creditCode") String creditCode) {
        return PageResult.all(service.history(creditCode));
    }

    @GET
    @Path("/{creditCode}/figures")
    @Operation(operationId = "listEnterpriseFigures", summary = "All statistical years of an enterprise, latest first")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<FiguresView> figures(@PathParam("creditCode") String creditCode) {
        return PageResult.all(yearly.figures(creditCode));
    }

    @GET
    @Path("/{creditCode}/figures/{year}")
    @Operation(operationId = "getEnterpriseFigures", summary = "One statistical year")
    public RestResponse<FiguresView> figures(@PathParam("creditCode") String creditCode, @PathParam("year") int year) {
        return ETags.view(yearly.figures(creditCode, year));
    }

    @PUT
    @Path("/{creditCode}/figures/{year}")
    @Operation(operationId = "putEnterpriseFigures", summary = "Create or replace one statistical year (201 when created)")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FiguresView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FiguresView.class)))
    public Response putFigures(@PathParam("creditCode") String creditCode, @PathParam("year") int year,
                               @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid FiguresInput body) {
        FiguresService.PutResult result = yearly.put(creditCode, year, ApiException.requireBody(body), ifMatch);
        return ETags.put(result.created(), result.figures(), UriBuilder.fromResource(EnterpriseResource.class)
                .path(result.figures().creditCode()).path("figures").path(Integer.toString(year)).build());
    }

    @DELETE
    @Path("/{creditCode}/figures/{year}")
    @Operation(operationId = "deleteEnterpriseFigures", summary = "Remove one statistical year")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    @APIResponse(responseCode = "204", description = "Removed; no body")
    public Response deleteFigures(@PathParam("creditCode") String creditCode, @PathParam("year") int year,
                                  @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        yearly.delete(creditCode, year, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "importEnterprises", summary = "Bulk upsert by credit code and year from the statistics bureau's list",
            description = "An xlsx workbook (first sheet), CSV or tab-separated text (UTF-8, UTF-16 or GBK/GB18030: a BOM "
                    + "decides, then the charset label, else detected), a JSON array or NDJSON; as the body or as one file "
                    + "part of multipart/form-data. Headers in English or the bureau's Chinese (a dictionary: see README), "
                    + "with units such as 营业收入（万元） converted to yuan; title rows, blank and note rows are passed over. "
                    + "By default any invalid row means nothing is written (422 listing every rejected row, also on a dry "
                    + "run); mode=partial keeps the valid rows; dryRun=true writes nothing.")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    @LargeBody
    @RateLimited("imports")
    public ImportReport importRows(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                   @Parameter(description = "validate and count only; nothing is written")
                                   @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                   @Parameter(description = "all-or-nothing (default) or partial",
                                           schema = @Schema(enumeration = {"all-or-nothing", "partial"}, defaultValue = "all-or-nothing"))
                                   @QueryParam("mode") @DefaultValue("all-or-nothing") String mode,
                                   @Parameter(description = "the statistical year of rows without a year cell (else the title row's)")
                                   @QueryParam("year") Integer year,
                                   @Parameter(description = "true (default): the file is the bureau's list of 规上 enterprises, so rows "
                                           + "without a 是否规上 cell are above designated size; false: derived from revenue")
                                   @QueryParam("listed") @DefaultValue("true") boolean listed,
                                   InputStream body) {
        if (!mode.equals("partial") && !mode.equals("all-or-nothing")) {
            throw ApiException.invalid("mode", FieldMessage.of("must be all-or-nothing or partial", "field.INVALID_VALUE.mode", mode));
        }
        if (year != null && (year < EnterpriseLimits.MIN_YEAR || year > 9999)) {
            throw ApiException.invalid("year", FieldMessage.of("must be a year from " + EnterpriseLimits.MIN_YEAR, "field.OUT_OF_RANGE.import-year", year, EnterpriseLimits.MIN_YEAR, 9999));
        }
        return importer.run(ImportSource.of(contentType, body), year, listed, dryRun, mode.equals("partial"),
                scope.importRegion(),
                caller.subject(), caller.role() == null ? null : caller.role().name());
    }

}
