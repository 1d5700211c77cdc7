package io.gantry.engine.core.internal.resilience;

import io.gantry.engine.api.error.DeviceFaultException;

/**
 * A call refused because its device's breaker is open: a {@code device-fault} that is not retried
 * within the node. Retrying against an open breaker would only fail fast again until the breaker's
 * delay has passed, which is far longer than a node's backoff; the node fails at once instead.
 */
public final class BreakerOpenException extends DeviceFaultException {
    private static final long serialVersionUID = 1L;

    BreakerOpenException(String deviceId, String message) {
        super(deviceId, message);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
