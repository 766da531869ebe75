package cn.liaocheng.rdcoverage.webhook;

import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** rd.webhooks.*: deliveries of the change feed to subscribers' URLs; a group of {@link cn.liaocheng.rdcoverage.common.RdConfig}. */
public interface WebhookConfig {
    /** Only https URLs (production); dev and test also take http. */
    @WithDefault("true")
    boolean requireHttps();

    /** Loopback addresses (127.0.0.0/8, ::1) as targets; dev and test allow them, production does not. */
    @WithDefault("false")
    boolean allowLoopback();

    /** Private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) as targets. */
    @WithDefault("false")
    boolean allowPrivate();

    /** Link-local addresses (169.254/16 with the cloud metadata address, fe80::/10) as targets. */
    @WithDefault("false")
    boolean allowLinkLocal();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Whole request, from sending to the end of the response. */
    @WithDefault("10s")
    Duration requestTimeout();

    /** First retry delay; it doubles with each failure in a row, up to max-backoff. */
    @WithDefault("5s")
    Duration initialBackoff();

    @WithDefault("4h")
    Duration maxBackoff();

    /** A subscription failing this many times in a row is disabled (15 attempts at 5 s doubling span about 24 h). */
    @WithDefault("15")
    int maxFailures();

    /** An event still failing this long after its first failed attempt disables the subscription. */
    @WithDefault("24h")
    Duration retryWindow();

    /** How often due subscriptions are looked for (besides right after new events got their positions). */
    @WithDefault("1s")
    String pollEvery();

    /** How long a claim on a subscription lasts without progress before another instance may take it over. */
    @WithDefault("60s")
    Duration lease();

    /**
     * Keys sealing the signing secrets at rest (AES-256-GCM): {@code id:base64key[,id:base64key...]}, the first one seals,
     * every one listed opens (see {@link SecretBox}). Env RD_WEBHOOKS_SECRET_KEYS, from the Secret in production.
     */
    Optional<String> secretKeys();

    /** Events delivered per claim before the subscription is released for the next round. */
    @WithDefault("100")
    int batch();
}
