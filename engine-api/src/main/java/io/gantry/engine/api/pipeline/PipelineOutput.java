package io.gantry.engine.api.pipeline;

import java.util.Objects;

/**
 * A result a pipeline declares: the value of one node's output port when the run ends, shown in the
 * execution record under {@code outputs} and, for a pipeline called by {@code core.call}, the calling
 * node's output port of the same name.
 *
 * @param name        unique among the pipeline's outputs
 * @param from        the output port it takes its value from, {@code nodeId.port}
 * @param description what it means; may be null
 * @since 1.1
 */
public record PipelineOutput(String name, String from, String description) {
    /** Checks presence. */
    public PipelineOutput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(from, "from");
    }
}
