package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.hamcrest.Matchers.equalTo;

/**
 * The application table through HTTP: from every state, every action the workflow allows leads to its state, and
 * every other is a 409 naming the allowed ones (the caller's, and any role's).
 */
@QuarkusTest
class IllegalTransitionTest {
    static final Map<String, List<String>> ALLOWED = Map.of(
            "DRAFT", List.of("SUBMIT", "WITHDRAW"),
            "SUBMITTED", List.of("WITHDRAW", "COUNTY_APPROVE", "RETURN", "COUNTY_REJECT"),
            "RETURNED", List.of("SUBMIT", "WITHDRAW"),
            "COUNTY_APPROVED", List.of("WITHDRAW", "START_ASSESSMENT"),
            "COUNTY_REJECTED", List.of(),
            "UNDER_ASSESSMENT", List.of("RECOGNIZE", "REJECT"),
            "RECOGNIZED", List.of(),
            "REJECTED", List.of(),
            "WITHDRAWN", List.of());

    /** Who takes each action: the 409 lists only the caller's own (issue #19). */
    static final Map<String, String> TAKEN_BY = Map.of("SUBMIT", "ENTERPRISE", "WITHDRAW", "ENTERPRISE",
            "COUNTY_APPROVE", "COUNTY", "RETURN", "COUNTY", "COUNTY_REJECT", "COUNTY",
            "START_ASSESSMENT", "CITY", "RECOGNIZE", "CITY", "REJECT", "CITY");

    /** Where each action leads (docs/domain.md section 5). */
    static final Map<String, String> LEADS_TO = Map.of("SUBMIT", "SUBMITTED", "WITHDRAW", "WITHDRAWN",
            "COUNTY_APPROVE", "COUNTY_APPROVED", "RETURN", "RETURNED", "COUNTY_REJECT", "COUNTY_REJECTED",
            "START_ASSESSMENT", "UNDER_ASSESSMENT", "RECOGNIZE", "RECOGNIZED", "REJECT", "REJECTED");

    /**
     * Every state × action, by the role that takes the action: an allowed one is a 200 to its state, stored (on a
     * fresh application); any other is a 409 naming the allowed ones, the status left as it was.
     */
    @TestFactory
    Stream<DynamicTest> everyStateTimesEveryAction() {
        String round = Workflow.openRound();
        List<DynamicTest> tests = new ArrayList<>();
        for (var state : ALLOWED.entrySet()) {
            String[] shared = Workflow.applicationIn(state.getKey(), "371521", round);
            for (ApplicationAction action : ApplicationAction.values()) {
                boolean allowed = state.getValue().contains(action.name());
                String expected = allowed ? LEADS_TO.get(action.name()) : state.getKey();
                tests.add(DynamicTest.dynamicTest(action + " from " + state.getKey(), () -> {
                    String[] app = allowed ? Workflow.applicationIn(state.getKey(), "371521", round) : shared;
                    var response = Workflow.act(Workflow.as(action.name(), app[1], "371521"), app[0], action.name());
                    if (allowed) {
                        response.statusCode(200).body("status", equalTo(expected));
                    } else {
                        response.statusCode(409)
                                .contentType("application/problem+json")
                                .body("status", equalTo(409))
                                .body("allowedActionsAnyRole", equalTo(state.getValue()))
                                .body("allowedActions", equalTo(state.getValue().stream()
                                        .filter(a -> TAKEN_BY.get(a).equals(TAKEN_BY.get(action.name()))).toList()));
                    }
                    TestData.city().get("/api/v1/applications/" + app[0]).then().statusCode(200)
                            .body("status", equalTo(expected));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theTableMatchesTheWorkflow() {
        return Arrays.stream(ApplicationStatus.values()).map(s -> DynamicTest.dynamicTest(s.name(), () ->
                org.junit.jupiter.api.Assertions.assertEquals(ALLOWED.get(s.name()),
                        ApplicationAction.allowedFrom(s).stream().map(Enum::name).toList())));
    }
}
