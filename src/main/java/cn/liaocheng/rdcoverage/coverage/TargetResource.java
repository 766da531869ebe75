package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/targets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Targets")
@RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.FINANCE,
        Role.Names.PROVINCE, Role.Names.ADMIN, Role.Names.SUPERVISOR})
public class TargetResource {
    @Inject cn.liaocheng.rdcoverage.common.Idempotency idempotency;
    @Inject TargetService service;

    @GET
    @Operation(operationId = "listTargets", summary = "Yearly targets (建设目标), city-wide and per region; filter by year and regionCode (CITY for city-wide)")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<TargetView> list(@BeanParam TargetFilter filter, @BeanParam PageQuery paging) {
        return service.list(filter, paging);
    }

    @POST
    @Operation(operationId = "createTarget", summary = "Set a year's target, city-wide (no regionCode) or for a region; 409 when one exists")
    @RolesAllowed({Role.Names.CITY_OFFICER, Role.Names.ADMIN})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = TargetView.class)))
    public Response create(@HeaderParam("Idempotency-Key") String key, @Valid TargetInput body) {
        return idempotency.create(key, body, () -> service.create(body), TargetView::id);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTarget", summary = "One target; the ETag is its version")
    public RestResponse<TargetView> get(@PathParam("id") String id) {
        return ETags.view(service.get(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "listTargetHistory", summary = "Audit trail: who changed the target, when, and what")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public cn.liaocheng.rdcoverage.common.PageResult<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(@PathParam("id") String id) {
        return PageResult.all(service.history(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceTarget", summary = "Change a target's rate or provincial increase; If-Match guards against lost updates")
    @RolesAllowed({Role.Names.CITY_OFFICER, Role.Names.ADMIN})
    public RestResponse<TargetView> replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @Valid TargetInput body) {
        return ETags.view(service.replace(id, ApiException.requireBody(body), ifMatch));
    }

}
