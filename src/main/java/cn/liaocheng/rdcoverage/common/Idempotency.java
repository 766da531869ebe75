package cn.liaocheng.rdcoverage.common;

import cn.liaocheng.rdcoverage.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Idempotency-Key on POST: the first request's response is stored in the same transaction as its effect; a retry
 * with the same key and request gets that response again (status, Location, ETag and body), the same key with
 * another request is 422, and a retry while the first is still running waits for it (the key row is locked) and
 * then gets its response.
 *
 * <p>A key belongs to the token's issuer and subject, and to the method and path it was sent to: the same key from
 * another subject, or to another path, is another key. Before a replay the caller's scope is checked again: the
 * answer was given to a role and scope (region, enterprise, assessor) and is replayed only to the same (else 403).
 * Keys expire after {@code rd.idempotency.ttl} (24 h); expired ones are deleted by a job and ignored until then.
 * Endpoints call {@link #run} after their own access checks, so those run on every retry too.
 */
@ApplicationScoped
public class Idempotency {
    private static final Logger LOG = Logger.getLogger(Idempotency.class);

    @Inject ObjectMapper json;
    @Inject Clock clock;
    @Inject Caller caller;
    @Inject JsonWebToken jwt;
    @Inject RdConfig rd;
    @Inject io.quarkus.vertx.http.runtime.CurrentVertxRequest current;

    /**
     * The current POST with its required body: a missing body is a 400 ({@link ApiException#requireBody}) before the key
     * is looked at, and the key belongs to the method and path the request was sent to (as sent, without the query).
     */
    public Response run(String key, Object body, Supplier<Response> action) {
        ApiException.requireBody(body);
        var request = current.getCurrent().request();
        return run(key, request.method().name(), request.path(), body, action);
    }

    /**
     * {@link #run(String, Object, Supplier)} for a POST that adds a resource to the collection it was sent to: 201 with
     * the new resource's view, its version as ETag and as Location the request's path followed by {@code idOf} the view.
     */
    public <V extends Versioned> Response create(String key, Object body, Supplier<V> create, Function<V, String> idOf) {
        String collection = current.getCurrent().request().path();
        return run(key, body, () -> ETags.created(create.get(), v -> UriBuilder.fromPath(collection).path(idOf.apply(v)).build()));
    }

    /**
     * {@link #run(String, Object, Supplier)} for a POST that acts on a resource (a transition, a revocation): 200 with
     * the resource's view after {@code action}, its version as ETag.
     */
    public Response ok(String key, Object body, Supplier<? extends Versioned> action) {
        return run(key, body, () -> ETags.ok(action.get()));
    }

    public Response run(String key, String method, String path, Object request, Supplier<Response> action) {
        return run(key, method, path, request, 0, action);
    }

    /**
     * The same with the transaction around the action (and the key's record) given {@code timeoutSeconds} instead of
     * the default (0: the default), for long actions such as the coverage ledger's check (issue #20).
     */
    public Response run(String key, String method, String path, Object request, int timeoutSeconds, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            return QuarkusTransaction.joiningExisting().timeout(timeoutSeconds).call(action::get);
        }
        if (key.length() > 200) {
            throw ApiException.invalid("Idempotency-Key", FieldMessage.of("must be at most 200 characters", "field.TOO_LONG.chars", 200, key.length()));
        }
        IdempotencyRecord claim = claim(key, method, path, request);
        QuarkusTransaction.requiringNew().run(() -> IdempotencyRecord.delete("keyHash = ?1 and createdAt < ?2",
                claim.keyHash, claim.createdAt.minus(rd.idempotency().ttl())));
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                claim.persistAndFlush();
                Response response = action.get();
                answered(claim, response);
                return response;
            });
        } catch (PersistenceException duplicate) {
            if (!isDuplicate(duplicate)) {
                throw duplicate;
            }
            return replay(claim.keyHash, claim.requestHash, claim.scope);
        }
    }

    /**
     * The key's record before the action runs (status 0: in progress), not yet stored: the caller's issuer, subject
     * and scope, and the hashes of the key (with caller, method and path) and of the request.
     */
    private IdempotencyRecord claim(String key, String method, String path, Object request) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.issuer = issuer();
        record.subject = caller.subject();
        record.scope = scope();
        record.keyHash = hash(record.issuer + "\n" + record.subject + "\n" + method + "\n" + path + "\n" + key);
        record.requestHash = hash(method + " " + path + "\n" + write(request));
        record.method = method;
        record.path = path.length() > 500 ? path.substring(0, 500) : path;
        record.idemKey = key;
        record.status = 0;
        record.createdAt = Instant.now(clock);
        return record;
    }

    /** Keeps the action's answer on the record: status, Location, ETag and the body as JSON. */
    private void answered(IdempotencyRecord record, Response response) {
        record.status = response.getStatus();
        record.location = response.getLocation() == null ? null : response.getLocation().toString();
        record.etag = response.getHeaderString("ETag");
        record.body = response.getEntity() == null ? null : write(inRequestLanguage(response.getEntity()));
    }

    private Response replay(String keyHash, String requestHash, String scope) {
        IdempotencyRecord first = QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.findById(keyHash));
        if (first == null || first.status == 0) {
            throw ApiException.conflict("idempotency-in-progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly").zh("detail.idempotency-in-progress");
        }
        if (!first.scope.equals(scope)) {
            throw ApiException.forbidden("This Idempotency-Key was answered for another role or scope of this caller; "
                    + "the answer is not replayed: use a new key");
        }
        if (!first.requestHash.equals(requestHash)) {
            throw ApiException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request", null).zh("detail.idempotency-key-reused");
        }
        Response.ResponseBuilder b = Response.status(first.status).header("Idempotent-Replayed", "true");
        if (first.location != null) {
            b.location(URI.create(first.location));
        }
        if (first.etag != null) {
            b.header("ETag", first.etag);
        }
        if (first.body != null) {
            // as the first answer was typed: every error of this API is a problem (RFC 9457), every other body JSON
            b.entity(first.body).type(first.status >= 400 ? "application/problem+json;charset=UTF-8" : "application/json;charset=UTF-8");
        }
        return b.build();
    }

    /** Deletes the keys older than rd.idempotency.ttl; returns how many. */
    public long cleanUp() {
        Instant before = Instant.now(clock).minus(rd.idempotency().ttl());
        return QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.delete("createdAt < ?1", before));
    }

    @Scheduled(every = "${rd.idempotency.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCleanUp() {
        try {
            long n = cleanUp();
            if (n > 0) {
                LOG.debugf("Deleted %d expired idempotency keys", n);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Idempotency key clean-up failed (retried at the next run): %s", e.getMessage());
        }
    }

    private String issuer() {
        try {
            return jwt == null || jwt.getRawToken() == null ? "" : String.valueOf(jwt.getIssuer());
        } catch (RuntimeException e) {
            return "";
        }
    }

    private String scope() {
        return caller.role() + "|" + caller.regionCode() + "|" + caller.creditCode() + "|" + caller.assessorId();
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer as the client reads it: an answer with messages for people ({@link Localisable}, e.g. an import report)
     * in the request's Accept-Language, so that a replay answers in the language of the first request (the stored
     * body is replayed as it is, without {@link ProblemLanguage} seeing it again).
     */
    private Object inRequestLanguage(Object entity) {
        if (!(entity instanceof Localisable answer)) {
            return entity;
        }
        var request = current.getCurrent();
        return answer.in(ProblemLanguage.of(request == null ? null : request.request().getHeader("Accept-Language")));
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request body's media type as part of its fingerprint: the Content-Type without the multipart {@code boundary}
     * parameter, which a browser's FormData (and {@code curl -F}) draws anew for every send (RFC 7578 section 4.1), so
     * that a retry of the same upload is a replay, not a reused key. As sent when it cannot be parsed.
     */
    public static String mediaTypeOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            jakarta.ws.rs.core.MediaType t = jakarta.ws.rs.core.MediaType.valueOf(contentType);
            java.util.Map<String, String> params = new java.util.TreeMap<>(t.getParameters());
            params.remove("boundary");
            return new jakarta.ws.rs.core.MediaType(t.getType(), t.getSubtype(), params).toString();
        } catch (IllegalArgumentException e) {
            return contentType;
        }
    }

    /** The boundary of a multipart Content-Type, or null: the bytes a fingerprint of the body must leave out. */
    public static String boundaryOf(String contentType) {
        try {
            return contentType == null ? null : jakarta.ws.rs.core.MediaType.valueOf(contentType).getParameters().get("boundary");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
