package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.contract.ServedContract;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed's events are what the contract's typed FeedEvent says: each page of the whole feed (every event the
 * database holds, of every kind written so far) validates against the served contract, so an event's data is the
 * schema its type names (EnterpriseView for enterprise.updated, a tombstone for a deletion, a summary for an import).
 */
@QuarkusTest
class EventDataContractTest {
    @Test
    void everyEventOfTheFeedMatchesTheSchemaItsTypeNames() {
        String start = Feed.head(city());
        String code = TestData.creditCode("371502");
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "东昌契约机械", "regionCode", "371502",
                "figures", List.of(Map.of("year", 2024, "employees", 350, "revenue", 52_000_000))))
                .post("/api/v1/enterprises").then().statusCode(201);
        city().contentType("application/json").body(Map.of("employees", 300, "revenue", 40_000_000))
                .put("/api/v1/enterprises/" + code + "/figures/2023").then().statusCode(201);
        String tag = city().get("/api/v1/enterprises/" + code + "/figures/2023").then().extract().header("ETag");
        city().header("If-Match", tag).delete("/api/v1/enterprises/" + code + "/figures/2023").then().statusCode(204);
        String imported = TestData.creditCode("371502");
        city().contentType("text/csv").body(("creditCode,name,regionCode,year,employees,revenue\n" + imported
                + ",契约导入公司,371502,2024,10,30000000\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(200);
        city().header("If-Match", "*").delete("/api/v1/enterprises/" + code).then().statusCode(204);
        Feed.follow(TestData::city, start, Feed.about(code), 5);
        Feed.follow(TestData::city, start, e -> "enterprise.imported".equals(e.get("type")), 1);

        Set<String> types = new TreeSet<>();
        String cursor = null;
        int events = 0;
        while (true) {
            Response page = cursor == null ? city().queryParam("limit", 1000).get("/api/v1/events")
                    : city().queryParam("after", cursor).queryParam("limit", 1000).get("/api/v1/events");
            JsonNode body = ServedContract.conforms("GET", "/api/v1/events", page);
            body.get("items").forEach(e -> types.add(e.get("type").asText()));
            events += body.get("items").size();
            if (body.get("items").isEmpty()) {
                break;
            }
            cursor = body.get("next").asText();
        }
        assertTrue(types.containsAll(List.of("enterprise.created", "figures.updated", "figures.deleted",
                "enterprise.imported", "enterprise.deleted")), "kinds seen in " + events + " events: " + types);
    }
}
