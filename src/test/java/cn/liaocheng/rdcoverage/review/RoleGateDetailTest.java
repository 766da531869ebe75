package cn.liaocheng.rdcoverage.review;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;

/**
 * A role that does not take an action is 403 naming who takes it, in Chinese as in English (docs/domain.md, state
 * machines: 403 "APPROVE is taken by FINANCE"; found trying the README: the Chinese detail was the generic
 * 您的角色或权限范围不允许此操作, the English one "RECOGNIZE is taken by CITY_OFFICER").
 */
@QuarkusTest
class RoleGateDetailTest {
    @Test
    void theForbiddenActionNamesTheRoleThatTakesItInBothLanguages() {
        String round = Workflow.openRound();
        String code = Workflow.enterprise("371522", 350, 52_000_000L);
        String app = Workflow.apply(code, Workflow.institution(code), round);
        TestData.enterprise(code).contentType("application/json").header("Accept-Language", "zh-CN")
                .body(Map.of("action", "RECOGNIZE")).post("/api/v1/applications/" + app + "/transitions").then()
                .statusCode(403).body("detail", equalTo("RECOGNIZE 须由 CITY_OFFICER 执行，您的角色不能执行此操作"));
        TestData.enterprise(code).contentType("application/json").header("Accept-Language", "en")
                .body(Map.of("action", "RECOGNIZE")).post("/api/v1/applications/" + app + "/transitions").then()
                .statusCode(403).body("detail", equalTo("RECOGNIZE is taken by CITY_OFFICER"));
        // an action whose English names a case besides the roles: the Chinese says it in Chinese, not "(、by the city …"
        TestData.city().contentType("application/json").header("Accept-Language", "zh-CN")
                .body(Map.of("action", "SUBMIT")).post("/api/v1/applications/" + app + "/transitions").then()
                .statusCode(403).body("detail", equalTo("SUBMIT 须由 ENTERPRISE（产业共建（INDUSTRY）平台的企业亦可由市级提交） 执行，您的角色不能执行此操作"));
    }
}
