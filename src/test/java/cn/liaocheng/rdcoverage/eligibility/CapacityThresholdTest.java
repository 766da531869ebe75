package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Table: src/test/resources/eligibility/capacity-thresholds.csv */
class CapacityThresholdTest {
    /**
     * The columns of the construction standard as the policy text gives them (the CSV's header comment), written out
     * by hand, not read from the policy: tier, personnel, equipment value (yuan), R&D expenditure (yuan), floor area
     * (m²), project count. MICRO is judged by the SMALL column (interpretation microTier, SMALL in liaocheng-2020).
     */
    private static final Map<SizeClass, Object[]> COLUMN = Map.of(
            SizeClass.LARGE, new Object[] {Tier.LARGE, 10, 1_000_000, 2_000_000, 100, 5},
            SizeClass.MEDIUM, new Object[] {Tier.MEDIUM, 5, 500_000, 500_000, 50, 3},
            SizeClass.SMALL, new Object[] {Tier.SMALL, 3, 200_000, 200_000, 20, 1},
            SizeClass.MICRO, new Object[] {Tier.SMALL, 3, 200_000, 200_000, 20, 1});

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
        Object[] column = COLUMN.get(sizeClass);
        assertEquals(column[0], p.standardTier(), "standardTier");
        assertReported(result, CriterionCode.PERSONNEL, column[1], personnel);
        assertReported(result, CriterionCode.EQUIPMENT_VALUE, column[2], equipmentValue);
        assertReported(result, CriterionCode.RD_EXPENDITURE, column[3], rdExpenditure);
        assertReported(result, CriterionCode.FLOOR_AREA, column[4], floorArea);
        assertReported(result, CriterionCode.PROJECT_COUNT, column[5], projectCount);
    }

    private static void assertReported(Result result, CriterionCode code, Object required, Object actual) {
        Criterion c = Fixtures.criterion(result, code);
        assertEquals(Fixtures.A, c.participant(), code + " participant");
        assertTrue(Fixtures.sameValue(required, c.required()), code + " required " + c.required());
        assertTrue(Fixtures.sameValue(actual, c.actual()), code + " actual " + c.actual());
    }
}
