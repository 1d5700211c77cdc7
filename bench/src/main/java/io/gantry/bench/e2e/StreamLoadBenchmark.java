package io.gantry.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The live event stream under load: {@value #CLIENTS} WebSocket clients subscribed to everything
 * ({@link CountingClient}: counting, not parsing) while 10-node runs ({@code wait=true}) are POSTed at
 * {@value #RUNS_PER_SECOND} runs/s in an open loop ({@link PacedLoad}), about 4,400 events/s to each
 * client; then wrk's closed loop at 16 connections. Each load runs once with no client and once with
 * the clients, so the cost of the stream to the REST path shows as a ratio.
 *
 * <p>Per client: events received against events published (the stream's {@code lastSeq} in
 * /api/health before and after, once every answer arrived and the stream settled), seqs out of order,
 * and how the server closed it if it did ({@code 1008 client too slow}). A client counts as whole when
 * it received every event published while it was connected, in order, and was not closed.
 */
final class StreamLoadBenchmark extends ControllerBenchmark {
    static final int RUNS_PER_SECOND = 200;
    static final int CLIENTS = 20;
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    StreamLoadBenchmark(Setup setup, Controller controller) {
        super(setup, controller);
    }

    @Override
    void run(Results results) {
        Wrk.requireInstalled();
        URI events = URI.create("ws://127.0.0.1:" + controller.port() + "/api/events");
        CountingClient.connect(events, controller.api().token()).close();
        Pipelines pipelines = new Pipelines(controller.api());
        String id = pipelines.createTenNodes("bench-stream-10-nodes");
        pipelines.runAndWait(id);
        String url = controller.api().url(Pipelines.executionsPath(id, true));
        Wrk wrk = Wrk.posting(
                setup.work(), "run-stream", Pipelines.RUN_BODY, controller.api().token());
        PacedLoad paced =
                new PacedLoad(url, Pipelines.RUN_BODY, controller.api().token());
        Duration each = Duration.ofSeconds(setup.rounds(20, 10));
        // the JIT compiles the REST and the stream's paths; the clients of the warm-up are let go
        withClients(events, CLIENTS, () -> wrk.run(url, 16, Duration.ofSeconds(setup.rounds(20, 10))));

        String pacedName = "stream: 10-node runs at " + RUNS_PER_SECOND + "/s, ";
        String pacedNote = "open loop of POST ?wait=true every " + 1000 / RUNS_PER_SECOND + " ms, " + each.toSeconds()
                + " s; latency from when each run was due";
        Outcome<PacedLoad.Run> alone = withClients(events, 0, () -> paced.run(RUNS_PER_SECOND, each));
        Outcome<PacedLoad.Run> watched = withClients(events, CLIENTS, () -> paced.run(RUNS_PER_SECOND, each));
        for (Outcome<PacedLoad.Run> outcome : List.of(alone, watched)) {
            String name = pacedName + outcome.clients().size() + " clients";
            PacedLoad.Run run = outcome.load();
            String note = pacedNote + (run.failed() == 0 ? "" : "; FAILED: " + run.failed() + " of " + run.sent());
            results.add(new Figure(name + ": runs/s answered", "runs/s", List.of(run.runsPerSecond()), note));
            results.add(new Figure(name + ": REST p50", "ms", List.of(run.p50Ms()), null));
            results.add(new Figure(name + ": REST p99", "ms", List.of(run.p99Ms()), "max " + round(run.maxMs())));
            addStreamFigures(results, name, outcome);
        }
        results.add(new Figure(
                pacedName + "REST p99 with " + CLIENTS + " clients / without",
                "×",
                List.of(watched.load().p99Ms() / alone.load().p99Ms()),
                "aim ≤ 1.5"));

        String fullName = "stream: 10-node full load (wrk, 16 conn), ";
        String fullNote = "wrk closed loop, 16 connections, 2 threads, " + each.toSeconds() + " s";
        Outcome<Wrk.Run> fullAlone = withClients(events, 0, () -> wrk.run(url, 16, each));
        Outcome<Wrk.Run> fullWatched = withClients(events, CLIENTS, () -> wrk.run(url, 16, each));
        for (Outcome<Wrk.Run> outcome : List.of(fullAlone, fullWatched)) {
            String name = fullName + outcome.clients().size() + " clients";
            Wrk.Run run = outcome.load();
            String note = fullNote + (run.failures() == null ? "" : "; FAILURES: " + run.failures());
            results.add(new Figure(name + ": requests/s", "req/s", List.of(run.requestsPerSecond()), note));
            results.add(new Figure(name + ": p99", "ms", List.of(run.p99Ms()), null));
            addStreamFigures(results, name, outcome);
        }
        results.add(new Figure(
                fullName + "req/s with " + CLIENTS + " clients / without",
                "×",
                List.of(fullWatched.load().requestsPerSecond()
                        / fullAlone.load().requestsPerSecond()),
                "aim ≥ 0.8"));
    }

    /**
     * What one load did, and what each client connected during it received.
     *
     * @param load      the load's own figures
     * @param clients   the clients, empty for a load without
     * @param published events published while they were connected
     * @param catchUpMs from the last answer to the last client having every event (or being closed)
     */
    private record Outcome<T>(T load, List<CountingClient.Tally> clients, long published, double catchUpMs) {}

    /** Connects {@code count} clients, runs the load, waits until the clients have all or were closed. */
    private <T> Outcome<T> withClients(URI events, int count, Supplier<T> load) {
        long before = settledLastSeq();
        List<CountingClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                clients.add(CountingClient.connect(events, controller.api().token()));
            }
            Poll.until(
                    "the clients in /api/health",
                    CATCH_UP,
                    () -> streamHealth().path("clients").asInt() >= count);
            T result = load.get();
            long answered = System.nanoTime();
            long after = settledLastSeq();
            long caughtUp = Poll.until(
                    "every client at seq " + after + " or closed",
                    CATCH_UP,
                    () -> clients.stream().allMatch(client -> client.closed() || client.lastSeq() >= after));
            List<CountingClient.Tally> tallies =
                    clients.stream().map(CountingClient::tally).toList();
            return new Outcome<>(result, tallies, after - before, Poll.millisSince(answered, caughtUp));
        } finally {
            clients.forEach(CountingClient::close);
        }
    }

    private void addStreamFigures(Results results, String name, Outcome<?> outcome) {
        List<CountingClient.Tally> clients = outcome.clients();
        if (clients.isEmpty()) {
            return;
        }
        long published = outcome.published();
        long whole = 0;
        long fewest = Long.MAX_VALUE;
        Map<String, Integer> closings = new TreeMap<>();
        // clients that got the same are written once, with how many did: "20 × 44000"
        Map<String, Integer> received = new TreeMap<>();
        for (CountingClient.Tally client : clients) {
            boolean closed = client.closing() != null;
            boolean complete = !closed && client.messages() == published && client.outOfOrder() == 0;
            whole += complete ? 1 : 0;
            fewest = Math.min(fewest, client.messages());
            if (closed) {
                closings.merge(client.closing(), 1, Integer::sum);
            }
            String got = client.messages()
                    + (client.outOfOrder() == 0 ? "" : " (" + client.outOfOrder() + " out of order)")
                    + (client.notices() == 0 ? "" : " (" + client.notices() + " notices)");
            received.merge(got, 1, Integer::sum);
        }
        String perClient = received.entrySet().stream()
                .map(entry -> entry.getValue() + " × " + entry.getKey())
                .collect(Collectors.joining(", "));
        System.out.printf(
                "    %d events published; per client received: %s%s%n",
                published, perClient, closings.isEmpty() ? "" : "; closed by the server: " + closings);
        results.add(new Figure(
                name + ": events published",
                "events",
                List.of((double) published),
                "/api/health events.lastSeq after − before"));
        results.add(new Figure(
                name + ": fewest received / published",
                "×",
                List.of(published == 0 ? 0 : fewest / (double) published),
                "per client: " + perClient));
        results.add(new Figure(
                name + ": clients with every event",
                "clients",
                List.of((double) whole),
                "of " + clients.size() + (closings.isEmpty() ? "; none closed" : "; closed: " + closings)));
        results.add(new Figure(
                name + ": last client caught up", "ms", List.of(outcome.catchUpMs()), "after the load's last answer"));
    }

    /** @return the stream's lastSeq once no event is on its way (two looks 300 ms apart agree) */
    private long settledLastSeq() {
        long[] seen = {-1};
        Poll.until("the event stream settled", CATCH_UP, () -> {
            long now = streamHealth().path("lastSeq").asLong();
            boolean settled = now == seen[0];
            seen[0] = now;
            if (!settled) {
                Poll.pause(Duration.ofMillis(300));
            }
            return settled;
        });
        return seen[0];
    }

    /** @return the health part {@code events}; read also while some other part is DOWN (503) */
    private JsonNode streamHealth() {
        String body = controller.api().get("/api/health").body();
        try {
            return Api.JSON.readTree(body).path("checks").path("events");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON from /api/health: " + body, e);
        }
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
