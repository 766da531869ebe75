package cn.liaocheng.rdcoverage.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service serialises these records with Jackson as they are: the record component names are the JSON
 * contract of docs/domain.md section 4. A renamed component or an extra accessor picked up as a property breaks it.
 */
class JsonContractTest {

    private static JsonNode designResultJson() throws Exception {
        Result result = Eligibility.evaluate(Fixtures.single(Fixtures.designParticipant(), Fixtures.designCapacity()),
                Fixtures.policy(), Fixtures.AS_OF);
        return Fixtures.JSON.readTree(Fixtures.JSON.writeValueAsString(result));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void resultFieldNames() throws Exception {
        JsonNode json = designResultJson();
        assertEquals(List.of("qualified", "policyId", "asOf", "buildMode", "participants", "criteria"), names(json));
        assertEquals(List.of("creditCode", "sizeClass", "standardTier", "qualified", "subsidyTier", "subsidyAmount",
                "subsidyReason"), names(json.get("participants").get(0)));
        assertEquals(List.of("code", "participant", "required", "actual", "met", "unit", "total", "sharedBy"),
                names(json.get("criteria").get(0)));
    }

    @Test
    void resultValuesAreJsonNumbersBooleansAndIsoDates() throws Exception {
        JsonNode json = designResultJson();
        assertEquals("liaocheng-2020", json.get("policyId").asText());
        assertEquals("2021-06-30", json.get("asOf").asText());
        assertEquals("SINGLE", json.get("buildMode").asText());
        JsonNode participant = json.get("participants").get(0);
        assertTrue(participant.get("subsidyAmount").isIntegralNumber());
        assertEquals(100000, participant.get("subsidyAmount").asInt());
        assertTrue(participant.get("subsidyReason").isNull());
        JsonNode equipment = json.get("criteria").get(2);
        assertEquals("EQUIPMENT_VALUE", equipment.get("code").asText());
        assertEquals("91371500MA3C00001J", equipment.get("participant").asText());
        assertTrue(equipment.get("required").isIntegralNumber());
        assertEquals(600000, equipment.get("actual").asInt());
        JsonNode rules = json.get("criteria").get(7);
        assertTrue(rules.get("required").isBoolean());
        assertTrue(rules.get("participant").isNull());
    }

    @Test
    void jointAveragesAreWrittenPlain() throws Exception {
        Facts facts = new Facts(BuildMode.JOINT,
                List.of(new Participant(Fixtures.A, 100, Fixtures.yuan(25_000_000), null, false),
                        new Participant(Fixtures.B, 100, Fixtures.yuan(25_000_000), null, false)),
                new Capacity(3, Fixtures.yuan(2_000_000), Fixtures.yuan(1_000_001), Fixtures.yuan(40), 1, true, true),
                List.of(Fixtures.designCooperation()), null, null);
        String json = Fixtures.JSON.writeValueAsString(Eligibility.evaluate(facts, Fixtures.policy(), Fixtures.AS_OF));
        assertTrue(json.contains("\"actual\":1000000,"), json);
        assertTrue(json.contains("\"actual\":500000.5,"), json);
        assertTrue(json.contains("\"actual\":20,"), json);
    }

    @Test
    void factsRoundTrip() throws Exception {
        Facts facts = new Facts(BuildMode.INDUSTRY, List.of(Fixtures.designParticipant()), Fixtures.designCapacity(),
                List.of(Fixtures.designCooperation()),
                new Platform("聊城产业技术研究院", PlatformKind.INDUSTRY_INSTITUTE, CertificationLevel.NONE),
                new ServiceAgreement("专家服务团", Fixtures.AS_OF, null));
        String json = Fixtures.JSON.writeValueAsString(facts);
        assertEquals(facts, Fixtures.JSON.readValue(json, Facts.class));
        assertEquals(List.of("buildMode", "participants", "capacity", "cooperations", "platform", "serviceAgreement"),
                names(Fixtures.JSON.readTree(json)));
    }

    @Test
    void missingListsReadAsEmpty() throws Exception {
        Facts facts = Fixtures.JSON.readValue("{\"buildMode\":\"SINGLE\"}", Facts.class);
        assertEquals(List.of(), facts.participants());
        assertEquals(List.of(), facts.cooperations());
    }
}
