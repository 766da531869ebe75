package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Table: src/test/resources/eligibility/platforms.csv */
class PlatformTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvFileSource(resources = "/eligibility/platforms.csv", numLinesToSkip = 1)
    void platformEligible(PlatformKind kind, CertificationLevel certificationLevel, boolean eligible, String required,
            String actual) {
        Facts facts = new Facts(BuildMode.INDUSTRY, List.of(Fixtures.designParticipant()), null, null,
                new Platform("聊城市新材料产业技术创新联盟", kind, certificationLevel),
                new ServiceAgreement("专家服务团", LocalDate.parse("2021-01-01"), LocalDate.parse("2022-12-31")));
        Result result = Eligibility.evaluate(facts, Fixtures.policy(), Fixtures.AS_OF);

        assertEquals(new Criterion(CriterionCode.PLATFORM_ELIGIBLE, null, required, actual, eligible),
                Fixtures.criterion(result, CriterionCode.PLATFORM_ELIGIBLE));
        assertEquals(eligible, result.qualified(), "qualified");
        assertEquals(eligible ? List.of() : List.of("PLATFORM_ELIGIBLE"), Fixtures.unmetCodes(result));
    }
}
