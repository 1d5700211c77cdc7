package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.storage.StoredDevice;

/**
 * One device instance as the controller manages it: what is stored about it, the live instance
 * its driver created (null while the driver is absent) and its status. Guarded by its own monitor.
 */
final class ManagedDevice {
    private StoredDevice stored;
    private Device instance;
    private DeviceStatus status = DeviceStatus.UNAVAILABLE;
    private String lastError;

    ManagedDevice(StoredDevice stored) {
        this.stored = stored;
    }

    synchronized StoredDevice stored() {
        return stored;
    }

    synchronized void stored(StoredDevice newStored) {
        stored = newStored;
    }

    synchronized Device instance() {
        return instance;
    }

    synchronized DeviceStatus status() {
        return status;
    }

    /** A driver created a fresh, disconnected instance. */
    synchronized void attach(Device created) {
        instance = created;
        status = DeviceStatus.DISCONNECTED;
    }

    /** @return the instance that was attached, now dropped; the device is UNAVAILABLE */
    synchronized Device detach() {
        Device old = instance;
        instance = null;
        status = DeviceStatus.UNAVAILABLE;
        return old;
    }

    /**
     * Moves to a status, unless the instance changed meanwhile (a late answer from an instance that
     * was replaced must not change the new one's status).
     *
     * @return true when the status changed
     */
    synchronized boolean move(Device of, DeviceStatus to, String error) {
        if (of != instance || instance == null || status == to && error == null) {
            return false;
        }
        status = to;
        if (error != null) {
            lastError = error;
        }
        return true;
    }

    synchronized DeviceInfo info(String breaker) {
        return new DeviceInfo(stored.id(), stored.type(), stored.name(), stored.config(), status, lastError, breaker);
    }
}
