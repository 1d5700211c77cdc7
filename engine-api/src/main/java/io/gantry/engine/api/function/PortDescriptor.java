package io.gantry.engine.api.function;

import java.util.Objects;

/**
 * One input or output port of a function.
 *
 * @param name     the port's name, unique among the function's inputs (or outputs)
 * @param type     the values it carries
 * @param required for inputs: whether a pipeline must feed it (by an edge or a constant in params);
 *                 always false for outputs
 */
public record PortDescriptor(String name, PortType type, boolean required) {
    /** Checks that name and type are present. */
    public PortDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * @param name port name
     * @param type port type
     * @return an input port a pipeline must feed
     */
    public static PortDescriptor required(String name, PortType type) {
        return new PortDescriptor(name, type, true);
    }

    /**
     * @param name port name
     * @param type port type
     * @return an input port a pipeline may leave unfed
     */
    public static PortDescriptor optional(String name, PortType type) {
        return new PortDescriptor(name, type, false);
    }

    /**
     * @param name port name
     * @param type port type
     * @return an output port
     */
    public static PortDescriptor output(String name, PortType type) {
        return new PortDescriptor(name, type, false);
    }
}
