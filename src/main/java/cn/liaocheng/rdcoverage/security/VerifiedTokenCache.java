package cn.liaocheng.rdcoverage.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Remembers bearer tokens that SmallRye JWT has verified, so a portal or provincial system that sends the same
 * token with every request pays for the RSA signature check and the claim parsing once, not per request.
 *
 * <p>The key is the whole token text, so a token that differs in any character (another signature, other
 * claims) is verified afresh; failures are never remembered. An entry lives until the token expires (plus the
 * configured clock skew, which the verifier itself allows) and at most {@code rd.jwt.cache.max-age}, which bounds
 * how long a token stays accepted after its signing key has been withdrawn from the key set. {@code
 * rd.jwt.cache.max-entries=0} switches the cache off. The parser's other methods are not decorated (the class is
 * abstract, so the container passes them on).
 */
@Decorator
@Priority(10)
public abstract class VerifiedTokenCache implements JWTParser {
    private final JWTParser delegate;
    private final Cache<String, JsonWebToken> verified;
    private final long skewSeconds;
    private final long maxAgeNanos;

    @Inject
    VerifiedTokenCache(@Delegate JWTParser delegate,
                       cn.liaocheng.rdcoverage.common.RdConfig rd,
                       @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int skewSeconds) {
        this.delegate = delegate;
        int maxEntries = rd.jwt().cache().maxEntries();
        Duration maxAge = rd.jwt().cache().maxAge();
        this.skewSeconds = skewSeconds;
        this.maxAgeNanos = maxAge.toNanos();
        this.verified = maxEntries <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .executor(Runnable::run) // housekeeping on the calling thread, no hand-off to the common pool
                .expireAfter(Expiry.creating((String token, JsonWebToken jwt) -> Duration.ofNanos(lifetimeNanos(jwt))))
                .build();
    }

    /** How long a just-verified token may be served from memory: until it would be refused, at most max-age. */
    private long lifetimeNanos(JsonWebToken jwt) {
        long acceptedUntilMillis = (jwt.getExpirationTime() + skewSeconds) * 1000L;
        long leftNanos = TimeUnit.MILLISECONDS.toNanos(acceptedUntilMillis - System.currentTimeMillis());
        return Math.max(0, Math.min(leftNanos, maxAgeNanos));
    }

    @Override
    public JsonWebToken parse(String bearerToken) throws ParseException {
        if (verified == null || bearerToken == null) {
            return delegate.parse(bearerToken);
        }
        JsonWebToken jwt = verified.getIfPresent(bearerToken);
        if (jwt == null) {
            jwt = delegate.parse(bearerToken);
            if (jwt.getExpirationTime() > 0 && lifetimeNanos(jwt) > 0) {
                verified.put(bearerToken, jwt);
            }
        }
        return jwt;
    }
}
