package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** What the contract promises a browser portal: conditional GET, CORS from the dev origin, problems in two languages, gzip. */
@QuarkusTest
class HttpContractTest {
    private static final String DEV_ORIGIN = "http://localhost:5173";

    private static String newEnterprise() {
        String code = TestData.creditCode();
        city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "聊城契约测试有限公司", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201).header("ETag", equalTo("\"0\""));
        return code;
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIs304WithoutABody() {
        String code = newEnterprise();
        String etag = city().get("/api/v1/enterprises/" + code).then().statusCode(200).extract().header("ETag");
        city().header("If-None-Match", etag).get("/api/v1/enterprises/" + code).then()
                .statusCode(304).header("ETag", equalTo(etag)).body(emptyString());
        city().header("If-None-Match", "*").get("/api/v1/enterprises/" + code).then().statusCode(304);
        city().header("If-None-Match", "\"41\"").get("/api/v1/enterprises/" + code).then()
                .statusCode(200).body("creditCode", equalTo(code));
        // RFC 9110 13.1.2: If-None-Match compares weakly, and takes a list
        city().header("If-None-Match", "W/" + etag).get("/api/v1/enterprises/" + code).then().statusCode(304);
        city().header("If-None-Match", "\"41\", W/\"7,8\" , " + etag).get("/api/v1/enterprises/" + code).then()
                .statusCode(304);
        city().header("If-None-Match", "\"41\", W/\"42\"").get("/api/v1/enterprises/" + code).then().statusCode(200);
        city().header("If-None-Match", etag.replace("\"", "")).get("/api/v1/enterprises/" + code).then()
                .statusCode(200); // an unquoted tag is malformed: the full answer
        // after a change the old tag no longer matches
        city().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("creditCode", code, "name", "聊城契约测试二有限公司", "regionCode", "371502"))
                .put("/api/v1/enterprises/" + code).then().statusCode(200).header("ETag", equalTo("\"1\""));
        city().header("If-None-Match", etag).get("/api/v1/enterprises/" + code).then()
                .statusCode(200).body("name", equalTo("聊城契约测试二有限公司"));
    }

    @Test
    void policyVersionsAnswer304Too() {
        String etag = city().get("/api/v1/policies/liaocheng-2020").then().statusCode(200).extract().header("ETag");
        city().header("If-None-Match", etag).get("/api/v1/policies/liaocheng-2020").then().statusCode(304);
    }

    @Test
    void preflightFromTheViteDevServerAllowsAuthorizationAndIfMatch() {
        given().header("Origin", DEV_ORIGIN)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type,x-request-id,traceparent")
                .options("/api/v1/enterprises/913715000000000000").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DEV_ORIGIN))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", allOf(containsString("Authorization"), containsString("If-Match"),
                        containsString("X-Request-Id"), containsString("traceparent")));
    }

    @Test
    void theBrowserMaySeeEtagLocationRetryAfterReplayAndDisposition() {
        String expose = city().header("Origin", DEV_ORIGIN).get("/api/v1/regions").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DEV_ORIGIN))
                .extract().header("Access-Control-Expose-Headers");
        for (String h : new String[]{"ETag", "Location", "Retry-After", "Idempotent-Replayed", "Content-Disposition", "X-Request-Id"}) {
            org.hamcrest.MatcherAssert.assertThat(expose, containsString(h));
        }
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/regions").then().header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
    }

    @Test
    void anOriginNotConfiguredIsNotAllowed() {
        given().header("Origin", "http://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/regions").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void problemsInChineseAndEnglishKeepTypeStatusAndCodes() {
        Map<String, Object> missing = Map.of("creditCode", TestData.creditCode(), "name", "缺少区县代码的企业");
        city().header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body(missing)
                .post("/api/v1/enterprises").then().statusCode(400)
                .contentType("application/problem+json")
                .header("Content-Language", equalTo("zh-CN"))
                .body("type", equalTo("/problems/validation"))
                .body("title", equalTo("请求参数无效"))
                .body("errors.find { it.field == 'regionCode' }.code", equalTo("REQUIRED"))
                .body("errors.find { it.field == 'regionCode' }.message", matchesPattern(".*[\\u4e00-\\u9fff].*"))
                .body("errors.code", everyItem(notNullValue()));
        city().header("Accept-Language", "en").contentType(ContentType.JSON).body(missing)
                .post("/api/v1/enterprises").then().statusCode(400)
                .header("Content-Language", equalTo("en"))
                .body("type", equalTo("/problems/validation"))
                .body("title", equalTo("Invalid request"))
                .body("errors.find { it.field == 'regionCode' }.code", equalTo("REQUIRED"))
                .body("errors.find { it.field == 'regionCode' }.message", containsString("must not be"));
        given().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").get("/api/v1/enterprises").then().statusCode(401)
                .body("type", equalTo("/problems/unauthorized"))
                .body("title", equalTo("未认证"))
                .body("detail", containsString("访问令牌"));
        given().header("Accept-Language", "en-GB").get("/api/v1/enterprises").then().statusCode(401)
                .body("title", equalTo("Unauthorized"));
        city().header("Accept-Language", "zh-CN").get("/api/v1/enterprises/" + TestData.creditCode()).then().statusCode(404)
                .body("title", equalTo("资源不存在"));
    }

    @Test
    void aMalformedQueryParameterIsA400NamingIt() {
        city().header("Accept-Language", "en").get("/api/v1/enterprises?sort=nosuchfield").then().statusCode(400)
                .body("errors[0].field", equalTo("sort")).body("errors[0].code", equalTo("NOT_SORTABLE"));
    }

    @Test
    void jsonAndCsvAreGzippedWhenTheClientAcceptsIt() {
        newEnterprise();
        city().header("Accept-Encoding", "gzip").get("/api/v1/enterprises?size=100").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
        city().header("Accept-Encoding", "gzip").accept("text/csv").get("/api/v1/enterprises").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
    }

    @Test
    void theWhatIfExampleOfTheContractIsAccepted() {
        Object body = given().accept("application/json").get("/q/openapi?format=json").then()
                .extract().path("paths.'/api/v1/eligibility-assessments'.post.requestBody.content.'application/json'.examples.single.value");
        city().contentType(ContentType.JSON).body(body).post("/api/v1/eligibility-assessments").then().statusCode(200)
                .body("qualified", equalTo(true))
                .body("criteria.find { it.code == 'EQUIPMENT_VALUE' }.unit", equalTo("yuan"))
                .body("criteria.find { it.code == 'FLOOR_AREA' }.unit", equalTo("m2"))
                .body("criteria.find { it.code == 'PERSONNEL' }.unit", equalTo("persons"))
                .body("criteria.code", hasItem("RULES_IN_PLACE"));
    }

    @Test
    void everyListAnswersCsvWithHeadersInTheLanguageAndANameWithRegionAndDate() {
        String code = newEnterprise();
        String today = TestData.today().toString();
        String zh = city().header("Accept-Language", "zh-CN").accept("text/csv").get("/api/v1/enterprises/" + code + "/history")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"enterprises-history-371500-" + today + ".csv\""))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(zh, containsString("修订号"));
        String en = city().header("Accept-Language", "en").accept("text/csv").get("/api/v1/institutions?regionCode=371502")
                .then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"institutions-371502-" + today + ".csv\""))
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(en, containsString("id,name,kind,buildMode"));
        // JSON stays the default for a client that accepts anything
        city().get("/api/v1/institutions").then().statusCode(200).contentType(containsString("application/json"));
    }

    @Test
    void downloadsCarryRegionAndDateAndFinanceSeesNames() {
        city().header("Accept-Language", "zh-CN").accept("text/csv").get("/api/v1/reports/uncovered?regionCode=371581&asOf=2021-12-31")
                .then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"uncovered-371581-2021-12-31.csv\""))
                .body(containsString("统一社会信用代码"));
        // the xlsx twins follow the same naming rule
        city().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/reports/uncovered?regionCode=371581&asOf=2021-12-31").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"uncovered-371581-2021-12-31.xlsx\""));
        city().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .get("/api/v1/reports/coverage?regionCode=371581&asOf=2021-12-31").then().statusCode(200)
                .header("Content-Disposition", equalTo("attachment; filename=\"coverage-371581-2021-12-31.xlsx\""));
        String header = TestData.role("FINANCE").header("Accept-Language", "en").accept("text/csv").get("/api/v1/awards")
                .then().statusCode(200).extract().asString().lines().findFirst().orElse("");
        org.hamcrest.MatcherAssert.assertThat(header, containsString("creditCode,enterpriseName,regionCode,regionName,institutionId,institutionName"));
    }

    @Test
    void timestampsHaveMillisecondsOnCreateAndRead() {
        String code = TestData.creditCode();
        String created = city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "聊城毫秒测试有限公司", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201).extract().path("updatedAt");
        org.hamcrest.MatcherAssert.assertThat(created, matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        String read = city().get("/api/v1/enterprises/" + code).then().statusCode(200).extract().path("updatedAt");
        org.hamcrest.MatcherAssert.assertThat(read, matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        // the same second everywhere; the same millisecond where the column keeps them (H2; MariaDB's is in seconds today)
        org.junit.jupiter.api.Assertions.assertEquals(created.substring(0, 19), read.substring(0, 19));
    }

    @Test
    void aJointAmountShowsTheTotalAndHowManyShareIt() {
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        Map<String, Object> body = Map.of("asOf", "2021-06-30", "buildMode", "JOINT",
                "participants", java.util.List.of(
                        Map.of("creditCode", a, "employees", 350, "revenue", 52000000, "aboveDesignatedSize", true),
                        Map.of("creditCode", b, "employees", 350, "revenue", 52000000, "aboveDesignatedSize", true)),
                "capacity", Map.of("personnel", 6, "equipmentValue", 600000, "rdExpenditure", 520000, "floorArea", 60,
                        "projectCount", 3, "hasRules", true, "hasStableFunding", true));
        city().contentType(ContentType.JSON).body(body).post("/api/v1/eligibility-assessments").then().statusCode(200)
                .body("criteria.find { it.code == 'EQUIPMENT_VALUE' }.unit", equalTo("yuan"))
                .body("criteria.find { it.code == 'EQUIPMENT_VALUE' }.total", equalTo(600000))
                .body("criteria.find { it.code == 'EQUIPMENT_VALUE' }.sharedBy", equalTo(2))
                .body("criteria.find { it.code == 'EQUIPMENT_VALUE' }.actual", equalTo(300000))
                .body("criteria.find { it.code == 'PERSONNEL' }.sharedBy", nullValue());
    }
}
