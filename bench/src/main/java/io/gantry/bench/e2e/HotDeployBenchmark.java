package io.gantry.bench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Plugin jar moved into deploy/ → its functions listed, on a running controller that was started
 * without it. Listed means {@code core.add} in GET /api/functions where that endpoint exists, else
 * one more active bundle in /api/health (the figure says which). The jar is deleted between rounds
 * and the next round waits until it is gone.
 */
final class HotDeployBenchmark {
    private static final String PLUGIN_PREFIX = "core-functions";
    private static final String FUNCTION = "core.add";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Setup setup;

    HotDeployBenchmark(Setup setup) {
        this.setup = setup;
    }

    void run(Results results) {
        List<Double> latencies = new ArrayList<>();
        String signal;
        try (Controller controller = setup.install("hot-deploy")) {
            controller.undeploy(PLUGIN_PREFIX);
            controller.start(controller.home().resolve("data"));
            controller.awaitHealthy(TIMEOUT);
            Api api = controller.api();
            boolean functionsEndpoint = api.status("/api/functions") == 200;
            int baseline = activeBundles(api);
            BooleanSupplier listed =
                    functionsEndpoint ? () -> functionListed(api) : () -> activeBundles(api) > baseline;
            signal = functionsEndpoint
                    ? "'" + FUNCTION + "' listed by GET /api/functions"
                    : "GET /api/functions not available: bundles.active of /api/health rose by one";
            for (int round = 0; round < setup.rounds(10, 3); round++) {
                latencies.add(deployOnce(controller, listed));
            }
        }
        results.add(new Figure(
                "hot deploy: jar into deploy/ → functions listed",
                "ms",
                latencies,
                "signal: " + signal + "; FileInstall polls deploy/ every 500 ms"));
    }

    private double deployOnce(Controller controller, BooleanSupplier listed) {
        Path jar = Files2.dropInto(controller.deploy(), setup.pluginJar(), PLUGIN_PREFIX + ".jar");
        long dropped = System.nanoTime();
        long seen = Poll.until("plugin listed after the drop", TIMEOUT, listed);
        Files2.delete(jar);
        Poll.until("plugin gone after the delete", TIMEOUT, () -> !listed.getAsBoolean());
        return Poll.millisSince(dropped, seen);
    }

    private static boolean functionListed(Api api) {
        for (JsonNode function : Api.expect(api.get("/api/functions"), 200)) {
            if (FUNCTION.equals(function.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    private static int activeBundles(Api api) {
        return Api.expect(api.get("/api/health"), 200)
                .path("bundles")
                .path("active")
                .asInt();
    }
}
