package io.gantry.engine.core.internal.usecase;

import io.gantry.engine.api.error.ConflictException;
import io.gantry.engine.api.service.DeviceInfo;
import io.gantry.engine.api.service.DeviceService;
import io.gantry.engine.api.service.DeviceSpec;
import io.gantry.engine.api.service.SignalInfo;
import io.gantry.engine.api.signal.BrowseEntry;
import io.gantry.engine.core.internal.device.DeviceManager;
import io.gantry.engine.core.internal.execution.ExecutionRuntime;
import io.gantry.engine.core.internal.signal.DeviceBrowsing;
import io.gantry.engine.core.internal.signal.DeviceSignals;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Manages devices for clients; refuses to change or delete one while a running execution uses it. */
@Component(service = DeviceService.class)
public final class DeviceServiceImpl implements DeviceService {
    private final DeviceManager devices;
    private final ExecutionRuntime runtime;
    private final DeviceSignals signals;
    private final DeviceBrowsing browsing;

    /**
     * @param devices the device manager
     * @param runtime the engine, to know which devices running executions use
     * @param signals the devices' signals
     * @param browsing browses their address spaces
     */
    @Activate
    public DeviceServiceImpl(
            @Reference DeviceManager devices,
            @Reference ExecutionRuntime runtime,
            @Reference DeviceSignals signals,
            @Reference DeviceBrowsing browsing) {
        this.devices = devices;
        this.runtime = runtime;
        this.signals = signals;
        this.browsing = browsing;
    }

    @Override
    public DeviceInfo create(DeviceSpec spec) {
        return devices.create(spec);
    }

    @Override
    public List<DeviceInfo> list() {
        return devices.list();
    }

    @Override
    public DeviceInfo get(String id) {
        return devices.get(id);
    }

    @Override
    public DeviceInfo update(String id, String name, Map<String, Object> config) {
        refuseWhileInUse(id, "changed");
        return devices.update(id, name, config);
    }

    @Override
    public void delete(String id) {
        refuseWhileInUse(id, "deleted");
        devices.delete(id);
    }

    @Override
    public DeviceInfo connect(String id) {
        return devices.connect(id);
    }

    @Override
    public DeviceInfo disconnect(String id) {
        return devices.disconnect(id);
    }

    @Override
    public List<SignalInfo> signals(String id) {
        return signals.signals(id);
    }

    @Override
    public SignalInfo signal(String id, String signal) {
        return signals.signal(id, signal);
    }

    @Override
    public SignalInfo writeSignal(String id, String signal, Object value) {
        return signals.writeAndWait(id, signal, value);
    }

    @Override
    public List<BrowseEntry> browse(String id, String address) {
        return browsing.browse(id, address);
    }

    private void refuseWhileInUse(String id, String what) {
        devices.get(id);
        if (runtime.usesDevice(id)) {
            throw new ConflictException("device '" + id + "' cannot be " + what + " while a running execution uses it");
        }
    }
}
