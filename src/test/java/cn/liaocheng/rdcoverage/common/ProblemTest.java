package cn.liaocheng.rdcoverage.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Every error a client can cause is application/problem+json with a status, a type and no internals. */
@QuarkusTest
class ProblemTest {
    @Test
    void unknownPathIs404Problem() {
        city().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404)).body("type", notNullValue());
    }

    @Test
    void wrongMethodIs405Problem() {
        city().delete("/api/v1/regions").then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405))
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void wrongContentTypeIs415Problem() {
        city().contentType("text/plain").body("hello").post("/api/v1/enterprises").then().statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("application/json"));
        city().header("Accept-Language", "zh-CN").contentType("text/plain").body("hello").post("/api/v1/enterprises").then()
                .statusCode(415).body("detail", containsString("application/json"));
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        city().contentType("application/json").body("{\"name\": ").post("/api/v1/enterprises").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"))
                .body(not(containsString("Exception")));
    }

    @Test
    void anEmptyBodyIs400() {
        city().contentType("application/json").post("/api/v1/enterprises").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void aWrongTypeNamesTheNestedField() {
        city().contentType("application/json")
                .body("{\"creditCode\":\"91350100M000100Y43\",\"name\":\"x\",\"regionCode\":\"371502\",\"figures\":[{\"year\":\"this year\",\"employees\":1,\"revenue\":1}]}")
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("errors[0].field", equalTo("figures[0].year"));
    }
}
