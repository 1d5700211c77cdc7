package io.gantry.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Event delivery latency to 1 and to 20 WebSocket clients of /api/events while executions make
 * about 1,000 events/s: the event's own {@code timestamp} (set by the controller) to its arrival
 * here, on the same machine and clock. 1-node runs are started at 250/s without waiting; each makes
 * about four events (pipeline started, node executing, node completed, pipeline completed), and the
 * rate actually delivered is reported beside the latencies.
 */
final class EventLatencyBenchmark extends ControllerBenchmark {
    private static final long RUN_EVERY_MICROS = 4_000;

    EventLatencyBenchmark(Setup setup, Controller controller) {
        super(setup, controller);
    }

    @Override
    void run(Results results) {
        URI events = URI.create("ws://127.0.0.1:" + controller.port() + "/api/events");
        connect(events, controller.api().token(), new ConcurrentLinkedQueue<>())
                .sendClose(WebSocket.NORMAL_CLOSURE, "probe")
                .join();
        Pipelines pipelines = new Pipelines(controller.api());
        String id = pipelines.create(PipelineJson.oneNode("bench-events"));
        pipelines.runAndWait(id);
        for (int clients : new int[] {1, 20}) {
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> rate = new ArrayList<>();
            for (int round = 0; round < setup.rounds(3, 1); round++) {
                Duration load = Duration.ofSeconds(setup.rounds(10, 3));
                List<Double> latencies = measure(events, controller.api().token(), pipelines, id, clients, load);
                latencies.sort(null);
                p50.add(percentile(latencies, 0.50));
                p99.add(percentile(latencies, 0.99));
                rate.add(latencies.size() / (double) clients / load.toSeconds());
            }
            String name = "WebSocket events, " + clients + " client(s)";
            results.add(new Figure(name + ": latency p50", "ms", p50, "event timestamp → arrival"));
            results.add(new Figure(name + ": latency p99", "ms", p99, null));
            results.add(new Figure(name + ": events/s per client", "ev/s", rate, "aimed at ~1,000"));
        }
    }

    private List<Double> measure(URI events, String token, Pipelines pipelines, String id, int clients, Duration load) {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sockets.add(connect(events, token, latencies));
        }
        ScheduledExecutorService driver = Executors.newSingleThreadScheduledExecutor();
        try {
            driver.scheduleAtFixedRate(() -> pipelines.startAsync(id), 0, RUN_EVERY_MICROS, TimeUnit.MICROSECONDS);
            Poll.pause(load);
        } finally {
            driver.shutdownNow();
            sockets.forEach(WebSocket::abort);
        }
        return new ArrayList<>(latencies);
    }

    private static WebSocket connect(URI events, String token, ConcurrentLinkedQueue<Double> latencies) {
        try {
            return HttpClient.newHttpClient()
                    .newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(events, new LatencyListener(latencies))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new EndpointMissing("endpoint not available: " + events.getPath()
                    + " is not upgradable to a WebSocket (" + e.getCause() + ")");
        }
    }

    private static double percentile(List<Double> sorted, double fraction) {
        if (sorted.isEmpty()) {
            throw new IllegalStateException("no events arrived");
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(fraction * sorted.size())));
    }

    /** Notes, for every event, how long ago the controller stamped it. */
    private static final class LatencyListener implements WebSocket.Listener {
        private final ConcurrentLinkedQueue<Double> latencies;
        private final StringBuilder message = new StringBuilder();

        LatencyListener(ConcurrentLinkedQueue<Double> latencies) {
            this.latencies = latencies;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                Instant arrived = Instant.now();
                try {
                    JsonNode event = Api.JSON.readTree(message.toString());
                    Instant stamped = Instant.parse(event.path("timestamp").asText());
                    latencies.add(Duration.between(stamped, arrived).toNanos() / 1e6);
                } catch (Exception e) {
                    // not an event with a timestamp (e.g. a greeting): nothing to time
                }
                message.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
