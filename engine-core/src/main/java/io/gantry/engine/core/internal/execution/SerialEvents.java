package io.gantry.engine.core.internal.execution;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the listener calls of one execution one at a time, in the order they were emitted, without a
 * lock or a thread of its own: whoever emits into an idle queue drains it. Emitting before acting on
 * an event (a node's end before starting successors) thus yields causal order.
 */
final class SerialEvents {
    private static final Logger LOG = LoggerFactory.getLogger(SerialEvents.class);

    private final Queue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    void emit(Runnable call) {
        queue.add(call);
        if (pending.getAndIncrement() == 0) {
            drain();
        }
    }

    private void drain() {
        do {
            Runnable call = queue.poll();
            try {
                call.run();
            } catch (RuntimeException e) {
                // a faulty listener must not break the run it listens to
                LOG.warn("execution listener failed", e);
            }
        } while (pending.decrementAndGet() != 0);
    }
}
