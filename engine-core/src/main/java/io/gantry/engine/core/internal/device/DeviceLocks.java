package io.gantry.engine.core.internal.device;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * One asynchronous FIFO lock per device id, so two nodes never command one device at once. Waiting
 * is a future, never a parked thread; the monitor guards only the few lines that touch the queue.
 * Each device's queue is bounded (a bulkhead): a device that stalls collects at most that many
 * waiting nodes, and the next one is refused at once instead of waiting behind a dead device.
 *
 * <p>One instance for the controller: the engine's nodes and the signal polls take turns on it. It
 * reads its bound from the execution runtime's configuration, where it has always been set.
 */
@Component(service = DeviceLocks.class, configurationPid = "io.gantry.engine.core.internal.execution.ExecutionRuntime")
public final class DeviceLocks {
    /** The part of the execution runtime's configuration that is the bound. */
    @interface Bound {
        /** @return nodes (and polls) that may wait for one busy device */
        int maxQueuedPerDevice() default 100;
    }

    private final ConcurrentMap<String, DeviceLock> locks = new ConcurrentHashMap<>();
    private final int maxWaiting;

    /** @param bound the runtime's configuration */
    @Activate
    public DeviceLocks(Bound bound) {
        this(bound.maxQueuedPerDevice());
    }

    /** @param maxWaiting nodes that may wait for one device while another node holds it */
    public DeviceLocks(int maxWaiting) {
        this.maxWaiting = maxWaiting;
    }

    /**
     * @return completes when the caller holds the device (the caller must {@link #release} it once);
     *     fails at once with {@link DeviceQueueFullException} when the device's queue is full
     */
    public CompletionStage<Void> acquire(String deviceId) {
        return locks.computeIfAbsent(deviceId, id -> new DeviceLock()).acquire(deviceId, maxWaiting);
    }

    public void release(String deviceId) {
        DeviceLock lock = locks.get(deviceId);
        if (lock == null) {
            throw new IllegalStateException("device '" + deviceId + "' was never locked");
        }
        lock.release();
    }

    private static final class DeviceLock {
        private static final CompletableFuture<Void> GRANTED = CompletableFuture.completedFuture(null);
        private final Queue<CompletableFuture<Void>> waiters = new ArrayDeque<>();
        private boolean held;

        CompletionStage<Void> acquire(String deviceId, int maxWaiting) {
            synchronized (this) {
                if (!held) {
                    held = true;
                    return GRANTED;
                }
                if (waiters.size() >= maxWaiting) {
                    return CompletableFuture.failedFuture(new DeviceQueueFullException(
                            deviceId,
                            "device '" + deviceId
                                    + "' is busy: " + waiters.size()
                                    + " nodes already wait for it (the queue holds at most "
                                    + maxWaiting + ")"));
                }
                CompletableFuture<Void> turn = new CompletableFuture<>();
                waiters.add(turn);
                return turn;
            }
        }

        void release() {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiters.poll();
                held = next != null;
            }
            // hand over outside the monitor: the next holder's continuation runs on this thread
            if (next != null) {
                next.complete(null);
            }
        }
    }
}
