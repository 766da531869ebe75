package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Issue #13, "Conditional GET ... 304": the computed reports (coverage report, trend, work list, round summary and
 * announcement, an institution's eligibility, the indicators report and its trend) answer with a weak ETag of their content and 304 to If-None-Match
 * naming it; a change to what they are computed from gives a new tag and a 200. The contract says so.
 */
@QuarkusTest
class ReportETagTest {

    /** GET, then the same GET with If-None-Match: 304 without a body and the same tag. Returns the tag. */
    private static String answers304(String path) {
        String tag = city().get(path).then().statusCode(200).header("ETag", startsWith("W/\"r")).extract().header("ETag");
        city().header("If-None-Match", tag).get(path).then().statusCode(304).header("ETag", equalTo(tag)).body(emptyString());
        city().header("If-None-Match", "W/\"r000\"").get(path).then().statusCode(200);
        // the weak comparison of RFC 9110 13.1.2: the same opaque tag sent without W/ matches too
        city().header("If-None-Match", tag.substring(2)).get(path).then().statusCode(304);
        return tag;
    }

    @Test
    void everyComputedReportAnswers304WhileItIsUnchanged() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371522", 350, 52_000_000L);
        String institution = Workflow.institution(code);
        for (String path : List.of("/api/v1/reports/coverage?regionCode=371522",
                "/api/v1/reports/uncovered?regionCode=371522",
                "/api/v1/reports/coverage/trend?regionCode=371522",
                "/api/v1/rounds/" + round + "/summary",
                "/api/v1/rounds/" + round + "/announcement",
                "/api/v1/institutions/" + institution + "/eligibility",
                "/api/v1/reports/indicators?year=2024&regionCode=371522",
                "/api/v1/reports/indicators/trend?from=2023&to=2024&regionCode=371522")) {
            answers304(path);
        }
    }

    @Test
    void aChangeToTheFiguresGivesANewTag() {
        String path = "/api/v1/reports/uncovered?regionCode=371525";
        String before = answers304(path);
        Workflow.enterprise("371525", 350, 52_000_000L); // a new uncovered enterprise on the county's work list
        String after = city().header("If-None-Match", before).get(path).then().statusCode(200)
                .header("ETag", not(equalTo(before))).extract().header("ETag");
        assertNotEquals(before, after);
    }

    @Test
    void theRoundSummaryTagIgnoresTheInstantItWasComputed() {
        String round = Workflow.openRound();
        String first = city().get("/api/v1/rounds/" + round + "/summary").then().statusCode(200).extract().header("ETag");
        String second = city().get("/api/v1/rounds/" + round + "/summary").then().statusCode(200).extract().header("ETag");
        assertEquals(first, second);
    }

    @Test
    void theContractDocumentsTheTagAnd304() {
        JsonPath doc = JsonPath.from(RestAssured.given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
        Map<String, String> ops = Map.of("/api/v1/reports/coverage", "get", "/api/v1/reports/uncovered", "get",
                "/api/v1/reports/coverage/trend", "get", "/api/v1/rounds/{id}/summary", "get",
                "/api/v1/rounds/{id}/announcement", "get", "/api/v1/institutions/{id}/eligibility", "get");
        ops.forEach((path, method) -> {
            Map<String, Object> op = doc.getMap("paths.'" + path + "'." + method);
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            assertEquals(true, responses.containsKey("304"), path + " documents 304");
            @SuppressWarnings("unchecked")
            Map<String, Object> ok = (Map<String, Object>) responses.get("200");
            @SuppressWarnings("unchecked")
            Map<String, Object> headers = (Map<String, Object>) ok.get("headers");
            assertEquals(true, headers != null && headers.containsKey("ETag"), path + " documents ETag");
        });
    }
}
