package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.device.DeviceDriver;
import io.gantry.engine.api.device.DeviceTypeDescriptor;
import io.gantry.engine.core.internal.registry.LiveDrivers;
import io.gantry.engine.core.internal.registry.Provided;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The serving drivers as a test sets them; like the registry, listeners run on the changing thread. */
final class FakeDrivers implements LiveDrivers {
    private final Map<String, Provided<DeviceDriver, DeviceTypeDescriptor>> serving = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The driver serves its type from now on, in place of any other. */
    void serve(FakeDriver driver) {
        serving.put(driver.type(), new Provided<>(driver, driver.descriptor(), null));
        changed();
    }

    void withdraw(String type) {
        serving.remove(type);
        changed();
    }

    @Override
    public Optional<Provided<DeviceDriver, DeviceTypeDescriptor>> liveDriver(String deviceTypeId) {
        return Optional.ofNullable(serving.get(deviceTypeId));
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeOnChange(Runnable listener) {
        listeners.remove(listener);
    }

    int listeners() {
        return listeners.size();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
