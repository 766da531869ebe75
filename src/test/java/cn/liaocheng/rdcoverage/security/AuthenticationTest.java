package cn.liaocheng.rdcoverage.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static cn.liaocheng.rdcoverage.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuthenticationTest {
    @Test
    void withoutATokenEveryApiCallIs401Problem() {
        given().get("/api/v1/enterprises").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
        given().contentType("application/json").body("{}").post("/api/v1/eligibility-assessments").then().statusCode(401);
        given().get("/api/v1/regions").then().statusCode(401);
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = Jwt.subject("old").groups(Set.of("CITY_OFFICER"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        as(expired).get("/api/v1/regions").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        var gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        String forged = Jwt.subject("mallory").groups(Set.of("CITY_OFFICER")).sign(gen.generateKeyPair().getPrivate());
        as(forged).get("/api/v1/regions").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherIssuerOrAudienceIs401() {
        as(Jwt.issuer("https://elsewhere").subject("x").groups(Set.of("CITY_OFFICER")).sign())
                .get("/api/v1/regions").then().statusCode(401);
        as(Jwt.audience("another-api").subject("x").groups(Set.of("CITY_OFFICER")).sign())
                .get("/api/v1/regions").then().statusCode(401);
        as("not.a.jwt").get("/api/v1/regions").then().statusCode(401);
    }

    @Test
    void aValidTokenWithoutAKnownRoleIsForbidden() {
        as(Jwt.subject("nobody").groups(Set.of("VISITOR")).sign()).get("/api/v1/enterprises").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void devTokensNeedTheScopeOfTheirRole() {
        RestAssured.given().contentType("application/json").body(Map.of("role", "COUNTY_OFFICER"))
                .post("/api/v1/dev/tokens").then().statusCode(400).body("errors[0].field", equalTo("regionCode"));
        RestAssured.given().contentType("application/json").body(Map.of("role", "ENTERPRISE"))
                .post("/api/v1/dev/tokens").then().statusCode(400).body("errors[0].field", equalTo("creditCode"));
        RestAssured.given().contentType("application/json").body(Map.of("role", "KING"))
                .post("/api/v1/dev/tokens").then().statusCode(400).body("errors[0].field", equalTo("role"));
        String token = RestAssured.given().contentType("application/json").body(Map.of("role", "PROVINCE"))
                .post("/api/v1/dev/tokens").then().statusCode(200).extract().path("token");
        as(token).get("/api/v1/regions").then().statusCode(200);
    }
}
