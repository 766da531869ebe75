package cn.liaocheng.rdcoverage.ops;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/metrics in Prometheus format: HTTP server metrics and the domain metrics after an import; the request id. */
@QuarkusTest
class MetricsTest {
    static String metrics() {
        return RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one sample line ({@code name{labels} value}), 0 when absent. */
    static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void anImportShowsItsRowsByOutcomeAndItsDuration() {
        String before = metrics();
        String a = TestData.creditCode("371502");
        String b = TestData.creditCode("371502");
        String file = "creditCode,name,regionCode,year,employees,revenue\n"
                + a + ",指标一,371502,2024,40,25000000\n"
                + b + ",指标二,371502,2024,40,25000000\n";
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(200).body("created", equalTo(2));
        String again = file.replace("指标二", "指标二改");
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(again.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import").then().statusCode(200).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        city().config(TestData.RAW_CHARSET).contentType("text/csv").queryParam("dryRun", true)
                .body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/enterprises/import").then().statusCode(200);

        String after = metrics();
        assertEquals(2.0, value(after, "rd_import_rows_total{outcome=\"created\"}") - value(before, "rd_import_rows_total{outcome=\"created\"}"));
        assertEquals(1.0, value(after, "rd_import_rows_total{outcome=\"updated\"}") - value(before, "rd_import_rows_total{outcome=\"updated\"}"));
        assertEquals(1.0, value(after, "rd_import_rows_total{outcome=\"unchanged\"}") - value(before, "rd_import_rows_total{outcome=\"unchanged\"}"));
        assertEquals(2.0, value(after, "rd_import_duration_seconds_count") - value(before, "rd_import_duration_seconds_count"),
                "the dry run is not counted");
        assertTrue(value(after, "rd_import_duration_seconds_sum") > 0);
        assertTrue(after.contains("http_server_requests_seconds_count{"), "HTTP server metrics");
        assertTrue(after.contains("uri=\"/api/v1/enterprises/import\""), "templated URIs");
    }

    @Test
    void coverageReportsAreTimed() {
        double before = value(metrics(), "rd_coverage_report_duration_seconds_count");
        city().get("/api/v1/reports/coverage").then().statusCode(200);
        assertEquals(1.0, value(metrics(), "rd_coverage_report_duration_seconds_count") - before);
    }

    @Test
    void everyResponseCarriesARequestIdAndAPlainOneIsKept() {
        city().header("X-Request-Id", "portal-42.a").get("/api/v1/regions").then().header("X-Request-Id", "portal-42.a");
        city().header("X-Request-Id", "bad id with spaces").get("/api/v1/regions").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        RestAssured.given().get("/api/v1/regions").then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }
}
