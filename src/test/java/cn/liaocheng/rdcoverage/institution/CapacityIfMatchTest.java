package cn.liaocheng.rdcoverage.institution;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;

/** A year's capacity is edited by the enterprise and the city: a PUT naming a version it has not seen is a 412. */
@QuarkusTest
class CapacityIfMatchTest {
    private static Map<String, Object> capacity(int personnel) {
        return capacity(2024, personnel);
    }

    private static Map<String, Object> capacity(int year, int personnel) {
        return Map.of("year", year, "personnel", personnel, "equipmentValue", 600_000, "rdExpenditure", 520_000,
                "floorArea", 60, "projectCount", 3, "hasRules", true, "hasStableFunding", true);
    }

    @Test
    void aCapacityPutHonoursIfMatch() {
        String code = TestData.creditCode("371502");
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "产能" + code.substring(10), "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        String id = city().contentType(ContentType.JSON).body(Map.of("name", "产能中心", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                "participants", List.of(code), "capacity", capacity(6))).post("/api/v1/institutions").then().statusCode(201)
                .extract().path("id");
        String path = "/api/v1/institutions/" + id + "/capacity/2024";
        String etag = city().get(path).then().statusCode(200).extract().header("ETag");
        city().header("If-Match", "\"c000\"").contentType(ContentType.JSON).body(capacity(7)).put(path).then().statusCode(412);
        city().get(path).then().body("personnel", equalTo(6));
        String next = city().header("If-Match", etag).contentType(ContentType.JSON).body(capacity(7)).put(path).then().statusCode(200)
                .extract().header("ETag");
        // the tag read before the change is stale now
        city().header("If-Match", etag).contentType(ContentType.JSON).body(capacity(8)).put(path).then().statusCode(412);
        city().header("If-Match", next).contentType(ContentType.JSON).body(capacity(8)).put(path).then().statusCode(200)
                .body("personnel", equalTo(8));
        // a year not declared yet cannot match a tag
        city().header("If-Match", etag).contentType(ContentType.JSON).body(capacity(2023, 8)).put("/api/v1/institutions/" + id + "/capacity/2023")
                .then().statusCode(412);
    }
}
