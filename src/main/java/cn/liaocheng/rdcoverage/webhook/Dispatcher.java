package cn.liaocheng.rdcoverage.webhook;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.events.FeedEvent;
import cn.liaocheng.rdcoverage.events.Sequencer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the feed to webhook subscriptions, at least once and in feed order per subscription.
 * <p>
 * A subscription is claimed by one instance at a time: {@code SELECT ... FOR UPDATE SKIP LOCKED} picks due rows no
 * other instance is claiming right now and stamps them with this instance's lease; the lease is renewed with every
 * delivered event and released at the end of a round, so a crashed instance's claims pass to another after
 * rd.webhooks.lease. (MySQL 8, MariaDB 10.6+ and H2 2.x all accept SKIP LOCKED; H2, single-instance in dev and test,
 * skips rows another transaction holds just like InnoDB.)
 * <p>
 * Each claimed subscription runs its own chain of requests on the JDK HTTP client (connect 2 s, whole request 10 s,
 * redirects never followed), so a slow receiver holds up only its own subscription. No thread pool of our own: the
 * scheduler ticks, the HTTP client completes, and the follow-up database work runs on the client's completion thread.
 * The SQL of claiming, reading and recording is in {@link DeliveryStore}.
 */
@ApplicationScoped
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    static final String OWNER = UUID.randomUUID().toString();

    @Inject AgroalDataSource dataSource;
    @Inject WebhookConfig config;
    @Inject UrlGuard guard;
    @Inject ObjectMapper json;
    @Inject Clock clock;
    @Inject SecretBox box;

    private volatile HttpClient http;

    /**
     * The HTTP client, built on the first delivery rather than with the bean: building it sets up TLS (the trust
     * store and some 300 classes), which an instance with no webhook subscriptions never needs, and which would
     * otherwise happen during start-up, on the scheduler's first tick (issue #14).
     */
    HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(config.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = client;
                }
            }
        }
        return client;
    }

    /** {@code secret} is the opened signing secret, or null with {@code secretProblem} saying why it cannot be read. */
    record Claim(String id, String url, List<String> types, String secret, String secretProblem, long deliveredThrough,
                 int failures, Instant failingSince) {
        Claim deliveredThrough(long position) {
            return new Claim(id, url, types, secret, secretProblem, position, 0, null);
        }
    }

    @Scheduled(identity = "webhook-dispatch", every = "{rd.webhooks.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        dispatch();
    }

    void onSequenced(@Observes Sequencer.Sequenced sequenced) {
        dispatch();
    }

    /** Claims the due subscriptions and starts a round of deliveries for each. */
    public void dispatch() {
        List<Claim> claims;
        try {
            claims = QuarkusTransaction.requiringNew().call(this::claim);
        } catch (RuntimeException e) {
            LOG.warn("Claiming webhook subscriptions failed", e);
            return;
        }
        for (Claim c : claims) {
            next(c, 0);
        }
    }

    private List<Claim> claim() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return DeliveryStore.claim(c, OWNER, Instant.now(clock), config.lease(), 20, box);
        }
    }

    /** Delivers the subscription's next event, then the one after, until none is left, a failure, or the round's batch. */
    private void next(Claim claim, int sent) {
        FeedEvent event;
        try {
            if (sent >= config.batch()) {
                release(claim);
                return;
            }
            event = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = dataSource.getConnection()) {
                    return DeliveryStore.nextEvent(c, OWNER, claim, json);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook subscription %s: reading its next event failed", claim.id());
            return; // the lease runs out and the subscription is taken up again
        }
        if (event != null) {
            deliver(claim, event, sent);
        }
    }

    /** Sends one event, unless the url is refused or the secret cannot be read: those settle as failures unsent. */
    private void deliver(Claim claim, FeedEvent event, int sent) {
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        FieldMessage refused = guard.problem(claim.url());
        if (refused != null) {
            settle(claim, event, sent, null, 0, "refused: url " + refused.english());
            return;
        }
        if (claim.secretProblem() != null) {
            settle(claim, event, sent, null, 0, "not sent: " + claim.secretProblem());
            return;
        }
        HttpRequest request = request(claim, event, body);
        long started = System.nanoTime();
        http().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, failure) -> {
                    long latency = (System.nanoTime() - started) / 1_000_000;
                    try {
                        settleResponse(claim, event, sent, response, failure, latency);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Webhook subscription %s: recording a delivery failed", claim.id());
                    }
                });
    }

    /** The signed POST of one event (Standard Webhooks headers: webhook-id, webhook-timestamp, webhook-signature). */
    private HttpRequest request(Claim claim, FeedEvent event, String body) {
        long timestamp = Instant.now(clock).getEpochSecond();
        return HttpRequest.newBuilder(URI.create(claim.url().trim()))
                .timeout(config.requestTimeout())
                .header("content-type", "application/json")
                .header("user-agent", "rd-coverage-webhooks/1")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", Signatures.sign(claim.secret(), event.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A 2xx is a success; any other status, a timeout or a connection failure is a failed attempt. */
    private void settleResponse(Claim claim, FeedEvent event, int sent, HttpResponse<Void> response,
            Throwable failure, long latency) {
        if (failure != null) {
            settle(claim, event, sent, null, latency, describe(failure));
            return;
        }
        int status = response.statusCode();
        settle(claim, event, sent, status, latency, status >= 200 && status < 300 ? null
                : "the receiver answered " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
    }

    /** Logs the attempt; on success moves the cursor and goes on, on failure schedules the retry (or disables). */
    private void settle(Claim claim, FeedEvent event, int sent, Integer status, long latency, String error) {
        Instant now = Instant.now(clock);
        Boolean goOn = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return DeliveryStore.record(c, OWNER, config, claim, event, status, latency, error, now);
            }
        });
        if (Boolean.TRUE.equals(goOn)) {
            next(claim.deliveredThrough(Long.parseLong(event.cursor())), sent + 1);
        }
    }

    /** initial-backoff doubled for each failure after the first, at most max-backoff. */
    Duration backoff(int failures) {
        return DeliveryStore.backoff(config, failures);
    }

    private void release(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                DeliveryStore.release(c, claim.id(), OWNER);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String describe(Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.http.HttpTimeoutException) {
            return "timed out (" + t.getClass().getSimpleName() + ")";
        }
        if (t instanceof java.net.ConnectException) {
            return "could not connect";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
