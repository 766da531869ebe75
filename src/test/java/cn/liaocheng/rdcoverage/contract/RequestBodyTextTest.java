package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * What a browser portal sends that is not what it means (a trial with a generated client): a date as a UTC instant,
 * epoch days or an array; a string that is not text; a list holding null; a name with invisible spaces around it.
 * Each is a 400 naming the field, or is stored as a person reads it.
 */
@QuarkusTest
class RequestBodyTextTest {
    private static Map<String, Object> round(String id, Object opensOn) {
        return Map.of("id", id, "year", Integer.parseInt(id.substring(0, 4)), "half", Integer.parseInt(id.substring(5)),
                "opensOn", opensOn, "closesOn", "2039-03-31");
    }

    /** A round id no other test has taken (Workflow.round picks random ones). */
    private static String freeRoundId() {
        for (int year = 2030; year < 2100; year++) {
            for (int half = 1; half <= 2; half++) {
                String id = year + "H" + half;
                if (city().get("/api/v1/rounds/" + id).statusCode() == 404) {
                    return id;
                }
            }
        }
        throw new IllegalStateException("no free round id");
    }

    @Test
    void aDateIsACalendarDayNotAnInstantANumberOrAnArray() {
        String id = freeRoundId();
        // toISOString() of local midnight on 2039-01-01 in China: the module stored 2038-12-31
        for (Object notADate : List.of("2038-12-31T16:00:00.000Z", "2039-01-01T00:00:00", 25203, List.of(2039, 1, 1))) {
            city().header("Accept-Language", "en").contentType(ContentType.JSON).body(round(id, notADate))
                    .post("/api/v1/rounds").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("opensOn"))
                    .body("errors[0].message", containsString("YYYY-MM-DD"));
        }
        city().get("/api/v1/rounds/" + id).then().statusCode(404);
        // an empty string is no date (a form's empty field): here a missing required one
        city().header("Accept-Language", "en").contentType(ContentType.JSON).body(round(id, ""))
                .post("/api/v1/rounds").then().statusCode(400)
                .body("errors[0].field", equalTo("opensOn")).body("errors[0].code", equalTo("REQUIRED"));
        // an impossible day is still refused by name
        city().contentType(ContentType.JSON).body(round(id, "2039-02-30")).post("/api/v1/rounds").then().statusCode(400)
                .body("errors[0].field", equalTo("opensOn"));
    }

    @Test
    void aStringThatIsNotTextIsRefused() {
        for (String name : List.of("a\ud800b", "a\u0000b", "tail\udc00")) {
            city().header("Accept-Language", "en").contentType(ContentType.JSON)
                    .body(Map.of("creditCode", TestData.creditCode("371502"), "name", name, "regionCode", "371502"))
                    .post("/api/v1/enterprises").then().statusCode(400)
                    .body("errors[0].field", equalTo("name")).body("errors[0].code", equalTo("INVALID_FORMAT"))
                    .body("errors[0].message", containsString("not text"));
        }
        // a character outside the BMP (a pair) and line breaks are text
        String code = TestData.creditCode("371502");
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "聊城𬍛业有限公司", "regionCode", "371502",
                "address", "东昌府区\n某路 1 号")).post("/api/v1/enterprises").then().statusCode(201);
        city().get("/api/v1/enterprises/" + code).then().body("name", equalTo("聊城𬍛业有限公司"));
    }

    @Test
    void aNameIsStoredWithoutTheInvisibleSpacesAroundIt() {
        String code = TestData.creditCode("371502");
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "\u00A0高新区D电子有限公司\u3000", "regionCode", "371502",
                "address", "\u3000")).post("/api/v1/enterprises").then().statusCode(201)
                .body("name", equalTo("高新区D电子有限公司"));
        city().get("/api/v1/enterprises/" + code).then().body("name", equalTo("高新区D电子有限公司"));
        city().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body(Map.of("creditCode", TestData.creditCode("371502"), "name", "\u3000\u00A0", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aNullInAListIsNamedByItsIndex() {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("creditCode", TestData.creditCode("371502"), "name", "空年度",
                "regionCode", "371502"));
        java.util.List<Object> figures = new java.util.ArrayList<>();
        figures.add(null);
        body.put("figures", figures);
        city().contentType(ContentType.JSON).body(body).post("/api/v1/enterprises").then().statusCode(400)
                .body("errors[0].field", equalTo("figures[0]"));
    }

    @Test
    void theSameFaultGetsTheSameCodeAndNoJacksonInternals() {
        String code = TestData.creditCode("371502");
        city().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"creditCode\":\"" + code + "\",\"name\":\"x\",\"regionCode\":371502}")
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("errors[0].field", equalTo("regionCode")).body("errors[0].code", equalTo("INVALID_TYPE"));
        city().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"creditCode\":\"" + code + "\",\"name\":\"x\",\"regionCode\":\"371502\",\"figures\":[{\"year\":2025,"
                        + "\"employees\":99999999999999999999,\"revenue\":1}]}")
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("errors[0].field", equalTo("figures[0].employees")).body("errors[0].code", equalTo("OUT_OF_RANGE"))
                .body("errors[0].message", not(containsString("int")));
        city().header("Accept-Language", "en").contentType(ContentType.JSON)
                .body("{\"creditCode\":\"" + code + "\",\"name\":\"x\",\"regionCode\":\"371502\",\"figures\":[{\"year\":2025,"
                        + "\"employees\":NaN,\"revenue\":1}]}")
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("errors[0].message", allOf(containsString("NaN"), not(containsString("Feature"))));
        city().get("/api/v1/enterprises/" + code).then().statusCode(404);
    }

    @Test
    void anEmptyNewEnterpriseIsToldEveryMissingFieldAtOnce() {
        city().header("Accept-Language", "en").contentType(ContentType.JSON).body("{}").post("/api/v1/enterprises").then()
                .statusCode(400).body("errors.field", equalTo(List.of("creditCode", "name", "regionCode")));
        city().header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(Map.of("creditCode", "91371500MA00000000", "name", "x", "regionCode", "37150"))
                .post("/api/v1/enterprises").then().statusCode(400)
                .body("errors.field", equalTo(List.of("creditCode", "regionCode")));
    }

    @Test
    void acceptApplicationWildcardGetsJson() {
        for (String list : List.of("/api/v1/regions", "/api/v1/rounds", "/api/v1/targets", "/api/v1/policies")) {
            city().accept("application/*").get(list).then().statusCode(200).contentType("application/json")
                    .body("items", org.hamcrest.Matchers.notNullValue());
        }
        city().accept("application/*, text/csv;q=0.5").get("/api/v1/regions").then().statusCode(200).contentType("application/json");
    }

    @Test
    void readsVaryByFormatAndLanguage() {
        city().get("/api/v1/regions").then().statusCode(200).header("Vary", containsString("Accept-Language"));
        String code = TestData.creditCode("371502");
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "缓存", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        String etag = city().get("/api/v1/enterprises/" + code).then().statusCode(200)
                .header("Vary", containsString("Accept-Language")).extract().header("ETag");
        city().header("If-None-Match", etag).get("/api/v1/enterprises/" + code).then().statusCode(304)
                .header("Vary", containsString("Accept-Language"));
    }

    @Test
    void locationKeepsTheSchemeAndHostTheClientUsedBehindTheIngress() {
        city().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "rd.liaocheng.gov.cn").contentType(ContentType.JSON)
                .body(Map.of("creditCode", TestData.creditCode("371502"), "name", "转发", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201)
                .header("Location", startsWith("https://rd.liaocheng.gov.cn/api/v1/enterprises/"));
    }
}
