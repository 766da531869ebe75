package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Table: src/test/resources/eligibility/subsidies.csv */
class SubsidyTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/eligibility/subsidies.csv", numLinesToSkip = 1)
    void award(String name, BuildMode buildMode, long employees, BigDecimal revenue, Boolean aboveDesignatedSize,
            boolean previouslyAwarded, boolean meetsStandard, SizeClass sizeClass, Tier subsidyTier,
            BigDecimal subsidyAmount, SubsidyReason subsidyReason) {
        Participant participant = new Participant(Fixtures.A, employees, revenue, aboveDesignatedSize,
                previouslyAwarded);
        Facts facts;
        if (buildMode == BuildMode.INDUSTRY) {
            facts = new Facts(BuildMode.INDUSTRY, List.of(participant), null, null,
                    new Platform("聊城产业技术研究院", PlatformKind.INDUSTRY_INSTITUTE, CertificationLevel.NONE),
                    new ServiceAgreement("专家服务团", LocalDate.parse("2021-01-01"),
                            meetsStandard ? null : LocalDate.parse("2021-03-31")));
        } else {
            Capacity capacity = new Capacity(10, Fixtures.yuan(1_000_000), Fixtures.yuan(2_000_000),
                    Fixtures.yuan(100), 5, meetsStandard, true);
            facts = Fixtures.single(participant, capacity);
        }
        Result result = Eligibility.evaluate(facts, Fixtures.policy(), Fixtures.AS_OF);

        assertEquals(meetsStandard, result.qualified(), "qualified");
        ParticipantResult p = result.participants().get(0);
        assertEquals(sizeClass, p.sizeClass(), "sizeClass");
        assertEquals(meetsStandard, p.qualified(), "participant qualified");
        assertEquals(subsidyTier, p.subsidyTier(), "subsidyTier");
        assertEquals(0, subsidyAmount.compareTo(p.subsidyAmount()), "subsidyAmount " + p.subsidyAmount());
        assertEquals(subsidyReason, p.subsidyReason(), "subsidyReason");
        if (subsidyReason != null) {
            assertEquals(BigDecimal.ZERO, p.subsidyAmount(), "no award is exactly BigDecimal.ZERO");
        }
    }
}
