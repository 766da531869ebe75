package cn.liaocheng.rdcoverage.coverage;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue #19, snapshots and trend: one point per date and kind, CSV, no future snapshot, the monthly job catches up. */
@QuarkusTest
class TrendAndCatchUpTest {
    @Inject
    SnapshotService snapshots;

    /**
     * A scheduled snapshot is taken only once some figures are loaded up to its date (a new installation keeps no
     * report of nothing): each test loads its own, so that it passes first on a fresh database as after the others.
     */
    private static void figuresLoaded() {
        Coverage.enterprise("371502", 2018, true);
    }

    @Test
    void theTrendHasOnePointPerDateAndKindAndComesAsCsv() {
        figuresLoaded();
        String first = city().contentType(ContentType.JSON).body(Map.of("asOf", "2019-05-31")).post("/api/v1/reports/snapshots")
                .then().statusCode(201).extract().path("id");
        String second = city().contentType(ContentType.JSON).body(Map.of("asOf", "2019-05-31")).post("/api/v1/reports/snapshots")
                .then().statusCode(201).extract().path("id");
        assertTrue(!first.equals(second));
        snapshots.takeScheduled(YearMonth.of(2019, 5));
        city().queryParam("from", "2019-05-01").queryParam("to", "2019-05-31").get("/api/v1/reports/coverage/trend").then()
                .statusCode(200)
                .body("points.size()", equalTo(2))
                .body("points.kind", equalTo(List.of("ON_DEMAND", "SCHEDULED")))
                .body("points.asOf", equalTo(List.of("2019-05-31", "2019-05-31")))
                .body("points[0].snapshotId", equalTo(second));
        String csv = new String(city().accept("text/csv").queryParam("from", "2019-05-01").queryParam("to", "2019-05-31")
                .get("/api/v1/reports/coverage/trend").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        String[] lines = csv.replace("\uFEFF", "").trim().split("\r?\n");
        assertEquals(3, lines.length, csv);
        assertTrue(lines[0].startsWith("asOf,kind,"), csv);
        assertTrue(lines[1].startsWith("2019-05-31,ON_DEMAND,"), csv);
        assertTrue(lines[2].startsWith("2019-05-31,SCHEDULED,"), csv);
        // headers in Chinese when asked for, like every CSV
        String zh = new String(city().accept("text/csv").header("Accept-Language", "zh-CN").queryParam("from", "2019-05-01")
                .queryParam("to", "2019-05-31").get("/api/v1/reports/coverage/trend").then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertTrue(zh.replace("\uFEFF", "").split("\r?\n")[0].contains(",类型,"), zh);
        // and as an xlsx workbook, like every report
        byte[] xlsx = city().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .queryParam("from", "2019-05-01").queryParam("to", "2019-05-31").get("/api/v1/reports/coverage/trend").then()
                .statusCode(200).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", org.hamcrest.Matchers.endsWith(".xlsx\""))
                .extract().asByteArray();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().read();
            assertEquals(3, rows.size());
            assertEquals("asOf", rows.get(0).getCellText(0));
            assertEquals("ON_DEMAND", rows.get(1).getCellText(1));
            assertEquals("SCHEDULED", rows.get(2).getCellText(1));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSnapshotAsOfAFutureDateIsRefused() {
        String tomorrow = TestData.today().plusDays(1).toString();
        city().contentType(ContentType.JSON).body(Map.of("asOf", tomorrow)).post("/api/v1/reports/snapshots").then()
                .statusCode(422).contentType("application/problem+json")
                .body("field", equalTo("asOf"))
                .body("detail", containsString("after today"));
        city().contentType(ContentType.JSON).body(Map.of("asOf", TestData.today().toString())).post("/api/v1/reports/snapshots")
                .then().statusCode(201);
    }

    @Test
    void theMonthlyJobCatchesUpEveryMissedPeriodOnce() {
        figuresLoaded();
        YearMonth due = YearMonth.now(cn.liaocheng.rdcoverage.common.Clocks.ZONE).minusMonths(1);
        YearMonth lastTaken = due.minusMonths(3);
        snapshots.takeScheduled(lastTaken);
        // whatever other tests took before, the periods from the first taken up to the previous month are all there now
        city().post("/api/v1/reports/snapshots/catch-up").then().statusCode(200);
        city().post("/api/v1/reports/snapshots/catch-up").then().statusCode(200).body("taken", equalTo(List.of()));
        city().queryParam("from", lastTaken.atDay(1).toString()).queryParam("to", due.atEndOfMonth().toString()).queryParam("size", 500)
                .get("/api/v1/reports/snapshots").then().statusCode(200)
                .body("items.findAll { it.kind == 'SCHEDULED' }.period",
                        equalTo(List.of(due.toString(), lastTaken.plusMonths(2).toString(), lastTaken.plusMonths(1).toString(),
                                lastTaken.toString())));
        TestData.county("371502").post("/api/v1/reports/snapshots/catch-up").then().statusCode(403);
    }
}
