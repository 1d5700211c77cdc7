package io.gantry.itests;

import static io.gantry.itests.support.EventStreamClient.seq;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.gantry.engine.api.health.HealthCheck;
import io.gantry.itests.support.Await;
import io.gantry.itests.support.ControllerEvents;
import io.gantry.itests.support.EventStreamClient;
import io.gantry.itests.support.GantryContainer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket event stream in the real controller: events the controller publishes reach real WebSocket
 * clients in order, a client that reconnects with {@code since} misses nothing, and a client that
 * stops reading is dropped with 1008 without holding anyone else up. Each test posts events of
 * its own execution id and streams only those, so the tests do not see each other's events.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventStreamIT {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreamIT.class);
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String TOPIC = "gantry/node/COMPLETED";

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return GantryContainer.options(Path.of("target/itest-events/deploy"));
    }

    @Test
    public void deliversEveryEventInOrder() {
        String execution = newExecution();
        try (EventStreamClient client = EventStreamClient.connect(port(), resumeHere(execution))) {
            post(execution, 0, 500);

            Await.until("500 events", DEADLINE, () -> client.count() == 500);
            assertEquals(range(0, 500), indexes(client.messages()));
            assertAscending(client.messages());
        }
    }

    @Test
    public void aClientThatReconnectsWithSinceEndsWithExactlyTheEventsItWouldHaveHad() {
        String execution = newExecution();
        try (EventStreamClient reference = EventStreamClient.connect(port(), resumeHere(execution))) {
            List<String> received = new ArrayList<>();
            try (EventStreamClient first = EventStreamClient.connect(port(), resumeHere(execution))) {
                post(execution, 0, 100);
                Await.until("the first 100 events", DEADLINE, () -> first.count() == 100);
                received.addAll(first.messages());
            }
            // posted while the client is away
            post(execution, 100, 200);
            long lastSeen = seq(received.get(received.size() - 1));
            try (EventStreamClient again =
                    EventStreamClient.connect(port(), "executionId=" + execution + "&since=" + lastSeen)) {
                post(execution, 200, 300);
                Await.until("the other 200 events", DEADLINE, () -> again.count() == 200);
                received.addAll(again.messages());
            }

            Await.until("300 events at the reference client", DEADLINE, () -> reference.count() == 300);
            assertEquals(reference.messages(), received);
            assertEquals(range(0, 300), indexes(received));
        }
    }

    @Test
    public void aStalledClientIsDroppedWith1008WhileAnotherGetsEverything() {
        String execution = newExecution();
        String query = resumeHere(execution);
        try (EventStreamClient stalled = EventStreamClient.connectStalled(port(), query);
                EventStreamClient healthy = EventStreamClient.connect(port(), query)) {
            // big events fill the socket buffers quickly; then the stalled client's queue fills.
            // Posted in batches the healthy client keeps up with: a burst of 48 MB would make it
            // too slow as well, which is the policy, not what this test is about.
            String payload = "x".repeat(16 * 1024);
            int events = 3_000;
            int batch = 100;
            for (int sent = 0; sent < events; sent += batch) {
                for (int i = sent; i < sent + batch; i++) {
                    events().publish(TOPIC, event(execution, i, Map.of("payload", payload)));
                }
                int expected = sent + batch;
                Await.until(expected + " events at the healthy client", DEADLINE, () -> healthy.count() == expected);
            }
            // once the healthy client has the last event, every event has been offered to both
            stalled.resume();
            Await.until("the stalled client told why", DEADLINE, () -> stalled.closeStatus() != null);
            assertEquals(Integer.valueOf(1008), stalled.closeStatus());
            // 3,000 events of 16 KiB: the memory bound (32 MiB by default) is the one it reaches
            assertEquals("client too slow: 32 MiB queued", stalled.closeReason());
            assertTrue("stalled client got " + stalled.count(), stalled.count() < events);
            assertEquals(range(0, events), indexes(healthy.messages()));
        }
    }

    @Test
    public void measuresDeliveryLatency() {
        for (int clients : List.of(1, 20)) {
            String execution = newExecution();
            List<EventStreamClient> connected = new ArrayList<>();
            try {
                for (int c = 0; c < clients; c++) {
                    connected.add(EventStreamClient.connect(port(), resumeHere(execution)));
                }
                int rounds = 200;
                long[] posted = new long[rounds];
                for (int i = 0; i < rounds; i++) {
                    int expected = i + 1;
                    posted[i] = System.nanoTime();
                    events().publish(TOPIC, event(execution, i, Map.of()));
                    // one event at a time: latency of a quiet controller, not of a backlog
                    Await.until(
                            "event " + i + " everywhere",
                            DEADLINE,
                            () -> connected.stream().allMatch(client -> client.count() >= expected));
                }
                logLatency(clients, posted, connected);
            } finally {
                connected.forEach(EventStreamClient::close);
            }
        }
    }

    private void logLatency(int clients, long[] posted, Collection<EventStreamClient> connected) {
        int warmUp = 50;
        List<Long> micros = new ArrayList<>();
        for (EventStreamClient client : connected) {
            List<Long> arrivals = client.arrivals();
            for (int i = warmUp; i < posted.length; i++) {
                micros.add((arrivals.get(i) - posted[i]) / 1_000);
            }
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        LOG.info(
                "event delivery latency to {} client(s), {} events after {} warm-up: p50 {} us, p90 {} us, p99 {} us, max {} us",
                clients,
                posted.length - warmUp,
                warmUp,
                percentile(sorted, 50),
                percentile(sorted, 90),
                percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)];
    }

    private void post(String execution, int from, int to) {
        for (int i = from; i < to; i++) {
            events().publish(TOPIC, event(execution, i, Map.of()));
        }
    }

    private static Map<String, Object> event(String execution, int index, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("executionId", execution);
        properties.put("pipelineId", "it");
        properties.put("index", index);
        return properties;
    }

    private ControllerEvents events() {
        return ControllerEvents.of(context);
    }

    /** @return query options that stream this execution from the newest event on, whatever the handshake's timing */
    private String resumeHere(String execution) {
        return "executionId=" + execution + "&since=" + health().get("lastSeq");
    }

    private Map<String, Object> health() {
        Await.until("the events health check", DEADLINE, () -> !references().isEmpty());
        ServiceReference<HealthCheck> reference = references().iterator().next();
        HealthCheck check = context.getService(reference);
        try {
            return check.check().details();
        } finally {
            context.ungetService(reference);
        }
    }

    private Collection<ServiceReference<HealthCheck>> references() {
        try {
            return context.getServiceReferences(HealthCheck.class, "(" + HealthCheck.PART + "=events)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private int port() {
        return Integer.parseInt(context.getProperty("gantry.http.port"));
    }

    private static String newExecution() {
        return UUID.randomUUID().toString();
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    private static List<Integer> indexes(List<String> messages) {
        return messages.stream().map(EventStreamIT::index).toList();
    }

    private static int index(String message) {
        int at = message.indexOf("\"index\":");
        if (at < 0) {
            throw new AssertionError("no index in " + message);
        }
        int end = at + 8;
        while (end < message.length() && Character.isDigit(message.charAt(end))) {
            end++;
        }
        return Integer.parseInt(message.substring(at + 8, end));
    }

    private static void assertAscending(List<String> messages) {
        for (int i = 1; i < messages.size(); i++) {
            assertTrue("seq rises at " + i, seq(messages.get(i)) > seq(messages.get(i - 1)));
        }
    }
}
