package io.gantry.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the end-to-end benchmarks against the built distribution started as a process and writes
 * their figures as JSON. A benchmark whose endpoint is missing is reported as skipped; one that
 * breaks is reported as failed; either way the others still run.
 *
 * <pre>java -cp benchmarks.jar io.gantry.bench.e2e.EndToEnd DISTRIBUTION PLUGIN_JAR WORK_DIR OUT_JSON [--quick] [--only=NAME]</pre>
 *
 * <p>{@code --only=NAME} runs only the benchmarks whose name starts with NAME (e.g. {@code --only=WebSocket}).
 */
public final class EndToEnd {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** One benchmark; may throw anything, which is reported rather than ending the run. */
    @FunctionalInterface
    private interface Benchmark {
        void run() throws Exception;
    }

    private EndToEnd() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: EndToEnd DISTRIBUTION PLUGIN_JAR WORK_DIR OUT_JSON [--quick] [--only=NAME]");
            System.exit(2);
        }
        Setup setup = new Setup(
                Path.of(args[0]).toAbsolutePath(),
                Path.of(args[1]).toAbsolutePath(),
                Files.createDirectories(Path.of(args[2])).toAbsolutePath(),
                List.of(args).contains("--quick"));
        String only = List.of(args).stream()
                .filter(arg -> arg.startsWith("--only="))
                .map(arg -> arg.substring("--only=".length()))
                .findFirst()
                .orElse("");
        Results results = new Results();
        Map<String, Benchmark> own = new LinkedHashMap<>();
        own.put("start time and idle RSS", () -> new StartupBenchmark(setup).run(results));
        own.put("hot-deploy latency", () -> new HotDeployBenchmark(setup).run(results));
        runAll(own, only, results);
        // the REST benchmarks share one controller with the shipped plugins, started once
        try (Controller controller = setup.install("rest")) {
            controller.start(controller.home().resolve("data"));
            controller.awaitHealthy(READY_TIMEOUT);
            awaitCoreFunctions(controller.api());
            Map<String, Benchmark> rest = new LinkedHashMap<>();
            rest.put("REST throughput", () -> new RestThroughputBenchmark(setup, controller).run(results));
            rest.put("REST parallel branches", () -> new ParallelBranchesRestBenchmark(setup, controller).run(results));
            rest.put("WebSocket event latency", () -> new EventLatencyBenchmark(setup, controller).run(results));
            rest.put("memory after executions", () -> new MemoryBenchmark(setup, controller).run(results));
            // last: its loads leave the JIT, the heap and the event log other than the benchmarks above expect
            rest.put("WebSocket stream under load", () -> new StreamLoadBenchmark(setup, controller).run(results));
            runAll(rest, only, results);
        }
        results.write(Path.of(args[3]));
    }

    private static void runAll(Map<String, Benchmark> benchmarks, String only, Results results) {
        for (Map.Entry<String, Benchmark> benchmark : benchmarks.entrySet()) {
            if (!benchmark.getKey().startsWith(only)) {
                continue;
            }
            System.out.println(benchmark.getKey());
            try {
                benchmark.getValue().run();
            } catch (EndpointMissing e) {
                results.skip(benchmark.getKey(), e.getMessage());
            } catch (Exception e) {
                results.skip(benchmark.getKey(), "failed: " + e);
            }
        }
    }

    /** FileInstall starts the shipped plugins shortly after /api/health first answers. */
    private static void awaitCoreFunctions(Api api) {
        if (api.status("/api/functions") != 200) {
            return;
        }
        Poll.until(
                "core.add in /api/functions",
                READY_TIMEOUT,
                () -> api.get("/api/functions").body().contains("\"core.add\""));
    }
}
