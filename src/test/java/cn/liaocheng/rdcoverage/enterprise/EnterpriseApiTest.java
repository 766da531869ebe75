package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EnterpriseApiTest {
    static Map<String, Object> enterprise(String code, String name, String region) {
        return Map.of("creditCode", code, "name", name, "regionCode", region, "keyEnterprise", true);
    }

    static Response create(Map<String, Object> body) {
        return city().contentType(ContentType.JSON).body(body).when().post("/api/v1/enterprises");
    }

    @Test
    void createsReadsAndDerivesTheSizeClassFromTheLatestFigures() {
        String code = TestData.creditCode();
        create(enterprise(code.toLowerCase(), "聊城示范机械有限公司", "371502")).then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/enterprises/" + code))
                .header("ETag", "\"0\"")
                .body("creditCode", equalTo(code))
                .body("regionName", equalTo("东昌府区"))
                .body("sizeClass", nullValue());

        city().contentType(ContentType.JSON).body(Map.of("employees", 350, "revenue", 52_000_000))
                .put("/api/v1/enterprises/" + code + "/figures/2024").then()
                .statusCode(201)
                .body("sizeClass", equalTo("MEDIUM"))
                .body("aboveDesignatedSize", equalTo(true))
                .body("aboveDesignatedSizeSource", equalTo("DERIVED"));
        // a later year that is large by headcount but medium by revenue stays MEDIUM; an earlier year does not count
        city().contentType(ContentType.JSON).body(Map.of("employees", 1200, "revenue", 399_999_999))
                .put("/api/v1/enterprises/" + code + "/figures/2025").then().statusCode(201).body("sizeClass", equalTo("MEDIUM"));
        city().contentType(ContentType.JSON).body(Map.of("employees", 5, "revenue", 1_000_000, "aboveDesignatedSize", false))
                .put("/api/v1/enterprises/" + code + "/figures/2021").then().statusCode(201).body("sizeClass", equalTo("MICRO"));

        city().get("/api/v1/enterprises/" + code).then().statusCode(200)
                .body("figuresYear", equalTo(2025))
                .body("sizeClass", equalTo("MEDIUM"))
                .body("aboveDesignatedSize", equalTo(true));
        city().get("/api/v1/enterprises/" + code + "/figures").then().statusCode(200)
                .body("items.year", equalTo(java.util.List.of(2025, 2024, 2021)));
    }

    @Test
    void aDuplicateCreditCodeIsAConflict() {
        String code = TestData.creditCode();
        create(enterprise(code, "甲", "371502")).then().statusCode(201);
        create(enterprise(code, "乙", "371503")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(code));
    }

    @Test
    void anInvalidCreditCodeIsA400NamingTheField() {
        create(enterprise("91371502MA0000001Y", "甲", "371502")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("creditCode"))
                .body("errors[0].message", containsString("check character"));
        city().get("/api/v1/enterprises/NOT-A-CODE").then().statusCode(400).body("errors[0].field", equalTo("creditCode"));
    }

    @Test
    void anUnknownRegionAndReadOnlyFieldsAreRejected() {
        create(enterprise(TestData.creditCode(), "甲", "370000")).then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode"));
        city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", TestData.creditCode(), "name", "甲", "regionCode", "371502", "sizeClass", "LARGE"))
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("errors[0].field", equalTo("sizeClass"))
                .body("errors[0].message", containsString("read-only"));
    }

    @Test
    void negativeFiguresAndFutureYearsAreRejected() {
        String code = TestData.creditCode();
        create(enterprise(code, "甲", "371502")).then().statusCode(201);
        city().contentType(ContentType.JSON).body(Map.of("employees", -1, "revenue", 100))
                .put("/api/v1/enterprises/" + code + "/figures/2024").then().statusCode(400)
                .body("errors.field", hasItem("employees"));
        city().contentType(ContentType.JSON).body(Map.of("employees", 1, "revenue", "lots"))
                .put("/api/v1/enterprises/" + code + "/figures/2024").then().statusCode(400)
                .body("errors[0].field", equalTo("revenue"));
        city().contentType(ContentType.JSON).body(Map.of("employees", 1, "revenue", 100))
                .put("/api/v1/enterprises/" + code + "/figures/2999").then().statusCode(400)
                .body("errors[0].field", equalTo("year"))
                .body("errors[0].message", containsString("future"));
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() {
        String code = TestData.creditCode();
        String etag = create(enterprise(code, "旧名", "371502")).then().statusCode(201).extract().header("ETag");
        Map<String, Object> renamed = Map.of("name", "新名", "regionCode", "371503");
        String next = city().contentType(ContentType.JSON).header("If-Match", etag).body(renamed)
                .put("/api/v1/enterprises/" + code).then().statusCode(200)
                .body("name", equalTo("新名")).body("regionCode", equalTo("371503"))
                .extract().header("ETag");
        assertTrue(!etag.equals(next), "the ETag changes with the version");
        city().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("name", "再改", "regionCode", "371503"))
                .put("/api/v1/enterprises/" + code).then().statusCode(412)
                .contentType("application/problem+json");
        city().get("/api/v1/enterprises/" + code).then().body("name", equalTo("新名")).header("ETag", next);
    }

    @Test
    void listsFilterPageAndSort() {
        String region = "371526";
        String a = TestData.creditCode(region);
        String b = TestData.creditCode(region);
        String c = TestData.creditCode(region);
        create(Map.of("creditCode", a, "name", "过滤测试甲", "regionCode", region, "figures",
                java.util.List.of(Map.of("year", 2024, "employees", 1500, "revenue", 500_000_000)))).then().statusCode(201);
        create(Map.of("creditCode", b, "name", "过滤测试乙", "regionCode", region, "figures",
                java.util.List.of(Map.of("year", 2024, "employees", 30, "revenue", 10_000_000)))).then().statusCode(201);
        create(Map.of("creditCode", c, "name", "过滤测试丙", "regionCode", region)).then().statusCode(201);

        city().queryParam("regionCode", region).queryParam("q", "过滤测试").queryParam("sort", "-name").queryParam("size", 2)
                .get("/api/v1/enterprises").then().statusCode(200)
                .body("total", equalTo(3)).body("size", equalTo(2)).body("page", equalTo(0))
                .body("items", hasSize(2))
                .body("items.name", equalTo(java.util.List.of("过滤测试甲", "过滤测试乙")));
        city().queryParam("regionCode", region).queryParam("q", "过滤测试").queryParam("sort", "-name").queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/enterprises").then().body("items.name", equalTo(java.util.List.of("过滤测试丙")));
        city().queryParam("regionCode", region).queryParam("sizeClass", "large").get("/api/v1/enterprises").then()
                .body("items.creditCode", equalTo(java.util.List.of(a)));
        city().queryParam("regionCode", region).queryParam("aboveDesignatedSize", false).get("/api/v1/enterprises").then()
                .body("items.creditCode", equalTo(java.util.List.of(b)));
        city().queryParam("regionCode", region).queryParam("updatedSince", "2999-01-01T00:00:00Z").get("/api/v1/enterprises").then()
                .body("total", equalTo(0));
    }

    @Test
    void badPagingAndSortingNameTheParameter() {
        city().queryParam("size", 501).get("/api/v1/enterprises").then().statusCode(400).body("errors[0].field", equalTo("size"));
        city().queryParam("sort", "password").get("/api/v1/enterprises").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        city().queryParam("sizeClass", "HUGE").get("/api/v1/enterprises").then().statusCode(400).body("errors[0].field", equalTo("sizeClass"));
        city().queryParam("updatedSince", "yesterday").get("/api/v1/enterprises").then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
    }

    @Test
    void csvExportHasABomAndNeutralisesFormulas() {
        String region = "371573";
        String code = TestData.creditCode(region);
        create(Map.of("creditCode", code, "name", "=HYPERLINK(\"http://x\")", "regionCode", region, "address", "-1+2")).then().statusCode(201);
        byte[] bytes = city().accept("text/csv").queryParam("regionCode", region).get("/api/v1/enterprises").then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String csv = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(csv.contains("creditCode,name,regionCode"), csv);
        assertTrue(csv.contains("'=HYPERLINK"), csv);
        assertTrue(csv.contains("'-1+2"), csv);
        assertTrue(csv.contains("江北水城旅游度假区"), csv);
    }

    @Test
    void deleteRemovesTheEnterprise() {
        String code = TestData.creditCode();
        create(enterprise(code, "甲", "371502")).then().statusCode(201);
        city().header("If-Match", "*").delete("/api/v1/enterprises/" + code).then().statusCode(204);
        city().get("/api/v1/enterprises/" + code).then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("type", notNullValue());
    }

    @Test
    void listItemsCarryTheContractFields() {
        String code = TestData.creditCode();
        create(enterprise(code, "字段", "371502")).then().statusCode(201);
        city().queryParam("q", "字段").get("/api/v1/enterprises").then()
                .body("items.creditCode", hasItem(code))
                .body("items", everyItem(not(org.hamcrest.Matchers.hasKey("version"))));
    }
}
