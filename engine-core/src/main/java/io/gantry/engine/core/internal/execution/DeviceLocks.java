package io.gantry.engine.core.internal.execution;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One asynchronous FIFO lock per device id, so two nodes never command one device at once. Waiting
 * is a future, never a parked thread; the monitor guards only the few lines that touch the queue.
 */
final class DeviceLocks {
    private final ConcurrentMap<String, DeviceLock> locks = new ConcurrentHashMap<>();

    /** @return completes when the caller holds the device; the caller must {@link #release} it once */
    CompletionStage<Void> acquire(String deviceId) {
        return locks.computeIfAbsent(deviceId, id -> new DeviceLock()).acquire();
    }

    void release(String deviceId) {
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

        CompletionStage<Void> acquire() {
            synchronized (this) {
                if (!held) {
                    held = true;
                    return GRANTED;
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
