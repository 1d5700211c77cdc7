package io.gantry.bench.e2e;

import java.util.ArrayList;
import java.util.List;

/**
 * 4 branches of core.delay 50 ms side by side against 1 such branch, over REST: the execution's
 * own durationMs, runs one after another. Parallel branches should cost no more than one.
 */
final class ParallelBranchesRestBenchmark extends ControllerBenchmark {
    private static final long DELAY_MS = 50;

    ParallelBranchesRestBenchmark(Setup setup, Controller controller) {
        super(setup, controller);
    }

    @Override
    void run(Results results) {
        Pipelines pipelines = new Pipelines(controller.api());
        for (int branches : new int[] {1, 4}) {
            String id = pipelines.create(PipelineJson.delayBranches("bench-" + branches + "x50ms", branches, DELAY_MS));
            List<Double> durations = new ArrayList<>();
            for (int i = 0; i < setup.rounds(20, 5); i++) {
                durations.add(pipelines.runAndWait(id).path("durationMs").asDouble());
            }
            results.add(new Figure(
                    "REST " + branches + " branch(es) of 50 ms delay: durationMs",
                    "ms",
                    durations,
                    "core.constant → " + branches + " × core.delay 50 ms, wait=true, sequential"));
        }
    }
}
