package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.enterprise.EnterpriseFigures;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.coverage.Coverage.recognize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #19, history that stays true: the region of a statistical year, INDUSTRY coverage bounded by the service
 * agreement, designations of recognised institutions only (split by key enterprise / key industry), years without
 * a target. Each test has its own far-away year (2071 and later), so its counts are exact.
 */
@QuarkusTest
class RealYearsReportTest {
    private static JsonPath report(String asOf) {
        return city().queryParam("asOf", asOf).get("/api/v1/reports/coverage").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    private static String region(String code) {
        return "regions.find { it.regionCode == '" + code + "' }.";
    }

    /** One above-size year of figures as the service stores it: with the region of that year. */
    private static void figures(String code, int year, String region) {
        QuarkusTransaction.requiringNew().run(() -> {
            EnterpriseFigures f = new EnterpriseFigures();
            f.creditCode = code;
            f.year = year;
            f.regionCode = region;
            f.employees = 350;
            f.revenue = new BigDecimal("52000000");
            f.aboveDesignatedSize = true;
            f.aboveSizeDeclared = true;
            f.sizeClass = SizeClass.MEDIUM;
            f.updatedAt = Instant.now();
            f.persist();
            Coverage.ledger().refresh(java.util.List.of(code));
        });
    }

    private static String move(String code, String region) {
        String etag = city().get("/api/v1/enterprises/" + code).then().statusCode(200).extract().header("ETag");
        return city().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("name", "迁移企业" + code.substring(10), "regionCode", region))
                .put("/api/v1/enterprises/" + code).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void movingAnEnterpriseLeavesTheEarlierYearsReportAsItWas() {
        String moved = Coverage.enterprise("371522");
        figures(moved, 2071, "371522");
        recognize(Coverage.institution("SINGLE", moved), "2071-03-01");
        JsonPath before = report("2071-06-30");
        assertEquals(1, before.getInt(region("371522") + "aboveSizeEnterprises"));
        assertEquals(1, before.getInt(region("371522") + "coveredEnterprises"));
        assertEquals(0, before.getInt(region("371526") + "aboveSizeEnterprises"));

        move(moved, "371526");
        JsonPath after = report("2071-06-30");
        assertEquals(1, after.getInt(region("371522") + "aboveSizeEnterprises"));
        assertEquals(1, after.getInt(region("371522") + "coveredEnterprises"));
        assertEquals(0, after.getInt(region("371526") + "aboveSizeEnterprises"));
        assertEquals(0, after.getInt(region("371526") + "coveredEnterprises"));

        // the next year's figures (taken with the new region) count it in the new county
        figures(moved, 2072, "371526");
        JsonPath next = report("2072-06-30");
        assertEquals(0, next.getInt(region("371522") + "aboveSizeEnterprises"));
        assertEquals(1, next.getInt(region("371526") + "aboveSizeEnterprises"));
        assertEquals(1, next.getInt(region("371526") + "coveredEnterprises"));
        // and the county's work list of 2071 still names the old county
        String uncovered = Coverage.enterprise("371522");
        figures(uncovered, 2071, "371522");
        move(uncovered, "371526");
        city().queryParam("asOf", "2071-12-31").queryParam("regionCode", "371522").get("/api/v1/reports/uncovered").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].creditCode", equalTo(uncovered))
                .body("items[0].regionCode", equalTo("371522"));
        city().queryParam("asOf", "2071-12-31").queryParam("regionCode", "371526").get("/api/v1/reports/uncovered").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void eachYearsFiguresKeepTheRegionTheyWereWrittenWith() {
        String code = TestData.creditCode("371521");
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "阳谷企业", "regionCode", "371521",
                        "figures", List.of(Map.of("year", 2024, "employees", 350, "revenue", 52_000_000))))
                .post("/api/v1/enterprises").then().statusCode(201);
        city().get("/api/v1/enterprises/" + code + "/figures/2024").then().statusCode(200).body("regionCode", equalTo("371521"));
        move(code, "371522");
        city().get("/api/v1/enterprises/" + code + "/figures/2024").then().body("regionCode", equalTo("371521"));
        city().contentType(ContentType.JSON).body(Map.of("employees", 360, "revenue", 53_000_000))
                .put("/api/v1/enterprises/" + code + "/figures/2025").then().statusCode(201).body("regionCode", equalTo("371522"));
        // a correction of one year's region, and an unknown region refused naming the field
        String etag = city().get("/api/v1/enterprises/" + code + "/figures/2024").then().extract().header("ETag");
        var put = city().contentType(ContentType.JSON).body(Map.of("employees", 350, "revenue", 52_000_000, "regionCode", "371524"));
        if (etag != null) {
            put = put.header("If-Match", etag);
        }
        put.put("/api/v1/enterprises/" + code + "/figures/2024").then().statusCode(200).body("regionCode", equalTo("371524"));
        city().contentType(ContentType.JSON).body(Map.of("employees", 350, "revenue", 52_000_000, "regionCode", "999999"))
                .put("/api/v1/enterprises/" + code + "/figures/2025").then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));

        // the statistics bureau's list of a later year moves only that year
        String imported = TestData.creditCode("371581");
        String header = "creditCode,name,regionCode,year,employees,revenue\n";
        city().config(TestData.RAW_CHARSET).contentType("text/csv")
                .body((header + imported + ",临清企业,371581,2024,300,30000000\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(200).body("created", equalTo(1));
        city().config(TestData.RAW_CHARSET).contentType("text/csv")
                .body((header + imported + ",临清企业,371526,2025,300,30000000\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(200).body("created", equalTo(1));
        city().get("/api/v1/enterprises/" + imported).then().body("regionCode", equalTo("371526"));
        city().get("/api/v1/enterprises/" + imported + "/figures/2024").then().body("regionCode", equalTo("371581"));
        city().get("/api/v1/enterprises/" + imported + "/figures/2025").then().body("regionCode", equalTo("371526"));
    }

    @Test
    void anIndustryInstitutionCoversOnlyWhileItsServiceAgreementIsValid() {
        String code = Coverage.enterprise("371524");
        figures(code, 2073, "371524");
        Map<String, Object> body = new HashMap<>(Map.of("name", "产业共建", "kind", "OTHER", "buildMode", "INDUSTRY",
                "participants", List.of(code),
                "platform", Map.of("name", "聊城产业技术研究院", "kind", "INDUSTRY_INSTITUTE", "certificationLevel", "NONE"),
                "serviceAgreement", Map.of("expert", "专家服务团", "signedOn", "2073-01-01", "validUntil", "2073-06-30")));
        String id = city().contentType(ContentType.JSON).body(body).post("/api/v1/institutions").then().statusCode(201)
                .extract().path("id");
        recognize(id, "2073-02-01");
        assertEquals(1, report("2073-06-30").getInt(region("371524") + "coveredEnterprises"));
        assertEquals(1, report("2073-06-30").getInt(region("371524") + "coveredByBuildMode.INDUSTRY"));
        JsonPath lapsed = report("2073-12-31");
        assertEquals(0, lapsed.getInt(region("371524") + "coveredEnterprises"));
        assertEquals(0, lapsed.getInt(region("371524") + "coveredByBuildMode.INDUSTRY"));
        city().queryParam("asOf", "2073-12-31").queryParam("regionCode", "371524").get("/api/v1/reports/uncovered").then()
                .body("items.creditCode", equalTo(List.of(code)));
    }

    @Test
    void onlyDesignationsOfRecognizedInstitutionsCountSplitByKeyEnterpriseAndKeyIndustry() {
        String key = TestData.creditCode("371525");
        city().contentType(ContentType.JSON).body(Map.of("creditCode", key, "name", "重点企业", "regionCode", "371525",
                "keyEnterprise", true)).post("/api/v1/enterprises").then().statusCode(201);
        String industry = TestData.creditCode("371525");
        city().contentType(ContentType.JSON).body(Map.of("creditCode", industry, "name", "重点行业企业", "regionCode", "371525",
                "keyIndustry", true)).post("/api/v1/enterprises").then().statusCode(201);
        String plain = Coverage.enterprise("371525");
        String declaredOnly = Coverage.enterprise("371525");
        for (String c : List.of(key, industry, plain, declaredOnly)) {
            figures(c, 2074, "371525");
        }
        String ofKey = Coverage.recognized("SINGLE", "2074-01-15", key);
        String ofIndustry = Coverage.recognized("SINGLE", "2074-01-15", industry);
        String ofPlain = Coverage.recognized("SINGLE", "2074-01-15", plain);
        String declared = Coverage.institution("SINGLE", declaredOnly);
        for (String id : List.of(ofKey, ofIndustry, ofPlain, declared)) {
            city().contentType(ContentType.JSON).body(Map.of("level", "PROVINCIAL", "program", "山东省企业技术中心",
                    "grantedOn", "2074-03-01")).post("/api/v1/institutions/" + id + "/designations").then().statusCode(201);
        }
        JsonPath r = report("2074-06-30");
        assertEquals(3, r.getInt(region("371525") + "provincialNew"));
        assertEquals(1, r.getInt(region("371525") + "provincialNewKeyEnterprise"));
        assertEquals(1, r.getInt(region("371525") + "provincialNewKeyIndustry"));
        assertEquals(3, r.getInt("city.provincialNew"));
        assertEquals(1, r.getInt("city.provincialNewKeyEnterprise"));
        assertEquals(1, r.getInt("city.provincialNewKeyIndustry"));
        // once recognised, the declared one's designation counts too
        recognize(declared, "2074-07-01");
        assertEquals(3, report("2074-06-30").getInt(region("371525") + "provincialNew"));
        assertEquals(4, report("2074-07-01").getInt(region("371525") + "provincialNew"));

        String csv = new String(city().accept("text/csv").queryParam("asOf", "2074-06-30").queryParam("regionCode", "371525")
                .get("/api/v1/reports/coverage").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("provincialNewKeyEnterprise"), csv);
    }

    @Test
    void aYearWithoutTargetsSaysSoPlainly() {
        JsonPath r = report("2075-06-30");
        assertFalse(r.getBoolean("targetSet"));
        assertTrue(r.getString("targetNote").contains("No target is set for 2075"), r.getString("targetNote"));
        assertNull(r.get("city.targetRate"));
        assertNull(r.get("city.shortfall"));
        JsonPath set = report("2021-06-30");
        assertTrue(set.getBoolean("targetSet"));
        assertNull(set.get("targetNote"));
        city().queryParam("asOf", "2075-06-30").get("/api/v1/reports/coverage").then()
                .body("targetNote", containsString("POST /api/v1/targets"));
        // in the client's language
        city().header("Accept-Language", "zh-CN").queryParam("asOf", "2075-06-30").get("/api/v1/reports/coverage").then()
                .header("Content-Language", "zh-CN")
                .body("targetNote", org.hamcrest.Matchers.equalTo("2075 年尚未设定目标：targetRate 和 shortfall 为空。由市级用 "
                        + "POST /api/v1/targets 设定（{\"year\": 2075, \"coverageRate\": …, \"provincialIncrease\": …}）"));
    }
}
