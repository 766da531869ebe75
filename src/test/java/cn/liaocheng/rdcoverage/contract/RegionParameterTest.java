package cn.liaocheng.rdcoverage.contract;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A mistyped region code is the same mistake wherever it is given: every operation with a {@code regionCode} query
 * parameter answers 400 naming it ({@code INVALID_VALUE}), never an empty 200 that looks like "no enterprise in
 * that county" (the lists did, the reports did not).
 */
@QuarkusTest
class RegionParameterTest {
    /** Each GET taking regionCode; the indicator trend also requires its years. */
    private static final List<String> OPERATIONS = List.of(
            "/api/v1/enterprises",
            "/api/v1/institutions",
            "/api/v1/applications",
            "/api/v1/awards",
            "/api/v1/targets",
            "/api/v1/reports/coverage",
            "/api/v1/reports/coverage/trend",
            "/api/v1/reports/uncovered",
            "/api/v1/reports/indicators",
            "/api/v1/reports/indicators/trend?from=2021&to=2022");

    @Test
    void everyOperationTakingRegionCodeRefusesACodeThatIsNoRegion() {
        for (String op : OPERATIONS) {
            city().header("Accept-Language", "en").get(op + (op.contains("?") ? "&" : "?") + "regionCode=999999").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("regionCode"))
                    .body("errors[0].code", equalTo("INVALID_VALUE"))
                    .body("errors[0].message", equalTo("'999999' is not a region code of Liaocheng (see GET /api/v1/regions)"));
            city().header("Accept-Language", "zh-CN").get(op + (op.contains("?") ? "&" : "?") + "regionCode=999999").then()
                    .statusCode(400)
                    .body("errors[0].message", equalTo("“999999”不是聊城市的行政区划代码（见 GET /api/v1/regions）"));
            // a region of Liaocheng, with spaces around as a hand-typed query may have, is a filter
            var known = city().header("Accept-Language", "en").queryParam("regionCode", " 371502 ").get(op);
            assertEquals(200, known.statusCode(), op + " " + known.asString());
        }
    }

    @Test
    void theListAboveIsEveryOperationOfTheContractTakingRegionCode() {
        TreeSet<String> taking = new TreeSet<>();
        for (String path : ServedContract.paths("GET")) {
            if (ServedContract.queryParameters("GET", path).containsKey("regionCode")) {
                taking.add(path);
            }
        }
        assertEquals(new TreeSet<>(OPERATIONS.stream().map(op -> op.replaceAll("\\?.*", "")).toList()), taking);
    }
}
