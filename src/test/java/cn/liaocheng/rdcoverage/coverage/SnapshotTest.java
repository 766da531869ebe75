package cn.liaocheng.rdcoverage.coverage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.coverage.Coverage.enterprise;
import static cn.liaocheng.rdcoverage.coverage.Coverage.recognized;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshots keep the report as it was; the trend reads them back; a scheduled period is taken once. */
@QuarkusTest
class SnapshotTest {
    @Inject
    SnapshotService snapshots;

    @Test
    void aSnapshotKeepsTheReportAsItWasAndTheTrendReadsThemBack() {
        String a = enterprise("371502", 2012, true);
        String b = enterprise("371502", 2012, true);
        recognized("SINGLE", "2012-02-01", a);

        String first = city().contentType(ContentType.JSON).body(Map.of("asOf", "2012-06-30")).post("/api/v1/reports/snapshots")
                .then().statusCode(201).header("Location", containsString("/api/v1/reports/snapshots/"))
                .body("kind", equalTo("ON_DEMAND")).body("statisticalYear", equalTo(2012))
                .body("report.city.coveredEnterprises", equalTo(1)).extract().path("id");
        // recognised later, but dated before the snapshot's asOf: the stored snapshot does not change
        recognized("SINGLE", "2012-03-01", b);
        city().get("/api/v1/reports/snapshots/" + first).then().statusCode(200)
                .body("asOf", equalTo("2012-06-30"))
                .body("report.city.coveredEnterprises", equalTo(1))
                .body("report.regions.find { it.regionCode == '371502' }.aboveSizeEnterprises", equalTo(2));
        city().queryParam("asOf", "2012-06-30").get("/api/v1/reports/coverage").then().body("city.coveredEnterprises", equalTo(2));
        String second = city().contentType(ContentType.JSON).body(Map.of("asOf", "2012-09-30")).post("/api/v1/reports/snapshots")
                .then().statusCode(201).extract().path("id");

        city().queryParam("from", "2012-01-01").queryParam("to", "2012-12-31").get("/api/v1/reports/coverage/trend").then().statusCode(200)
                .body("points.snapshotId", equalTo(List.of(first, second)))
                .body("points.coveredEnterprises", equalTo(List.of(1, 2)))
                .body("points.coverageRate", equalTo(List.of(0.5f, 1.0f)));
        county("371502").queryParam("from", "2012-01-01").queryParam("to", "2012-12-31").get("/api/v1/reports/coverage/trend").then()
                .statusCode(200).body("regionCode", equalTo("371502")).body("points.aboveSizeEnterprises", equalTo(List.of(2, 2)));
        county("371502").get("/api/v1/reports/snapshots/" + first).then().statusCode(200)
                .body("report.city", nullValue()).body("report.regions", hasSize(1));
        county("371502").queryParam("regionCode", "371503").get("/api/v1/reports/coverage/trend").then().statusCode(403);
        city().queryParam("from", "2012-01-01").queryParam("to", "2012-12-31").get("/api/v1/reports/snapshots").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", equalTo(List.of(second, first))).body("items[0].report", nullValue());
        city().queryParam("from", "2012-12-31").queryParam("to", "2012-01-01").get("/api/v1/reports/snapshots").then().statusCode(400);
        city().get("/api/v1/reports/snapshots/not-an-id").then().statusCode(404);
        county("371502").contentType(ContentType.JSON).body(Map.of("asOf", "2012-06-30")).post("/api/v1/reports/snapshots").then().statusCode(403);
    }

    @Test
    void aScheduledPeriodIsTakenOnceEvenByConcurrentInstances() throws Exception {
        enterprise("371502", 2048, true); // figures of the year, so that the period has something to report
        Optional<SnapshotView> taken = snapshots.takeScheduled(YearMonth.of(2048, 11));
        assertTrue(taken.isPresent());
        assertEquals("2048-11-30", taken.get().asOf().toString());
        assertEquals("2048-11", taken.get().period());
        assertTrue(snapshots.takeScheduled(YearMonth.of(2048, 11)).isEmpty());

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Optional<SnapshotView>> task = () -> snapshots.takeScheduled(YearMonth.of(2048, 12));
            List<Future<Optional<SnapshotView>>> runs = pool.invokeAll(List.of(task, task, task, task));
            int present = 0;
            for (Future<Optional<SnapshotView>> run : runs) {
                present += run.get().isPresent() ? 1 : 0;
            }
            assertEquals(1, present);
        } finally {
            pool.shutdownNow();
        }
        city().queryParam("from", "2048-11-01").queryParam("to", "2048-12-31").get("/api/v1/reports/snapshots").then()
                .body("total", equalTo(2)).body("items.kind", equalTo(List.of("SCHEDULED", "SCHEDULED")))
                .body("items.takenBy", equalTo(List.of("scheduler", "scheduler")));
    }

    /** A trial found a new installation's first catch-up storing a report of nothing, kept for ever: not any more. */
    @Test
    void aPeriodBeforeAnyFiguresIsNotStored() {
        assertTrue(snapshots.takeScheduled(YearMonth.of(1901, 1)).isEmpty());
        city().queryParam("from", "1901-01-01").queryParam("to", "1901-12-31").get("/api/v1/reports/snapshots").then()
                .statusCode(200).body("total", equalTo(0));
    }
}
