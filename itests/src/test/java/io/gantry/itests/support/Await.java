package io.gantry.itests.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition with a deadline: the tests' only way to synchronise with the controller. */
public final class Await {
    private Await() {}

    /**
     * Polls a condition until it holds.
     *
     * @param what      what is awaited, for the failure message
     * @param timeout   the deadline
     * @param condition the condition; exceptions count as "not yet"
     * @throws AssertionError when the deadline passes
     */
    public static void until(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            pause();
        }
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                + (last == null ? "" : " (last error: " + last + ")"));
    }

    private static void pause() {
        try {
            Thread.sleep(50); // the poll interval, not a synchronisation: the condition decides
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
