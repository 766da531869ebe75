package cn.liaocheng.rdcoverage.integrity;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.liaocheng.rdcoverage.TestData.city;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Issue 12, item 5: a too-long URI (414) and too-large headers (431) come with a problem body naming the limit. */
@QuarkusTest
class RequestHeadLimitsTest {
    @Test
    void aLongUriIs414WithAProblemBody() {
        given().get("/api/v1/enterprises?q=" + "x".repeat(10_000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414))
                .body("errors[0].field", equalTo("request target"));
    }

    @Test
    void largeHeadersAre431WithAProblemBody() {
        given().header("X-Padding", "y".repeat(40_000)).get("/api/v1/enterprises").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431))
                .body("errors[0].field", equalTo("headers"));
    }

    @Test
    void ordinaryRequestsPass() {
        city().get("/api/v1/enterprises?q=" + "x".repeat(1_000)).then().statusCode(200);
    }
}
