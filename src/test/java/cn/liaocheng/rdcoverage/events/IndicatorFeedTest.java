package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.coverage.Coverage;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An institution's yearly indicators in the change feed (issue 18): {@code indicators.updated}, subject
 * {@code indicators/<institutionId>/<year>}, data what GET /institutions/{id}/indicators/{year} shows, written in the
 * transaction of the PUT or of the import (one per row the import created or changed; none for an unchanged row or a
 * rejected file), read by the institution's participants, their county officers and the city-wide roles.
 */
@QuarkusTest
class IndicatorFeedTest {
    static final int YEAR = TestData.today().getYear();

    static Map<String, Object> values(int patents, int invention, int granted, int products) {
        return Map.of("patentApplications", patents, "inventionPatentApplications", invention, "patentsGranted", granted,
                "newProducts", products);
    }

    private static void importCsv(String csv, int status) {
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions/indicators/import").then().statusCode(status);
    }

    /** Every item up to the head of the feed that the caller reads, about subjects starting with {@code prefix}. */
    private static List<Map<String, Object>> readAll(java.util.function.Supplier<RequestSpecification> who, String after, String prefix) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = after;
        while (true) {
            JsonPath page = who.get().queryParam("after", cursor).queryParam("limit", 1000).get("/api/v1/events").then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.stream().filter(Feed.about(prefix)).forEach(seen::add);
            if (items.isEmpty() || page.getString("next").equals(cursor)) {
                return seen;
            }
            cursor = page.getString("next");
        }
    }

    @Test
    void indicatorsFromAPutAndAnImportAreInTheFeedOfTheParticipantsRegions() {
        String start = Feed.head(city());
        String code = Coverage.enterprise("371502");
        String id = Coverage.institution("SINGLE", code);
        // PUT: created (version 0), then corrected (version 1)
        city().contentType("application/json").body(values(5, 2, 1, 3))
                .put("/api/v1/institutions/" + id + "/indicators/" + (YEAR - 1)).then().statusCode(201);
        city().header("If-Match", "\"0\"").contentType("application/json").body(values(6, 2, 1, 3))
                .put("/api/v1/institutions/" + id + "/indicators/" + (YEAR - 1)).then().statusCode(200);
        // a file refused all-or-nothing writes no event (its valid row for YEAR - 3 included)
        String header = "institutionId,year,patentApplications,inventionPatentApplications,patentsGranted,newProducts\n";
        importCsv(header + id + "," + (YEAR - 3) + ",1,0,0,0\n" + id + "," + (YEAR - 4) + ",1,2,0,0\n", 422);
        // an import: YEAR - 1 unchanged (no event), YEAR - 2 new (one event)
        importCsv(header + id + "," + (YEAR - 1) + ",6,2,1,3\n" + id + "," + (YEAR - 2) + ",9,4,2,1\n", 200);
        // a correction by import: version 2
        importCsv(header + id + "," + (YEAR - 1) + ",7,2,1,3\n", 200);

        List<Map<String, Object>> events = Feed.follow(TestData::city, start, Feed.about(id + "/"), 4);
        assertEquals(List.of("indicators.updated", "indicators.updated", "indicators.updated", "indicators.updated"),
                Feed.types(events));
        assertEquals(List.of(id + "/" + (YEAR - 1), id + "/" + (YEAR - 1), id + "/" + (YEAR - 2), id + "/" + (YEAR - 1)),
                events.stream().map(e -> ((Map<?, ?>) e.get("subject")).get("id")).toList());
        assertEquals(Map.of("kind", "indicators", "id", id + "/" + (YEAR - 1)), events.get(0).get("subject"));
        assertEquals(List.of(0, 1, 0, 2), events.stream().map(e -> e.get("version")).toList());
        assertEquals(List.of(5, 6, 9, 7), events.stream().map(e -> data(e).get("patentApplications")).toList());
        Map<String, Object> imported = data(events.get(2));
        assertEquals(id, imported.get("institutionId"));
        assertEquals(YEAR - 2, imported.get("year"));
        assertEquals(4, imported.get("inventionPatentApplications"));
        assertEquals(2, imported.get("patentsGranted"));
        assertEquals(1, imported.get("newProducts"));
        assertEquals(0, imported.get("version"));
        assertEquals("7", String.valueOf(data(events.get(3)).get("patentApplications")));
        // what GET shows now for the imported year (updatedAt apart: the event keeps the instant of the write)
        Map<String, Object> now = city().get("/api/v1/institutions/" + id + "/indicators/" + (YEAR - 2)).then().statusCode(200)
                .extract().jsonPath().getMap("");
        now.remove("updatedAt");
        Map<String, Object> shown = new java.util.HashMap<>(imported);
        shown.remove("updatedAt");
        assertEquals(now, shown);

        // scope: the participant and its county officer read them, another county does not
        assertEquals(4, Feed.follow(() -> TestData.county("371502"), start, Feed.about(id + "/"), 4).size());
        assertEquals(4, Feed.follow(() -> TestData.enterprise(code), start, Feed.about(id + "/"), 4).size());
        assertEquals(List.of(), readAll(() -> TestData.county("371526"), start, id + "/"));
        assertEquals(4, readAll(() -> TestData.county("371502"), start, id + "/").size());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        return (Map<String, Object>) event.get("data");
    }
}
