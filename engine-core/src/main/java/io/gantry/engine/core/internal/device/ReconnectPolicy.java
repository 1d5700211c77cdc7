package io.gantry.engine.core.internal.device;

/**
 * How a device whose link dropped is connected again: after a wait that doubles with each failed
 * attempt, up to a ceiling. Only a dropped link is re-established by itself; a device that reports a
 * fault, or whose connect an operator asked for and failed, waits for the operator.
 *
 * @param initialMs the first wait; 0 disables reconnecting
 * @param maxMs     the longest wait
 */
record ReconnectPolicy(long initialMs, long maxMs) {
    boolean enabled() {
        return initialMs > 0;
    }

    /** @return the wait before the attempt after {@code failed} failed ones */
    long delayMs(int failed) {
        long delay = initialMs;
        for (int i = 0; i < failed && delay < maxMs; i++) {
            delay *= 2;
        }
        return Math.min(delay, Math.max(initialMs, maxMs));
    }
}
