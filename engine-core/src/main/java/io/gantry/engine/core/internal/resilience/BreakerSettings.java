package io.gantry.engine.core.internal.resilience;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerBuilder;
import java.time.Duration;

/**
 * Checked breaker settings, and how they become a Failsafe breaker.
 *
 * @param enabled            whether breakers guard device calls at all
 * @param failureThreshold   consecutive failures that open a breaker (when the rate is 0)
 * @param failureRatePercent failures in percent over the last {@code windowSize} calls that open it; 0 for off
 * @param windowSize         calls the rate is measured over
 * @param delayMs            time an open breaker waits before it half-opens
 * @param successThreshold   successful trials that close a half-open breaker
 * @param faultDeviceOnOpen  whether opening also moves the device to FAULT
 */
record BreakerSettings(
        boolean enabled,
        int failureThreshold,
        int failureRatePercent,
        int windowSize,
        long delayMs,
        int successThreshold,
        boolean faultDeviceOnOpen) {

    BreakerSettings {
        if (failureThreshold < 1 || windowSize < 1 || successThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold, windowSize and successThreshold must be at least 1");
        }
        if (failureRatePercent < 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("failureRatePercent must be 0 to 100, was " + failureRatePercent);
        }
        if (delayMs < 1) {
            throw new IllegalArgumentException("delayMs must be at least 1, was " + delayMs);
        }
    }

    static BreakerSettings of(BreakerConfiguration config) {
        return new BreakerSettings(
                config.enabled(),
                config.failureThreshold(),
                config.failureRatePercent(),
                config.windowSize(),
                config.delayMs(),
                config.successThreshold(),
                config.faultDeviceOnOpen());
    }

    /** @return a builder with the thresholds and delay set; the caller adds the listeners */
    CircuitBreakerBuilder<Object> builder() {
        CircuitBreakerBuilder<Object> builder =
                CircuitBreaker.builder().withDelay(Duration.ofMillis(delayMs)).withSuccessThreshold(successThreshold);
        if (failureRatePercent > 0) {
            // a count-based window: this many failures among the last windowSize calls
            int failures = Math.max(1, (int) Math.ceil(failureRatePercent * windowSize / 100.0));
            return builder.withFailureThreshold(failures, windowSize);
        }
        return builder.withFailureThreshold(failureThreshold);
    }
}
