package io.gantry.engine.core.internal.signal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the signals (PID {@code io.gantry.engine.core.internal.signal.DeviceSignals}). */
@ObjectClassDefinition(name = "Gantry device signals")
@interface SignalConfiguration {
    @AttributeDefinition(
            description = "Deadline of one signal read or write, in ms; a device that misses it counts a "
                    + "device-timeout against its breaker and its signals go BAD")
    long callTimeoutMs() default 5_000;

    @AttributeDefinition(description = "How often values are checked for staleness, in ms")
    long sweepMs() default 100;
}
