package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.SuiteProfile;
import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {
    public static class LowLimits extends SuiteProfile {
        public LowLimits() {
            // deployment-wide budgets shared by 2 instances: this instance allows 3 assessments and 2 imports a minute
            super(Map.of("rd.rate-limit.assessments-per-minute", "6", "rd.rate-limit.imports-per-minute", "4",
                    "rd.rate-limit.instances", "2"));
        }
    }

    @Test
    void assessmentsOverTheLimitAre429WithRetryAfterPerCaller() {
        String token = TestData.token("ENTERPRISE", "creditCode", "91350100M000100Y43");
        int limited = 0;
        for (int i = 0; i < 4; i++) {
            int status = TestData.as(token).contentType("application/json").body("{}").post("/api/v1/eligibility-assessments")
                    .then().extract().statusCode();
            if (status == 429) {
                limited++;
            }
        }
        // the minute may roll over during the loop; at least one of four must be refused
        org.junit.jupiter.api.Assertions.assertTrue(limited >= 1, "no request was rate-limited");
        TestData.as(token).contentType("application/json").body("{}").post("/api/v1/eligibility-assessments").then()
                .statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429))
                .body("detail", containsString("At most 3 assessments per minute"));
        // another caller has its own allowance
        TestData.role("PROVINCE").contentType("application/json").body("{}").post("/api/v1/eligibility-assessments").then()
                .statusCode(400);
    }
}
