package io.gantry.engine.core.internal.resilience;

import dev.failsafe.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The circuit breaker of one device: Failsafe's state machine, thresholds and delay, fed by the
 * outcomes of the device's calls.
 *
 * <p>Admission looks at the state rather than taking a Failsafe permit: Failsafe has no way to hand
 * back a permit of a call that ended neither well nor badly (a cancel), which would leave a half-open
 * breaker without permits for good. The engine's device lock already lets one call at a time reach a
 * device, so a half-open breaker still sees a single trial call.
 */
final class DeviceBreaker {
    private final String deviceId;
    private final CircuitBreaker<Object> breaker;
    private volatile String lastError = "none";
    private volatile Instant openedAt;

    DeviceBreaker(String deviceId, BreakerSettings settings, Clock clock, BreakerListener listener) {
        this.deviceId = deviceId;
        this.breaker = settings.builder()
                .onOpen(e -> {
                    openedAt = clock.instant();
                    listener.changed(deviceId, "OPEN", lastError);
                })
                .onHalfOpen(e -> listener.changed(
                        deviceId, "HALF_OPEN", "trial call allowed after " + settings.delayMs() + " ms open"))
                .onClose(e -> listener.changed(deviceId, "CLOSED", "device answered again"))
                .build();
    }

    /**
     * @param caller who is about to call the device ({@code node 'move'}, {@code signal poll}), for the message
     * @throws BreakerOpenException while the breaker is open and its delay has not passed
     */
    void admit(String caller) {
        if (!breaker.isOpen()) {
            return;
        }
        Duration remaining = breaker.getRemainingDelay();
        if (remaining.isZero() || remaining.isNegative()) {
            halfOpenIfDue(); // the timer may be late; the first caller after the delay is the trial
            if (!breaker.isOpen()) {
                return;
            }
        }
        throw new BreakerOpenException(
                deviceId,
                caller + ": device '" + deviceId
                        + "': circuit breaker open since " + openedAt + ", calls fail fast for another "
                        + remaining.toMillis() + " ms; last error: " + lastError);
    }

    void succeeded() {
        breaker.recordSuccess();
    }

    void failed(String error) {
        lastError = error;
        breaker.recordFailure();
    }

    /** Half-opens an open breaker whose delay has passed (called by the timer set when it opened). */
    void halfOpenIfDue() {
        synchronized (this) {
            Duration remaining = breaker.getRemainingDelay();
            if (breaker.isOpen() && (remaining.isZero() || remaining.isNegative())) {
                breaker.halfOpen();
            }
        }
    }

    /** @return {@code CLOSED}, {@code OPEN} or {@code HALF_OPEN} */
    String state() {
        return breaker.getState().name();
    }
}
