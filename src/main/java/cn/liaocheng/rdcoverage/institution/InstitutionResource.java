package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.capacity.CapacityInput;
import cn.liaocheng.rdcoverage.capacity.CapacityView;
import cn.liaocheng.rdcoverage.common.CsvOutput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.security.AuditHistory;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.common.Timestamps;
import cn.liaocheng.rdcoverage.eligibility.Result;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/institutions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE,
        Role.Names.PROVINCE, Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class InstitutionResource {
    @Inject cn.liaocheng.rdcoverage.common.Idempotency idempotency;
    @Inject InstitutionService service;
    @Inject ParticipantConsents consents;
    @Inject InstitutionCapacities capacities;
    @Inject DesignationService designations;
    @Inject Clock clock;

    @GET
    @Operation(operationId = "listInstitutions", summary = "R&D institutions, filtered and paged")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<InstitutionView> list(@BeanParam InstitutionFilter filter, @BeanParam PageQuery paging) {
        return service.list(filter, paging);
    }

    @POST
    @Operation(operationId = "createInstitution", summary = "Declare an institution (SINGLE: one participant; JOINT: two or more; INDUSTRY: platform and agreement)",
            description = "By an enterprise taking part, the city, or a county officer for enterprises of its region "
                    + "(the audit trail records who declared it and in which role).")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstitutionView.class)))
    public Response create(@HeaderParam("Idempotency-Key") String key, @Valid InstitutionInput body) {
        return idempotency.create(key, body, () -> service.create(body), InstitutionView::id);
    }

    @POST
    @Path("/historic-register")
    @Operation(operationId = "loadHistoricRegister", summary = "Load the historic register: institutions recognised before go-live with their real recognition dates",
            description = "All or nothing: every entry is checked like a declaration, and recognizedOn lies from the policy's "
                    + "date to the day before go-live (rd.historic-register.from/until: 2020-04-26..2025-12-31) and not after today; "
                    + "a 400 lists the problems of every entry (fields institutions[k]....) and nothing is stored. "
                    + "Loaded once: an entry already stored (same name, participants and recognizedOn) is a 409 "
                    + "historic-register-loaded listing them (alreadyLoaded), and nothing is stored. "
                    + "No award is proposed for them. Audited as the city officer's change.")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = HistoricRegister.Result.class)))
    public Response loadHistoric(@HeaderParam("Idempotency-Key") String key, @Valid HistoricRegister body) {
        return idempotency.run(key, body,
                () -> Response.status(Response.Status.CREATED).entity(service.loadHistoric(body)).build());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getInstitution", summary = "One institution; capacity is its latest declared year")
    public RestResponse<InstitutionView> get(@PathParam("id") String id) {
        return ETags.view(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceInstitution", summary = "Replace what was declared; If-Match guards against lost updates")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.CITY_OFFICER})
    public RestResponse<InstitutionView> replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                                 @Valid InstitutionInput body) {
        return ETags.view(service.replace(id, ApiException.requireBody(body), ifMatch));
    }

    /** {@code {"creditCode": "..."}}: the participant that confirms. */
    public record ConsentInput(@NotBlank @Size(max = 40) String creditCode) {
    }

    @POST
    @Path("/{id}/consents")
    @APIResponse(responseCode = "200", description = "The institution as it is now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionView.class)))
    @Operation(operationId = "consentToInstitution", summary = "A participant confirms it takes part (its own ENTERPRISE token, or a county officer of its "
            + "region for it); until every participant has, the institution cannot be submitted")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER})
    public Response consent(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, @Valid ConsentInput body) {
        return idempotency.ok(key, body, () -> consents.consent(id, body.creditCode()));
    }

    /** A city officer's correction of frozen facts, with the reason that the audit trail keeps. */
    public record CorrectionInput(@NotNull @Valid InstitutionInput institution, @NotBlank @Size(max = 1000) String reason) {
    }

    @POST
    @Path("/{id}/corrections")
    @APIResponse(responseCode = "200", description = "The institution as it is now", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InstitutionView.class)))
    @Operation(operationId = "correctInstitution", summary = "City officer: correct the facts a decision rested on (build mode, participants, capacity), "
            + "with a reason kept in the audit trail; If-Match guards against lost updates")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    public Response correct(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @HeaderParam("Idempotency-Key") String key, @Valid CorrectionInput body) {
        return idempotency.ok(key, body, () -> service.correct(id, body.institution(), body.reason(), ifMatch));
    }

    @POST
    @Path("/{id}/revocations")
    @Operation(operationId = "revokeInstitution", summary = "Revoke a RECOGNIZED institution (status REVOKED): its enterprises stop being covered from revokedOn, "
            + "and its awards not yet paid (PROPOSED, APPROVED) are cancelled with the revocation as reason (paid ones "
            + "stay); 409 when it is not RECOGNIZED")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstitutionView.class)))
    public Response revoke(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam("Idempotency-Key") String key, @Valid RevocationInput body) {
        return idempotency.ok(key, body, () -> designations.revokeInstitution(id, body, ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteInstitution", summary = "Remove a declared (not yet recognised) institution")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.CITY_OFFICER})
    @APIResponse(responseCode = "204", description = "Removed; no body")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listInstitutionHistory", summary = "Audit trail: who changed the institution or its capacity, when, and what")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<AuditHistory.Entry> history(@PathParam("id") String id) {
        return PageResult.all(service.history(id));
    }

    @GET
    @Path("/{id}/capacity")
    @Operation(operationId = "listInstitutionCapacities", summary = "Every declared year of capacity, latest first")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<CapacityView> capacities(@PathParam("id") String id) {
        return PageResult.all(capacities.capacities(id));
    }

    @GET
    @Path("/{id}/capacity/{year}")
    @Operation(operationId = "getInstitutionCapacity", summary = "The capacity declared for one year")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CapacityView.class)))
    public Response capacity(@PathParam("id") String id, @PathParam("year") int year) {
        CapacityView view = capacities.capacity(id, year);
        return Response.ok(view).tag(ETags.ofContent(view)).build();
    }

    @PUT
    @Path("/{id}/capacity/{year}")
    @Operation(operationId = "putInstitutionCapacity", summary = "Declare or correct one year's capacity (201 when new; If-Match honoured)")
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.CITY_OFFICER})
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CapacityView.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CapacityView.class)))
    public Response putCapacity(@PathParam("id") String id, @PathParam("year") int year,
                                @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid CapacityInput body) {
        boolean created = capacities.put(id, year, ApiException.requireBody(body), ifMatch);
        return ETags.put(created, capacities.capacity(id, year), UriBuilder.fromResource(InstitutionResource.class).path(id)
                .path("capacity").path(Integer.toString(year)).build());
    }

    @GET
    @Path("/{id}/eligibility")
    @Operation(operationId = "getInstitutionEligibility", summary = "Evaluate the stored institution against the policy in force on asOf (default today)",
            description = "Uses each participant's figures of asOf's year (else the latest earlier year), the capacity "
                    + "declared for that year (else the latest earlier one), the cooperations, platform and agreement.")
    @cn.liaocheng.rdcoverage.common.ReportETag
    public Result eligibility(@PathParam("id") String id,
                              @Parameter(description = "ISO date, default today") @QueryParam("asOf") String asOf) {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : Timestamps.parseDate("asOf", asOf);
        return service.eligibility(id, date);
    }

}
