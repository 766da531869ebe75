package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-time award (先建后补, 不重复支持) and county supplements (issue 6). */
@QuarkusTest
class AwardTest {
    /**
     * A new institution of the enterprise, its application taken through SUBMIT, COUNTY_APPROVE, START_ASSESSMENT and
     * the city's RECOGNIZE; the answer to RECOGNIZE (200, status RECOGNIZED, with its awards and award notes).
     */
    static ValidatableResponse recognize(String code, String region, String round) {
        return Workflow.act(city(), underAssessment(code, region, round), "RECOGNIZE").statusCode(200)
                .body("status", equalTo("RECOGNIZED"));
    }

    /** A new institution of the enterprise with its application UNDER_ASSESSMENT; the application id. */
    static String underAssessment(String code, String region, String round) {
        String app = Workflow.apply(code, Workflow.institution(code), round);
        for (String action : List.of("SUBMIT", "COUNTY_APPROVE", "START_ASSESSMENT")) {
            Workflow.act(Workflow.as(action, code, region), app, action).statusCode(200);
        }
        return app;
    }

    @Test
    void recognitionProposesTheAwardOfTheSizeClassOnceAndFinancePaysIt() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371522", 350, 52_000_000);
        ValidatableResponse recognized = recognize(code, "371522", round);
        String app = recognized.extract().path("id");
        String awardId = recognized
                .body("awards", hasSize(1))
                .body("awards[0].program", equalTo("CITY_FIRST_RECOGNITION"))
                .body("awards[0].amount", equalTo(100000.0f))
                .body("awards[0].tier", equalTo("MEDIUM"))
                .body("awards[0].status", equalTo("PROPOSED"))
                .body("awards[0].applicationId", equalTo(app))
                .body("awards[0].policyId", equalTo("liaocheng-2020"))
                .extract().path("awards[0].id");

        // a second institution of the same enterprise: recognized, but no second award, and it says why
        recognize(code, "371522", round)
                .body("awards", hasSize(0))
                .body("awardNotes[0].reason", equalTo("ALREADY_AWARDED"));

        role("FINANCE").contentType("application/json").body(Map.of("action", "DISBURSE", "paidOn", "2026-01-01", "voucherRef", "X"))
                .post("/api/v1/awards/" + awardId + "/transitions").then().statusCode(409)
                .body("allowedActions", equalTo(List.of("APPROVE", "CANCEL")));
        city().contentType("application/json").body(Map.of("action", "APPROVE"))
                .post("/api/v1/awards/" + awardId + "/transitions").then().statusCode(403);
        role("FINANCE").contentType("application/json").body(Map.of("action", "APPROVE"))
                .post("/api/v1/awards/" + awardId + "/transitions").then().statusCode(200).body("status", equalTo("APPROVED"));
        role("FINANCE").contentType("application/json").body(Map.of("action", "DISBURSE"))
                .post("/api/v1/awards/" + awardId + "/transitions").then().statusCode(400)
                .body("errors.field", equalTo(List.of("paidOn", "voucherRef")));
        role("FINANCE").contentType("application/json").body(Map.of("action", "DISBURSE", "paidOn", TestData.today().toString(), "voucherRef", "=CZ2026-118"))
                .post("/api/v1/awards/" + awardId + "/transitions").then().statusCode(200)
                .body("status", equalTo("DISBURSED")).body("voucherRef", equalTo("=CZ2026-118"));

        role("FINANCE").get("/api/v1/awards/" + awardId + "/history").then().statusCode(200)
                .body("items.state.status", equalTo(List.of("PROPOSED", "APPROVED", "DISBURSED")))
                .body("items[1].role", equalTo("FINANCE"))
                .body("items[2].changed", equalTo(List.of("status", "disbursedOn", "voucherRef")));
        TestData.county("371502").get("/api/v1/awards/" + awardId + "/history").then().statusCode(404);
        byte[] csv = role("FINANCE").accept("text/csv").queryParam("creditCode", code).get("/api/v1/awards").then()
                .statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFid,program,creditCode"), text);
        assertTrue(text.contains(code) && text.contains("DISBURSED") && text.contains("'=CZ2026-118"), text);
        TestData.enterprise(code).get("/api/v1/awards").then().body("items", hasSize(1));
        TestData.county("371502").get("/api/v1/awards/" + awardId).then().statusCode(404);
    }

    /**
     * A cancelled award frees its key, so the city can propose the award again by hand; a later institution of the
     * enterprise is not its first recognised one (初次通过审核确认), so it earns no automatic award.
     */
    @Test
    void aCancelledAwardDoesNotCountAsPaid() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371525", 40, 25_000_000);
        String awardId = recognize(code, "371525", round)
                .body("awards[0].amount", equalTo(50000.0f)).extract().path("awards[0].id");
        role("FINANCE").contentType("application/json").body(Map.of("action", "CANCEL"))
                .post("/api/v1/awards/" + awardId + "/transitions").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        city().contentType("application/json").body(Map.of("action", "CANCEL", "reason", "申报材料有误"))
                .post("/api/v1/awards/" + awardId + "/transitions").then().statusCode(200).body("status", equalTo("CANCELLED"));
        String institution = recognize(code, "371525", round).body("awards", hasSize(0))
                .body("awardNotes[0].reason", equalTo("NOT_FIRST_RECOGNITION")).extract().path("institutionId");
        city().contentType("application/json").body(Map.of("program", "CITY_FIRST_RECOGNITION", "creditCode", code,
                        "institutionId", institution, "reason", "材料更正后重新提出"))
                .post("/api/v1/awards").then().statusCode(201).body("status", equalTo("PROPOSED")).body("amount", equalTo(50000.0f));
    }

    @Test
    void aCountySupplementIsProposedWhereOneIsInForce() {
        String region = "371526";
        String round = Workflow.openRound();
        int status = TestData.county(region).contentType("application/json")
                .body(Map.of("effectiveFrom", "2021-01-01", "mode", "PERCENT", "percentOfCity", 50))
                .post("/api/v1/regions/" + region + "/award-policy").then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "supplement policy: " + status);
        TestData.county("371502").contentType("application/json")
                .body(Map.of("effectiveFrom", "2021-01-01", "mode", "PERCENT", "percentOfCity", 50))
                .post("/api/v1/regions/" + region + "/award-policy").then().statusCode(403);
        TestData.county(region).contentType("application/json").body(Map.of("effectiveFrom", "2022-01-01", "mode", "FIXED"))
                .post("/api/v1/regions/" + region + "/award-policy").then().statusCode(400).body("errors[0].field", equalTo("amounts"));
        String code = Workflow.enterprise(region, 350, 52_000_000);
        recognize(code, region, round)
                .body("awards", hasSize(2))
                .body("awards.find { it.program == 'CITY_FIRST_RECOGNITION' }.amount", equalTo(100000.0f))
                .body("awards.find { it.program == 'COUNTY_SUPPLEMENT' }.amount", equalTo(50000.0f))
                .body("awards.find { it.program == 'COUNTY_SUPPLEMENT' }.basis", containsString("50% of the city award"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswer() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371581", 40, 25_000_000);
        String awardId = recognize(code, "371581", round).extract().path("awards[0].id");
        String finance = TestData.token("FINANCE", null, null);
        for (int i = 0; i < 2; i++) {
            TestData.as(finance).header("Idempotency-Key", "approve-" + awardId).contentType("application/json")
                    .body(Map.of("action", "APPROVE")).post("/api/v1/awards/" + awardId + "/transitions").then()
                    .statusCode(200).body("status", equalTo("APPROVED"));
        }
        TestData.as(finance).header("Idempotency-Key", "approve-" + awardId).contentType("application/json")
                .body(Map.of("action", "CANCEL", "reason", "x")).post("/api/v1/awards/" + awardId + "/transitions").then()
                .statusCode(422).contentType("application/problem+json");
        TestData.as(finance).contentType("application/json").body(Map.of("action", "APPROVE"))
                .post("/api/v1/awards/" + awardId + "/transitions").then().statusCode(409);
    }

    @Test
    void fiftyConcurrentRecognitionsAndTransitionsPayOneAwardAndNeverFail() throws Exception {
        String region = "371503";
        String round = Workflow.openRound();
        String code = Workflow.enterprise(region, 350, 52_000_000);
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            apps.add(underAssessment(code, region, round));
        }
        String cityToken = TestData.token("CITY_OFFICER", null, null);
        String financeToken = TestData.token("FINANCE", null, null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String app : apps) {
                calls.add(() -> TestData.as(cityToken).contentType("application/json").body(Map.of("action", "RECOGNIZE"))
                        .post("/api/v1/applications/" + app + "/transitions").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "recognitions: " + statuses);
            List<String> awardIds = city().queryParam("creditCode", code).queryParam("program", "CITY_FIRST_RECOGNITION")
                    .get("/api/v1/awards").then().extract().path("items.id");
            assertEquals(1, awardIds.size(), "exactly one first-recognition award");

            List<Callable<Integer>> transitions = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                transitions.add(() -> TestData.as(financeToken).contentType("application/json").body(Map.of("action", "APPROVE"))
                        .post("/api/v1/awards/" + awardIds.get(0) + "/transitions").then().extract().statusCode());
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(transitions)) {
                results.add(f.get());
            }
            assertEquals(1, results.stream().filter(s -> s == 200).count(), "one approval wins: " + results);
            assertTrue(results.stream().allMatch(s -> s == 200 || s == 409), "the others are 409, never 500: " + results);
        } finally {
            pool.shutdownNow();
        }
        city().queryParam("creditCode", code).get("/api/v1/awards").then()
                .body("items.findAll { it.program == 'CITY_FIRST_RECOGNITION' }", hasSize(1))
                .body("items[0].status", equalTo("APPROVED"));
    }
}
