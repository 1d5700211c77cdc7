package io.gantry.engine.core.internal.storage;

import io.gantry.engine.api.storage.ExecutionRepository;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Prunes old executions now and then every hour, on one daemon thread of its own. */
final class RetentionTask implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionTask.class);
    private static final Duration PERIOD = Duration.ofHours(1);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gantry-storage-retention");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param executions where to prune
     * @param keepNewest see {@link ExecutionRepository#prune}
     * @param maxAge     see {@link ExecutionRepository#prune}
     */
    RetentionTask(ExecutionRepository executions, int keepNewest, Duration maxAge) {
        scheduler.scheduleWithFixedDelay(
                () -> prune(executions, keepNewest, maxAge), 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void prune(ExecutionRepository executions, int keepNewest, Duration maxAge) {
        try {
            int deleted = executions.prune(keepNewest, maxAge);
            if (deleted > 0) {
                LOG.info(
                        "deleted {} old executions (keeping the newest {}, at most {} old)",
                        deleted,
                        keepNewest,
                        maxAge);
            }
        } catch (RuntimeException e) {
            // housekeeping: a failed round must not stop the next one
            LOG.warn("pruning old executions failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
