package cn.liaocheng.rdcoverage.review.material;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** GET /api/v1/policies/current/required-materials: what the application form shows before an application exists (issue 17). */
@QuarkusTest
class RequiredMaterialsTest {
    static final String PATH = "/api/v1/policies/current/required-materials";

    @Test
    void anEnterpriseSeesTheKindsAJointInstitutionNeedsWithTheirChineseNames() {
        TestData.enterprise(TestData.creditCode("371502")).queryParam("buildMode", "JOINT").get(PATH).then().statusCode(200)
                .body("policyId", equalTo("liaocheng-2020"))
                .body("effectiveFrom", equalTo("2020-04-26"))
                .body("buildModes", hasSize(1))
                .body("buildModes[0].buildMode", equalTo("JOINT"))
                .body("buildModes[0].required.kind", equalTo(List.of("RULES", "COOPERATION_AGREEMENT", "JOINT_FUNDING_AGREEMENT",
                        "PREMISES", "EQUIPMENT_LIST", "RD_EXPENDITURE_PROOF", "PERSONNEL_LIST")))
                .body("buildModes[0].required[2].name", equalTo("多企联建（共同出资）协议"))
                .body("kinds.kind", hasItems("OTHER", "SERVICE_AGREEMENT"))
                .body("kinds", hasSize(9))
                .body("limits.maxFileSize", equalTo(20 * 1024 * 1024))
                .body("limits.maxFiles", equalTo(30))
                .body("limits.contentTypes", hasItems("application/pdf", "application/ofd", "image/jpeg"));
    }

    @Test
    void withoutABuildModeEveryModeIsListed() {
        TestData.county("371502").get(PATH).then().statusCode(200)
                .body("buildModes.buildMode", equalTo(List.of("SINGLE", "JOINT", "INDUSTRY")))
                .body("buildModes[2].required.kind", equalTo(List.of("SERVICE_AGREEMENT")))
                .body("buildModes[2].required[0].name", equalTo("服务协议"))
                .body("buildModes[0].required", hasSize(6));
    }

    @Test
    void beforeTheFirstDocumentNothingIsRequired() {
        TestData.city().queryParam("on", "2019-12-31").queryParam("buildMode", "single").get(PATH).then().statusCode(200)
                .body("on", equalTo("2019-12-31"))
                .body("policyId", nullValue())
                .body("buildModes[0].buildMode", equalTo("SINGLE"))
                .body("buildModes[0].required", hasSize(0));
    }

    @Test
    void malformedParametersAre400NamingThem() {
        TestData.city().queryParam("buildMode", "SOLO").get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("buildMode"));
        TestData.city().queryParam("on", "2020-13-01").get(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("on"));
        RestAssured.given().get(PATH).then().statusCode(401);
    }
}
