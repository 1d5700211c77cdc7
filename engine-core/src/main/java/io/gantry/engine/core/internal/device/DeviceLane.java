package io.gantry.engine.core.internal.device;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's work, one step after the other, on the shared pool. A step starts when the one
 * before it has completed, and occupies no thread while it waits for a plugin: so a device never
 * runs two commands at once (the {@link io.gantry.engine.api.device.Device} contract), while other
 * devices go on. Each step must complete in bounded time, or the device's later work waits behind it.
 */
final class DeviceLane {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceManager.class);
    static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final String deviceId;
    private final Executor pool;
    private CompletableFuture<Void> tail = DONE; // guarded by this

    DeviceLane(String deviceId, Executor pool) {
        this.deviceId = deviceId;
        this.pool = pool;
    }

    /**
     * @param step started on the pool once the work queued before it is done
     * @return completes when the step's stage has
     */
    synchronized CompletableFuture<Void> then(Supplier<? extends CompletionStage<Void>> step) {
        CompletableFuture<Void> next = tail.thenComposeAsync(ignored -> start(step), pool);
        // a failed step must not stop the steps behind it
        tail = next.exceptionally(failure -> null);
        return next;
    }

    private CompletionStage<Void> start(Supplier<? extends CompletionStage<Void>> step) {
        try {
            CompletionStage<Void> started = step.get();
            return started == null ? DONE : started;
        } catch (RuntimeException e) {
            LOG.error("device '{}': a step of its work failed", deviceId, e);
            return CompletableFuture.failedFuture(e);
        }
    }
}
