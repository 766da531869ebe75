package cn.liaocheng.rdcoverage.integrity;

import cn.liaocheng.rdcoverage.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static cn.liaocheng.rdcoverage.TestData.city;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, item 7 and the extension of Idempotency-Key to every creating POST: keyed on issuer, subject, method
 * and path; the caller's scope re-checked before a replay; replays carry the ETag.
 */
@QuarkusTest
class IdempotencyTest {
    /**
     * POSTs that create nothing: a computation (what-if, development tokens) or the bulk import (an upsert by credit
     * code and year, whose retry writes the same rows). Every other POST of the served contract must take an
     * Idempotency-Key, so a new creating POST fails this test until it does (or is listed here, with a reason).
     */
    static final java.util.Set<String> NOT_CREATING = java.util.Set.of("/api/v1/dev/tokens", "/api/v1/eligibility-assessments",
            "/api/v1/enterprises/import");

    @Test
    void everyCreatingPostOfTheServedContractTakesAnIdempotencyKey() throws Exception {
        JsonNode contract = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> creating = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = contract.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode post = path.getValue().get("post");
            if (post == null || (NOT_CREATING.contains(path.getKey()) && !post.path("responses").has("201"))) {
                continue;
            }
            creating.add(path.getKey());
            boolean takesKey = false;
            for (JsonNode p : post.path("parameters")) {
                JsonNode param = p.has("$ref") ? contract.at("/components/parameters/"
                        + p.get("$ref").asText().substring("#/components/parameters/".length())) : p;
                takesKey |= "header".equals(param.path("in").asText()) && "Idempotency-Key".equalsIgnoreCase(param.path("name").asText());
            }
            if (!takesKey) {
                missing.add(path.getKey());
            }
        }
        System.out.println("IdempotencyTest: POSTs that must take an Idempotency-Key (" + creating.size() + "): " + creating);
        assertTrue(creating.size() >= 15, creating.toString());
        assertEquals(List.of(), missing, "POSTs without Idempotency-Key");
    }

    private static void replays(RequestSpecification who, String path, Supplier<Object> body) {
        String key = UUID.randomUUID().toString();
        Object b = body.get();
        Response first = who.header("Idempotency-Key", key).contentType("application/json").body(b).post(path);
        assertEquals(201, first.statusCode(), path + ": " + first.asString());
        assertNull(first.header("Idempotent-Replayed"));
        Response again = who.header("Idempotency-Key", key).contentType("application/json").body(b).post(path);
        assertEquals(201, again.statusCode(), path + " replay: " + again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"), path);
        assertEquals(first.header("Location"), again.header("Location"), path);
        assertEquals(first.header("ETag"), again.header("ETag"), path);
        assertEquals(first.contentType(), again.contentType(), path);
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"), path);
    }

    @Test
    void theCreatingPostsThatIgnoredTheKeyNowReplay() {
        RequestSpecification c = city();
        replays(c, "/api/v1/enterprises", () -> Map.of("creditCode", TestData.creditCode(), "name", "幂等企业", "regionCode", "371502"));
        String code = TestData.creditCode();
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "幂等机构企业", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        Map<String, Object> institution = Map.of("name", "幂等技术中心", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                "participants", List.of(code));
        replays(city(), "/api/v1/institutions", () -> institution);
        String inst = city().contentType("application/json").body(institution).post("/api/v1/institutions")
                .then().statusCode(201).extract().path("id");
        replays(city(), "/api/v1/institutions/" + inst + "/designations",
                () -> Map.of("level", "PROVINCIAL", "program", "省级企业技术中心", "grantedOn", "2024-05-01"));
        int year = 2040 + (int) (System.nanoTime() % 50);
        replays(city(), "/api/v1/targets", () -> Map.of("year", year, "regionCode", "371581", "coverageRate", 0.5, "provincialIncrease", 1));
        replays(city(), "/api/v1/reports/snapshots", () -> Map.of("asOf", "2021-12-31"));
    }

    @Test
    void aKeyBelongsToItsPathAndSubject() {
        String key = UUID.randomUUID().toString();
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        city().header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("creditCode", a, "name", "路径一", "regionCode", "371502")).post("/api/v1/enterprises").then().statusCode(201);
        // the same key from another subject is another key
        TestData.as(TestData.token("CITY_OFFICER", "subject", "another-officer")).header("Idempotency-Key", key)
                .contentType("application/json").body(Map.of("creditCode", b, "name", "路径二", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201).header("Idempotent-Replayed", (String) null);
        // the same key on another path is another key
        int year = 2040 + (int) (System.nanoTime() % 50);
        city().header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("year", year, "regionCode", "371522", "coverageRate", 0.5, "provincialIncrease", 1))
                .post("/api/v1/targets").then().statusCode(201).header("Idempotent-Replayed", (String) null);
    }

    @Test
    void aReplayToTheSameSubjectWithAnotherScopeIsRefused() {
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        for (String code : List.of(a, b)) {
            city().contentType("application/json").body(Map.of("creditCode", code, "name", "范围企业", "regionCode", "371502"))
                    .post("/api/v1/enterprises").then().statusCode(201);
        }
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "范围技术中心", "kind", "TECH_CENTER", "buildMode", "SINGLE", "participants", List.of(a));
        String asA = tokenFor("shared-subject", a);
        String asB = tokenFor("shared-subject", b);
        Response first = TestData.as(asA).header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/v1/institutions");
        assertEquals(201, first.statusCode(), first.asString());
        Response other = TestData.as(asB).header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/v1/institutions");
        assertNotEquals(201, other.statusCode());
        assertEquals(403, other.statusCode(), other.asString());
        assertNull(other.header("Idempotent-Replayed"));
        assertNotNull(first.header("ETag"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        city().header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("creditCode", TestData.creditCode(), "name", "一", "regionCode", "371502")).post("/api/v1/enterprises")
                .then().statusCode(201);
        city().header("Idempotency-Key", key).contentType("application/json")
                .body(Map.of("creditCode", TestData.creditCode(), "name", "二", "regionCode", "371502")).post("/api/v1/enterprises")
                .then().statusCode(422).body("type", equalTo("/problems/idempotency-key-reused"));
    }

    private static String tokenFor(String subject, String creditCode) {
        return given().contentType("application/json").body(Map.of("role", "ENTERPRISE", "creditCode", creditCode, "subject", subject))
                .post("/api/v1/dev/tokens").then().statusCode(200).extract().path("token");
    }
}
