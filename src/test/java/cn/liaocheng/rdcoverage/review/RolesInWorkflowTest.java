package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.review.Workflow.act;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Issue #19, roles in the workflow: joint applications across counties, role-filtered actions, acting for enterprises. */
@QuarkusTest
class RolesInWorkflowTest {
    @Test
    void everyParticipantsCountyReadsAJointApplicationAndTheLeadCountyActs() {
        String round = Workflow.openRound();
        String lead = Workflow.enterprise("371521", 350, 52_000_000);
        String other = Workflow.enterprise("371522", 350, 52_000_000);
        // the other participant confirms that it takes part (issue 12) before the lead can submit
        String inst = Workflow.jointInstitution(lead, other);
        String app = Workflow.apply(lead, inst, round);
        act(TestData.enterprise(lead), app, "SUBMIT").statusCode(200);
        county("371522").get("/api/v1/applications/" + app).then().statusCode(200)
                .body("regionCode", equalTo("371521"))
                .body("allowedActions", equalTo(List.of()));
        county("371522").queryParam("institutionId", inst).get("/api/v1/applications").then().statusCode(200)
                .body("items.id", equalTo(List.of(app)));
        county("371522").contentType("application/json").body(Map.of("action", "COUNTY_APPROVE"))
                .post("/api/v1/applications/" + app + "/transitions").then().statusCode(403)
                .body("detail", containsString("lead participant (371521)"));
        county("371526").get("/api/v1/applications/" + app).then().statusCode(404);
        county("371521").get("/api/v1/applications/" + app).then().statusCode(200)
                .body("allowedActions", equalTo(List.of("COUNTY_APPROVE", "RETURN", "COUNTY_REJECT")));
        TestData.enterprise(lead).get("/api/v1/applications/" + app).then().body("allowedActions", equalTo(List.of("WITHDRAW")));
        city().get("/api/v1/applications/" + app).then().body("allowedActions", equalTo(List.of()));
        // the 409 lists the caller's own actions only
        act(TestData.enterprise(lead), app, "SUBMIT").statusCode(409).body("allowedActions", equalTo(List.of("WITHDRAW")));
        act(county("371521"), app, "COUNTY_APPROVE").statusCode(200);
    }

    @Test
    void aCountyOfficerDeclaresAndAppliesForAnEnterpriseOfItsRegion() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371524", 350, 52_000_000);
        String elsewhere = Workflow.enterprise("371525", 350, 52_000_000);
        Map<String, Object> body = Map.of("name", "县里组织申报", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                "participants", List.of(code), "capacity", Workflow.capacity(6),
                "cooperations", List.of(Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01",
                        "activities", "联合攻关")));
        String inst = county("371524").contentType("application/json").body(body).post("/api/v1/institutions").then()
                .statusCode(201).extract().path("id");
        county("371524").contentType("application/json").body(Map.of("name", "x", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                "participants", List.of(elsewhere))).post("/api/v1/institutions").then().statusCode(403);
        city().get("/api/v1/institutions/" + inst + "/history").then()
                .body("items[0].role", equalTo("COUNTY_OFFICER"));
        String app = county("371524").contentType("application/json").body(Map.of("institutionId", inst, "roundId", round))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        city().get("/api/v1/applications/" + app).then().body("timeline[0].role", equalTo("COUNTY_OFFICER"));
        Workflow.materials(code, app);
        act(TestData.enterprise(code), app, "SUBMIT").statusCode(200);
    }

    @Test
    void theCitySubmitsForAnIndustryPlatformsEnterpriseButNotForOthers() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371581", 50, 21_000_000);
        String inst = city().contentType("application/json").body(Map.of("name", "产业共建", "kind", "OTHER", "buildMode", "INDUSTRY",
                        "participants", List.of(code),
                        "platform", Map.of("name", "聊城产业技术研究院", "kind", "INDUSTRY_INSTITUTE", "certificationLevel", "NONE"),
                        "serviceAgreement", Map.of("expert", "专家服务团", "signedOn", "2024-01-01")))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        String app = city().contentType("application/json").body(Map.of("institutionId", inst, "roundId", round))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        Workflow.materials(code, app); // the enterprise uploads its materials; the city submits for it
        // the actions the city is offered are those it may take (before issue 15 the view and the 409 offered none)
        city().get("/api/v1/applications/" + app).then().statusCode(200).body("allowedActions", equalTo(List.of("SUBMIT")));
        act(city(), app, "START_ASSESSMENT").statusCode(409).body("allowedActions", equalTo(List.of("SUBMIT")));
        act(city(), app, "SUBMIT").statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("timeline[1].role", equalTo("CITY_OFFICER"))
                .body("allowedActions", equalTo(List.of()));
        String single = Workflow.applicationIn("DRAFT", "371581", round)[0];
        city().get("/api/v1/applications/" + single).then().statusCode(200).body("allowedActions", equalTo(List.of()));
        act(city(), single, "START_ASSESSMENT").statusCode(409).body("allowedActions", equalTo(List.of()));
        act(city(), single, "SUBMIT").statusCode(403).body("detail", containsString("INDUSTRY"));
    }
}
