package cn.liaocheng.rdcoverage.webhook;

import cn.liaocheng.rdcoverage.events.UtcTimes;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.liaocheng.rdcoverage.webhook.WebhookTest.admin;
import static cn.liaocheng.rdcoverage.webhook.WebhookTest.await;
import static cn.liaocheng.rdcoverage.webhook.WebhookTest.enterprise;
import static cn.liaocheng.rdcoverage.webhook.WebhookTest.verify;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhook secrets at rest (issue 16): sealed with AES-256-GCM under the first key of rd.webhooks.secret-keys
 * (%test: test2, then test1), shown once, re-sealed at start-up when clear (rows from before changeset 030) or under an
 * older key.
 */
@QuarkusTest
class WebhookSecretTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    SecretMigration migration;

    @Inject
    SecretBox box;

    /** secret, secret_key_id, secret_ciphertext of a stored subscription. */
    String[] stored(String id) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select secret, secret_key_id, secret_ciphertext from webhook_subscription where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "subscription " + id + " stored");
                return new String[]{rs.getString(1), rs.getString(2), rs.getString(3)};
            }
        }
    }

    @Test
    void theSecretIsStoredEncryptedAndShownOnlyInTheCreationsAnswer() throws Exception {
        String key = "sealed-" + System.nanoTime();
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:9/sealed", "types", List.of("policy.published"));
        JsonPath created = admin().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/api/v1/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        try {
            assertTrue(secret.startsWith("whsec_"));
            String[] row = stored(id);
            assertNull(row[0], "no clear secret column");
            assertEquals("test2", row[1], "sealed under the first configured key");
            byte[] sealed = Base64.getDecoder().decode(row[2]);
            assertEquals(12 + secret.length() + 16, sealed.length, "nonce (12 bytes) + the sealed secret + GCM tag (16 bytes)");
            assertFalse(row[2].contains(secret.substring("whsec_".length())), "the stored text does not hold the key");
            assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret), "nor do its bytes");
            assertEquals(secret, box.open(id, row[1], row[2]), "it opens to the secret shown");
            // what is kept for Idempotency-Key replays holds no secret either
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("select body from idempotency_record where idem_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getString(1).contains(id));
                    assertFalse(rs.getString(1).contains(secret.substring("whsec_".length())), "no secret in idempotency_record");
                }
            }
            // the replay of the creation (same key, same caller) is the creation's answer, secret included
            admin().header("Idempotency-Key", key).contentType("application/json").body(body)
                    .post("/api/v1/webhook-subscriptions").then().statusCode(201).header("Idempotent-Replayed", "true")
                    .body("id", equalTo(id)).body("secret", equalTo(secret));
            // every other read: no secret
            admin().get("/api/v1/webhook-subscriptions/" + id).then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("secret")));
            admin().get("/api/v1/webhook-subscriptions").then().statusCode(200).body("items.secret", everyItem(nullValue()));
            admin().contentType("application/json").body(Map.of("after", created.getString("deliveredThrough")))
                    .post("/api/v1/webhook-subscriptions/" + id + "/redeliveries").then().statusCode(202).body("secret", nullValue());
        } finally {
            admin().delete("/api/v1/webhook-subscriptions/" + id).then().statusCode(204);
        }
    }

    @Test
    void clearAndOldKeySecretsAreSealedUnderTheNewKeyAndStillSignDeliveries() throws Exception {
        try (Receiver receiver = new Receiver(n -> 204, 0)) {
            String legacy = UUID.randomUUID().toString();
            String rotated = UUID.randomUUID().toString();
            String lost = UUID.randomUUID().toString();
            String legacySecret = Signatures.newSecret();
            String rotatedSecret = Signatures.newSecret();
            SecretBox.Sealed underOld = box.seal("test1", rotated, rotatedSecret);
            long head = Long.parseLong(WebhookTest.admin().get("/api/v1/events/head").then().statusCode(200).extract().path("next"));
            try {
                try (Connection c = dataSource.getConnection()) {
                    // as rows were stored before changeset 030 (clear), under the older key, and under a key no longer configured
                    insert(c, legacy, receiver.url("/legacy"), legacySecret, null, null, head);
                    insert(c, rotated, receiver.url("/rotated"), null, underOld.keyId(), underOld.ciphertext(), head);
                    insert(c, lost, receiver.url("/lost"), null, "gone1", Base64.getEncoder().encodeToString(new byte[60]), head);
                }
                assertTrue(migration.migrate() >= 2);
                for (String id : List.of(legacy, rotated)) {
                    String[] row = stored(id);
                    assertNull(row[0], id + ": clear column emptied");
                    assertEquals("test2", row[1], id + ": sealed under the first key");
                    assertNotNull(row[2]);
                }
                assertEquals("gone1", stored(lost)[1], "a secret whose key is missing is left as it was");
                assertEquals(0, migration.migrate(), "a second pass has nothing left to do (the lost one stays)");

                String code = enterprise();
                await("both deliveries", () -> receiver.requests.stream().filter(r -> r.body().contains(code)).count() >= 2, 20_000);
                List<Receiver.Request> got = receiver.about(code);
                assertEquals(2, got.size(), "the subscription whose key is missing sends nothing");
                List<String> signedWith = new ArrayList<>();
                for (Receiver.Request r : got) {
                    signedWith.add(verify(legacySecret, r.headers(), r.body()) ? "legacy"
                            : verify(rotatedSecret, r.headers(), r.body()) ? "rotated" : "neither");
                }
                assertEquals(List.of("legacy", "rotated"), signedWith.stream().sorted().toList(),
                        "each subscription still signs with the secret it was given");
                await("the failed attempt of the lost key", () -> !admin().get("/api/v1/webhook-subscriptions/" + lost + "/deliveries")
                        .then().extract().jsonPath().getList("items").isEmpty(), 20_000);
                admin().get("/api/v1/webhook-subscriptions/" + lost + "/deliveries").then().statusCode(200)
                        .body("items[0].succeeded", equalTo(false)).body("items[0].statusCode", nullValue())
                        .body("items[0].error", containsString("'gone1'"));
            } finally {
                for (String id : List.of(legacy, rotated, lost)) {
                    admin().delete("/api/v1/webhook-subscriptions/" + id);
                }
            }
        }
    }

    private static void insert(Connection c, String id, String url, String clear, String keyId, String ciphertext, long after)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("insert into webhook_subscription (id, url, types, secret, secret_key_id, "
                + "secret_ciphertext, enabled, delivered_through, failures, next_attempt_at, created_at, created_by) "
                + "values (?, ?, 'enterprise.created', ?, ?, ?, true, ?, 0, ?, ?, 'test')")) {
            ps.setString(1, id);
            ps.setString(2, url);
            ps.setString(3, clear);
            ps.setString(4, keyId);
            ps.setString(5, ciphertext);
            ps.setLong(6, after);
            UtcTimes.bind(ps, 7, Instant.now());
            UtcTimes.bind(ps, 8, Instant.now());
            ps.executeUpdate();
        }
    }

    @Test
    void aSealedSecretOpensOnlyForItsOwnSubscriptionAndUnaltered() {
        SecretBox.Sealed s = box.seal("sub-a", "whsec_abc");
        assertEquals("whsec_abc", box.open("sub-a", s.keyId(), s.ciphertext()));
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(SecretBox.Unreadable.class,
                () -> box.open("sub-b", s.keyId(), s.ciphertext())).getMessage().contains("does not open"));
        byte[] bytes = Base64.getDecoder().decode(s.ciphertext());
        bytes[bytes.length - 1] ^= 1;
        assertTrue(org.junit.jupiter.api.Assertions.assertThrows(SecretBox.Unreadable.class,
                () -> box.open("sub-a", s.keyId(), Base64.getEncoder().encodeToString(bytes))).getMessage().contains("does not open"));
        List<String> ciphertexts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ciphertexts.add(box.seal("sub-a", "whsec_abc").ciphertext());
        }
        assertEquals(3, ciphertexts.stream().distinct().count(), "a fresh nonce each time");
    }
}
