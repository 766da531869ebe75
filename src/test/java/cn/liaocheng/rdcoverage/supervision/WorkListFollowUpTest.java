package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.coverage.Coverage.enterprise;
import static cn.liaocheng.rdcoverage.coverage.Coverage.recognized;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The work list with the follow-ups: latest visit, planned mode, expectedBy, the overdue rule (expectedBy before asOf,
 * still uncovered) on the days around expectedBy, the filters and the per-region counts. Statistical year 2061, region
 * 371573, used by no other test.
 */
@QuarkusTest
class WorkListFollowUpTest {
    private static final String REGION = "371573";

    static void visit(RequestSpecification as, String code, String visitedOn, String mode, String expectedBy, int status) {
        Map<String, Object> body = new HashMap<>(Map.of("visitedOn", visitedOn, "by", "县督导员"));
        if (mode != null) {
            body.put("plannedBuildMode", mode);
        }
        if (expectedBy != null) {
            body.put("expectedBy", expectedBy);
        }
        as.contentType("application/json").body(body).post("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(status);
    }

    private static io.restassured.response.ValidatableResponse workList(String asOf, String... query) {
        RequestSpecification r = county(REGION).queryParam("asOf", asOf).queryParam("sort", "creditCode");
        for (int i = 0; i < query.length; i += 2) {
            r = r.queryParam(query[i], query[i + 1]);
        }
        return r.get("/api/v1/reports/uncovered").then().statusCode(200);
    }

    @Test
    void overdueIsExpectedByPassedWhileStillUncovered() {
        String never = enterprise(REGION, 2061, true);
        String due = enterprise(REGION, 2061, true);
        String later = enterprise(REGION, 2061, true);
        String covered = enterprise(REGION, 2061, true);
        recognized("SINGLE", "2061-02-01", covered);
        visit(county(REGION), due, "2026-10-01", "JOINT", "2061-06-30", 201);
        visit(county(REGION), later, "2026-11-01", "INDUSTRY", "2061-07-31", 201);
        // an older visit recorded afterwards does not replace the latest one
        visit(county(REGION), later, "2026-09-01", "SINGLE", "2061-01-01", 201);
        visit(county(REGION), covered, "2026-10-01", "SINGLE", "2061-03-01", 201);

        // the day before and the day of expectedBy: not overdue; the day after: overdue
        workList("2061-06-29").body("items.find { it.creditCode == '" + due + "' }.overdue", equalTo(false));
        workList("2061-06-30").body("items.find { it.creditCode == '" + due + "' }.overdue", equalTo(false))
                .body("regions[0].overdue", equalTo(0));
        workList("2061-07-01")
                .body("total", equalTo(3))
                .body("items.find { it.creditCode == '" + due + "' }.overdue", equalTo(true))
                .body("items.find { it.creditCode == '" + due + "' }.lastFollowUpOn", equalTo("2026-10-01"))
                .body("items.find { it.creditCode == '" + due + "' }.plannedBuildMode", equalTo("JOINT"))
                .body("items.find { it.creditCode == '" + due + "' }.expectedBy", equalTo("2061-06-30"))
                .body("items.find { it.creditCode == '" + later + "' }.overdue", equalTo(false))
                .body("items.find { it.creditCode == '" + later + "' }.lastFollowUpOn", equalTo("2026-11-01"))
                .body("items.find { it.creditCode == '" + later + "' }.plannedBuildMode", equalTo("INDUSTRY"))
                .body("items.find { it.creditCode == '" + later + "' }.expectedBy", equalTo("2061-07-31"))
                .body("items.find { it.creditCode == '" + never + "' }.overdue", equalTo(false))
                .body("items.find { it.creditCode == '" + never + "' }.lastFollowUpOn", nullValue())
                .body("items.find { it.creditCode == '" + never + "' }.expectedBy", nullValue())
                .body("regions.size()", equalTo(1))
                .body("regions[0].regionCode", equalTo(REGION))
                .body("regions[0].uncovered", equalTo(3))
                .body("regions[0].neverVisited", equalTo(1))
                .body("regions[0].overdue", equalTo(1));
        // filters
        workList("2061-07-01", "overdue", "true").body("total", equalTo(1)).body("items.creditCode", equalTo(List.of(due)))
                .body("regions[0].uncovered", equalTo(3));
        workList("2061-07-01", "overdue", "false").body("total", equalTo(2))
                .body("items.creditCode", containsInAnyOrder(never, later));
        workList("2061-08-01", "overdue", "true").body("items.creditCode", containsInAnyOrder(due, later))
                .body("regions[0].overdue", equalTo(2));
        workList("2061-07-01", "noFollowUpSince", "2026-10-15").body("total", equalTo(2))
                .body("items.creditCode", containsInAnyOrder(never, due));
        workList("2061-07-01", "noFollowUpSince", "2026-10-01").body("items.creditCode", equalTo(List.of(never)));
        workList("2061-07-01", "noFollowUpSince", "2026-10-15", "overdue", "true").body("items.creditCode", equalTo(List.of(due)));
        // the covered enterprise's past expectedBy makes nothing overdue: it has left the list
        workList("2061-07-01").body("items.creditCode.findAll { it == '" + covered + "' }.size()", equalTo(0));
        county(REGION).queryParam("noFollowUpSince", "yesterday").get("/api/v1/reports/uncovered").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("noFollowUpSince"));
    }

    @Test
    void theWorkListCsvCarriesTheFollowUpColumnsAndFilters() {
        String code = enterprise("371572", 2062, true);
        String other = enterprise("371572", 2062, true);
        visit(county("371572"), code, "2026-11-02", "SINGLE", "2062-03-31", 201);
        String text = new String(county("371572").accept("text/csv").queryParam("asOf", "2062-04-01").queryParam("overdue", "true")
                .get("/api/v1/reports/uncovered").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        String[] lines = text.substring(1).split("\r\n");
        assertEquals(2, lines.length, text);
        assertEquals(code, lines[1].split(",")[0]);
        assertEquals("2026-11-02,SINGLE,2062-03-31,true", lines[1].substring(lines[1].length() - "2026-11-02,SINGLE,2062-03-31,true".length()));
        city().queryParam("asOf", "2062-04-01").queryParam("regionCode", "371572").get("/api/v1/reports/uncovered").then()
                .body("total", equalTo(2)).body("regions[0].neverVisited", equalTo(1))
                .body("items.find { it.creditCode == '" + other + "' }.overdue", equalTo(false));
    }

    @Test
    void followUpsAreValidatedAndListedLatestVisitFirst() {
        String code = enterprise("371573", 2063, true);
        county("371573").contentType("application/json").body(Map.of("visitedOn", "2026-08-01", "by", "王科长",
                        "plannedBuildMode", "JOINT", "expectedBy", "2027-06-30", "obstacles", List.of("FUNDING", "PARTNER"),
                        "note", "与同行业两家企业商谈联建"))
                .post("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/enterprises/" + code + "/follow-ups/"))
                .body("obstacles", equalTo(List.of("FUNDING", "PARTNER"))).body("by", equalTo("王科长"))
                .body("recorderRole", equalTo("COUNTY_OFFICER"));
        visit(county("371573"), code, "2026-09-01", null, null, 201);
        county("371573").get("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(200)
                .body("total", equalTo(2)).body("items.visitedOn", equalTo(List.of("2026-09-01", "2026-08-01")))
                .body("items[1].note", equalTo("与同行业两家企业商谈联建"));
        String tomorrow = TestData.today().plusDays(1).toString();
        county("371573").contentType("application/json").body(Map.of("visitedOn", tomorrow, "by", "x"))
                .post("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("visitedOn"));
        county("371573").contentType("application/json").body(Map.of("visitedOn", "2026-08-01", "by", "x", "expectedBy", "2026-07-31"))
                .post("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(400).body("errors[0].field", equalTo("expectedBy"));
        county("371573").contentType("application/json").body(Map.of("visitedOn", "2026-08-01"))
                .post("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(400).body("errors[0].field", equalTo("by"));
        county("371573").contentType("application/json").body(Map.of("visitedOn", "2026-08-01", "by", "x", "obstacles", List.of("MONEY")))
                .post("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(400).contentType("application/problem+json");
        // another county's officer: not found; the city reads but does not record
        county("371502").get("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(404);
        visit(county("371502"), code, "2026-08-01", null, null, 404);
        visit(city(), code, "2026-08-01", null, null, 403);
        city().get("/api/v1/enterprises/" + code + "/follow-ups").then().statusCode(200).body("total", equalTo(2));
    }
}
