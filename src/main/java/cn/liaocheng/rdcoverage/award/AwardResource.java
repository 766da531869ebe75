package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.security.Scope;
import jakarta.ws.rs.core.HttpHeaders;
import cn.liaocheng.rdcoverage.region.Regions;
import cn.liaocheng.rdcoverage.common.ProblemLanguage;
import cn.liaocheng.rdcoverage.common.Exports;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.Idempotency;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/awards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Awards")
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE,
        Role.Names.PROVINCE, Role.Names.ADMIN})
public class AwardResource {
    @Inject AwardService awards;
    @Inject AwardProposals proposals;
    @Inject AwardTransitions transitions;
    @Inject AwardNames names;
    @Inject Idempotency idempotency;
    @Inject Scope scope;
    @Inject Regions regions;
    @Inject java.time.Clock clock;

    @GET
    @Operation(operationId = "listAwards", summary = "Awards in the caller's scope, filtered by regionCode, creditCode, program, status, fiscalYear")
    public PageResult<AwardView> list(@BeanParam AwardService.Filter filter, @BeanParam PageQuery paging) {
        return awards.list(filter, paging);
    }

    @POST
    @RolesAllowed({Role.Names.FINANCE, Role.Names.CITY_OFFICER})
    @Operation(operationId = "proposeAward", summary = "Propose an award by hand (corrections, e.g. a recognition by override): amount from the policy, "
            + "a reason, audited; never twice per enterprise and program (409)")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AwardView.class)))
    public Response propose(@HeaderParam("Idempotency-Key") String key, @jakarta.validation.Valid AwardProposals.ManualProposal body) {
        return idempotency.create(key, body, () -> proposals.proposeManually(body), AwardView::id);
    }

    @GET
    @Produces(CsvOutput.MEDIA_TYPE)
    @Operation(summary = "The same filter as CSV for finance (UTF-8 with BOM; e.g. status=APPROVED for payment)")
    public Response listCsv(@BeanParam AwardService.Filter filter, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        java.util.Locale locale = ProblemLanguage.of(language);
        java.util.Map<String, String> enterpriseNames = new java.util.HashMap<>();
        java.util.Map<String, String> institutionNames = new java.util.HashMap<>();
        StreamingOutput body = out -> {
            try (CsvOutput csv = new CsvOutput(out, Exports.header(List.of("id", "program", "creditCode", "enterpriseName",
                    "regionCode", "regionName", "institutionId", "institutionName", "fiscalYear", "sizeClass",
                    "tier", "amount", "status", "policyId", "proposedOn", "approvedOn", "disbursedOn", "voucherRef", "basis"), language))) {
                awards.forEach(filter, a -> {
                    Regions.RegionView region = a.regionCode() == null ? null : regions.get(a.regionCode());
                    csv.row(a.id(), a.program(), a.creditCode(),
                            enterpriseNames.computeIfAbsent(a.creditCode(), names::enterprise),
                            a.regionCode(), region == null ? null : region.name(), a.institutionId(),
                            institutionNames.computeIfAbsent(a.institutionId(), names::institution),
                            a.fiscalYear(), a.sizeClass(), a.tier(), a.amount(), a.status(), a.policyId(), a.proposedOn(),
                            a.approvedOn(), a.disbursedOn(), a.voucherRef(), a.in(locale).basis());
                });
            }
        };
        return Response.ok(body, CsvOutput.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", Exports.disposition("awards",
                        filter.regionCode != null ? filter.regionCode : scope.ownRegion(),
                        java.time.LocalDate.now(clock))).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAward", summary = "One award; basis says how its amount was reached")
    public RestResponse<AwardView> get(@PathParam("id") String id) {
        return ETags.view(awards.get(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listAwardHistory", summary = "Audit trail: who proposed, approved, paid or cancelled the award, and when")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(@PathParam("id") String id) {
        return PageResult.all(awards.history(id));
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({Role.Names.FINANCE, Role.Names.CITY_OFFICER})
    @Operation(operationId = "transitionAward", summary = "APPROVE, DISBURSE (finance; paidOn, not before approvedOn, and voucherRef) or CANCEL (finance or "
            + "city; reason). APPROVE and DISBURSE of an award whose institution is revoked: 409 institution-revoked. "
            + "Concurrent transitions: one wins, the others get 409. If-Match naming another version: 412. Honours Idempotency-Key.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = AwardView.class)))
    public Response transition(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @HeaderParam("Idempotency-Key") String key, AwardTransitions.TransitionRequest body) {
        return idempotency.ok(key, body, () -> transitions.transition(id, body, ifMatch));
    }
}
