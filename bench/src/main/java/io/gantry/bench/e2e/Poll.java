package io.gantry.bench.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for the controller to reach a state, by looking every few milliseconds until a deadline. */
final class Poll {
    /** Every 10 ms: fine enough for figures in tens of milliseconds, light on a two-core box. */
    static final Duration EVERY = Duration.ofMillis(10);

    private Poll() {}

    /**
     * @param what    the state waited for, for the timeout's message
     * @param timeout the deadline
     * @param reached true once the state is reached
     * @return {@link System#nanoTime()} at the first look that found the state
     * @throws IllegalStateException when the deadline passes first
     */
    static long until(String what, Duration timeout, BooleanSupplier reached) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (reached.getAsBoolean()) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + timeout.toMillis() + " ms");
            }
            pause(EVERY);
        }
    }

    /** Lets time pass on purpose, e.g. so a freshly started controller settles before its RSS is read. */
    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static double millisSince(long startNanos, long endNanos) {
        return (endNanos - startNanos) / 1e6;
    }
}
