package cn.liaocheng.rdcoverage.security;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class BodyLimitTest {
    static String bigJson() {
        return "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"regionCode\":\"371502\",\"creditCode\":\"" + TestData.creditCode() + "\"}";
    }

    @Test
    void aBodyOverOneMegabyteIs413() {
        city().contentType("application/json").body(bigJson()).post("/api/v1/enterprises").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void aChunkedBodyOverOneMegabyteIs413Too() {
        city().contentType("application/json")
                .body(new ByteArrayInputStream(bigJson().getBytes(StandardCharsets.UTF_8)))
                .post("/api/v1/enterprises").then().statusCode(413).contentType("application/problem+json");
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
