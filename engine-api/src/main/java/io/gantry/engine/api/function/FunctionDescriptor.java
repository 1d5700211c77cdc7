package io.gantry.engine.api.function;

import java.util.List;
import java.util.Objects;

/**
 * Describes a function that pipeline nodes can call.
 *
 * @param id               stable id, unique in the controller (for example {@code servo.move_to})
 * @param name             human-readable name
 * @param deviceType       the id of the device type the function acts on, or {@code null} for a pure
 *                         function that needs no device
 * @param inputs           input ports
 * @param outputs          output ports
 * @param paramsSchema     a JSON Schema (as JSON text) for the node's {@code params}; input ports may
 *                         also be given constants in params under their own name
 * @param defaultTimeoutMs the timeout a node gets when it sets none, in milliseconds; 0 for the
 *                         controller's default
 */
public record FunctionDescriptor(
        String id,
        String name,
        String deviceType,
        List<PortDescriptor> inputs,
        List<PortDescriptor> outputs,
        String paramsSchema,
        long defaultTimeoutMs) {

    /** The schema of a function without params of its own. */
    public static final String NO_PARAMS = "{\"type\":\"object\"}";

    /** Checks presence and copies the port lists. */
    public FunctionDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        paramsSchema = paramsSchema == null ? NO_PARAMS : paramsSchema;
        if (defaultTimeoutMs < 0) {
            throw new IllegalArgumentException("defaultTimeoutMs must not be negative: " + defaultTimeoutMs);
        }
    }

    /**
     * @param portName an input port name
     * @return the input port of that name, or null
     */
    public PortDescriptor input(String portName) {
        return find(inputs, portName);
    }

    /**
     * @param portName an output port name
     * @return the output port of that name, or null
     */
    public PortDescriptor output(String portName) {
        return find(outputs, portName);
    }

    private static PortDescriptor find(List<PortDescriptor> ports, String portName) {
        for (PortDescriptor port : ports) {
            if (port.name().equals(portName)) {
                return port;
            }
        }
        return null;
    }
}
