package io.gantry.engine.core.internal.device;

import io.gantry.engine.api.error.PipelineValidationException;
import io.gantry.engine.api.error.Problem;
import io.gantry.engine.core.internal.registry.LiveDrivers;
import io.gantry.engine.core.internal.schema.JsonSchemaChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks what a client asks a device to be before anything is stored: its id, its name, and its
 * config against the schema of the driver serving its type now (a type no plugin offers cannot be
 * checked, so it is refused).
 */
final class DeviceValidation {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final LiveDrivers drivers;
    private final JsonSchemaChecker schemas;

    DeviceValidation(LiveDrivers drivers, JsonSchemaChecker schemas) {
        this.drivers = drivers;
        this.schemas = schemas;
    }

    /**
     * @throws PipelineValidationException listing every problem found, when there is one
     */
    void check(String id, String type, String name, Map<String, Object> config) {
        List<Problem> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new Problem(
                    "id",
                    "invalid-id",
                    "device id must be 1-64 letters, digits, '.', '_' or '-', " + "starting with a letter or digit"));
        }
        if (name == null || name.isBlank()) {
            problems.add(new Problem("name", "missing", "a device needs a name"));
        }
        if (type == null) {
            problems.add(new Problem("type", "missing", "a device needs a type"));
        } else {
            drivers.liveDriver(type)
                    .ifPresentOrElse(
                            driver -> problems.addAll(schemas.check(
                                    driver.descriptor().configSchema(), config == null ? Map.of() : config, "config")),
                            () -> problems.add(new Problem(
                                    "type", "unknown-device-type", "no plugin offers device type '" + type + "' now")));
        }
        if (!problems.isEmpty()) {
            throw new PipelineValidationException(problems);
        }
    }

    /** @return a fresh id for a device of this type, for a client that gave none */
    String newId(String type) {
        String prefix = type == null ? "device" : type.replaceAll("[^A-Za-z0-9._-]", "");
        return (prefix.isEmpty() ? "device" : prefix) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
