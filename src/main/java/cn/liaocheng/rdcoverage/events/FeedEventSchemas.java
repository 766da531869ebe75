package cn.liaocheng.rdcoverage.events;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feed event in the contract as a union typed by its {@code type}: one variant per kind of {@code data} (the view
 * the resource's GET answers, a deletion's tombstone, an import's summary), each listing the event types that carry
 * it ({@link EventType#data}), with a discriminator on {@code type}; and the webhook delivery of an event (OpenAPI
 * 3.1 {@code webhooks}, signed per Standard Webhooks). A generated client narrows {@code event.type ===
 * "enterprise.updated"} to an event whose data is an EnterpriseView, instead of an untyped object. Run by the
 * contract's filter (common.ProblemOpenApiFilter), before the required lists are set.
 */
public final class FeedEventSchemas {
    static final String EVENT = "FeedEvent";
    private static final String REF = "#/components/schemas/";

    private FeedEventSchemas() {
    }

    /** Replaces the FeedEvent schema of {@code openAPI} by the typed union and adds the webhook. */
    public static void apply(OpenAPI openAPI) {
        org.eclipse.microprofile.openapi.models.Components components = openAPI.getComponents();
        Map<String, Schema> schemas = components.getSchemas();
        Schema base = schemas.get(EVENT);
        if (base == null || base.getProperties() == null) {
            throw new IllegalStateException("the contract has no " + EVENT + " schema to type");
        }
        components.addSchema("DeletedResource", object("The data of a deletion (a tombstone): the deleted resource's id")
                .addProperty("id", string("the subject's id (as subject.id)"))
                .addProperty("deleted", OASFactory.createSchema().type(List.of(Schema.SchemaType.BOOLEAN))
                        .enumeration(List.of(true)))
                .required(List.of("id", "deleted")));
        components.addSchema("ImportedEnterprises", object("The data of enterprise.imported: per region and import chunk, the "
                + "credit codes it created and those whose attributes or figures it changed")
                .addProperty("regionCode", string("the region (subject.id)"))
                .addProperty("created", codes("enterprises registered by the import"))
                .addProperty("updated", codes("enterprises whose attributes or figures the import changed"))
                .required(List.of("regionCode", "created", "updated")));
        Map<String, List<String>> typesByData = new LinkedHashMap<>();
        for (EventType t : EventType.values()) {
            typesByData.computeIfAbsent(t.data(), d -> new ArrayList<>()).add(t.wire());
        }
        List<Schema> variants = new ArrayList<>();
        Map<String, String> mapping = new LinkedHashMap<>();
        typesByData.forEach((data, types) -> {
            if (!schemas.containsKey(data)) {
                throw new IllegalStateException("event data schema " + data + " (" + types + ") is not in the contract");
            }
            String name = data.replaceFirst("View$", "") + "Event";
            Schema variant = object("A feed event whose data is " + data + ": " + String.join(", ", types));
            base.getProperties().forEach((property, schema) -> variant.addProperty(property,
                    switch (property) {
                        case "type" -> string(schema.getDescription()).enumeration(new ArrayList<>(types));
                        case "data" -> OASFactory.createSchema().ref(REF + data);
                        default -> schema;
                    }));
            variant.setRequired(new ArrayList<>(base.getProperties().keySet()));
            components.addSchema(name, variant);
            variants.add(OASFactory.createSchema().ref(REF + name));
            types.forEach(t -> mapping.put(t, REF + name));
        });
        components.addSchema(EVENT, OASFactory.createSchema()
                .description("One change: its type (kind.change) decides the schema of data (the resource as its GET "
                        + "showed it at this version); a deletion's data is a tombstone, an import's a summary per region")
                .oneOf(variants)
                .discriminator(OASFactory.createDiscriminator().propertyName("type").mapping(mapping)));
        openAPI.addWebhook("feedEvent", OASFactory.createPathItem().POST(delivery()));
    }

    /** The POST each subscription's URL receives (webhook.Dispatcher). */
    private static Operation delivery() {
        return OASFactory.createOperation()
                .operationId("deliverFeedEvent")
                .summary("A feed event delivered to a webhook subscription's URL")
                .description("Sent to each active subscription whose types include the event's, in feed order, one at "
                        + "a time per subscription, as application/json, signed per Standard Webhooks "
                        + "(https://www.standardwebhooks.com): verify webhook-signature with the subscription's "
                        + "secret before trusting the body. A 2xx answer within the request timeout is a delivery; "
                        + "any other status, a timeout or a refused connection is a failed attempt, retried with "
                        + "growing delays, and the subscription is disabled after repeated failures "
                        + "(GET /api/v1/webhook-subscriptions/{id}/deliveries lists the attempts). The same event keeps its "
                        + "webhook-id on every attempt: deduplicate by it.")
                .tags(List.of("Webhooks"))
                // no scheme of OpenAPI's: the receiver checks the Standard Webhooks signature
                .security(List.of(OASFactory.createSecurityRequirement()))
                .addParameter(header("webhook-id", "the event's id (as the body's id); the same on every attempt"))
                .addParameter(header("webhook-timestamp", "when this attempt was signed, in seconds since the epoch; "
                        + "refuse one far from your clock (replays)"))
                .addParameter(header("webhook-signature", "v1,<base64 HMAC-SHA256 of webhook-id.webhook-timestamp.body, "
                        + "keyed with the secret whsec_... (base64 after the prefix)>"))
                .requestBody(OASFactory.createRequestBody().required(true).content(OASFactory.createContent()
                        .addMediaType("application/json", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(REF + EVENT)))))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse()
                                .description("Delivered (any 2xx is; the body is not read)"))
                        .addAPIResponse("400", OASFactory.createAPIResponse()
                                .description("Refused by the receiver (any status outside 2xx counts): a failed attempt, "
                                        + "retried. The body is not read; a receiver may answer a problem (RFC 9457)")
                                .content(OASFactory.createContent().addMediaType("application/problem+json",
                                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF + "Problem"))))));
    }

    private static Parameter header(String name, String description) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(true).description(description)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT)).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    private static Schema codes(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).description(description)
                .items(string("a credit code"));
    }
}
