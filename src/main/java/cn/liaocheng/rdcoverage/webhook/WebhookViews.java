package cn.liaocheng.rdcoverage.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of /api/v1/webhook-subscriptions. */
public final class WebhookViews {
    private WebhookViews() {
    }

    public record SubscriptionInput(
            @Schema(description = "https URL that receives the deliveries (POST, Standard Webhooks headers)", required = true) String url,
            @Schema(description = "event types to deliver; empty or absent: all") List<String> types,
            @Schema(description = "start after this feed cursor; absent: only events from now on") String after) {
    }

    public record RedeliveryInput(
            @Schema(description = "deliver again every event after this feed cursor (e.g. a delivery's cursor minus one)", required = true)
            String after) {
    }

    public record SubscriptionView(String id, String url, List<String> types, boolean enabled,
                                   @Schema(nullable = true) String disabledReason,
                                   @Schema(description = "feed cursor of the last event delivered") String deliveredThrough,
                                   @Schema(description = "failed attempts in a row") int failures,
                                   Instant nextAttemptAt, Instant createdAt, @Schema(nullable = true) String createdBy,
                                   @JsonInclude(JsonInclude.Include.NON_NULL)
                                   @Schema(description = "the signing secret (whsec_...), shown only in the answer to POST (absent elsewhere)", extensions = @Extension(name = "x-optional", value = "true"))
                                   String secret) {
    }

    public record DeliveryView(long id, String eventId, String eventType,
                               @Schema(description = "feed cursor of the event") String cursor,
                               @Schema(description = "1 for the first attempt of this event, then 2, 3, ...") int attempt,
                               Instant attemptedAt,
                               @Schema(description = "the receiver's HTTP status; absent when none came back", nullable = true) Integer statusCode,
                               long latencyMs, boolean succeeded,
                               @Schema(nullable = true) String error) {
    }

    public record SubscriptionList(List<SubscriptionView> items) {
    }

    public record DeliveryList(List<DeliveryView> items) {
    }
}
