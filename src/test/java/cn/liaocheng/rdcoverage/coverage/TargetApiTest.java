package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TargetApiTest {
    @Test
    void theActionPlansTargetsAreSeeded() {
        TestData.county("371502").queryParam("regionCode", "CITY").queryParam("sort", "year").get("/api/v1/targets").then().statusCode(200)
                .body("items.find { it.year == 2020 }.coverageRate", equalTo(0.5f))
                .body("items.find { it.year == 2020 }.provincialIncrease", equalTo(18))
                .body("items.find { it.year == 2021 }.coverageRate", equalTo(1.0f))
                .body("items.find { it.year == 2021 }.provincialIncrease", equalTo(17))
                .body("items.find { it.year == 2021 }.regionCode", nullValue());
    }

    @Test
    void targetsAreCreatedReadAndChangedWithIfMatch() {
        var created = city().contentType(ContentType.JSON)
                .body(Map.of("year", 2045, "regionCode", "371524", "coverageRate", 0.8, "provincialIncrease", 2))
                .post("/api/v1/targets").then().statusCode(201).header("Location", containsString("/api/v1/targets/"))
                .body("regionName", equalTo("东阿县")).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        city().contentType(ContentType.JSON).body(Map.of("year", 2045, "regionCode", "371524", "coverageRate", 0.9, "provincialIncrease", 2))
                .post("/api/v1/targets").then().statusCode(409);
        TestData.role("ADMIN").contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("year", 2045, "regionCode", "371524", "coverageRate", 1, "provincialIncrease", 3))
                .put("/api/v1/targets/" + id).then().statusCode(200).body("coverageRate", equalTo(1.0f)).body("provincialIncrease", equalTo(3));
        city().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("year", 2045, "regionCode", "371524", "coverageRate", 0.5, "provincialIncrease", 3))
                .put("/api/v1/targets/" + id).then().statusCode(412);
        city().contentType(ContentType.JSON)
                .body(Map.of("year", 2046, "regionCode", "371524", "coverageRate", 0.5, "provincialIncrease", 3))
                .put("/api/v1/targets/" + id).then().statusCode(400).body("errors[0].field", equalTo("year"));
        city().get("/api/v1/targets/" + id).then().statusCode(200).body("year", equalTo(2045));
        city().queryParam("year", 2045).get("/api/v1/targets").then().body("items.id", hasItem(id));
        city().get("/api/v1/targets/nope").then().statusCode(404);
    }

    @Test
    void invalidTargetsNameTheirFields() {
        city().contentType(ContentType.JSON).body(Map.of("year", 2045, "coverageRate", 1.5, "provincialIncrease", -1))
                .post("/api/v1/targets").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("coverageRate", "provincialIncrease"));
        city().contentType(ContentType.JSON).body(Map.of("year", 2045, "regionCode", "123456", "coverageRate", 0.5, "provincialIncrease", 1))
                .post("/api/v1/targets").then().statusCode(400).body("errors[0].field", equalTo("regionCode"));
        TestData.role("PROVINCE").contentType(ContentType.JSON).body(Map.of("year", 2045, "coverageRate", 0.5, "provincialIncrease", 1))
                .post("/api/v1/targets").then().statusCode(403);
        TestData.as(TestData.token("ASSESSOR", "assessorId", "x")).get("/api/v1/targets").then().statusCode(403);
        city().queryParam("sort", "colour").get("/api/v1/targets").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        city().get("/api/v1/targets/" + List.of().size()).then().statusCode(404);
    }
}
