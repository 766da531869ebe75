package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue #13, conditional GET on downloads: the CSV and xlsx files of the computed reports carry a weak ETag of their
 * own (RFC 9110 8.8.3: one per representation, never the JSON's), and answer If-None-Match naming it with 304 and no
 * body; a change to the figures gives the file a new tag.
 */
@QuarkusTest
class DownloadETagTest {
    private static final String CSV = "text/csv";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** GET in a representation, then 304 to its tag and 200 to another; returns the tag. */
    private static String answers304(String path, String accept, String prefix) {
        String tag = city().accept(accept).get(path).then().statusCode(200)
                .header("ETag", startsWith(prefix)).extract().header("ETag");
        city().accept(accept).header("If-None-Match", tag).get(path).then().statusCode(304)
                .header("ETag", equalTo(tag)).body(emptyString());
        city().accept(accept).header("If-None-Match", "W/\"rc000\"").get(path).then().statusCode(200);
        // the same file asked for again has the same tag (an xlsx is zipped anew each time, its rows are the same)
        city().accept(accept).get(path).then().statusCode(200).header("ETag", equalTo(tag));
        return tag;
    }

    @Test
    void everyReportDownloadHasItsOwnTagAnd304() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371521", 350, 52_000_000L);
        Workflow.institution(code);
        for (String path : List.of("/api/v1/reports/coverage?regionCode=371521",
                "/api/v1/reports/uncovered?regionCode=371521",
                "/api/v1/reports/coverage/trend?regionCode=371521",
                "/api/v1/reports/indicators?year=2024&regionCode=371521",
                "/api/v1/rounds/" + round + "/summary",
                "/api/v1/rounds/" + round + "/announcement")) {
            String json = city().accept("application/json").get(path).then().statusCode(200).extract().header("ETag");
            String csv = answers304(path, CSV, "W/\"rc");
            String xlsx = answers304(path, XLSX, "W/\"rx");
            assertEquals(3, new HashSet<>(List.of(json, csv, xlsx)).size(), path + ": " + json + " " + csv + " " + xlsx);
            // a tag of one representation does not make another one 304
            city().accept(XLSX).header("If-None-Match", csv).get(path).then().statusCode(200);
            city().accept(CSV).header("If-None-Match", json).get(path).then().statusCode(200);
        }
    }

    @Test
    void theCsvInAnotherLanguageIsAnotherRepresentation() {
        String path = "/api/v1/reports/coverage?regionCode=371524";
        String zh = city().accept(CSV).header("Accept-Language", "zh-CN").get(path).then().statusCode(200).extract().header("ETag");
        String en = city().accept(CSV).header("Accept-Language", "en").get(path).then().statusCode(200).extract().header("ETag");
        assertNotEquals(zh, en);
        city().accept(CSV).header("Accept-Language", "en").header("If-None-Match", zh).get(path).then().statusCode(200);
    }

    @Test
    void aNewUncoveredEnterpriseChangesTheWorkListFilesTags() {
        String path = "/api/v1/reports/uncovered?regionCode=371526";
        Set<String> before = Set.of(answers304(path, CSV, "W/\"rc"), answers304(path, XLSX, "W/\"rx"));
        Workflow.enterprise("371526", 350, 52_000_000L);
        for (String accept : List.of(CSV, XLSX)) {
            String tag = city().accept(accept).get(path).then().statusCode(200).extract().header("ETag");
            for (String old : before) {
                city().accept(accept).header("If-None-Match", old).get(path).then().statusCode(200)
                        .header("ETag", not(equalTo(old)));
            }
            assertEquals(false, before.contains(tag));
        }
    }
}
