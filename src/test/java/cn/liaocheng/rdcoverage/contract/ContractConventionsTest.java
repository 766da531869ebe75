package cn.liaocheng.rdcoverage.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conventions every operation of the served contract follows (README "API contract conventions"), so that an
 * endpoint added tomorrow cannot leave a generated client with {@code unknown}: a unique camelCase operationId, a
 * typed body for every success answer, problems on every error status, unique schema names without Java leaks.
 */
@QuarkusTest
class ContractConventionsTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern CAMEL = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static JsonNode contract;

    @BeforeEach
    void read() throws Exception {
        if (contract != null) {
            return;
        }
        String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        contract = new ObjectMapper().readTree(json);
    }

    private static List<String[]> operations() {
        List<String[]> ops = new ArrayList<>();
        contract.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                ops.add(new String[]{m.getKey().toUpperCase(), path.getKey()});
            }
        }));
        return ops;
    }

    private static JsonNode op(String[] o) {
        return contract.get("paths").get(o[1]).get(o[0].toLowerCase());
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() {
        List<String> missing = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String[] o : operations()) {
            JsonNode id = op(o).get("operationId");
            if (id == null || !CAMEL.matcher(id.asText()).matches()) {
                missing.add(o[0] + " " + o[1]);
            } else if (!seen.add(id.asText())) {
                duplicates.add(id.asText());
            }
        }
        assertEquals(List.of(), missing, "operations without a camelCase operationId (@Operation(operationId = ...))");
        assertEquals(List.of(), duplicates, "operationIds used twice");
    }

    @Test
    void everySuccessAnswerHasATypedBody() {
        List<String> untyped = new ArrayList<>();
        int typed = 0;
        for (String[] o : operations()) {
            JsonNode responses = op(o).get("responses");
            boolean any2xx = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> r = it.next();
                if (!r.getKey().startsWith("2")) {
                    continue;
                }
                any2xx = true;
                if (r.getKey().equals("204")) {
                    if (r.getValue().has("content")) {
                        untyped.add(o[0] + " " + o[1] + " 204 with a body");
                    }
                    continue;
                }
                JsonNode content = r.getValue().get("content");
                if (content == null || content.isEmpty()) {
                    untyped.add(o[0] + " " + o[1] + " " + r.getKey() + " without content");
                    continue;
                }
                content.fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().get("schema");
                    if (schema == null || schema.isEmpty()) {
                        untyped.add(o[0] + " " + o[1] + " " + r.getKey() + " " + media.getKey() + " untyped");
                    }
                });
            }
            if (!any2xx) {
                untyped.add(o[0] + " " + o[1] + " has no success answer");
            } else {
                typed++;
            }
        }
        assertEquals(List.of(), untyped, "success answers need a schema: @APIResponse(responseCode, content = @Content(schema = "
                + "@Schema(implementation = ...))) on methods that return Response; 204 for deletes");
        assertTrue(typed > 0);
    }

    @Test
    void everyErrorStatusIsAProblem() {
        List<String> bare = new ArrayList<>();
        for (String[] o : operations()) {
            op(o).get("responses").fields().forEachRemaining(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5") || r.getKey().equals("default")) {
                    JsonNode ref = r.getValue().get("$ref");
                    JsonNode content = r.getValue().get("content");
                    boolean problem = ref != null ? ref.asText().startsWith("#/components/responses/")
                            : content != null && content.has("application/problem+json");
                    if (!problem) {
                        bare.add(o[0] + " " + o[1] + " " + r.getKey());
                    }
                }
            });
            for (String status : List.of("401", "403")) {
                if (op(o).has("security") && !op(o).get("responses").has(status)) {
                    bare.add(o[0] + " " + o[1] + " lacks " + status);
                }
            }
        }
        assertEquals(List.of(), bare, "error answers must be application/problem+json");
    }

    /**
     * A property the service leaves out when it is null ({@code @JsonInclude(NON_NULL)}, marked x-optional in the
     * code) is not required in the contract, and the marker itself is not served: a generated client must not type
     * {@code submittedOn} of a draft application as always present (the JSON of a draft has no such key).
     */
    @Test
    void propertiesLeftOutWhenNullAreOptional() {
        assertTrue(!contract.toString().contains("x-optional"), "x-optional served in the contract");
        JsonNode required = contract.get("components").get("schemas").get("ApplicationView").get("required");
        List<String> names = new ArrayList<>();
        required.forEach(n -> names.add(n.asText()));
        assertTrue(names.contains("id") && names.contains("status"), "ApplicationView requires " + names);
        for (String optional : List.of("submittedOn", "decision", "awards", "allowedActions")) {
            assertTrue(!names.contains(optional), "ApplicationView." + optional + " is left out when null, but required: " + names);
        }
    }

    @Test
    void schemaNamesAreUniqueAndMeaningful() {
        List<String> leaks = new ArrayList<>();
        contract.get("components").get("schemas").fieldNames().forEachRemaining(name -> {
            if (Character.isDigit(name.charAt(name.length() - 1)) || name.startsWith("Json") || name.equals("Object")) {
                leaks.add(name);
            }
        });
        assertEquals(List.of(), leaks, "schema names that leak Java (a clash numbered by the generator, Jackson types): "
                + "name them with @Schema(name = ...)");
    }

    @Test
    void noDevelopmentEndpointInTheContract() {
        List<String> dev = new ArrayList<>();
        contract.get("paths").fieldNames().forEachRemaining(p -> {
            if (p.contains("/dev/")) {
                dev.add(p);
            }
        });
        assertEquals(List.of(), dev);
    }

    @Test
    void createsAnswer201WithLocationAndDeletes204() {
        List<String> wrong = new ArrayList<>();
        for (String[] o : operations()) {
            JsonNode responses = op(o).get("responses");
            String id = op(o).path("operationId").asText();
            if (o[0].equals("POST") && id.startsWith("create") && !(responses.has("201")
                    && responses.get("201").path("headers").has("Location"))) {
                wrong.add(id + " without 201 + Location");
            }
            if (o[0].equals("DELETE") && !responses.has("204")) {
                wrong.add(id + " without 204");
            }
            if (o[0].equals("GET") && o[1].endsWith("}") && !responses.has("304")) {
                wrong.add(id + " without 304");
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * Issue #13, "every list that answers JSON also answers CSV": a GET whose JSON answer is a page (items and total)
     * offers text/csv too. The change feed is not a list officials download (a cursor stream of typed events), nor
     * listAttachments (an application's materials with the kinds required and missing; each file is downloaded itself).
     * Left open: a CSV of the materials list would need a writer of its own (AttachmentList is not a PageResult).
     */
    @Test
    void everyPagedListAlsoAnswersCsv() {
        List<String> jsonOnly = new ArrayList<>();
        int lists = 0;
        for (String[] o : operations()) {
            JsonNode ok = op(o).path("responses").path("200").path("content");
            JsonNode schema = ok.path("application/json").path("schema");
            if (!o[0].equals("GET") || !schema.has("$ref") || o[1].startsWith("/api/v1/events")) {
                continue;
            }
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            JsonNode properties = contract.path("components").path("schemas").path(name).path("properties");
            if (properties.has("items") && properties.has("total")) {
                lists++;
                if (!ok.has("text/csv")) {
                    jsonOnly.add(op(o).path("operationId").asText());
                }
            }
        }
        assertTrue(lists >= 20, "paged lists found: " + lists);
        assertEquals(List.of(), jsonOnly, "paged lists without text/csv (add CsvOutput.MEDIA_TYPE to @Produces; PageCsv writes it)");
    }

    /**
     * A paged list's CSV asked for in Chinese (the default) has a Chinese header for every column: each property of the
     * list's item schema is a key of {@code ExportHeaders.properties}, which {@code Exports.header} reads.
     */
    @Test
    void everyPagedListsCsvColumnHasAChineseHeader() throws Exception {
        java.util.Properties labels = new java.util.Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream("ExportHeaders.properties")) {
            labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> missing = new java.util.TreeSet<>();
        for (String[] o : operations()) {
            JsonNode ok = op(o).path("responses").path("200").path("content");
            JsonNode schema = ok.path("application/json").path("schema");
            if (!o[0].equals("GET") || !schema.has("$ref") || !ok.has("text/csv")) {
                continue;
            }
            JsonNode item = schema(schema).path("properties").path("items").path("items");
            schema(item).path("properties").fieldNames().forEachRemaining(field -> {
                if (!labels.containsKey(field)) {
                    missing.add(field + " (" + op(o).path("operationId").asText() + ")");
                }
            });
        }
        assertEquals(Set.of(), missing, "CSV columns without a Chinese header in ExportHeaders.properties");
    }

    private static JsonNode schema(JsonNode refOrSchema) {
        return refOrSchema.has("$ref")
                ? contract.path("components").path("schemas").path(refOrSchema.get("$ref").asText().substring("#/components/schemas/".length()))
                : refOrSchema;
    }

    /** Issue #13, "304 on every single resource": a GET of one resource (its path ends in a parameter) declares ETag and 304. */
    @Test
    void everySingleResourceDeclaresEtagAnd304() {
        List<String> without = new ArrayList<>();
        for (String[] o : operations()) {
            if (!o[0].equals("GET") || !o[1].endsWith("}")) {
                continue;
            }
            JsonNode responses = op(o).path("responses");
            if (!responses.has("304") || !responses.path("200").path("headers").has("ETag")) {
                without.add(op(o).path("operationId").asText());
            }
        }
        assertEquals(List.of(), without, "single-resource GETs without ETag and 304");
    }
}
