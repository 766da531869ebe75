package cn.liaocheng.rdcoverage;

import cn.liaocheng.rdcoverage.enterprise.CreditCode;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.specification.RequestSpecification;
import io.restassured.config.RestAssuredConfig;

import java.util.concurrent.atomic.AtomicLong;

/** Valid, unique credit codes for tests that share one database. */
public final class TestData {
    /** Sends the Content-Type exactly as given (REST Assured otherwise appends charset=ISO-8859-1 to text types). */
    public static final RestAssuredConfig RAW_CHARSET = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 9_000_000L);

    private TestData() {
    }

    /** A valid code whose region digits are {@code regionCode}, e.g. 91371502MA + 7 digits + check. */
    public static String creditCode(String regionCode) {
        String first17 = "91" + regionCode + "MA" + String.format("%07d", NEXT.incrementAndGet() % 10_000_000L);
        return first17 + CreditCode.checkCharacter(first17);
    }

    /** Today as the service sees it (Asia/Shanghai). */
    public static java.time.LocalDate today() {
        return java.time.LocalDate.now(cn.liaocheng.rdcoverage.common.Clocks.ZONE);
    }

    public static String creditCode() {
        return creditCode("371502");
    }

    /** A bearer token from the development token endpoint for a role and its scope claims. */
    public static String token(String role, String scopeClaim, String scopeValue) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        body.put("role", role);
        if (scopeClaim != null) {
            body.put(scopeClaim, scopeValue);
        }
        return RestAssured.given().contentType("application/json").body(body)
                .post("/api/v1/dev/tokens").then().statusCode(200).extract().path("token");
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    /** A request as the city task force (all regions). */
    public static RequestSpecification city() {
        return as(token("CITY_OFFICER", null, null));
    }

    public static RequestSpecification county(String regionCode) {
        return as(token("COUNTY_OFFICER", "regionCode", regionCode));
    }

    public static RequestSpecification enterprise(String creditCode) {
        return as(token("ENTERPRISE", "creditCode", creditCode));
    }

    public static RequestSpecification role(String role) {
        return as(token(role, null, null));
    }
}
