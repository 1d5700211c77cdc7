package io.gantry.bench.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /api/pipelines/{id}/executions?wait=true under wrk: requests/s, p50 and p99 for a 10-node
 * pipeline and a 1-node one, at 1 and 16 connections. The controller is first loaded for a minute so
 * that the JIT has compiled what runs hot; each case is then warmed up briefly and measured several
 * times.
 */
final class RestThroughputBenchmark extends ControllerBenchmark {
    private static final int[] CONNECTIONS = {1, 16};
    private static final int JIT_WARM_UP_SECONDS = 60;

    RestThroughputBenchmark(Setup setup, Controller controller) {
        super(setup, controller);
    }

    @Override
    void run(Results results) {
        Wrk.requireInstalled();
        Pipelines pipelines = new Pipelines(controller.api());
        String tenNodes = pipelines.createTenNodes("bench-10-nodes");
        String oneNode = pipelines.create(PipelineJson.oneNode("bench-1-node"));
        pipelines.runAndWait(tenNodes);
        pipelines.runAndWait(oneNode);
        Wrk wrk = Wrk.posting(
                setup.work(),
                "run-pipeline",
                Pipelines.RUN_BODY,
                controller.api().token());
        // A controller runs for days: what counts is its speed once the JIT has compiled the hot
        // paths, which takes about a minute of load on 2 cores (the first 15 s serve a third as fast).
        wrk.run(
                controller.api().url(Pipelines.executionsPath(tenNodes, true)),
                16,
                Duration.ofSeconds(setup.rounds(JIT_WARM_UP_SECONDS, 5)));
        for (int connections : CONNECTIONS) {
            measure(results, wrk, "10-node", tenNodes, connections);
            measure(results, wrk, "1-node", oneNode, connections);
        }
    }

    private void measure(Results results, Wrk wrk, String label, String pipelineId, int connections) {
        String url = controller.api().url(Pipelines.executionsPath(pipelineId, true));
        Duration warmUp = Duration.ofSeconds(setup.rounds(5, 1));
        Duration each = Duration.ofSeconds(setup.rounds(15, 3));
        wrk.run(url, connections, warmUp);
        List<Double> rps = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < setup.rounds(3, 2); i++) {
            Wrk.Run run = wrk.run(url, connections, each);
            rps.add(run.requestsPerSecond());
            p50.add(run.p50Ms());
            p99.add(run.p99Ms());
            if (run.failures() != null) {
                failures.add(run.failures());
            }
        }
        String name = "REST " + label + " wait=true, " + connections + " conn";
        String note = "wrk, " + connections + " connection(s), " + Math.min(2, connections) + " thread(s), "
                + warmUp.toSeconds() + " s warm-up, " + each.toSeconds() + " s per run"
                + (failures.isEmpty() ? "" : "; FAILURES: " + String.join(", ", failures));
        results.add(new Figure(name + ": requests/s", "req/s", rps, note));
        results.add(new Figure(name + ": p50", "ms", p50, null));
        results.add(new Figure(name + ": p99", "ms", p99, null));
    }
}
