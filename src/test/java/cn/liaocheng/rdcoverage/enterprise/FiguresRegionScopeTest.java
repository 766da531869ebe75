package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A year's figures belong to the county they lie in (that county's report): a county officer writes a year only when
 * the stored year's region (if any) and the new one are its own, through PUT, DELETE and the import alike
 * (security.Scope#writesFigures). Tester: the 东昌 officer moved P2's 2021 figures from 茌平 to itself.
 */
@QuarkusTest
class FiguresRegionScopeTest {
    static final String DONGCHANG = "371502";
    static final String CHIPING = "371503";

    /** P2: in 茌平 in 2021, moved to 东昌 in 2022. */
    private static String movedEnterprise() {
        String code = TestData.creditCode(DONGCHANG);
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "迁入企业" + code.substring(12),
                "regionCode", DONGCHANG, "figures", List.of(
                        Map.of("year", 2021, "employees", 320, "revenue", 25_000_000, "regionCode", CHIPING),
                        Map.of("year", 2022, "employees", 330, "revenue", 26_000_000, "regionCode", DONGCHANG))))
                .post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    @Test
    void aCountyOfficerDoesNotRewriteAYearThatLiesInAnotherCounty() {
        String p2 = movedEnterprise();
        Map<String, Object> to2021 = Map.of("year", 2021, "employees", 350, "revenue", 30_000_000, "regionCode", DONGCHANG);
        county(DONGCHANG).contentType("application/json").body(to2021).put("/api/v1/enterprises/" + p2 + "/figures/2021")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The 2021 figures of " + p2 + " lie in region 371503; a county officer writes only its "
                        + "own region's years (371502)"));
        county(DONGCHANG).contentType("application/json").body(Map.of("year", 2021, "employees", 350, "revenue", 30_000_000))
                .put("/api/v1/enterprises/" + p2 + "/figures/2021").then().statusCode(403);
        String etag = city().get("/api/v1/enterprises/" + p2 + "/figures/2021").then().extract().header("ETag");
        county(DONGCHANG).header("If-Match", etag).delete("/api/v1/enterprises/" + p2 + "/figures/2021").then().statusCode(403);
        // 茌平's officer no longer sees the enterprise (now registered in 东昌): 404, as for an unknown code
        county(CHIPING).contentType("application/json").body(to2021).put("/api/v1/enterprises/" + p2 + "/figures/2021")
                .then().statusCode(404);
        city().get("/api/v1/enterprises/" + p2 + "/figures/2021").then().statusCode(200)
                .body("regionCode", equalTo(CHIPING)).body("employees", equalTo(320)).body("revenue", equalTo(25_000_000f));

        // its own years it writes; a year of its own it does not give away to another county either
        county(DONGCHANG).contentType("application/json").body(Map.of("year", 2022, "employees", 340, "revenue", 27_000_000))
                .put("/api/v1/enterprises/" + p2 + "/figures/2022").then().statusCode(200).body("regionCode", equalTo(DONGCHANG));
        county(DONGCHANG).contentType("application/json").body(Map.of("year", 2022, "employees", 340, "revenue", 27_000_000,
                "regionCode", CHIPING)).put("/api/v1/enterprises/" + p2 + "/figures/2022").then().statusCode(403);
        city().get("/api/v1/enterprises/" + p2 + "/figures/2022").then().body("regionCode", equalTo(DONGCHANG))
                .body("employees", equalTo(340));
        // the city corrects any year
        city().contentType("application/json").body(Map.of("year", 2021, "employees", 321, "revenue", 25_000_000, "regionCode", CHIPING))
                .put("/api/v1/enterprises/" + p2 + "/figures/2021").then().statusCode(200).body("employees", equalTo(321));
    }

    @Test
    void anImportRowForAYearOfAnotherCountyIsARowError() {
        String p2 = movedEnterprise();
        String file = EnterpriseImportTest.EN_HEADER + p2 + ",迁入企业,371502,,2021,350,30000000,,,\n"
                + p2 + ",迁入企业,371502,,2023,360,31000000,,,\n";
        county(DONGCHANG).config(TestData.RAW_CHARSET).contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(422)
                .body("rejected", equalTo(1))
                .body("errors[0].line", equalTo(2)).body("errors[0].field", equalTo("regionCode"))
                .body("errors[0].message", equalTo("the 2021 figures of " + p2 + " lie in region 371503; only that county or "
                        + "the city can change them"));
        county(DONGCHANG).config(TestData.RAW_CHARSET).contentType("text/csv").header("Accept-Language", "zh-CN")
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/enterprises/import?mode=partial").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(1))
                .body("errors[0].message", equalTo("企业 " + p2 + " 的 2021 年数据属于 371503；只有该县区或市级工作人员可以修改"));
        city().get("/api/v1/enterprises/" + p2 + "/figures/2021").then().body("regionCode", equalTo(CHIPING))
                .body("employees", equalTo(320));
        city().get("/api/v1/enterprises/" + p2 + "/figures/2023").then().statusCode(200).body("employees", equalTo(360));
    }
}
