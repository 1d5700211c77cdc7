package io.gantry.engine.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The service a plugin registers for each device type it drives. The controller discovers it
 * dynamically: the type is usable while the service is registered and its instances become
 * {@link DeviceStatus#UNAVAILABLE} when it goes away.
 */
@ConsumerType
public interface DeviceDriver {
    /** @return the device type this driver creates instances of; must not change while registered */
    DeviceTypeDescriptor descriptor();

    /**
     * Creates a device instance. Must not block or touch the hardware: connecting is
     * {@link Device#connect()}'s job.
     *
     * @param context the instance's id and validated config, and its channel to report faults
     * @return a new, disconnected device
     * @throws io.gantry.engine.api.error.InvalidConfigException when the config is valid against the
     *     schema but still unusable (for example min above max)
     */
    Device create(DeviceContext context);
}
