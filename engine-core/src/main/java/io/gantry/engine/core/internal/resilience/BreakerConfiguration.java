package io.gantry.engine.core.internal.resilience;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the per-device circuit breakers (PID {@code io.gantry.engine.core.internal.resilience.DeviceBreakers}). */
@ObjectClassDefinition(name = "Gantry device circuit breakers")
@interface BreakerConfiguration {
    @AttributeDefinition(description = "Whether device calls go through a circuit breaker per device")
    boolean enabled() default true;

    @AttributeDefinition(
            description =
                    "Consecutive failed device calls that open the breaker " + "(used when failureRatePercent is 0)")
    int failureThreshold() default 5;

    @AttributeDefinition(
            description = "Share of failed calls, in percent, among the last windowSize calls that opens "
                    + "the breaker; 0 to use failureThreshold instead")
    int failureRatePercent() default 0;

    @AttributeDefinition(description = "Calls the failure rate is measured over")
    int windowSize() default 20;

    @AttributeDefinition(
            description = "How long an open breaker fails calls fast before it lets a trial call through, in ms")
    long delayMs() default 10_000;

    @AttributeDefinition(description = "Successful trial calls that close a half-open breaker")
    int successThreshold() default 1;

    @AttributeDefinition(
            description = "Whether a breaker that opens also moves its device to FAULT "
                    + "(it then needs a reconnect before it runs again)")
    boolean faultDeviceOnOpen() default false;
}
