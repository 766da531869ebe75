package cn.liaocheng.rdcoverage.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.role;
import static org.hamcrest.Matchers.equalTo;

/** A new or changed policy version governs assessments from its effective date, at once. */
@QuarkusTest
class PolicyVersionTest {
    private static final String FUTURE = "2090-01-01";

    @Test
    void aPublishedVersionGovernsFromItsEffectiveDateAndAChangeTakesEffectAtOnce() {
        Map<String, Object> policy = new HashMap<>(role("ADMIN").get("/api/v1/policies/liaocheng-2020").then()
                .statusCode(200).extract().jsonPath().getMap(""));
        policy.remove("locked");
        policy.put("id", "liaocheng-2090");
        policy.put("effectiveFrom", FUTURE);
        policy.put("title", "A later version with a larger MEDIUM award");
        Map<String, Object> awards = new HashMap<>(cast(policy.get("awards")));
        awards.put("MEDIUM", 150000);
        policy.put("awards", awards);
        Response created = role("ADMIN").contentType("application/json").body(policy).post("/api/v1/policies");
        created.then().statusCode(201);

        assertAward("2089-12-31", "liaocheng-2020", 100000);
        assertAward("2090-06-30", "liaocheng-2090", 150000);

        awards.put("MEDIUM", 180000);
        role("ADMIN").contentType("application/json").header("If-Match", created.header("ETag")).body(policy)
                .put("/api/v1/policies/liaocheng-2090").then().statusCode(200);
        assertAward("2090-06-30", "liaocheng-2090", 180000);
        assertAward("2089-12-31", "liaocheng-2020", 100000);
    }

    private static void assertAward(String asOf, String policyId, int amount) {
        city().contentType("application/json").body(AssessmentApiTest.DESIGN_EXAMPLE.replace("2021-06-30", asOf))
                .post("/api/v1/eligibility-assessments").then().statusCode(200)
                .body("policyId", equalTo(policyId))
                .body("participants[0].subsidyAmount", equalTo(amount));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }
}
