package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.common.Batches;
import cn.liaocheng.rdcoverage.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Finance approves or pays many awards at once, each with its own voucher; each item is the single-award transition. */
@Path("/api/v1/awards/transitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Awards")
public class AwardBatch {
    @Inject AwardTransitions transitions;
    @Inject Batches batches;

    /** One item: the award, its expected version (optional) and the body of the single-award transition. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AwardBatchItem")
    public static class Item extends Batches.Item<AwardTransitions.TransitionRequest> {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AwardBatch")
    public record Batch(@NotNull @Size(min = 1, max = Batches.MAX_ITEMS) List<@NotNull @Valid Item> items, Boolean atomic)
            implements Batches.Request<Item> {
    }

    @POST
    @RolesAllowed({Role.Names.FINANCE, Role.Names.CITY_OFFICER})
    @Operation(operationId = "transitionAwards", summary = "Up to 500 award transitions in one request (APPROVE, DISBURSE with "
            + "paidOn and voucherRef per item, CANCEL with a reason), each as POST /awards/{id}/transitions would do it. "
            + "atomic=false (default): each item in its own transaction; atomic=true: all or nothing (409 batch-not-applied). "
            + "Honours Idempotency-Key.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "Per item its new status and ETag, or its problem",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Batches.Result.class)))
    public Response transition(@HeaderParam("Idempotency-Key") String key, @Valid Batch body) {
        return batches.answer(key, body, item -> {
            AwardView v = transitions.transition(item.id, item.transition, Batches.ifMatch(item.ifMatch));
            return new Batches.Outcome(v.status().name(), v.version());
        });
    }
}
