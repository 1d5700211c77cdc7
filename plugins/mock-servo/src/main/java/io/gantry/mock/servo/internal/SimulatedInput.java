package io.gantry.mock.servo.internal;

import io.gantry.engine.api.device.Device;
import io.gantry.engine.api.error.DeviceNotConnectedException;
import io.gantry.engine.api.signal.SignalDescriptor;
import io.gantry.engine.api.signal.SignalSample;
import io.gantry.engine.api.signal.SignalSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A simulated field input (a light barrier, a scale): one value that the field sets and a pipeline
 * reads. The value lives while the device is connected; a reconnect starts again from the config's
 * initial value, as a real input reads whatever the field shows after a power cycle.
 */
final class SimulatedInput implements Device, SignalSource {
    /** The one signal of an input: its value. */
    static final String SIGNAL = "value";

    private final String deviceId;
    private final Object initial;
    private final SignalDescriptor signal;
    private volatile Object value;
    private volatile boolean connected;

    SimulatedInput(String deviceId, Object initial, SignalDescriptor signal) {
        this.deviceId = deviceId;
        this.initial = initial;
        this.signal = signal;
        this.value = initial;
    }

    @Override
    public List<SignalDescriptor> signals() {
        return List.of(signal);
    }

    @Override
    public CompletionStage<Map<String, SignalSample>> read(List<String> names) {
        try {
            return CompletableFuture.completedFuture(
                    names.contains(SIGNAL) ? Map.of(SIGNAL, SignalSample.good(read(), Instant.now())) : Map.of());
        } catch (DeviceNotConnectedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> write(String name, Object newValue) {
        try {
            set(newValue);
            return CompletableFuture.completedFuture(null);
        } catch (DeviceNotConnectedException e) {
            return CompletableFuture.failedFuture(e);
        }
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
