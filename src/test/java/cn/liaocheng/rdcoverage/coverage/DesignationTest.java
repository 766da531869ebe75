package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.coverage.Coverage.enterprise;
import static cn.liaocheng.rdcoverage.coverage.Coverage.recognized;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Provincial and national designations: added with a grant date, revoked (摘牌) with a date, counted in between. */
@QuarkusTest
class DesignationTest {
    private static JsonPath report(String asOf) {
        return city().queryParam("asOf", asOf).get("/api/v1/reports/coverage").then().statusCode(200).extract().jsonPath();
    }

    private static String designate(String institution, String level, String program, String grantedOn) {
        return city().contentType(ContentType.JSON).body(Map.of("level", level, "program", program, "grantedOn", grantedOn))
                .post("/api/v1/institutions/" + institution + "/designations").then().statusCode(201)
                .header("Location", containsString("/api/v1/institutions/" + institution + "/designations/"))
                .header("ETag", notNullValue())
                .body("level", equalTo(level)).body("grantedOn", equalTo(grantedOn)).extract().path("id");
    }

    @Test
    void aRevokedDesignationStopsCountingFromItsRevocationDate() {
        String region = "371526";
        String before = "regions.find { it.regionCode == '" + region + "' }.";
        JsonPath start = report("2036-12-31");
        int cityActive = start.getInt("city.provincialActive");
        int regionActive = start.getInt(before + "provincialActive");

        String a = recognized("SINGLE", "2036-01-10", enterprise(region));
        String b = recognized("SINGLE", "2036-01-10", enterprise(region));
        String provincial = designate(a, "PROVINCIAL", "省企业技术中心", "2036-03-01");
        designate(a, "NATIONAL", "国家企业技术中心", "2036-09-01");          // same institution: still one
        String delisted = designate(b, "PROVINCIAL", "省工程实验室", "2036-04-01");

        JsonPath mid = report("2036-06-30");
        assertEquals(2, mid.getInt("city.provincialNew"));
        // 2036 lies in the future, where the API takes no revocation (refused below): written as the API writes it
        Coverage.revokeDesignation(delisted, "2036-08-01", "省科技厅摘牌");

        assertEquals(2, report("2036-07-31").getInt("city.provincialNew"));
        JsonPath end = report("2036-12-31");
        assertEquals(cityActive + 1, end.getInt("city.provincialActive"));
        assertEquals(regionActive + 1, end.getInt(before + "provincialActive"));
        assertEquals(1, end.getInt("city.provincialNew"));
        assertEquals(1, end.getInt(before + "provincialNew"));
        assertEquals(0, report("2037-06-30").getInt(before + "provincialNew"));

        city().get("/api/v1/institutions/" + b + "/designations").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].revokedOn", equalTo("2036-08-01"));
        city().get("/api/v1/institutions/" + a + "/designations").then().statusCode(200)
                .body("items.program", equalTo(java.util.List.of("省企业技术中心", "国家企业技术中心")));
        city().get("/api/v1/institutions/" + a + "/designations/" + provincial).then().statusCode(200)
                .header("ETag", notNullValue()).body("program", equalTo("省企业技术中心"));
        city().get("/api/v1/institutions/" + b + "/designations/" + provincial).then().statusCode(404);

        // a second revocation is a conflict, a future date is invalid
        city().contentType(ContentType.JSON).body(Map.of("revokedOn", "2036-09-01", "reason", "again"))
                .post("/api/v1/institutions/" + b + "/designations/" + delisted + "/revocations").then().statusCode(409);
        city().contentType(ContentType.JSON).body(Map.of("revokedOn", "2036-09-01", "reason", "early"))
                .post("/api/v1/institutions/" + a + "/designations/" + provincial + "/revocations").then().statusCode(400)
                .body("errors[0].field", equalTo("revokedOn")).body("errors[0].message", startsWith("must not be after today"));
        city().get("/api/v1/institutions/" + a + "/designations/" + provincial).then().body("revokedOn", nullValue());
        // a revoked institution's designations stop counting with it
        Coverage.revoke(a, "2036-11-01", "撤销认定");
        assertEquals(cityActive, report("2036-12-31").getInt("city.provincialActive"));
        assertEquals(cityActive + 1, report("2036-10-31").getInt("city.provincialActive"));
    }

    @Test
    void designationsAreValidatedAndWrittenOnlyByTheCity() {
        String region = "371525";
        String id = recognized("SINGLE", "2024-01-10", enterprise(region));
        city().contentType(ContentType.JSON).body(Map.of("level", "CITY", "program", "x", "grantedOn", "2024-01-01"))
                .post("/api/v1/institutions/" + id + "/designations").then().statusCode(400).body("errors[0].field", equalTo("level"));
        city().contentType(ContentType.JSON).body(Map.of("level", "PROVINCIAL", "grantedOn", "2024-01-01"))
                .post("/api/v1/institutions/" + id + "/designations").then().statusCode(400).body("errors[0].field", equalTo("program"));
        county(region).contentType(ContentType.JSON).body(Map.of("level", "PROVINCIAL", "program", "省重点实验室", "grantedOn", "2024-01-01"))
                .post("/api/v1/institutions/" + id + "/designations").then().statusCode(403);
        county(region).get("/api/v1/institutions/" + id + "/designations").then().statusCode(200);
        county("371502").get("/api/v1/institutions/" + id + "/designations").then().statusCode(404);
        city().get("/api/v1/institutions/00000000-0000-7000-8000-000000000000/designations").then().statusCode(404);
    }
}
