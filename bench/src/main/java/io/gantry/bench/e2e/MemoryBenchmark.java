package io.gantry.bench.e2e;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heap in use after a full GC, and RSS, idle and after 10,000 executions of the 10-node pipeline:
 * what the controller keeps (records, caches, leaks) once the work is done.
 */
final class MemoryBenchmark extends ControllerBenchmark {
    private static final int CLIENTS = 4;

    MemoryBenchmark(Setup setup, Controller controller) {
        super(setup, controller);
    }

    @Override
    void run(Results results) throws Exception {
        // the idle figures come first, so they are there even when the REST endpoints are not
        results.add(new Figure(
                "heap after GC, idle with the shipped plugins",
                "MiB",
                List.of(Jcmd.heapUsedAfterGcMiB(controller.pid())),
                "jcmd GC.run, then GC.heap_info; one run"));
        results.add(new Figure("RSS idle with the shipped plugins", "MiB", List.of(controller.rssMiB()), "one run"));
        Pipelines pipelines = new Pipelines(controller.api());
        String id = pipelines.createTenNodes("bench-10-nodes-memory");
        pipelines.runAndWait(id);
        int executions = setup.rounds(10_000, 1_000);
        runAll(pipelines, id, executions);
        String note = executions + " executions of the 10-node pipeline, " + CLIENTS + " clients, wait=true; one run";
        results.add(new Figure(
                "heap after GC, after " + executions + " executions",
                "MiB",
                List.of(Jcmd.heapUsedAfterGcMiB(controller.pid())),
                note));
        results.add(new Figure("RSS after " + executions + " executions", "MiB", List.of(controller.rssMiB()), note));
    }

    private static void runAll(Pipelines pipelines, String id, int executions) throws Exception {
        AtomicInteger left = new AtomicInteger(executions);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Object>> done = clients.invokeAll(Collections.nCopies(CLIENTS, () -> {
                while (left.getAndDecrement() > 0) {
                    pipelines.runAndWait(id);
                }
                return null;
            }));
            for (Future<Object> client : done) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
