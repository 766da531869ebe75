package cn.liaocheng.rdcoverage.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The production rules (https, no loopback, private or link-local), with IP literals (no DNS needed). */
class UrlGuardTest {
    static UrlGuard production() {
        UrlGuard g = new UrlGuard();
        g.config = new WebhookConfig() {
            public boolean requireHttps() { return true; }
            public boolean allowLoopback() { return false; }
            public boolean allowPrivate() { return false; }
            public boolean allowLinkLocal() { return false; }
            public Duration connectTimeout() { return Duration.ofSeconds(2); }
            public Duration requestTimeout() { return Duration.ofSeconds(10); }
            public Duration initialBackoff() { return Duration.ofSeconds(5); }
            public Duration maxBackoff() { return Duration.ofHours(4); }
            public int maxFailures() { return 15; }
            public Duration retryWindow() { return Duration.ofHours(24); }
            public String pollEvery() { return "1s"; }
            public Duration lease() { return Duration.ofSeconds(60); }
            public int batch() { return 100; }
            public java.util.Optional<String> secretKeys() { return java.util.Optional.empty(); }
        };
        return g;
    }

    @Test
    void productionTakesHttpsToPublicAddressesOnly() {
        UrlGuard g = production();
        assertNull(g.problem("https://8.8.8.8/hooks"));
        assertEquals("must be an https URL", g.problem("http://8.8.8.8/hooks").english());
        assertTrue(g.problem("https://127.0.0.1/hooks").english().contains("loopback"));
        assertTrue(g.problem("https://[::1]/hooks").english().contains("loopback"));
        assertTrue(g.problem("https://169.254.169.254/latest").english().contains("link-local"));
        assertTrue(g.problem("https://[fe80::1]/hooks").english().contains("link-local"));
        assertTrue(g.problem("https://10.1.2.3/hooks").english().contains("private"));
        assertTrue(g.problem("https://172.31.0.1/hooks").english().contains("private"));
        assertTrue(g.problem("https://192.168.0.1/hooks").english().contains("private"));
        assertTrue(g.problem("https://[fc00::5]/hooks").english().contains("private"));
        assertTrue(g.problem("https://0.0.0.0/hooks").english().contains("no webhook may call"));
    }
}
