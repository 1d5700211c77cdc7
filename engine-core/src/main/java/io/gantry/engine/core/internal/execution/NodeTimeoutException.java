package io.gantry.engine.core.internal.execution;

import io.gantry.engine.api.error.GantryException;

/**
 * A pure function did not answer within its node's timeout. (Device nodes use
 * {@link io.gantry.engine.api.error.DeviceTimeoutException} instead.) Retryable, like a device timeout.
 */
public final class NodeTimeoutException extends GantryException {
    private static final long serialVersionUID = 1L;

    public NodeTimeoutException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "timeout";
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
