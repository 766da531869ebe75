package cn.liaocheng.rdcoverage.common;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Response schemas: every property is required (Jackson serves each one, null included) unless it carries the
 * extension x-optional (left out when null, @JsonInclude(NON_NULL)); only properties declared nullable may be null.
 * A schema also used in a request body, and Problem and FieldError, keep their own list, except the policy document's:
 * {@code POST/PUT /api/v1/policies} refuse a document missing any member of these (policy.PolicyDocument holds no
 * default for any parameter; PolicyParametersTest removes each one the contract requires and expects a 400 REQUIRED
 * naming it), so every property of theirs is required. Run by {@link ProblemOpenApiFilter}.
 */
final class OpenApiRequiredProperties {
    private static final String OPTIONAL = "x-optional";
    /** Built by {@link OpenApiProblems} with their own required list (FieldError.line is served by imports only). */
    private static final Set<String> OWN_LIST = Set.of("Problem", "FieldError");
    /** The policy document and the parts it is made of: a request and a response schema, every member required. */
    private static final Set<String> COMPLETE_DOCUMENTS = Set.of("Policy", "SizeClassification", "SizeBound", "Standard",
            "Interpretations");

    private OpenApiRequiredProperties() {
    }

    /** Sets the required list of the response schemas of {@code openAPI}, whose components hold Problem at least. */
    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> inResponses = new HashSet<>();
        Set<String> inRequests = new HashSet<>();
        OpenApiSchemaTree.forEachBody(openAPI, (status, bodies) -> {
            if (status == null) {
                bodies.forEach(s -> collect(s, schemas, inRequests));
            } else if (status.startsWith("2")) {
                bodies.forEach(s -> collect(s, schemas, inResponses));
            }
        });
        for (String name : inResponses) {
            Schema schema = schemas.get(name);
            if (!inRequests.contains(name) && schema != null && schema.getProperties() != null && !OWN_LIST.contains(name)) {
                schema.setRequired(requiredAsServed(schema));
            }
        }
        for (String name : COMPLETE_DOCUMENTS) {
            Schema schema = schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                throw new IllegalStateException("the policy document's schema " + name + " is not in the contract");
            }
            schema.setRequired(requiredAsServed(schema));
        }
    }

    /** The properties without x-optional, which is removed (it is not part of the served contract). */
    private static List<String> requiredAsServed(Schema schema) {
        List<String> required = new ArrayList<>();
        schema.getProperties().forEach((prop, s) -> {
            // at start SmallRye OpenAPI 4.2 reads x-optional back from the build's document as a plain schema
            // keyword, not as an extension: look in both places
            boolean optional = s.getExtensions() != null && s.getExtensions().containsKey(OPTIONAL) || s.get(OPTIONAL) != null;
            if (optional) {
                s.removeExtension(OPTIONAL);
                s.set(OPTIONAL, null);
            } else {
                required.add(prop);
            }
        });
        return required;
    }

    /** Adds to {@code into} the component names {@code s} refers to, directly or through the schemas it names. */
    private static void collect(Schema s, Map<String, Schema> schemas, Set<String> into) {
        if (s == null) {
            return;
        }
        if (s.getRef() != null) {
            String name = OpenApiSchemaTree.name(s.getRef());
            if (into.add(name)) {
                collect(schemas.get(name), schemas, into);
            }
        }
        OpenApiSchemaTree.forEachChild(s, child -> collect(child, schemas, into));
    }
}
