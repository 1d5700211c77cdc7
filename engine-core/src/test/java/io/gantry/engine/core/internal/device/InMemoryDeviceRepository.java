package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.storage.DeviceRepository;
import io.gantry.engine.api.storage.StoredDevice;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Devices stored in a map. */
final class InMemoryDeviceRepository implements DeviceRepository {
    private final Map<String, StoredDevice> devices = new ConcurrentSkipListMap<>();

    @Override
    public void save(StoredDevice device) {
        devices.put(device.id(), device);
    }

    @Override
    public Optional<StoredDevice> find(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    @Override
    public List<StoredDevice> findAll() {
        return List.copyOf(devices.values());
    }

    @Override
    public boolean delete(String id) {
        return devices.remove(id) != null;
    }

    @Override
    public boolean setShouldBeConnected(String id, boolean connected) {
        return devices.computeIfPresent(id, (key, device) -> device.withShouldBeConnected(connected)) != null;
    }
}
