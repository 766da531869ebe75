package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.county;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The rules of {@link Scope} (README "Who sees what"), the same for every kind: a county reads what involves an
 * enterprise now in its region and what it is responsible for; it acts only for its own region (403); anything else
 * is 404, as an unknown id.
 */
@QuarkusTest
class ScopeRulesTest {
    @Test
    void aJointApplicationIsReadByEveryParticipantsCountyAndReviewedByTheLeadsOnly() {
        String lead = Workflow.enterprise("371502", 350, 52_000_000);
        String partner = Workflow.enterprise("371503", 350, 52_000_000);
        String inst = city().contentType("application/json").body(Map.of("name", "联建中心", "kind", "TECH_CENTER",
                        "buildMode", "JOINT", "participants", List.of(lead, partner), "capacity", Workflow.capacity(6),
                        "cooperations", List.of(Map.of("partner", "聊城大学", "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01",
                                "activities", "联合攻关"))))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        String app = city().contentType("application/json").body(Map.of("institutionId", inst, "roundId", Workflow.openRound()))
                .post("/api/v1/applications").then().statusCode(201).body("regionCode", equalTo("371502")).extract().path("id");
        Workflow.materials(lead, app);
        Workflow.act(TestData.enterprise(lead), app, "SUBMIT").statusCode(200);

        // the partner's county reads the institution, the application, its materials, in the lists too ...
        county("371503").get("/api/v1/institutions/" + inst).then().statusCode(200);
        county("371503").get("/api/v1/applications/" + app).then().statusCode(200).body("status", equalTo("SUBMITTED"));
        county("371503").queryParam("institutionId", inst).get("/api/v1/applications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(app));
        String attachment = county("371503").get("/api/v1/applications/" + app + "/attachments").then().statusCode(200)
                .extract().path("items[0].id");
        county("371503").get("/api/v1/applications/" + app + "/attachments/" + attachment).then().statusCode(200);
        // ... but does not review it: the lead's county does (403: it sees the application, the action is not its own)
        Workflow.act(county("371503"), app, "COUNTY_APPROVE").statusCode(403).contentType("application/problem+json");
        county("371503").get("/api/v1/applications/" + app).then().body("allowedActions", equalTo(List.of()));
        Workflow.act(county("371502"), app, "COUNTY_APPROVE").statusCode(200);
        Workflow.act(city(), app, "START_ASSESSMENT").statusCode(200);
        String inspection = city().contentType("application/json").body(Map.of("applicationId", app, "kind", "MATERIAL_REVIEW",
                "assessorKind", "EXPERT", "assessorId", "scope-expert")).post("/api/v1/inspections").then().statusCode(201)
                .extract().path("id");

        // the inspection follows its application, by id and in the list (the list used to ask the lead's county only)
        county("371503").get("/api/v1/inspections/" + inspection).then().statusCode(200);
        county("371503").queryParam("applicationId", app).get("/api/v1/inspections").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(inspection));
        county("371502").queryParam("applicationId", app).get("/api/v1/inspections").then().body("total", equalTo(1));

        // a county with no participant sees none of it, and the answer is the one for an id that does not exist
        for (String path : List.of("/api/v1/institutions/" + inst, "/api/v1/applications/" + app,
                "/api/v1/applications/" + app + "/attachments", "/api/v1/applications/" + app + "/attachments/" + attachment,
                "/api/v1/inspections/" + inspection)) {
            county("371524").get(path).then().statusCode(404).contentType("application/problem+json");
        }
        county("371524").queryParam("institutionId", inst).get("/api/v1/applications").then().body("total", equalTo(0));
        county("371524").queryParam("applicationId", app).get("/api/v1/inspections").then().body("total", equalTo(0));
    }

    @Test
    void materialsAreHiddenFromTheRolesThatDoNotReadThem() {
        String[] a = Workflow.applicationIn("SUBMITTED", "371521", Workflow.openRound());
        String attachment = city().get("/api/v1/applications/" + a[0] + "/attachments").then().statusCode(200)
                .extract().path("items[0].id");
        for (String role : List.of("FINANCE", "PROVINCE", "ADMIN")) {
            TestData.role(role).get("/api/v1/applications/" + a[0] + "/attachments").then().statusCode(404)
                    .contentType("application/problem+json");
            TestData.role(role).get("/api/v1/applications/" + a[0] + "/attachments/" + attachment).then().statusCode(404);
        }
        TestData.as(TestData.token("SUPERVISOR", "supervisorId", "scope-supervisor"))
                .get("/api/v1/applications/" + a[0] + "/attachments").then().statusCode(404);
    }

    @Test
    void anAwardIsReadByThePayingCountyAndByTheCountyTheEnterpriseMovedTo() {
        String[] a = Workflow.applicationIn("RECOGNIZED", "371526", Workflow.openRound());
        String award = city().queryParam("creditCode", a[1]).get("/api/v1/awards").then().statusCode(200)
                .body("items[0].regionCode", equalTo("371526")).extract().path("items[0].id");
        county("371581").get("/api/v1/awards/" + award).then().statusCode(404);

        String etag = city().get("/api/v1/enterprises/" + a[1]).then().statusCode(200).extract().header("ETag");
        city().header("If-Match", etag).contentType("application/json").body(Map.of("name", "搬迁企业", "regionCode", "371581"))
                .put("/api/v1/enterprises/" + a[1]).then().statusCode(200).body("regionCode", equalTo("371581"));

        county("371581").get("/api/v1/awards/" + award).then().statusCode(200).body("regionCode", equalTo("371526"));
        county("371581").queryParam("creditCode", a[1]).get("/api/v1/awards").then().body("items.id", hasItem(award));
        county("371526").get("/api/v1/awards/" + award).then().statusCode(200);
        county("371526").queryParam("creditCode", a[1]).get("/api/v1/awards").then().body("items.id", hasItem(award));
        county("371524").get("/api/v1/awards/" + award).then().statusCode(404);
        county("371524").queryParam("creditCode", a[1]).get("/api/v1/awards").then().body("total", equalTo(0));
    }
}
