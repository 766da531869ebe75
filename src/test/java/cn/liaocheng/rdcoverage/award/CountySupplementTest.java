package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 item 4: a county supplement's FIXED amounts are the city's model, an amount per tier
 * ({@code {"LARGE":…,"MEDIUM":…,"SMALL":…}}); each missing tier is a 400 naming it, and recognition pays the
 * amount of the enterprise's tier.
 */
@QuarkusTest
class CountySupplementTest {
    /** No other test sets a supplement here, so the version below is the one in force. */
    private static final String REGION = "371571";

    @Test
    void aFixedSupplementIsAnAmountPerTierLikeTheCitysAwards() {
        TestData.county(REGION).contentType("application/json")
                .body(Map.of("effectiveFrom", "2020-06-01", "mode", "FIXED", "amounts", Map.of("LARGE", 80000, "MEDIUM", 30000)))
                .post("/api/v1/regions/" + REGION + "/award-policy").then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("amounts.SMALL"))
                .body("errors[0].code", equalTo("REQUIRED"));
        TestData.county(REGION).contentType("application/json")
                .body(Map.of("effectiveFrom", "2020-06-01", "mode", "FIXED", "amounts", Map.of("LARGE", 80000, "MEDIUM", -1, "SMALL", 10000)))
                .post("/api/v1/regions/" + REGION + "/award-policy").then().statusCode(400)
                .body("errors[0].field", equalTo("amounts.MEDIUM"))
                .body("errors[0].code", equalTo("OUT_OF_RANGE"));
        int status = TestData.county(REGION).contentType("application/json")
                .body(Map.of("effectiveFrom", "2020-05-01", "mode", "FIXED",
                        "amounts", Map.of("LARGE", 80000, "MEDIUM", new java.math.BigDecimal("30000.50"), "SMALL", 10000)))
                .post("/api/v1/regions/" + REGION + "/award-policy").then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "supplement version: " + status); // 409: made by an earlier run
        city().get("/api/v1/regions/" + REGION + "/award-policy").then().statusCode(200)
                .body("items.find { it.effectiveFrom == '2020-05-01' }.mode", equalTo("FIXED"))
                .body("items.find { it.effectiveFrom == '2020-05-01' }.amounts.LARGE", equalTo(80000.0f))
                .body("items.find { it.effectiveFrom == '2020-05-01' }.amounts.MEDIUM", equalTo(30000.5f))
                .body("items.find { it.effectiveFrom == '2020-05-01' }.amounts.SMALL", equalTo(10000.0f));

        String round = Workflow.openRound();
        String code = Workflow.enterprise(REGION, 350, 52_000_000); // MEDIUM: 300 ≤ 350 < 1000, 20 M ≤ 52 M < 400 M
        String app = AwardTest.underAssessment(code, REGION, round);
        Workflow.act(city(), app, "RECOGNIZE").statusCode(200)
                .body("awards", hasSize(2))
                .body("awards.find { it.program == 'CITY_FIRST_RECOGNITION' }.amount", equalTo(100000.0f))
                .body("awards.find { it.program == 'COUNTY_SUPPLEMENT' }.amount", equalTo(30000.5f))
                .body("awards.find { it.program == 'COUNTY_SUPPLEMENT' }.tier", equalTo("MEDIUM"))
                .body("awards.find { it.program == 'COUNTY_SUPPLEMENT' }.basis", containsString("fixed amount for the MEDIUM tier"));
        TestData.role("FINANCE").get("/api/v1/awards?creditCode=" + code + "&program=COUNTY_SUPPLEMENT").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].amount", equalTo(30000.5f)).body("items[0].regionCode", equalTo(REGION));
    }

    /**
     * An award's basis is served in the client's language: Chinese for zh-CN (the service's default), English for en,
     * in the recognition's answer, the award list, one award and the finance CSV; both texts are stored at proposal.
     */
    @Test
    void anAwardsBasisIsInTheClientsLanguage() {
        int status = TestData.county(REGION).contentType("application/json")
                .body(Map.of("effectiveFrom", "2020-05-01", "mode", "FIXED",
                        "amounts", Map.of("LARGE", 80000, "MEDIUM", new java.math.BigDecimal("30000.50"), "SMALL", 10000)))
                .post("/api/v1/regions/" + REGION + "/award-policy").then().extract().statusCode();
        assertTrue(status == 201 || status == 409, "supplement version: " + status); // 409: made by the test above
        String round = Workflow.openRound();
        String code = Workflow.enterprise(REGION, 350, 52_000_000); // MEDIUM
        String app = AwardTest.underAssessment(code, REGION, round);
        String county = "县区 371571 自 2020-05-01 起施行的配套奖补：中型企业标准的固定金额";
        String decidedOn = Workflow.act(city().header("Accept-Language", "zh-CN"), app, "RECOGNIZE").statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("awards.find { it.program == 'COUNTY_SUPPLEMENT' }.basis", equalTo(county))
                .extract().path("decision.decidedOn");
        String city = "政策版本 liaocheng-2020：中型企业，按中型企业标准奖补；" + decidedOn + " 研发机构初次通过认定";

        var finance = TestData.role("FINANCE");
        String cityAward = finance.header("Accept-Language", "zh-CN").get("/api/v1/awards?creditCode=" + code).then().statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("items.find { it.program == 'COUNTY_SUPPLEMENT' }.basis", equalTo(county))
                .body("items.find { it.program == 'CITY_FIRST_RECOGNITION' }.basis", equalTo(city))
                .extract().path("items.find { it.program == 'CITY_FIRST_RECOGNITION' }.id");
        TestData.role("FINANCE").header("Accept-Language", "en").get("/api/v1/awards?creditCode=" + code).then().statusCode(200)
                .body("items.find { it.program == 'COUNTY_SUPPLEMENT' }.basis",
                        equalTo("county 371571 supplement from 2020-05-01: fixed amount for the MEDIUM tier"))
                .body("items.find { it.program == 'CITY_FIRST_RECOGNITION' }.basis",
                        equalTo("policy liaocheng-2020: MEDIUM tier, size class MEDIUM, first recognition on " + decidedOn));
        TestData.role("FINANCE").header("Accept-Language", "zh-CN").get("/api/v1/awards/" + cityAward).then().statusCode(200)
                .body("basis", equalTo(city));
        TestData.role("FINANCE").get("/api/v1/awards/" + cityAward).then().statusCode(200) // the test profile's default: en
                .body("basis", equalTo("policy liaocheng-2020: MEDIUM tier, size class MEDIUM, first recognition on " + decidedOn));
        String csv = TestData.role("FINANCE").header("Accept-Language", "zh-CN").accept("text/csv")
                .get("/api/v1/awards?creditCode=" + code).then().statusCode(200).extract().asString();
        assertTrue(csv.contains(county) && csv.contains(city), csv);
    }
}
