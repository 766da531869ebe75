package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #13, "Problem messages in Chinese and English ... field messages; the codes stay the same": Bean Validation
 * messages (Hibernate Validator's and the service's own ValidationMessages bundles) and the service's own field
 * errors answer in Chinese under Accept-Language: zh-CN and in English under en, with the same field and code.
 */
@QuarkusTest
class FieldMessageLanguageTest {

    private static boolean chinese(String s) {
        return s != null && s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static JsonPath post(String language, String path, Object body) {
        return city().header("Accept-Language", language).contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(400).header("Content-Language", language.startsWith("zh") ? "zh-CN" : "en")
                .body("type", equalTo("/problems/validation")).extract().jsonPath();
    }

    @Test
    void hibernateValidatorsOwnMessagesFollowTheLanguage() {
        Map<String, Object> target = Map.of("year", 1900, "coverageRate", 2, "provincialIncrease", 1);
        JsonPath zh = post("zh-CN", "/api/v1/targets", target);
        JsonPath en = post("en", "/api/v1/targets", target);
        assertEquals(List.of("coverageRate", "year"), zh.getList("errors.field"));
        assertEquals(List.of("OUT_OF_RANGE", "OUT_OF_RANGE"), zh.getList("errors.code"));
        assertEquals(zh.getList("errors.code"), en.getList("errors.code"));
        for (String message : zh.<String>getList("errors.message")) {
            assertTrue(chinese(message), "Chinese: " + message);
        }
        // the bound is still named in the Chinese message
        assertTrue(zh.getString("errors.find { it.field == 'year' }.message").contains("2000"), zh.prettify());
        assertEquals("2 个字段无效", zh.getString("detail"));
        assertEquals("must be greater than or equal to 2000", en.getString("errors.find { it.field == 'year' }.message"));
        assertEquals("must be less than or equal to 1", en.getString("errors.find { it.field == 'coverageRate' }.message"));
        assertEquals("2 fields are invalid", en.getString("detail"));
    }

    @Test
    void theServicesOwnConstraintMessagesComeFromItsBundles() {
        Map<String, Object> round = Map.of("id", "2026X", "year", 2026, "half", 1, "opensOn", "2026-01-01", "closesOn", "2026-02-01");
        JsonPath zh = post("zh-CN", "/api/v1/rounds", round);
        assertEquals("须为“年度 + H + 半年”格式（如 2026H2）", zh.getString("errors.find { it.field == 'id' }.message"));
        assertEquals("INVALID_FORMAT", zh.getString("errors.find { it.field == 'id' }.code"));
        JsonPath en = post("en", "/api/v1/rounds", round);
        assertEquals("must look like 2026H2", en.getString("errors.find { it.field == 'id' }.message"));

        Map<String, Object> enterprise = Map.of("creditCode", TestData.creditCode("371502"), "name", "东昌府区测试企业", "regionCode", "3715");
        assertEquals("须为 6 位行政区划代码（如 371502）",
                post("zh-CN", "/api/v1/enterprises", enterprise).getString("errors.find { it.field == 'regionCode' }.message"));
        assertEquals("must be a 6-digit region code",
                post("en", "/api/v1/enterprises", enterprise).getString("errors.find { it.field == 'regionCode' }.message"));
    }

    @Test
    void theServicesOwnFieldErrorsFollowTheLanguage() {
        JsonPath zh = city().header("Accept-Language", "zh-CN").get("/api/v1/enterprises?size=5000").then().statusCode(400)
                .extract().jsonPath();
        assertEquals("size", zh.getString("errors[0].field"));
        assertEquals("OUT_OF_RANGE", zh.getString("errors[0].code"));
        assertEquals("须在 1 至 500 之间（收到 5000）", zh.getString("errors[0].message"));
        assertEquals("size: 须在 1 至 500 之间（收到 5000）", zh.getString("detail"));
        JsonPath en = city().header("Accept-Language", "en").get("/api/v1/enterprises?size=5000").then().statusCode(400)
                .extract().jsonPath();
        assertEquals("OUT_OF_RANGE", en.getString("errors[0].code"));
        assertEquals("must be between 1 and 500", en.getString("errors[0].message"));
        // a malformed date in Chinese
        JsonPath badDate = post("zh-CN", "/api/v1/reports/snapshots", Map.of("asOf", "2024-13-01"));
        assertTrue(chinese(badDate.getString("errors[0].message")), badDate.prettify());
    }
}
