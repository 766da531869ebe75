package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.TestData.role;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every award state × action × role through HTTP (issue 15, state machines as tables). The expectations are written
 * here by hand from docs/domain.md sections 6 and 8 and the contract: PROPOSED → APPROVED → DISBURSED, or CANCELLED
 * while not paid; finance approves and pays, finance or the city task force cancels. A role that does not take the
 * action is 403 whatever the state; an action the state does not allow is a 409 listing the actions the caller may
 * take from there; the stored status moves only on a 200.
 */
@QuarkusTest
class AwardTransitionTableTest {
    static final List<String> STATES = List.of("PROPOSED", "APPROVED", "DISBURSED", "CANCELLED");
    static final List<String> ACTIONS = List.of("APPROVE", "DISBURSE", "CANCEL");
    static final List<String> ROLES = List.of("FINANCE", "CITY_OFFICER");

    /** state → action → the next state; absent: not allowed from that state. */
    static final Map<String, Map<String, String>> NEXT = Map.of(
            "PROPOSED", Map.of("APPROVE", "APPROVED", "CANCEL", "CANCELLED"),
            "APPROVED", Map.of("DISBURSE", "DISBURSED", "CANCEL", "CANCELLED"),
            "DISBURSED", Map.of(),
            "CANCELLED", Map.of());

    /** Who takes each action. */
    static final Map<String, List<String>> TAKEN_BY = Map.of(
            "APPROVE", List.of("FINANCE"),
            "DISBURSE", List.of("FINANCE"),
            "CANCEL", List.of("FINANCE", "CITY_OFFICER"));

    /** What a 409 lists, per role and state: the role's own actions from there. */
    static final Map<String, Map<String, List<String>>> ALLOWED = Map.of(
            "FINANCE", Map.of("PROPOSED", List.of("APPROVE", "CANCEL"), "APPROVED", List.of("DISBURSE", "CANCEL"),
                    "DISBURSED", List.of(), "CANCELLED", List.of()),
            "CITY_OFFICER", Map.of("PROPOSED", List.of("CANCEL"), "APPROVED", List.of("CANCEL"),
                    "DISBURSED", List.of(), "CANCELLED", List.of()));

    static RequestSpecification as(String role) {
        return role.equals("CITY_OFFICER") ? city() : role(role);
    }

    /** The body each action needs to pass its own validation (paidOn and voucherRef, a reason). */
    static Map<String, Object> body(String action) {
        Map<String, Object> body = new HashMap<>(Map.of("action", action));
        switch (action) {
            case "DISBURSE" -> {
                body.put("paidOn", TestData.today().toString());
                body.put("voucherRef", "TABLE-1");
            }
            case "CANCEL" -> body.put("reason", "表格测试");
            default -> {
            }
        }
        return body;
    }

    static io.restassured.response.ValidatableResponse act(RequestSpecification who, String award, String action) {
        return who.contentType("application/json").body(body(action)).post("/api/v1/awards/" + award + "/transitions").then();
    }

    /** A fresh award moved to {@code state} by finance. */
    static String awardIn(String state, String round) {
        String award = AwardBatchTest.proposedAward(round);
        List<String> path = switch (state) {
            case "PROPOSED" -> List.of();
            case "APPROVED" -> List.of("APPROVE");
            case "DISBURSED" -> List.of("APPROVE", "DISBURSE");
            case "CANCELLED" -> List.of("CANCEL");
            default -> throw new IllegalArgumentException(state);
        };
        for (String action : path) {
            act(role("FINANCE"), award, action).statusCode(200);
        }
        return award;
    }

    static void storedStatus(String award, String status) {
        role("FINANCE").get("/api/v1/awards/" + award).then().statusCode(200).body("status", equalTo(status));
    }

    @TestFactory
    Stream<DynamicTest> everyStateTimesEveryActionTimesEveryRole() {
        String round = Workflow.openRound();
        List<DynamicTest> tests = new ArrayList<>();
        for (String state : STATES) {
            String shared = awardIn(state, round); // for the pairs that leave the award as it is
            for (String action : ACTIONS) {
                for (String who : ROLES) {
                    String next = NEXT.get(state).get(action);
                    tests.add(DynamicTest.dynamicTest(who + " " + action + " on " + state, () -> {
                        if (!TAKEN_BY.get(action).contains(who)) {
                            act(as(who), shared, action).statusCode(403);
                            storedStatus(shared, state);
                        } else if (next != null) {
                            String award = awardIn(state, round);
                            act(as(who), award, action).statusCode(200).body("status", equalTo(next));
                            storedStatus(award, next);
                        } else {
                            act(as(who), shared, action).statusCode(409)
                                    .contentType("application/problem+json")
                                    .body("type", equalTo("/problems/illegal-transition"))
                                    .body("currentStatus", equalTo(state))
                                    .body("allowedActions", equalTo(ALLOWED.get(who).get(state)));
                            storedStatus(shared, state);
                        }
                    }));
                }
            }
        }
        String proposed = awardIn("PROPOSED", round);
        for (String other : List.of("ENTERPRISE", "COUNTY_OFFICER", "PROVINCE", "ADMIN")) {
            tests.add(DynamicTest.dynamicTest(other + " takes no award action", () -> {
                String award = proposed;
                RequestSpecification who = switch (other) {
                    case "COUNTY_OFFICER" -> TestData.county(AwardBatchTest.REGION);
                    case "ENTERPRISE" -> TestData.enterprise(role("FINANCE").get("/api/v1/awards/" + award).then()
                            .extract().path("creditCode"));
                    default -> role(other);
                };
                for (String action : ACTIONS) {
                    act(who, award, action).statusCode(403);
                }
                storedStatus(award, "PROPOSED");
            }));
        }
        return tests.stream();
    }
}
