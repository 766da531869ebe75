package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Issue #19: finance or the city proposes an award by hand, with a reason, audited, never twice per enterprise. */
@QuarkusTest
class ManualAwardTest {
    @Test
    @SuppressWarnings("unchecked")
    void aManualProposalTakesTheAmountFromThePolicyAndIsNeverMadeTwice() {
        String code = Workflow.enterprise("371503", 350, 52_000_000);           // MEDIUM: 100,000 under liaocheng-2020
        // recognised through the historic register, which proposes no award
        String inst = ((java.util.List<String>) city().contentType("application/json").body(Map.of("institutions", java.util.List.of(
                        Map.of("institution", Map.of("name", "补录中心", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                                "participants", java.util.List.of(code)), "recognizedOn", "2025-12-20"))))
                .post("/api/v1/institutions/historic-register").then().statusCode(201).extract().path("ids")).get(0);
        var finance = TestData.role("FINANCE");
        finance.contentType("application/json").body(Map.of("program", "CITY_FIRST_RECOGNITION", "creditCode", code,
                        "institutionId", inst))
                .post("/api/v1/awards").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        TestData.county("371503").contentType("application/json").body(Map.of("program", "CITY_FIRST_RECOGNITION",
                "creditCode", code, "institutionId", inst, "reason", "x")).post("/api/v1/awards").then().statusCode(403);
        String id = finance.contentType("application/json").body(Map.of("program", "CITY_FIRST_RECOGNITION", "creditCode", code,
                        "institutionId", inst, "reason", "专班认定（超标准）后补报奖补"))
                .post("/api/v1/awards").then().statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("amount", equalTo(100000.0f))
                .body("tier", equalTo("MEDIUM"))
                .body("policyId", equalTo("liaocheng-2020"))
                .body("basis", containsString("专班认定（超标准）后补报奖补"))
                .extract().path("id");
        city().contentType("application/json").body(Map.of("program", "CITY_FIRST_RECOGNITION", "creditCode", code,
                        "institutionId", inst, "reason", "再来一次"))
                .post("/api/v1/awards").then().statusCode(409)
                .body("awardId", equalTo(id)).body("detail", containsString("不重复支持"));
        city().get("/api/v1/awards/" + id + "/history").then().statusCode(200)
                .body("items[0].type", equalTo("CREATED")).body("items[0].role", equalTo("FINANCE"));
        // the basis in Chinese: who (subject, role), the reason as typed, the policy's tier
        city().header("Accept-Language", "zh-CN").get("/api/v1/awards/" + id).then().statusCode(200)
                .body("basis", org.hamcrest.Matchers.endsWith("（FINANCE）手工提出：专班认定（超标准）后补报奖补；"
                        + "政策版本 liaocheng-2020：中型企业，按中型企业标准奖补"));
    }
}
