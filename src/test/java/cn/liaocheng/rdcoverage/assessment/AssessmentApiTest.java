package cn.liaocheng.rdcoverage.assessment;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AssessmentApiTest {
    static final String DESIGN_EXAMPLE = """
            {"asOf":"2021-06-30","buildMode":"SINGLE","participants":[{"creditCode":"91350100M000100Y43","employees":350,"revenue":52000000,"aboveDesignatedSize":true,"previouslyAwarded":false}],"capacity":{"personnel":6,"equipmentValue":600000,"rdExpenditure":520000,"floorArea":60,"projectCount":3,"hasRules":true,"hasStableFunding":true},"cooperations":[{"partner":"聊城大学","partnerKind":"UNIVERSITY","signedOn":"2020-09-01","validUntil":null,"activities":"联合开展工艺改进项目"}]}
            """;

    @Test
    void theDesignExampleQualifiesForTheMediumAward() {
        city().contentType("application/json").body(DESIGN_EXAMPLE).post("/api/v1/eligibility-assessments").then()
                .statusCode(200)
                .body("qualified", equalTo(true))
                .body("policyId", equalTo("liaocheng-2020"))
                .body("asOf", equalTo("2021-06-30"))
                .body("buildMode", equalTo("SINGLE"))
                .body("participants[0].creditCode", equalTo("91350100M000100Y43"))
                .body("participants[0].sizeClass", equalTo("MEDIUM"))
                .body("participants[0].standardTier", equalTo("MEDIUM"))
                .body("participants[0].subsidyTier", equalTo("MEDIUM"))
                .body("participants[0].subsidyAmount", equalTo(100000))
                .body("criteria.find { it.code == 'PERSONNEL' }.required", equalTo(5))
                .body("criteria.find { it.code == 'PERSONNEL' }.actual", equalTo(6))
                .body("criteria.find { it.code == 'PERSONNEL' }.participant", equalTo("91350100M000100Y43"));
    }

    @Test
    void unmetCriteriaShowWhatIsMissing() {
        String body = DESIGN_EXAMPLE.replace("\"personnel\":6", "\"personnel\":4").replace("\"aboveDesignatedSize\":true,", "");
        city().contentType("application/json").body(body).post("/api/v1/eligibility-assessments").then()
                .statusCode(200)
                .body("qualified", equalTo(false))
                .body("criteria.findAll { !it.met }.code", equalTo(java.util.List.of("PERSONNEL")))
                .body("participants[0].subsidyAmount", equalTo(0))
                .body("participants[0].subsidyReason", equalTo("NOT_QUALIFIED"));
    }

    @Test
    void aJointRequestWithOneParticipantIsAResultNotAnError() {
        String body = DESIGN_EXAMPLE.replace("\"SINGLE\"", "\"JOINT\"");
        city().contentType("application/json").body(body).post("/api/v1/eligibility-assessments").then()
                .statusCode(200)
                .body("qualified", equalTo(false))
                .body("criteria.find { it.code == 'PARTICIPANT_COUNT' }.met", equalTo(false));
    }

    @Test
    void badInputIsA400NamingTheField() {
        city().contentType("application/json").body(DESIGN_EXAMPLE.replace("\"personnel\":6", "\"personnel\":-6"))
                .post("/api/v1/eligibility-assessments").then().statusCode(400)
                .body("errors[0].field", equalTo("capacity.personnel"));
        city().contentType("application/json").body(DESIGN_EXAMPLE.replace("\"SINGLE\"", "\"SOLO\""))
                .post("/api/v1/eligibility-assessments").then().statusCode(400)
                .body("errors[0].field", equalTo("buildMode"))
                .body("errors[0].message", containsString("JOINT"));
        for (String notADate : new String[] {"2021-13-45", "2023-02-29", "2021-6-30", "30.06.2021", ""}) {
            city().contentType("application/json").body(DESIGN_EXAMPLE.replace("2021-06-30", notADate))
                    .post("/api/v1/eligibility-assessments").then().statusCode(400)
                    .body("errors[0].field", equalTo("asOf"));
        }
        city().contentType("application/json").body(DESIGN_EXAMPLE.replace("2021-06-30", "2024-02-29"))
                .post("/api/v1/eligibility-assessments").then().statusCode(200).body("asOf", equalTo("2024-02-29"));
        city().contentType("application/json").body(DESIGN_EXAMPLE.replace("\"employees\":350,", ""))
                .post("/api/v1/eligibility-assessments").then().statusCode(400)
                .body("errors.field", hasItem("participants[0].employees"));
        city().contentType("application/json").body(DESIGN_EXAMPLE.replace("91350100M000100Y43", "91350100M000100Y44"))
                .post("/api/v1/eligibility-assessments").then().statusCode(400)
                .body("errors[0].field", equalTo("participants[0].creditCode"));
    }

    @Test
    void beforeTheFirstPolicyNothingWasInForce() {
        city().contentType("application/json").body(DESIGN_EXAMPLE.replace("2021-06-30", "2019-12-31"))
                .post("/api/v1/eligibility-assessments").then().statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("No policy was in force on 2019-12-31"))
                .body("firstEffectiveFrom", equalTo("2020-04-26"));
    }
}
