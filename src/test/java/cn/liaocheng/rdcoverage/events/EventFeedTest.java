package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EventFeedTest {
    static final int YEAR = TestData.today().getYear();

    @Inject
    Retention retention;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEnterprisesLifeIsInTheFeedInOrderWithATombstone() {
        String start = Feed.head(city());
        String code = TestData.creditCode("371502");
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "东昌机械", "regionCode", "371502",
                "figures", List.of(Map.of("year", YEAR, "employees", 350, "revenue", 52_000_000)))).post("/api/v1/enterprises").then().statusCode(201);
        String etag = city().get("/api/v1/enterprises/" + code).then().extract().header("ETag");
        int createdVersion = Integer.parseInt(etag.replace("\"", "").replace("W/", ""));
        // what the service showed at that version (a later GET shows the same, to the precision the column keeps)
        Map<String, Object> afterUpdate = city().contentType("application/json").header("If-Match", etag)
                .body(Map.of("name", "东昌机械有限公司", "regionCode", "371502")).put("/api/v1/enterprises/" + code).then().statusCode(200)
                .extract().jsonPath().getMap("");
        city().contentType("application/json").body(Map.of("employees", 300, "revenue", 40_000_000))
                .put("/api/v1/enterprises/" + code + "/figures/" + (YEAR - 1)).then().statusCode(201);
        String figuresTag = city().get("/api/v1/enterprises/" + code + "/figures/" + (YEAR - 1)).then().statusCode(200).extract().header("ETag");
        city().header("If-Match", figuresTag).delete("/api/v1/enterprises/" + code + "/figures/" + (YEAR - 1)).then().statusCode(204);
        city().header("If-Match", "*").delete("/api/v1/enterprises/" + code).then().statusCode(204);

        List<Map<String, Object>> events = Feed.follow(TestData::city, start, Feed.about(code), 6);
        assertEquals(List.of("enterprise.created", "figures.updated", "enterprise.updated", "figures.updated", "figures.deleted",
                "enterprise.deleted"), Feed.types(events));
        Map<String, Object> created = events.get(0);
        assertEquals(Map.of("kind", "enterprise", "id", code), created.get("subject"));
        assertEquals("东昌机械", data(created).get("name"));
        assertEquals(createdVersion, created.get("version"));
        assertEquals(code + "/" + YEAR, ((Map<?, ?>) events.get(1).get("subject")).get("id"));
        assertEquals(350, data(events.get(1)).get("employees"));
        // data is what GET showed at that version
        assertEquals(afterUpdate, data(events.get(2)));
        assertEquals(createdVersion + 1, events.get(2).get("version"));
        assertEquals(Map.of("id", code + "/" + (YEAR - 1), "deleted", true), data(events.get(4)));
        assertEquals(Map.of("id", code, "deleted", true), data(events.get(5)));
        assertEquals(Map.of("kind", "enterprise", "id", code), events.get(5).get("subject"));
        assertEquals(createdVersion + 2, events.get(5).get("version"));
        long previous = 0;
        for (Map<String, Object> e : events) {
            long cursor = Long.parseLong((String) e.get("cursor"));
            assertTrue(cursor > previous, "cursors ascend");
            previous = cursor;
            assertTrue(String.valueOf(e.get("occurredAt")).endsWith("Z"));
        }
    }

    @Test
    void eachCallerReadsTheEventsOfItsScope() {
        String start = Feed.head(city());
        String mine = TestData.creditCode("371502");
        String other = TestData.creditCode("371521");
        for (String[] e : new String[][]{{mine, "371502"}, {other, "371521"}}) {
            city().contentType("application/json").body(Map.of("creditCode", e[0], "name", "范围企业", "regionCode", e[1]))
                    .post("/api/v1/enterprises").then().statusCode(201);
        }
        Feed.follow(TestData::city, start, Feed.about(other), 1);
        assertEquals(List.of("enterprise.created"), Feed.types(Feed.follow(() -> TestData.county("371502"), start, Feed.about(mine), 1)));
        assertEquals(List.of(), Feed.follow(() -> TestData.county("371502"), start, Feed.about(other), 0));
        assertEquals(List.of("enterprise.created"), Feed.types(Feed.follow(() -> TestData.county("371521"), start, Feed.about(other), 1)));
        assertEquals(List.of("enterprise.created"), Feed.types(Feed.follow(() -> TestData.enterprise(mine), start, Feed.about(mine), 1)));
        assertEquals(List.of(), Feed.follow(() -> TestData.enterprise(mine), start, Feed.about(other), 0));
        assertEquals(2, Feed.follow(() -> TestData.role("PROVINCE"), start, e -> Feed.about(mine).test(e) || Feed.about(other).test(e), 2).size());
        // a county officer's page of nothing still moves its cursor to the end of the feed
        String head = Feed.head(city());
        TestData.county("371573").queryParam("after", start).get("/api/v1/events").then().statusCode(200)
                .body("items.size()", equalTo(0)).body("next", equalTo(head));
    }

    @Test
    void typesFilterAndPagesOfLimit() {
        String start = Feed.head(city());
        String code = TestData.creditCode("371502");
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "分页企业", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        city().header("If-Match", "*").delete("/api/v1/enterprises/" + code).then().statusCode(204);
        Feed.follow(TestData::city, start, Feed.about(code), 2);
        city().queryParam("after", start).queryParam("types", "enterprise.deleted").queryParam("limit", 1000).get("/api/v1/events")
                .then().statusCode(200).body("items.type", org.hamcrest.Matchers.everyItem(equalTo("enterprise.deleted")))
                .body("items.subject.id", hasItem(code));
        String first = city().queryParam("after", start).queryParam("limit", 1).get("/api/v1/events").then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().path("items[0].cursor");
        city().queryParam("after", start).queryParam("limit", 1).get("/api/v1/events").then().body("next", equalTo(first));
    }

    @Test
    void badCursorsLimitsAndTypesAreProblemsNamingTheField() {
        city().queryParam("limit", 0).get("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        city().queryParam("limit", 1001).get("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        city().queryParam("after", "abc").get("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("after"));
        city().queryParam("after", "-1").get("/api/v1/events").then().statusCode(400).body("errors[0].field", equalTo("after"));
        city().queryParam("types", "enterprise.created,enterprise.exploded").get("/api/v1/events").then().statusCode(400)
                .body("errors[0].field", equalTo("types")).body("errors[0].message", containsString("enterprise.exploded"));
        TestData.as(TestData.token("ASSESSOR", "assessorId", "A-1")).get("/api/v1/events").then().statusCode(403);
        RestAssured.given().get("/api/v1/events").then().statusCode(401);
    }

    @Test
    void aCursorBeyondTheEndOfTheFeedIsRefusedRatherThanWaitedFor() {
        long head = Long.parseLong(Feed.head(city()));
        String beyond = Long.toString(head + 1_000_000);
        // taken as it was, the reader would skip the next million events without a word
        city().header("Accept-Language", "en").queryParam("after", beyond).get("/api/v1/events").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"))
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("is beyond the end of the feed ("));
        city().header("Accept-Language", "zh-CN").queryParam("after", beyond).get("/api/v1/events").then().statusCode(400)
                .body("errors[0].message", org.hamcrest.Matchers.startsWith("超出事件流末尾（最新游标为 "));
        TestData.role("ADMIN").contentType("application/json").body(Map.of("url", "http://127.0.0.1:9/hook", "after", beyond))
                .post("/api/v1/webhook-subscriptions").then().statusCode(400).body("errors[0].field", equalTo("after"));
        // the head itself is where a follower starts: nothing skipped
        city().queryParam("after", Long.toString(head)).get("/api/v1/events").then().statusCode(200);
    }

    @Test
    void aCursorOlderThanTheRetentionIsGoneWithA410() throws Exception {
        String code = TestData.creditCode("371502");
        String start = Feed.head(city());
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "旧事件企业", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        String cursor = (String) Feed.follow(TestData::city, start, Feed.about(code), 1).get(0).get("cursor");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("update event_outbox set occurred_at = ? where feed_position <= ?")) {
            ps.setObject(1, LocalDateTime.now(ZoneOffset.UTC).minusDays(91));
            ps.setLong(2, Long.parseLong(cursor));
            ps.executeUpdate();
        }
        assertTrue(retention.purge() >= Long.parseLong(cursor));
        city().queryParam("after", start).get("/api/v1/events").then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", containsString("cursor-expired"))
                .body("detail", containsString("Re-sync from the lists"))
                .body("errors[0].field", equalTo("after"))
                .body("oldestCursor", equalTo(cursor));
        city().queryParam("after", cursor).get("/api/v1/events").then().statusCode(200);
        city().get("/api/v1/events").then().statusCode(200);
    }

    @Test
    void anInstitutionsReviewRecognitionAwardAndDeletionAreInTheFeed() {
        String start = Feed.head(city());
        String[] recognized = cn.liaocheng.rdcoverage.review.Workflow.applicationIn("RECOGNIZED", "371502",
                cn.liaocheng.rdcoverage.review.Workflow.openRound());
        String app = recognized[0];
        String code = recognized[1];
        String inst = recognized[2];
        java.util.function.Predicate<Map<String, Object>> ours = e -> Feed.about(inst).test(e) || Feed.about(app).test(e)
                || String.valueOf(e.get("type")).startsWith("award.") && code.equals(data(e).get("creditCode"));
        // created, 5 application states (DRAFT..RECOGNIZED), recognised, the city award proposed
        List<Map<String, Object>> events = Feed.follow(TestData::city, start, ours, 8);
        assertEquals("institution.created", events.get(0).get("type"));
        assertEquals(List.of("DRAFT", "SUBMITTED", "COUNTY_APPROVED", "UNDER_ASSESSMENT", "RECOGNIZED"), events.stream()
                .filter(e -> "application.transitioned".equals(e.get("type"))).map(e -> data(e).get("status")).toList());
        assertTrue(Feed.types(events).contains("institution.recognized"));
        Map<String, Object> award = events.stream().filter(e -> "award.proposed".equals(e.get("type"))).findFirst().orElseThrow();
        assertEquals("CITY_FIRST_RECOGNITION", data(award).get("program"));
        assertEquals("PROPOSED", data(award).get("status"));
        assertEquals(100000, ((Number) data(award).get("amount")).intValue(), "MEDIUM: 100,000 yuan");
        // the enterprise sees its own institution's events; another region's county officer none of them
        assertTrue(Feed.types(Feed.follow(() -> TestData.enterprise(code), start, Feed.about(inst), 2)).contains("institution.recognized"));
        assertEquals(List.of(), Feed.follow(() -> TestData.county("371521"), start, ours, 0));

        // a declared institution renamed, then deleted: institution.updated with the new name, then a tombstone
        String start2 = Feed.head(city());
        String other = cn.liaocheng.rdcoverage.review.Workflow.enterprise("371502", 350, 52_000_000);
        String declared = cn.liaocheng.rdcoverage.review.Workflow.institution(other);
        String etag = city().get("/api/v1/institutions/" + declared).then().statusCode(200).extract().header("ETag");
        city().contentType("application/json").header("If-Match", etag).body(Map.of("name", "技术中心（更名）", "kind", "TECH_CENTER",
                        "buildMode", "SINGLE", "participants", List.of(other),
                        "cooperations", List.of(Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01",
                                "activities", "联合攻关"))))
                .put("/api/v1/institutions/" + declared).then().statusCode(200);
        String institutionTag = city().get("/api/v1/institutions/" + declared).then().statusCode(200).extract().header("ETag");
        city().header("If-Match", institutionTag).delete("/api/v1/institutions/" + declared).then().statusCode(204);
        List<Map<String, Object>> life = Feed.follow(TestData::city, start2, Feed.about(declared), 3);
        assertEquals(List.of("institution.created", "institution.updated", "institution.deleted"), Feed.types(life));
        assertEquals("技术中心（更名）", data(life.get(1)).get("name"));
        assertEquals(Map.of("id", declared, "deleted", true), data(life.get(2)));
        assertEquals(Map.of("kind", "institution", "id", declared), life.get(2).get("subject"));
    }

    @Test
    void designationsRevocationsAndTargetsAreInTheFeed() {
        String start = Feed.head(city());
        String[] recognized = cn.liaocheng.rdcoverage.review.Workflow.applicationIn("RECOGNIZED", "371502",
                cn.liaocheng.rdcoverage.review.Workflow.openRound());
        String inst = recognized[2];
        String today = TestData.today().toString();
        String designation = city().contentType("application/json")
                .body(Map.of("level", "PROVINCIAL", "program", "省企业技术中心", "grantedOn", today))
                .post("/api/v1/institutions/" + inst + "/designations").then().statusCode(201).extract().path("id");
        city().contentType("application/json").body(Map.of("revokedOn", today, "reason", "摘牌"))
                .post("/api/v1/institutions/" + inst + "/designations/" + designation + "/revocations").then().statusCode(200);
        List<Map<String, Object>> designations = Feed.follow(TestData::city, start, Feed.about(designation), 2);
        assertEquals(List.of("designation.granted", "designation.revoked"), Feed.types(designations));
        assertEquals(inst, data(designations.get(0)).get("institutionId"));
        assertEquals("摘牌", data(designations.get(1)).get("revocationReason"));

        // the award proposed on recognition, approved and disbursed by finance
        String code = recognized[1];
        String award = (String) ((Map<?, ?>) Feed.follow(TestData::city, start, e -> "award.proposed".equals(e.get("type"))
                && code.equals(data(e).get("creditCode")), 1).get(0).get("subject")).get("id");
        TestData.role("FINANCE").contentType("application/json").body(Map.of("action", "APPROVE"))
                .post("/api/v1/awards/" + award + "/transitions").then().statusCode(200);
        TestData.role("FINANCE").contentType("application/json")
                .body(Map.of("action", "DISBURSE", "paidOn", today, "voucherRef", "CZ-16"))
                .post("/api/v1/awards/" + award + "/transitions").then().statusCode(200);
        List<Map<String, Object>> awards = Feed.follow(TestData::city, start, Feed.about(award), 3);
        assertEquals(List.of("award.proposed", "award.approved", "award.disbursed"), Feed.types(awards));
        assertEquals("CZ-16", data(awards.get(2)).get("voucherRef"));
        assertEquals(Map.of("kind", "award", "id", award), awards.get(2).get("subject"));

        // the institution revoked afterwards: its award already paid stays as it was
        city().contentType("application/json").body(Map.of("revokedOn", today, "reason", "撤销"))
                .post("/api/v1/institutions/" + inst + "/revocations").then().statusCode(200);
        List<Map<String, Object>> revoked = Feed.follow(TestData::city, start,
                e -> Feed.about(inst).test(e) && "institution.revoked".equals(e.get("type")), 1);
        assertEquals("REVOKED", data(revoked.get(0)).get("status"));

        int year = 2050 + (int) (System.nanoTime() % 49);
        String targetStart = Feed.head(city());
        var created = city().contentType("application/json")
                .body(Map.of("year", year, "regionCode", "371526", "coverageRate", 0.8, "provincialIncrease", 2))
                .post("/api/v1/targets").then().statusCode(201).extract();
        String target = created.path("id");
        city().contentType("application/json").header("If-Match", created.header("ETag"))
                .body(Map.of("year", year, "regionCode", "371526", "coverageRate", 1, "provincialIncrease", 3))
                .put("/api/v1/targets/" + target).then().statusCode(200);
        // targets are for everyone, an enterprise included
        List<Map<String, Object>> targets = Feed.follow(() -> TestData.enterprise(recognized[1]), targetStart, Feed.about(target), 2);
        assertEquals(List.of("target.created", "target.updated"), Feed.types(targets));
        assertEquals(3, data(targets.get(1)).get("provincialIncrease"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }
}
