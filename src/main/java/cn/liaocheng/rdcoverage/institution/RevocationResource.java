package cn.liaocheng.rdcoverage.institution;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.ETags;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/institutions/{id}/revocations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Institutions")
public class RevocationResource {
    @Inject cn.liaocheng.rdcoverage.common.Idempotency idempotency;
    @Inject DesignationService service;

    @POST
    @Operation(operationId = "revokeInstitution", summary = "Revoke a RECOGNIZED institution (status REVOKED): its enterprises stop being covered from revokedOn, "
            + "and its awards not yet paid (PROPOSED, APPROVED) are cancelled with the revocation as reason (paid ones "
            + "stay); 409 when it is not RECOGNIZED")
    @RolesAllowed(Role.Names.CITY_OFFICER)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json", schema = @Schema(implementation = InstitutionView.class)))
    public Response revoke(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @HeaderParam("Idempotency-Key") String key, @Valid RevocationInput body) {
        ApiException.requireBody(body);
        return idempotency.run(key, "POST", "/api/v1/institutions/" + id + "/revocations", body,
                () -> ETags.ok(service.revokeInstitution(id, body, ifMatch)));
    }
}
