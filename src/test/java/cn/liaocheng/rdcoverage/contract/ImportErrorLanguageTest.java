package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13, "Problem messages in Chinese and English ... the codes stay the same", for the row errors of the imports
 * (enterprise: CSV and NDJSON; indicators): the same bad file gives each row error in Chinese under
 * {@code Accept-Language: zh-CN} and in English under {@code en}, with the same line, field and code, the refused
 * value quoted as sent. (The test profile's default language is English; zh-CN is asked for explicitly.)
 */
@QuarkusTest
class ImportErrorLanguageTest {

    private static JsonPath post(String language, String path, String contentType, String body, int status) {
        return city().config(TestData.RAW_CHARSET).header("Accept-Language", language).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).post(path).then().statusCode(status)
                .header("Content-Language", language).extract().jsonPath();
    }

    private static String message(JsonPath answer, int line, String field) {
        return answer.getString("errors.find { it.line == " + line + " && it.field == '" + field + "' }.message");
    }

    private static String code(JsonPath answer, int line, String field) {
        return answer.getString("errors.find { it.line == " + line + " && it.field == '" + field + "' }.code");
    }

    /** The same rows, lines, fields and codes in both answers. */
    private static void sameCodes(JsonPath zh, JsonPath en) {
        assertEquals(zh.getList("errors.line"), en.getList("errors.line"));
        assertEquals(zh.getList("errors.field"), en.getList("errors.field"));
        assertEquals(zh.getList("errors.code"), en.getList("errors.code"));
    }

    @Test
    void enterpriseRowErrorsFollowTheLanguageWithTheSameCodes() {
        String valid = TestData.creditCode();
        String badCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        String file = "统一社会信用代码,企业名称,所属县区,年度,从业人员,营业收入,是否规上\n"
                + TestData.creditCode() + ",火星企业,火星区,2024,10,100,\n"      // 2: unknown county name
                + TestData.creditCode() + ",小数企业,371502,2024,10.5,100,\n"    // 3: a fraction of a person
                + "9.13715E+17,科学计数企业,371502,2024,10,100,\n"                // 4: what Excel made of a code
                + badCheck + ",校验企业,371502,2024,10,100,\n"                    // 5: a wrong check character
                + TestData.creditCode() + ",,371502,2024,10,,\n"                 // 6: name and revenue missing
                + TestData.creditCode() + ",是否企业,371502,2024,10,100,也许\n"   // 7: not a yes/no value
                + TestData.creditCode() + ",负数企业,371502,2024,10,-5,\n";      // 8: a negative revenue
        JsonPath zh = post("zh-CN", "/api/v1/enterprises/import", "text/csv", file, 422);
        JsonPath en = post("en", "/api/v1/enterprises/import", "text/csv", file, 422);
        sameCodes(zh, en);
        assertEquals(List.of("INVALID_VALUE", "INVALID_TYPE", "INVALID_CREDIT_CODE", "INVALID_CREDIT_CODE", "REQUIRED", "REQUIRED",
                "INVALID_VALUE", "OUT_OF_RANGE"), zh.getList("errors.code"));
        assertEquals("导入被拒绝", zh.getString("title"));
        assertEquals("7 行中有 7 行无效，未导入任何数据；请修正这些行，或以 ?mode=partial 只导入有效的行", zh.getString("detail"));

        assertEquals("“火星区”不是聊城市的县（市、区）：请填写行政区划代码（如 371581）或名称（如 临清市）；见 GET /api/v1/regions",
                message(zh, 2, "regionCode"));
        assertEquals("“10.5”不是人数（须为整数）", message(zh, 3, "employees"));
        assertEquals("“9.13715E+17”是 Excel 以数字形式保存的统一社会信用代码，已丢失位数；请将该列设置为文本格式（设置单元格格式 → 文本）"
                + "后重新录入，或导出为 xlsx", message(zh, 4, "creditCode"));
        assertEquals("值“" + badCheck + "”：校验码为“" + badCheck.charAt(17) + "”，按 GB 32100-2015 应为“" + valid.charAt(17) + "”",
                message(zh, 5, "creditCode"));
        assertEquals("必填：名称不能为空", message(zh, 6, "name"));
        assertEquals("必填", message(zh, 6, "revenue"));
        assertEquals("“也许”不是“是/否”值（可填 是/否、√/×、1/0、Y/N、true/false）", message(zh, 7, "aboveDesignatedSize"));
        assertEquals("值“-5”：金额（元）不能为负数", message(zh, 8, "revenue"));

        assertEquals("'火星区' is not a region of Liaocheng (a code such as 371581, or a name such as 临清市); see GET /api/v1/regions",
                message(en, 2, "regionCode"));
        assertEquals("'10.5' is not a whole number (persons)", message(en, 3, "employees"));
        assertTrue(message(en, 4, "creditCode").startsWith("'9.13715E+17' is the credit code as Excel stored it"), message(en, 4, "creditCode"));
        assertEquals("'" + badCheck + "' check character is '" + badCheck.charAt(17) + "' but must be '" + valid.charAt(17)
                + "' (GB 32100-2015)", message(en, 5, "creditCode"));
        assertEquals("is required", message(en, 6, "revenue"));
        assertEquals("'-5' must not be negative", message(en, 8, "revenue"));
        assertEquals("Import rejected", en.getString("title"));
    }

    @Test
    void aPartialImportsReportAndAnNdjsonFileAnswerInTheLanguageToo() {
        String good = TestData.creditCode();
        String file = "{\"creditCode\":\"" + good + "\",\"name\":\"有效企业\",\"regionCode\":\"371502\",\"year\":2024,"
                + "\"employees\":10,\"revenue\":100}\n"
                + "{\"creditCode\":\"" + TestData.creditCode() + "\",\"name\":\"小数企业\",\"regionCode\":\"临清\",\"year\":2024,"
                + "\"employees\":3.5,\"revenue\":100}\n";
        JsonPath zh = post("zh-CN", "/api/v1/enterprises/import?mode=partial&dryRun=true", "application/x-ndjson", file, 200);
        JsonPath en = post("en", "/api/v1/enterprises/import?mode=partial&dryRun=true", "application/x-ndjson", file, 200);
        sameCodes(zh, en);
        assertEquals(1, zh.getInt("rejected"));
        assertEquals("“3.5”不是人数（须为整数）", message(zh, 2, "employees"));
        assertEquals("INVALID_TYPE", code(zh, 2, "employees"));
        assertEquals("'3.5' is not a whole number (persons)", message(en, 2, "employees"));
    }

    @Test
    void indicatorRowErrorsFollowTheLanguageWithTheSameCodes() {
        String unknown = "00000000-0000-7000-8000-000000000000";
        String some = UUID.randomUUID().toString();
        String file = "institutionId,year,patentApplications,inventionPatentApplications,patentsGranted,newProducts\n"
                + unknown + ",2023,1,0,0,0\n"        // 2: no such institution
                + "not-an-id,2023,1.5,0,0,0\n"       // 3: not an id, a fraction
                + some + ",2023,1,2,0,0\n"           // 4: more invention patents than patents
                + some + ",1980,,0,0,0\n";           // 5: too early, a count missing
        JsonPath zh = post("zh-CN", "/api/v1/institutions/indicators/import", "text/csv", file, 422);
        JsonPath en = post("en", "/api/v1/institutions/indicators/import", "text/csv", file, 422);
        sameCodes(zh, en);
        assertEquals("INVALID_FORMAT", code(zh, 3, "institutionId"));
        assertEquals("INVALID_TYPE", code(zh, 3, "patentApplications"));
        assertEquals("OUT_OF_RANGE", code(zh, 4, "inventionPatentApplications"));
        assertEquals("OUT_OF_RANGE", code(zh, 5, "year"));
        assertEquals("REQUIRED", code(zh, 5, "patentApplications"));
        assertEquals("NOT_FOUND", code(zh, 2, "institutionId"));

        assertEquals("研发机构 " + unknown + " 不存在", message(zh, 2, "institutionId"));
        assertEquals("“not-an-id”不是研发机构编号（UUID，如 GET /api/v1/institutions 所列的 id）", message(zh, 3, "institutionId"));
        assertEquals("“1.5”不是整数", message(zh, 3, "patentApplications"));
        assertEquals("发明专利申请数（2）不得超过专利申请总数（1）", message(zh, 4, "inventionPatentApplications"));
        assertEquals("年度不得早于 1990 年（收到 1980）", message(zh, 5, "year"));
        assertEquals("必填", message(zh, 5, "patentApplications"));

        assertEquals("no institution " + unknown, message(en, 2, "institutionId"));
        assertEquals("'1.5' is not a whole number", message(en, 3, "patentApplications"));
        assertEquals("must be 1990 or later", message(en, 5, "year"));
    }

    @Test
    void aReplayedImportAnswersInTheLanguageOfTheFirstRequest() {
        String file = "institutionId,year,patentApplications,inventionPatentApplications,patentsGranted,newProducts\n"
                + "not-an-id,2023,1,0,0,0\n";
        String key = "import-language-" + UUID.randomUUID();
        for (String replayed : new String[]{null, "true"}) {
            JsonPath zh = city().config(TestData.RAW_CHARSET).header("Accept-Language", "zh-CN").header("Idempotency-Key", key)
                    .contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/institutions/indicators/import?mode=partial&dryRun=true").then().statusCode(200)
                    .header("Idempotent-Replayed", replayed == null ? org.hamcrest.Matchers.nullValue() : org.hamcrest.Matchers.equalTo(replayed))
                    .extract().jsonPath();
            assertEquals("“not-an-id”不是研发机构编号（UUID，如 GET /api/v1/institutions 所列的 id）", message(zh, 2, "institutionId"));
            assertEquals("INVALID_FORMAT", code(zh, 2, "institutionId"));
        }
    }

    @Test
    void anUnreadableFilesDetailIsInTheLanguageToo() {
        String file = "统一社会信用代码,企业名称,所属县区,年度,从业人员,营业收入（亿美元）\n" + TestData.creditCode() + ",企业,371502,2024,1,1\n";
        JsonPath zh = post("zh-CN", "/api/v1/enterprises/import", "text/csv", file, 400);
        JsonPath en = post("en", "/api/v1/enterprises/import", "text/csv", file, 400);
        assertEquals("revenue", zh.getString("errors[0].field"));
        assertEquals("INVALID_VALUE", zh.getString("errors[0].code"));
        assertEquals(zh.getString("errors[0].code"), en.getString("errors[0].code"));
        assertTrue(zh.getString("errors[0].message").startsWith("列“营业收入（亿美元）”的单位“"), zh.prettify());
        assertEquals("revenue: " + zh.getString("errors[0].message"), zh.getString("detail"));
        assertTrue(en.getString("detail").startsWith("column '营业收入（亿美元）'"), en.prettify());
    }
}
