package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.Idempotency;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.review.ReviewViews.ApplicationView;
import cn.liaocheng.rdcoverage.review.ReviewViews.InspectionView;
import cn.liaocheng.rdcoverage.review.ReviewViews.RoundView;
import cn.liaocheng.rdcoverage.security.Caller;
import cn.liaocheng.rdcoverage.security.Role;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Rounds, applications with their transitions, and inspections (认定核查). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class ReviewResource {
    private static final String IDEMPOTENCY = "Idempotency-Key";

    @Inject ReviewService review;
    @Inject RoundService rounds;
    @Inject ApplicationLifecycle lifecycle;
    @Inject InspectionService inspections;
    @Inject Idempotency idempotency;
    @Inject Caller caller;

    @GET
    @Path("/rounds")
    @Authenticated
    @Operation(operationId = "listRounds", summary = "Review rounds, latest first")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<RoundView> rounds(@QueryParam("updatedSince") String updatedSince) {
        java.time.Instant since = updatedSince == null || updatedSince.isBlank() ? null
                : cn.liaocheng.rdcoverage.common.Timestamps.parseSince("updatedSince", updatedSince);
        return PageResult.all(rounds.rounds().stream()
                .filter(r -> since == null || r.updatedAt() != null && !r.updatedAt().isBefore(since)).toList());
    }

    @POST
    @Path("/rounds")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @Operation(operationId = "createRound", summary = "Open a round (id like 2026H2)",
            description = "The id is year + 'H' + half. opensOn and closesOn lie within the half-year the round names (half 1: "
                    + "1 January to 30 June of year, half 2: 1 July to 31 December), at most rd.rounds.days-outside-half days "
                    + "outside it on each side (0 unless the deployment sets it), and closesOn is not before opensOn; "
                    + "otherwise a 400 names the field. The dates cannot be changed later.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    public Response createRound(@HeaderParam(IDEMPOTENCY) String key, @Valid ReviewInputs.RoundInput body) {
        return idempotency.create(key, body, () -> rounds.create(body), RoundView::id);
    }

    @GET
    @Path("/rounds/{id}")
    @Authenticated
    @Operation(operationId = "getRound", summary = "One round")
    public RestResponse<RoundView> round(@PathParam("id") String id) {
        return ETags.view(rounds.round(id));
    }

    @POST
    @Path("/rounds/{id}/transitions")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @Operation(operationId = "transitionRound", summary = "OPEN → REVIEWING (START_REVIEW) → CLOSED (CLOSE)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundView.class)))
    public Response transitionRound(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                    @HeaderParam(IDEMPOTENCY) String key, @Valid ReviewInputs.RoundTransition body) {
        return idempotency.ok(key, body, () -> rounds.transition(id, body, ifMatch));
    }

    @GET
    @Path("/applications")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.ASSESSOR, Role.Names.FINANCE, Role.Names.PROVINCE, Role.Names.ADMIN})
    @Operation(operationId = "listApplications", summary = "Applications in the caller's scope, filtered and paged")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<ApplicationView> applications(@BeanParam ReviewService.Filter filter, @BeanParam PageQuery paging) {
        return review.list(filter, paging);
    }

    @POST
    @Path("/applications")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    @Operation(operationId = "createApplication", summary = "Start an application (DRAFT) for an institution in an OPEN round; one live application per institution and round",
            description = "By an enterprise taking part, the city, or a county officer for an institution with a participant of its region "
                    + "(audited as acting for it).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    public Response createApplication(@HeaderParam(IDEMPOTENCY) String key, @Valid ReviewInputs.ApplicationInput body) {
        return idempotency.create(key, body, () -> lifecycle.create(body), ApplicationView::id);
    }

    @GET
    @Path("/applications/{id}")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.ASSESSOR, Role.Names.FINANCE, Role.Names.PROVINCE, Role.Names.ADMIN})
    @Operation(operationId = "getApplication", summary = "One application with its timeline, decision and awards")
    public RestResponse<ApplicationView> application(@PathParam("id") String id) {
        return ETags.view(review.get(id));
    }

    @GET
    @Path("/applications/{id}/history")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.ASSESSOR, Role.Names.FINANCE, Role.Names.PROVINCE, Role.Names.ADMIN})
    @Operation(operationId = "listApplicationHistory", summary = "Audit trail of the application and its inspections (the timeline is on the application itself)")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(@PathParam("id") String id) {
        return PageResult.all(review.history(id));
    }

    @POST
    @Path("/applications/{id}/transitions")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    @Operation(operationId = "transitionApplication", summary = "Move an application on: SUBMIT, WITHDRAW (enterprise); COUNTY_APPROVE, RETURN, COUNTY_REJECT (county); "
            + "START_ASSESSMENT, RECOGNIZE, REJECT (city). 409 lists the allowed actions; RECOGNIZE of an institution that "
            + "does not qualify is 422 with the unmet criteria unless override is true with a reason")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApplicationView.class)))
    public Response transition(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @HeaderParam(IDEMPOTENCY) String key, @Valid ReviewInputs.Transition body) {
        return idempotency.ok(key, body, () -> lifecycle.transition(id, body, ifMatch));
    }

    @GET
    @Path("/inspections")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.ASSESSOR, Role.Names.PROVINCE, Role.Names.ADMIN})
    @Operation(operationId = "listInspections", summary = "Inspections; an assessor sees only those assigned to it")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<InspectionView> inspections(@QueryParam("applicationId") String applicationId,
                                                  @QueryParam("assessorId") String assessorId,
                                                  @QueryParam("updatedSince") String updatedSince, @BeanParam PageQuery paging) {
        return inspections.list(applicationId, assessorId, updatedSince, paging);
    }

    @POST
    @Path("/inspections")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @Operation(operationId = "createInspection", summary = "Assign a material review or on-site inspection of an application under assessment")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InspectionView.class)))
    public Response assign(@HeaderParam(IDEMPOTENCY) String key, @Valid ReviewInputs.InspectionInput body) {
        return idempotency.create(key, body, () -> inspections.assign(body), InspectionView::id);
    }

    @GET
    @Path("/inspections/{id}")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.ASSESSOR, Role.Names.PROVINCE, Role.Names.ADMIN})
    @Operation(operationId = "getInspection", summary = "One inspection")
    public RestResponse<InspectionView> inspection(@PathParam("id") String id) {
        return ETags.view(inspections.get(id));
    }

    @POST
    @Path("/inspections/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @Operation(operationId = "cancelInspection", summary = "The city cancels an inspection still ASSIGNED, with a reason (a RECOGNIZE waits for open on-site inspections)")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InspectionView.class)))
    public Response cancelInspection(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                     @HeaderParam(IDEMPOTENCY) String key, @Valid ReviewInputs.Cancellation body) {
        return idempotency.ok(key, body, () -> inspections.cancel(id, body, ifMatch));
    }

    @PATCH
    @Path("/inspections/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @RolesAllowed(Role.Names.ASSESSOR)
    @Operation(operationId = "recordInspection", summary = "The assigned assessor records conductedOn, verifiedCapacity, findings and a conclusion (which closes it)")
    public RestResponse<InspectionView> record(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                               @Valid ReviewInputs.InspectionRecord body) {
        return ETags.view(inspections.record(id, ApiException.requireBody(body), ifMatch));
    }

}
