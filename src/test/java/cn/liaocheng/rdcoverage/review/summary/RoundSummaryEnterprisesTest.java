package cn.liaocheng.rdcoverage.review.summary;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static cn.liaocheng.rdcoverage.review.Workflow.act;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 认定企业数 in the round summary counts enterprises, not recognitions: an enterprise recognised through its own
 * institution and a joint one in the same round is one enterprise (tester's defect: 11 recognitions of 8 enterprises
 * were reported as 11).
 */
@QuarkusTest
class RoundSummaryEnterprisesTest {
    static final String REGION = "371524";   // 东阿县

    @Test
    void anEnterpriseOfTwoRecognisedInstitutionsCountsOnce() {
        String round = Workflow.openRound();
        String x = Workflow.enterprise(REGION, 350, 52_000_000);
        String y = Workflow.enterprise(REGION, 350, 52_000_000);
        recognise(x, Workflow.institution(x), round);
        String joint = Workflow.jointInstitution(x, y);
        recognise(x, joint, round);

        JsonPath s = city().get("/api/v1/rounds/" + round + "/summary").then().statusCode(200).extract().jsonPath();
        assertEquals(3, s.getList("recognitions.findAll { it.regionCode == '" + REGION + "' }").size());
        Map<String, Object> region = s.getMap("regions.find { it.regionCode == '" + REGION + "' }");
        assertEquals(2, region.get("recognizedInstitutions"));
        assertEquals(2, region.get("recognizedEnterprises"));
        assertEquals(2, s.getInt("city.recognizedEnterprises"));
        assertEquals(2, s.getInt("city.recognizedInstitutions"));
    }

    private static void recognise(String lead, String institution, String round) {
        String app = Workflow.apply(lead, institution, round);
        act(TestData.enterprise(lead), app, "SUBMIT").statusCode(200);
        act(TestData.county(REGION), app, "COUNTY_APPROVE").statusCode(200);
        act(city(), app, "START_ASSESSMENT").statusCode(200);
        // the joint one falls short per participant (equipment ÷ 2): recognised by override
        act(city(), app, Map.of("action", "RECOGNIZE", "override", true, "reason", "工作专班研究同意")).statusCode(200);
    }
}
