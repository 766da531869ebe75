package cn.liaocheng.rdcoverage.webhook;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Idempotency;
import cn.liaocheng.rdcoverage.security.Role;
import cn.liaocheng.rdcoverage.webhook.WebhookViews.DeliveryList;
import cn.liaocheng.rdcoverage.webhook.WebhookViews.RedeliveryInput;
import cn.liaocheng.rdcoverage.webhook.WebhookViews.SubscriptionInput;
import cn.liaocheng.rdcoverage.webhook.WebhookViews.SubscriptionList;
import cn.liaocheng.rdcoverage.webhook.WebhookViews.SubscriptionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhook-subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE})
public class WebhookResource {
    @Inject Subscriptions subscriptions;
    @Inject Dispatcher dispatcher;
    @Inject Idempotency idempotency;

    @POST
    @Operation(operationId = "createWebhookSubscription", summary = "Subscribe a URL to the change feed; the answer shows the signing secret once",
            description = "Deliveries follow the Standard Webhooks specification: POST of one event (as in GET /api/v1/events) with "
                    + "webhook-id, webhook-timestamp and webhook-signature (v1,<base64 HMAC-SHA256 of id.timestamp.body>). "
                    + "At least once, in feed order per subscription, retried with exponential backoff for up to 24 h.")
    @APIResponse(responseCode = "201", description = "Created; secret is shown in this answer only (and in a replay of it "
            + "with the same Idempotency-Key within 24 h)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class)))
    public Response create(@HeaderParam("Idempotency-Key") String key, SubscriptionInput body) {
        ApiException.requireBody(body);
        // The answer kept for Idempotency-Key replays holds no secret (it would lie in clear in idempotency_record):
        // the secret is added to this answer, and to a replay opened again from the subscription's sealed column.
        AtomicReference<SubscriptionView> made = new AtomicReference<>();
        Response answer = idempotency.run(key, "POST", "/api/v1/webhook-subscriptions", body, () -> {
            SubscriptionView view = subscriptions.create(body);
            made.set(view);
            SubscriptionView kept = new SubscriptionView(view.id(), view.url(), view.types(), view.enabled(), view.disabledReason(),
                    view.deliveredThrough(), view.failures(), view.nextAttemptAt(), view.createdAt(), view.createdBy(), null);
            return Response.created(UriBuilder.fromResource(WebhookResource.class).path(view.id()).build()).entity(kept).build();
        });
        if (made.get() != null) {
            return Response.fromResponse(answer).entity(made.get()).build();
        }
        if (answer.getStatus() == 201 && answer.getLocation() != null) {
            String path = answer.getLocation().getPath();
            try {
                return Response.fromResponse(answer).entity(subscriptions.withSecret(path.substring(path.lastIndexOf('/') + 1)))
                        .type(MediaType.APPLICATION_JSON_TYPE).build();
            } catch (ApiException gone) {
                return answer; // deleted since: the kept answer, without a secret
            }
        }
        return answer;
    }

    @GET
    @Operation(operationId = "listWebhookSubscriptions", summary = "Every subscription (without secrets)")
    public SubscriptionList list() {
        return new SubscriptionList(subscriptions.list());
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhookSubscription", summary = "One subscription: its cursor, failures in a row, whether it is enabled")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhookSubscription", summary = "Stop and remove a subscription with its delivery log")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        subscriptions.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest attempt first: time, status, latency, error")
    public DeliveryList deliveries(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("100") int limit) {
        return new DeliveryList(subscriptions.deliveries(id, limit));
    }

    @POST
    @Path("/{id}/redeliveries")
    @Operation(operationId = "redeliverWebhookEvents", summary = "Deliver every event after a cursor again (and re-enable a disabled subscription)")
    @APIResponse(responseCode = "202", description = "Accepted: the subscription, rewound to after; deliveries start at once",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionView.class)))
    public Response redeliver(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key, RedeliveryInput body) {
        Response response = idempotency.run(key, body,
                () -> Response.accepted(subscriptions.redeliver(id, body.after())).build());
        dispatcher.dispatch();
        return response;
    }
}
