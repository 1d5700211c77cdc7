package io.gantry.mock.servo.internal;

import io.gantry.engine.api.error.InvalidConfigException;
import io.gantry.engine.api.function.PortType;
import io.gantry.engine.api.signal.SignalAccess;
import io.gantry.engine.api.signal.SignalDescriptor;
import java.util.Map;

/** The two kinds of simulated input: what values they carry, how they are configured and named. */
enum InputKind {
    /** A part-present sensor, a light barrier: a boolean. */
    DIGITAL("mock-digital-input", "Simulated digital input", "input", PortType.BOOLEAN, false, "boolean"),
    /** A scale, a distance sensor: a number. */
    ANALOG("mock-analog-input", "Simulated analog input", "analog", PortType.NUMBER, 0.0, "number");

    private final String typeId;
    private final String typeName;
    private final String functionPrefix;
    private final PortType type;
    private final Object defaultValue;
    private final String schemaType;

    InputKind(
            String typeId,
            String typeName,
            String functionPrefix,
            PortType type,
            Object defaultValue,
            String schemaType) {
        this.typeId = typeId;
        this.typeName = typeName;
        this.functionPrefix = functionPrefix;
        this.type = type;
        this.defaultValue = defaultValue;
        this.schemaType = schemaType;
    }

    String typeId() {
        return typeId;
    }

    String typeName() {
        return typeName;
    }

    /** @return the function id of this kind's {@code read} or {@code set} */
    String functionId(String verb) {
        return functionPrefix + "." + verb;
    }

    PortType type() {
        return type;
    }

    /** How often the controller polls a simulated input's value, in ms. */
    static final long POLL_MS = 100;

    /** @return the signal every input of this kind has: its value, polled, and set by a write */
    SignalDescriptor signal(String unit) {
        return new SignalDescriptor(SimulatedInput.SIGNAL, type, unit, SignalAccess.READ_WRITE, POLL_MS, 0);
    }

    String configSchema() {
        String unit =
                this == ANALOG ? ",\"unit\":{\"type\":\"string\",\"description\":\"Shown beside the value\"}" : "";
        return "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"" + typeName
                + "\",\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"" + schemaType
                + "\",\"description\":\"The value after connecting\"}" + unit + "},\"additionalProperties\":false}";
    }

    /**
     * @return the initial value the config gives, or the kind's default
     * @throws InvalidConfigException naming {@code value} when it is of another type
     */
    Object initialValue(String deviceId, Map<String, Object> config) {
        Object value = config.get("value");
        if (value == null) {
            return defaultValue;
        }
        if (!type.accepts(value)) {
            throw new InvalidConfigException(
                    "device '" + deviceId + "': config 'value' must be a " + schemaType + ", got " + value);
        }
        return this == ANALOG ? ((Number) value).doubleValue() : value;
    }
}
