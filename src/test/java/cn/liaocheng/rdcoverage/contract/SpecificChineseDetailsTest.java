package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tester's findings: problems whose Chinese text was a generic sentence ("取值无效", "此接口不接受该内容类型") where
 * the English one said what was wrong. Each now says the same thing in Chinese; the English stays as it was.
 */
@QuarkusTest
class SpecificChineseDetailsTest {
    private static JsonPath importing(String language, String contentType, byte[] body, int status) {
        return city().config(TestData.RAW_CHARSET).header("Accept-Language", language).contentType(contentType).body(body)
                .post("/api/v1/enterprises/import").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void anXlsFileIsToldToBeSavedAsXlsx() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0, 0, 0};
        JsonPath zh = importing("zh-CN", "application/vnd.ms-excel", xls, 415);
        assertTrue(zh.getString("detail").startsWith("文件是 Excel 97-2003 工作簿（.xls）：请在 Excel 中另存为 .xlsx"), zh.prettify());
        JsonPath en = importing("en", "application/vnd.ms-excel", xls, 415);
        assertTrue(en.getString("detail").startsWith("The file is an Excel 97-2003 workbook (.xls): save it as .xlsx"), en.prettify());
    }

    @Test
    void brokenJsonRowsNameTheLineAndTheRepeatedKey() {
        byte[] ndjson = ("{\"creditCode\":\"" + TestData.creditCode() + "\",\"name\":\"甲\",\"regionCode\":\"371502\",\"year\":2024,"
                + "\"employees\":1,\"revenue\":1}\n[1]\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("第 2 行不是一个 JSON 对象（NDJSON 每行一个对象）",
                importing("zh-CN", "application/x-ndjson", ndjson, 400).getString("errors[0].message"));
        byte[] array = "[{\"creditCode\":\"x\",\"revenue\":1,\"revenue\":2}]".getBytes(StandardCharsets.UTF_8);
        assertEquals("第 1 行的键“revenue”出现了两次", importing("zh-CN", "application/json", array, 400).getString("errors[0].message"));
        assertEquals("line 1 repeats the key 'revenue'", importing("en", "application/json", array, 400).getString("errors[0].message"));
    }

    @Test
    void aCutShortXlsxSaysSoWithoutTheServersFileName() throws Exception {
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("xl/workbook.xml"));
            z.write("<workbook>".getBytes(StandardCharsets.UTF_8));
        }
        byte[] cut = java.util.Arrays.copyOf(zip.toByteArray(), zip.size() / 2);
        String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        JsonPath zh = importing("zh-CN", xlsx, cut, 400);
        assertTrue(zh.getString("errors[0].message").startsWith("不是可读取的 xlsx 工作簿"), zh.prettify());
        JsonPath en = importing("en", xlsx, cut, 400);
        assertTrue(en.getString("errors[0].message").startsWith("is not a readable xlsx workbook"), en.prettify());
        assertFalse(en.prettify().contains("rd-import-") || en.prettify().contains("/tmp"), en.prettify());
    }

    @Test
    void aReportOutsideTheCountyNamesTheCountyInChineseToo() {
        JsonPath zh = TestData.county("371502").header("Accept-Language", "zh-CN").queryParam("regionCode", "371503")
                .get("/api/v1/reports/coverage").then().statusCode(403).extract().jsonPath();
        assertEquals("县区 371503 不在您的权限范围内：您只能查看 371502 的报表（不传 regionCode，或使用其中之一）", zh.getString("detail"));
    }
}
