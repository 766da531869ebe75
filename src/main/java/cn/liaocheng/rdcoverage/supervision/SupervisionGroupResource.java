package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.Idempotency;
import cn.liaocheng.rdcoverage.common.PageQuery;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/supervision-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
@RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.PROVINCE, Role.Names.ADMIN,
        Role.Names.SUPERVISOR})
public class SupervisionGroupResource {
    @Inject SupervisionService service;
    @Inject Idempotency idempotency;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    @Operation(operationId = "listSupervisionGroups", summary = "Supervision groups (督导组): a supervisor sees its own groups, a county officer those of its region")
    public PageResult<GroupView> list(@BeanParam PageQuery paging) {
        return service.list(paging);
    }

    @POST
    @Operation(operationId = "createSupervisionGroup", summary = "Set up a supervision group: a name, its members (the supervisorId claim of their tokens) and its regions")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = GroupView.class)))
    public Response create(@HeaderParam("Idempotency-Key") String key, @Valid GroupInput body) {
        return idempotency.create(key, body, () -> service.create(body), GroupView::id);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getSupervisionGroup", summary = "One supervision group; the ETag is its version")
    public RestResponse<GroupView> get(@PathParam("id") String id) {
        return ETags.view(service.get(id));
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replaceSupervisionGroup", summary = "Replace a group's name, members and regions; If-Match guards against lost updates")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    public RestResponse<GroupView> replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                           @Valid GroupInput body) {
        return ETags.view(service.replace(id, ApiException.requireBody(body), ifMatch));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteSupervisionGroup", summary = "Dissolve a group (its members lose the group's regions); If-Match required")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @APIResponse(responseCode = "204", description = "Dissolved; no body")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }
}
