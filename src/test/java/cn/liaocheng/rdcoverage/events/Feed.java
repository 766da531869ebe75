package cn.liaocheng.rdcoverage.events;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Follows the change feed through HTTP for tests, as an integrator would: always after={next}. */
final class Feed {
    private Feed() {
    }

    static String head(RequestSpecification who) {
        return who.get("/api/v1/events/head").then().statusCode(200).extract().path("next");
    }

    /**
     * Pages through the feed from {@code after} until {@code count} events matching {@code which} arrived (or 10 s
     * passed), and returns every matching event in feed order.
     */
    static List<Map<String, Object>> follow(Supplier<RequestSpecification> who, String after, Predicate<Map<String, Object>> which, int count) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = after;
        long deadline = System.currentTimeMillis() + 10_000;
        while (seen.size() < count && System.currentTimeMillis() < deadline) {
            JsonPath page = who.get().queryParam("after", cursor).queryParam("limit", 1000).get("/api/v1/events")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if (which.test(item)) {
                    seen.add(item);
                }
            }
            String next = page.getString("next");
            if (items.isEmpty()) {
                sleep(100);
            }
            cursor = next;
        }
        return seen;
    }

    /** Events of a subject whose id starts with {@code prefix}. */
    static Predicate<Map<String, Object>> about(String prefix) {
        return e -> String.valueOf(((Map<?, ?>) e.get("subject")).get("id")).startsWith(prefix);
    }

    static List<Object> types(List<Map<String, Object>> events) {
        return events.stream().map(e -> e.get("type")).map(Object.class::cast).toList();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
