package io.gantry.engine.core.internal.registry;

import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import java.util.Optional;

/**
 * The device drivers serving now, as the device manager follows them. A driver is identified by its
 * service object: after a plugin update the same type is served by a new object, and a device
 * attached to the old one must be attached again.
 */
public interface LiveDrivers {
    /**
     * @param deviceTypeId a device type id
     * @return the serving driver, when a plugin offers it now
     */
    Optional<Provided<DeviceDriver, DeviceTypeDescriptor>> liveDriver(String deviceTypeId);

    /**
     * @param listener called after every change of the serving drivers or functions, on the thread
     *     that changed them; it must not block
     */
    void onChange(Runnable listener);

    /**
     * @param listener a listener given to {@link #onChange}
     */
    void removeOnChange(Runnable listener);
}
