package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.review.Workflow.act;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/** The twice-yearly 申报及审核 end to end, through HTTP with each role's token (issue 5). */
@QuarkusTest
class ReviewWorkflowTest {
    static final String REGION = "371524";

    @Test
    void anOverrideRecognitionOnFailedVerifiedCapacityIsKeptInTheRecord() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise(REGION, 350, 52_000_000);
        String inst = Workflow.institution(code);
        String app = Workflow.apply(code, inst, round);
        var enterprise = TestData.enterprise(code);

        act(enterprise, app, Map.of("action", "SUBMIT", "comment", "请审核")).statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("capacity.personnel", equalTo(6))
                .body("submittedOn", equalTo(TestData.today().toString()));
        act(county(REGION), app, Map.of("action", "COUNTY_APPROVE", "comment", "材料齐全")).statusCode(200).body("status", equalTo("COUNTY_APPROVED"));
        act(county("371502"), app, "START_ASSESSMENT").statusCode(404);
        act(city(), app, "START_ASSESSMENT").statusCode(200).body("status", equalTo("UNDER_ASSESSMENT"));

        String inspection = city().contentType("application/json").body(Map.of("applicationId", app, "kind", "ON_SITE",
                        "assessorKind", "EXPERT", "assessorId", "expert-7", "assessorName", "李专家"))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        var assessor = TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-7"));
        var stranger = TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-8"));
        stranger.get("/api/v1/inspections/" + inspection).then().statusCode(404);
        assessor.get("/api/v1/inspections").then().body("items.id", hasItem(inspection));
        TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-7")).contentType("application/json")
                .body(Map.of("conductedOn", TestData.today().toString(), "findings", "研发人员实有4人",
                        "verifiedCapacity", Map.of("personnel", 4, "equipmentValue", 600_000, "rdExpenditure", 520_000,
                                "floorArea", 60, "projectCount", 3, "hasRules", true, "hasStableFunding", true),
                        "conclusion", "RECTIFY"))
                .patch("/api/v1/inspections/" + inspection).then().statusCode(200)
                .body("status", equalTo("CONCLUDED")).body("verifiedCapacity.personnel", equalTo(4));
        TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-7")).contentType("application/json")
                .body(Map.of("findings", "改口")).patch("/api/v1/inspections/" + inspection).then().statusCode(409);

        act(city(), app, "RECOGNIZE").statusCode(422)
                .contentType("application/problem+json")
                .body("unmetCriteria.code", equalTo(List.of("PERSONNEL")))
                .body("unmetCriteria[0].required", equalTo(5))
                .body("unmetCriteria[0].actual", equalTo(4))
                .body("capacitySource", startsWith("ON_SITE_INSPECTION"));
        act(city(), app, Map.of("action", "RECOGNIZE", "override", true)).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        act(TestData.as(TestData.token("CITY_OFFICER", "subject", "zhang.taskforce")), app,
                Map.of("action", "RECOGNIZE", "override", true, "reason", "整改期内人员已补齐，专班研究同意认定", "comment", "市政府研究通过"))
                .statusCode(200)
                .body("status", equalTo("RECOGNIZED"))
                .body("decision.override", equalTo(true))
                .body("decision.overrideReason", containsString("专班研究同意"))
                .body("decision.policyId", equalTo("liaocheng-2020"))
                .body("decision.capacitySource", startsWith("ON_SITE_INSPECTION"))
                .body("decision.result.qualified", equalTo(false))
                .body("awards", hasSize(0))
                .body("awardNotes[0].reason", equalTo("OVERRIDE_NOT_PAID"))
                .body("awardNotes[0].detail", containsString("rd.awards.pay-overridden"));

        city().get("/api/v1/applications/" + app).then().statusCode(200)
                .body("timeline.action", equalTo(List.of("CREATE", "SUBMIT", "COUNTY_APPROVE", "START_ASSESSMENT", "RECOGNIZE")))
                .body("timeline[1].comment", equalTo("请审核"))
                .body("timeline[2].role", equalTo("COUNTY_OFFICER"))
                .body("timeline[4].actor", equalTo("zhang.taskforce"))
                .body("timeline[4].override", equalTo(true))
                .body("timeline[4].reason", containsString("专班研究同意"))
                .body("allowedActions", hasSize(0));
        city().get("/api/v1/applications/" + app).then().statusCode(200);
        TestData.enterprise(code).get("/api/v1/applications/" + app).then().statusCode(200);
        county("371502").get("/api/v1/applications/" + app).then().statusCode(404);
        city().get("/api/v1/institutions/" + inst).then()
                .body("status", equalTo("RECOGNIZED")).body("recognizedOn", equalTo(TestData.today().toString()));
        city().get("/api/v1/institutions/" + inst + "/history").then()
                .body("items.findAll { it.resource == 'institution' }.state.status", hasItem("RECOGNIZED"));
        city().get("/api/v1/policies/liaocheng-2020").then().body("locked", equalTo(true));
        city().get("/api/v1/applications/" + app + "/history").then().statusCode(200)
                .body("items.findAll { it.resource == 'application' }.state.status",
                        equalTo(List.of("DRAFT", "SUBMITTED", "COUNTY_APPROVED", "UNDER_ASSESSMENT", "RECOGNIZED")))
                .body("items.findAll { it.resource == 'inspection' }.state.conclusion", hasItem("RECTIFY"))
                .body("items.findAll { it.resource == 'application' }[4].changedBy", equalTo("zhang.taskforce"));
    }

    @Test
    void oneLiveApplicationPerInstitutionAndRound() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise(REGION, 350, 52_000_000);
        String inst = Workflow.institution(code);
        String first = Workflow.apply(code, inst, round);
        TestData.enterprise(code).contentType("application/json").body(Map.of("institutionId", inst, "roundId", round))
                .post("/api/v1/applications").then().statusCode(409);
        act(TestData.enterprise(code), first, "WITHDRAW").statusCode(200);
        Workflow.apply(code, inst, round);
    }

    @Test
    void applicationsAreSubmittedOnlyWhileTheRoundIsOpen() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise(REGION, 350, 52_000_000);
        String app = Workflow.apply(code, Workflow.institution(code), round);
        city().contentType("application/json").body(Map.of("action", "START_REVIEW")).post("/api/v1/rounds/" + round + "/transitions")
                .then().statusCode(200).body("status", equalTo("REVIEWING"));
        act(TestData.enterprise(code), app, "SUBMIT").statusCode(409).body("detail", containsString("OPEN"));
        city().contentType("application/json").body(Map.of("action", "START_REVIEW")).post("/api/v1/rounds/" + round + "/transitions")
                .then().statusCode(409).body("allowedActions", equalTo(List.of("CLOSE")));
        city().contentType("application/json").body(Map.of("id", "2031H3", "year", 2031, "half", 3, "opensOn", "2031-01-01", "closesOn", "2031-06-30"))
                .post("/api/v1/rounds").then().statusCode(400);
    }

    @Test
    void anActionOfAnotherRoleIsForbidden() {
        String round = Workflow.openRound();
        String[] a = Workflow.applicationIn("SUBMITTED", REGION, round);
        act(TestData.enterprise(a[1]), a[0], "COUNTY_APPROVE").statusCode(403);
        act(city(), a[0], "COUNTY_APPROVE").statusCode(403);
    }
}
