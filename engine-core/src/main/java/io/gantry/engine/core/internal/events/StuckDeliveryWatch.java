package io.gantry.engine.core.internal.events;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the deliverer thread: a delivery held longer than a limit means an EventHandler blocks.
 * EventAdmin's own timeout is off (it costs a thread handoff per handler per event), so this is what
 * names the culprit — read from the deliverer's stack — in the log and in the health report.
 */
final class StuckDeliveryWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StuckDeliveryWatch.class);
    private static final long IDLE = Long.MIN_VALUE;

    private final Thread deliverer;
    private final long stuckAfterNanos;
    private final ScheduledExecutorService checker;
    private volatile long startedAt = IDLE;
    private volatile String topic;
    private long reportedFor = IDLE;

    StuckDeliveryWatch(Thread deliverer, long stuckAfterMs) {
        this.deliverer = deliverer;
        this.stuckAfterNanos = TimeUnit.MILLISECONDS.toNanos(stuckAfterMs);
        this.checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "gantry-event-watch");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(10, stuckAfterMs / 4);
        checker.scheduleWithFixedDelay(this::reportIfStuck, every, every, TimeUnit.MILLISECONDS);
    }

    /** The deliverer starts handing out an event. */
    void started(String eventTopic) {
        topic = eventTopic;
        startedAt = System.nanoTime();
    }

    /** The deliverer is done with it. */
    void ended() {
        startedAt = IDLE;
    }

    /** @return the handler holding the current delivery past the limit, or null when none is */
    String stuckHandler() {
        long since = startedAt;
        if (since == IDLE || System.nanoTime() - since < stuckAfterNanos) {
            return null;
        }
        for (StackTraceElement frame : deliverer.getStackTrace()) {
            if ("handleEvent".equals(frame.getMethodName())) {
                return frame.getClassName();
            }
        }
        return "an event handler";
    }

    private void reportIfStuck() {
        long since = startedAt;
        String handler = stuckHandler();
        if (handler != null && since != reportedFor) {
            reportedFor = since;
            LOG.error(
                    "{} has held the delivery of {} for over {} ms; events wait, and are dropped once "
                            + "the queue is full",
                    handler,
                    topic,
                    TimeUnit.NANOSECONDS.toMillis(stuckAfterNanos));
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
