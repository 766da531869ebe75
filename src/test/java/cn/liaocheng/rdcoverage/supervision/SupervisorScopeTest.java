package cn.liaocheng.rdcoverage.supervision;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static cn.liaocheng.rdcoverage.coverage.Coverage.enterprise;
import static cn.liaocheng.rdcoverage.coverage.Coverage.institution;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** A SUPERVISOR reads the regions of its supervision groups and records follow-ups there; nothing else. */
@QuarkusTest
class SupervisorScopeTest {
    static RequestSpecification supervisor(String id) {
        return TestData.as(TestData.token("SUPERVISOR", "supervisorId", id));
    }

    static String group(String name, List<String> members, List<String> regions) {
        return city().contentType("application/json").body(Map.of("name", name,
                        "members", members.stream().map(m -> Map.of("supervisorId", m, "name", "督导" + m)).toList(),
                        "regionCodes", regions))
                .post("/api/v1/supervision-groups").then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("regions.regionCode", equalTo(regions)).extract().path("id");
    }

    @Test
    void aSupervisorReadsItsGroupsRegionsOnly() {
        String me = "sup-" + System.nanoTime();
        String mine1 = enterprise("371524", 2064, true);
        String mine2 = enterprise("371525", 2064, true);
        String outside = enterprise("371526", 2064, true);
        String groupId = group("第三督导组", List.of(me, "sup-colleague-" + me), List.of("371524", "371525"));

        supervisor(me).get("/api/v1/enterprises/" + mine1).then().statusCode(200);
        supervisor(me).get("/api/v1/enterprises/" + mine2).then().statusCode(200);
        supervisor(me).get("/api/v1/enterprises/" + outside).then().statusCode(404).contentType("application/problem+json");
        supervisor(me).get("/api/v1/enterprises?size=500&sort=-createdAt").then().statusCode(200)
                .body("items.regionCode", everyItem(in(List.of("371524", "371525"))))
                .body("items.creditCode", hasItem(mine1)).body("items.creditCode", not(hasItem(outside)));
        String theirs = institution("SINGLE", outside);
        String ours = institution("SINGLE", mine1);
        supervisor(me).get("/api/v1/institutions/" + ours).then().statusCode(200);
        supervisor(me).get("/api/v1/institutions/" + theirs).then().statusCode(404);
        supervisor(me).get("/api/v1/institutions?size=500").then().statusCode(200)
                .body("items.id", hasItem(ours)).body("items.id", not(hasItem(theirs)));

        // reports: its regions, no city block; another region is 404
        supervisor(me).queryParam("asOf", "2064-06-30").get("/api/v1/reports/coverage").then().statusCode(200)
                .body("city", nullValue()).body("regions.regionCode", equalTo(List.of("371524", "371525")))
                .body("regions[0].aboveSizeEnterprises", equalTo(1));
        supervisor(me).queryParam("regionCode", "371526").get("/api/v1/reports/coverage").then().statusCode(403)
                .body("detail", containsString("outside your scope"));
        supervisor(me).queryParam("asOf", "2064-06-30").get("/api/v1/reports/uncovered").then().statusCode(200)
                .body("total", equalTo(2)).body("regions.regionCode", equalTo(List.of("371524", "371525")));
        supervisor(me).queryParam("asOf", "2064-06-30").queryParam("regionCode", "371525").get("/api/v1/reports/uncovered")
                .then().statusCode(200).body("items.creditCode", equalTo(List.of(mine2)));

        // follow-ups in scope; never writes elsewhere
        WorkListFollowUpTest.visit(supervisor(me), mine2, "2026-11-20", "SINGLE", "2065-01-31", 201);
        WorkListFollowUpTest.visit(supervisor(me), outside, "2026-11-20", "SINGLE", "2065-01-31", 404);
        supervisor(me).get("/api/v1/enterprises/" + mine2 + "/follow-ups").then().statusCode(200)
                .body("items[0].recorderRole", equalTo("SUPERVISOR"));
        supervisor(me).contentType("application/json").body(Map.of("name", "改名", "regionCode", "371524"))
                .put("/api/v1/enterprises/" + mine1).then().statusCode(403).contentType("application/problem+json");
        supervisor(me).contentType("application/json").body(Map.of("creditCode", TestData.creditCode("371524"), "name", "x",
                "regionCode", "371524")).post("/api/v1/enterprises").then().statusCode(403);
        supervisor(me).get("/api/v1/awards").then().statusCode(403);
        supervisor(me).contentType("application/json").body(Map.of("name", "x", "members", List.of(Map.of("supervisorId", me)),
                "regionCodes", List.of("371526"))).post("/api/v1/supervision-groups").then().statusCode(403);

        // its own groups only
        supervisor(me).get("/api/v1/supervision-groups").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(groupId)).body("items[0].members[0].supervisorId", equalTo(me));
        supervisor("nobody-" + me).get("/api/v1/supervision-groups/" + groupId).then().statusCode(404);

        // the scope follows the groups: the city takes 371525 away
        city().header("If-Match", "\"0\"").contentType("application/json").body(Map.of("name", "第三督导组",
                        "members", List.of(Map.of("supervisorId", me)), "regionCodes", List.of("371524")))
                .put("/api/v1/supervision-groups/" + groupId).then().statusCode(200).header("ETag", equalTo("\"1\""));
        supervisor(me).get("/api/v1/enterprises/" + mine2).then().statusCode(404);
        supervisor(me).get("/api/v1/enterprises/" + mine1).then().statusCode(200);
        city().header("If-Match", "\"0\"").contentType("application/json").body(Map.of("name", "x",
                        "members", List.of(Map.of("supervisorId", me)), "regionCodes", List.of("371524")))
                .put("/api/v1/supervision-groups/" + groupId).then().statusCode(412);
    }

    @Test
    void aSupervisorWithoutAGroupSeesNothing() {
        String lonely = "sup-alone-" + System.nanoTime();
        String code = enterprise("371521", 2065, true);
        supervisor(lonely).get("/api/v1/enterprises/" + code).then().statusCode(404);
        supervisor(lonely).get("/api/v1/enterprises").then().statusCode(200).body("total", equalTo(0));
        supervisor(lonely).get("/api/v1/institutions").then().statusCode(200).body("total", equalTo(0));
        supervisor(lonely).queryParam("asOf", "2065-06-30").get("/api/v1/reports/uncovered").then().statusCode(200)
                .body("total", equalTo(0));
        supervisor(lonely).get("/api/v1/reports/coverage").then().statusCode(200).body("regions.size()", equalTo(0));
        WorkListFollowUpTest.visit(supervisor(lonely), code, "2026-11-20", null, null, 404);
    }

    @Test
    void groupsAreValidatedAndTheTokenNeedsItsClaim() {
        city().contentType("application/json").body(Map.of("name", "坏组", "members", List.of(Map.of("supervisorId", "a"),
                        Map.of("supervisorId", "a")), "regionCodes", List.of("999999")))
                .post("/api/v1/supervision-groups").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("members[1].supervisorId", "regionCodes[0]")));
        city().contentType("application/json").body(Map.of("name", "空组", "members", List.of(), "regionCodes", List.of("371502")))
                .post("/api/v1/supervision-groups").then().statusCode(400).body("errors[0].field", equalTo("members"));
        io.restassured.RestAssured.given().contentType("application/json").body(Map.of("role", "SUPERVISOR"))
                .post("/api/v1/dev/tokens").then().statusCode(400).body("errors[0].field", equalTo("supervisorId"));
        county("371522").get("/api/v1/supervision-groups").then().statusCode(200);
    }
}
