package cn.liaocheng.rdcoverage.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.response.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The served contract (GET /q/openapi) as a validator of real answers: the body of an answer must match the schema
 * the contract declares for its operation, status and media type, by JSON Schema 2020-12 (the dialect of OpenAPI 3.1),
 * so a property declared required is present and one not declared nullable is not null.
 */
public final class ServedContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build();
    private static JsonNode contract;

    private ServedContract() {
    }

    private static synchronized JsonNode contract() {
        if (contract == null) {
            String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
            contract = read(json);
        }
        return contract;
    }

    /**
     * Asserts that {@code answer}, the response of {@code method} on the contract's path {@code template}
     * (e.g. /api/v1/rounds/{id}/summary), is what the contract declares for its status and media type; returns its body.
     */
    public static JsonNode conforms(String method, String template, Response answer) {
        String mediaType = answer.contentType() == null ? "" : answer.contentType().split(";")[0].trim();
        JsonNode body = read(answer.asString());
        JsonNode declared = responseSchema(method, template, answer.statusCode(), mediaType);
        List<String> violations = violations(declared, body);
        String shown = body.toString();
        assertEquals(List.of(), violations.subList(0, Math.min(violations.size(), 40)), method + " " + template + " "
                + answer.statusCode() + " " + mediaType + " does not match the contract (" + violations.size()
                + " violations); the answer was " + shown.substring(0, Math.min(shown.length(), 3000)));
        return body;
    }

    /** The paths of the contract that have an operation {@code method}, e.g. /api/v1/rounds/{id}/summary. */
    static List<String> paths(String method) {
        List<String> paths = new java.util.ArrayList<>();
        contract().get("paths").fields().forEachRemaining(e -> {
            if (e.getValue().has(method.toLowerCase())) {
                paths.add(e.getKey());
            }
        });
        return paths;
    }

    /** Every path of the contract with the methods it declares in upper case, e.g. /api/v1/regions → [GET]. */
    static java.util.SortedMap<String, java.util.Set<String>> methodsByPath() {
        java.util.SortedMap<String, java.util.Set<String>> paths = new java.util.TreeMap<>();
        contract().get("paths").fields().forEachRemaining(e -> {
            java.util.Set<String> methods = new java.util.TreeSet<>();
            e.getValue().fieldNames().forEachRemaining(k -> {
                if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(k)) {
                    methods.add(k.toUpperCase());
                }
            });
            paths.put(e.getKey(), methods);
        });
        return paths;
    }

    /**
     * The query parameters of the operation {@code method} on {@code template}, by name, each with whether the
     * contract marks it required (a name the operation's parameters list under {@code in: query}).
     */
    static java.util.SortedMap<String, Boolean> queryParameters(String method, String template) {
        java.util.SortedMap<String, Boolean> parameters = new java.util.TreeMap<>();
        for (JsonNode p : contract().path("paths").path(template).path(method.toLowerCase()).path("parameters")) {
            if ("query".equals(p.path("in").asText())) {
                parameters.put(p.path("name").asText(), p.path("required").asBoolean(false));
            }
        }
        return parameters;
    }

    /** The violations of {@code answer} as {@link #conforms} finds them, each prefixed with the operation and status. */
    static List<String> violationsOf(String method, String template, Response answer) {
        String mediaType = answer.contentType() == null ? "" : answer.contentType().split(";")[0].trim();
        if (!mediaType.endsWith("json")) {
            return List.of();
        }
        JsonNode declared;
        try {
            declared = responseSchema(method, template, answer.statusCode(), mediaType);
        } catch (AssertionError e) {
            return List.of(e.getMessage());
        }
        String at = method + " " + template + " " + answer.statusCode() + ": ";
        return violations(declared, read(answer.asString())).stream().map(v -> at + v).toList();
    }

    /** Each way {@code body} departs from {@code schema} (whose references point into the contract's components). */
    static List<String> violations(JsonNode schema, JsonNode body) {
        ObjectNode root = schema.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", contract().get("components"));
        JsonSchema validator = FACTORY.getSchema(root, CONFIG);
        return validator.validate(body).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The schema of the answer {@code status} (else default) of the operation, for {@code mediaType}. */
    static JsonNode responseSchema(String method, String template, int status, String mediaType) {
        JsonNode operation = contract().path("paths").path(template).path(method.toLowerCase());
        assertNotNull(operation.get("responses"), "the contract has no operation " + method + " " + template);
        JsonNode response = operation.get("responses").has(String.valueOf(status))
                ? operation.get("responses").get(String.valueOf(status)) : operation.get("responses").get("default");
        assertNotNull(response, method + " " + template + " declares no answer " + status);
        if (response.has("$ref")) {
            String ref = response.get("$ref").asText();
            response = contract().path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        JsonNode schema = response.path("content").path(mediaType).get("schema");
        assertNotNull(schema, method + " " + template + " " + status + " declares no " + mediaType + " body");
        return schema;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
