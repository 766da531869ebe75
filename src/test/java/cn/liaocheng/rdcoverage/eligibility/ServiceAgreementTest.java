package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Table: src/test/resources/eligibility/service-agreements.csv */
class ServiceAgreementTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/eligibility/service-agreements.csv", numLinesToSkip = 1)
    void serviceAgreementInForce(String name, LocalDate signedOn, LocalDate validUntil, LocalDate asOf,
            boolean valid, String actual) {
        Facts facts = new Facts(BuildMode.INDUSTRY, List.of(Fixtures.designParticipant()), null, null,
                new Platform("聊城产业技术研究院", PlatformKind.INDUSTRY_INSTITUTE, CertificationLevel.NONE),
                new ServiceAgreement("专家服务团", signedOn, validUntil));
        Result result = Eligibility.evaluate(facts, Fixtures.policy(), asOf);

        assertEquals(new Criterion(CriterionCode.SERVICE_AGREEMENT_VALID, null, "in force on " + asOf, actual, valid),
                Fixtures.criterion(result, CriterionCode.SERVICE_AGREEMENT_VALID));
        assertEquals(valid, result.qualified(), "qualified");
        assertEquals(valid ? List.of() : List.of("SERVICE_AGREEMENT_VALID"), Fixtures.unmetCodes(result));
    }
}
