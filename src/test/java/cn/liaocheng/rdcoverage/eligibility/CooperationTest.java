package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Table: src/test/resources/eligibility/cooperations.csv */
class CooperationTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/eligibility/cooperations.csv", numLinesToSkip = 1)
    void academicCooperation(String name, PartnerKind partnerKind, LocalDate signedOn, LocalDate validUntil,
            String activities, LocalDate asOf, boolean counted) {
        Cooperation cooperation = new Cooperation("聊城大学", partnerKind, signedOn, validUntil, activities);
        Facts facts = new Facts(BuildMode.SINGLE, List.of(Fixtures.designParticipant()), Fixtures.designCapacity(),
                List.of(cooperation), null, null);
        Result result = Eligibility.evaluate(facts, Fixtures.policy(), asOf);

        Criterion c = Fixtures.criterion(result, CriterionCode.ACADEMIC_COOPERATION);
        assertEquals(new Criterion(CriterionCode.ACADEMIC_COOPERATION, null, 1, counted ? 1 : 0, counted), c);
        assertEquals(counted, result.qualified(), "qualified");
        assertEquals(counted ? List.of() : List.of("ACADEMIC_COOPERATION"), Fixtures.unmetCodes(result));
    }
}
