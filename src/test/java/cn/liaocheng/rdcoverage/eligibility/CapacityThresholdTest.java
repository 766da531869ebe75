package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Table: src/test/resources/eligibility/capacity-thresholds.csv */
class CapacityThresholdTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/eligibility/capacity-thresholds.csv", numLinesToSkip = 1)
    void capacityAgainstTheOwnColumn(String name, long employees, BigDecimal revenue, int personnel,
            BigDecimal equipmentValue, BigDecimal rdExpenditure, BigDecimal floorArea, int projectCount,
            SizeClass sizeClass, boolean qualified, String unmet) {
        Policy policy = Fixtures.policy();
        Participant participant = new Participant(Fixtures.A, employees, revenue, null, false);
        Capacity capacity = new Capacity(personnel, equipmentValue, rdExpenditure, floorArea, projectCount, true, true);
        Result result = Eligibility.evaluate(Fixtures.single(participant, capacity), policy, Fixtures.AS_OF);

        assertEquals(qualified, result.qualified(), "qualified");
        List<String> expectedUnmet = new ArrayList<>();
        for (String code : Fixtures.words(unmet)) {
            expectedUnmet.add(code + "/" + Fixtures.A);
        }
        assertEquals(expectedUnmet, Fixtures.unmetCodes(result), "unmet");

        ParticipantResult p = result.participants().get(0);
        assertEquals(sizeClass, p.sizeClass(), "sizeClass");
        assertEquals(qualified, p.qualified(), "participant qualified");

        // Every capacity criterion reports the column's bound as required and the declared value as actual.
        Standard standard = policy.standards().get(policy.tierFor(sizeClass));
        assertEquals(p.standardTier(), policy.tierFor(sizeClass));
        assertReported(result, CriterionCode.PERSONNEL, standard.personnel(), personnel);
        assertReported(result, CriterionCode.EQUIPMENT_VALUE, standard.equipmentValue(), equipmentValue);
        assertReported(result, CriterionCode.RD_EXPENDITURE, standard.rdExpenditure(), rdExpenditure);
        assertReported(result, CriterionCode.FLOOR_AREA, standard.floorArea(), floorArea);
        assertReported(result, CriterionCode.PROJECT_COUNT, standard.projectCount(), projectCount);
    }

    private static void assertReported(Result result, CriterionCode code, Object required, Object actual) {
        Criterion c = Fixtures.criterion(result, code);
        assertEquals(Fixtures.A, c.participant(), code + " participant");
        assertTrue(Fixtures.sameValue(required, c.required()), code + " required " + c.required());
        assertTrue(Fixtures.sameValue(actual, c.actual()), code + " actual " + c.actual());
    }
}
