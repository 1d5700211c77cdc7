package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.signal.SignalSample;
import java.util.Map;

/**
 * The context an instance is created with, bound to that instance's attachment: a replaced
 * instance that reports late is heard, and ignored, instead of changing its successor's status.
 *
 * @param deviceId   the device's id
 * @param config     the config the instance was created with
 * @param attachment the life of the device this context belongs to
 * @param link       the device, which judges whether the attachment is still current
 */
record AttachedContext(String deviceId, Map<String, Object> config, Attachment attachment, DeviceLink link)
        implements DeviceContext {
    @Override
    public void reportFault(String reason) {
        link.reported(attachment, DeviceStatus.FAULT, reason);
    }

    @Override
    public void publishSignal(String signal, SignalSample sample) {
        if (signal != null && sample != null) {
            link.pushed(attachment, signal, sample);
        }
    }

    @Override
    public void reportDisconnected(String reason) {
        link.reported(attachment, DeviceStatus.DISCONNECTED, reason);
    }
}
