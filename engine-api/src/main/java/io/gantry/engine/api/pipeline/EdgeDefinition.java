package io.gantry.engine.api.pipeline;

import java.util.Objects;

/**
 * Data flowing from an output port to an input port.
 *
 * @param from {@code nodeId.outputPort}
 * @param to   {@code nodeId.inputPort}
 */
public record EdgeDefinition(String from, String to) {
    /** Checks presence. */
    public EdgeDefinition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
