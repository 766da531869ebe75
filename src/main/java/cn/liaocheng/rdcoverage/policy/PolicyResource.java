package cn.liaocheng.rdcoverage.policy;

import cn.liaocheng.rdcoverage.common.CsvOutput;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.common.ApiException;
import io.quarkus.security.Authenticated;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.common.PageResult;
import cn.liaocheng.rdcoverage.eligibility.Policy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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

import java.util.List;

@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Policies")
public class PolicyResource {
    @Inject cn.liaocheng.rdcoverage.common.Idempotency idempotency;
    @Inject Policies policies;

    @GET
    @Operation(operationId = "listPolicies", summary = "Policy versions, oldest first")
    @Authenticated
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<PolicyView> list() {
        return PageResult.all(policies.list());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPolicy", summary = "One policy version with its thresholds, awards and interpretation switches")
    @Authenticated
    public RestResponse<PolicyView> get(@PathParam("id") String id) {
        return ETags.view(policies.get(id));
    }

    @GET
    @Path("/{id}/history")
    @Authenticated
    @Operation(operationId = "listPolicyHistory", summary = "Audit trail of a policy version")
    @Produces({MediaType.APPLICATION_JSON, CsvOutput.MEDIA_TYPE + ";qs=0.5"})
    public PageResult<cn.liaocheng.rdcoverage.security.AuditHistory.Entry> history(@PathParam("id") String id) {
        return PageResult.all(policies.history(id));
    }

    @POST
    @Operation(operationId = "createPolicy", summary = "Publish a new policy version (takes effect on its effectiveFrom date)")
    @RolesAllowed(Role.Names.ADMIN)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = PolicyView.class)))
    public Response create(@HeaderParam("Idempotency-Key") String key, @RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Policy.class))) String body) throws JsonProcessingException {
        JsonNode document = policies.read(ApiException.requireBody(body));
        return idempotency.create(key, document, () -> policies.create(document), PolicyView::id);
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "replacePolicy", summary = "Correct a policy version that no stored decision has used yet")
    @RolesAllowed(Role.Names.ADMIN)
    public RestResponse<PolicyView> replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                            @RequestBody(content = @Content(mediaType = "application/json", schema = @Schema(implementation = Policy.class))) String body) throws JsonProcessingException {
        return ETags.view(policies.replace(id, policies.read(ApiException.requireBody(body)), ifMatch));
    }
}
