package io.gantry.engine.api.device;

import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One device instance created by a {@link DeviceDriver}. The controller owns its lifecycle: it calls
 * {@link #connect()} and {@link #disconnect()}, tracks the status and never runs two commands on one
 * device at the same time, so an implementation needs no locking of its own for commands.
 */
@ConsumerType
public interface Device {
    /**
     * Opens the link to the device.
     *
     * @return completes when the device accepts commands; completes exceptionally (preferably with a
     *     {@link io.gantry.engine.api.error.DeviceFaultException}) when it cannot be reached
     */
    CompletionStage<Void> connect();

    /**
     * Closes the link to the device.
     *
     * @return completes when the link is closed
     */
    CompletionStage<Void> disconnect();

    /**
     * Asks the device to stop what it is doing now (a node timed out or its run was cancelled).
     * Drivers whose hardware has no stop command keep the default, which does nothing.
     */
    default void stop() {}

    /** Releases everything the instance holds; called once when the instance is discarded. */
    default void close() {}
}
