package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Issue #19: deletes of figures and institutions honour If-Match and are audited; errors say what happened. */
@QuarkusTest
class DeletesAndErrorsTest {
    private static String enterprise(String region) {
        String code = TestData.creditCode(region);
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "删除" + code.substring(10), "regionCode", region,
                        "figures", List.of(Map.of("year", 2024, "employees", 350, "revenue", 52_000_000),
                                Map.of("year", 2025, "employees", 360, "revenue", 54_000_000))))
                .post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    @Test
    void deletingAYearsFiguresNeedsIfMatchAndIsAudited() {
        String code = enterprise("371502");
        String path = "/api/v1/enterprises/" + code + "/figures/2024";
        city().delete(path).then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        city().header("If-Match", "\"41\"").delete(path).then().statusCode(412);
        city().get(path).then().statusCode(200);
        String etag = city().get(path).then().extract().header("ETag");
        city().header("If-Match", etag).delete(path).then().statusCode(204);
        city().get(path).then().statusCode(404);
        city().get("/api/v1/enterprises/" + code + "/history").then().statusCode(200)
                .body("items.findAll { it.resource == 'figures' && it.key == '2024' }.type", equalTo(List.of("CREATED", "DELETED")))
                .body("items.findAll { it.type == 'DELETED' }[0].changedBy", equalTo("dev-city_officer"));
    }

    @Test
    void deletingAnEnterpriseOrASupervisionGroupNeedsIfMatch() {
        String code = enterprise("371502");
        String path = "/api/v1/enterprises/" + code;
        city().delete(path).then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        city().header("If-Match", "\"41\"").delete(path).then().statusCode(412);
        city().get(path).then().statusCode(200);
        city().header("If-Match", city().get(path).then().extract().header("ETag")).delete(path).then().statusCode(204);
        city().get(path).then().statusCode(404);

        var group = city().contentType(ContentType.JSON).body(Map.of("name", "删除组-" + System.nanoTime(),
                        "members", List.of(Map.of("supervisorId", "sv-del-" + System.nanoTime())), "regionCodes", List.of("371502")))
                .post("/api/v1/supervision-groups").then().statusCode(201).extract();
        String groupPath = "/api/v1/supervision-groups/" + group.path("id");
        city().delete(groupPath).then().statusCode(428);
        city().header("If-Match", group.header("ETag")).delete(groupPath).then().statusCode(204);
    }

    @Test
    void deletingAnInstitutionNeedsIfMatchAndLeavesItsDeletionInTheAudit() {
        String code = enterprise("371503");
        var created = city().contentType(ContentType.JSON).body(Map.of("name", "待删中心", "kind", "TECH_CENTER", "buildMode", "SINGLE",
                        "participants", List.of(code), "capacity", Map.of("year", 2024, "personnel", 6, "equipmentValue", 600_000,
                                "rdExpenditure", 520_000, "floorArea", 60, "projectCount", 3, "hasRules", true, "hasStableFunding", true)))
                .post("/api/v1/institutions").then().statusCode(201).extract();
        String id = created.path("id");
        city().delete("/api/v1/institutions/" + id).then().statusCode(428);
        city().header("If-Match", "\"7\"").delete("/api/v1/institutions/" + id).then().statusCode(412);
        city().header("If-Match", created.header("ETag")).delete("/api/v1/institutions/" + id).then().statusCode(204);
        city().get("/api/v1/institutions/" + id).then().statusCode(404);
    }

    @Test
    void errorsSayWhatHappenedAndWhatToDo() {
        String a = enterprise("371521");
        String b = enterprise("371521");
        String id = city().contentType(ContentType.JSON).body(Map.of("name", "联建", "kind", "TECH_CENTER", "buildMode", "JOINT",
                "participants", List.of(a, b))).post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        // an enterprise taking part in an institution: not "must be unique ... retry"
        city().header("If-Match", "*").delete("/api/v1/enterprises/" + a).then().statusCode(409)
                .body("detail", containsString("takes part in"))
                .body("institutionIds", hasItem(id));
        city().get("/api/v1/enterprises/" + a).then().statusCode(200);
        // a county officer asking for another county: not "does not exist"
        county("371521").queryParam("regionCode", "371525").get("/api/v1/reports/coverage").then().statusCode(403)
                .body("detail", containsString("outside your scope"));
        county("371521").queryParam("regionCode", "371525").get("/api/v1/reports/uncovered").then().statusCode(403);
    }

    @Test
    void applyingForARevokedInstitutionSaysToDeclareANewOne() {
        String a = enterprise("371522");
        List<String> ids = city().contentType(ContentType.JSON).body(Map.of("institutions", List.of(Map.of(
                        "institution", Map.of("name", "已撤销中心", "kind", "TECH_CENTER", "buildMode", "SINGLE", "participants", List.of(a)),
                        "recognizedOn", "2024-06-30"))))
                .post("/api/v1/institutions/historic-register").then().statusCode(201).extract().path("ids");
        String id = ids.get(0);
        city().contentType(ContentType.JSON).body(Map.of("revokedOn", "2025-01-01", "reason", "连续两年未报送研发数据"))
                .post("/api/v1/institutions/" + id + "/revocations").then().statusCode(200);
        String round = cn.liaocheng.rdcoverage.review.Workflow.openRound();
        // not just "already REVOKED": when it was revoked, and that a new institution must be declared
        city().contentType(ContentType.JSON).body(Map.of("institutionId", id, "roundId", round))
                .post("/api/v1/applications").then().statusCode(409)
                .body("type", equalTo("/problems/institution-revoked"))
                .body("detail", containsString("revoked on 2025-01-01"))
                .body("detail", containsString("declare a new institution (POST /api/v1/institutions)"));
    }
}
