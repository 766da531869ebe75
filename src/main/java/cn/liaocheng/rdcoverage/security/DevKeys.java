package cn.liaocheng.rdcoverage.security;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * A signing key pair generated when the service starts, offered as {@code rd.dev.jwt.public-key} and
 * {@code rd.dev.jwt.private-key}. Only the dev and test profiles refer to them (application.properties);
 * nothing secret is committed, and production verifies with the key it is given.
 */
public class DevKeys implements ConfigSource {
    private static final class Holder {
        static final Map<String, String> KEYS = generate();
    }

    private static Map<String, String> generate() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            return Map.of(
                    "rd.dev.jwt.public-key", pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                    "rd.dev.jwt.private-key", pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----";
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of("rd.dev.jwt.public-key", "rd.dev.jwt.private-key");
    }

    @Override
    public String getValue(String name) {
        return getPropertyNames().contains(name) ? Holder.KEYS.get(name) : null;
    }

    @Override
    public String getName() {
        return "rd-coverage-dev-keys";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
