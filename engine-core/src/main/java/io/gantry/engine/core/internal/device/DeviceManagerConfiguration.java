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

    @AttributeDefinition(
            description = "After a device reports that its link dropped, the wait before the first attempt to "
                    + "connect it again, in ms (doubled after each failed attempt); 0 never reconnects by itself")
    long reconnectInitialDelayMs() default 1_000;

    @AttributeDefinition(description = "The longest wait between two attempts to connect a dropped device again, in ms")
    long reconnectMaxDelayMs() default 30_000;
}
