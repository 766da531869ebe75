package cn.liaocheng.rdcoverage.packaged;

import cn.liaocheng.rdcoverage.enterprise.CreditCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A smoke path through the packaged jar ({@code target/quarkus-app}, production profile, MySQL connector) as an
 * operations team starts it: migrations at start, tokens verified with a mounted public key, JSON in and out, the
 * development token endpoint absent. The {@code @QuarkusTest} suite covers behaviour; this shows the artefact that
 * ships behaves the same on the paths everything else depends on. Run by {@code .ci/run}'s MariaDB step
 * ({@code -DskipITs=false}).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = PackagedService.class, restrictToAnnotatedClass = true)
class PackagedJarSmokeIT {

    private static String token(String role, Map<String, String> scope) {
        var builder = Jwt.issuer(PackagedService.ISSUER).audience(PackagedService.AUDIENCE)
                .subject("it-" + role.toLowerCase()).upn("it-" + role.toLowerCase()).groups(Set.of(role));
        scope.forEach(builder::claim);
        return builder.expiresIn(600).sign(PackagedService.signingKey);
    }

    private static RequestSpecification as(String role, Map<String, String> scope) {
        return given().header("Authorization", "Bearer " + token(role, scope));
    }

    private static String newCreditCode(String regionCode) {
        String first17 = "91" + regionCode + "PK" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + CreditCode.checkCharacter(first17);
    }

    @Test
    void healthAndContractAnswerWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/enterprises"));
    }

    @Test
    void theDevelopmentTokenEndpointDoesNotExistAndNoTokenIs401() {
        given().contentType("application/json").body("{\"role\":\"ADMIN\"}").post("/api/v1/dev/tokens")
                .then().statusCode(404);
        given().get("/api/v1/enterprises").then().statusCode(401);
    }

    @Test
    void anEnterpriseRegisteredByTheCityIsReadBackWithItsDerivedSizeAndScopedForCounties() {
        String code = newCreditCode("371502");
        as("CITY_OFFICER", Map.of()).contentType("application/json").body(Map.of(
                        "creditCode", code, "name", "聊城打包冒烟机械有限公司", "regionCode", "371502",
                        "figures", List.of(Map.of("year", 2025, "employees", 350, "revenue", 52_000_000))))
                .post("/api/v1/enterprises").then().statusCode(201)
                .header("Location", startsWith("http")).header("ETag", notNullValue());

        // 350 persons and 52,000,000 yuan: MEDIUM under the 2020 bounds, above designated size (≥ 20,000,000 yuan)
        as("COUNTY_OFFICER", Map.of("regionCode", "371502")).get("/api/v1/enterprises/" + code).then().statusCode(200)
                .body("name", equalTo("聊城打包冒烟机械有限公司"))
                .body("figuresYear", equalTo(2025))
                .body("sizeClass", equalTo("MEDIUM"))
                .body("aboveDesignatedSize", equalTo(true));
        as("COUNTY_OFFICER", Map.of("regionCode", "371581")).get("/api/v1/enterprises/" + code).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCsvImportCommitsItsRowsInThePackagedService() {
        String code = newCreditCode("371581");
        String csv = "统一社会信用代码,单位详细名称,县（市、区）,从业人员年末数,营业收入（万元）\n"
                + code + ",临清打包冒烟轴承有限公司,临清市,320,2100\n";
        as("CITY_OFFICER", Map.of()).contentType("text/csv; charset=UTF-8").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import?year=2025").then().statusCode(200).body("created", equalTo(1));
        // 2100 万元 = 21,000,000 yuan
        as("CITY_OFFICER", Map.of())
                .config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/api/v1/enterprises/" + code + "/figures/2025").then().statusCode(200)
                .body("regionCode", equalTo("371581"))
                .body("employees", equalTo(320))
                .body("revenue", equalTo(new BigDecimal("21000000.00")));
    }
}
