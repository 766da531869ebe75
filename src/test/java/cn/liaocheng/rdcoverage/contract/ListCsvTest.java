package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Issue #13, "every list that answers JSON also answers CSV": the lists that answered only JSON (follow-ups,
 * supervision groups, an institution's indicators) answer text/csv with headers in the language and a file name with
 * the date; JSON stays the default.
 */
@QuarkusTest
class ListCsvTest {

    @Test
    void followUpsAndSupervisionGroupsAnswerCsv() {
        String code = TestData.creditCode("371502");
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "聊城随访测试企业", "regionCode", "371502",
                "figures", List.of(Map.of("year", 2024, "employees", 120, "revenue", 30000000)))).post("/api/v1/enterprises")
                .then().statusCode(201);
        String today = TestData.today().toString();
        String csv = city().header("Accept-Language", "en").accept("text/csv").get("/api/v1/enterprises/" + code + "/follow-ups")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(today + ".csv"))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(csv.replace("\uFEFF", ""), startsWith("id,"));
        city().accept("text/csv").get("/api/v1/supervision-groups").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString(today + ".csv"));
        city().get("/api/v1/supervision-groups").then().statusCode(200).contentType(containsString("application/json"))
                .body("page", equalTo(0));
    }

    @Test
    void theIndicatorTrendAnswersCsvNamedAfterRegionAndLastYear() {
        String csv = city().header("Accept-Language", "zh-CN").accept("text/csv").get("/api/v1/reports/indicators/trend?from=2023&to=2024")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"indicators-trend-371500-2024-12-31.csv\""))
                .extract().asString();
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
        org.hamcrest.MatcherAssert.assertThat(lines[0], startsWith("区县代码,年度,"));
        org.junit.jupiter.api.Assertions.assertEquals(3, lines.length, csv); // the header, 2023, 2024
        org.hamcrest.MatcherAssert.assertThat(lines[1], startsWith("CITY,2023,"));
        org.hamcrest.MatcherAssert.assertThat(lines[2], startsWith("CITY,2024,"));
        city().get("/api/v1/reports/indicators/trend?from=2023&to=2024").then().statusCode(200)
                .contentType(containsString("application/json")).body("points.size()", equalTo(2));
    }
}
