package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.TestData.enterprise;
import static cn.liaocheng.rdcoverage.TestData.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Objects outside the caller's scope are 404; actions the role may not take are 403; lists are filtered. */
@QuarkusTest
class ScopeTest {
    static String register(String region) {
        String code = TestData.creditCode(region);
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "范围" + code.substring(12), "regionCode", region,
                "figures", List.of(Map.of("year", 2024, "employees", 40, "revenue", 25_000_000)))).post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    @Test
    void aCountyOfficerSeesAndChangesOnlyItsRegion() {
        String own = register("371522");
        String other = register("371525");
        var officer = county("371522");
        officer.get("/api/v1/enterprises/" + own).then().statusCode(200);
        county("371522").get("/api/v1/enterprises/" + other).then().statusCode(404).contentType("application/problem+json");
        county("371522").get("/api/v1/enterprises?size=500").then().statusCode(200)
                .body("items.regionCode", everyItem(equalTo("371522")))
                .body("items.creditCode", hasItem(own));
        county("371522").queryParam("regionCode", "371525").get("/api/v1/enterprises").then().body("total", equalTo(0));
        county("371522").contentType("application/json")
                .body(Map.of("creditCode", TestData.creditCode("371525"), "name", "越界", "regionCode", "371525"))
                .post("/api/v1/enterprises").then().statusCode(403).contentType("application/problem+json");
        county("371522").contentType("application/json").body(Map.of("name", "搬走", "regionCode", "371525"))
                .put("/api/v1/enterprises/" + own).then().statusCode(403);
        county("371522").contentType("application/json").body(Map.of("name", "改名", "regionCode", "371522"))
                .put("/api/v1/enterprises/" + other).then().statusCode(404);
        county("371522").delete("/api/v1/enterprises/" + other).then().statusCode(404);
    }

    @Test
    void aCountyOfficersImportCannotTouchAnotherRegion() {
        String other = register("371526");
        String fresh = TestData.creditCode("371521");
        String file = "creditCode,name,regionCode,year,employees,revenue\n"
                + fresh + ",本县新企业,371521,2024,40,25000000\n"
                + TestData.creditCode("371526") + ",外县企业,371526,2024,40,25000000\n"
                + other + ",抢过来,371521,2024,40,25000000\n";
        county("371521").config(TestData.RAW_CHARSET).contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(422)
                .body("errors.find { it.line == 3 }.message", containsString("outside your region"))
                .body("errors.find { it.line == 4 }.message", containsString("another region"));
        county("371521").config(TestData.RAW_CHARSET).contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import?mode=partial").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(2));
        city().get("/api/v1/enterprises/" + other).then().body("regionCode", equalTo("371526")).body("name", not(equalTo("抢过来")));
    }

    @Test
    void anEnterpriseSeesItselfAndDeclaresOnlyItsOwnInstitutions() {
        String me = register("371524");
        String neighbour = register("371524");
        enterprise(me).get("/api/v1/enterprises/" + me).then().statusCode(200);
        enterprise(me).get("/api/v1/enterprises/" + neighbour).then().statusCode(404);
        enterprise(me).get("/api/v1/enterprises").then().body("total", equalTo(1)).body("items[0].creditCode", equalTo(me));
        enterprise(me).contentType("application/json").body(Map.of("name", "改名", "regionCode", "371524"))
                .put("/api/v1/enterprises/" + me).then().statusCode(403);

        enterprise(me).contentType("application/json")
                .body(Map.of("name", "邻居的中心", "kind", "TECH_CENTER", "buildMode", "SINGLE", "participants", List.of(neighbour)))
                .post("/api/v1/institutions").then().statusCode(403);
        String mine = enterprise(me).contentType("application/json")
                .body(Map.of("name", "我的中心", "kind", "TECH_CENTER", "buildMode", "SINGLE", "participants", List.of(me)))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        String theirs = city().contentType("application/json")
                .body(Map.of("name", "邻居中心", "kind", "TECH_CENTER", "buildMode", "SINGLE", "participants", List.of(neighbour)))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        enterprise(me).get("/api/v1/institutions/" + theirs).then().statusCode(404);
        enterprise(me).get("/api/v1/institutions/" + mine).then().statusCode(200);
        enterprise(me).get("/api/v1/institutions").then().body("items.id", equalTo(List.of(mine)));
        county("371524").get("/api/v1/institutions/" + theirs).then().statusCode(200);
        county("371502").get("/api/v1/institutions/" + theirs).then().statusCode(404);
    }

    @Test
    void rolesWithoutTheActionGet403() {
        TestData.as(TestData.token("ASSESSOR", "assessorId", "expert-1")).get("/api/v1/enterprises").then().statusCode(403).contentType("application/problem+json");
        role("FINANCE").contentType("application/json").body(Map.of("creditCode", TestData.creditCode(), "name", "x", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(403);
        role("PROVINCE").contentType("text/csv").body("creditCode\n").post("/api/v1/enterprises/import").then().statusCode(403);
        role("CITY_OFFICER").contentType("application/json").body("{}").post("/api/v1/policies").then().statusCode(403);
        role("PROVINCE").get("/api/v1/enterprises").then().statusCode(200);
    }
}
