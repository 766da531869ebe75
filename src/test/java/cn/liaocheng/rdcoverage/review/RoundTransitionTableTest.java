package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every round state × action × role through HTTP (issue 15, state machines as tables). The expectations are written
 * here by hand from docs/domain.md section 5: OPEN → REVIEWING (START_REVIEW) → CLOSED (CLOSE), taken by the city task
 * force; any other role is 403 whatever the state; an action the state does not allow is a 409 listing the allowed
 * ones; the stored status moves only on a 200.
 */
@QuarkusTest
class RoundTransitionTableTest {
    static final List<String> STATES = List.of("OPEN", "REVIEWING", "CLOSED");
    static final List<String> ACTIONS = List.of("START_REVIEW", "CLOSE");

    /** state → action → the next state; absent: not allowed from that state. */
    static final Map<String, Map<String, String>> NEXT = Map.of(
            "OPEN", Map.of("START_REVIEW", "REVIEWING"),
            "REVIEWING", Map.of("CLOSE", "CLOSED"),
            "CLOSED", Map.of());

    /** What a 409 lists, per state. */
    static final Map<String, List<String>> ALLOWED = Map.of(
            "OPEN", List.of("START_REVIEW"),
            "REVIEWING", List.of("CLOSE"),
            "CLOSED", List.of());

    static final Map<String, Supplier<RequestSpecification>> OTHER_ROLES = new LinkedHashMap<>();

    static {
        OTHER_ROLES.put("COUNTY_OFFICER", () -> TestData.county("371521"));
        OTHER_ROLES.put("FINANCE", () -> TestData.role("FINANCE"));
        OTHER_ROLES.put("ADMIN", () -> TestData.role("ADMIN"));
    }

    /** A fresh round moved to {@code state} by the city. */
    static String roundIn(String state) {
        String round = Workflow.openRound();
        List<String> path = switch (state) {
            case "OPEN" -> List.of();
            case "REVIEWING" -> List.of("START_REVIEW");
            case "CLOSED" -> List.of("START_REVIEW", "CLOSE");
            default -> throw new IllegalArgumentException(state);
        };
        for (String action : path) {
            act(city(), round, action).statusCode(200);
        }
        return round;
    }

    static io.restassured.response.ValidatableResponse act(RequestSpecification who, String round, String action) {
        return who.contentType("application/json").body(Map.of("action", action))
                .post("/api/v1/rounds/" + round + "/transitions").then();
    }

    static void storedStatus(String round, String status) {
        city().get("/api/v1/rounds/" + round).then().statusCode(200).body("status", equalTo(status));
    }

    @TestFactory
    Stream<DynamicTest> everyStateTimesEveryActionTimesEveryRole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String state : STATES) {
            String shared = roundIn(state); // for the pairs that leave the round as it is
            for (String action : ACTIONS) {
                String next = NEXT.get(state).get(action);
                tests.add(DynamicTest.dynamicTest("CITY_OFFICER " + action + " on " + state, () -> {
                    if (next != null) {
                        String round = roundIn(state);
                        act(city(), round, action).statusCode(200).body("status", equalTo(next));
                        storedStatus(round, next);
                    } else {
                        act(city(), shared, action).statusCode(409)
                                .contentType("application/problem+json")
                                .body("type", equalTo("/problems/illegal-transition"))
                                .body("currentStatus", equalTo(state))
                                .body("allowedActions", equalTo(ALLOWED.get(state)));
                        storedStatus(shared, state);
                    }
                }));
                for (var other : OTHER_ROLES.entrySet()) {
                    tests.add(DynamicTest.dynamicTest(other.getKey() + " " + action + " on " + state, () -> {
                        act(other.getValue().get(), shared, action).statusCode(403);
                        storedStatus(shared, state);
                    }));
                }
            }
        }
        return tests.stream();
    }
}
