package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * Who the recognition's automatic award is for (docs/domain.md section 6): an enterprise above designated size in the
 * statistical year the coverage report uses on the decision date, whose institution is recognised for the first time
 * (初次通过审核确认, 不重复支持); the notes say why not, in English and Chinese.
 */
@QuarkusTest
class FirstRecognitionAwardTest {
    private static final int YEAR = Workflow.YEAR;

    /** A registered enterprise with figures of these years only (40 persons, 25,000,000 yuan: SMALL and 规上). */
    private static String enterpriseListedIn(String region, int... years) {
        String code = TestData.creditCode(region);
        List<Map<String, Object>> figures = java.util.Arrays.stream(years)
                .mapToObj(y -> Map.<String, Object>of("year", y, "employees", 40, "revenue", 25_000_000)).toList();
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "名录企业" + code.substring(11),
                "regionCode", region, "figures", figures)).post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    /** Its institution recognised through the historic register on {@code recognizedOn}; the institution's id. */
    private static String historic(String code, String recognizedOn) {
        List<String> ids = city().contentType("application/json").body(Map.of("institutions", List.of(Map.of(
                        "institution", Map.of("name", "原技术中心", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                                "participants", List.of(code)), "recognizedOn", recognizedOn))))
                .post("/api/v1/institutions/historic-register").then().statusCode(201).extract().path("ids");
        return ids.get(0);
    }

    @Test
    void anEnterpriseNotListedInTheStatisticalYearGetsNoAward() {
        String round = Workflow.openRound();
        Workflow.enterprise("371524", 350, 52_000_000); // figures of this year are loaded: the statistical year is YEAR
        String p1 = enterpriseListedIn("371524", YEAR - 6, YEAR - 5);
        String app = AwardTest.underAssessment(p1, "371524", round);

        Workflow.act(city(), app, "RECOGNIZE").statusCode(200)
                .body("status", equalTo("RECOGNIZED"))
                .body("awards", hasSize(0))
                .body("awardNotes", hasSize(1))
                .body("awardNotes[0].creditCode", equalTo(p1))
                .body("awardNotes[0].reason", equalTo("NOT_ABOVE_DESIGNATED_SIZE"))
                .body("awardNotes[0].detail", containsString("statistical year"));
        city().get("/api/v1/applications/" + app).then().statusCode(200)
                .body("decision.result.qualified", equalTo(true))
                .body("decision.result.participants[0].sizeClass", equalTo("SMALL"))
                .body("decision.result.participants[0].subsidyTier", equalTo(null))
                .body("decision.result.participants[0].subsidyAmount", equalTo(0))
                .body("decision.result.participants[0].subsidyReason", equalTo("NOT_ABOVE_DESIGNATED_SIZE"));
        city().queryParam("creditCode", p1).get("/api/v1/awards").then().statusCode(200).body("total", equalTo(0));
        // the coverage report of the same date reads the same statistical year, in which p1 is not listed
        city().queryParam("asOf", TestData.today().toString()).get("/api/v1/reports/coverage").then().statusCode(200)
                .body("statisticalYear", equalTo(YEAR));
        // the same enterprise listed this year as well is paid the SMALL award
        String listed = enterpriseListedIn("371524", YEAR - 5, YEAR);
        AwardTest.recognize(listed, "371524", round).body("awards.find { it.program == 'CITY_FIRST_RECOGNITION' }.amount",
                equalTo(50000.0f));
    }

    @Test
    void anEnterpriseRecognisedBeforeGetsNoFirstRecognitionAwardButTheCityMayProposeOne() {
        String round = Workflow.openRound();
        String p0 = Workflow.enterprise("371521", 350, 52_000_000); // MEDIUM
        String old = historic(p0, (YEAR - 6) + "-12-18");
        city().contentType("application/json").body(Map.of("revokedOn", (YEAR - 3) + "-06-30", "reason", "不再运行"))
                .post("/api/v1/institutions/" + old + "/revocations").then().statusCode(200).body("status", equalTo("REVOKED"));

        String app = AwardTest.underAssessment(p0, "371521", round);
        Workflow.act(city(), app, "RECOGNIZE").statusCode(200)
                .body("awards", hasSize(0))
                .body("awardNotes[0].creditCode", equalTo(p0))
                .body("awardNotes[0].reason", equalTo("NOT_FIRST_RECOGNITION"))
                .body("awardNotes[0].detail", containsString("first recognition"));
        city().get("/api/v1/applications/" + app).then()
                .body("decision.result.participants[0].subsidyReason", equalTo("NOT_FIRST_RECOGNITION"))
                .body("decision.result.participants[0].subsidyAmount", equalTo(0));
        city().queryParam("creditCode", p0).get("/api/v1/awards").then().body("total", equalTo(0));

        String institution = city().get("/api/v1/applications/" + app).then().extract().path("institutionId");
        city().contentType("application/json").body(Map.of("program", "CITY_FIRST_RECOGNITION", "creditCode", p0,
                        "institutionId", institution, "reason", "专班研究决定给予支持"))
                .post("/api/v1/awards").then().statusCode(201)
                .body("amount", equalTo(100000.0f)).body("status", equalTo("PROPOSED"));
    }

    @Test
    void theNoteSaysWhyInChinese() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371521", 350, 52_000_000);
        historic(code, (YEAR - 5) + "-06-30"); // recognised and never revoked
        String app = AwardTest.underAssessment(code, "371521", round);
        city().header("Accept-Language", "zh-CN").contentType("application/json").body(Map.of("action", "RECOGNIZE"))
                .post("/api/v1/applications/" + app + "/transitions").then().statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("awards", hasSize(0))
                .body("awardNotes[0].reason", equalTo("NOT_FIRST_RECOGNITION"))
                .body("awardNotes[0].detail", containsString("不属于初次通过审核确认"));
    }
}
