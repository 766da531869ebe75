package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole-institution cases, one YAML file per build mode under src/test/resources/eligibility/scenarios/. The
 * {@code facts} block is read with Jackson straight into {@link Facts}, so it is also the JSON the service
 * accepts. See the comment at the top of each file for the format.
 */
class ScenarioTest {

    static final String[] FILES = {"single.yaml", "joint.yaml", "industry.yaml"};

    /** One case: facts, the evaluation date, optional policy parameter overrides, and what to expect. */
    record Scenario(String name, LocalDate asOf, JsonNode policy, Facts facts, Expectation expect) {
    }

    record Expectation(Boolean qualified, List<String> unmet, List<ParticipantResult> participants,
            List<Criterion> criteria, List<Criterion> allCriteria) {
    }

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = Fixtures.resource("/eligibility/scenarios/" + file)) {
                List<Scenario> scenarios = Fixtures.YAML.readValue(in, new TypeReference<List<Scenario>>() { });
                for (Scenario s : scenarios) {
                    all.add(Arguments.of(Named.of(file + ": " + s.name(), s)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(file, e);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario s) {
        Policy policy = Fixtures.policyWith(s.policy());
        Result result = Eligibility.evaluate(s.facts(), policy, s.asOf() == null ? Fixtures.AS_OF : s.asOf());
        Expectation expect = s.expect();

        assertEquals(policy.id(), result.policyId());
        assertEquals(s.facts().buildMode(), result.buildMode());
        if (expect.qualified() != null) {
            assertEquals(expect.qualified(), result.qualified(), "qualified; unmet " + Fixtures.unmetCodes(result));
        }
        if (expect.unmet() != null) {
            assertEquals(expect.unmet(), Fixtures.unmetCodes(result), "unmet");
        }
        if (expect.participants() != null) {
            assertEquals(expect.participants().size(), result.participants().size(), "participants");
            for (int i = 0; i < expect.participants().size(); i++) {
                assertParticipant(expect.participants().get(i), result.participants().get(i));
            }
        }
        if (expect.criteria() != null) {
            for (Criterion expected : expect.criteria()) {
                assertCriterion(expected, find(result, expected));
            }
        }
        if (expect.allCriteria() != null) {
            assertEquals(expect.allCriteria().size(), result.criteria().size(), "criteria " + result.criteria());
            for (int i = 0; i < expect.allCriteria().size(); i++) {
                assertCriterion(expect.allCriteria().get(i), result.criteria().get(i));
            }
        }
        // Whatever the case: unmet() is exactly the criteria that are not met, in order.
        List<Criterion> unmet = new ArrayList<>();
        for (Criterion c : result.criteria()) {
            if (!c.met()) {
                unmet.add(c);
            }
        }
        assertEquals(unmet, result.unmet());
    }

    private static void assertParticipant(ParticipantResult expected, ParticipantResult actual) {
        String who = expected.creditCode() + ": ";
        assertEquals(expected.creditCode(), actual.creditCode(), "creditCode");
        assertEquals(expected.sizeClass(), actual.sizeClass(), who + "sizeClass");
        assertEquals(expected.standardTier(), actual.standardTier(), who + "standardTier");
        assertEquals(expected.qualified(), actual.qualified(), who + "qualified");
        assertEquals(expected.subsidyTier(), actual.subsidyTier(), who + "subsidyTier");
        BigDecimal amount = expected.subsidyAmount() == null ? BigDecimal.ZERO : expected.subsidyAmount();
        assertEquals(0, amount.compareTo(actual.subsidyAmount()), who + "subsidyAmount " + actual.subsidyAmount());
        assertEquals(expected.subsidyReason(), actual.subsidyReason(), who + "subsidyReason");
    }

    private static Criterion find(Result result, Criterion expected) {
        for (Criterion c : result.criteria()) {
            if (c.code() == expected.code() && java.util.Objects.equals(c.participant(), expected.participant())) {
                return c;
            }
        }
        return fail("no " + expected.code() + " for " + expected.participant() + " in " + result.criteria());
    }

    private static void assertCriterion(Criterion expected, Criterion actual) {
        String what = expected.code() + (expected.participant() == null ? "" : "/" + expected.participant()) + ": ";
        assertEquals(expected.code(), actual.code(), what + "code");
        assertEquals(expected.participant(), actual.participant(), what + "participant");
        assertTrue(Fixtures.sameValue(expected.required(), actual.required()),
                what + "required " + expected.required() + " but was " + actual.required());
        assertTrue(Fixtures.sameValue(expected.actual(), actual.actual()),
                what + "actual " + expected.actual() + " but was " + actual.actual());
        assertEquals(expected.met(), actual.met(), what + "met");
    }
}
