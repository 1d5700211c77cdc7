package io.gantry.engine.core.internal.device;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the device manager (PID {@code io.gantry.engine.core.internal.device.DeviceManager}). */
@ObjectClassDefinition(name = "Gantry device manager")
@interface DeviceManagerConfiguration {
    @AttributeDefinition(description = "How long a connect or disconnect request waits for the device, in ms")
    long connectTimeoutMs() default 10_000;
}
