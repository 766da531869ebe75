package cn.liaocheng.rdcoverage.integrity;

import cn.liaocheng.rdcoverage.SuiteProfile;
import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;


/** Issue 12, item 7: keys expire (rd.idempotency.ttl, 24 h by default; 10 s here); an expired key is a new key. */
@QuarkusTest
@TestProfile(IdempotencyExpiryTest.ShortTtl.class)
class IdempotencyExpiryTest {
    public static class ShortTtl extends SuiteProfile {
        public ShortTtl() {
            super(Map.of("rd.idempotency.ttl", "PT10S"));
        }
    }

    @Test
    void anExpiredKeyIsNotReplayed() throws InterruptedException {
        String token = TestData.token("CITY_OFFICER", null, null);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("creditCode", TestData.creditCode(), "name", "过期键企业", "regionCode", "371502");
        TestData.as(token).header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/v1/enterprises")
                .then().statusCode(201);
        TestData.as(token).header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/v1/enterprises")
                .then().statusCode(201).header("Idempotent-Replayed", "true");
        Thread.sleep(10_500);
        // the key has expired: the request runs again (the enterprise exists now: 409, not a replay)
        TestData.as(token).header("Idempotency-Key", key).contentType("application/json").body(body).post("/api/v1/enterprises")
                .then().statusCode(409).header("Idempotent-Replayed", (String) null);
    }
}
