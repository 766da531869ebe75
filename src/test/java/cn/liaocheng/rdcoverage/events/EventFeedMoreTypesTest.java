package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rounds, county supplements, supervision groups and follow-ups in the change feed (issue 16), with their scopes. */
@QuarkusTest
class EventFeedMoreTypesTest {
    static Map<?, ?> data(Map<String, Object> event) {
        return (Map<?, ?>) event.get("data");
    }

    @Test
    void roundsAndCountySupplementsAreInEveryonesFeed() {
        String start = Feed.head(city());
        String round = null;
        for (int i = 0; i < 50 && round == null; i++) {
            int year = ThreadLocalRandom.current().nextInt(2030, 2101);
            int half = ThreadLocalRandom.current().nextInt(1, 3);
            String id = year + "H" + half;
            int status = city().contentType("application/json").body(Map.of("id", id, "year", year, "half", half,
                    "opensOn", year + "-0" + (half == 1 ? 1 : 7) + "-01", "closesOn", year + "-0" + (half == 1 ? 3 : 9) + "-30"))
                    .post("/api/v1/rounds").then().extract().statusCode();
            if (status == 201) {
                round = id;
            } else {
                assertEquals(409, status, "only an existing round id may refuse");
            }
        }
        assertTrue(round != null, "a free round id");
        city().contentType("application/json").body(Map.of("action", "START_REVIEW"))
                .post("/api/v1/rounds/" + round + "/transitions").then().statusCode(200);
        LocalDate from = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        String policy = TestData.county("371502").contentType("application/json").body(Map.of("effectiveFrom", from.toString(),
                        "mode", "FIXED", "amounts", Map.of("LARGE", 300000, "MEDIUM", 200000, "SMALL", 100000)))
                .post("/api/v1/regions/371502/award-policy").then().statusCode(201).extract().path("id");

        // an enterprise of another county reads them too (both GETs are open to every authenticated caller)
        String roundId = round;
        List<Map<String, Object>> seen = Feed.follow(() -> TestData.enterprise(TestData.creditCode("371521")), start,
                e -> roundId.equals(((Map<?, ?>) e.get("subject")).get("id")) || policy.equals(((Map<?, ?>) e.get("subject")).get("id")), 3);
        assertEquals(List.of("round.created", "round.transitioned", "award-policy.published"), Feed.types(seen));
        assertEquals(Map.of("kind", "round", "id", round), seen.get(0).get("subject"));
        assertEquals("OPEN", data(seen.get(0)).get("status"));
        assertEquals("REVIEWING", data(seen.get(1)).get("status"));
        assertEquals(((Number) seen.get(0).get("version")).longValue() + 1, ((Number) seen.get(1).get("version")).longValue());
        assertEquals(Map.of("kind", "award-policy", "id", policy), seen.get(2).get("subject"));
        assertEquals("371502", data(seen.get(2)).get("regionCode"));
        assertEquals(from.toString(), data(seen.get(2)).get("effectiveFrom"));
        assertEquals("FIXED", data(seen.get(2)).get("mode"));
        assertEquals(300000, ((Number) ((Map<?, ?>) data(seen.get(2)).get("amounts")).get("LARGE")).intValue());
    }

    @Test
    void supervisionGroupsAndFollowUpsReachTheirCountiesOnly() {
        String start = Feed.head(city());
        String name = "督导组-" + System.nanoTime();
        String group = city().contentType("application/json").body(Map.of("name", name,
                        "members", List.of(Map.of("supervisorId", "sv-" + System.nanoTime(), "name", "王督导")), "regionCodes", List.of("371502")))
                .post("/api/v1/supervision-groups").then().statusCode(201).extract().path("id");
        city().contentType("application/json").body(Map.of("name", name + "（调整）",
                        "members", List.of(Map.of("supervisorId", "sv2-" + System.nanoTime())), "regionCodes", List.of("371502", "371503")))
                .put("/api/v1/supervision-groups/" + group).then().statusCode(200);
        city().header("If-Match", "*").delete("/api/v1/supervision-groups/" + group).then().statusCode(204);

        String code = TestData.creditCode("371502");
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "督导企业", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        String visit = TestData.county("371502").contentType("application/json").body(Map.of("visitedOn", TestData.today().toString(),
                        "by", "李科长", "obstacles", List.of("FUNDING"), "note", "资金待落实"))
                .post("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(201).extract().path("id");

        java.util.function.Predicate<Map<String, Object>> ours = e -> {
            Object id = ((Map<?, ?>) e.get("subject")).get("id");
            return group.equals(id) || visit.equals(id);
        };
        List<Map<String, Object>> county = Feed.follow(() -> TestData.county("371502"), start, ours, 4);
        assertEquals(List.of("supervision-group.created", "supervision-group.updated", "supervision-group.deleted",
                "follow-up.recorded"), Feed.types(county));
        assertEquals(Map.of("kind", "supervision-group", "id", group), county.get(0).get("subject"));
        assertEquals(name, data(county.get(0)).get("name"));
        assertEquals(name + "（调整）", data(county.get(1)).get("name"));
        assertEquals(Map.of("id", group, "deleted", true), data(county.get(2)));
        assertEquals(Map.of("kind", "follow-up", "id", visit), county.get(3).get("subject"));
        assertEquals(code, data(county.get(3)).get("creditCode"));
        assertEquals(List.of("FUNDING"), data(county.get(3)).get("obstacles"));

        // 371503 joined the group with the update: it reads the update and the deletion, not the creation
        assertEquals(List.of("supervision-group.updated", "supervision-group.deleted"),
                Feed.types(Feed.follow(() -> TestData.county("371503"), start, ours, 2)));
        // another county reads none of it; the enterprise does not read its follow-ups (nor does its GET let it)
        assertEquals(List.of(), Feed.follow(() -> TestData.county("371521"), start, ours, 1));
        assertEquals(List.of(), Feed.follow(() -> TestData.enterprise(code), start, ours, 1));
    }
}
