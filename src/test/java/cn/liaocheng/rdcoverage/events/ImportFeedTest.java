package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import's summary events (enterprise.imported, one per region and chunk) as the feed shows them. */
@QuarkusTest
class ImportFeedTest {
    static final int YEAR = TestData.today().getYear() - 1;
    static final String HEADER = "creditCode,name,regionCode,year,employees,revenue\n";

    @Test
    void anImportListsWhatItCreatedAndChangedPerRegionToThatRegionsReaders() {
        String start = Feed.head(city());
        String a = TestData.creditCode("371502");
        String b = TestData.creditCode("371502");
        String c = TestData.creditCode("371503");
        String d = TestData.creditCode("371502");
        importCsv(row(a, "汇总甲", "371502", 50) + row(b, "汇总乙", "371502", 60) + row(c, "汇总丙", "371503", 70))
                .body("created", equalTo(3));
        importCsv(row(a, "汇总甲", "371502", 55) + row(b, "汇总乙", "371502", 60) + row(d, "汇总丁", "371502", 80))
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(1));

        List<Map<String, Object>> events = Feed.follow(TestData::city, start, naming(a, b, c, d), 3);
        assertEquals(3, events.size(), events.toString());
        assertImported(events.get(0), "371502", sorted(a, b), List.of());
        assertImported(events.get(1), "371503", List.of(c), List.of());
        assertImported(events.get(2), "371502", List.of(d), List.of(a));
        // a county reads its own region's events only (all three are in the feed by now)
        List<Map<String, Object>> county = Feed.follow(() -> TestData.county("371503"), start, naming(a, b, c, d), 1);
        assertEquals(1, county.size(), county.toString());
        assertImported(county.get(0), "371503", List.of(c), List.of());
    }

    private static void assertImported(Map<String, Object> event, String region, List<String> created, List<String> updated) {
        assertEquals("enterprise.imported", event.get("type"));
        assertEquals(Map.of("kind", "enterprise", "id", region), event.get("subject"));
        assertNull(event.get("version"));
        assertTrue(String.valueOf(event.get("occurredAt")).endsWith("Z"), String.valueOf(event.get("occurredAt")));
        assertEquals(Map.of("regionCode", region, "created", created, "updated", updated), event.get("data"));
    }

    /** enterprise.imported events that list any of {@code codes}. */
    @SuppressWarnings("unchecked")
    private static Predicate<Map<String, Object>> naming(String... codes) {
        return e -> {
            if (!"enterprise.imported".equals(e.get("type"))) {
                return false;
            }
            Map<String, Object> data = (Map<String, Object>) e.get("data");
            List<Object> listed = new ArrayList<>((List<Object>) data.get("created"));
            listed.addAll((List<Object>) data.get("updated"));
            return List.of(codes).stream().anyMatch(listed::contains);
        };
    }

    private static List<String> sorted(String... codes) {
        return List.of(codes).stream().sorted().toList();
    }

    private static String row(String code, String name, String region, int employees) {
        return code + "," + name + "," + region + "," + YEAR + "," + employees + ",1000000\n";
    }

    private static io.restassured.response.ValidatableResponse importCsv(String rows) {
        return city().contentType("text/csv").body((HEADER + rows).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(200);
    }
}
