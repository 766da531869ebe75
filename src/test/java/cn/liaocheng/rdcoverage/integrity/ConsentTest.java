package cn.liaocheng.rdcoverage.integrity;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 12, High 3: an enterprise that names another as a JOINT participant learns nothing of it until it confirms
 * (its own token, or a county officer of its region), and the institution cannot be submitted before.
 */
@QuarkusTest
class ConsentTest {
    private static Map<String, Object> joint(String... codes) {
        return Map.of("name", "联建中心", "kind", "TECH_CENTER", "buildMode", "JOINT", "participants", List.of(codes),
                "capacity", Workflow.capacity(6),
                "cooperations", List.of(Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01")));
    }

    @Test
    void aNamedParticipantIsHiddenAndBlocksSubmissionUntilItConfirms() {
        String a = Workflow.enterprise("371502", 350, 52_000_000);
        String b = Workflow.enterprise("371581", 1200, 500_000_000);
        String inst = TestData.enterprise(a).contentType("application/json").body(joint(a, b))
                .post("/api/v1/institutions").then().statusCode(201)
                .body("enterprises[1].creditCode", equalTo(b))
                .body("enterprises[1].name", nullValue())
                .body("enterprises[1].regionCode", nullValue())
                .extract().path("id");
        TestData.enterprise(a).get("/api/v1/institutions/" + inst).then().statusCode(200)
                .body("enterprises[1].name", nullValue());
        TestData.enterprise(a).get("/api/v1/institutions/" + inst + "/eligibility").then().statusCode(409)
                .body("type", equalTo("/problems/consent-pending"));

        String round = Workflow.openRound();
        String app = Workflow.apply(a, inst, round);
        Workflow.act(TestData.enterprise(a), app, "SUBMIT").statusCode(409)
                .body("type", equalTo("/problems/consent-pending"))
                .body("errors[0].field", equalTo("participants[1]"));

        // another enterprise cannot confirm for b; a county officer of another region cannot either
        TestData.enterprise(a).contentType("application/json").body(Map.of("creditCode", b))
                .post("/api/v1/institutions/" + inst + "/consents").then().statusCode(403);
        TestData.county("371502").contentType("application/json").body(Map.of("creditCode", b))
                .post("/api/v1/institutions/" + inst + "/consents").then().statusCode(403);
        // b's county officer confirms for it
        TestData.county("371581").contentType("application/json").body(Map.of("creditCode", b))
                .post("/api/v1/institutions/" + inst + "/consents").then().statusCode(200);
        TestData.enterprise(a).get("/api/v1/institutions/" + inst).then().statusCode(200)
                .body("enterprises[1].regionCode", equalTo("371581"));
        Workflow.act(TestData.enterprise(a), app, "SUBMIT").statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void theParticipantItselfConfirms() {
        String a = Workflow.enterprise("371502", 350, 52_000_000);
        String b = Workflow.enterprise("371502", 350, 52_000_000);
        String inst = TestData.enterprise(a).contentType("application/json").body(joint(a, b))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        TestData.enterprise(b).contentType("application/json").body(Map.of("creditCode", b))
                .post("/api/v1/institutions/" + inst + "/consents").then().statusCode(200);
        TestData.enterprise(a).get("/api/v1/institutions/" + inst + "/eligibility").then().statusCode(200);
    }
}
