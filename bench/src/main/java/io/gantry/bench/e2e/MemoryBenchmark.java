package io.gantry.bench.e2e;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heap in use after a full GC, and RSS, before and after 10,000 executions of the 10-node pipeline:
 * what the controller keeps (records, caches, leaks) once the work is done.
 */
final class MemoryBenchmark {
    private static final int CLIENTS = 4;

    private final Setup setup;
    private final Controller controller;

    MemoryBenchmark(Setup setup, Controller controller) {
        this.setup = setup;
        this.controller = controller;
    }

    void run(Results results) throws Exception {
        Pipelines pipelines = new Pipelines(controller.api());
        String id = pipelines.createTenNodes();
        pipelines.runAndWait(id);
        double heapBefore = Jcmd.heapUsedAfterGcMiB(controller.pid());
        double rssBefore = controller.rssMiB();
        int executions = setup.rounds(10_000, 1_000);
        runAll(pipelines, id, executions);
        double heapAfter = Jcmd.heapUsedAfterGcMiB(controller.pid());
        double rssAfter = controller.rssMiB();
        String note = executions + " executions of the 10-node pipeline, " + CLIENTS + " clients, wait=true; one run";
        results.add(new Figure("heap after GC, before the executions", "MiB", List.of(heapBefore), "jcmd GC.run + GC.heap_info"));
        results.add(new Figure("heap after GC, after " + executions + " executions", "MiB", List.of(heapAfter), note));
        results.add(new Figure("RSS before the executions", "MiB", List.of(rssBefore), null));
        results.add(new Figure("RSS after " + executions + " executions", "MiB", List.of(rssAfter), note));
    }

    private static void runAll(Pipelines pipelines, String id, int executions) throws Exception {
        AtomicInteger left = new AtomicInteger(executions);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Object>> done = clients.invokeAll(java.util.Collections.nCopies(CLIENTS, () -> {
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
