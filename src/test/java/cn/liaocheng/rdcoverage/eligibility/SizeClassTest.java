package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Table: src/test/resources/eligibility/size-classes.csv */
class SizeClassTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/eligibility/size-classes.csv", numLinesToSkip = 1)
    void sizeClassAndColumn(String name, long employees, BigDecimal revenue, SizeClass sizeClass, Tier standardTier) {
        Policy policy = Fixtures.policy();
        assertEquals(sizeClass, policy.sizeClassification().classify(employees, revenue), "classify");
        assertEquals(standardTier, policy.tierFor(sizeClass), "tierFor");

        Participant participant = new Participant(Fixtures.A, employees, revenue, null, false);
        Facts facts = new Facts(BuildMode.SINGLE, List.of(participant), Fixtures.largeCapacity(),
                List.of(Fixtures.designCooperation()), null, null);
        ParticipantResult result = Eligibility.evaluate(facts, policy, Fixtures.AS_OF).participants().get(0);
        assertEquals(sizeClass, result.sizeClass(), "evaluate: sizeClass");
        assertEquals(standardTier, result.standardTier(), "evaluate: standardTier");
    }
}
