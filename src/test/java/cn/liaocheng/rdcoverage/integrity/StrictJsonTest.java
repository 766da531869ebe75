package cn.liaocheng.rdcoverage.integrity;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static cn.liaocheng.rdcoverage.TestData.city;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.equalTo;

/** Issue 12, item 5: odd JSON is a problem+json 400 naming the field or the limit, never a 500 or an empty body. */
@QuarkusTest
class StrictJsonTest {
    private static String enterprise(String figures) {
        return "{\"creditCode\":\"" + TestData.creditCode() + "\",\"name\":\"严格JSON测试企业\",\"regionCode\":\"371502\","
                + "\"figures\":[" + figures + "]}";
    }

    @Test
    void aDuplicateKeyIs400NamingItEvenAnonymouslyOnDevTokens() {
        given().contentType("application/json").body("{\"role\":\"ADMIN\",\"role\":\"CITY_OFFICER\"}")
                .post("/api/v1/dev/tokens").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", equalTo("appears more than once in the same object"));
    }

    @Test
    void aNestedDuplicateKeyIsNamedByItsPath() {
        city().contentType("application/json").body(enterprise("{\"year\":2024,\"employees\":10,\"revenue\":1,\"revenue\":2}"))
                .post("/api/v1/enterprises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("figures[0].revenue"));
    }

    @Test
    void aWrongJsonTypeIs400WithABodyNamingTheField() {
        city().contentType("application/json").body(enterprise("{\"year\":2024,\"employees\":10,\"revenue\":false}"))
                .post("/api/v1/enterprises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("figures[0].revenue"))
                .body("errors[0].message", containsString("must be a number"));
        city().contentType("application/json").body(enterprise("{\"year\":2024,\"employees\":\"10\",\"revenue\":1}"))
                .post("/api/v1/enterprises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("figures[0].employees"));
        city().contentType("application/json").body("{\"creditCode\":\"" + TestData.creditCode() + "\",\"name\":12,\"regionCode\":\"371502\"}")
                .post("/api/v1/enterprises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void aFractionInAWholeNumberFieldIs400() {
        city().contentType("application/json").body(enterprise("{\"year\":2024,\"employees\":10.5,\"revenue\":1}"))
                .post("/api/v1/enterprises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("figures[0].employees"))
                .body("errors[0].message", containsString("whole number"));
    }

    @Test
    void contentAfterTheDocumentIs400() {
        city().contentType("application/json").body(enterprise("") + " {\"x\":1}")
                .post("/api/v1/enterprises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }

    @Test
    void deepNestingIs400() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        city().contentType("application/json").body("{\"name\":\"x\",\"regionCode\":\"371502\",\"figures\":" + deep + "}")
                .post("/api/v1/enterprises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("figures"));
        given().contentType("application/json").body("{\"role\":\"ADMIN\",\"subject\":" + deep + "}")
                .post("/api/v1/dev/tokens").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("subject"));
    }

    @Test
    void aNumberLiteralOverTheLengthLimitIs400NamingTheLimit() {
        city().contentType("application/json").body(enterprise("{\"year\":2024,\"employees\":10,\"revenue\":1" + "0".repeat(500) + "}"))
                .post("/api/v1/enterprises").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("Number value length"));
    }

    @Test
    void anImportWithAHugeStringOrDeepNestingIs400() {
        String huge = "[{\"creditCode\":\"" + TestData.creditCode() + "\",\"name\":\"" + "名".repeat(2_000_000)
                + "\",\"regionCode\":\"371502\",\"year\":2024,\"employees\":1,\"revenue\":1}]";
        city().config(TestData.RAW_CHARSET).contentType("application/json").body(huge.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import?dryRun=true").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("String value length"));
        String nested = "{\"name\":" + "[".repeat(1100) + "]".repeat(1100) + "}\n";
        city().config(TestData.RAW_CHARSET).contentType("application/x-ndjson").body(nested.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import?dryRun=true").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("nesting depth"));
        String duplicate = "{\"creditCode\":\"" + TestData.creditCode() + "\",\"name\":\"a\",\"name\":\"b\"}\n";
        city().config(TestData.RAW_CHARSET).contentType("application/x-ndjson").body(duplicate.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import?dryRun=true").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("repeats the key 'name'"));
    }

    @Test
    void anImportedNumberFarOutOfRangeIsARowProblemNotAnOutOfMemory() {
        String row = "[{\"creditCode\":\"" + TestData.creditCode() + "\",\"name\":\"x\",\"regionCode\":\"371502\","
                + "\"year\":2024,\"employees\":1e999999999,\"revenue\":1e999999999}]";
        city().config(TestData.RAW_CHARSET).contentType("application/json").body(row.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import?dryRun=true").then().statusCode(anyOf(is(400), is(422)))
                .contentType("application/problem+json");
        given().get("/q/health/live").then().statusCode(200);
    }
}
