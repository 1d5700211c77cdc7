package io.gantry.engine.core.internal.storage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes old data now and then every hour, on one daemon thread of its own. */
final class RetentionTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionTask.class);
    private static final Duration PERIOD = Duration.ofHours(1);

    /**
     * One kind of old data and how to delete it.
     *
     * @param what  what is deleted, for the log: {@code old executions (keeping …)}
     * @param prune deletes it and says how many rows went
     */
    record Pruning(String what, IntSupplier prune) {}

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gantry-storage-retention");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param prunings what to delete, in this order each round
     */
    RetentionTask(List<Pruning> prunings) {
        scheduler.scheduleWithFixedDelay(
                () -> prunings.forEach(RetentionTask::prune), 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void prune(Pruning pruning) {
        try {
            int deleted = pruning.prune().getAsInt();
            if (deleted > 0) {
                LOG.info("deleted {} {}", deleted, pruning.what());
            }
        } catch (RuntimeException e) {
            // housekeeping: a failed round must not stop the next one, nor the other prunings
            LOG.warn("deleting {} failed", pruning.what(), e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
