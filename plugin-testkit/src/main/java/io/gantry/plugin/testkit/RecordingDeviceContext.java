package io.gantry.plugin.testkit;

import io.gantry.engine.api.device.DeviceContext;
import io.gantry.engine.api.signal.SignalSample;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The context a controller hands a device, recording what the device reports on its own. */
public final class RecordingDeviceContext implements DeviceContext {
    private final String deviceId;
    private final Map<String, Object> config;
    private final List<String> faults = new CopyOnWriteArrayList<>();
    private final List<String> disconnects = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<String, SignalSample>> pushed = new CopyOnWriteArrayList<>();

    /**
     * @param deviceId the device's id
     * @param config   its config, as the controller would pass it after validating it
     */
    public RecordingDeviceContext(String deviceId, Map<String, Object> config) {
        this.deviceId = deviceId;
        this.config = Map.copyOf(config);
    }

    @Override
    public String deviceId() {
        return deviceId;
    }

    @Override
    public Map<String, Object> config() {
        return config;
    }

    @Override
    public void reportFault(String reason) {
        faults.add(reason);
    }

    @Override
    public void reportDisconnected(String reason) {
        disconnects.add(reason);
    }

    @Override
    public void publishSignal(String signal, SignalSample sample) {
        pushed.add(Map.entry(signal, sample));
    }

    /** @return every signal reading the device pushed so far, in order: signal name and reading */
    public List<Map.Entry<String, SignalSample>> pushedSignals() {
        return List.copyOf(pushed);
    }

    /** @return the reasons of every fault reported so far, in order */
    public List<String> faults() {
        return List.copyOf(faults);
    }

    /** @return the reasons of every dropped link reported so far, in order */
    public List<String> disconnects() {
        return List.copyOf(disconnects);
    }
}
