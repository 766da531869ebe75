package cn.liaocheng.rdcoverage.coverage;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The start-up fill of the coverage ledger (issue #14: after the start, readiness DOWN meanwhile): with coverage_segment
 * (and institution_coverage) emptied while above-size figures exist, the fill started as at start-up writes back exactly
 * the rows there were, and readiness then reports {@code coverage-ledger} UP; the same for institution_coverage alone.
 * The tables are compared whole (rows of other test classes take part too).
 */
@QuarkusTest
class LedgerAtStartTest {
    @Inject AgroalDataSource dataSource;
    @Inject @Readiness LedgerAtStart atStart;

    @Test
    void aStartFillsEmptiedTablesBackAndThenReportsReady() throws SQLException {
        String covered = Coverage.enterprise("371502", 2021, true);
        Coverage.recognized("SINGLE", "2021-03-01", covered);
        Coverage.enterprise("371503", 2021, false);
        assertEquals(LedgerAtStart.Fill.NONE, atStart.needed());
        List<String> segments = rows("coverage_segment");
        List<String> institutions = rows("institution_coverage");
        assertFalse(segments.stream().noneMatch(r -> r.startsWith("|" + covered + "|")), "no segment of " + covered);
        assertFalse(institutions.isEmpty(), "no row of institution_coverage");

        update("delete from institution_coverage", "delete from coverage_segment");
        assertEquals(LedgerAtStart.Fill.SEGMENTS, atStart.needed());
        startAndAwaitReady();
        assertEquals(segments, rows("coverage_segment"));
        assertEquals(institutions, rows("institution_coverage"));

        update("delete from institution_coverage");
        assertEquals(LedgerAtStart.Fill.INSTITUTIONS, atStart.needed());
        startAndAwaitReady();
        assertEquals(institutions, rows("institution_coverage"));
        assertEquals(LedgerAtStart.Fill.NONE, atStart.needed());
    }

    /** Runs the start-up observer and waits (at most 2 minutes) for the readiness check to report the ledger UP. */
    private void startAndAwaitReady() throws SQLException {
        atStart.fillAtStart(null);
        Response ready = null;
        for (int i = 0; i < 1200; i++) {
            ready = given().get("/q/health/ready");
            if (ready.statusCode() == 200) {
                break;
            }
            sleep();
        }
        assertEquals(200, ready.statusCode(), ready.asString());
        assertEquals("UP", ready.path("checks.find { it.name == 'coverage-ledger' }.status"));
        assertEquals("none", ready.path("checks.find { it.name == 'coverage-ledger' }.data.filling"));
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void update(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        }
    }

    /** Every row of a table as its columns joined with |, sorted. */
    private List<String> rows(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select * from " + table)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder("|");
                for (int i = 1; i <= n; i++) {
                    sb.append(rs.getString(i)).append('|');
                }
                out.add(sb.toString());
            }
        }
        Collections.sort(out);
        return out;
    }
}
