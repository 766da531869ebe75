package cn.liaocheng.rdcoverage.common;

import cn.liaocheng.rdcoverage.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, High 1: every write endpoint of the served contract (read from /q/openapi, so a new endpoint is covered
 * without touching this test) gets bodies whose numbers are extreme: {@code 1e999999999} (a 1 GB number as plain
 * text), {@code -1e20}, a 400-digit literal, a fraction of 20 digits. Each answer is
 * a 400 problem naming a field (the import: its own 400/422 listing the row), never a 5xx, and the service stays up.
 */
@QuarkusTest
class ExtremeValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** JSON number literals, written out as they are sent. */
    static final List<String> EXTREMES = List.of("1e999999999", "-1e20", "1" + "0".repeat(400), "0.12345678901234567890");

    record Endpoint(String method, String path, String content, JsonNode schema) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    @Test
    void everyWriteEndpointAnswers400ToExtremeNumbersAndTheServiceLives() throws Exception {
        JsonNode contract = JSON.readTree(given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<Endpoint> endpoints = writeEndpoints(contract);
        assertTrue(endpoints.size() >= 25, "write endpoints found in the contract: " + endpoints);

        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : List.of("CITY_OFFICER", "ADMIN", "ASSESSOR", "FINANCE", "PROVINCE")) {
            tokens.put(role, TestData.token(role, role.equals("ASSESSOR") ? "assessorId" : null, "a-1"));
        }
        tokens.put("COUNTY_OFFICER", TestData.token("COUNTY_OFFICER", "regionCode", "371502"));
        tokens.put("ENTERPRISE", TestData.token("ENTERPRISE", "creditCode", TestData.creditCode()));

        Map<String, Integer> statusCounts = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (String extreme : EXTREMES) {
                for (boolean everyLeaf : new boolean[]{false, true}) {
                    String body = e.content.equals("application/json")
                            ? write(e.schema, contract, extreme, everyLeaf)
                            : "[{\"creditCode\":\"" + TestData.creditCode() + "\",\"name\":\"x\",\"regionCode\":\"371502\","
                                    + "\"year\":" + extreme + ",\"employees\":" + extreme + ",\"revenue\":" + extreme + "}]";
                    if (!everyLeaf && !body.contains(extreme)) {
                        continue; // no number in this body: the every-leaf round covers it
                    }
                    Response answer = send(e, body, tokens);
                    int status = answer.statusCode();
                    statusCounts.merge(status / 100 + "xx " + status, 1, Integer::sum);
                    String what = e + " " + (everyLeaf ? "every value " : "numbers ") + shorten(extreme) + " -> " + status;
                    boolean isImport = e.path.endsWith("/import");
                    if (isImport ? status != 400 && status != 422 : status != 400) {
                        failures.add(what + " " + shorten(answer.asString()));
                    } else if (!"application/problem+json".equals(answer.contentType().split(";")[0])) {
                        failures.add(what + " without a problem body");
                    } else if (!isImport && answer.path("errors[0].field") == null) {
                        failures.add(what + " names no field: " + shorten(answer.asString()));
                    }
                }
            }
            report.add(e.toString());
        }
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        System.out.println("ExtremeValuesTest: " + endpoints.size() + " write endpoints: " + report);
        System.out.println("ExtremeValuesTest: answers by status: " + statusCounts);
        assertEquals(List.of(), failures);
        assertFalse(statusCounts.keySet().stream().anyMatch(k -> k.startsWith("5")), statusCounts.toString());
    }

    /** POST, PUT and PATCH operations with a JSON body (or the import's JSON form), from the served contract. */
    static List<Endpoint> writeEndpoints(JsonNode contract) {
        List<Endpoint> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch")) {
                JsonNode op = path.getValue().get(method);
                if (op == null || op.get("requestBody") == null) {
                    continue;
                }
                JsonNode content = op.get("requestBody").get("content");
                if (content.has("multipart/form-data") && !path.getKey().endsWith("/import")) {
                    continue; // a file upload (attachments): no JSON numbers; its limits are AttachmentTest's
                }
                // the import reads any type (xlsx, CSV, JSON, NDJSON, multipart) by content: it gets the JSON form here
                JsonNode json = content.has("application/json") || !path.getKey().endsWith("/import")
                        ? content.get("application/json") : content.get("*/*");
                if (json != null && json.has("schema") && !json.get("schema").path("format").asText().equals("binary")
                        && !path.getKey().endsWith("/import")) {
                    found.add(new Endpoint(method, path.getKey(), "application/json", json.get("schema")));
                } else if (json != null) {
                    found.add(new Endpoint(method, path.getKey(), "import", json.get("schema")));
                } else {
                    throw new AssertionError(method + " " + path.getKey() + " takes no JSON body: extend this test");
                }
            }
        }
        return found;
    }

    private static Response send(Endpoint e, String body, Map<String, String> tokens) {
        String path = e.path.replace("{code}", "371502").replace("{creditCode}", TestData.creditCode())
                .replace("{year}", "2024").replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
        Response last = null;
        for (String token : tokens.values()) {
            last = given().header("Authorization", "Bearer " + token).header("If-Match", "\"0\"")
                    .contentType("application/json").body(body).request(e.method, path);
            if (last.statusCode() != 403) {
                return last;
            }
        }
        return last;
    }

    /** A body following the schema: numbers (or, with everyLeaf, every value) are the extreme literal. */
    static String write(JsonNode schema, JsonNode contract, String extreme, boolean everyLeaf) {
        StringBuilder sb = new StringBuilder();
        value(sb, schema, contract, extreme, everyLeaf, 0);
        return sb.toString();
    }

    private static void value(StringBuilder sb, JsonNode schema, JsonNode contract, String extreme, boolean everyLeaf, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            value(sb, contract.get("components").get("schemas").get(name), contract, extreme, everyLeaf, depth);
            return;
        }
        if (schema.has("allOf")) {
            value(sb, schema.get("allOf").get(0), contract, extreme, everyLeaf, depth);
            return;
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        if (depth > 6) {
            sb.append("null");
            return;
        }
        switch (type) {
            case "object" -> {
                sb.append('{');
                boolean first = true;
                JsonNode props = schema.get("properties");
                if (props != null) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> p = it.next();
                        if (p.getValue().path("readOnly").asBoolean(false)) {
                            continue;
                        }
                        sb.append(first ? "" : ",").append('"').append(p.getKey()).append("\":");
                        first = false;
                        value(sb, p.getValue(), contract, extreme, everyLeaf, depth + 1);
                    }
                } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
                    // a map keyed by an enum (tiers, size classes): the keys of the policy documents
                    for (String key : List.of("LARGE", "MEDIUM", "SMALL")) {
                        sb.append(first ? "" : ",").append('"').append(key).append("\":");
                        first = false;
                        value(sb, schema.get("additionalProperties"), contract, extreme, everyLeaf, depth + 1);
                    }
                }
                sb.append('}');
            }
            case "array" -> {
                sb.append('[');
                value(sb, schema.path("items"), contract, extreme, everyLeaf, depth + 1);
                sb.append(']');
            }
            case "integer", "number" -> sb.append(extreme);
            case "boolean" -> sb.append(everyLeaf ? extreme : "true");
            default -> {
                if (everyLeaf) {
                    sb.append(extreme);
                } else if (schema.has("enum")) {
                    sb.append('"').append(schema.get("enum").get(0).asText()).append('"');
                } else if ("date".equals(schema.path("format").asText())) {
                    sb.append("\"2024-06-30\"");
                } else {
                    sb.append("\"2024H2\"");
                }
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
