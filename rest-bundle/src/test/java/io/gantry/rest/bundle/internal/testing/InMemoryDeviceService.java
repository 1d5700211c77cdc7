package io.gantry.rest.bundle.internal.testing;

import io.gantry.engine.api.device.DeviceStatus;
import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PluginUnavailableException;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.BrowseEntry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Devices in a map; only the type {@code mock-servo} exists. */
public final class InMemoryDeviceService implements DeviceService {
    private final Map<String, DeviceInfo> devices = new TreeMap<>();
    private int ids;

    @Override
    public synchronized DeviceInfo create(DeviceSpec spec) {
        if (!"mock-servo".equals(spec.type())) {
            throw new PluginUnavailableException("no plugin provides device type '" + spec.type() + "'");
        }
        String id = spec.id() == null ? "d" + ++ids : spec.id();
        if (devices.containsKey(id)) {
            throw new ConflictException("device '" + id + "' exists");
        }
        return put(new DeviceInfo(id, spec.type(), spec.name(), spec.config(), DeviceStatus.DISCONNECTED, null, null));
    }

    @Override
    public synchronized List<DeviceInfo> list() {
        return List.copyOf(devices.values());
    }

    @Override
    public synchronized DeviceInfo get(String id) {
        DeviceInfo device = devices.get(id);
        if (device == null) {
            throw new NotFoundException("no device '" + id + "'");
        }
        return device;
    }

    @Override
    public synchronized DeviceInfo update(String id, String name, Map<String, Object> config) {
        DeviceInfo d = get(id);
        return put(new DeviceInfo(id, d.type(), name, config, d.status(), d.lastError(), d.breaker()));
    }

    @Override
    public synchronized void delete(String id) {
        devices.remove(get(id).id());
    }

    @Override
    public synchronized DeviceInfo connect(String id) {
        return withStatus(get(id), DeviceStatus.CONNECTED);
    }

    @Override
    public synchronized DeviceInfo disconnect(String id) {
        return withStatus(get(id), DeviceStatus.DISCONNECTED);
    }

    private DeviceInfo withStatus(DeviceInfo d, DeviceStatus status) {
        return put(new DeviceInfo(d.id(), d.type(), d.name(), d.config(), status, null, "CLOSED"));
    }

    private DeviceInfo put(DeviceInfo device) {
        devices.put(device.id(), device);
        return device;
    }

    /** Devices here have no signals: the real ones are tested in the controller (SignalsIT). */
    @Override
    public List<SignalInfo> signals(String id) {
        get(id);
        return List.of();
    }

    @Override
    public SignalInfo signal(String id, String signal) {
        get(id);
        throw new NotFoundException("device '" + id + "' has no signal '" + signal + "'");
    }

    @Override
    public SignalInfo writeSignal(String id, String signal, Object value) {
        return signal(id, signal);
    }

    @Override
    public List<BrowseEntry> browse(String id, String address) {
        get(id);
        throw new ConflictException(
                "device '" + id + "' of type 'mock-servo' cannot list its address space (no browse)");
    }
}
