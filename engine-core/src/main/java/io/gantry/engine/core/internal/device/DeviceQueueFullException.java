package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.error.DeviceException;

/**
 * Too many nodes already wait for one device: the bulkhead that keeps a stalled device from piling
 * up work without bound. Code {@code unavailable} (503): the controller refuses more work for that
 * device now; not retried within the node, since the queue will not drain within a backoff.
 */
public final class DeviceQueueFullException extends DeviceException {
    private static final long serialVersionUID = 1L;

    DeviceQueueFullException(String deviceId, String message) {
        super(deviceId, message, null);
    }

    @Override
    public String code() {
        return "unavailable";
    }
}
