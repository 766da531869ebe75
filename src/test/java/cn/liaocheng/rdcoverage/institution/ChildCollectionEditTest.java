package cn.liaocheng.rdcoverage.institution;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.institution.InstitutionApiTest.capacity;
import static cn.liaocheng.rdcoverage.institution.InstitutionApiTest.enterprise;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue #19: every kind of child collection of an institution (participants, cooperations, capacities,
 * designations) can be edited through the API while the audit trail (Envers) is on, and each edit is recorded.
 */
@QuarkusTest
class ChildCollectionEditTest {
    private static Map<String, Object> coop(String partner, String kind, String signedOn, String validUntil, String activities) {
        Map<String, Object> m = new HashMap<>();
        m.put("partner", partner);
        m.put("partnerKind", kind);
        m.put("signedOn", signedOn);
        m.put("validUntil", validUntil);
        m.put("activities", activities);
        return m;
    }

    private static String put(String id, String etag, Map<String, Object> body) {
        return city().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/api/v1/institutions/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void everyChildCollectionCanBeChangedWithTheAuditOn() {
        String a = enterprise("371502", 2024, 350, 52_000_000);
        String b = enterprise("371502", 2024, 300, 40_000_000);
        String c = enterprise("371503", 2024, 200, 30_000_000);
        Map<String, Object> body = new HashMap<>(Map.of("name", "联建研究院", "kind", "RESEARCH_INSTITUTE", "buildMode", "JOINT",
                "participants", List.of(a, b), "capacity", capacity(2024, 10, 1_200_000, 1_200_000, 120, 5),
                "cooperations", List.of(coop("聊城大学", "UNIVERSITY", "2023-09-01", "2024-08-31", null))));
        var created = city().contentType(ContentType.JSON).body(body).post("/api/v1/institutions").then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");

        // the loop county RETURN -> enterprise adds the activity -> resubmit: change fields of the existing cooperation
        body.put("cooperations", List.of(coop("聊城大学", "UNIVERSITY", "2023-09-01", "2025-08-31", "联合开展工艺改进项目")));
        etag = put(id, etag, body);
        city().get("/api/v1/institutions/" + id).then().statusCode(200)
                .body("cooperations[0].validUntil", equalTo("2025-08-31"))
                .body("cooperations[0].activities", equalTo("联合开展工艺改进项目"));

        // a second cooperation added in front, so every position changes
        body.put("cooperations", List.of(coop("山东大学", "UNIVERSITY", "2024-01-10", null, "共建中试线"),
                coop("聊城大学", "UNIVERSITY", "2023-09-01", "2025-08-31", "联合开展工艺改进项目")));
        etag = put(id, etag, body);
        // participants: one replaced at the same position, another added
        body.put("participants", List.of(a, c, b));
        etag = put(id, etag, body);
        // and removed again, cooperation list shortened to one changed element
        body.put("participants", List.of(c, a));
        body.put("cooperations", List.of(coop("山东大学", "UNIVERSITY", "2024-01-10", "2026-01-09", "共建中试线、联合培养")));
        etag = put(id, etag, body);

        city().get("/api/v1/institutions/" + id).then().statusCode(200)
                .body("participants", equalTo(List.of(c, a)))
                .body("cooperations.size()", equalTo(1))
                .body("cooperations[0].partner", equalTo("山东大学"))
                .body("cooperations[0].validUntil", equalTo("2026-01-09"))
                .body("cooperations[0].activities", equalTo("共建中试线、联合培养"));

        // capacities: a year corrected through the institution body and through the capacity resource
        body.put("capacity", capacity(2024, 12, 1_300_000, 1_250_000, 130, 6));
        etag = put(id, etag, body);
        city().contentType(ContentType.JSON).body(capacity(2024, 14, 1_400_000, 1_300_000, 140, 7))
                .put("/api/v1/institutions/" + id + "/capacity/2024").then().statusCode(200);
        city().get("/api/v1/institutions/" + id + "/capacity/2024").then().statusCode(200)
                .body("personnel", equalTo(14)).body("projectCount", equalTo(7));

        // designations: added, then revoked (an update of the designation)
        var d = city().contentType(ContentType.JSON).body(Map.of("level", "PROVINCIAL", "program", "山东省企业技术中心",
                "grantedOn", "2024-05-01")).post("/api/v1/institutions/" + id + "/designations").then().statusCode(201).extract();
        String designation = d.path("id");
        city().contentType(ContentType.JSON).header("If-Match", d.header("ETag"))
                .body(Map.of("revokedOn", "2025-05-01", "reason", "复核未通过"))
                .post("/api/v1/institutions/" + id + "/designations/" + designation + "/revocations").then().statusCode(200);
        city().get("/api/v1/institutions/" + id + "/designations/" + designation).then().statusCode(200)
                .body("revokedOn", equalTo("2025-05-01"));

        // every change is in the audit trail: created + 5 PUTs + the capacity PUT (updatedAt) of the institution
        city().get("/api/v1/institutions/" + id + "/history").then().statusCode(200)
                // (designation changes may record further updates of the institution after these seven)
                .body("items.findAll { it.resource == 'institution' }.type[0..6]",
                        equalTo(List.of("CREATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED")))
                // each PUT of the institution carries the capacity again (its updatedAt changes), then the capacity PUT
                .body("items.findAll { it.resource == 'capacity' }.type",
                        equalTo(List.of("CREATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED", "UPDATED")))
                .body("items.findAll { it.resource == 'capacity' }[5].state.personnel", equalTo(12))
                .body("items.findAll { it.resource == 'capacity' }[6].state.personnel", equalTo(14))
                .body("items.findAll { it.resource == 'institution' }[1].changed", hasItem("cooperations"))
                .body("items.findAll { it.resource == 'institution' }[3].changed", hasItem("participants"))
                .body("items.findAll { it.resource == 'institution' }[4].state.cooperations[0].activities",
                        equalTo("共建中试线、联合培养"))
                .body("items.findAll { it.resource == 'institution' }[0].state.cooperations[0].activities", nullValue());
    }
}
