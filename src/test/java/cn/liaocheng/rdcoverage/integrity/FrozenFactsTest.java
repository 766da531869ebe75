package cn.liaocheng.rdcoverage.integrity;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 12, High 2: what a decision rested on is frozen. A RECOGNIZED institution, or one whose application is under
 * review, cannot have its build mode, participants or declared capacity changed by a direct PUT (409 naming them);
 * a city officer's correction can, and the reason is in the audit trail.
 */
@QuarkusTest
class FrozenFactsTest {
    private static Map<String, Object> declaration(String buildMode, List<String> participants, int personnel) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "技术中心");
        body.put("kind", "TECH_CENTER");
        body.put("buildMode", buildMode);
        body.put("participants", participants);
        body.put("capacity", Workflow.capacity(personnel));
        body.put("cooperations", List.of(Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01",
                "activities", "联合攻关")));
        return body;
    }

    private static ExtractableResponse<Response> get(String inst) {
        return city().get("/api/v1/institutions/" + inst).then().statusCode(200).extract();
    }

    @Test
    void aRecognizedInstitutionCannotBeSwitchedToJointWithAnotherCountysEnterprise() {
        String round = Workflow.openRound();
        String[] recognized = Workflow.applicationIn("RECOGNIZED", "371502", round);
        String code = recognized[1];
        String inst = recognized[2];
        String other = Workflow.enterprise("371581", 350, 52_000_000);
        String etag = get(inst).header("ETag");

        TestData.enterprise(code).header("If-Match", etag).contentType("application/json")
                .body(declaration("JOINT", List.of(code, other), 6))
                .put("/api/v1/institutions/" + inst).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/institution-frozen"))
                .body("errors.field", containsInAnyOrder("buildMode", "participants"));

        // stored facts unchanged; the other enterprise is not covered and cannot read the institution
        city().get("/api/v1/institutions/" + inst).then().statusCode(200)
                .body("buildMode", equalTo("SINGLE")).body("participants", equalTo(List.of(code)));
        TestData.enterprise(other).get("/api/v1/institutions/" + inst).then().statusCode(404);
    }

    @Test
    void theDeclaredCapacityOfARecognizedInstitutionIsFrozenButItsNameIsNot() {
        String round = Workflow.openRound();
        String[] recognized = Workflow.applicationIn("RECOGNIZED", "371502", round);
        String code = recognized[1];
        String inst = recognized[2];
        String etag = get(inst).header("ETag");
        TestData.enterprise(code).header("If-Match", etag).contentType("application/json")
                .body(declaration("SINGLE", List.of(code), 60))
                .put("/api/v1/institutions/" + inst).then().statusCode(409)
                .body("errors.field", equalTo(List.of("capacity")));
        TestData.enterprise(code).contentType("application/json").body(Workflow.capacity(60))
                .put("/api/v1/institutions/" + inst + "/capacity/" + Workflow.YEAR).then().statusCode(409)
                .body("errors[0].field", equalTo("capacity"));
        city().get("/api/v1/institutions/" + inst + "/capacity/" + Workflow.YEAR).then().statusCode(200)
                .body("personnel", equalTo(6));

        Map<String, Object> renamed = declaration("SINGLE", List.of(code), 6);
        renamed.put("name", "技术中心（更名）");
        TestData.enterprise(code).header("If-Match", etag).contentType("application/json").body(renamed)
                .put("/api/v1/institutions/" + inst).then().statusCode(200).body("name", equalTo("技术中心（更名）"));
    }

    @Test
    void anInstitutionUnderReviewIsFrozenAndAReturnedOneIsNot() {
        String round = Workflow.openRound();
        String[] submitted = Workflow.applicationIn("SUBMITTED", "371502", round);
        String etag = get(submitted[2]).header("ETag");
        TestData.enterprise(submitted[1]).header("If-Match", etag).contentType("application/json")
                .body(declaration("SINGLE", List.of(submitted[1]), 9))
                .put("/api/v1/institutions/" + submitted[2]).then().statusCode(409)
                .body("errors.field", equalTo(List.of("capacity")));

        String[] returned = Workflow.applicationIn("RETURNED", "371502", round);
        String etag2 = get(returned[2]).header("ETag");
        TestData.enterprise(returned[1]).header("If-Match", etag2).contentType("application/json")
                .body(declaration("SINGLE", List.of(returned[1]), 9))
                .put("/api/v1/institutions/" + returned[2]).then().statusCode(200);
        city().get("/api/v1/institutions/" + returned[2] + "/capacity/" + Workflow.YEAR).then().body("personnel", equalTo(9));
    }

    @Test
    void aCityOfficerCorrectsFrozenFactsWithAReasonKeptInTheAuditTrail() {
        String round = Workflow.openRound();
        String[] recognized = Workflow.applicationIn("RECOGNIZED", "371502", round);
        String code = recognized[1];
        String inst = recognized[2];
        String etag = get(inst).header("ETag");
        Map<String, Object> body = Map.of("institution", declaration("SINGLE", List.of(code), 7),
                "reason", "现场核查发现人员数录入错误（6→7）");
        TestData.enterprise(code).header("If-Match", etag).contentType("application/json").body(body)
                .post("/api/v1/institutions/" + inst + "/corrections").then().statusCode(403);
        city().header("If-Match", etag).contentType("application/json").body(Map.of("institution",
                        declaration("SINGLE", List.of(code), 7))).post("/api/v1/institutions/" + inst + "/corrections")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
        city().header("If-Match", etag).contentType("application/json").body(body)
                .post("/api/v1/institutions/" + inst + "/corrections").then().statusCode(200);
        city().get("/api/v1/institutions/" + inst + "/capacity/" + Workflow.YEAR).then().body("personnel", equalTo(7));
        city().get("/api/v1/institutions/" + inst + "/history").then().statusCode(200)
                .body("items.state.correctionReason", hasItem("现场核查发现人员数录入错误（6→7）"));
    }
}
