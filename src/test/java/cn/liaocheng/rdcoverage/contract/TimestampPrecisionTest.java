package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue #13: "Timestamps: one precision (milliseconds) in every answer, the same on create as on a later read."
 * A create (and an update) answers its instants to the millisecond; a later GET must show the same millisecond, on H2
 * and on MariaDB (whose server announces itself as 5.5.5 to the MySQL connector, which then drops fractional seconds
 * unless the dialect binds them itself).
 */
@QuarkusTest
class TimestampPrecisionTest {

    private static void sameInstants(ExtractableResponse<Response> written, ExtractableResponse<Response> read) {
        for (String field : List.of("createdAt", "updatedAt")) {
            String w = written.path(field);
            if (w != null) {
                assertEquals(w, read.path(field), field + " written vs read");
            }
        }
    }

    @Test
    void anEnterpriseReadsBackTheMillisecondsItWasCreatedAndUpdatedWith() {
        String code = TestData.creditCode("371502");
        var created = city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "聊城毫秒精度有限公司", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201).extract();
        sameInstants(created, city().get("/api/v1/enterprises/" + code).then().statusCode(200).extract());
        var updated = city().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Map.of("creditCode", code, "name", "聊城毫秒精度二有限公司", "regionCode", "371502"))
                .put("/api/v1/enterprises/" + code).then().statusCode(200).extract();
        sameInstants(updated, city().get("/api/v1/enterprises/" + code).then().statusCode(200).extract());
    }

    @Test
    void anInstitutionReadsBackTheMillisecondsItWasCreatedWith() {
        String code = TestData.creditCode("371502");
        city().contentType(ContentType.JSON)
                .body(Map.of("creditCode", code, "name", "聊城毫秒中心有限公司", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        var created = city().contentType(ContentType.JSON).body(Map.of("name", "毫秒中心", "kind", "TECH_CENTER",
                        "buildMode", "SINGLE", "participants", List.of(code)))
                .post("/api/v1/institutions").then().statusCode(201).extract();
        String id = created.path("id");
        sameInstants(created, city().get("/api/v1/institutions/" + id).then().statusCode(200).extract());
    }
}
