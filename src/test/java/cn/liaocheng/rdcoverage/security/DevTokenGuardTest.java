package cn.liaocheng.rdcoverage.security;

import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DevTokenGuardTest {
    @Test
    void productionRefusesToStartWithDevTokens() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DevTokenGuard.check(LaunchMode.NORMAL, true));
        assertEquals(true, e.getMessage().contains("rd.dev-tokens.enabled"));
        assertDoesNotThrow(() -> DevTokenGuard.check(LaunchMode.NORMAL, false));
        assertDoesNotThrow(() -> DevTokenGuard.check(LaunchMode.DEVELOPMENT, true));
        assertDoesNotThrow(() -> DevTokenGuard.check(LaunchMode.TEST, true));
    }

    @Test
    void productionDefaultsHaveDevTokensOffAndNoSigningKey() throws IOException {
        Properties p = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            p.load(in);
        }
        assertEquals("false", p.getProperty("rd.dev-tokens.enabled"));
        assertEquals(null, p.getProperty("smallrye.jwt.sign.key"), "only %dev/%test may sign");
        assertEquals(null, p.getProperty("mp.jwt.verify.publickey"), "production verifies with the key it is given");
    }
}
