package io.gantry.engine.core.internal.execution;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the nodes in flight across all executions. A task submitted while every slot is taken waits
 * in FIFO order, in a queue rather than on a blocked thread; the holder hands its slot on with
 * {@link #release()} when its node ends, however much later that is.
 *
 * <p>A task dispatched from a thread that is itself running a dispatched task is kept for that thread
 * to run next (one at most, the rest go to the executor): a chain of quick nodes then runs on one
 * thread without a hand-off per node, while a fan-out still spreads over the pool.
 */
final class SlotDispatcher {
    private final Executor executor;
    private final int maxInFlight;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** The task the current pool thread runs next; absent on threads not running a dispatched task. */
    private final ThreadLocal<Runnable[]> next = new ThreadLocal<>();

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
            runSoon(task);
        }
    }

    private void runSoon(Runnable task) {
        Runnable[] local = next.get();
        if (local != null && local[0] == null) {
            local[0] = task;
        } else {
            executor.execute(() -> runWithFollowers(task));
        }
    }

    private void runWithFollowers(Runnable first) {
        Runnable[] local = {null};
        next.set(local);
        try {
            for (Runnable task = first; task != null; task = local[0]) {
                local[0] = null;
                task.run();
            }
        } finally {
            Runnable left = local[0];
            next.remove();
            if (left != null) {
                // the task threw before its follower could run; the follower still must
                executor.execute(() -> runWithFollowers(left));
            }
        }
    }
}
