package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.SuiteProfile;
import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.review.Workflow.act;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue #19: with the programme parameter {@code rd.awards.pay-overridden=true} a recognition by override is paid the
 * award of the size class's tier, and the award's basis says why. (Default false: ReviewWorkflowTest.)
 */
@QuarkusTest
@TestProfile(PayOverriddenTest.PayOverridden.class)
class PayOverriddenTest {
    public static class PayOverridden extends SuiteProfile {
        public PayOverridden() {
            super(Map.of("rd.awards.pay-overridden", "true"));
        }
    }

    @Test
    void anOverriddenRecognitionIsPaidWhenTheProgrammeSaysSo() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371502", 350, 52_000_000);          // MEDIUM: 100,000 under liaocheng-2020
        String inst = TestData.enterprise(code).contentType("application/json").body(Map.of("name", "差一人中心", "kind", "TECH_CENTER",
                        "buildMode", "SINGLE", "participants", List.of(code), "capacity", Workflow.capacity(4),   // MEDIUM needs 5
                        "cooperations", List.of(Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01",
                                "activities", "联合攻关"))))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        String app = Workflow.apply(code, inst, round);
        for (String action : List.of("SUBMIT", "COUNTY_APPROVE", "START_ASSESSMENT")) {
            act(Workflow.as(action, code, "371502"), app, action).statusCode(200);
        }
        act(city(), app, "RECOGNIZE").statusCode(422).body("unmetCriteria.code", equalTo(List.of("PERSONNEL")));
        act(city(), app, Map.of("action", "RECOGNIZE", "override", true, "reason", "市政府常务会议研究同意")).statusCode(200)
                .body("status", equalTo("RECOGNIZED"))
                .body("decision.override", equalTo(true))
                .body("awards.find { it.program == 'CITY_FIRST_RECOGNITION' }.amount", equalTo(100000.0f))
                .body("awards.find { it.program == 'CITY_FIRST_RECOGNITION' }.tier", equalTo("MEDIUM"))
                .body("awards.find { it.program == 'CITY_FIRST_RECOGNITION' }.creditCode", equalTo(code))
                .body("awards.find { it.program == 'CITY_FIRST_RECOGNITION' }.basis",
                        containsString("recognised by override, paid as rd.awards.pay-overridden is on"));
        // never twice: a manual proposal for the same enterprise is refused
        TestData.role("FINANCE").contentType("application/json").body(Map.of("program", "CITY_FIRST_RECOGNITION", "creditCode", code,
                        "institutionId", inst, "reason", "重复"))
                .post("/api/v1/awards").then().statusCode(409).body("type", equalTo("/problems/already-awarded"));
    }
}
