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

/** From every state, every action the workflow does not allow is a 409 naming the allowed ones (the caller's, and any role's). */
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

    @TestFactory
    Stream<DynamicTest> everyIllegalTransitionIs409() {
        String round = Workflow.openRound();
        List<DynamicTest> tests = new ArrayList<>();
        for (var state : ALLOWED.entrySet()) {
            String[] app = Workflow.applicationIn(state.getKey(), "371521", round);
            for (ApplicationAction action : ApplicationAction.values()) {
                if (state.getValue().contains(action.name())) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(action + " from " + state.getKey(), () ->
                        Workflow.act(Workflow.as(action.name(), app[1], "371521"), app[0], action.name())
                                .statusCode(409)
                                .contentType("application/problem+json")
                                .body("status", equalTo(409))
                                .body("allowedActionsAnyRole", equalTo(state.getValue()))
                                .body("allowedActions", equalTo(state.getValue().stream()
                                        .filter(a -> TAKEN_BY.get(a).equals(TAKEN_BY.get(action.name()))).toList()))));
            }
        }
        return tests.stream();
    }

    /** Where each action leads (docs/domain.md section 5). */
    static final Map<String, String> LEADS_TO = Map.of("SUBMIT", "SUBMITTED", "WITHDRAW", "WITHDRAWN",
            "COUNTY_APPROVE", "COUNTY_APPROVED", "RETURN", "RETURNED", "COUNTY_REJECT", "COUNTY_REJECTED",
            "START_ASSESSMENT", "UNDER_ASSESSMENT", "RECOGNIZE", "RECOGNIZED", "REJECT", "REJECTED");

    /** The other half of the table: from every state, every allowed action by its role is a 200 to its state, stored. */
    @TestFactory
    Stream<DynamicTest> everyAllowedTransitionLeadsToItsState() {
        String round = Workflow.openRound();
        List<DynamicTest> tests = new ArrayList<>();
        for (var state : ALLOWED.entrySet()) {
            for (String action : state.getValue()) {
                tests.add(DynamicTest.dynamicTest(action + " from " + state.getKey(), () -> {
                    String[] app = Workflow.applicationIn(state.getKey(), "371521", round);
                    Workflow.act(Workflow.as(action, app[1], "371521"), app[0], action).statusCode(200)
                            .body("status", equalTo(LEADS_TO.get(action)));
                    TestData.city().get("/api/v1/applications/" + app[0]).then().statusCode(200)
                            .body("status", equalTo(LEADS_TO.get(action)));
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
