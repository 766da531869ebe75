package cn.liaocheng.rdcoverage.integrity;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #12 item 3: "'Not registered' and 'not yours' answers must not let a caller enumerate which credit codes
 * exist". For an ENTERPRISE caller and a county officer, every endpoint taking a credit code (in the path, or as the
 * participants of an institution) answers a code that was never registered exactly as it answers a registered code
 * of another county: same status, same problem type, title and detail (the code itself aside), same field errors.
 */
@QuarkusTest
class CreditCodeEnumerationTest {
    private static final String OWN_REGION = "371502";
    private static final String OTHER_REGION = "371521";

    private record Call(String name, BiFunction<RequestSpecification, String, Response> send) {
    }

    private static final List<Call> CALLS = List.of(
            new Call("GET /enterprises/{c}", (as, c) -> as.get("/api/v1/enterprises/" + c)),
            new Call("PUT /enterprises/{c}", (as, c) -> as.contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body(Map.of("creditCode", c, "name", "探测企业", "regionCode", OWN_REGION)).put("/api/v1/enterprises/" + c)),
            new Call("DELETE /enterprises/{c}", (as, c) -> as.header("If-Match", "\"0\"").delete("/api/v1/enterprises/" + c)),
            new Call("GET /enterprises/{c}/figures", (as, c) -> as.get("/api/v1/enterprises/" + c + "/figures")),
            new Call("GET /enterprises/{c}/figures/2024", (as, c) -> as.get("/api/v1/enterprises/" + c + "/figures/2024")),
            new Call("PUT /enterprises/{c}/figures/2024", (as, c) -> as.contentType(ContentType.JSON)
                    .body(Map.of("year", 2024, "employees", 350, "revenue", 52_000_000)).put("/api/v1/enterprises/" + c + "/figures/2024")),
            new Call("GET /enterprises/{c}/history", (as, c) -> as.get("/api/v1/enterprises/" + c + "/history")),
            new Call("GET /enterprises/{c}/follow-ups", (as, c) -> as.get("/api/v1/enterprises/" + c + "/follow-ups")),
            new Call("POST /enterprises/{c}/follow-ups", (as, c) -> as.contentType(ContentType.JSON)
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .body(Map.of("visitedOn", "2024-03-01", "by", "探测")).post("/api/v1/enterprises/" + c + "/follow-ups")),
            new Call("POST /institutions participants [c]", (as, c) -> as.contentType(ContentType.JSON)
                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                    .body(Map.of("name", "探测中心", "kind", "TECH_CENTER", "buildMode", "SINGLE", "participants", List.of(c)))
                    .post("/api/v1/institutions")));

    /** The answer with the code replaced by {c}: status, type, title, detail, field errors. */
    private static String shape(Response r, String code) {
        String body = r.asString().replace(code, "{c}");
        Map<String, Object> problem = body.isBlank() ? Map.of() : r.jsonPath().getMap("$");
        Map<String, Object> kept = new java.util.TreeMap<>();
        for (String key : List.of("type", "title", "status", "detail", "errors")) {
            Object v = problem.get(key);
            kept.put(key, v == null ? null : v.toString().replace(code, "{c}"));
        }
        return r.statusCode() + " " + r.contentType().replaceAll(";.*", "") + " " + kept;
    }

    private static String registered(String region) {
        String code = TestData.creditCode(region);
        city().contentType(ContentType.JSON).body(Map.of("creditCode", code, "name", "已登记企业" + code.substring(12),
                "regionCode", region)).post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    private static void sameAnswers(String who, Supplier<RequestSpecification> caller) {
        List<String> differing = new ArrayList<>();
        for (Call call : CALLS) {
            String unknown = TestData.creditCode(OTHER_REGION); // valid, never registered
            String foreign = registered(OTHER_REGION);
            String a = shape(call.send().apply(caller.get(), unknown), unknown);
            String b = shape(call.send().apply(caller.get(), foreign), foreign);
            assertTrue(a.startsWith("4"), who + " " + call.name() + ": " + a);
            if (!a.equals(b)) {
                differing.add(call.name() + "\n  never registered: " + a + "\n  another county's: " + b);
            }
        }
        assertEquals(List.of(), differing, who + ": answers that tell whether a credit code is registered");
    }

    @Test
    void anEnterpriseCannotTellARegisteredCodeFromAnUnknownOne() {
        String own = registered(OWN_REGION);
        sameAnswers("ENTERPRISE", () -> TestData.enterprise(own));
    }

    @Test
    void aCountyOfficerCannotTellAnotherCountysCodeFromAnUnknownOne() {
        sameAnswers("COUNTY_OFFICER", () -> TestData.county(OWN_REGION));
    }

    @Test
    void aCityOfficerStillLearnsTheDifference() {
        String unknown = TestData.creditCode(OTHER_REGION);
        city().get("/api/v1/enterprises/" + unknown).then().statusCode(404);
        city().get("/api/v1/enterprises/" + registered(OTHER_REGION)).then().statusCode(200);
    }
}
