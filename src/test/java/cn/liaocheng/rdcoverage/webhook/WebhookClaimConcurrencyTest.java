package cn.liaocheng.rdcoverage.webhook;

import cn.liaocheng.rdcoverage.TestData;
import cn.liaocheng.rdcoverage.events.FeedEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several instances share the deliveries (issue 16): the service's own dispatcher and two more "instances", each a
 * thread with its own database connection and lease owner, run the real claim code ({@link Dispatcher#claim},
 * {@link Dispatcher#nextEvent}, {@link Dispatcher#record}: SELECT ... FOR UPDATE SKIP LOCKED and the lease) against
 * the same database at once, while two writers create enterprises over HTTP. Six subscriptions; the first one's
 * receiver fails the first attempt of every event. Every event must reach every subscription's receiver exactly once
 * per attempt (the failing one: exactly twice, attempt 1 then 2), in feed order per subscription, and the delivery log
 * must hold exactly those attempts. Runs on H2 in the suite and on MariaDB with -Dquarkus.test.profile=test,mariadb.
 */
@QuarkusTest
class WebhookClaimConcurrencyTest {
    static final int SUBSCRIPTIONS = 6;
    static final int WRITES = 30;

    @Inject
    WebhookConfig config;

    @Inject
    SecretBox box;

    @Inject
    ObjectMapper json;

    @Inject
    AgroalDataSource dataSource;

    record Arrival(String path, String webhookId, long cursor, String subjectId, int status) {
    }

    @Test
    void threeInstancesDeliverEachEventOncePerAttemptAndInOrderPerSubscription() throws Exception {
        List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            JsonNode event = json.readTree(body);
            String path = exchange.getRequestURI().getPath();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            // /s0 fails the first attempt of every event
            int status = path.equals("/s0") && failedOnce.add(id) ? 500 : 204;
            arrivals.add(new Arrival(path, id, Long.parseLong(event.get("cursor").asText()), event.path("subject").path("id").asText(), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();

        List<String> subscriptions = new ArrayList<>();
        Map<String, String> pathOf = new HashMap<>();
        String cityToken = TestData.token("CITY_OFFICER", null, null);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> sentBy = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                String id = WebhookTest.subscribe(base + "/s" + i, List.of("enterprise.created")).getString("id");
                subscriptions.add(id);
                pathOf.put(id, "/s" + i);
            }
            String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
            String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("");
            String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
            for (String owner : List.of("instance-B", "instance-C")) {
                sentBy.put(owner, new AtomicInteger());
                threads.add(new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(url, user, password)) {
                        c.setAutoCommit(false);
                        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                        while (running.get()) {
                            // at most two subscriptions a claim, so that the service's dispatcher gets its share too
                            List<Dispatcher.Claim> claims = DeliveryStore.claim(c, owner, Instant.now(), config.lease(), 2, box);
                            c.commit();
                            for (Dispatcher.Claim claim : claims) {
                                deliver(c, owner, claim, http, sentBy.get(owner));
                            }
                            Thread.sleep(20);
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }, owner));
            }
            threads.forEach(Thread::start);

            Set<String> codes = ConcurrentHashMap.newKeySet();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                writers.add(new Thread(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < WRITES / 2; i++) {
                            String code = TestData.creditCode("371502");
                            TestData.as(cityToken).contentType("application/json")
                                    .body(Map.of("creditCode", code, "name", "并发回调", "regionCode", "371502"))
                                    .post("/api/v1/enterprises").then().statusCode(201);
                            codes.add(code);
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            writers.forEach(Thread::start);
            go.countDown();
            for (Thread t : writers) {
                t.join();
            }
            assertEquals(List.of(), failures);
            assertEquals(WRITES, codes.size());

            // every subscription has had every event delivered (succeeded) once
            WebhookTest.await("every event at every receiver", () -> subscriptions.stream().allMatch(s -> arrivals.stream()
                    .filter(a -> a.path().equals(pathOf.get(s)) && a.status() == 204 && codes.contains(a.subjectId()))
                    .count() >= WRITES), 90_000);
            Thread.sleep(1_500); // anything sent twice would arrive meanwhile
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), failures);

            int total = 0;
            for (String s : subscriptions) {
                String path = pathOf.get(s);
                List<Arrival> got = arrivals.stream().filter(a -> a.path().equals(path) && codes.contains(a.subjectId())).toList();
                int attemptsPerEvent = path.equals("/s0") ? 2 : 1;
                assertEquals(WRITES * attemptsPerEvent, got.size(), path + ": each event " + attemptsPerEvent + " time(s), no more");
                Map<String, List<Integer>> statusesById = new LinkedHashMap<>();
                long lastCursor = -1;
                for (Arrival a : got) {
                    assertTrue(a.cursor() >= lastCursor, path + ": in feed order (" + a.cursor() + " after " + lastCursor + ")");
                    lastCursor = a.cursor();
                    statusesById.computeIfAbsent(a.webhookId(), k -> new ArrayList<>()).add(a.status());
                }
                assertEquals(WRITES, statusesById.size());
                for (List<Integer> statuses : statusesById.values()) {
                    assertEquals(attemptsPerEvent == 2 ? List.of(500, 204) : List.of(204), statuses, path);
                }
                // the delivery log: one row per attempt, numbered 1 (and 2 after the failure), nothing else
                try (Connection c = dataSource.getConnection();
                     PreparedStatement ps = c.prepareStatement("select event_id, attempt, succeeded from webhook_delivery "
                             + "where subscription_id = ? order by id")) {
                    ps.setString(1, s);
                    Map<String, List<String>> logged = new LinkedHashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            logged.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getInt(2) + ":" + rs.getBoolean(3));
                        }
                    }
                    assertEquals(statusesById.keySet(), logged.keySet(), path + ": the log names the events received");
                    for (List<String> attempts : logged.values()) {
                        assertEquals(attemptsPerEvent == 2 ? List.of("1:false", "2:true") : List.of("1:true"), attempts, path);
                    }
                }
                total += got.size();
            }
            int others = sentBy.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.printf("webhook claims: %d attempts to %d subscriptions; instance B %d, instance C %d, the service %d%n",
                    total, SUBSCRIPTIONS, sentBy.get("instance-B").get(), sentBy.get("instance-C").get(), total - others);
            assertTrue(others > 0 && total - others > 0, "the deliveries were shared between instances: the service sent "
                    + (total - others) + ", the other two " + others);
        } finally {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
            for (String s : subscriptions) {
                WebhookTest.admin().delete("/api/v1/webhook-subscriptions/" + s);
            }
            server.stop(0);
        }
    }

    /** One round of another instance, as Dispatcher runs it: next event, POST, record, until none is left or a failure. */
    private void deliver(Connection c, String owner, Dispatcher.Claim claim, HttpClient http, AtomicInteger sent) throws Exception {
        Dispatcher.Claim current = claim;
        while (true) {
            FeedEvent event = DeliveryStore.nextEvent(c, owner, current, json);
            c.commit();
            if (event == null) {
                return;
            }
            String body = json.writeValueAsString(event);
            long timestamp = Instant.now().getEpochSecond();
            long started = System.nanoTime();
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(current.url()))
                    .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                    .header("webhook-id", event.id()).header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", Signatures.sign(current.secret(), event.id(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            sent.incrementAndGet();
            int status = response.statusCode();
            boolean ok = DeliveryStore.record(c, owner, config, current, event, status, (System.nanoTime() - started) / 1_000_000,
                    status / 100 == 2 ? null : "the receiver answered " + status, Instant.now());
            c.commit();
            if (!ok) {
                return;
            }
            current = current.deliveredThrough(Long.parseLong(event.cursor()));
        }
    }
}
