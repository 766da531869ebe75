package cn.liaocheng.rdcoverage.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** One event as the feed and the webhooks show it. */
public record FeedEvent(
        @Schema(description = "unique id of the event (also the webhook-id of its deliveries)") String id,
        @Schema(description = "the feed cursor of this event: after={cursor} continues behind it") String cursor,
        @Schema(description = "kind.change, e.g. enterprise.updated") String type,
        Instant occurredAt,
        Subject subject,
        @Schema(description = "the resource's version after the change (a tombstone: one more than its last)", nullable = true) Long version,
        @Schema(description = "the resource as its GET showed it at this version; a deletion: {id, deleted: true}", type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, implementation = Object.class)
        JsonNode data) {

    public record Subject(String kind, String id) {
    }
}
