package cn.liaocheng.rdcoverage.contract;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.review.Workflow;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue #13, "Problem messages in Chinese and English ... for titles, details and field messages": the conflicts a
 * portal user meets in the workflow have a specific Chinese detail under Accept-Language: zh-CN (naming the same
 * ids as the English one), and the English detail under en; type and status never change with the language.
 */
@QuarkusTest
class ChineseConflictDetailsTest {

    private static RequestSpecification zh(RequestSpecification who) {
        return who.header("Accept-Language", "zh-CN");
    }

    private static RequestSpecification en(RequestSpecification who) {
        return who.header("Accept-Language", "en");
    }

    @Test
    void aDuplicateEnterpriseAndAnEnterpriseInUse() {
        String code = Workflow.enterprise("371502", 350, 52_000_000L);
        Map<String, Object> again = Map.of("creditCode", code, "name", "重复企业", "regionCode", "371502");
        zh(city()).contentType(ContentType.JSON).body(again).post("/api/v1/enterprises").then().statusCode(409)
                .body("type", equalTo("/problems/duplicate"))
                .body("detail", equalTo("企业 " + code + " 已登记；如需修改请使用 PUT /api/v1/enterprises/" + code));
        en(city()).contentType(ContentType.JSON).body(again).post("/api/v1/enterprises").then().statusCode(409)
                .body("detail", containsString("already exists"));

        String institution = Workflow.institution(code);
        zh(city()).header("If-Match", "*").delete("/api/v1/enterprises/" + code).then().statusCode(409)
                .body("type", equalTo("/problems/enterprise-in-use"))
                .body("detail", allOf(containsString("企业 " + code + " 参与了 1 个研发机构（" + institution + "）"),
                        containsString("不能删除")));
    }

    @Test
    void theApplicationWorkflowConflictsInChinese() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371502", 350, 52_000_000L);
        String institution = Workflow.institution(code);
        // an application without its materials cannot be submitted
        String app = TestData.enterprise(code).contentType(ContentType.JSON)
                .body(Map.of("institutionId", institution, "roundId", round))
                .post("/api/v1/applications").then().statusCode(201).extract().path("id");
        zh(TestData.enterprise(code)).contentType(ContentType.JSON).body(Map.of("action", "SUBMIT"))
                .post("/api/v1/applications/" + app + "/transitions").then().statusCode(422)
                .body("type", equalTo("/problems/materials-missing"))
                .body("detail", containsString("研发机构在提交前上传以下材料"));
        // a second live application for the same institution and round
        zh(TestData.enterprise(code)).contentType(ContentType.JSON).body(Map.of("institutionId", institution, "roundId", round))
                .post("/api/v1/applications").then().statusCode(409)
                .body("type", equalTo("/problems/duplicate-application"))
                .body("detail", equalTo("研发机构 " + institution + " 在评审批次 " + round + " 中已有进行中的申请"));
        en(TestData.enterprise(code)).contentType(ContentType.JSON).body(Map.of("institutionId", institution, "roundId", round))
                .post("/api/v1/applications").then().statusCode(409)
                .body("detail", containsString("already has a live application"));
        // a round transition not allowed from its status
        city().contentType(ContentType.JSON).body(Map.of("action", "START_REVIEW"))
                .post("/api/v1/rounds/" + round + "/transitions").then().statusCode(200);
        zh(city()).contentType(ContentType.JSON).body(Map.of("action", "START_REVIEW"))
                .post("/api/v1/rounds/" + round + "/transitions").then().statusCode(409)
                .body("type", equalTo("/problems/illegal-transition"))
                .body("detail", equalTo("评审批次当前为 REVIEWING 状态，不允许执行 START_REVIEW；可执行的操作见 allowedActions"));
        // submitting once the round is reviewing
        zh(TestData.enterprise(code)).contentType(ContentType.JSON).body(Map.of("action", "SUBMIT"))
                .post("/api/v1/applications/" + app + "/transitions").then().statusCode(409)
                .body("type", equalTo("/problems/round-not-open"))
                .body("detail", equalTo("评审批次 " + round + " 当前为 REVIEWING 状态；只能在批次开放（OPEN）期间提交申请"));
    }

    @Test
    void aJointInstitutionWaitingForConsent() {
        String a = Workflow.enterprise("371502", 350, 52_000_000L);
        String b = Workflow.enterprise("371581", 1200, 500_000_000L);
        String institution = TestData.enterprise(a).contentType(ContentType.JSON)
                .body(Map.of("name", "联建中心", "kind", "TECH_CENTER", "buildMode", "JOINT", "participants", List.of(a, b),
                        "capacity", Workflow.capacity(6), "cooperations", List.of(Map.of("partner", "聊城大学",
                                "partnerKind", "UNIVERSITY", "signedOn", "2024-01-01", "activities", "联合攻关"))))
                .post("/api/v1/institutions").then().statusCode(201).extract().path("id");
        String app = Workflow.apply(a, institution, Workflow.openRound());
        zh(TestData.enterprise(a)).contentType(ContentType.JSON).body(Map.of("action", "SUBMIT"))
                .post("/api/v1/applications/" + app + "/transitions").then().statusCode(409)
                .body("type", equalTo("/problems/consent-pending"))
                .body("detail", containsString("研发机构 " + institution + " 有 1 家参建企业尚未确认参建"));
    }
}
