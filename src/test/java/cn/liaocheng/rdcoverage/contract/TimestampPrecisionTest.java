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
     * A resource just created was last changed then: its create answer, and its first GET, show one instant as both
     * createdAt and updatedAt (an institution showed two: its declaration read the clock a second time).
     */
    @Test
    void aNewResourceWasLastChangedWhenItWasCreated() {
        String code = TestData.creditCode("371502");
        var enterprise = city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "聊城同一时刻有限公司", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201).extract();
        var institution = city().contentType(ContentType.JSON).body(Map.of("name", "同一时刻中心", "kind", "TECH_CENTER",
                        "buildMode", "SINGLE", "participants", List.of(code)))
                .post("/api/v1/institutions").then().statusCode(201).extract();
        String id = institution.path("id");
        var designation = city().contentType(ContentType.JSON)
                .body(Map.of("level", "PROVINCIAL", "program", "省级企业技术中心", "grantedOn", "2021-06-01"))
                .post("/api/v1/institutions/" + id + "/designations").then().log().ifValidationFails().statusCode(201).extract();
        var group = city().contentType(ContentType.JSON).body(Map.of("name", "同一时刻督导组",
                        "members", List.of(Map.of("supervisorId", "S-" + code, "name", "督导")), "regionCodes", List.of("371502")))
                .post("/api/v1/supervision-groups").then().log().ifValidationFails().statusCode(201).extract();
        for (var created : List.of(enterprise, designation, group)) {
            assertEquals((String) created.path("createdAt"), created.path("updatedAt"), created.asString());
        }
        var read = city().get("/api/v1/enterprises/" + code).then().statusCode(200).extract();
        assertEquals((String) read.path("createdAt"), read.path("updatedAt"));
        // the institution's own times, read before the designation moved its updatedAt
        assertEquals((String) institution.path("createdAt"), institution.path("updatedAt"), institution.asString());
        String groupId = group.path("id");
        var readGroup = city().get("/api/v1/supervision-groups/" + groupId).then().statusCode(200).extract();
        assertEquals((String) readGroup.path("createdAt"), readGroup.path("updatedAt"));
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
