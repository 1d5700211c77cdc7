package io.gantry.engine.api.device;

import io.gantry.engine.api.signal.SignalDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Describes a device type that a {@link DeviceDriver} can create instances of.
 *
 * @param id           stable id of the type, unique in the controller (for example {@code mock-servo})
 * @param name         human-readable name shown in HMIs
 * @param configSchema a JSON Schema (draft 2020-12 or 7, as JSON text) that every instance's config must satisfy
 * @param signals      the signals every instance of the type has (an instance's config may add more:
 *                     its {@link io.gantry.engine.api.signal.SignalSource#signals()} is the whole list);
 *                     empty when it has none or they all come from the config
 */
public record DeviceTypeDescriptor(String id, String name, String configSchema, List<SignalDescriptor> signals) {
    /** Checks that every component is present, and the signal names unique. */
    public DeviceTypeDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(configSchema, "configSchema");
        signals = List.copyOf(signals);
        Set<String> names = new HashSet<>();
        for (SignalDescriptor signal : signals) {
            if (!names.add(signal.name())) {
                throw new IllegalArgumentException(
                        "device type '" + id + "' declares signal '" + signal.name() + "' twice");
            }
        }
    }

    /**
     * A type without declared signals (the 1.0 form).
     *
     * @param id           stable id of the type
     * @param name         human-readable name
     * @param configSchema the instances' config schema
     */
    public DeviceTypeDescriptor(String id, String name, String configSchema) {
        this(id, name, configSchema, List.of());
    }
}
