package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.enterprise.Xlsx;
import cn.liaocheng.rdcoverage.review.Workflow;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.contract.ServedContract.conforms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real answers of the main endpoints, for the city and for a county officer, validated against the schemas of the
 * served contract (JSON Schema 2020-12, {@link ServedContract}): what a generated TypeScript client takes as present
 * and non-null must be so. Each case also checks the shape that makes it a case (a null, an absent property).
 */
@QuarkusTest
class AnswersMatchContractTest {
    private static final String REGION = "371502";   // 东昌府区
    private static final String ASSESSMENT = """
            {"asOf":"2021-06-30","buildMode":"SINGLE","participants":[{"creditCode":"91350100M000100Y43","employees":350,\
            "revenue":52000000,"aboveDesignatedSize":true,"previouslyAwarded":false}],"capacity":{"personnel":6,\
            "equipmentValue":600000,"rdExpenditure":520000,"floorArea":60,"projectCount":3,"hasRules":true,\
            "hasStableFunding":true},"cooperations":[{"partner":"聊城大学","partnerKind":"UNIVERSITY","signedOn":"2020-09-01",\
            "activities":"联合开展工艺改进项目"}]}""";

    private static Response get(RequestSpecification who, String path) {
        return who.get(path).then().extract().response();
    }

    @Test
    void eligibilityAssessmentsWithAndWithoutAnAward() {
        JsonNode awarded = conforms("POST", "/api/v1/eligibility-assessments",
                city().contentType("application/json").body(ASSESSMENT).post("/api/v1/eligibility-assessments"));
        assertTrue(awarded.at("/participants/0/subsidyReason").isNull());
        JsonNode none = conforms("POST", "/api/v1/eligibility-assessments", city().contentType("application/json")
                .body(ASSESSMENT.replace("\"personnel\":6", "\"personnel\":1")).post("/api/v1/eligibility-assessments"));
        assertTrue(none.at("/participants/0/subsidyTier").isNull());
    }

    @Test
    void anInstitutionsEligibilityAndARecognisedApplication() {
        String round = Workflow.openRound();
        String[] recognised = Workflow.applicationIn("RECOGNIZED", REGION, round);
        String[] declined = Workflow.applicationIn("REJECTED", REGION, round);
        conforms("GET", "/api/v1/institutions/{id}/eligibility", get(city(), "/api/v1/institutions/" + recognised[2] + "/eligibility"));
        JsonNode decided = conforms("GET", "/api/v1/applications/{id}", get(city(), "/api/v1/applications/" + recognised[0]));
        assertTrue(decided.at("/decision/overrideReason").isNull(), decided.toString());
        JsonNode rejected = conforms("GET", "/api/v1/applications/{id}", get(city(), "/api/v1/applications/" + declined[0]));
        assertFalse(rejected.has("decision"), rejected.toString());
        JsonNode summary = conforms("GET", "/api/v1/rounds/{id}/summary", get(city(), "/api/v1/rounds/" + round + "/summary"));
        assertTrue(summary.at("/city/regionCode").isNull());
        JsonNode recognition = summary.at("/recognitions/0");
        assertFalse(recognition.has("inspectionId") || recognition.has("overrideReason"), recognition.toString());
        JsonNode ofCounty = conforms("GET", "/api/v1/rounds/{id}/summary", get(county(REGION), "/api/v1/rounds/" + round + "/summary"));
        assertFalse(ofCounty.has("city"));
        assertEquals(1, ofCounty.get("recognitions").size());
    }

    @Test
    void indicatorReportsAndTrendsOfTheCityAndOfACounty() {
        for (RequestSpecification who : List.of(city(), county(REGION))) {
            JsonNode report = conforms("GET", "/api/v1/reports/indicators", get(who, "/api/v1/reports/indicators?year=1992"));
            assertTrue(report.at("/regions/0/growth/institutions/percent").isNull());
            conforms("GET", "/api/v1/reports/indicators/trend", get(who, "/api/v1/reports/indicators/trend?from=1991&to=1993"));
        }
        JsonNode report = conforms("GET", "/api/v1/reports/indicators", get(city(), "/api/v1/reports/indicators?year=1992"));
        assertFalse(report.get("city").has("regionCode"));
        assertTrue(report.at("/city/totals/rdIntensity").isNull());
    }

    @Test
    void coverageReportsOfTheCityAndOfACounty() {
        JsonNode ofCounty = conforms("GET", "/api/v1/reports/coverage", get(county(REGION), "/api/v1/reports/coverage"));
        assertFalse(ofCounty.has("city"));
        conforms("GET", "/api/v1/reports/coverage", get(city(), "/api/v1/reports/coverage"));
    }

    @Test
    void importReportsOfCsvAndXlsx() {
        String a = TestData.creditCode();
        String csv = "creditCode,name,regionCode,year,employees,revenue\n" + a + ",契约导入企业,371502,2024,5,100\n";
        JsonNode ofCsv = conforms("POST", "/api/v1/enterprises/import", city().config(TestData.RAW_CHARSET).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/enterprises/import"));
        assertFalse(ofCsv.get("file").has("fileName"));
        byte[] xlsx = Xlsx.of(List.of(List.of("统一社会信用代码", "企业名称", "所属区县代码", "年度", "从业人员", "营业收入"),
                List.of(TestData.creditCode(), "表格契约企业", "371502", 2024, 5, 100)));
        JsonNode ofXlsx = conforms("POST", "/api/v1/enterprises/import", city().multiPart("file", "list.xlsx", xlsx,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").post("/api/v1/enterprises/import"));
        assertEquals("xlsx", ofXlsx.at("/file/format").asText());
        assertFalse(ofXlsx.get("file").has("delimiter"));
    }

    /**
     * Every GET of the contract, as the city and as a county officer, after a recognised application: those without a
     * path parameter, and those of that application, its institution, enterprise, round and award.
     */
    @Test
    void everyGetAsTheCityAndACounty() {
        String round = Workflow.openRound();
        String[] app = Workflow.applicationIn("RECOGNIZED", REGION, round);
        String award = city().get("/api/v1/applications/" + app[0]).then().statusCode(200).extract().path("awards[0].id");
        int checked = sweep(Map.of("/api/v1/applications/{id}", app[0], "/api/v1/enterprises/{creditCode}", app[1],
                "/api/v1/institutions/{id}", app[2], "/api/v1/rounds/{id}", round, "/api/v1/awards/{id}", award,
                "/api/v1/policies/{id}", "liaocheng-2020", "/api/v1/regions/{code}", REGION), city(), county(REGION));
        assertTrue(checked >= 60, "answers checked: " + checked);
    }

    /** A batch of transitions, one applied and one refused: the refused item has a problem, no status and no etag. */
    @Test
    void aBatchWithAnAppliedAndARefusedItem() {
        String round = Workflow.openRound();
        String submitted = Workflow.applicationIn("SUBMITTED", REGION, round)[0];
        String draft = Workflow.applicationIn("DRAFT", REGION, round)[0];
        List<Map<String, Object>> items = List.of(Map.of("id", submitted, "action", "COUNTY_APPROVE"),
                Map.of("id", draft, "action", "COUNTY_APPROVE"));
        JsonNode result = conforms("POST", "/api/v1/applications/transitions", county(REGION).contentType("application/json")
                .body(Map.of("items", items)).post("/api/v1/applications/transitions"));
        assertEquals(1, result.get("failed").asInt());
        assertFalse(result.at("/items/1").has("etag"), result.toString());
    }

    /** The webhook subscription as created (with its secret) and as listed (without), and the snapshots. */
    @Test
    void webhookSubscriptionsAndSnapshots() {
        RequestSpecification admin = TestData.role("ADMIN");
        JsonNode created = conforms("POST", "/api/v1/webhook-subscriptions", admin.contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:9/contract", "types", List.of("enterprise.created")))
                .post("/api/v1/webhook-subscriptions"));
        assertTrue(created.get("secret").asText().startsWith("whsec_"));
        Response snapshot = city().contentType("application/json").body(Map.of("asOf", "2013-03-31")).post("/api/v1/reports/snapshots");
        String id = snapshot.statusCode() == 201 ? snapshot.path("id")
                : city().get("/api/v1/reports/snapshots?from=2013-03-31&to=2013-03-31").path("items[0].id");
        int checked = sweep(Map.of("/api/v1/webhook-subscriptions/{id}", created.get("id").asText(),
                "/api/v1/reports/snapshots/{id}", id), TestData.role("ADMIN"), city());
        assertTrue(checked >= 5, "answers checked: " + checked);
    }

    /**
     * GETs every path of the contract that has no parameter once {@code ids} (a path prefix and its value) are put in,
     * as each of {@code callers}, and asserts every answer matches the contract; returns how many 200 JSON answers it checked.
     */
    private static int sweep(Map<String, String> ids, RequestSpecification... callers) {
        List<String> violations = new java.util.ArrayList<>();
        int checked = 0;
        for (String template : ServedContract.paths("GET")) {
            String path = template;
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.startsWith(id.getKey()) ? id.getKey().replaceAll("\\{.*}", id.getValue())
                        + path.substring(id.getKey().length()) : path;
            }
            if (path.contains("{") || path.startsWith("/q/") || path.contains("/dev/")) {
                continue;
            }
            for (RequestSpecification who : callers) {
                Response answer = get(who.accept("application/json"), path);
                checked += answer.statusCode() == 200 && answer.contentType().startsWith("application/json") ? 1 : 0;
                violations.addAll(ServedContract.violationsOf("GET", template, answer));
            }
        }
        assertEquals(List.of(), violations.stream().distinct().toList());
        return checked;
    }

    @Test
    void problemsOf400404409And422() {
        JsonNode invalid = conforms("POST", "/api/v1/institutions/historic-register", city().contentType("application/json")
                .body(Map.of("institutions", List.of())).post("/api/v1/institutions/historic-register"));
        assertEquals(400, invalid.get("status").asInt());
        assertFalse(invalid.at("/errors/0").has("line"), invalid.toString());
        conforms("GET", "/api/v1/enterprises/{creditCode}", get(city(), "/api/v1/enterprises/" + TestData.creditCode()));
        String code = Workflow.enterprise(REGION, 5, 100);
        JsonNode conflict = conforms("POST", "/api/v1/enterprises", city().contentType("application/json")
                .body(Map.of("creditCode", code, "name", "重复企业", "regionCode", REGION)).post("/api/v1/enterprises"));
        assertEquals(409, conflict.get("status").asInt());
        String csv = "creditCode,name,regionCode,year,employees,revenue\n" + TestData.creditCode() + ",甲,371502,2024,20000000,1\n";
        JsonNode refused = conforms("POST", "/api/v1/enterprises/import", city().config(TestData.RAW_CHARSET).contentType("text/csv")
                .body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/enterprises/import"));
        assertEquals(422, refused.get("status").asInt());
    }
}
