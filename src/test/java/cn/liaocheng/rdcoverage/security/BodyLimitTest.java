package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class BodyLimitTest {
    static String bigJson() {
        // 1.2 MB of UTF-8 in 400,000 characters: over the body limit, under the JSON string-length limit
        return "{\"name\":\"" + "聊".repeat(400_000) + "\",\"regionCode\":\"371502\",\"creditCode\":\"" + TestData.creditCode() + "\"}";
    }

    @Test
    void aBodyOverOneMegabyteIs413() {
        city().contentType("application/json").body(bigJson()).post("/api/v1/enterprises").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void aChunkedBodyOverOneMegabyteIs413Too() throws Exception {
        HttpResponse<String> answer = postChunked("/api/v1/enterprises", bigJson());
        assertEquals(413, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void theWhatIfAssessmentAsksForTheLengthOfAChunkedBodyAndRefusesALargeOne() throws Exception {
        String facts = "{\"asOf\":\"2021-06-30\",\"buildMode\":\"JOINT\",\"participants\":[]}";
        HttpResponse<String> answer = postChunked("/api/v1/eligibility-assessments", facts);
        assertEquals(411, answer.statusCode());
        assertTrue(answer.body().contains("Content-Length"), answer.body());
        city().contentType("application/json").body(facts).post("/api/v1/eligibility-assessments").then().statusCode(200);
        city().contentType("application/json").body(bigJson()).post("/api/v1/eligibility-assessments").then()
                .statusCode(413).contentType("application/problem+json");
    }

    /** POSTs a JSON body of unannounced length (Transfer-Encoding: chunked), as the city task force. */
    private static HttpResponse<String> postChunked(String path, String json) throws Exception {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Authorization", "Bearer " + TestData.token("CITY_OFFICER", null, null))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void importsTakeLargeFiles() {
        StringBuilder csv = new StringBuilder("creditCode,name,regionCode,year,employees,revenue\n");
        int rows = 0;
        while (csv.length() < 1_500_000) {
            csv.append(TestData.creditCode("371572")).append(",高新区大文件企业").append(rows++).append(",371572,2024,40,25000000\n");
        }
        city().config(TestData.RAW_CHARSET).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/enterprises/import?dryRun=true").then().statusCode(200).body("created", equalTo(rows));
    }
}
