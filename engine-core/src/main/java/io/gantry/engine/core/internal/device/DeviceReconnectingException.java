package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.error.DeviceNotConnectedException;

/**
 * The device is not connected because its link dropped, and the controller is connecting it again:
 * still {@code device-not-connected}, but retryable — a node with a retry policy rides through the
 * reconnect instead of failing at once, as it would for a device an operator disconnected.
 */
final class DeviceReconnectingException extends DeviceNotConnectedException {
    private static final long serialVersionUID = 1L;

    DeviceReconnectingException(String deviceId, String message) {
        super(deviceId, message);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
