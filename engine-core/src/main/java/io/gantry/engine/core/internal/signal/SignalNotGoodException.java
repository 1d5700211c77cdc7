package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.error.CodedException;

/**
 * A node read a signal whose value cannot be trusted (BAD, STALE, UNCERTAIN): code
 * {@code signal-not-good}; retryable, since the next poll may bring a good value.
 */
public final class SignalNotGoodException extends CodedException {
    private static final long serialVersionUID = 1L;

    SignalNotGoodException(String message) {
        super("signal-not-good", message);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
