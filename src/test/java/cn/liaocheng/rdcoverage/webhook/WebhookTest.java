package cn.liaocheng.rdcoverage.webhook;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WebhookTest {
    static RequestSpecification admin() {
        return TestData.role("ADMIN");
    }

    static JsonPath subscribe(String url, List<String> types) {
        return admin().contentType("application/json").body(Map.of("url", url, "types", types))
                .post("/api/v1/webhook-subscriptions").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhook-subscriptions/"))
                .body("secret", startsWith("whsec_")).body("enabled", equalTo(true)).extract().jsonPath();
    }

    static String enterprise() {
        String code = TestData.creditCode("371502");
        city().contentType("application/json").body(Map.of("creditCode", code, "name", "回调企业", "regionCode", "371502"))
                .post("/api/v1/enterprises").then().statusCode(201);
        return code;
    }

    static void await(String what, BooleanSupplier done, long ms) {
        long deadline = System.currentTimeMillis() + ms;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /**
     * The Standard Webhooks verification, written from the specification (not with the service's code): the key is
     * the base64 after "whsec_"; the signed content is "{webhook-id}.{webhook-timestamp}.{body}"; the header holds
     * space-separated "v1,{base64 HMAC-SHA256}" signatures, one of which must match.
     */
    static boolean verify(String secret, Map<String, String> headers, String body) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String content = headers.get("webhook-id") + "." + headers.get("webhook-timestamp") + "." + body;
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        for (String sig : headers.get("webhook-signature").split(" ")) {
            String[] parts = sig.split(",", 2);
            if (parts[0].equals("v1") && java.security.MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII),
                    expected.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void deliveriesAreSignedAsTheStandardWebhooksSpecificationSays() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            JsonPath sub = subscribe(receiver.url("/hooks"), List.of("enterprise.created"));
            String id = sub.getString("id");
            String secret = sub.getString("secret");
            try {
                admin().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(200).body("secret", nullValue())
                        .body("types", equalTo(List.of("enterprise.created")));
                String code = enterprise();
                await("the delivery", () -> !receiver.about(code).isEmpty(), 15_000);
                Receiver.Request r = receiver.about(code).get(0);
                assertTrue(verify(secret, r.headers(), r.body()), "signature verifies");
                // for contract-check/verify-webhook.cjs: the reference library checks the same delivery independently
                java.nio.file.Files.writeString(java.nio.file.Path.of("target", "webhook-sample.json"),
                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("secret", secret,
                                "headers", Map.of("webhook-id", r.headers().get("webhook-id"),
                                        "webhook-timestamp", r.headers().get("webhook-timestamp"),
                                        "webhook-signature", r.headers().get("webhook-signature")),
                                "body", r.body())));
                assertTrue(!verify(secret, r.headers(), r.body() + " "), "a changed body does not verify");
                JsonPath event = new JsonPath(r.body());
                assertEquals("enterprise.created", event.getString("type"));
                assertEquals(code, event.getString("subject.id"));
                assertEquals("回调企业", event.getString("data.name"));
                assertEquals(r.headers().get("webhook-id"), event.getString("id"));
                long ts = Long.parseLong(r.headers().get("webhook-timestamp"));
                assertTrue(Math.abs(System.currentTimeMillis() / 1000 - ts) < 60, "timestamp is now in seconds");
                assertEquals("application/json", r.headers().get("content-type"));
                admin().get("/api/v1/webhook-subscriptions/" + id + "/deliveries").then().statusCode(200)
                        .body("items.find { it.eventId == '" + event.getString("id") + "' }.statusCode", equalTo(204))
                        .body("items.find { it.eventId == '" + event.getString("id") + "' }.succeeded", equalTo(true))
                        .body("items.find { it.eventId == '" + event.getString("id") + "' }.latencyMs", notNullValue());
            } finally {
                admin().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(204);
            }
            admin().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(404);
        }
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventAThirdTimeThenTheNextInOrder() throws Exception {
        try (Receiver receiver = new Receiver(n -> n <= 2 ? 500 : 200, 0)) {
            String id = subscribe(receiver.url("/flaky"), List.of("enterprise.created", "enterprise.deleted")).getString("id");
            try {
                String code = enterprise();
                city().header("If-Match", "*").delete("/api/v1/enterprises/" + code).then().statusCode(204);
                await("the retries and the next event", () -> receiver.about(code).size() >= 4, 20_000);
                List<Receiver.Request> got = receiver.about(code);
                String first = got.get(0).headers().get("webhook-id");
                assertEquals(first, got.get(1).headers().get("webhook-id"));
                assertEquals(first, got.get(2).headers().get("webhook-id"));
                assertTrue(got.get(0).body().contains("enterprise.created"));
                assertTrue(got.get(3).body().contains("enterprise.deleted"), "the deletion comes after the creation");
                JsonPath log = admin().get("/api/v1/webhook-subscriptions/" + id + "/deliveries").then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> attempts = log.getList("items.findAll { it.eventId == '" + first + "' }");
                assertEquals(3, attempts.size());
                // newest first
                assertEquals(List.of(3, 2, 1), attempts.stream().map(a -> a.get("attempt")).toList());
                assertEquals(List.of(200, 500, 500), attempts.stream().map(a -> a.get("statusCode")).toList());
                assertEquals(List.of(true, false, false), attempts.stream().map(a -> a.get("succeeded")).toList());
                assertTrue(String.valueOf(attempts.get(1).get("error")).contains("500"));
                admin().get("/api/v1/webhook-subscriptions/" + id).then().body("failures", equalTo(0)).body("enabled", equalTo(true));

                // redelivery: everything after the creation's cursor minus one comes again
                String cursor = (String) attempts.get(0).get("cursor");
                admin().contentType("application/json").body(Map.of("after", Long.toString(Long.parseLong(cursor) - 1)))
                        .post("/api/v1/webhook-subscriptions/" + id + "/redeliveries").then().statusCode(202)
                        .body("deliveredThrough", equalTo(Long.toString(Long.parseLong(cursor) - 1)));
                await("the redelivery", () -> receiver.about(code).size() >= 6, 20_000);
                assertEquals(first, receiver.about(code).get(4).headers().get("webhook-id"));
            } finally {
                admin().delete("/api/v1/webhook-subscriptions/" + id);
            }
        }
    }

    @Test
    void aSubscriptionFailingOnAndOnIsDisabledAndRedirectsAreNotFollowed() throws Exception {
        try (Receiver receiver = new Receiver(n -> 302, 0)) {
            String id = subscribe(receiver.url("/moved"), List.of("enterprise.created")).getString("id");
            try {
                String code = enterprise();
                // %test: rd.webhooks.max-failures=4, initial-backoff=0.2s
                await("the subscription to be disabled", () -> !admin().get("/api/v1/webhook-subscriptions/" + id)
                        .then().extract().<Boolean>path("enabled"), 30_000);
                admin().get("/api/v1/webhook-subscriptions/" + id).then().body("failures", equalTo(4))
                        .body("disabledReason", containsString("4 failed attempts in a row"));
                admin().get("/api/v1/webhook-subscriptions/" + id + "/deliveries").then()
                        .body("items[0].statusCode", equalTo(302)).body("items[0].error", containsString("redirects are not followed"));
                assertEquals(4, receiver.about(code).size(), "no request to the redirect target, no fifth attempt");
            } finally {
                admin().delete("/api/v1/webhook-subscriptions/" + id);
            }
        }
    }

    @Test
    void aSlowReceiverDoesNotHoldUpAnotherSubscription() throws Exception {
        try (Receiver slow = new Receiver(n -> 200, 4_000); Receiver fast = new Receiver(n -> 200, 0)) {
            String slowId = subscribe(slow.url("/slow"), List.of("enterprise.created")).getString("id");
            String fastId = subscribe(fast.url("/fast"), List.of("enterprise.created")).getString("id");
            try {
                String code = enterprise();
                await("the slow receiver to be called", () -> !slow.about(code).isEmpty(), 15_000);
                await("the fast delivery", () -> !fast.about(code).isEmpty(), 15_000);
                assertTrue(fast.about(code).get(0).receivedAtNanos() - slow.about(code).get(0).receivedAtNanos() < 3_000_000_000L,
                        "the fast receiver got its event while the slow one was still answering");
                // %test: rd.webhooks.request-timeout=2s: the slow answer is a timed-out attempt
                await("the timed-out attempt", () -> !admin().get("/api/v1/webhook-subscriptions/" + slowId + "/deliveries")
                        .then().extract().jsonPath().getList("items").isEmpty(), 15_000);
                admin().get("/api/v1/webhook-subscriptions/" + slowId + "/deliveries").then()
                        .body("items[0].succeeded", equalTo(false)).body("items[0].error", containsString("timed out"));
            } finally {
                admin().delete("/api/v1/webhook-subscriptions/" + slowId);
                admin().delete("/api/v1/webhook-subscriptions/" + fastId);
            }
        }
    }

    @Test
    void urlsThatReachInsideAreRefused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.8/hook", "http://192.168.1.20/hook",
                "http://172.16.5.4/hook", "http://100.64.1.1/hook", "http://[fd00::1]/hook", "http://0.0.0.0/hook",
                "ftp://127.0.0.1/hook", "http://user:pw@127.0.0.1/hook", "not a url")) {
            admin().contentType("application/json").body(Map.of("url", url)).post("/api/v1/webhook-subscriptions")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        }
        admin().contentType("application/json").body(Map.of("url", "http://127.0.0.1:9/x", "types", List.of("enterprise.exploded")))
                .post("/api/v1/webhook-subscriptions").then().statusCode(400).body("errors[0].field", equalTo("types[0]"));
        TestData.county("371502").contentType("application/json").body(Map.of("url", "http://127.0.0.1:9/x"))
                .post("/api/v1/webhook-subscriptions").then().statusCode(403);
        city().get("/api/v1/webhook-subscriptions").then().statusCode(403);
        TestData.role("PROVINCE").get("/api/v1/webhook-subscriptions").then().statusCode(200);
    }

    @Test
    void aRetriedSubscriptionWithTheSameIdempotencyKeyIsNotMadeTwice() {
        String key = "sub-" + System.nanoTime();
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/idem", "types", List.of("policy.published"));
        JsonPath first = admin().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
        String id = first.getString("id");
        try {
            admin().header("Idempotency-Key", key).contentType("application/json").body(body)
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).header("Idempotent-Replayed", "true")
                    .body("id", equalTo(id)).body("secret", equalTo(first.getString("secret")));
            long ours = admin().get("/api/v1/webhook-subscriptions").then().statusCode(200).extract().jsonPath()
                    .getList("items.url").stream().filter("http://127.0.0.1:9/idem"::equals).count();
            assertEquals(1, ours);
            admin().header("Idempotency-Key", key).contentType("application/json").body(Map.of("url", "http://127.0.0.1:9/other"))
                    .post("/api/v1/webhook-subscriptions").then().statusCode(422);
        } finally {
            admin().delete("/api/v1/webhook-subscriptions/" + id);
        }
    }
}
