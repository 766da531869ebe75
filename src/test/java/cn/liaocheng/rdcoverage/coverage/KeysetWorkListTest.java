package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.eligibility.SizeClass;
import cn.liaocheng.rdcoverage.enterprise.Enterprise;
import cn.liaocheng.rdcoverage.enterprise.EnterpriseFigures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.coverage.Coverage.enterprise;
import static cn.liaocheng.rdcoverage.coverage.Coverage.recognized;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #20: the work list pages by keyset (after={next}) and its exports stream by keyset, so a page or a chunk
 * starts right after the last row read: no row is skipped or repeated when enterprises become covered between pages.
 * A county officer's coverage report is its own county's figures. Years 2083-2085 are this class's own.
 */
@QuarkusTest
class KeysetWorkListTest {

    private static JsonPath page(String region, String asOf, int size, String sort, String after) {
        var request = county(region).queryParam("asOf", asOf).queryParam("size", size);
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        if (after != null) {
            request.queryParam("after", after);
        }
        return request.get("/api/v1/reports/uncovered").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void followingNextReadsEveryEnterpriseOnceAlthoughOneBecomesCoveredMeanwhile() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            codes.add(enterprise("371522", 2083, true));
        }
        codes.sort(Comparator.naturalOrder());

        JsonPath first = page("371522", "2083-06-30", 2, null, null);
        assertEquals(codes.subList(0, 2), first.getList("items.creditCode"));
        assertEquals(5, first.getInt("total"));
        String next = first.getString("next");
        // the first enterprise read becomes covered: with numbered pages, page 1 would now start at the 4th
        recognized("SINGLE", "2083-03-01", codes.get(0));
        county("371522").queryParam("asOf", "2083-06-30").queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/reports/uncovered").then().statusCode(200)
                .body("items.creditCode", equalTo(codes.subList(3, 5)));

        JsonPath second = page("371522", "2083-06-30", 2, null, next);
        assertEquals(codes.subList(2, 4), second.getList("items.creditCode"));
        assertEquals(4, second.getInt("total"));
        JsonPath third = page("371522", "2083-06-30", 2, null, second.getString("next"));
        assertEquals(codes.subList(4, 5), third.getList("items.creditCode"));
        assertEquals(null, third.getString("next"), "a page that is not full is the last: no next");
    }

    @Test
    void aCursorKeepsItsSortAndADescendingSortPagesBackwards() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(enterprise("371524", 2084, true));
        }
        // names are 覆盖 + the code's last 8 characters: descending by name is descending by those characters
        codes.sort(Comparator.comparing((String c) -> c.substring(10)).reversed());
        List<Object> read = new ArrayList<>();
        String after = null;
        do {
            JsonPath p = page("371524", "2084-06-30", 3, "-name", after);
            read.addAll(p.getList("items.creditCode"));
            after = p.getString("next");
        } while (after != null);
        assertEquals(codes, read);

        String cursor = page("371524", "2084-06-30", 1, "-name", null).getString("next");
        county("371524").queryParam("asOf", "2084-06-30").queryParam("sort", "revenue").queryParam("after", cursor)
                .get("/api/v1/reports/uncovered").then().statusCode(400).body("errors[0].field", equalTo("after"));
        county("371524").queryParam("after", "not-a-cursor!").get("/api/v1/reports/uncovered").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        county("371524").queryParam("asOf", "2084-06-30").queryParam("sort", "-name").queryParam("after", cursor)
                .queryParam("page", 1).get("/api/v1/reports/uncovered").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        county("371524").accept("text/csv").queryParam("sort", "colour").get("/api/v1/reports/uncovered").then()
                .statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void theCsvExportHoldsEveryRowOnceAcrossItsThousandRowChunks() {
        int n = 2_345; // three chunks of the export, the last one partial
        List<String> codes = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now();
            for (int i = 0; i < n; i++) {
                Enterprise e = new Enterprise();
                e.creditCode = TestData.creditCode("371525");
                e.name = "导出" + i;
                e.regionCode = "371525";
                e.createdAt = now;
                e.updatedAt = now;
                e.persist();
                EnterpriseFigures f = new EnterpriseFigures();
                f.creditCode = e.creditCode;
                f.year = 2085;
                f.employees = 300 + i % 7;
                f.revenue = new BigDecimal(25_000_000 + (i % 11) * 1_000_000);
                f.aboveDesignatedSize = true;
                f.aboveSizeDeclared = true;
                f.sizeClass = SizeClass.MEDIUM;
                f.updatedAt = now;
                f.persist();
                codes.add(e.creditCode);
            }
            Enterprise.flush();
            Coverage.ledger().refresh(codes);
        });
        codes.sort(Comparator.naturalOrder());

        String[] lines = csv(Map.of("asOf", "2085-06-30"));
        assertEquals(n + 1, lines.length);
        assertEquals(codes, Arrays.stream(lines).skip(1).map(l -> l.substring(0, l.indexOf(','))).toList(),
                "every row once, in credit-code order across the chunk boundaries");

        // by revenue descending (many ties, broken by the credit code): the same rows, in that order
        String[] byRevenue = csv(Map.of("asOf", "2085-06-30", "sort", "-revenue"));
        List<BigDecimal> revenues = Arrays.stream(byRevenue).skip(1).map(l -> new BigDecimal(l.split(",")[6])).toList();
        assertEquals(n, revenues.size());
        for (int i = 1; i < revenues.size(); i++) {
            assertTrue(revenues.get(i - 1).compareTo(revenues.get(i)) >= 0, "revenue descending at line " + (i + 1));
        }
        assertEquals(codes, Arrays.stream(byRevenue).skip(1).map(l -> l.substring(0, l.indexOf(','))).sorted().toList());
    }

    private static String[] csv(Map<String, String> params) {
        String text = new String(county("371525").accept("text/csv").queryParams(params)
                .get("/api/v1/reports/uncovered").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        return text.substring(1).split("\r\n");
    }

    @Test
    void aCountyOfficersReportIsItsCountysLineOfTheCityReport() {
        String a = enterprise("371526", 2083, true);
        enterprise("371526", 2083, true);
        recognized("JOINT", "2083-02-01", a, enterprise("371502", 2083, true));
        Map<String, Object> cityLine = city().queryParam("asOf", "2083-06-30").get("/api/v1/reports/coverage").then()
                .statusCode(200).extract().jsonPath().getMap("regions.find { it.regionCode == '371526' }");
        county("371526").queryParam("asOf", "2083-06-30").get("/api/v1/reports/coverage").then().statusCode(200)
                .body("city", nullValue())
                .body("regions.size()", equalTo(1))
                .body("regions[0].aboveSizeEnterprises", equalTo(2))
                .body("regions[0].coveredEnterprises", equalTo(1))
                .body("regions[0].coveredByBuildMode.JOINT", equalTo(1))
                .body("regions[0]", equalTo(cityLine));
    }
}
