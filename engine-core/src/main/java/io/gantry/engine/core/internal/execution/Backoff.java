package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.pipeline.RetrySpec;
import java.util.concurrent.ThreadLocalRandom;

/** The wait before a retry: the spec's exponential delay, spread by its jitter so retries do not align. */
final class Backoff {

    private Backoff() {}

    /**
     * @param spec         the node's retry spec
     * @param failedAttempt the attempt that just failed, from 1
     * @return the delay in ms, never negative
     */
    static long delayAfter(RetrySpec spec, int failedAttempt) {
        long base = spec.delayAfter(failedAttempt);
        if (spec.jitter() == 0 || base == 0) {
            return base;
        }
        double spread = spec.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Math.max(0, Math.round(base * (1 + spread)));
    }
}
