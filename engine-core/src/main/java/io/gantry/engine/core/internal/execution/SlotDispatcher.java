package io.gantry.engine.core.internal.execution;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the nodes in flight across all executions. A task submitted while every slot is taken waits
 * in FIFO order, in a queue rather than on a blocked thread; the holder hands its slot on with
 * {@link #release()} when its node ends, however much later that is.
 */
final class SlotDispatcher {
    private final Executor executor;
    private final int maxInFlight;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    SlotDispatcher(Executor executor, int maxInFlight) {
        this.executor = executor;
        this.maxInFlight = maxInFlight;
    }

    /** Runs the task on the executor once a slot is free; the task must lead to one {@link #release()}. */
    void submit(Runnable task) {
        waiting.add(task);
        dispatch();
    }

    void release() {
        inFlight.decrementAndGet();
        dispatch();
    }

    int inFlight() {
        return inFlight.get();
    }

    private void dispatch() {
        while (!waiting.isEmpty()) {
            int taken = inFlight.get();
            if (taken >= maxInFlight) {
                return;
            }
            if (!inFlight.compareAndSet(taken, taken + 1)) {
                continue;
            }
            Runnable task = waiting.poll();
            if (task == null) {
                // another thread took it; give the slot back and look again (a task may have come in
                // while we held the slot and seen no room)
                inFlight.decrementAndGet();
                continue;
            }
            executor.execute(task);
        }
    }
}
