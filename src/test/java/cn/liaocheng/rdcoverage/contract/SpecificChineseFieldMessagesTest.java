package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13, "field messages" in Chinese: under Accept-Language zh-CN (the default) a field error's message is as
 * specific as the English one (the bound, the value sent, the accepted format or values), not one sentence per code;
 * the field and the code are the same in both languages. One representative per code, through HTTP.
 */
@QuarkusTest
class SpecificChineseFieldMessagesTest {
    /** The what-if of AssessmentApiTest, which answers 200 as it is. */
    private static final String WHAT_IF = """
            {"asOf":"2021-06-30","buildMode":"SINGLE","participants":[{"creditCode":"91350100M000100Y43","employees":350,"revenue":52000000,"aboveDesignatedSize":true,"previouslyAwarded":false}],"capacity":{"personnel":6,"equipmentValue":600000,"rdExpenditure":520000,"floorArea":60,"projectCount":3,"hasRules":true,"hasStableFunding":true}}""";

    private static boolean han(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The one field error of the 400 in both languages: [zh message, en message]; asserts field and code in both. */
    private static String[] both(Function<RequestSpecification, io.restassured.response.Response> call, String field, String code) {
        String[] messages = new String[2];
        String[] languages = {"zh-CN", "en"};
        for (int k = 0; k < 2; k++) {
            JsonPath p = call.apply(city().header("Accept-Language", languages[k])).then().statusCode(400)
                    .extract().jsonPath();
            assertEquals("/problems/validation", p.getString("type"), p.prettify());
            assertEquals(field, p.getString("errors[0].field"), p.prettify());
            assertEquals(code, p.getString("errors[0].code"), p.prettify());
            messages[k] = p.getString("errors[0].message");
        }
        assertTrue(han(messages[0]), "Chinese: " + messages[0]);
        assertTrue(!han(messages[1]) || messages[1].contains("年度"), "English: " + messages[1]);
        return messages;
    }

    private static Function<RequestSpecification, io.restassured.response.Response> whatIf(String body) {
        return r -> r.contentType(ContentType.JSON).body(body).post("/api/v1/eligibility-assessments");
    }

    private static Function<RequestSpecification, io.restassured.response.Response> get(String path) {
        return r -> r.get(path);
    }

    @Test
    void outOfRangeNamesTheBound() {
        // Bean Validation's @Max(10_000_000) on a participant's employees
        String[] m = both(whatIf(WHAT_IF.replace("\"employees\":350", "\"employees\":20000000")), "participants[0].employees", "OUT_OF_RANGE");
        assertEquals("不能大于 10000000", m[0]);
        assertEquals("must be less than or equal to 10000000", m[1]);
        // the service's own paging check: the bound and the value sent
        m = both(get("/api/v1/enterprises?size=5000"), "size", "OUT_OF_RANGE");
        assertEquals("须在 1 至 500 之间（收到 5000）", m[0]);
        assertEquals("must be between 1 and 500", m[1]);
        // a decimal beyond what any body accepts
        m = both(whatIf(WHAT_IF.replace("\"revenue\":52000000", "\"revenue\":1e30")), "participants[0].revenue", "OUT_OF_RANGE");
        assertEquals("超出范围：小数点前最多 18 位、小数点后最多 6 位", m[0]);
    }

    @Test
    void requiredAndTooLongAndFormat() {
        String[] m = both(whatIf(WHAT_IF.replace("\"asOf\":\"2021-06-30\",", "")), "asOf", "REQUIRED");
        assertEquals("必填，不能为空", m[0]);
        assertEquals("must not be null", m[1]);
        Map<String, Object> longName = Map.of("creditCode", TestData.creditCode("371502"), "name", "名".repeat(201), "regionCode", "371502");
        m = both(r -> r.contentType(ContentType.JSON).body(longName).post("/api/v1/enterprises"), "name", "TOO_LONG");
        assertEquals("长度或个数须在 0 至 200 之间", m[0]);
        Map<String, Object> badIndustry = Map.of("creditCode", TestData.creditCode("371502"), "name", "聊城测试企业",
                "regionCode", "371502", "industryCode", "X1");
        m = both(r -> r.contentType(ContentType.JSON).body(badIndustry).post("/api/v1/enterprises"), "industryCode", "INVALID_FORMAT");
        assertEquals("须为 GB/T 4754-2017 国民经济行业分类代码（如 C3311 或 3311）", m[0]);
        assertEquals("must be a GB/T 4754-2017 code such as C3311 or 3311", m[1]);
    }

    @Test
    void jsonMappingErrorsSayWhatTheFieldAccepts() {
        // a fraction in a whole-number field
        String[] m = both(whatIf(WHAT_IF.replace("\"employees\":350", "\"employees\":350.5")), "participants[0].employees", "INVALID_TYPE");
        assertEquals("“350.5”不是整数（整数字段不能带小数）", m[0]);
        assertEquals("'350.5' is not a valid whole number", m[1]);
        // the same in an int field of a figures year (another reader of Jackson's: coercion of a float)
        m = both(whatIf(WHAT_IF.replace("\"personnel\":6", "\"personnel\":6.5")), "capacity.personnel", "INVALID_TYPE");
        assertTrue(m[0].contains("6.5") || m[0].contains("不能带小数"), m[0]);
        // the wrong JSON type
        m = both(whatIf(WHAT_IF.replace("\"hasRules\":true", "\"hasRules\":\"yes\"")), "capacity.hasRules", "INVALID_TYPE");
        assertEquals("须为布尔值 true 或 false（JSON 值的类型不正确）", m[0]);
        // an unknown enum value lists the allowed ones
        m = both(whatIf(WHAT_IF.replace("\"SINGLE\"", "\"SOLO\"")), "buildMode", "INVALID_VALUE");
        assertEquals("“SOLO”不是允许的取值；可选：SINGLE, JOINT, INDUSTRY", m[0]);
        assertTrue(m[1].contains("SINGLE, JOINT, INDUSTRY"), m[1]);
        // a malformed date
        m = both(whatIf(WHAT_IF.replace("2021-06-30", "2021-13-01")), "asOf", "INVALID_DATE");
        assertEquals("“2021-13-01”不是有效的日期（格式 YYYY-MM-DD，如 2026-01-31）", m[0]);
        // a field the resource does not have
        m = both(whatIf(WHAT_IF.replace("{\"asOf\"", "{\"colour\":1,\"asOf\"")), "colour", "UNKNOWN_FIELD");
        assertEquals("“colour”不是此资源的字段，或为只读字段、不能设置", m[0]);
    }

    @Test
    void strictJsonFaultsInChinese() {
        String[] m = both(whatIf(WHAT_IF.replace("{\"asOf\":\"2021-06-30\"", "{\"asOf\":\"2021-06-30\",\"asOf\":\"2021-06-30\"")),
                "asOf", "INVALID");
        assertEquals("键“asOf”在同一对象中出现了不止一次", m[0]);
        m = both(whatIf(WHAT_IF + " {}"), "body", "MALFORMED_JSON");
        assertEquals("JSON 文档结束后还有其他内容（请求体只能是一个 JSON 值）", m[0]);
        assertEquals("has content after the end of the JSON document (one JSON value per body)", m[1]);
        // a nested object given as a number: its JSON shape, never the Java record's name
        m = both(whatIf(WHAT_IF.replaceAll("\"capacity\":\\{[^}]*\\}", "\"capacity\":5")), "capacity", "INVALID_TYPE");
        assertEquals("须为 JSON 对象（JSON 值的类型不正确）", m[0]);
        assertEquals("must be a JSON object (the JSON value has the wrong type)", m[1]);
        m = both(whatIf("{\"asOf\": }"), "body", "MALFORMED_JSON");
        assertTrue(m[0].startsWith("不是格式正确的 JSON：") && m[0].contains("第 1 行"), m[0]);
    }

    @Test
    void theServicesOwnChecksInChinese() {
        // the credit code's check character (GB 32100-2015): ...Y43 is valid, so ...Y44 must name 3
        String[] m = both(whatIf(WHAT_IF.replace("91350100M000100Y43", "91350100M000100Y44")), "participants[0].creditCode",
                "INVALID_CREDIT_CODE");
        assertEquals("校验码为“4”，按 GB 32100-2015 应为“3”", m[0]);
        assertEquals("check character is '4' but must be '3' (GB 32100-2015)", m[1]);
        // a six-digit code that is not a region of Liaocheng
        Map<String, Object> unknownRegion = Map.of("creditCode", TestData.creditCode("371502"), "name", "聊城测试企业", "regionCode", "371599");
        m = both(r -> r.contentType(ContentType.JSON).body(unknownRegion).post("/api/v1/enterprises"), "regionCode", "INVALID_VALUE");
        assertEquals("“371599”不是聊城市的行政区划代码（见 GET /api/v1/regions）", m[0]);
        // a year in the future
        Map<String, Object> future = Map.of("creditCode", TestData.creditCode("371502"), "name", "聊城测试企业", "regionCode", "371502",
                "figures", java.util.List.of(Map.of("year", 2099, "employees", 10, "revenue", 1000)));
        m = both(r -> r.contentType(ContentType.JSON).body(future).post("/api/v1/enterprises"), "figures[0].year", "IN_FUTURE");
        assertTrue(m[0].startsWith("不能是未来年度（2099 晚于 "), m[0]);
        // sort by a field that is not allowed, listing the ones that are
        m = both(get("/api/v1/enterprises?sort=colour"), "sort", "NOT_SORTABLE");
        assertTrue(m[0].startsWith("不能按“colour”排序；可排序的字段：") && m[0].contains("name"), m[0]);
        // a query parameter that is not a number, and an enum filter outside its values
        m = both(get("/api/v1/enterprises?page=abc"), "page", "INVALID_TYPE");
        assertEquals("“abc”不是整数（最大 2147483647）", m[0]);
        m = both(get("/api/v1/enterprises?updatedSince=yesterday"), "updatedSince", "INVALID_DATE");
        assertTrue(m[0].startsWith("“yesterday”不是有效的日期或带时区的时间"), m[0]);
    }
}
