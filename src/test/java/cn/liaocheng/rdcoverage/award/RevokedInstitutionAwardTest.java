package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.role;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A revoked institution's awards (先建后补 pays an institution built to the standard): the revocation cancels those not
 * yet paid, an award of a revoked institution is neither approved nor paid, a paid one stays as it was; and a payment
 * is not dated before its approval.
 */
@QuarkusTest
class RevokedInstitutionAwardTest {
    private static final String REASON = "虚报研发投入，撤销认定";

    private static RequestSpecification finance() {
        return role("FINANCE").contentType("application/json");
    }

    /** A MEDIUM enterprise's institution recognised today; {creditCode, institutionId, city award id}. */
    private static String[] recognised(String region) {
        String round = Workflow.openRound();
        String code = Workflow.enterprise(region, 350, 52_000_000);
        var answer = AwardTest.recognize(code, region, round).extract();
        String institution = city().get("/api/v1/applications/" + answer.path("id")).then().extract().path("institutionId");
        String award = answer.path("awards.find { it.program == 'CITY_FIRST_RECOGNITION' }.id");
        return new String[]{code, institution, award};
    }

    private static void revoke(String institution) {
        city().contentType("application/json").body(Map.of("revokedOn", TestData.today().toString(), "reason", REASON))
                .post("/api/v1/institutions/" + institution + "/revocations").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
    }

    @Test
    void aRevocationCancelsTheAwardsNotYetPaid() {
        String head = city().get("/api/v1/events/head").then().statusCode(200).extract().path("next");
        String[] r = recognised("371525");
        finance().body(Map.of("action", "APPROVE")).post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(200);
        revoke(r[1]);

        String expected = "institution " + r[1] + " revoked on " + TestData.today() + ": " + REASON;
        city().queryParam("creditCode", r[0]).get("/api/v1/awards").then().statusCode(200)
                .body("items.status.unique()", equalTo(List.of("CANCELLED")))
                .body("items.cancelReason.unique()", equalTo(List.of(expected)))
                .body("items.cancelledOn.unique()", equalTo(List.of(TestData.today().toString())));
        city().get("/api/v1/awards/" + r[2] + "/history").then().statusCode(200)
                .body("items.state.status", equalTo(List.of("PROPOSED", "APPROVED", "CANCELLED")))
                .body("items[2].role", equalTo("CITY_OFFICER"))
                .body("items[2].state.cancelReason", equalTo(expected));
        assertEquals(List.of("award.proposed", "award.approved", "award.cancelled"), eventsOf(head, r[2]));
        finance().body(Map.of("action", "DISBURSE", "paidOn", TestData.today().toString(), "voucherRef", "V1"))
                .post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(409)
                .body("type", containsString("illegal-transition")).body("currentStatus", equalTo("CANCELLED"));
        // the enterprise's next institution is not its first recognised one: no automatic award
        AwardTest.recognize(r[0], "371525", Workflow.openRound()).body("awards", hasSize(0))
                .body("awardNotes[0].reason", equalTo("NOT_FIRST_RECOGNITION"));
    }

    @Test
    void aPaidAwardStaysAsItWas() {
        String[] r = recognised("371581");
        finance().body(Map.of("action", "APPROVE")).post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(200);
        finance().body(Map.of("action", "DISBURSE", "paidOn", TestData.today().toString(), "voucherRef", "CZ-1"))
                .post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(200);
        revoke(r[1]);
        city().get("/api/v1/awards/" + r[2]).then().statusCode(200)
                .body("status", equalTo("DISBURSED"))
                .body("disbursedOn", equalTo(TestData.today().toString()))
                .body("cancelReason", nullValue());
    }

    @Test
    void anAwardOfARevokedInstitutionIsNeitherApprovedNorPaid() {
        String[] r = recognised("371502");
        revoke(r[1]);
        // an award left unpaid by an older revocation (before revocations cancelled them), or proposed at the same time
        reopen(r[2], "PROPOSED");
        finance().header("Accept-Language", "en").body(Map.of("action", "APPROVE"))
                .post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(409)
                .body("type", containsString("institution-revoked"))
                .body("institutionId", equalTo(r[1]))
                .body("revokedOn", equalTo(TestData.today().toString()))
                .body("detail", containsString(REASON));
        reopen(r[2], "APPROVED");
        finance().header("Accept-Language", "zh-CN")
                .body(Map.of("action", "DISBURSE", "paidOn", TestData.today().toString(), "voucherRef", "V2"))
                .post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(409)
                .body("detail", containsString("已于 " + TestData.today() + " 撤销认定"));
        city().get("/api/v1/awards/" + r[2]).then().body("status", equalTo("APPROVED")).body("disbursedOn", nullValue());
        // the city can still cancel it
        city().contentType("application/json").body(Map.of("action", "CANCEL", "reason", REASON))
                .post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aPaymentIsNotDatedBeforeItsApproval() {
        String[] r = recognised("371503");
        // an award proposed on a later date than today (a clock set back, data moved): the approval would precede it
        QuarkusTransaction.requiringNew().run(() -> Award.<Award>findById(UUID.fromString(r[2])).proposedOn = TestData.today().plusDays(1));
        finance().header("Accept-Language", "en").body(Map.of("action", "APPROVE"))
                .post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(400)
                .body("errors[0].field", equalTo("approvedOn"))
                .body("errors[0].message", equalTo("must not be before proposedOn (" + TestData.today().plusDays(1) + ")"));
        city().get("/api/v1/awards/" + r[2]).then().body("status", equalTo("PROPOSED")).body("approvedOn", nullValue());
        QuarkusTransaction.requiringNew().run(() -> Award.<Award>findById(UUID.fromString(r[2])).proposedOn = TestData.today());
        finance().body(Map.of("action", "APPROVE")).post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(200)
                .body("approvedOn", equalTo(TestData.today().toString()));
        finance().header("Accept-Language", "en").body(Map.of("action", "DISBURSE", "paidOn", "1900-01-01", "voucherRef", "X"))
                .post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(400)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("paidOn"))
                .body("errors[0].message", equalTo("must not be before approvedOn (" + TestData.today() + ")"));
        finance().header("Accept-Language", "zh-CN").body(Map.of("action", "DISBURSE", "paidOn", "1900-01-01", "voucherRef", "X"))
                .post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(400)
                .body("errors[0].field", equalTo("paidOn"))
                .body("errors[0].message", equalTo("不能早于 approvedOn（" + TestData.today() + "）"));
        city().get("/api/v1/awards/" + r[2]).then().body("status", equalTo("APPROVED")).body("disbursedOn", nullValue());
        finance().body(Map.of("action", "DISBURSE", "paidOn", TestData.today().toString(), "voucherRef", "X"))
                .post("/api/v1/awards/" + r[2] + "/transitions").then().statusCode(200)
                .body("status", equalTo("DISBURSED")).body("disbursedOn", equalTo(TestData.today().toString()));
    }

    /** Puts an award back in {@code status}, as data written before revocations cancelled awards would be. */
    private static void reopen(String awardId, String status) {
        QuarkusTransaction.requiringNew().run(() -> {
            Award a = Award.findById(UUID.fromString(awardId));
            a.status = Award.AwardStatus.valueOf(status);
            a.cancelledOn = null;
            a.cancelReason = null;
            a.approvedOn = status.equals("APPROVED") ? TestData.today() : null;
        });
    }

    /** The feed's event types about {@code subjectId} after the cursor {@code after}, in feed order. */
    private static List<String> eventsOf(String after, String subjectId) {
        List<String> types = new ArrayList<>();
        String cursor = after;
        while (true) {
            JsonPath page = city().queryParam("after", cursor).queryParam("limit", 1000).get("/api/v1/events").then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> e : items) {
                if (subjectId.equals(((Map<?, ?>) e.get("subject")).get("id"))) {
                    types.add((String) e.get("type"));
                }
            }
            if (items.isEmpty() || page.getString("next").equals(cursor)) {
                return types;
            }
            cursor = page.getString("next");
        }
    }
}
