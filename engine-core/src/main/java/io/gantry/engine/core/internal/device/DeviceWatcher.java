package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.signal.SignalSample;

/**
 * Hears what happens to every device, directly rather than through the event bus: the signal polls
 * start when a device is connected and stop when it is not. Called while the device holds its own
 * monitor, in the order of its states: an implementation must only take note and never block or call
 * back into the device manager.
 */
public interface DeviceWatcher {
    /**
     * @param deviceId the device
     * @param status   its new status
     * @param error    why, when it is FAULT or dropped; null otherwise
     */
    void statusChanged(String deviceId, DeviceStatus status, String error);

    /**
     * A reading the device's current instance pushed (a subscription), not polled.
     *
     * @param deviceId the device
     * @param signal   the signal's name, as the instance gave it
     * @param sample   the reading
     */
    void signalPushed(String deviceId, String signal, SignalSample sample);

    /** @param deviceId a device that was deleted */
    void removed(String deviceId);
}
