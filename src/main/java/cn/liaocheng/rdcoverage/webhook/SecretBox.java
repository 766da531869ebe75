package cn.liaocheng.rdcoverage.webhook;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Webhook signing secrets at rest: AES-256-GCM (JDK {@code AES/GCM/NoPadding}, 96-bit random nonce, 128-bit tag) under
 * a key from configuration, the subscription's id as associated data (a ciphertext copied onto another row does not
 * open). Stored as {@code secret_key_id} (which key) and {@code secret_ciphertext} (base64 of nonce + ciphertext + tag).
 * <p>
 * {@code rd.webhooks.secret-keys} (env {@code RD_WEBHOOKS_SECRET_KEYS}, from the Secret in production):
 * {@code id:base64key[,id:base64key...]}, each key 32 random bytes ({@code openssl rand -base64 32}); the first one
 * encrypts, every listed one decrypts. To rotate: put a new key first and keep the old one after it; at start-up
 * ({@link SecretMigration}) every row under another key, and every row still holding a clear secret from before
 * changeset 030, is encrypted again under the first key; after that the old key can go.
 */
@ApplicationScoped
public class SecretBox {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    @Inject WebhookConfig config;

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private String active;

    /** A sealed secret: the id of the key and base64 of nonce + ciphertext + tag. */
    public record Sealed(String keyId, String ciphertext) {
    }

    /** The secret could not be opened: its key is not configured, or the ciphertext does not verify. */
    public static class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    @PostConstruct
    void init() {
        keys.clear();
        active = null;
        for (String entry : config.secretKeys().orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("rd.webhooks.secret-keys: each entry is id:base64key with an id of letters, "
                        + "digits, '_', '.' or '-' (at most 40)");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("rd.webhooks.secret-keys: the key of '" + id + "' is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException("rd.webhooks.secret-keys: the key of '" + id + "' must be 32 bytes "
                        + "(openssl rand -base64 32), not " + key.length);
            }
            if (keys.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException("rd.webhooks.secret-keys: key id '" + id + "' is listed twice");
            }
            if (active == null) {
                active = id;
            }
        }
    }

    /** The key id new secrets are sealed with; null when no key is configured. */
    public String activeKeyId() {
        return active;
    }

    /** Seals {@code secret} under the active key, bound to {@code subscriptionId}. */
    public Sealed seal(String subscriptionId, String secret) {
        if (active == null) {
            throw new Unreadable("no key is configured in rd.webhooks.secret-keys (RD_WEBHOOKS_SECRET_KEYS)");
        }
        return seal(active, subscriptionId, secret);
    }

    Sealed seal(String keyId, String subscriptionId, String secret) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new Unreadable("key '" + keyId + "' is not configured in rd.webhooks.secret-keys");
        }
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keyId, Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a sealed secret of {@code subscriptionId}; {@link Unreadable} names the key id when it is missing. */
    public String open(String subscriptionId, String keyId, String ciphertext) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new Unreadable("its secret is sealed with key '" + keyId + "', which is not in rd.webhooks.secret-keys");
        }
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE));
            cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE, all.length - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException | IllegalArgumentException e) {
            throw new Unreadable("its secret does not open with key '" + keyId + "' (altered, or another key under that id)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The clear secret of a stored row: the sealed columns when present, else the clear column of a row written before
     * changeset 030 (until {@link SecretMigration} has sealed it).
     */
    public String secretOf(String subscriptionId, String keyId, String ciphertext, String legacyClear) {
        if (ciphertext != null) {
            return open(subscriptionId, keyId, ciphertext);
        }
        if (legacyClear != null) {
            return legacyClear;
        }
        throw new Unreadable("it has no secret stored");
    }
}
