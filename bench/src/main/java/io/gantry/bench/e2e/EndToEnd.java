package io.gantry.bench.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the end-to-end benchmarks against the built distribution started as a process and writes
 * their figures as JSON. A benchmark whose endpoint is missing is reported as skipped; one that
 * breaks is reported as failed; either way the others still run.
 *
 * <pre>java -cp benchmarks.jar io.gantry.bench.e2e.EndToEnd DISTRIBUTION PLUGIN_JAR WORK_DIR OUT_JSON [--quick]</pre>
 */
public final class EndToEnd {
    private EndToEnd() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: EndToEnd DISTRIBUTION PLUGIN_JAR WORK_DIR OUT_JSON [--quick]");
            System.exit(2);
        }
        Setup setup = new Setup(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath(),
                Files.createDirectories(Path.of(args[2])).toAbsolutePath(), List.of(args).contains("--quick"));
        Results results = new Results();
        for (Map.Entry<String, Runnable> benchmark : benchmarks(setup, results).entrySet()) {
            System.out.println(benchmark.getKey());
            try {
                benchmark.getValue().run();
            } catch (EndpointMissing e) {
                results.skip(benchmark.getKey(), e.getMessage());
            } catch (RuntimeException e) {
                results.skip(benchmark.getKey(), "failed: " + e);
            }
        }
        results.write(Path.of(args[3]));
    }

    private static Map<String, Runnable> benchmarks(Setup setup, Results results) {
        Map<String, Runnable> benchmarks = new LinkedHashMap<>();
        benchmarks.put("start time and idle RSS", () -> new StartupBenchmark(setup).run(results));
        benchmarks.put("hot-deploy latency", () -> new HotDeployBenchmark(setup).run(results));
        return benchmarks;
    }
}
