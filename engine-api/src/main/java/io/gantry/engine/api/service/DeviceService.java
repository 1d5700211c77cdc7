package io.gantry.engine.api.service;

import io.gantry.engine.api.signal.BrowseEntry;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Manages device instances: the use cases behind {@code /api/devices}. */
@ProviderType
public interface DeviceService {
    /**
     * Creates a device instance, disconnected.
     *
     * @param spec type, name and config
     * @return the new device
     * @throws io.gantry.engine.api.error.PipelineValidationException when the config fails the type's schema
     * @throws io.gantry.engine.api.error.PluginUnavailableException when no plugin provides the type now
     * @throws io.gantry.engine.api.error.ConflictException when the id is taken
     */
    DeviceInfo create(DeviceSpec spec);

    /** @return every device instance, by id */
    List<DeviceInfo> list();

    /**
     * @param id a device id
     * @return the device
     * @throws io.gantry.engine.api.error.NotFoundException when there is none
     */
    DeviceInfo get(String id);

    /**
     * Changes a device's name and config; a connected device is reconnected with the new config.
     *
     * @param id     a device id
     * @param name   the new name
     * @param config the new config
     * @return the device
     * @throws io.gantry.engine.api.error.ConflictException while a running execution uses it
     */
    DeviceInfo update(String id, String name, Map<String, Object> config);

    /**
     * Deletes a device instance, disconnecting it first.
     *
     * @param id a device id
     * @throws io.gantry.engine.api.error.ConflictException while a running execution uses it
     */
    void delete(String id);

    /**
     * Connects a device and waits (bounded) for the outcome.
     *
     * @param id a device id
     * @return the device, CONNECTED or FAULT with the reason
     */
    DeviceInfo connect(String id);

    /**
     * Disconnects a device.
     *
     * @param id a device id
     * @return the device
     */
    DeviceInfo disconnect(String id);

    /**
     * @param id a device id
     * @return the device's signals with their last readings, by name; empty when it has none, or when no
     *     plugin serves its type now and none was ever known
     * @throws io.gantry.engine.api.error.NotFoundException when there is no such device
     */
    List<SignalInfo> signals(String id);

    /**
     * @param id     a device id
     * @param signal one of its signals
     * @return the signal with its last reading
     * @throws io.gantry.engine.api.error.NotFoundException when there is no such device or signal
     */
    SignalInfo signal(String id, String signal);

    /**
     * Writes a signal, in the device's turn (never during one of its commands), and waits, bounded, for
     * the device to take it.
     *
     * @param id     a device id
     * @param signal a writable signal
     * @param value  a value of the signal's type
     * @return the signal after the write (a readable one is read back at its next poll)
     * @throws io.gantry.engine.api.error.NotFoundException when there is no such device or signal
     * @throws io.gantry.engine.api.error.PipelineValidationException when the signal is read-only or the
     *     value is not of its type (one problem at {@code value})
     * @throws io.gantry.engine.api.error.DeviceNotConnectedException when the device is not connected
     * @throws io.gantry.engine.api.error.DeviceException when the device refused the value or did not answer
     */
    SignalInfo writeSignal(String id, String signal, Object value);

    /**
     * Lists one level of a device's address space (an OPC UA server's nodes), for an engineer picking
     * signals; waits, bounded, for the device to answer. Runs beside the device's commands, not in their turn.
     *
     * @param id      a device id
     * @param address where to list from, an address of an earlier answer; null for the top
     * @return the entries there
     * @throws io.gantry.engine.api.error.NotFoundException when there is no such device
     * @throws io.gantry.engine.api.error.ConflictException when its type cannot browse
     * @throws io.gantry.engine.api.error.DeviceNotConnectedException when the device is not connected
     * @throws io.gantry.engine.api.error.InvalidConfigException when the device does not know the address
     * @throws io.gantry.engine.api.error.DeviceException when the device did not answer in time or failed
     */
    List<BrowseEntry> browse(String id, String address);
}
