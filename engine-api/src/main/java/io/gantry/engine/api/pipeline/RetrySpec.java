package io.gantry.engine.api.pipeline;

/**
 * How a node retries a failed call. Only retryable failures (device faults and timeouts) are
 * retried; bad input and cancellation never are.
 *
 * @param maxAttempts  attempts in all, at least 1 (1 means no retry)
 * @param backoffMs    delay before the first retry, in ms
 * @param multiplier   factor applied to the delay after each retry, at least 1
 * @param maxBackoffMs upper bound of the delay, in ms; 0 for none
 * @param jitter       random share (0 to 1) added to or taken from each delay
 */
public record RetrySpec(int maxAttempts, long backoffMs, double multiplier, long maxBackoffMs, double jitter) {
    /** No retry: one attempt. */
    public static final RetrySpec NONE = new RetrySpec(1, 0, 1, 0, 0);

    /** Checks the ranges. */
    public RetrySpec {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (backoffMs < 0 || maxBackoffMs < 0) {
            throw new IllegalArgumentException("backoffMs and maxBackoffMs must not be negative");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
    }

    /**
     * @param attempt the attempt that just failed, from 1
     * @return the delay before the next attempt, without jitter, in ms
     */
    public long delayAfter(int attempt) {
        double delay = backoffMs * Math.pow(multiplier, attempt - 1);
        return (long) (maxBackoffMs > 0 ? Math.min(delay, maxBackoffMs) : delay);
    }
}
