package cn.liaocheng.rdcoverage.integrity;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.TestData.role;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Issue 12, High 1: one request with an extreme number must not stop the JVM; it is a 400 naming the field. */
@QuarkusTest
class NumericBoundsTest {
    private static String fixed(String large) {
        return "{\"effectiveFrom\":\"2031-01-01\",\"mode\":\"FIXED\",\"amounts\":{\"LARGE\":" + large
                + ",\"MEDIUM\":100000,\"SMALL\":50000}}";
    }

    @Test
    void anAwardPolicyAmountOf1e999999999Is400AndTheServiceLives() {
        county("371521").contentType("application/json").body(fixed("1e999999999"))
                .post("/api/v1/regions/371521/award-policy").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amounts.LARGE"))
                .body("errors[0].message", containsString("out of range"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anAwardPolicyAmountOf1e20OrOverAHundredMillionIs400() {
        county("371521").contentType("application/json").body(fixed("1e20"))
                .post("/api/v1/regions/371521/award-policy").then().statusCode(400)
                .body("errors[0].field", equalTo("amounts.LARGE"));
        county("371521").contentType("application/json").body(fixed("100000000.01"))
                .post("/api/v1/regions/371521/award-policy").then().statusCode(400)
                .body("errors[0].field", equalTo("amounts.LARGE"));
        county("371521").contentType("application/json").body(fixed("1000.001"))
                .post("/api/v1/regions/371521/award-policy").then().statusCode(400)
                .body("errors[0].field", equalTo("amounts.LARGE"));
        county("371521").contentType("application/json")
                .body("{\"effectiveFrom\":\"2031-01-01\",\"mode\":\"PERCENT\",\"percentOfCity\":1e20}")
                .post("/api/v1/regions/371521/award-policy").then().statusCode(400)
                .body("errors[0].field", equalTo("percentOfCity"));
    }

    @Test
    void aBoundedAmountIsStoredAsSent() {
        county("371522").contentType("application/json").body(fixed("100000000"))
                .post("/api/v1/regions/371522/award-policy").then().statusCode(201)
                .body("amounts.LARGE", equalTo(100000000.0f));
    }

    @Test
    void aPolicyVersionWithAnExtremeAwardIs400NamingIt() {
        String policy = given().accept("application/json").header("Authorization", "Bearer "
                + cn.liaocheng.rdcoverage.TestData.token("ADMIN", null, null)).get("/api/v1/policies/liaocheng-2020")
                .then().statusCode(200).extract().asString();
        for (String award : new String[]{"1e20", "1e17", "1e999999999"}) {
            String extreme = policy.replaceFirst("\"id\":\"liaocheng-2020\"", "\"id\":\"extreme-2031\"")
                    .replaceFirst("\"locked\":(true|false),", "")
                    .replaceFirst("(\"awards\":\\{\"LARGE\":)[0-9.]+", "$1" + award);
            role("ADMIN").contentType("application/json").body(extreme).post("/api/v1/policies").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("awards"));
        }
    }
}
