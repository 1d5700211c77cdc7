package io.gantry.mock.servo.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A simulated field input (a light barrier, a scale): one value that the field sets and a pipeline
 * reads. The value lives while the device is connected; a reconnect starts again from the config's
 * initial value, as a real input reads whatever the field shows after a power cycle.
 */
final class SimulatedInput implements Device {
    private final String deviceId;
    private final Object initial;
    private volatile Object value;
    private volatile boolean connected;

    SimulatedInput(String deviceId, Object initial) {
        this.deviceId = deviceId;
        this.initial = initial;
        this.value = initial;
    }

    @Override
    public CompletionStage<Void> connect() {
        value = initial;
        connected = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> disconnect() {
        connected = false;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        connected = false;
    }

    Object read() {
        requireConnected();
        return value;
    }

    /** Calls for one device are serialized by the controller; volatile makes a set visible to the next read. */
    Object set(Object newValue) {
        requireConnected();
        value = newValue;
        return newValue;
    }

    private void requireConnected() {
        if (!connected) {
            throw new DeviceNotConnectedException(deviceId, "simulated input '" + deviceId + "' is not connected");
        }
    }
}
