package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Table: src/test/resources/eligibility/above-designated-size.csv */
class AboveDesignatedSizeTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/eligibility/above-designated-size.csv", numLinesToSkip = 1)
    void aboveDesignatedSize(String name, BigDecimal revenue, Boolean reported, boolean aboveDesignatedSize,
            BigDecimal subsidyAmount, SubsidyReason subsidyReason) {
        Participant participant = new Participant(Fixtures.A, 100, revenue, reported, false);
        assertEquals(aboveDesignatedSize, Fixtures.policy().aboveDesignatedSize(participant), "aboveDesignatedSize");

        Result result = Eligibility.evaluate(Fixtures.single(participant, Fixtures.largeCapacity()),
                Fixtures.policy(), Fixtures.AS_OF);
        assertTrue(result.qualified(), "qualified");
        ParticipantResult p = result.participants().get(0);
        assertEquals(0, subsidyAmount.compareTo(p.subsidyAmount()), "subsidyAmount " + p.subsidyAmount());
        assertEquals(subsidyReason, p.subsidyReason(), "subsidyReason");
    }
}
