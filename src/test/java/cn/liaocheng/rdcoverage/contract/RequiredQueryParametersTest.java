package cn.liaocheng.rdcoverage.contract;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
    @SuppressWarnings("unchecked")
    void everyQueryParameterTheServiceRequiresIsRequiredInTheContract() {
        JsonPath doc = RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        Map<String, String> missing = new TreeMap<>();
        int called = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            Map<String, Object> get = (Map<String, Object>) path.getValue().get("get");
            if (get == null || path.getKey().contains("{") || !path.getKey().startsWith("/api/")) {
                continue;
            }
            Map<String, Boolean> queryParameters = new TreeMap<>();
            for (Object p : (List<Object>) get.getOrDefault("parameters", List.of())) {
                Map<String, Object> param = (Map<String, Object>) p;
                if ("query".equals(param.get("in"))) {
                    queryParameters.put((String) param.get("name"), Boolean.TRUE.equals(param.get("required")));
                }
            }
            Response answer = city().header("Accept-Language", "en").accept("application/json").get(path.getKey());
            called++;
            if (answer.statusCode() != 400 || !answer.contentType().startsWith("application/problem+json")) {
                continue;
            }
            List<Map<String, Object>> errors = answer.jsonPath().getList("errors");
            for (Map<String, Object> e : errors == null ? new ArrayList<Map<String, Object>>() : errors) {
                String field = (String) e.get("field");
                if ("REQUIRED".equals(e.get("code")) && queryParameters.containsKey(field) && !queryParameters.get(field)) {
                    missing.put(path.getKey() + "?" + field, (String) e.get("message"));
                }
            }
        }
        assertTrue(called >= 15, "only " + called + " operations were called");
        assertEquals(Map.of(), missing, "required by the service, optional in the contract");
    }
}
