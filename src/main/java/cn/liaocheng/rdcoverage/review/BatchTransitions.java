package cn.liaocheng.rdcoverage.review;

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

/**
 * Many application transitions in one request (a county approving its round, the task force recognising a list):
 * each item is exactly the single-item transition ({@link ApplicationLifecycle#transition}), with its roles, scope,
 * If-Match and 409 rules.
 */
@Path("/api/v1/applications/transitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Review")
public class BatchTransitions {
    @Inject ApplicationLifecycle lifecycle;
    @Inject Batches batches;

    /** One item: the application, its expected version (optional) and the transition body of the single request. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ApplicationBatchItem")
    public static class Item extends Batches.Item<ReviewInputs.Transition> {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ApplicationBatch")
    public record Batch(@NotNull @Size(min = 1, max = Batches.MAX_ITEMS) List<@NotNull @Valid Item> items, Boolean atomic)
            implements Batches.Request<Item> {
    }

    @POST
    @RolesAllowed({Role.Names.ENTERPRISE, Role.Names.COUNTY_OFFICER, Role.Names.CITY_OFFICER})
    @Operation(operationId = "transitionApplications", summary = "Up to 500 application transitions in one request; each item as "
            + "POST /applications/{id}/transitions would do it (same roles, scope, If-Match and 409 rules). atomic=false (default): "
            + "each item in its own transaction, the answer lists per item its new status or its problem; atomic=true: all or "
            + "nothing, 409 batch-not-applied naming the failing item. Honours Idempotency-Key.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "Per item its new status and ETag, or its problem",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Batches.Result.class)))
    public Response transition(@HeaderParam("Idempotency-Key") String key, @Valid Batch body) {
        return batches.answer(key, body, item -> {
            ReviewViews.ApplicationView v = lifecycle.transition(item.id, item.transition, Batches.ifMatch(item.ifMatch));
            return new Batches.Outcome(v.status().name(), v.version());
        });
    }
}
