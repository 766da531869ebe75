package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parameter document of liaocheng-2020, as the service seeds it: valid JSON that maps onto Policy. */
class PolicyDocumentTest {

    private static final Policy POLICY = Fixtures.policy();

    @Test
    void identity() {
        assertEquals("liaocheng-2020", POLICY.id());
        assertEquals(LocalDate.of(2020, 4, 26), POLICY.effectiveFrom());
        assertEquals("聊城市规模以上工业企业研发机构全覆盖行动方案", POLICY.title());
    }

    @Test
    void sizeClassificationOfStatisticsBureau2017() {
        SizeClassification s = POLICY.sizeClassification();
        assertEquals(new SizeBound(1000, new BigDecimal("400000000")), s.large());
        assertEquals(new SizeBound(300, new BigDecimal("20000000")), s.medium());
        assertEquals(new SizeBound(20, new BigDecimal("3000000")), s.small());
        assertEquals(new BigDecimal("20000000"), POLICY.aboveDesignatedSizeRevenue());
        assertEquals(1, POLICY.minCooperations());
    }

    @Test
    void constructionStandardsAndAwards() {
        assertEquals(new Standard(10, new BigDecimal("1000000"), new BigDecimal("2000000"), new BigDecimal("100"), 5),
                POLICY.standards().get(Tier.LARGE));
        assertEquals(new Standard(5, new BigDecimal("500000"), new BigDecimal("500000"), new BigDecimal("50"), 3),
                POLICY.standards().get(Tier.MEDIUM));
        assertEquals(new Standard(3, new BigDecimal("200000"), new BigDecimal("200000"), new BigDecimal("20"), 1),
                POLICY.standards().get(Tier.SMALL));
        assertEquals(Map.of(Tier.LARGE, new BigDecimal("200000"), Tier.MEDIUM, new BigDecimal("100000"),
                Tier.SMALL, new BigDecimal("50000")), POLICY.awards());
    }

    @Test
    void interpretations() {
        Interpretations in = POLICY.interpretations();
        assertEquals(Tier.SMALL, in.microTier());
        assertTrue(in.jointRequiresEveryParticipant());
        assertFalse(in.industryCapacityRequired());
        assertFalse(in.industryCooperationRequired());
        assertFalse(in.industryModeSubsidised());
        assertEquals(Map.of(PlatformKind.INDUSTRY_INSTITUTE, CertificationLevel.NONE,
                PlatformKind.INNOVATION_COMMUNITY, CertificationLevel.CITY,
                PlatformKind.INDUSTRY_ALLIANCE, CertificationLevel.CITY), in.platformMinCertification());
    }

    @Test
    void tierForMapsMicroToTheSmallColumn() {
        assertEquals(Tier.LARGE, POLICY.tierFor(SizeClass.LARGE));
        assertEquals(Tier.MEDIUM, POLICY.tierFor(SizeClass.MEDIUM));
        assertEquals(Tier.SMALL, POLICY.tierFor(SizeClass.SMALL));
        assertEquals(Tier.SMALL, POLICY.tierFor(SizeClass.MICRO));
    }

    @Test
    void moneyIsWrittenAsPlainJsonIntegers() {
        JsonNode doc = Fixtures.policyJson();
        assertTrue(doc.get("aboveDesignatedSizeRevenue").isIntegralNumber());
        for (String bound : new String[] {"large", "medium", "small"}) {
            assertTrue(doc.get("sizeClassification").get(bound).get("revenue").isIntegralNumber(), bound);
        }
        for (String tier : new String[] {"LARGE", "MEDIUM", "SMALL"}) {
            assertTrue(doc.get("awards").get(tier).isIntegralNumber(), tier);
            JsonNode standard = doc.get("standards").get(tier);
            for (String field : new String[] {"equipmentValue", "rdExpenditure", "floorArea"}) {
                assertTrue(standard.get(field).isIntegralNumber(), tier + "." + field);
            }
        }
    }

    @Test
    void serialisesBackToTheSameDocument() throws Exception {
        JsonNode written = Fixtures.JSON.readTree(Fixtures.JSON.writeValueAsString(POLICY));
        assertEquals(Fixtures.policyJson(), written);
        assertEquals(POLICY, Fixtures.JSON.treeToValue(written, Policy.class));
    }

    @Test
    void unknownFieldNamesAreRejected() {
        ObjectNode doc = (ObjectNode) Fixtures.policyJson();
        doc.put("minCooperation", 1);
        assertThrows(UnrecognizedPropertyException.class, () -> Fixtures.JSON.treeToValue(doc, Policy.class));
    }

    @Test
    void aDocumentWithoutAColumnIsRejected() {
        ObjectNode doc = (ObjectNode) Fixtures.policyJson();
        ((ObjectNode) doc.get("awards")).remove("SMALL");
        ValueInstantiationException e = assertThrows(ValueInstantiationException.class,
                () -> Fixtures.JSON.treeToValue(doc, Policy.class));
        assertTrue(e.getMessage().contains("awards.SMALL is required"), e.getMessage());
    }

    @Test
    void aMissingPlatformMinimumIsRejectedNotDefaulted() {
        ObjectNode doc = (ObjectNode) Fixtures.policyJson();
        ((ObjectNode) doc.get("interpretations").get("platformMinCertification")).remove("INNOVATION_COMMUNITY");
        ValueInstantiationException e = assertThrows(ValueInstantiationException.class,
                () -> Fixtures.JSON.treeToValue(doc, Policy.class));
        assertTrue(e.getMessage().contains("interpretations.platformMinCertification.INNOVATION_COMMUNITY is required"),
                e.getMessage());
    }

    @Test
    void everyParameterCitesItsClause() {
        Map<String, String> clauses = Map.ofEntries(
                Map.entry("sizeClassification", "三 第二段"),
                Map.entry("aboveDesignatedSizeRevenue", "一（一）"),
                Map.entry("minCooperations", "三（四）"),
                Map.entry("standards", "三（一）至（三）"),
                Map.entry("awards", "六（二）"),
                Map.entry("interpretations.microTier", "三 第二段"),
                Map.entry("interpretations.jointRequiresEveryParticipant", "四（二）"),
                Map.entry("interpretations.industryCapacityRequired", "四（三）"),
                Map.entry("interpretations.industryCooperationRequired", "四（三）"),
                Map.entry("interpretations.industryModeSubsidised", "六（二）"),
                Map.entry("interpretations.platformMinCertification", "四（三）"));
        assertEquals(clauses.keySet(), POLICY.references().keySet());
        clauses.forEach((parameter, clause) -> assertTrue(POLICY.reference(parameter).contains(clause),
                parameter + ": " + POLICY.reference(parameter)));
        assertTrue(POLICY.reference("awards").contains("大型企业20万元、中型企业10万元、小型企业5万元"));
    }

    @Test
    void theSeedOfChangeset003AndTheReferencedDocumentHoldTheSameValues() throws Exception {
        ObjectNode referenced = (ObjectNode) Fixtures.policyJson();
        referenced.remove("references");
        try (java.io.InputStream in = Fixtures.class.getResourceAsStream("/db/policies/liaocheng-2020.json")) {
            assertEquals(Fixtures.JSON.readTree(in), referenced);
        }
    }

    @Test
    void theBenchmarkUsesTheSamePolicy() {
        assertEquals(POLICY, EligibilityThroughput.liaocheng2020());
    }
}
