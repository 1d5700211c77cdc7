package io.gantry.rest.bundle.internal.events;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline; the tests' way to meet another thread. */
final class Poll {
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private Poll() {}

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + DEADLINE.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(5); // the poll interval, not a synchronisation: the condition decides
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }
}
