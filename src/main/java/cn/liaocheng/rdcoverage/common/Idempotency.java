package cn.liaocheng.rdcoverage.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Idempotency-Key on POST: the first request's response is stored in the same transaction as its effect; a retry
 * with the same key and request gets that response again, the same key with another request is 422, and a retry
 * while the first is still running waits for it (the key row is locked) and then gets its response.
 */
@ApplicationScoped
public class Idempotency {
    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public Response run(String key, String caller, String method, String path, Object request, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            return QuarkusTransaction.joiningExisting().call(action::get);
        }
        if (key.length() > 200) {
            throw ApiException.invalid("Idempotency-Key", "must be at most 200 characters");
        }
        String hash = hash(method + " " + path + "\n" + write(request));
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                IdempotencyRecord record = new IdempotencyRecord();
                record.caller = caller;
                record.idemKey = key;
                record.requestHash = hash;
                record.status = 0;
                record.createdAt = Instant.now(clock);
                record.persistAndFlush();
                Response response = action.get();
                record.status = response.getStatus();
                record.location = response.getLocation() == null ? null : response.getLocation().toString();
                record.body = response.getEntity() == null ? null : write(response.getEntity());
                return response;
            });
        } catch (PersistenceException duplicate) {
            if (!isDuplicate(duplicate)) {
                throw duplicate;
            }
            return replay(key, caller, hash);
        }
    }

    private Response replay(String key, String caller, String hash) {
        IdempotencyRecord first = QuarkusTransaction.requiringNew().call(() ->
                IdempotencyRecord.findById(new IdempotencyRecord.Key(caller, key)));
        if (first == null || first.status == 0) {
            throw ApiException.conflict("idempotency-in-progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly");
        }
        if (!first.requestHash.equals(hash)) {
            throw ApiException.unprocessable("idempotency-key-reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request", null);
        }
        Response.ResponseBuilder b = Response.status(first.status).header("Idempotent-Replayed", "true");
        if (first.location != null) {
            b.location(URI.create(first.location));
        }
        if (first.body != null) {
            b.entity(first.body).type("application/json");
        }
        return b.build();
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
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
}
