package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Idempotency;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The check (and rebuild) of the maintained coverage segments (issue #20) and of the institutions' rows the indicators
 * report reads (issue #18), for after a manual fix in the database.
 */
@Path("/api/v1/reports/coverage-ledger/checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class LedgerResource {
    @Inject Idempotency idempotency;
    @Inject LedgerChecker checker;

    @POST
    @Operation(operationId = "checkCoverageLedger", summary = "Recompute the coverage segments that the reports read from "
            + "the enterprises, figures and institutions, and the institutions' rows that the indicators report reads, and "
            + "compare them with the stored ones; with repair: true rewrite the enterprises and institutions that differ "
            + "(after a manual change in the database). Runs a thousand enterprises (institutions) per transaction")
    @RolesAllowed(Role.Names.ADMIN)
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = LedgerCheck.class)))
    public Response check(@HeaderParam("Idempotency-Key") String key, @Valid LedgerCheckInput body) {
        ApiException.requireBody(body);
        // each thousand enterprises are compared (and repaired) in a transaction of their own; the one around them
        // only holds the key's record, for as long as the check takes
        return idempotency.run(key, "POST", "/api/v1/reports/coverage-ledger/checks", body, 3600,
                () -> Response.ok(checker.check(body.repair())).build());
    }
}
