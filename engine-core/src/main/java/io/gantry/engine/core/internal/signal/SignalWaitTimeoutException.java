package io.gantry.engine.core.internal.signal;

import io.gantry.engine.api.error.CodedException;

/**
 * A {@code core.wait_signal} node's condition did not hold within its timeout: code
 * {@code wait-timeout}. Not retried: the wait was the bound; a failure path (an alarm) handles it.
 */
public final class SignalWaitTimeoutException extends CodedException {
    private static final long serialVersionUID = 1L;

    SignalWaitTimeoutException(String message) {
        super("wait-timeout", message);
    }
}
