package io.gantry.engine.api.signal;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a {@link io.gantry.engine.api.device.Device} whose protocol can list what the device
 * offers (an OPC UA server's address space, a PLC's tag table), so an engineer picks signals instead of
 * typing addresses. The controller calls it only while the device is connected, for an operator who asks;
 * it may run at the same time as a command or a read, so an implementation must allow that (a browse only
 * reads the device's description, it never moves anything).
 */
@ConsumerType
public interface SignalBrowser {
    /**
     * Lists the children of one place in the device's address space, one level deep.
     *
     * @param address an {@link BrowseEntry#address()} from an earlier answer; null for the top
     * @return completes with the children, in the device's order; exceptionally with an
     *     {@link io.gantry.engine.api.error.InvalidConfigException} when the address is malformed or unknown,
     *     or a {@link io.gantry.engine.api.error.DeviceException} when the device did not answer
     */
    CompletionStage<List<BrowseEntry>> browse(String address);
}
