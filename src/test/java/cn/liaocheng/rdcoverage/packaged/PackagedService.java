package cn.liaocheng.rdcoverage.packaged;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

/**
 * What the packaged service needs from its environment in production, supplied for {@link PackagedJarSmokeIT}: the
 * database (MariaDB/MySQL at {@code TEST_DB_URL}, as the MariaDB step of {@code .ci/run} sets it) and the bearer-token
 * verification key. A throw-away RSA key pair is made here; its public half is written to a PEM file given to the
 * service as {@code mp.jwt.verify.publickey.location}, as deploy/k8s mounts a real one, and the test signs its tokens
 * with the private half. The map returned by {@link #start()} reaches the launched jar as system properties.
 */
public class PackagedService implements QuarkusTestResourceLifecycleManager {
    static final String ISSUER = "https://rd-coverage.liaocheng";
    static final String AUDIENCE = "rd-coverage";
    static volatile PrivateKey signingKey;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("TEST_DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("PackagedJarSmokeIT runs the packaged (production) service, which needs a "
                    + "MySQL-compatible database: set TEST_DB_URL=jdbc:mysql://127.0.0.1:3306/<database> (see .ci/run)");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            signingKey = pair.getPrivate();
            Path pem = Files.createTempFile("rd-it-jwt-public", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", System.getenv().getOrDefault("TEST_DB_USER", "root"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("TEST_DB_PASSWORD", ""),
                    // MariaDB announces itself to the MySQL connector as 5.5.5 (bench/README.md)
                    "quarkus.hibernate-orm.database.version-check.enabled", "false",
                    "mp.jwt.verify.publickey.location", pem.toUri().toString(),
                    "mp.jwt.verify.issuer", ISSUER,
                    "rd.auth.audience", AUDIENCE);
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the packaged service's key", e);
        }
    }

    @Override
    public void stop() {
        signingKey = null;
    }
}
