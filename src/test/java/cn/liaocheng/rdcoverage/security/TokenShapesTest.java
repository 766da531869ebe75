package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * Tokens shaped as Keycloak issues them (signed by the test key): audience in {@code aud} or only in {@code azp},
 * roles in {@code realm_access.roles} or as group paths, scope claims from user attributes; and the 403 when a
 * scoped role's claim is missing, empty or not a single value.
 */
@QuarkusTest
class TokenShapesTest {
    private static final String ISSUER = "https://rd-coverage.liaocheng";

    /** A Keycloak-like access token: aud "account", azp the client, default realm roles next to ours. */
    static Map<String, Object> keycloak(String username) {
        Map<String, Object> c = new HashMap<>();
        c.put("iss", ISSUER);
        c.put("sub", "f1c2a3b4-0000-4000-8000-" + String.format("%012d", Math.abs(username.hashCode())));
        c.put("typ", "Bearer");
        c.put("aud", "account");
        c.put("azp", "rd-coverage");
        c.put("preferred_username", username);
        c.put("scope", "openid profile email");
        c.put("realm_access", Map.of("roles", List.of("default-roles-rd-coverage", "offline_access", "uma_authorization")));
        c.put("resource_access", Map.of("account", Map.of("roles", List.of("manage-account", "view-profile"))));
        return c;
    }

    static Map<String, Object> withRealmRoles(Map<String, Object> c, String... roles) {
        List<String> all = new java.util.ArrayList<>(List.of("default-roles-rd-coverage", "offline_access"));
        all.addAll(List.of(roles));
        c.put("realm_access", Map.of("roles", all));
        return c;
    }

    static RequestSpecification as(Map<String, Object> claims) {
        long now = Instant.now().getEpochSecond();
        claims.putIfAbsent("iat", now);
        claims.putIfAbsent("exp", now + 300);
        return TestData.as(Jwt.claims(claims).sign());
    }

    static String register(String region) {
        String code = TestData.creditCode(region);
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "令牌" + code.substring(12), "regionCode", region,
                "figures", List.of(Map.of("year", 2024, "employees", 40, "revenue", 25_000_000)))).post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    @Test
    void aDefaultKeycloakTokenWithRealmRolesAndAzpIsAccepted() {
        String code = register("371522");
        as(withRealmRoles(keycloak("city.zhang"), "CITY_OFFICER")).get("/api/v1/enterprises/" + code)
                .then().statusCode(200).body("creditCode", equalTo(code));
    }

    @Test
    void groupPathsWithOrWithoutLeadingSlashNameRoles() {
        String code = register("371522");
        for (Object groups : List.of(List.of("/CITY_OFFICER"), List.of("CITY_OFFICER"), List.of("/liaocheng/CITY_OFFICER"))) {
            Map<String, Object> c = keycloak("city.li");
            c.put("groups", groups);
            as(c).get("/api/v1/enterprises/" + code).then().statusCode(200);
        }
    }

    @Test
    void theAudienceMustBeNamedInAudOrAzp() {
        String code = register("371522");
        Map<String, Object> otherClient = withRealmRoles(keycloak("city.wang"), "CITY_OFFICER");
        otherClient.put("azp", "another-portal");
        as(otherClient).get("/api/v1/enterprises/" + code).then().statusCode(401).contentType("application/problem+json");

        Map<String, Object> mapped = withRealmRoles(keycloak("city.wang"), "CITY_OFFICER");
        mapped.put("azp", "another-portal");
        mapped.put("aud", List.of("account", "rd-coverage")); // an audience mapper
        as(mapped).get("/api/v1/enterprises/" + code).then().statusCode(200);

        Map<String, Object> noAudience = withRealmRoles(keycloak("city.wang"), "CITY_OFFICER");
        noAudience.put("aud", "account");
        noAudience.remove("azp");
        as(noAudience).get("/api/v1/enterprises/" + code).then().statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        Map<String, Object> c = withRealmRoles(keycloak("city.zhao"), "CITY_OFFICER");
        c.put("iss", "https://elsewhere.example/realms/rd-coverage");
        as(c).get("/api/v1/enterprises").then().statusCode(401);
    }

    @Test
    void aCountyOfficerFromKeycloakSeesItsRegionOnly() {
        String own = register("371521");
        String other = register("371526");
        Map<String, Object> c = withRealmRoles(keycloak("county.liu"), "COUNTY_OFFICER");
        c.put("regionCode", "371521");
        // the list holds the region's enterprises only (other tests add many to 371521, so "own" need not be on page one)
        as(c).get("/api/v1/enterprises?size=500").then().statusCode(200)
                .body("items.regionCode", everyItem(equalTo("371521")));
        as(c).get("/api/v1/enterprises/" + own).then().statusCode(200).body("regionCode", equalTo("371521"));
        as(c).get("/api/v1/enterprises/" + other).then().statusCode(404);

        Map<String, Object> listOfOne = withRealmRoles(keycloak("county.liu"), "COUNTY_OFFICER");
        listOfOne.put("regionCode", List.of("371521")); // a multivalued attribute mapper with one value
        as(listOfOne).get("/api/v1/enterprises/" + own).then().statusCode(200).body("regionCode", equalTo("371521"));
    }

    @Test
    void anEnterpriseFromKeycloakSeesItsOwnCodeOnly() {
        String own = register("371522");
        String other = register("371522");
        Map<String, Object> c = keycloak("ent.a");
        c.put("groups", List.of("/ENTERPRISE"));
        c.put("creditCode", own);
        as(c).get("/api/v1/enterprises/" + own).then().statusCode(200).body("creditCode", equalTo(own));
        as(c).get("/api/v1/enterprises/" + other).then().statusCode(404);
        as(c).get("/api/v1/enterprises").then().statusCode(200).body("total", equalTo(1)).body("items[0].creditCode", equalTo(own));
    }

    @Test
    void aScopedRoleWithoutItsClaimIs403NamingTheClaim() {
        Map<String, Object> missing = withRealmRoles(keycloak("county.none"), "COUNTY_OFFICER");
        as(missing).get("/api/v1/enterprises").then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("detail", equalTo("The token's role COUNTY_OFFICER is scoped by the claim regionCode, which is missing"))
                .body("errors[0].field", equalTo("regionCode"))
                .body("errors[0].message", equalTo("is missing")).body("errors[0].code", equalTo("REQUIRED"));

        Map<String, Object> two = withRealmRoles(keycloak("county.two"), "COUNTY_OFFICER");
        two.put("regionCode", List.of("371522", "371525"));
        as(two).get("/api/v1/enterprises").then().statusCode(403)
                .body("errors[0].field", equalTo("regionCode"))
                .body("errors[0].message", equalTo("has 2 values; exactly one is required"))
                .body("errors[0].code", equalTo("INVALID_VALUE"));
        // in Chinese as specifically (a trial found the generic 您的角色或权限范围不允许此操作)
        as(missing).header("Accept-Language", "zh-CN").get("/api/v1/enterprises").then().statusCode(403)
                .body("detail", equalTo("令牌的角色 COUNTY_OFFICER 以声明 regionCode 限定权限范围，但该声明缺失"))
                .body("errors[0].message", equalTo("缺失")).body("errors[0].code", equalTo("REQUIRED"));
        as(two).header("Accept-Language", "zh-CN").get("/api/v1/enterprises").then().statusCode(403)
                .body("errors[0].message", equalTo("有 2 个值，须恰好一个"));

        Map<String, Object> empty = withRealmRoles(keycloak("county.empty"), "COUNTY_OFFICER");
        empty.put("regionCode", " ");
        as(empty).get("/api/v1/enterprises").then().statusCode(403).body("errors[0].message", equalTo("is empty"));

        Map<String, Object> emptyList = withRealmRoles(keycloak("county.emptylist"), "COUNTY_OFFICER");
        emptyList.put("regionCode", List.of());
        as(emptyList).get("/api/v1/enterprises").then().statusCode(403).body("errors[0].message", equalTo("is an empty list"));

        Map<String, Object> number = withRealmRoles(keycloak("county.number"), "COUNTY_OFFICER");
        number.put("regionCode", 371522);
        as(number).get("/api/v1/enterprises").then().statusCode(403).body("errors[0].message", equalTo("is not a string"))
                .body("errors[0].code", equalTo("INVALID_TYPE"));

        Map<String, Object> enterprise = keycloak("ent.none");
        enterprise.put("groups", List.of("/ENTERPRISE"));
        as(enterprise).get("/api/v1/enterprises").then().statusCode(403)
                .body("detail", containsString("claim creditCode")).body("errors[0].field", equalTo("creditCode"));

        Map<String, Object> assessor = withRealmRoles(keycloak("assessor.none"), "ASSESSOR");
        assessor.put("assessorId", List.of("A-1", "A-2"));
        as(assessor).get("/api/v1/inspections").then().statusCode(403).body("errors[0].field", equalTo("assessorId"));

        Map<String, Object> supervisor = keycloak("supervisor.none");
        supervisor.put("groups", List.of("/liaocheng/SUPERVISOR"));
        as(supervisor).get("/api/v1/enterprises").then().statusCode(403)
                .body("errors[0].field", equalTo("supervisorId")).body("errors[0].code", equalTo("REQUIRED"));
    }

    @Test
    void aCountyOfficerOfAnUnknownRegionIs403NamingTheClaim() {
        for (String unknown : List.of("371581000000", "999999")) {
            Map<String, Object> claims = withRealmRoles(keycloak("county." + unknown), "COUNTY_OFFICER");
            claims.put("regionCode", unknown);
            as(claims).get("/api/v1/enterprises").then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("claim regionCode, whose value " + unknown + " is not a known region"))
                    .body("errors[0].field", equalTo("regionCode"))
                    .body("errors[0].code", equalTo("INVALID_VALUE"));
            as(claims).header("Accept-Language", "en").get("/api/v1/reports/coverage").then().statusCode(403)
                    .body("detail", equalTo("The token's role COUNTY_OFFICER is scoped by the claim regionCode, whose value "
                            + unknown + " is not a known region"))
                    .body("errors[0].message", equalTo("is not a known region (" + unknown + ")"));
            as(claims).header("Accept-Language", "zh-CN").get("/api/v1/reports/coverage").then().statusCode(403)
                    .header("Content-Language", "zh-CN")
                    .body("detail", equalTo("令牌的权限范围声明 regionCode 的取值“" + unknown + "”不是已知的行政区划代码（见 GET /api/v1/regions）"));
        }
        Map<String, Object> known = withRealmRoles(keycloak("county.known"), "COUNTY_OFFICER");
        known.put("regionCode", "371581");
        as(known).get("/api/v1/enterprises").then().statusCode(200);
    }
}
