package io.gantry.engine.api.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A device instance as it is stored: what the operator configured, not its live state.
 *
 * @param id                the instance's id, unique in the controller
 * @param type              its device type id
 * @param name              its human-readable name
 * @param config            its config; JSON-like values (maps, lists, strings, numbers, booleans, null)
 * @param shouldBeConnected whether the operator last asked for it to be connected, so the controller
 *                          reconnects it after a restart
 */
public record StoredDevice(String id, String type, String name, Map<String, Object> config, boolean shouldBeConnected) {
    /** Checks presence and copies the config (null values are kept, order is kept). */
    public StoredDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /**
     * @param connected the wanted connection state
     * @return this device with another wanted connection state
     */
    public StoredDevice withShouldBeConnected(boolean connected) {
        return new StoredDevice(id, type, name, config, connected);
    }
}
