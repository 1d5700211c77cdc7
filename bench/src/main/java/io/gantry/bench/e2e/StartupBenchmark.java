package io.gantry.bench.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Process start → first 200 from /api/health, and the resident memory of the idle controller 5 s
 * later. Cold: every start on an empty data folder (first boot; Felix fills its bundle cache).
 * Restart: the same data folder again, as after a power cut.
 */
final class StartupBenchmark {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final Setup setup;

    StartupBenchmark(Setup setup) {
        this.setup = setup;
    }

    void run(Results results) {
        int runs = setup.rounds(5, 3);
        List<Double> cold = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        List<Double> restartRss = new ArrayList<>();
        try (Controller controller = setup.install("startup")) {
            for (int i = 0; i < runs; i++) {
                cold.add(timeToReady(controller, "data-" + i));
                Poll.pause(SETTLE);
                rss.add(controller.rssMiB());
                controller.stop();
            }
            for (int i = 0; i < runs; i++) {
                restart.add(timeToReady(controller, "data-0"));
                Poll.pause(SETTLE);
                restartRss.add(controller.rssMiB());
                controller.stop();
            }
        }
        results.add(new Figure(
                "start to ready, empty data folder",
                "ms",
                cold,
                "bin/gantry started → first 200 from /api/health, polled every 10 ms; the first start "
                        + "records the class-data sharing archive"));
        results.add(new Figure(
                "start to ready, restart on kept data",
                "ms",
                restart,
                "with the class-data sharing archive the first start left in the data folder"));
        results.add(new Figure("idle RSS 5 s after ready", "MiB", rss, "VmRSS of the java process, first starts"));
        results.add(new Figure(
                "idle RSS 5 s after ready, restart on kept data",
                "MiB",
                restartRss,
                "VmRSS of the java process, with the class-data sharing archive"));
    }

    private double timeToReady(Controller controller, String dataFolder) {
        long started = controller.start(controller.home().resolve(dataFolder));
        return Poll.millisSince(started, controller.awaitHealthy(READY_TIMEOUT));
    }
}
