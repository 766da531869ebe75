package cn.liaocheng.rdcoverage.integrity;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Issue 12, item 8: a valid token naming no known role is 403 everywhere but health and the OpenAPI document. */
@QuarkusTest
class NoKnownRoleTest {
    /** Signed by the same development key as every test token, so only the role is missing. */
    private static List<String> tokens() {
        return List.of(Jwt.subject("stranger").groups(Set.of("STRANGER")).sign(), Jwt.subject("nobody").sign());
    }

    @Test
    void readsThatAnyRoleMayMakeAre403WithoutAKnownRole() {
        for (String token : tokens()) {
            for (String path : List.of("/api/v1/policies", "/api/v1/policies/liaocheng-2020", "/api/v1/rounds",
                    "/api/v1/regions", "/api/v1/regions/371502/award-policy", "/api/v1/enterprises", "/api/v1/institutions")) {
                given().header("Authorization", "Bearer " + token).get(path).then().statusCode(403)
                        .contentType("application/problem+json").body("status", equalTo(403));
            }
            given().header("Authorization", "Bearer " + token).contentType("application/json").body("{\"asOf\":\"2021-06-30\"}")
                    .post("/api/v1/eligibility-assessments").then().statusCode(403);
        }
    }

    @Test
    void healthAndTheContractStayOpen() {
        String token = tokens().get(0);
        given().header("Authorization", "Bearer " + token).get("/q/health/live").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).get("/q/openapi").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void aKnownRoleStillReads() {
        given().header("Authorization", "Bearer " + Jwt.subject("officer").groups(Set.of("CITY_OFFICER")).sign())
                .get("/api/v1/rounds").then().statusCode(200);
    }
}
