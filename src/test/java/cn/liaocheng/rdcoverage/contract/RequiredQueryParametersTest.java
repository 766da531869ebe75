package cn.liaocheng.rdcoverage.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A query parameter the service requires is {@code required: true} in the contract, so that a generated client
 * does not let a portal leave it out: every GET of the served document without path parameters is called with none
 * of its query parameters, and each field the 400 says is REQUIRED must be a query parameter the document marks
 * required (the indicator trend's from and to were not).
 */
@QuarkusTest
class RequiredQueryParametersTest {
    @Test
    void everyQueryParameterTheServiceRequiresIsRequiredInTheContract() {
        Map<String, String> missing = new TreeMap<>();
        int called = 0;
        for (String path : ServedContract.paths("GET")) {
            if (path.contains("{") || !path.startsWith("/api/")) {
                continue;
            }
            Map<String, Boolean> queryParameters = ServedContract.queryParameters("GET", path);
            Response answer = city().header("Accept-Language", "en").accept("application/json").get(path);
            called++;
            if (answer.statusCode() != 400 || !answer.contentType().startsWith("application/problem+json")) {
                continue;
            }
            List<Map<String, Object>> errors = answer.jsonPath().getList("errors");
            for (Map<String, Object> e : errors == null ? List.<Map<String, Object>>of() : errors) {
                String field = (String) e.get("field");
                if ("REQUIRED".equals(e.get("code")) && Boolean.FALSE.equals(queryParameters.get(field))) {
                    missing.put(path + "?" + field, (String) e.get("message"));
                }
            }
        }
        assertTrue(called >= 15, "only " + called + " operations were called");
        assertEquals(Map.of(), missing, "required by the service, optional in the contract");
    }
}
