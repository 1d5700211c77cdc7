package io.gantry.engine.core.internal.resilience;

/** Hears a device breaker change state; called on the thread that caused the change, must be quick. */
@FunctionalInterface
interface BreakerListener {
    /**
     * @param deviceId the device
     * @param state    the new state: {@code OPEN}, {@code HALF_OPEN} or {@code CLOSED}
     * @param reason   why: the last device error for OPEN, else a short description
     */
    void changed(String deviceId, String state, String reason);
}
