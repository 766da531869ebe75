package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.as;
import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.TestData.token;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

/** Every change is kept with who made it, in which role, when and what changed. */
@QuarkusTest
class HistoryTest {
    @Test
    void enterpriseChangesAreKeptWithWhoAndWhat() {
        String code = TestData.creditCode("371503");
        county("371503").contentType("application/json").body(Map.of("creditCode", code, "name", "历史企业", "regionCode", "371503"))
                .post("/api/v1/enterprises").then().statusCode(201);
        as(TestData.token("CITY_OFFICER", "subject", "wang.city")).contentType("application/json")
                .body(Map.of("name", "历史企业（更名）", "regionCode", "371503", "keyEnterprise", true))
                .put("/api/v1/enterprises/" + code).then().statusCode(200);
        String file = "creditCode,name,regionCode,year,employees,revenue\n" + code + ",历史企业（更名）,371503,2024,320,21000000\n";
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(200);

        city().get("/api/v1/enterprises/" + code + "/history").then().statusCode(200)
                .body("items", hasSize(4))
                .body("items[0].type", equalTo("CREATED"))
                .body("items[0].role", equalTo("COUNTY_OFFICER"))
                .body("items[0].resource", equalTo("enterprise"))
                .body("items[1].type", equalTo("UPDATED"))
                .body("items[1].changedBy", equalTo("wang.city"))
                .body("items[1].changed", equalTo(List.of("name", "keyEnterprise")))
                .body("items.findAll { it.resource == 'figures' }[0].type", equalTo("CREATED"))
                .body("items.findAll { it.resource == 'figures' }[0].state.sizeClass", equalTo("MEDIUM"))
                .body("items.findAll { it.resource == 'enterprise' }[2].changed", hasItems("figuresYear", "sizeClass"))
                .body("items.role", hasItem("CITY_OFFICER"));
        county("371502").get("/api/v1/enterprises/" + code + "/history").then().statusCode(404);
    }

    @Test
    void institutionChangesAreKept() {
        String code = TestData.creditCode("371571");
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "开发区企业", "regionCode", "371571"))
                .post("/api/v1/enterprises").then().statusCode(201);
        String id = city().contentType("application/json")
                .body(Map.of("name", "中试车间", "kind", "PILOT_PLANT", "buildMode", "SINGLE", "participants", List.of(code),
                        "capacity", Map.of("year", 2024, "personnel", 3, "equipmentValue", 200000, "rdExpenditure", 200000,
                                "floorArea", 20, "projectCount", 1, "hasRules", true, "hasStableFunding", false)))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        city().contentType("application/json").body(Map.of("personnel", 4, "equipmentValue", 200000, "rdExpenditure", 200000,
                        "floorArea", 20, "projectCount", 1, "hasRules", true, "hasStableFunding", true))
                .put("/api/v1/institutions/" + id + "/capacity/2024").then().statusCode(200);
        city().get("/api/v1/institutions/" + id + "/history").then().statusCode(200)
                .body("items.findAll { it.resource == 'capacity' }.type", equalTo(List.of("CREATED", "UPDATED")))
                .body("items.findAll { it.resource == 'capacity' }[1].changed", equalTo(List.of("personnel", "hasStableFunding")))
                .body("items.findAll { it.resource == 'institution' }[0].state.participants", equalTo(List.of(code)));
    }

    /**
     * A policy version's history holds each version's content: published (the parameters of liaocheng-2020 restated
     * from 2096, SMALL award 50000), then corrected (title and SMALL award 60000). 2096: no other test decides then.
     */
    @Test
    void policyVersionsAreKeptWithTheirContent() {
        Map<String, Object> policy = new HashMap<>(TestData.role("ADMIN").get("/api/v1/policies/liaocheng-2020").then()
                .statusCode(200).extract().jsonPath().getMap(""));
        policy.remove("locked");
        policy.put("id", "history-2096");
        policy.put("effectiveFrom", "2096-01-01");
        policy.put("title", "历史测试版本");
        String etag = TestData.role("ADMIN").contentType("application/json").body(policy).post("/api/v1/policies").then()
                .statusCode(201).extract().header("ETag");
        policy.put("title", "历史测试版本（更正）");
        policy.put("awards", Map.of("LARGE", 200000, "MEDIUM", 100000, "SMALL", 60000));
        as(token("ADMIN", "subject", "li.admin")).contentType("application/json").header("If-Match", etag).body(policy)
                .put("/api/v1/policies/history-2096").then().statusCode(200);

        TestData.role("ADMIN").get("/api/v1/policies/history-2096/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.resource", equalTo(List.of("policy", "policy")))
                .body("items.key", equalTo(List.of("history-2096", "history-2096")))
                .body("items.type", equalTo(List.of("CREATED", "UPDATED")))
                .body("items.role", equalTo(List.of("ADMIN", "ADMIN")))
                .body("items[1].changedBy", equalTo("li.admin"))
                .body("items[0].state.effectiveFrom", equalTo("2096-01-01"))
                .body("items[0].state.title", equalTo("历史测试版本"))
                .body("items[0].state.parameters", matchesPattern("(?s).*\"SMALL\"\\s*:\\s*50000\\b.*"))
                .body("items[1].changed", equalTo(List.of("title", "parameters")))
                .body("items[1].state.title", equalTo("历史测试版本（更正）"))
                .body("items[1].state.parameters", matchesPattern("(?s).*\"SMALL\"\\s*:\\s*60000\\b.*"));
        county("371502").get("/api/v1/policies/history-2096/history").then().statusCode(200).body("items", hasSize(2));
    }
}
