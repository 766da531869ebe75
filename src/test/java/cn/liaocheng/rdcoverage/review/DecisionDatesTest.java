package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.review.Workflow.act;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue #19, decisions with their real dates: decidedOn on RECOGNIZE/REJECT, the round calendar, RECOGNIZE waiting
 * for an open on-site inspection, and an INDUSTRY inspection concluding without verified capacity.
 */
@QuarkusTest
class DecisionDatesTest {
    static final String REGION = "371526";

    private static Map<String, Object> recognizeOn(LocalDate date, String reason) {
        Map<String, Object> body = new HashMap<>(Map.of("action", "RECOGNIZE", "decidedOn", date.toString()));
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    @Test
    void theCityDatesItsDecisionWithinTheRoundAndExplainsLateOnes() {
        LocalDate today = TestData.today();
        String round = Workflow.openRound();                                       // opened 60 days ago
        String[] a = Workflow.applicationIn("UNDER_ASSESSMENT", REGION, round);
        String app = a[0];
        Workflow.backdate(app, 50);                                                // made and moved 50 days ago
        act(city(), app, recognizeOn(today.plusDays(1), null)).statusCode(400).body("errors[0].field", equalTo("decidedOn"));
        act(city(), app, recognizeOn(today.minusDays(61), "会议")).statusCode(400).body("errors[0].field", equalTo("decidedOn"))
                .body("errors[0].message", containsString("before round " + round + " opened"));
        act(city(), app, recognizeOn(today.minusDays(45), null)).statusCode(400).body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", containsString("more than 30 days back"));

        act(city(), app, recognizeOn(today.minusDays(45), "市政府常务会议认定，系统上线前")).statusCode(200)
                .body("status", equalTo("RECOGNIZED"))
                .body("decision.decidedOn", equalTo(today.minusDays(45).toString()))
                .body("timeline[-1].reason", containsString("decided on " + today.minusDays(45)))
                .body("timeline[-1].reason", containsString("市政府常务会议"))
                .body("awards[0].proposedOn", equalTo(today.minusDays(45).toString()));
        city().get("/api/v1/institutions/" + a[2]).then().body("recognizedOn", equalTo(today.minusDays(45).toString()));
        city().get("/api/v1/applications/" + app + "/history").then().statusCode(200)
                .body("items.findAll { it.resource == 'application' }[-1].state.decidedOn", equalTo(today.minusDays(45).toString()));

        // a recent date needs no reason; REJECT carries its date too
        String[] b = Workflow.applicationIn("COUNTY_APPROVED", REGION, round);
        act(city(), b[0], Map.of("action", "START_ASSESSMENT", "decidedOn", today.toString())).statusCode(400)
                .body("errors[0].field", equalTo("decidedOn"));
        act(city(), b[0], "START_ASSESSMENT").statusCode(200);
        act(city(), b[0], Map.of("action", "REJECT", "decidedOn", today.minusDays(3).toString())).statusCode(400)
                .body("errors[0].field", equalTo("decidedOn"))
                .body("errors[0].message", equalTo("must not be before the application's earlier step START_ASSESSMENT on " + today));
        Workflow.backdate(b[0], 5);
        act(city(), b[0], Map.of("action", "REJECT", "decidedOn", today.minusDays(3).toString())).statusCode(200)
                .body("status", equalTo("REJECTED")).body("decision.decidedOn", equalTo(today.minusDays(3).toString()));
    }

    @Test
    void applicationsFollowTheRoundCalendar() {
        LocalDate today = TestData.today();
        String code = Workflow.enterprise(REGION, 350, 52_000_000);
        String inst = Workflow.institution(code);
        String future = Workflow.round(today.plusDays(10), today.plusDays(100));
        TestData.enterprise(code).contentType("application/json").body(Map.of("institutionId", inst, "roundId", future))
                .post("/api/v1/applications").then().statusCode(409)
                .body("type", containsString("round-not-yet-open"))
                .body("detail", containsString("opens on " + today.plusDays(10)));
        String past = Workflow.round(today.minusDays(100), today.minusDays(1));
        TestData.enterprise(code).contentType("application/json").body(Map.of("institutionId", inst, "roundId", past))
                .post("/api/v1/applications").then().statusCode(409)
                .body("type", containsString("round-closed-for-applications"))
                .body("detail", containsString("closed for applications on " + today.minusDays(1)));
        String open = Workflow.openRound();
        Workflow.apply(code, inst, open);
    }

    @Test
    void recognitionWaitsForAnOpenOnSiteInspectionUnlessTheCityCancelsIt() {
        String round = Workflow.openRound();
        String app = Workflow.applicationIn("UNDER_ASSESSMENT", REGION, round)[0];
        var assigned = city().contentType("application/json").body(Map.of("applicationId", app, "kind", "ON_SITE",
                        "assessorKind", "EXPERT", "assessorId", "expert-19", "assessorName", "王专家"))
                .post("/api/v1/inspections").then().statusCode(201).extract();
        String inspection = assigned.path("id");
        act(city(), app, "RECOGNIZE").statusCode(409)
                .body("type", containsString("inspection-open"))
                .body("inspectionId", equalTo(inspection))
                .body("detail", containsString(inspection));
        city().contentType("application/json").body(Map.of()).post("/api/v1/inspections/" + inspection + "/cancellation")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        county(REGION).contentType("application/json").body(Map.of("reason", "x"))
                .post("/api/v1/inspections/" + inspection + "/cancellation").then().statusCode(403);
        city().contentType("application/json").body(Map.of("reason", "专家回避，改为材料审查"))
                .post("/api/v1/inspections/" + inspection + "/cancellation").then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("findings", containsString("专家回避"));
        TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-19")).contentType("application/json")
                .body(Map.of("findings", "迟到的记录")).patch("/api/v1/inspections/" + inspection).then().statusCode(409);
        act(city(), app, "RECOGNIZE").statusCode(200).body("status", equalTo("RECOGNIZED"))
                .body("decision.capacitySource", equalTo("DECLARED"));
    }

    @Test
    void anIndustryInstitutionsOnSiteInspectionConcludesWithoutVerifiedCapacity() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise(REGION, 50, 21_000_000);
        String inst = Workflow.industryInstitution(code);
        String app = Workflow.apply(code, inst, round);
        act(TestData.enterprise(code), app, "SUBMIT").statusCode(200);
        act(county(REGION), app, "COUNTY_APPROVE").statusCode(200);
        act(city(), app, "START_ASSESSMENT").statusCode(200);
        String inspection = city().contentType("application/json").body(Map.of("applicationId", app, "kind", "ON_SITE",
                        "assessorKind", "EXPERT", "assessorId", "expert-20"))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-20")).contentType("application/json")
                .body(Map.of("conductedOn", TestData.today().toString(), "findings", "服务协议履行良好", "conclusion", "PASS"))
                .patch("/api/v1/inspections/" + inspection).then().statusCode(200)
                .body("status", equalTo("CONCLUDED")).body("conclusion", equalTo("PASS"));
        act(city(), app, "RECOGNIZE").statusCode(200).body("status", equalTo("RECOGNIZED"));
    }

    /**
     * A decision is not dated before the application's earlier steps (tester: submitted 2026-12-01, recognised as of
     * 2026-07-01, which backdated the coverage and the award): 400 naming decidedOn in zh and en, nothing stored.
     */
    @Test
    void aDecisionIsNeverDatedBeforeTheSubmissionOrAnyEarlierStep() {
        LocalDate today = TestData.today();
        String round = Workflow.openRound();
        String[] a = Workflow.applicationIn("UNDER_ASSESSMENT", REGION, round);
        Workflow.backdate(a[0], 20);                   // created, submitted, approved and under assessment 20 days ago
        act(city(), a[0], recognizeOn(today.minusDays(21), "会议")).statusCode(400)
                .body("errors[0].field", equalTo("decidedOn"))
                .body("errors[0].message", equalTo("must not be before the application's earlier step START_ASSESSMENT on "
                        + today.minusDays(20)));
        TestData.city().header("Accept-Language", "zh-CN").contentType("application/json").body(recognizeOn(today.minusDays(21), "会议"))
                .post("/api/v1/applications/" + a[0] + "/transitions").then().statusCode(400)
                .body("errors[0].field", equalTo("decidedOn"))
                .body("errors[0].message", equalTo("不能早于申报的上一步骤 START_ASSESSMENT（" + today.minusDays(20) + "）"));
        city().get("/api/v1/applications/" + a[0]).then().body("status", equalTo("UNDER_ASSESSMENT"))
                .body("decision", org.hamcrest.Matchers.nullValue());
        city().get("/api/v1/institutions/" + a[2]).then().body("status", equalTo("DECLARED"))
                .body("recognizedOn", org.hamcrest.Matchers.nullValue());

        // an on-site inspection concluded 10 days ago: neither the decision nor the inspection goes before its step
        String inspection = city().contentType("application/json").body(Map.of("applicationId", a[0], "kind", "ON_SITE",
                        "assessorKind", "EXPERT", "assessorId", "expert-21"))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        var assessor = TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-21"));
        assessor.contentType("application/json").body(Map.of("conductedOn", today.minusDays(21).toString()))
                .patch("/api/v1/inspections/" + inspection).then().statusCode(400)
                .body("errors[0].field", equalTo("conductedOn"))
                .body("errors[0].message", equalTo("must not be before the application's earlier step START_ASSESSMENT on "
                        + today.minusDays(20)));
        TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-21")).contentType("application/json")
                .body(Map.of("conductedOn", today.minusDays(10).toString(), "findings", "现场核查属实", "conclusion", "PASS",
                        "verifiedCapacity", Map.of("personnel", 6, "equipmentValue", 600_000, "rdExpenditure", 520_000,
                                "floorArea", 60, "projectCount", 3, "hasRules", true, "hasStableFunding", true)))
                .patch("/api/v1/inspections/" + inspection).then().statusCode(200).body("conductedOn", equalTo(today.minusDays(10).toString()));
        act(city(), a[0], recognizeOn(today.minusDays(11), "会议")).statusCode(400)
                .body("errors[0].message", equalTo("must not be before the application's earlier step inspection " + inspection
                        + " on " + today.minusDays(10)));
        act(city(), a[0], recognizeOn(today.minusDays(10), null)).statusCode(200)
                .body("decision.decidedOn", equalTo(today.minusDays(10).toString()))
                .body("awards[0].proposedOn", equalTo(today.minusDays(10).toString()));
        city().get("/api/v1/institutions/" + a[2]).then().body("recognizedOn", equalTo(today.minusDays(10).toString()));
    }
}
