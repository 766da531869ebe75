package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.coverage.Coverage.enterprise;
import static cn.liaocheng.rdcoverage.coverage.Coverage.figures;
import static cn.liaocheng.rdcoverage.coverage.Coverage.institution;
import static cn.liaocheng.rdcoverage.coverage.Coverage.recognized;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The county's work list: above-size enterprises not yet covered, with what is in progress. */
@QuarkusTest
class UncoveredTest {
    @Test
    void theWorkListHoldsTheUncoveredAboveSizeEnterprisesOfTheRegion() {
        String covered = enterprise("371581", 2041, true);
        String waiting = enterprise("371581", 2041, true);
        String idle = enterprise("371581", 2041, true);
        enterprise("371581", 2041, false);
        String elsewhere = enterprise("371502", 2041, true);
        recognized("SINGLE", "2041-02-01", covered);
        String declared = institution("SINGLE", waiting);

        county("371581").queryParam("asOf", "2041-06-30").queryParam("sort", "creditCode")
                .get("/api/v1/reports/uncovered").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.creditCode", equalTo(List.of(waiting, idle).stream().sorted().toList()))
                .body("items.find { it.creditCode == '" + waiting + "' }.institutionsInProgress[0].institutionId", equalTo(declared))
                .body("items.find { it.creditCode == '" + waiting + "' }.institutionsInProgress[0].buildMode", equalTo("SINGLE"))
                .body("items.find { it.creditCode == '" + idle + "' }.institutionsInProgress", hasSize(0))
                .body("items[0].sizeClass", equalTo("MEDIUM"))
                .body("items[0].regionName", equalTo("临清市"));
        county("371581").queryParam("asOf", "2041-06-30").queryParam("sort", "-creditCode").queryParam("size", 1).queryParam("page", 1)
                .get("/api/v1/reports/uncovered").then().statusCode(200)
                .body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1))
                .body("items.creditCode", equalTo(List.of(List.of(waiting, idle).stream().sorted().toList().get(0))));
        // before the recognition, the covered one is on the list too
        county("371581").queryParam("asOf", "2041-01-31").get("/api/v1/reports/uncovered").then().body("total", equalTo(3));
        // the city sees every region, or one
        city().queryParam("asOf", "2041-06-30").get("/api/v1/reports/uncovered?size=500").then().body("total", equalTo(3))
                .body("items.creditCode", org.hamcrest.Matchers.hasItem(elsewhere));
        county("371581").queryParam("regionCode", "371502").get("/api/v1/reports/uncovered").then().statusCode(403);
        city().queryParam("sort", "colour").get("/api/v1/reports/uncovered").then().statusCode(400).body("errors[0].field", equalTo("sort"));
        city().queryParam("size", 501).get("/api/v1/reports/uncovered").then().statusCode(400).body("errors[0].field", equalTo("size"));
        // a later figures year without the enterprise: it leaves the list
        figures(idle, 2044, false);
        county("371581").queryParam("asOf", "2044-06-30").get("/api/v1/reports/uncovered").then().body("total", equalTo(0));
    }

    @Test
    void theWorkListIsACsvToo() {
        String code = enterprise("371503", 2047, true);
        String declared = institution("SINGLE", code);
        String text = new String(county("371503").accept("text/csv").queryParam("asOf", "2047-03-31")
                .get("/api/v1/reports/uncovered").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray(), StandardCharsets.UTF_8);
        String[] lines = text.substring(1).split("\r\n");
        assertEquals("creditCode,name,regionCode,regionName,sizeClass,employees,revenue,institutionsInProgress,"
                + "lastFollowUpOn,plannedBuildMode,expectedBy,overdue", lines[0]);
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith(code + ",") && lines[1].contains(",茌平区,MEDIUM,350,52000000") && lines[1].endsWith("(" + declared + "),,,,false"),
                lines[1]);
    }
}
