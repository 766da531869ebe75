package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** POST /api/v1/applications/transitions: each item as the single transition; atomic all-or-nothing (issue 17). */
@QuarkusTest
class BatchTransitionTest {
    static final String REGION = "371524";

    static Map<String, Object> item(String id, String action) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("action", action);
        m.put("comment", "批量审核");
        return m;
    }

    static io.restassured.response.ValidatableResponse batch(RequestSpecification who, Object items, Boolean atomic) {
        Map<String, Object> body = new HashMap<>();
        body.put("items", items);
        if (atomic != null) {
            body.put("atomic", atomic);
        }
        return who.contentType("application/json").body(body).post("/api/v1/applications/transitions").then();
    }

    static String status(String app) {
        return city().get("/api/v1/applications/" + app).then().statusCode(200).extract().path("status");
    }

    @Test
    void nonAtomicAppliesTheLegalItemsAndReportsTheIllegalOne() {
        String round = Workflow.openRound();
        String a = Workflow.applicationIn("SUBMITTED", REGION, round)[0];
        String b = Workflow.applicationIn("SUBMITTED", REGION, round)[0];
        String draft = Workflow.applicationIn("DRAFT", REGION, round)[0];
        String c = Workflow.applicationIn("SUBMITTED", REGION, round)[0];

        batch(county(REGION), List.of(item(a, "COUNTY_APPROVE"), item(b, "COUNTY_APPROVE"), item(draft, "COUNTY_APPROVE"),
                item(c, "RETURN")), null)
                .statusCode(200)
                .body("atomic", equalTo(false))
                .body("applied", equalTo(3))
                .body("failed", equalTo(1))
                .body("items", hasSize(4))
                .body("items[0].id", equalTo(a)).body("items[0].status", equalTo("COUNTY_APPROVED")).body("items[0].applied", equalTo(true))
                .body("items[0].etag", equalTo("\"2\""))
                .body("items[1].status", equalTo("COUNTY_APPROVED"))
                .body("items[2].id", equalTo(draft)).body("items[2].applied", equalTo(false)).body("items[2].status", nullValue())
                .body("items[2].problem.status", equalTo(409))
                .body("items[2].problem.allowedActions", equalTo(List.of())) // a county officer has no action on a DRAFT: only its own role's are listed
                .body("items[3].status", equalTo("RETURNED"));

        assertStatus(a, "COUNTY_APPROVED");
        assertStatus(b, "COUNTY_APPROVED");
        assertStatus(draft, "DRAFT");
        assertStatus(c, "RETURNED");
        // the timeline carries the item's comment, as the single transition would
        city().get("/api/v1/applications/" + a).then().body("timeline[-1].action", equalTo("COUNTY_APPROVE"))
                .body("timeline[-1].comment", equalTo("批量审核"));
    }

    @Test
    void nonAtomicBeyondOneChunkAppliesEveryLegalItemOnce() {
        // 55 items: the first 50 commit together (rd.batch.chunk-size), the second chunk fails at item 52 (a stale
        // If-Match), is rolled back and its items 50-51 applied again; 53-54 follow
        List<String> ids = BatchApprovalBench.submitted(55);
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (String id : ids) {
            items.add(item(id, "COUNTY_APPROVE"));
        }
        items.get(52).put("ifMatch", "\"7\"");
        batch(county(BatchApprovalBench.REGION), items, false).statusCode(200)
                .body("applied", equalTo(54)).body("failed", equalTo(1))
                .body("items[49].status", equalTo("COUNTY_APPROVED"))
                .body("items[50].applied", equalTo(true)).body("items[50].etag", equalTo("\"1\""))
                .body("items[51].status", equalTo("COUNTY_APPROVED"))
                .body("items[52].applied", equalTo(false)).body("items[52].problem.status", equalTo(412))
                .body("items[53].status", equalTo("COUNTY_APPROVED")).body("items[54].status", equalTo("COUNTY_APPROVED"));
        for (int i : new int[] {0, 49, 50, 51, 53, 54}) {
            assertStatus(ids.get(i), "COUNTY_APPROVED");
        }
        assertStatus(ids.get(52), "SUBMITTED");
        // the rolled-back first attempt left nothing behind: one approval in the timeline, version moved by one
        city().get("/api/v1/applications/" + ids.get(50)).then()
                .body("timeline.findAll { it.action == 'COUNTY_APPROVE' }", hasSize(1))
                .header("ETag", "\"1\"");
    }

    /** Issue 13: a failed item's problem speaks the client's language, as the single-item request's would. */
    @Test
    void aFailedItemsProblemIsInTheRequestedLanguage() {
        String round = Workflow.openRound();
        String draft1 = Workflow.applicationIn("DRAFT", REGION, round)[0];
        String draft2 = Workflow.applicationIn("DRAFT", REGION, round)[0];
        String han = ".*\\p{IsHan}.*";

        // non-atomic (200): the item's problem
        batch(county(REGION).header("Accept-Language", "zh-CN"), List.of(item(draft1, "COUNTY_APPROVE")), false)
                .statusCode(200).header("Content-Language", equalTo("zh-CN"))
                .body("items[0].problem.title", matchesPattern(han))
                .body("items[0].problem.detail", matchesPattern(han));
        batch(county(REGION).header("Accept-Language", "en"), List.of(item(draft1, "COUNTY_APPROVE")), false)
                .statusCode(200).header("Content-Language", equalTo("en"))
                .body("items[0].problem.title", not(matchesPattern(han)))
                .body("items[0].problem.detail", not(matchesPattern(han)));
        // atomic (409 batch-not-applied): the failing item's own problem inside it
        batch(county(REGION).header("Accept-Language", "zh-CN"), List.of(item(draft1, "COUNTY_APPROVE"),
                item(draft2, "COUNTY_APPROVE")), true)
                .statusCode(409).body("detail", matchesPattern(han))
                .body("items[0].problem.title", matchesPattern(han))
                .body("items[0].problem.detail", matchesPattern(han));
        batch(county(REGION).header("Accept-Language", "en"), List.of(item(draft1, "COUNTY_APPROVE"),
                item(draft2, "COUNTY_APPROVE")), true)
                .statusCode(409).body("items[0].problem.detail", not(matchesPattern(han)));
    }

    @Test
    void atomicAppliesNothingWhenOneItemIsIllegal() {
        String round = Workflow.openRound();
        String a = Workflow.applicationIn("SUBMITTED", REGION, round)[0];
        String draft = Workflow.applicationIn("DRAFT", REGION, round)[0];
        String b = Workflow.applicationIn("SUBMITTED", REGION, round)[0];

        batch(county(REGION), List.of(item(a, "COUNTY_APPROVE"), item(draft, "COUNTY_APPROVE"), item(b, "COUNTY_APPROVE")), true)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/batch-not-applied"))
                .body("failedIndex", equalTo(1))
                .body("items", hasSize(3))
                .body("items[0].applied", equalTo(false))
                .body("items[1].id", equalTo(draft))
                .body("items[1].problem.status", equalTo(409))
                .body("items[1].problem.currentStatus", equalTo("DRAFT"));
        assertStatus(a, "SUBMITTED");
        assertStatus(draft, "DRAFT");
        assertStatus(b, "SUBMITTED");

        batch(county(REGION), List.of(item(a, "COUNTY_APPROVE"), item(b, "COUNTY_REJECT")), true)
                .statusCode(200).body("atomic", equalTo(true)).body("applied", equalTo(2)).body("failed", equalTo(0))
                .body("items[1].status", equalTo("COUNTY_REJECTED"));
        assertStatus(a, "COUNTY_APPROVED");
        assertStatus(b, "COUNTY_REJECTED");
    }

    @Test
    void rolesAndScopeAreThoseOfTheSingleTransition() {
        String round = Workflow.openRound();
        String mine = Workflow.applicationIn("SUBMITTED", REGION, round)[0];
        String other = Workflow.applicationIn("SUBMITTED", "371525", round)[0];
        String approved = Workflow.applicationIn("COUNTY_APPROVED", REGION, round)[0];

        batch(county(REGION), List.of(item(mine, "COUNTY_APPROVE"), item(other, "COUNTY_APPROVE"),
                item(approved, "START_ASSESSMENT"), item(UUID.randomUUID().toString(), "COUNTY_APPROVE")), false)
                .statusCode(200)
                .body("applied", equalTo(1))
                .body("items[1].problem.status", equalTo(404))   // another county's application is not visible
                .body("items[2].problem.status", equalTo(403))   // START_ASSESSMENT is the city's
                .body("items[3].problem.status", equalTo(404));
        assertStatus(other, "SUBMITTED");
        assertStatus(approved, "COUNTY_APPROVED");

        // roles that take no application transition at all are refused at the door
        batch(TestData.role("FINANCE"), List.of(item(approved, "START_ASSESSMENT")), false).statusCode(403);
        batch(TestData.as(TestData.token("ASSESSOR", "assessorId", "exp-1")), List.of(item(approved, "START_ASSESSMENT")), false).statusCode(403);
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("items", List.of(item(approved, "START_ASSESSMENT"))))
                .post("/api/v1/applications/transitions").then().statusCode(401);
    }

    @Test
    void ifMatchPerItemIsChecked() {
        String round = Workflow.openRound();
        String a = Workflow.applicationIn("SUBMITTED", REGION, round)[0];
        String b = Workflow.applicationIn("SUBMITTED", REGION, round)[0];
        Map<String, Object> stale = item(a, "COUNTY_APPROVE");
        stale.put("ifMatch", "\"0\"");
        Map<String, Object> current = item(b, "COUNTY_APPROVE");
        current.put("ifMatch", "1");   // a bare version is accepted too
        batch(county(REGION), List.of(stale, current), false).statusCode(200)
                .body("items[0].problem.status", equalTo(412))
                .body("items[1].status", equalTo("COUNTY_APPROVED"));
        assertStatus(a, "SUBMITTED");
    }

    @Test
    void theBodyIsValidated() {
        String round = Workflow.openRound();
        String a = Workflow.applicationIn("SUBMITTED", REGION, round)[0];
        batch(county(REGION), List.of(), false).statusCode(400).body("errors[0].field", equalTo("items"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(item(UUID.randomUUID().toString(), "COUNTY_APPROVE"));
        }
        batch(county(REGION), tooMany, false).statusCode(400).body("errors[0].field", equalTo("items"));
        batch(county(REGION), List.of(item(a, "COUNTY_APPROVE"), item(a, "RETURN")), false).statusCode(400)
                .body("errors[0].field", equalTo("items[1].id"));
        Map<String, Object> noAction = new HashMap<>(Map.of("id", a));
        batch(county(REGION), List.of(noAction), false).statusCode(400).body("errors[0].field", equalTo("items[0].transition.action"));
        assertStatus(a, "SUBMITTED");
    }

    @Test
    void anIdempotencyKeyReplaysTheAnswer() {
        String round = Workflow.openRound();
        String a = Workflow.applicationIn("SUBMITTED", REGION, round)[0];
        String key = "batch-" + UUID.randomUUID();
        RequestSpecification officer = county(REGION);
        officer.header("Idempotency-Key", key);
        batch(officer, List.of(item(a, "COUNTY_APPROVE")), false).statusCode(200).body("applied", equalTo(1));
        RequestSpecification again = county(REGION).header("Idempotency-Key", key);
        batch(again, List.of(item(a, "COUNTY_APPROVE")), false).statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("applied", equalTo(1)).body("items[0].status", equalTo("COUNTY_APPROVED"));
        assertStatus(a, "COUNTY_APPROVED");
        // the timeline shows one approval, not two
        city().get("/api/v1/applications/" + a).then().body("timeline.findAll { it.action == 'COUNTY_APPROVE' }", hasSize(1));
    }

    static void assertStatus(String app, String expected) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, status(app));
    }
}
