package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.SuiteProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** With the production setting (rd.dev-tokens.enabled=false) the endpoint does not exist. */
@QuarkusTest
@TestProfile(DevTokensDisabledTest.ProductionSetting.class)
class DevTokensDisabledTest {
    public static class ProductionSetting extends SuiteProfile {
        public ProductionSetting() {
            super(Map.of("rd.dev-tokens.enabled", "false"));
        }
    }

    @Test
    void theDevTokenEndpointIs404() {
        given().contentType("application/json").body(Map.of("role", "ADMIN")).post("/api/v1/dev/tokens").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
