package io.gantry.engine.api.device;

import java.util.Objects;

/**
 * Describes a device type that a {@link DeviceDriver} can create instances of.
 *
 * @param id           stable id of the type, unique in the controller (for example {@code mock-servo})
 * @param name         human-readable name shown in HMIs
 * @param configSchema a JSON Schema (draft 2020-12 or 7, as JSON text) that every instance's config must satisfy
 */
public record DeviceTypeDescriptor(String id, String name, String configSchema) {
    /** Checks that every component is present. */
    public DeviceTypeDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configSchema, "configSchema");
    }
}
