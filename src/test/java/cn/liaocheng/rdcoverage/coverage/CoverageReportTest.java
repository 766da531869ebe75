package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.coverage.Coverage.enterprise;
import static cn.liaocheng.rdcoverage.coverage.Coverage.figures;
import static cn.liaocheng.rdcoverage.coverage.Coverage.institution;
import static cn.liaocheng.rdcoverage.coverage.Coverage.recognize;
import static cn.liaocheng.rdcoverage.coverage.Coverage.recognized;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The definitions of DESIGN.md section 5, pinned; each test has its own statistical year (see {@link Coverage}). */
@QuarkusTest
class CoverageReportTest {
    private static JsonPath report(String asOf) {
        return city().queryParam("asOf", asOf).get("/api/v1/reports/coverage").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private static String region(String code) {
        return "regions.find { it.regionCode == '" + code + "' }.";
    }

    @Test
    void enterprisesOfAJointInstitutionAreCoveredAndAnyBuildModeCounts() {
        String a = enterprise("371502", 2031, true);
        String b = enterprise("371503", 2031, true);
        String c = enterprise("371503", 2031, true);
        String d = enterprise("371503", 2031, true);
        enterprise("371503", 2031, true);                                    // above size, nothing: uncovered
        String small = enterprise("371503", 2031, false);                    // below size: not in the denominator
        recognized("JOINT", "2031-03-01", a, b);
        recognized("INDUSTRY", "2031-03-01", c);
        recognized("SINGLE", "2031-03-01", c);                               // c is covered twice, counted once
        recognized("SINGLE", "2031-03-01", small);
        institution("SINGLE", d);                                            // declared only: not covered

        JsonPath r = report("2031-06-30");
        assertEquals("2031-06-30", r.getString("asOf"));
        assertEquals(2031, r.getInt("statisticalYear"));
        assertEquals(false, r.getBoolean("statisticalYearFallback"));
        assertEquals(5, r.getInt("city.aboveSizeEnterprises"));
        assertEquals(3, r.getInt("city.coveredEnterprises"));
        assertEquals(0.6f, r.getFloat("city.coverageRate"));
        assertEquals(1, r.getInt(region("371502") + "coveredEnterprises"));
        assertEquals(1, r.getInt(region("371502") + "coveredByBuildMode.JOINT"));
        assertEquals("东昌府区", r.getString(region("371502") + "regionName"));
        assertEquals(4, r.getInt(region("371503") + "aboveSizeEnterprises"));
        assertEquals(2, r.getInt(region("371503") + "coveredEnterprises"));
        assertEquals(0.5f, r.getFloat(region("371503") + "coverageRate"));
        assertEquals(Map.of("SINGLE", 1, "JOINT", 1, "INDUSTRY", 1), r.getMap(region("371503") + "coveredByBuildMode"));
        assertEquals(0, r.getInt(region("371581") + "aboveSizeEnterprises"));
        assertEquals(11, r.getList("regions").size());

        // before the recognition date nobody is covered
        assertEquals(0, report("2031-02-28").getInt("city.coveredEnterprises"));
    }

    @Test
    void anEnterpriseThatDroppedBelowDesignatedSizeLeavesTheDenominator() {
        String stays = enterprise("371521", 2033, true);
        String drops = enterprise("371521", 2033, true);
        figures(stays, 2034, true);
        figures(drops, 2034, false);
        recognized("SINGLE", "2033-03-01", drops);

        JsonPath y2033 = report("2033-12-31");
        assertEquals(2, y2033.getInt(region("371521") + "aboveSizeEnterprises"));
        assertEquals(1, y2033.getInt(region("371521") + "coveredEnterprises"));
        JsonPath y2034 = report("2034-12-31");
        assertEquals(2034, y2034.getInt("statisticalYear"));
        assertEquals(1, y2034.getInt(region("371521") + "aboveSizeEnterprises"));
        assertEquals(0, y2034.getInt(region("371521") + "coveredEnterprises"));
        assertEquals(0f, y2034.getFloat(region("371521") + "coverageRate"));
    }

    @Test
    void aRevocationRemovesCoverageFromItsDateButNotBefore() {
        // a revocation is dated when it happened (not after today), so this one lies in a past year that other tests
        // share: the counts are compared before and after it
        String code = enterprise("371522", 2025, true);
        String id = recognized("SINGLE", "2025-02-01", code);
        int june = report("2025-06-30").getInt(region("371522") + "coveredEnterprises");
        int july = report("2025-07-01").getInt(region("371522") + "coveredEnterprises");
        int december = report("2025-12-31").getInt(region("371522") + "coveredEnterprises");
        city().contentType(ContentType.JSON).body(Map.of("revokedOn", "2025-07-01", "reason", "年度核查不合格，撤销认定"))
                .post("/api/v1/institutions/" + id + "/revocations").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("REVOKED")).body("revokedOn", equalTo("2025-07-01"));

        assertEquals(june, report("2025-06-30").getInt(region("371522") + "coveredEnterprises"));
        assertEquals(july - 1, report("2025-07-01").getInt(region("371522") + "coveredEnterprises"));
        assertEquals(december - 1, report("2025-12-31").getInt(region("371522") + "coveredEnterprises"));

        // only a RECOGNIZED institution can be revoked
        city().contentType(ContentType.JSON).body(Map.of("revokedOn", "2025-08-01", "reason", "again"))
                .post("/api/v1/institutions/" + id + "/revocations").then().statusCode(409)
                .contentType("application/problem+json").body("institutionStatus", equalTo("REVOKED"));
        String declared = institution("SINGLE", enterprise("371522"));
        city().contentType(ContentType.JSON).body(Map.of("revokedOn", "2025-08-01", "reason", "x"))
                .post("/api/v1/institutions/" + declared + "/revocations").then().statusCode(409);
        String other = recognized("SINGLE", "2025-02-01", enterprise("371522"));
        city().contentType(ContentType.JSON).body(Map.of("revokedOn", "2025-01-01", "reason", "x"))
                .post("/api/v1/institutions/" + other + "/revocations").then().statusCode(400)
                .body("errors[0].field", equalTo("revokedOn"));
        city().contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/institutions/" + other + "/revocations").then().statusCode(400)
                .body("errors[0].field", equalTo("revokedOn"));
        city().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(Map.of("revokedOn", "2025-07-01", "reason", "x"))
                .post("/api/v1/institutions/" + other + "/revocations").then().statusCode(412);
        county("371522").contentType(ContentType.JSON).body(Map.of("revokedOn", "2025-07-01", "reason", "x"))
                .post("/api/v1/institutions/" + other + "/revocations").then().statusCode(403);
        // nor after today: a future revocation would flip the status now and the coverage only later
        String tomorrow = TestData.today().plusDays(1).toString();
        city().header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(Map.of("revokedOn", tomorrow, "reason", "测试"))
                .post("/api/v1/institutions/" + other + "/revocations").then().statusCode(400)
                .body("errors[0].field", equalTo("revokedOn"))
                .body("errors[0].message", equalTo("不能晚于今天（" + TestData.today() + "）"));
        city().header("Accept-Language", "en").contentType(ContentType.JSON).body(Map.of("revokedOn", tomorrow, "reason", "测试"))
                .post("/api/v1/institutions/" + other + "/revocations").then().statusCode(400)
                .body("errors[0].message", equalTo("must not be after today (" + TestData.today() + ")"));
        city().get("/api/v1/institutions/" + other).then().body("status", equalTo("RECOGNIZED")).body("revokedOn", nullValue());
        city().get("/api/v1/institutions/" + id + "/history").then().statusCode(200)
                .body("items.findAll { it.resource == 'institution' }.last().state.status", equalTo("REVOKED"));
    }

    @Test
    void aReportForAYearWithoutFiguresFallsBackToTheLatestEarlierYearAndSaysSo() {
        String code = enterprise("371524", 2038, true);
        recognized("SINGLE", "2038-05-01", code);
        JsonPath r = report("2039-06-30");
        assertEquals(2038, r.getInt("statisticalYear"));
        assertEquals(true, r.getBoolean("statisticalYearFallback"));
        assertEquals(2039, r.getInt("targetYear"));
        assertEquals(1, r.getInt(region("371524") + "aboveSizeEnterprises"));
        assertEquals(1, r.getInt(region("371524") + "coveredEnterprises"));
        JsonPath same = report("2038-06-30");
        assertEquals(2038, same.getInt("statisticalYear"));
        assertEquals(false, same.getBoolean("statisticalYearFallback"));
        city().queryParam("asOf", "2039-02-30").get("/api/v1/reports/coverage").then().statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void theShortfallIsTheEnterprisesStillNeededToReachTheTarget() {
        String[] codes = new String[7];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = enterprise(i < 5 ? "371525" : "371526", 2037, true);
        }
        recognized("SINGLE", "2037-01-10", codes[0]);
        recognized("SINGLE", "2037-01-10", codes[1]);
        recognized("SINGLE", "2037-01-10", codes[5]);
        recognized("SINGLE", "2037-01-10", codes[6]);
        city().contentType(ContentType.JSON).body(Map.of("year", 2037, "coverageRate", 0.5, "provincialIncrease", 3))
                .post("/api/v1/targets").then().statusCode(201);
        city().contentType(ContentType.JSON).body(Map.of("year", 2037, "regionCode", "371525", "coverageRate", 0.9, "provincialIncrease", 1))
                .post("/api/v1/targets").then().statusCode(201);

        JsonPath r = report("2037-12-31");
        // 371525: 5 above size, 2 covered, own target 0.9: ceil(4.5) = 5, 3 still needed
        assertEquals(0.9f, r.getFloat(region("371525") + "targetRate"));
        assertEquals(3, r.getInt(region("371525") + "shortfall"));
        assertEquals(1, r.getInt(region("371525") + "provincialTarget"));
        // 371526: 2 above size, both covered, the city-wide 0.5 applies: nothing needed, and no provincial target of its own
        assertEquals(0.5f, r.getFloat(region("371526") + "targetRate"));
        assertEquals(0, r.getInt(region("371526") + "shortfall"));
        assertNull(r.get(region("371526") + "provincialTarget"));
        // city: 7 above size, 4 covered, 0.5: ceil(3.5) = 4, nothing needed
        assertEquals(0, r.getInt("city.shortfall"));
        assertEquals(3, r.getInt("city.provincialTarget"));
        assertEquals(4, ReportService.shortfall(new java.math.BigDecimal("0.5"), 7, 0));
        assertEquals(0, ReportService.shortfall(new java.math.BigDecimal("1.0000"), 7, 9));
        // no target at all for the year: neither rate nor shortfall
        JsonPath none = report("2036-06-30");
        assertNull(none.get("city.targetRate"));
        assertNull(none.get("city.shortfall"));
        // the seeded 2021 target of the action plan
        assertEquals(1.0f, report("2021-12-31").getFloat("city.targetRate"));
        assertEquals(17, report("2021-12-31").getInt("city.provincialTarget"));
    }

    @Test
    void aCountyOfficerSeesOnlyItsRegionAndNoCityBlock() {
        String code = enterprise("371571", 2040, true);
        recognized("SINGLE", "2040-01-15", code);
        enterprise("371572", 2040, true);
        county("371571").queryParam("asOf", "2040-06-30").get("/api/v1/reports/coverage").then().statusCode(200)
                .body("city", nullValue())
                .body("regions", hasSize(1))
                .body("regions[0].regionCode", equalTo("371571"))
                .body("regions[0].aboveSizeEnterprises", equalTo(1))
                .body("regions[0].coveredEnterprises", equalTo(1));
        county("371571").queryParam("asOf", "2040-06-30").queryParam("regionCode", "371572")
                .get("/api/v1/reports/coverage").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("outside your scope"));
        city().queryParam("asOf", "2040-06-30").queryParam("regionCode", "371572").get("/api/v1/reports/coverage").then()
                .statusCode(200).body("regions", hasSize(1)).body("regions[0].coveredEnterprises", equalTo(0))
                .body("city.aboveSizeEnterprises", equalTo(2));
        city().queryParam("regionCode", "999999").get("/api/v1/reports/coverage").then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        TestData.enterprise(code).get("/api/v1/reports/coverage").then().statusCode(403);
        TestData.as(TestData.token("ASSESSOR", "assessorId", "x")).get("/api/v1/reports/coverage").then().statusCode(403);
    }

    @Test
    void theReportIsAlsoACsv() {
        String code = enterprise("371573", 2043, true);
        recognized("SINGLE", "2043-01-15", code);
        enterprise("371573", 2043, true);
        byte[] body = city().accept("text/csv").queryParam("asOf", "2043-06-30").get("/api/v1/reports/coverage").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
        String text = new String(body, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        String[] lines = text.substring(1).split("\r\n");
        assertEquals(1 + 1 + 11, lines.length);
        assertEquals("scope,regionCode,regionName,asOf,statisticalYear,aboveSizeEnterprises,coveredEnterprises,coverageRate,"
                + "targetRate,shortfall,coveredSingle,coveredJoint,coveredIndustry,provincialActive,provincialNew,provincialTarget,"
                + "provincialActiveKeyEnterprise,provincialActiveKeyIndustry,provincialNewKeyEnterprise,provincialNewKeyIndustry", lines[0]);
        assertEquals(true, lines[1].startsWith("CITY,,,2043-06-30,2043,2,1,0.5000,"), lines[1]);
        String zone = java.util.Arrays.stream(lines).filter(l -> l.contains(",371573,")).findFirst().orElseThrow();
        assertEquals(true, zone.startsWith("REGION,371573,江北水城旅游度假区,2043-06-30,2043,2,1,0.5000,,,1,0,0,"), zone);
        county("371573").accept("text/csv").queryParam("asOf", "2043-06-30").get("/api/v1/reports/coverage").then()
                .statusCode(200).body(containsString("REGION,371573"));
    }
}
