package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/institutions/{id}/designations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE,
        Role.Names.PROVINCE, Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class DesignationResource {
    @Inject cn.liaocheng.rdcoverage.common.Idempotency idempotency;
    @Inject DesignationService service;

    @GET
    @Operation(operationId = "listDesignations", summary = "Provincial and national designations of an institution, oldest grant first")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<DesignationView> list(@PathParam("id") String id) {
        return PageResult.all(service.list(id));
    }

    @POST
    @Operation(operationId = "createDesignation", summary = "Record a provincial or national designation (省级/国家级研发机构) granted on a date")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DesignationView.class)))
    public Response add(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, @Valid DesignationInput body) {
        return idempotency.create(key, body, () -> service.add(id, body), DesignationView::id);
    }

    @GET
    @Path("/{designationId}")
    @Operation(operationId = "getDesignation", summary = "One designation; the ETag is its version")
    public RestResponse<DesignationView> get(@PathParam("id") String id, @PathParam("designationId") String designationId) {
        return ETags.view(service.get(id, designationId));
    }

    @POST
    @Path("/{designationId}/revocations")
    @Operation(operationId = "revokeDesignation", summary = "Revoke or delist a designation (被撤销或摘牌): it stops counting from revokedOn; 409 when already revoked")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = DesignationView.class)))
    public Response revoke(@PathParam("id") String id, @PathParam("designationId") String designationId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @HeaderParam("Idempotency-Key") String key,
                           @Valid RevocationInput body) {
        return idempotency.ok(key, body, () -> service.revoke(id, designationId, body, ifMatch));
    }

}
