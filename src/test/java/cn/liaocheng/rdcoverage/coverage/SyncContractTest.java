package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

/** What an integrator syncing with updatedSince relies on (issue 13), and paging parameters that are not numbers. */
@QuarkusTest
class SyncContractTest {
    @Test
    void aDesignationAddedOrRevokedMovesItsInstitutionsUpdatedAt() throws InterruptedException {
        String id = Coverage.recognized("SINGLE", "2021-03-01", Coverage.enterprise("371502", 2021, true));
        String before = city().get("/api/v1/institutions/" + id).then().statusCode(200).extract().path("updatedAt");
        String etag = city().get("/api/v1/institutions/" + id).then().extract().header("ETag");
        Thread.sleep(1100); // MariaDB's timestamp columns keep whole seconds
        String designation = city().contentType(ContentType.JSON)
                .body(Map.of("level", "PROVINCIAL", "program", "省级企业技术中心", "grantedOn", "2021-06-01"))
                .post("/api/v1/institutions/" + id + "/designations").then().statusCode(201).extract().path("id");
        String afterAdd = city().get("/api/v1/institutions/" + id).then().statusCode(200)
                .header("ETag", not(equalTo(etag))).extract().path("updatedAt");
        org.junit.jupiter.api.Assertions.assertTrue(afterAdd.compareTo(before) > 0, before + " then " + afterAdd);
        // an integrator syncing since just before the change sees the institution
        city().get("/api/v1/institutions?updatedSince=" + afterAdd).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        Thread.sleep(1100); // MariaDB's timestamp columns keep whole seconds
        city().contentType(ContentType.JSON).body(Map.of("revokedOn", "2021-09-01", "reason", "摘牌"))
                .post("/api/v1/institutions/" + id + "/designations/" + designation + "/revocations").then().statusCode(200);
        String afterRevoke = city().get("/api/v1/institutions/" + id).then().statusCode(200).extract().path("updatedAt");
        org.junit.jupiter.api.Assertions.assertTrue(afterRevoke.compareTo(afterAdd) > 0, afterAdd + " then " + afterRevoke);
    }

    @Test
    void targetsRoundsAndInspectionsHonourUpdatedSince() {
        city().contentType(ContentType.JSON).body(Map.of("year", 2031, "coverageRate", 0.5, "provincialIncrease", 1))
                .post("/api/v1/targets").then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409)));
        city().get("/api/v1/targets?updatedSince=2000-01-01").then().statusCode(200).body("total", greaterThan(0));
        city().get("/api/v1/targets?updatedSince=2999-01-01").then().statusCode(200).body("total", equalTo(0));
        city().get("/api/v1/rounds?updatedSince=2999-01-01").then().statusCode(200).body("total", equalTo(0));
        city().get("/api/v1/inspections?updatedSince=2999-01-01T00:00:00Z").then().statusCode(200).body("total", equalTo(0));
        city().header("Accept-Language", "en").get("/api/v1/targets?updatedSince=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
        city().header("Accept-Language", "en").get("/api/v1/inspections?sort=nosuchfield").then().statusCode(400)
                .body("errors[0].field", equalTo("sort")).body("errors[0].code", equalTo("NOT_SORTABLE"));
    }

    @Test
    void everyListFilterTakesUpdatedSince() {
        for (String list : java.util.List.of("enterprises", "institutions", "targets", "awards", "applications")) {
            city().get("/api/v1/" + list + "?updatedSince=2999-01-01").then().statusCode(200).body("total", equalTo(0));
            city().header("Accept-Language", "en").get("/api/v1/" + list + "?updatedSince=yesterday").then().statusCode(400)
                    .body("errors[0].field", equalTo("updatedSince"));
        }
    }

    @Test
    void malformedPagingIsA400NamingTheParameterNeverA404() {
        city().header("Accept-Language", "en").get("/api/v1/enterprises?page=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("page")).body("errors[0].code", equalTo("INVALID_TYPE"));
        city().header("Accept-Language", "en").get("/api/v1/enterprises?size=1.5").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        city().header("Accept-Language", "en").get("/api/v1/targets?year=twenty").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        city().header("Accept-Language", "en").get("/api/v1/enterprises?keyEnterprise=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("keyEnterprise"));
        city().header("Accept-Language", "en").get("/api/v1/enterprises?page=2147483647&size=500").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        city().header("Accept-Language", "en").get("/api/v1/institutions?status=NOPE").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
