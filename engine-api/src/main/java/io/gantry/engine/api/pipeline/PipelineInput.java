package io.gantry.engine.api.pipeline;

import io.gantry.engine.api.function.PortType;
import java.util.List;
import java.util.Objects;

/**
 * A typed input a pipeline declares: a run gives it a value by name ({@code {"inputs":{"name":…}}})
 * and the pipeline places that value on the input ports it names. A pipeline called by
 * {@code core.call} offers its declared inputs as the calling node's input ports.
 *
 * @param name         unique among the pipeline's inputs; letters, digits, {@code _} and {@code -}
 * @param type         the values it takes
 * @param defaultValue the value when a run gives none; null makes the input required
 * @param to           the input ports it feeds, each {@code nodeId.port}
 * @param description  what it means, for the engineer; may be null
 * @since 1.1
 */
public record PipelineInput(String name, PortType type, Object defaultValue, List<String> to, String description) {
    /** Checks presence and copies the targets. */
    public PipelineInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        to = to == null ? List.of() : List.copyOf(to);
    }

    /** @return true when a run must give it a value */
    public boolean required() {
        return defaultValue == null;
    }
}
