package io.gantry.engine.core.internal.device;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the device manager (PID {@code io.gantry.engine.core.internal.device.DeviceManager}). */
@ObjectClassDefinition(name = "Gantry device manager")
@interface DeviceManagerConfiguration {
    @AttributeDefinition(
            description =
                    "How long a device's plugin may take to create, connect, disconnect or close "
                            + "an instance before the device gives up on that call, in ms; a client's request waits this long and a second more")
    long connectTimeoutMs() default 10_000;
}
