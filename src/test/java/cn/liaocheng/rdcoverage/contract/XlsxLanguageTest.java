package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The xlsx downloads speak the language of Accept-Language as their CSV twins do (README: headers in Chinese by default
 * or with zh-CN, English with en; found trying the README: every xlsx but the round summary's had English headers
 * whatever was asked), and their timestamps have the three digits of JSON and CSV (the list's updatedAt had six).
 */
@QuarkusTest
class XlsxLanguageTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int YEAR = TestData.today().getYear();

    private static List<Row> rows(String path, String language) throws Exception {
        byte[] file = city().accept(XLSX).header("Accept-Language", language).get(path).then().statusCode(200)
                .contentType(XLSX).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            return wb.getFirstSheet().read();
        }
    }

    @Test
    void xlsxHeadersFollowAcceptLanguage() throws Exception {
        String code = TestData.creditCode("371526");
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "高唐纺织机械有限公司", "regionCode", "371526",
                "figures", List.of(Map.of("year", YEAR, "employees", 350, "revenue", 52_000_000)))).post("/api/v1/enterprises")
                .then().statusCode(201);
        // each download's first header cell in Chinese and in English
        Map<String, List<String>> firstHeader = Map.of(
                "/api/v1/enterprises?regionCode=371526", List.of("统一社会信用代码", "creditCode"),
                "/api/v1/reports/coverage?regionCode=371526", List.of("范围", "scope"),
                "/api/v1/reports/uncovered?regionCode=371526", List.of("统一社会信用代码", "creditCode"),
                "/api/v1/reports/coverage/trend?regionCode=371526", List.of("截止日期", "asOf"),
                "/api/v1/reports/indicators?year=" + YEAR + "&regionCode=371526", List.of("范围", "scope"));
        for (Map.Entry<String, List<String>> e : firstHeader.entrySet()) {
            assertEquals(e.getValue().get(0), rows(e.getKey(), "zh-CN").get(0).getCellText(0), e.getKey());
            assertEquals(e.getValue().get(1), rows(e.getKey(), "en").get(0).getCellText(0), e.getKey());
        }
        // the Chinese list imports back unchanged, as the Chinese CSV does
        byte[] zh = city().accept(XLSX).header("Accept-Language", "zh-CN").get("/api/v1/enterprises?regionCode=371526")
                .then().statusCode(200).extract().asByteArray();
        // (partial: other tests register enterprises of this region without figures, whose rows are row errors)
        city().contentType(XLSX).body(zh).post("/api/v1/enterprises/import?dryRun=true&mode=partial").then().statusCode(200)
                .body("file.columns.field", org.hamcrest.Matchers.hasItems("creditCode", "name", "regionCode", "year", "employees",
                        "revenue", "aboveDesignatedSize"))
                .body("unchanged", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("created", org.hamcrest.Matchers.equalTo(0)).body("updated", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void xlsxTimestampsHaveMilliseconds() throws Exception {
        String code = TestData.creditCode("371524");
        String updatedAt = city().contentType("application/json").body(Map.of("creditCode", code, "name", "东阿阿胶机械有限公司",
                        "regionCode", "371524", "figures", List.of(Map.of("year", YEAR, "employees", 50, "revenue", 30_000_000))))
                .post("/api/v1/enterprises").then().statusCode(201).extract().path("updatedAt");
        List<Row> rows = rows("/api/v1/enterprises?regionCode=371524", "en");
        int column = java.util.stream.IntStream.range(0, rows.get(0).getCellCount())
                .filter(i -> "updatedAt".equals(rows.get(0).getCellText(i))).findFirst().orElse(-1);
        org.junit.jupiter.api.Assertions.assertTrue(column > 0, "the header names updatedAt");
        Row row = rows.stream().filter(r -> code.equals(r.getCellText(0))).findFirst().orElseThrow();
        assertEquals(updatedAt, row.getCellText(column));
    }
}
