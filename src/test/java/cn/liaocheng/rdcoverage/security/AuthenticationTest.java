package cn.liaocheng.rdcoverage.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
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
    void aTokenThatWasAcceptedIsRefusedOnceItExpires() throws InterruptedException {
        // mp.jwt.verify.clock.skew is 30 s: a token that expired 24 s ago is accepted for about 6 s more, and must
        // be refused after that even though the service has verified (and remembered) it before.
        Instant expiresAt = Instant.now().minusSeconds(24);
        String token = Jwt.subject("late").groups(Set.of("CITY_OFFICER"))
                .issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt).sign();
        as(token).get("/api/v1/regions").then().statusCode(200);
        as(token).get("/api/v1/regions").then().statusCode(200);
        long refusedFrom = expiresAt.plusSeconds(30).toEpochMilli() + 1500;
        Thread.sleep(Math.max(0, refusedFrom - System.currentTimeMillis()));
        as(token).get("/api/v1/regions").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenAlteredAfterItWasAcceptedIs401() {
        String token = Jwt.subject("clerk").groups(Set.of("ENTERPRISE")).claim("creditCode", "91371502MA0000001X").sign();
        as(token).get("/api/v1/regions").then().statusCode(200);
        String[] parts = token.split("\\.");
        // the same signature under other claims (a promotion to ADMIN)
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"ENTERPRISE\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8));
        as(parts[0] + "." + promoted + "." + parts[2]).get("/api/v1/regions").then().statusCode(401);
        // the same claims under another signature
        char[] sig = parts[2].toCharArray();
        int mid = sig.length / 2;
        sig[mid] = sig[mid] == 'A' ? 'B' : 'A';
        as(parts[0] + "." + parts[1] + "." + new String(sig)).get("/api/v1/regions").then().statusCode(401);
        as(token).get("/api/v1/regions").then().statusCode(200);
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
