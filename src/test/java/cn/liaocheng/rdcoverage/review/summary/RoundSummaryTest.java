package cn.liaocheng.rdcoverage.review.summary;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /rounds/{id}/summary and /announcement (issue 17): one round with two recognitions, one verified, one overridden. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundSummaryTest {
    static final String A = "371526";   // 高唐县: a county supplement of 50 % is in force (set as in AwardTest)
    static final String B = "371573";   // 江北水城旅游度假区
    String round;
    String verifiedApp;
    String verifiedCode;
    String overriddenCode;
    String inspection;

    @BeforeEach
    void oneRound() {
        if (round != null) {
            return;
        }
        int status = TestData.county(A).contentType("application/json")
                .body(Map.of("effectiveFrom", "2021-01-01", "mode", "PERCENT", "percentOfCity", 50))
                .post("/api/v1/regions/" + A + "/award-policy").then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "supplement policy: " + status);
        round = Workflow.openRound();

        // A: recognised on capacity verified on site
        String[] a = Workflow.applicationIn("UNDER_ASSESSMENT", A, round);
        verifiedApp = a[0];
        verifiedCode = a[1];
        inspection = city().contentType("application/json").body(Map.of("applicationId", verifiedApp, "kind", "ON_SITE",
                "assessorKind", "EXPERT", "assessorId", "sum-expert", "assessorName", "专家组"))
                .post("/api/v1/inspections").then().statusCode(201).extract().path("id");
        TestData.as(TestData.token("ASSESSOR", "assessorId", "sum-expert")).contentType("application/json")
                .body(Map.of("conductedOn", TestData.today().toString(), "conclusion", "PASS", "verifiedCapacity",
                        Map.of("personnel", 7, "equipmentValue", 650_000, "rdExpenditure", 530_000, "floorArea", 70,
                                "projectCount", 4, "hasRules", true, "hasStableFunding", true)))
                .patch("/api/v1/inspections/" + inspection).then().statusCode(200);
        Workflow.act(city(), verifiedApp, "RECOGNIZE").statusCode(200);

        // B: an institution below the standard, recognised by override with a reason
        overriddenCode = Workflow.enterprise(B, 350, 52_000_000);
        String inst = TestData.enterprise(overriddenCode).contentType("application/json").body(Map.of("name", "度假区文旅装备研究院",
                        "kind", "RESEARCH_INSTITUTE", "buildMode", "SINGLE", "participants", List.of(overriddenCode),
                        "capacity", Workflow.capacity(2),
                        "cooperations", List.of(Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01",
                                "activities", "联合攻关"))))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        String app = Workflow.apply(overriddenCode, inst, round);
        for (String action : List.of("SUBMIT", "COUNTY_APPROVE", "START_ASSESSMENT")) {
            Workflow.act(Workflow.as(action, overriddenCode, B), app, action).statusCode(200);
        }
        Workflow.act(city(), app, Map.of("action", "RECOGNIZE", "override", true, "reason", "市政府专题会议研究同意")).statusCode(200);

        Workflow.applicationIn("SUBMITTED", A, round);
        Workflow.applicationIn("DRAFT", B, round);
    }

    @Test
    void theCityGetsEveryRegionTheListAndTheTotals() {
        JsonPath s = city().get("/api/v1/rounds/" + round + "/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(round, s.getString("roundId"));
        assertEquals(11, s.getList("regions").size());
        Map<String, Object> a = s.getMap("regions.find { it.regionCode == '" + A + "' }");
        assertEquals("高唐县", a.get("regionName"));
        assertEquals(Map.of("DRAFT", 0, "SUBMITTED", 1, "RETURNED", 0, "COUNTY_APPROVED", 0, "COUNTY_REJECTED", 0,
                "UNDER_ASSESSMENT", 0, "RECOGNIZED", 1, "REJECTED", 0, "WITHDRAWN", 0), a.get("applications"));
        assertEquals(2, a.get("applicationsTotal"));
        assertEquals(1, a.get("recognizedInstitutions"));
        assertEquals(100000.0f, ((Number) a.get("cityAwards")).floatValue());
        assertEquals(50000.0f, ((Number) a.get("countySupplements")).floatValue());
        assertEquals(150000.0f, ((Number) a.get("totalAwards")).floatValue());
        Map<String, Object> b = s.getMap("regions.find { it.regionCode == '" + B + "' }");
        assertEquals(2, b.get("applicationsTotal"));
        assertEquals(0.0f, ((Number) b.get("cityAwards")).floatValue());

        assertEquals(4, s.getInt("city.applicationsTotal"));
        assertEquals(2, s.getInt("city.recognizedInstitutions"));
        assertEquals(2, s.getInt("city.recognizedEnterprises"));
        assertEquals(100000.0f, s.getFloat("city.cityAwards"));
        assertEquals(50000.0f, s.getFloat("city.countySupplements"));
        assertEquals(150000.0f, s.getFloat("city.totalAwards"));

        assertEquals(2, s.getList("recognitions").size());
        Map<String, Object> verified = s.getMap("recognitions.find { it.creditCode == '" + verifiedCode + "' }");
        assertEquals("VERIFIED", verified.get("basis"));
        assertEquals(inspection, verified.get("inspectionId"));
        assertEquals("MEDIUM", verified.get("sizeClass"));
        assertEquals("SINGLE", verified.get("buildMode"));
        assertEquals("技术中心", verified.get("institutionName"));
        assertEquals("流程企业" + verifiedCode.substring(11), verified.get("enterpriseName"));
        assertEquals(false, verified.get("override"));
        assertEquals("PROPOSED", verified.get("cityAwardStatus"));
        assertEquals(100000.0f, ((Number) verified.get("cityAward")).floatValue());
        assertEquals(50000.0f, ((Number) verified.get("countySupplement")).floatValue());
        Map<String, Object> overridden = s.getMap("recognitions.find { it.creditCode == '" + overriddenCode + "' }");
        assertEquals("DECLARED", overridden.get("basis"));
        assertEquals(true, overridden.get("override"));
        assertEquals("市政府专题会议研究同意", overridden.get("overrideReason"));
        assertFalse(overridden.containsKey("cityAward"), "an overridden recognition earns no award by default");
        assertEquals("江北水城旅游度假区", overridden.get("regionName"));
    }

    @Test
    void aCountyOfficerGetsItsRegionOnlyAndOtherRolesNothing() {
        JsonPath s = TestData.county(A).get("/api/v1/rounds/" + round + "/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(1, s.getList("regions").size());
        assertEquals(A, s.getString("regions[0].regionCode"));
        assertNull(s.get("city"));
        assertEquals(List.of(verifiedCode), s.getList("recognitions.creditCode"));

        TestData.role("FINANCE").get("/api/v1/rounds/" + round + "/summary").then().statusCode(200);
        TestData.role("PROVINCE").get("/api/v1/rounds/" + round + "/summary").then().statusCode(200);
        TestData.enterprise(verifiedCode).get("/api/v1/rounds/" + round + "/summary").then().statusCode(403);
        TestData.as(TestData.token("ASSESSOR", "assessorId", "sum-expert")).get("/api/v1/rounds/" + round + "/summary")
                .then().statusCode(403);
        city().get("/api/v1/rounds/2099H9/summary").then().statusCode(404).contentType("application/problem+json");
        // the round itself is still served next to its summary
        city().get("/api/v1/rounds/" + round).then().statusCode(200).body("id", equalTo(round));
    }

    @Test
    void theCsvReadsInChineseForTheTaskForce() {
        String zh = new String(city().header("Accept", "text/csv").header("Accept-Language", "zh-CN,zh;q=0.9")
                .get("/api/v1/rounds/" + round + "/summary").then().statusCode(200)
                .header("Content-Type", containsString("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(zh.startsWith("\uFEFF" + round + " 研发机构认定评审汇总（金额单位：元）"), zh);
        assertTrue(zh.contains("区划代码,县（市、区）,草稿,已提交,退回修改,县级审核通过,县级审核未通过,认定评审中,已认定,未予认定,已撤回,"
                + "申报合计,认定机构数,认定企业数,市级奖补（元）,县级配套（元）,奖补合计（元）"), zh);
        assertTrue(zh.contains(A + ",高唐县,0,1,0,0,0,0,1,0,0,2,1,1,100000.00,50000.00,150000.00"), zh);
        assertTrue(zh.contains("\r\n,全市合计,1,1,0,0,0,0,2,0,0,4,2,2,100000.00,50000.00,150000.00\r\n"), zh);
        assertTrue(zh.contains("序号,县（市、区）,企业名称,统一社会信用代码,研发机构名称,建设模式,企业规模,认定依据,是否特批认定,特批理由"), zh);
        assertTrue(zh.contains(",度假区文旅装备研究院,企业单建,中型,申报数据,是,市政府专题会议研究同意,"), zh);
        assertTrue(zh.contains(",技术中心,企业单建,中型,现场核查数据,否,,"), zh);

        String en = new String(city().header("Accept", "text/csv").header("Accept-Language", "en")
                .get("/api/v1/rounds/" + round + "/summary").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(en.startsWith("\uFEFF" + round + " R&D institution recognition round summary (amounts in yuan)"), en);
        assertTrue(en.contains("regionCode,regionName,DRAFT,SUBMITTED"), en);
    }

    /** The same document as xlsx (the import issue's format): amounts are number cells in yuan, credit codes text cells. */
    @Test
    void theSummaryIsAlsoAnXlsxWorkbook() throws Exception {
        String xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        io.restassured.response.Response r = TestData.county(A).header("Accept", xlsxType).header("Accept-Language", "zh-CN")
                .get("/api/v1/rounds/" + round + "/summary");
        r.then().statusCode(200).contentType(xlsxType)
                .header("Content-Disposition", org.hamcrest.Matchers.matchesPattern(
                        "attachment; filename=\"round-" + round + "-summary-" + A + "-\\d{4}-\\d{2}-\\d{2}\\.xlsx\""));
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(r.asByteArray()))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertEquals(round + " 研发机构认定评审汇总（金额单位：元）", rows.get(0).getCellText(0));
            org.dhatim.fastexcel.reader.Row region = rows.stream().filter(x -> A.equals(x.getCellText(0))).findFirst().orElseThrow();
            assertEquals("高唐县", region.getCellText(1));
            assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, region.getCell(14).getType());
            assertEquals(0, new java.math.BigDecimal("100000").compareTo(region.getCell(14).asNumber()));
            assertEquals(0, new java.math.BigDecimal("50000").compareTo(region.getCell(15).asNumber()));
            assertEquals(0, new java.math.BigDecimal("150000").compareTo(region.getCell(16).asNumber()));
            org.dhatim.fastexcel.reader.Row listed = rows.stream().filter(x -> x.getCellCount() > 3 && verifiedCode.equals(x.getCellText(3)))
                    .findFirst().orElseThrow();
            assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, listed.getCell(3).getType());
            assertEquals("现场核查数据", listed.getCellText(7));
        }
        byte[] announcement = TestData.enterprise(verifiedCode).header("Accept", xlsxType).header("Accept-Language", "zh-CN")
                .get("/api/v1/rounds/" + round + "/announcement").then().statusCode(200).contentType(xlsxType).extract().asByteArray();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(announcement))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertEquals(List.of("序号", "企业名称", "研发机构名称", "建设模式", "县（市、区）"),
                    List.of(rows.get(1).getCellText(0), rows.get(1).getCellText(1), rows.get(1).getCellText(2),
                            rows.get(1).getCellText(3), rows.get(1).getCellText(4)));
            assertEquals(4, rows.size(), "title, header and the two recognised");
        }
    }

    @Test
    void theAnnouncementListsTheRecognizedWithNothingConfidential() {
        JsonPath a = TestData.enterprise(verifiedCode).get("/api/v1/rounds/" + round + "/announcement").then().statusCode(200)
                .body("items", hasSize(2)).extract().jsonPath();
        Map<String, Object> first = a.getMap("items.find { it.institutionName == '度假区文旅装备研究院' }");
        assertEquals(Map.of("enterpriseName", "流程企业" + overriddenCode.substring(11), "institutionName", "度假区文旅装备研究院",
                "buildMode", "SINGLE", "regionCode", B, "regionName", "江北水城旅游度假区"), first);
        String csv = new String(TestData.as(TestData.token("ASSESSOR", "assessorId", "x")).header("Accept", "text/csv")
                .header("Accept-Language", "zh-CN").get("/api/v1/rounds/" + round + "/announcement").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("序号,企业名称,研发机构名称,建设模式,县（市、区）"), csv);
        assertTrue(csv.contains("度假区文旅装备研究院,企业单建,江北水城旅游度假区"), csv);
        assertFalse(csv.contains(overriddenCode), "no credit codes in the announcement");
        io.restassured.RestAssured.get("/api/v1/rounds/" + round + "/announcement").then().statusCode(401);
    }
}
