package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue #13: "Timestamps: one precision (milliseconds) in every answer, the same on create as on a later read."
 * A create (and an update) answers its instants to the millisecond; a later GET must show the same millisecond, on H2
 * and on MariaDB (whose server announces itself as 5.5.5 to the MySQL connector, which then drops fractional seconds
 * unless the dialect binds them itself).
 */
@QuarkusTest
class TimestampPrecisionTest {

    private static void sameInstants(ExtractableResponse<Response> written, ExtractableResponse<Response> read) {
        for (String field : List.of("createdAt", "updatedAt")) {
            String w = written.path(field);
            if (w != null) {
                assertEquals(w, read.path(field), field + " written vs read");
            }
        }
    }

    @Test
    void anEnterpriseReadsBackTheMillisecondsItWasCreatedAndUpdatedWith() {
        String code = TestData.creditCode("371502");
        var created = city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "聊城毫秒精度有限公司", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201).extract();
        sameInstants(created, city().get("/api/v1/enterprises/" + code).then().statusCode(200).extract());
        var updated = city().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Map.of("creditCode", code, "name", "聊城毫秒精度二有限公司", "regionCode", "371502"))
                .put("/api/v1/enterprises/" + code).then().statusCode(200).extract();
        sameInstants(updated, city().get("/api/v1/enterprises/" + code).then().statusCode(200).extract());
    }

    @Test
    void anInstitutionReadsBackTheMillisecondsItWasCreatedWith() {
        String code = TestData.creditCode("371502");
        city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "聊城毫秒中心有限公司", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        var created = city().contentType(ContentType.JSON).body(Map.of("name", "毫秒中心", "kind", "TECH_CENTER",
                        "buildMode", "SINGLE", "participants", List.of(code)))
                .post("/api/v1/institutions").then().statusCode(201).extract();
        String id = created.path("id");
        sameInstants(created, city().get("/api/v1/institutions/" + id).then().statusCode(200).extract());
    }

    /**
     * The feed's occurredAt is written by plain JDBC (events.Changes), not Hibernate: three events of one enterprise
     * all at a whole second would be a one-in-a-billion coincidence, or the fraction being dropped.
     */
    @Test
    @SuppressWarnings("unchecked")
    void feedEventsKeepTheirMilliseconds() throws InterruptedException {
        String start = city().get("/api/v1/events/head").then().statusCode(200).extract().path("next");
        String code = TestData.creditCode("371502");
        var created = city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "聊城事件毫秒有限公司", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201).extract();
        String etag = created.header("ETag");
        for (String name : List.of("聊城事件毫秒二有限公司", "聊城事件毫秒三有限公司")) {
            etag = city().contentType(ContentType.JSON).header("If-Match", etag)
                    .body(Map.of("creditCode", code, "name", name, "regionCode", "371502"))
                    .put("/api/v1/enterprises/" + code).then().statusCode(200).extract().header("ETag");
        }
        List<String> at = new java.util.ArrayList<>();
        for (int attempt = 0; attempt < 50 && at.size() < 3; attempt++) {
            at.clear();
            List<Map<String, Object>> items = city().queryParam("after", start).queryParam("limit", 1000)
                    .get("/api/v1/events").then().statusCode(200).extract().jsonPath().getList("items");
            for (Map<String, Object> e : items) {
                if (code.equals(((Map<String, Object>) e.get("subject")).get("id"))) {
                    at.add((String) e.get("occurredAt"));
                }
            }
            if (at.size() < 3) {
                Thread.sleep(100);
            }
        }
        assertEquals(3, at.size(), "three events of " + code);
        org.junit.jupiter.api.Assertions.assertFalse(at.stream().allMatch(t -> t.endsWith(".000Z")),
                "occurredAt in whole seconds: " + at);
    }
}
