package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.role;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /api/v1/awards/transitions: finance approves and pays many awards, each with its voucher (issue 17). */
@QuarkusTest
class AwardBatchTest {
    static final String REGION = "371526";

    /** A PROPOSED city award of 100,000 yuan for a fresh MEDIUM enterprise. */
    static String proposedAward(String round) {
        String code = Workflow.enterprise(REGION, 350, 52_000_000);
        String app = AwardTest.underAssessment(code, REGION, round);
        return Workflow.act(city(), app, "RECOGNIZE").statusCode(200).extract().path("awards[0].id");
    }

    static Map<String, Object> item(String id, String action, Object... more) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("action", action);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    static io.restassured.response.ValidatableResponse batch(RequestSpecification who, List<?> items, boolean atomic) {
        return who.contentType("application/json").body(Map.of("items", items, "atomic", atomic))
                .post("/api/v1/awards/transitions").then();
    }

    static Map<String, Object> stored(String id) {
        return role("FINANCE").get("/api/v1/awards/" + id).then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void theSingleTransitionHonoursIfMatchAsTheBatchDoes() {
        String id = proposedAward(Workflow.openRound());
        String etag = role("FINANCE").get("/api/v1/awards/" + id).then().statusCode(200).extract().header("ETag");
        role("FINANCE").header("If-Match", "\"999\"").contentType("application/json").body(Map.of("action", "APPROVE"))
                .post("/api/v1/awards/" + id + "/transitions").then().statusCode(412);
        org.junit.jupiter.api.Assertions.assertEquals("PROPOSED", stored(id).get("status"));
        role("FINANCE").header("If-Match", etag).contentType("application/json").body(Map.of("action", "APPROVE"))
                .post("/api/v1/awards/" + id + "/transitions").then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void financeApprovesAndPaysManyEachWithItsVoucher() {
        String round = Workflow.openRound();
        String a = proposedAward(round);
        String b = proposedAward(round);
        String c = proposedAward(round);
        String today = TestData.today().toString();

        batch(role("FINANCE"), List.of(item(a, "APPROVE"), item(b, "APPROVE"), item(c, "APPROVE")), true)
                .statusCode(200).body("applied", equalTo(3)).body("items.status", equalTo(List.of("APPROVED", "APPROVED", "APPROVED")));

        // non-atomic: the item without a voucher fails with the single request's 400, the others are paid
        batch(role("FINANCE"), List.of(item(a, "DISBURSE", "paidOn", today, "voucherRef", "CZ-2026-001"),
                item(b, "DISBURSE", "paidOn", today),
                item(c, "DISBURSE", "paidOn", today, "voucherRef", "CZ-2026-003")), false)
                .statusCode(200).body("applied", equalTo(2)).body("failed", equalTo(1))
                .body("items[1].problem.status", equalTo(400))
                .body("items[1].problem.errors[0].field", equalTo("voucherRef"));
        assertEquals("DISBURSED", stored(a).get("status"));
        assertEquals("CZ-2026-001", stored(a).get("voucherRef"));
        assertEquals(today, stored(a).get("disbursedOn"));
        assertEquals("APPROVED", stored(b).get("status"));
        assertEquals("CZ-2026-003", stored(c).get("voucherRef"));
    }

    @Test
    void atomicPaysNothingWhenOneItemIsIllegal() {
        String round = Workflow.openRound();
        String a = proposedAward(round);
        String b = proposedAward(round);
        String today = TestData.today().toString();
        batch(role("FINANCE"), List.of(item(a, "APPROVE")), false).statusCode(200);

        // b is still PROPOSED: DISBURSE is illegal there, so a is not approved... nor paid
        batch(role("FINANCE"), List.of(item(a, "DISBURSE", "paidOn", today, "voucherRef", "CZ-1"),
                item(b, "DISBURSE", "paidOn", today, "voucherRef", "CZ-2")), true)
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/batch-not-applied"))
                .body("failedIndex", equalTo(1))
                .body("items[1].problem.allowedActions", equalTo(List.of("APPROVE", "CANCEL")));
        assertEquals("APPROVED", stored(a).get("status"));
        assertEquals(null, stored(a).get("voucherRef"));
        assertEquals("PROPOSED", stored(b).get("status"));
    }

    @Test
    void rolesAndScopeAreThoseOfTheSingleTransition() {
        String round = Workflow.openRound();
        String a = proposedAward(round);
        // the city may cancel but not approve; the items say so one by one
        batch(city(), List.of(item(a, "APPROVE"), item(UUID.randomUUID().toString(), "CANCEL", "reason", "重复")), false)
                .statusCode(200).body("applied", equalTo(0))
                .body("items[0].problem.status", equalTo(403))
                .body("items[1].problem.status", equalTo(404));
        batch(TestData.county(REGION), List.of(item(a, "APPROVE")), false).statusCode(403);
        batch(TestData.enterprise(TestData.creditCode(REGION)), List.of(item(a, "APPROVE")), false).statusCode(403);
        assertEquals("PROPOSED", stored(a).get("status"));

        // If-Match per item
        batch(role("FINANCE"), List.of(item(a, "APPROVE", "ifMatch", "\"7\"")), false).statusCode(200)
                .body("items[0].problem.status", equalTo(412));
        batch(role("FINANCE"), List.of(item(a, "APPROVE", "ifMatch", "\"0\"")), false).statusCode(200)
                .body("items[0].status", equalTo("APPROVED")).body("items", hasSize(1));
    }
}
