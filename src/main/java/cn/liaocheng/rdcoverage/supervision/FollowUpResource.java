package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import cn.liaocheng.rdcoverage.common.Idempotency;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/enterprises/{creditCode}/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Supervision")
@RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER, Role.Names.PROVINCE, Role.Names.ADMIN,
        Role.Names.SUPERVISOR})
public class FollowUpResource {
    @Inject FollowUpService service;
    @Inject Idempotency idempotency;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    @Operation(operationId = "listFollowUps", summary = "The follow-ups (visits) of an enterprise, latest visit first")
    public PageResult<FollowUpView> list(@PathParam("creditCode") String creditCode, @BeanParam PageQuery paging) {
        return service.list(creditCode, paging);
    }

    @GET
    @Path("/{followUpId}")
    @Operation(operationId = "getFollowUp", summary = "One follow-up of an enterprise")
    public FollowUpView get(@PathParam("creditCode") String creditCode, @PathParam("followUpId") String followUpId) {
        return service.get(creditCode, followUpId);
    }

    @POST
    @Operation(operationId = "createFollowUp", summary = "Record a visit to an enterprise (county officer of its region, or a supervisor of a group covering it): "
            + "the planned build mode, the date the institution is expected by, the obstacles and a note")
    @RolesAllowed({Role.Names.COUNTY_OFFICER, Role.Names.SUPERVISOR})
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = FollowUpView.class)))
    public Response record(@PathParam("creditCode") String creditCode, @HeaderParam("Idempotency-Key") String key,
                           @Valid FollowUpInput body) {
        return idempotency.run(key, body, () -> {
            FollowUpView view = service.record(creditCode, body);
            return Response.created(UriBuilder.fromResource(FollowUpResource.class).path(view.id()).build(creditCode))
                    .entity(view).build();
        });
    }
}
