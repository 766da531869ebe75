package cn.liaocheng.rdcoverage.events;

import cn.liaocheng.rdcoverage.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static cn.liaocheng.rdcoverage.TestData.city;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox trap, provoked: 20 writers on two "instances" commit out of id order while two sequencers run, and a
 * follower that always asks after={next} must see every committed event exactly once, in dense positions.
 * <p>
 * Instance A is the service under test: 10 writers create enterprises over HTTP (service transaction, outbox row,
 * its sequencer nudged after commit). Instance B is a second connection pool opened here on the same database:
 * 10 writers write outbox rows with the service's own {@link Changes#write} and hold their transactions open for a
 * random 0-300 ms before committing (one in ten rolls back), and B's sequencer runs {@link Sequencer#assign} in a loop
 * beside A's. Run on MariaDB with {@code -Dquarkus.test.profile=test,mariadb} (see README); on H2 in CI as well.
 */
@QuarkusTest
class EventFeedConcurrencyTest {
    static final int WRITERS_PER_INSTANCE = 10;
    static final int HTTP_WRITES = 8;
    static final int POOL_WRITES = 30;

    @Test
    void aFollowerSeesEveryCommittedEventOnceWhileTwentyWritersCommitOutOfOrder() throws Exception {
        String run = "conc-" + Long.toString(System.nanoTime(), 36);
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String user = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class).orElse("");
        String password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class).orElse("");
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        String start = Feed.head(city());
        String cityToken = TestData.token("CITY_OFFICER", null, null);

        List<Thread> writers = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int w = 0; w < WRITERS_PER_INSTANCE; w++) {
            writers.add(new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < HTTP_WRITES; i++) {
                        String code = TestData.creditCode("371502");
                        TestData.as(cityToken).contentType("application/json")
                                .body(Map.of("creditCode", code, "name", run, "regionCode", "371502"))
                                .post("/api/v1/enterprises").then().statusCode(201);
                        committed.add(code);
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "writer-A-" + w));
            int writer = w;
            writers.add(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password)) {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    go.await();
                    for (int i = 0; i < POOL_WRITES; i++) {
                        String subject = run + "-" + writer + "-" + i;
                        Changes.write(c, EventType.ENTERPRISE_UPDATED, subject, 1L, Scope.EVERYONE, "{\"id\":\"" + subject + "\"}", Instant.now());
                        Thread.sleep(ThreadLocalRandom.current().nextInt(300));
                        if (ThreadLocalRandom.current().nextInt(10) == 0) {
                            c.rollback();
                            rolledBack.add(subject);
                        } else {
                            c.commit();
                            committed.add(subject);
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, "writer-B-" + w));
        }
        Thread sequencerB = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                while (writing.get()) {
                    Sequencer.assign(c, 50);
                    c.commit();
                    Thread.sleep(20);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        }, "sequencer-B");

        long t0 = System.nanoTime();
        writers.forEach(Thread::start);
        sequencerB.start();
        go.countDown();

        // the follower, concurrently with the writers
        Map<String, Integer> seen = new HashMap<>();
        Set<Long> positions = new HashSet<>();
        String cursor = start;
        long lastPosition = Long.parseLong(start);
        int pages = 0;
        long deadline = System.currentTimeMillis() + 110_000;
        while (System.currentTimeMillis() < deadline) {
            boolean writersDone = writers.stream().noneMatch(Thread::isAlive);
            JsonPath page = TestData.as(cityToken).queryParam("after", cursor).queryParam("limit", 100).get("/api/v1/events")
                    .then().statusCode(200).extract().jsonPath();
            pages++;
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                long position = Long.parseLong((String) item.get("cursor"));
                // the city reads every event: positions come dense, one after the other, never twice
                assertEquals(lastPosition + 1, position, "no gap and no repeat after position " + lastPosition);
                lastPosition = position;
                assertTrue(positions.add(position));
                Map<?, ?> data = (Map<?, ?>) item.get("data");
                String subject = String.valueOf(((Map<?, ?>) item.get("subject")).get("id"));
                if (subject.startsWith(run) || run.equals(data.get("name"))) {
                    seen.merge(subject, 1, Integer::sum);
                }
            }
            cursor = page.getString("next");
            if (writersDone && seen.keySet().containsAll(committed)) {
                break;
            }
            if (items.isEmpty()) {
                Thread.sleep(50);
            }
        }
        writing.set(false);
        sequencerB.join();
        for (Thread t : writers) {
            t.join();
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(List.of(), failures);
        int expected = WRITERS_PER_INSTANCE * HTTP_WRITES + WRITERS_PER_INSTANCE * POOL_WRITES - rolledBack.size();
        assertEquals(expected, committed.size());
        assertEquals(committed, seen.keySet(), "every committed event seen");
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "each exactly once");
        assertTrue(java.util.Collections.disjoint(seen.keySet(), rolledBack), "nothing rolled back");
        System.out.printf("no-gap: %d events committed by 20 writers (%d rolled back) followed in %d pages, %d ms%n",
                committed.size(), rolledBack.size(), pages, millis);
    }
}
